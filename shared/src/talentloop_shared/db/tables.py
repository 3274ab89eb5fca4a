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

# The active relay LISTENs on this channel. A commit that wrote outbox rows wakes the relay
# of its own process directly; a process whose relay is a standby sends one `pg_notify`
# after its commit, so the active relay (in another replica) wakes too (`OutboxRelay.
# committed`). Channels are per database, and each service has its own database, so one
# fixed name serves all. There is no trigger: a NOTIFY inside a transaction takes a
# database-wide lock at commit, which serialised every committing request (about a fifth
# of the one-event-per-transaction rate).
OUTBOX_CHANNEL = "talentloop_outbox"

# What the migrations that removed the trigger undo and redo (each service's
# `*_outbox_wake_without_trigger` revision).
DROP_OUTBOX_TRIGGER = (
    "DROP TRIGGER IF EXISTS outbox_notify ON outbox",
    "DROP FUNCTION IF EXISTS outbox_notify()",
)
CREATE_OUTBOX_TRIGGER = (
    "CREATE OR REPLACE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$ "
    f"BEGIN PERFORM pg_notify('{OUTBOX_CHANNEL}', ''); RETURN NULL; END $$",
    "CREATE TRIGGER outbox_notify AFTER INSERT ON outbox "
    "FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()",
)
# A database migrated down past those revisions has the function again: dropping the outbox
# drops it too, as it always did.
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
