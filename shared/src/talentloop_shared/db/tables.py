"""Tables every service database has: outbox, inbox and idempotency keys.

They live in their own MetaData so each service's Alembic env can include them
beside its own tables; each service's database holds its own copy.
"""

from __future__ import annotations

from sqlalchemy import (
    DDL,
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
    event,
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

# The relay LISTENs on this channel. A statement-level trigger sends the NOTIFY, so a commit
# that wrote outbox rows wakes the relay (in any process) without an extra round trip, and
# only when the commit lands (NOTIFY is transactional). Channels are per database, and each
# service has its own database, so one fixed name serves all.
OUTBOX_CHANNEL = "talentloop_outbox"

event.listen(
    outbox,
    "after_create",
    DDL(
        "CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{OUTBOX_CHANNEL}', ''); RETURN NULL; END $$"
    ),
)
event.listen(
    outbox,
    "after_create",
    DDL(
        "CREATE TRIGGER outbox_notify AFTER INSERT ON outbox "
        "FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()"
    ),
)
event.listen(outbox, "before_drop", DDL("DROP FUNCTION IF EXISTS outbox_notify() CASCADE"))

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
