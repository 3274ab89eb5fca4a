"""Indexes added to tables that are being written (notices, applications) are built
concurrently, outside the migration's transaction, and a build that failed midway is
built again rather than left as an invalid index that nothing reads."""

from __future__ import annotations

from collections.abc import Callable

from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.engine import Connection

from talentloop_shared.db.engine import create_engine
from talentloop_shared.db.migrations import create_index_online, drop_index_online

_STATE = """
SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE c.relname = 'ix_notes_moment'
"""


def _migrate(step: Callable[[], None]) -> Callable[[Connection], None]:
    def run(connection: Connection) -> None:
        # As env.py runs them: every migration of an upgrade in one transaction, here an
        # earlier one that adds a row, then the step.
        context = MigrationContext.configure(connection)
        with Operations.context(context), context.begin_transaction():
            connection.execute(
                text("INSERT INTO notes SELECT coalesce(max(id), 0) + 1, now() FROM notes")
            )
            step()

    return run


async def test_an_index_is_built_concurrently_and_a_failed_build_is_built_again(
    databases,
) -> None:
    engine = create_engine(await databases.create("online_index"))
    try:
        async with engine.begin() as conn:
            await conn.execute(text("CREATE TABLE notes (id int PRIMARY KEY, at timestamptz)"))
            await conn.execute(text("INSERT INTO notes VALUES (1, now()), (2, NULL)"))
            # What a build that failed midway leaves: an index marked invalid.
            await conn.execute(text("CREATE INDEX ix_notes_moment ON notes (id)"))
            await conn.execute(
                text(
                    "UPDATE pg_index SET indisvalid = false WHERE indexrelid = "
                    "'ix_notes_moment'::regclass"
                )
            )
        definition = "((coalesce(at, 'epoch'::timestamptz)))"
        async with engine.connect() as conn:
            # CREATE INDEX CONCURRENTLY refuses to run in a transaction block: this passes
            # only outside the migration's.
            await conn.run_sync(
                _migrate(lambda: create_index_online("ix_notes_moment", "notes", definition))
            )
        async with engine.connect() as conn:
            assert (await conn.execute(text(_STATE))).scalars().all() == [True]
            indexdef = await conn.scalar(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_notes_moment'")
            )
            assert "COALESCE(at" in indexdef  # built again, not the leftover on (id)
            # The earlier step was committed before the build, not lost.
            assert await conn.scalar(text("SELECT count(*) FROM notes")) == 3
        async with engine.connect() as conn:
            await conn.run_sync(_migrate(lambda: drop_index_online("ix_notes_moment")))
        async with engine.connect() as conn:
            assert (await conn.execute(text(_STATE))).scalars().all() == []
    finally:
        await engine.dispose()
