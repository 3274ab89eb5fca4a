"""Alembic glue shared by the services: one env.py body, programmatic upgrade, head check."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import zlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import command, context
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, pool, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


def alembic_config(script_location: str, database_url: str) -> Config:
    """An Alembic config for a service's migrations (e.g. `org_service:migrations`)."""
    cfg = Config()
    cfg.set_main_option("script_location", script_location)
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return cfg


def upgrade_to_head(script_location: str, database_url: str) -> None:
    """Run every pending migration (blocking; call via asyncio.to_thread from async code)."""
    command.upgrade(alembic_config(script_location, database_url), "head")


def script_head(script_location: str) -> str | None:
    """The newest revision the code knows."""
    script = ScriptDirectory.from_config(alembic_config(script_location, "postgresql://"))
    return script.get_current_head()


async def database_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at (None before the first migration)."""
    async with engine.connect() as conn:
        exists = await conn.scalar(text("SELECT to_regclass('alembic_version') IS NOT NULL"))
        if not exists:
            return None
        return await conn.scalar(text("SELECT version_num FROM alembic_version"))


def run_env(target_metadata: Sequence[MetaData]) -> None:
    """The body of every service's migrations/env.py (online mode, async engine)."""
    config = context.config
    url = config.get_main_option("sqlalchemy.url")
    assert url, "sqlalchemy.url is not set"

    def do_run(connection: Connection) -> None:
        _wait_for_migration_lock(connection)
        context.configure(
            connection=connection, target_metadata=list(target_metadata), compare_type=True
        )
        with context.begin_transaction():
            context.run_migrations()

    async def run_async() -> None:
        engine = create_async_engine(url, poolclass=pool.NullPool)
        async with engine.connect() as connection:
            await connection.run_sync(do_run)
        await engine.dispose()

    if context.is_offline_mode():
        context.configure(url=url, target_metadata=list(target_metadata), literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
    else:
        asyncio.run(run_async())


MIGRATION_LOCK = zlib.crc32(b"talentloop:migrations")
"""The session advisory lock a migrating process holds on its database (until its connection
closes): two replicas started at once (`serve --migrate`) migrate one after the other, the
second finding the database at head."""


def _wait_for_migration_lock(connection: Connection, *, poll_seconds: float = 0.2) -> None:
    # Polled, with no transaction open between tries: the holder may be building an index
    # concurrently, which waits for every transaction open in the database, ours included
    # (waiting in pg_advisory_lock inside one would deadlock with it).
    said = False
    while True:
        held = connection.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": MIGRATION_LOCK})
        connection.commit()
        if held:
            return
        if not said:
            logging.getLogger("alembic.runtime.migration").info(
                "another process is migrating this database: waiting for it"
            )
            said = True
        time.sleep(poll_seconds)


def create_infra_tables() -> None:
    """Create outbox, inbox and idempotency tables (used by each service's first migration)."""
    from alembic import op

    from talentloop_shared.db.tables import infra_metadata

    bind = op.get_bind()
    infra_metadata.create_all(bind)


def drop_infra_tables() -> None:
    """Drop the infra tables (downgrade of the first migration)."""
    from alembic import op

    from talentloop_shared.db.tables import infra_metadata

    infra_metadata.drop_all(op.get_bind())


def drop_outbox_trigger() -> None:
    """Drop the outbox's NOTIFY trigger (each service's `*_outbox_wake_without_trigger`).

    A NOTIFY sent inside a transaction takes a database-wide lock at commit, so every request
    that published an event committed one at a time. Commits now wake the relay themselves
    (`talentloop_shared.outbox.OutboxRelay.committed`)."""
    from alembic import op

    from talentloop_shared.db.tables import DROP_OUTBOX_TRIGGER

    for statement in DROP_OUTBOX_TRIGGER:
        op.execute(statement)


def restore_outbox_trigger() -> None:
    """The downgrade of `drop_outbox_trigger`: the trigger as it was."""
    from alembic import op

    from talentloop_shared.db.tables import CREATE_OUTBOX_TRIGGER

    for statement in CREATE_OUTBOX_TRIGGER:
        op.execute(statement)


_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]{0,62}")

# An index of that name that is invalid: left by a build that failed midway, or being built
# right now (by a second replica migrating at the same time), which the progress view tells.
_INVALID_INDEX = sa.text(
    """
    SELECT c.oid, EXISTS (
        SELECT 1 FROM pg_stat_progress_create_index p WHERE p.index_relid = c.oid
    ) AS building
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE c.relname = :name AND NOT i.indisvalid AND pg_table_is_visible(c.oid)
    """
)


def create_index_online(name: str, table: str, definition: str) -> None:
    """`CREATE INDEX CONCURRENTLY name ON table definition`: the table keeps taking writes
    while the index builds (a plain CREATE INDEX blocks every INSERT and UPDATE of the table
    until it is done: minutes on millions of notices, with consumers waiting). It cannot run
    in a transaction, so the migrations before it are committed first. A build that failed
    midway leaves an invalid index of that name behind: it is dropped (concurrently too) and
    built again; one that another process is building right now is left to it."""
    from alembic import op

    _check_identifiers(name, table)
    with op.get_context().autocommit_block():
        invalid = op.get_bind().execute(_INVALID_INDEX, {"name": name}).first()
        if invalid is not None and not invalid.building:
            op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")
        op.execute(f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON {table} {definition}")


def drop_index_online(name: str) -> None:
    """`DROP INDEX CONCURRENTLY`: the downgrade of `create_index_online`, without blocking
    the table's reads and writes either."""
    from alembic import op

    _check_identifiers(name)
    with op.get_context().autocommit_block():
        op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {name}")


def _check_identifiers(*names: str) -> None:
    # Written into the SQL as they are: plain lower-case names only.
    for name in names:
        if not _IDENTIFIER.fullmatch(name):
            raise ValueError(f"not a plain SQL identifier: {name!r}")


def create_custom_vocabularies() -> None:
    """Create `custom_vocabularies`, a consuming service's copy of HR's vocabularies (one row
    a kind, the latest version; `talentloop_shared.db.vocabularies`). The upgrade of
    recruiting's and talent's revision that added it: change it only together with a new
    revision in each, never in place."""
    from alembic import op

    op.create_table(
        "custom_vocabularies",
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("table", postgresql.JSONB(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("kind", name="pk_custom_vocabularies"),
    )


def drop_custom_vocabularies() -> None:
    """Drop `custom_vocabularies` (downgrade of the revision that added it)."""
    from alembic import op

    op.drop_table("custom_vocabularies")


def fold_stored_codes(*columns: tuple[str, str]) -> None:
    """Fold the codes stored before codes were folded on the way in
    (`talentloop_shared.characters.fold_width`: `ＤＥＰＴ－００１` → `DEPT-001`), so that the
    ERP's next PUT by `DEPT-001` finds the record instead of making a second one. Each
    (table, column) is unique; a code whose folded spelling another record already has (or
    that would no longer fit the column) is left as it is and counted in the migration's log:
    a person merges the two. No event is published: the next change of the record carries
    its code. The upgrade of org's and recruiting's `*_fold_codes` revisions; the downgrade
    changes nothing (the typed spelling is not kept)."""
    from alembic import op

    log = logging.getLogger("alembic.runtime.migration")
    bind = op.get_bind()
    for table, column in columns:
        width = bind.scalar(
            sa.text(
                "SELECT character_maximum_length FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = :t AND column_name = :c"
            ),
            {"t": table, "c": column},
        )
        # One record per folded spelling (two typed differently may fold alike), and only
        # where no record has that spelling yet.
        op.execute(
            sa.text(
                f"""
                UPDATE {table} AS t SET {column} = f.folded
                FROM (
                    SELECT DISTINCT ON (normalize({column}, NFKC))
                           ctid AS row_id, normalize({column}, NFKC) AS folded
                    FROM {table}
                    WHERE {column} <> normalize({column}, NFKC)
                    ORDER BY normalize({column}, NFKC), {column}
                ) AS f
                WHERE t.ctid = f.row_id
                  AND char_length(f.folded) <= :width
                  AND NOT EXISTS (SELECT 1 FROM {table} AS o WHERE o.{column} = f.folded)
                """
            ).bindparams(width=width or 2**31 - 1)
        )
        left = bind.scalar(
            sa.text(f"SELECT count(*) FROM {table} WHERE {column} <> normalize({column}, NFKC)")
        )
        if left:
            log.warning(
                "%s.%s: %d code(s) typed in full width clash with another record's code or "
                "would not fit; left as they are for a person to merge",
                table,
                column,
                left,
            )
