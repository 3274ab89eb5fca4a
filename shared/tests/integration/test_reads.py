"""One-statement reads: pooled connections, no transaction, the connection handed back."""

from __future__ import annotations

from talentloop_shared.db.engine import create_engine
from talentloop_shared.db.reads import Reads


async def test_reads_run_outside_a_transaction_and_hand_the_connection_back(databases) -> None:
    url = await databases.create("reads")
    engine = create_engine(url, pool_size=2, max_overflow=1)
    reads = Reads(engine)
    try:
        pool = engine.sync_engine.pool
        assert await reads.fetchval("SELECT $1::int + 1", 41) == 42
        row = await reads.fetchrow("SELECT '{\"a\": [1, 2.5]}'::jsonb AS doc, now() AS at")
        assert row["doc"] == {"a": [1, 2.5]}  # jsonb decoded by the engine's codec
        assert [r["n"] for r in await reads.fetch("SELECT generate_series(1, 3) AS n")] == [1, 2, 3]
        assert await reads.fetchrow("SELECT 1 WHERE false") is None
        # Each statement is its own transaction: none is left open on the connection.
        async with reads.connection() as conn:
            assert not conn.is_in_transaction()
            assert pool.checkedout() == 1
        assert pool.checkedout() == 0
        # More readers at once than the pool keeps: the surplus is opened, then closed.
        async with reads.connection(), reads.connection(), reads.connection():
            assert pool.checkedout() == 3
        assert pool.checkedout() == 0
    finally:
        await engine.dispose()
