"""Two replicas started at once (`serve --migrate`) migrate the same database one after the
other: the second waits for the first and finds the database at head. Without the
migration lock both ran every migration at once, and one failed creating the very tables
the other was creating (seen: a duplicate key in PostgreSQL's catalogue for Alembic's own
version table)."""

from __future__ import annotations

import asyncio
import sys

from sqlalchemy import text

from notify_service.main import MIGRATIONS
from talentloop_shared.db.engine import create_engine
from talentloop_shared.db.migrations import script_head

_MIGRATE = (
    "import sys; from notify_service.main import MIGRATIONS; "
    "from talentloop_shared.db.migrations import upgrade_to_head; "
    "upgrade_to_head(MIGRATIONS, sys.argv[1])"
)


async def _migrate(url: str) -> tuple[int, bytes]:
    """A process of its own migrating `url`, as a replica's `serve --migrate` does."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _MIGRATE, url, stderr=asyncio.subprocess.PIPE
    )
    _, err = await proc.communicate()
    return proc.returncode or 0, err


async def test_two_processes_migrating_one_database_at_once_both_succeed(databases) -> None:
    url = await databases.create("notify_migrating_at_once")
    outcomes = await asyncio.wait_for(asyncio.gather(_migrate(url), _migrate(url)), 120)
    assert [code for code, _ in outcomes] == [0, 0], [err[-2000:] for _, err in outcomes]
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            assert await conn.scalar(text("SELECT version_num FROM alembic_version")) == (
                script_head(MIGRATIONS)
            )
            # The index the last migration builds concurrently is whole, not left invalid.
            valid = await conn.scalar(
                text(
                    "SELECT i.indisvalid FROM pg_index i JOIN pg_class c "
                    "ON c.oid = i.indexrelid WHERE c.relname = 'ix_notifications_kind_moment'"
                )
            )
            assert valid is True
    finally:
        await engine.dispose()
