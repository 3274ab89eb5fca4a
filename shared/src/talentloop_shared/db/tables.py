"""Tables every service database has: outbox, inbox and idempotency keys.

They live in their own MetaData so each service's Alembic env can include them
beside its own tables; each service's database holds its own copy.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Identity,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID

from talentloop_shared.db.base import NAMING_CONVENTION

infra_metadata = MetaData(naming_convention=NAMING_CONVENTION)

outbox = Table(
    "outbox",
    infra_metadata,
    # seq orders publication. It is allocated at INSERT time, and the unit of work inserts
    # outbox rows last, after the aggregate's row is updated (and so locked): two changes of
    # one aggregate therefore get seqs in commit order, which is the order that matters.
    Column("seq", BigInteger, Identity(always=True), primary_key=True),
    Column("id", UUID(as_uuid=True), nullable=False, unique=True),
    Column("event_type", String(100), nullable=False),
    Column("routing_key", String(200), nullable=False),
    Column("envelope", JSONB, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("published_at", DateTime(timezone=True)),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    Column("last_error", Text),
    Index(
        "ix_outbox_unpublished",
        "seq",
        postgresql_where=text("published_at IS NULL"),
    ),
)

inbox = Table(
    "inbox",
    infra_metadata,
    Column("event_id", String(200), primary_key=True),
    Column("event_type", String(100), nullable=False),
    Column("source", String(200), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

idempotency_keys = Table(
    "idempotency_keys",
    infra_metadata,
    Column("scope", String(300), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("status_code", Integer),
    Column("response_body", JSONB),
    Column("response_headers", JSONB),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)
