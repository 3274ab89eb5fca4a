"""The connection pool after the server drops its connections (restart, failover, kill)."""

from __future__ import annotations

import asyncpg
from sqlalchemy import text

from talentloop_shared.db.engine import asyncpg_dsn, create_engine
from talentloop_shared.testing.plugin import eventually


async def test_connections_the_server_closed_are_replaced_without_failing_a_request(
    databases, pg_admin_url: str
) -> None:
    url = await databases.create("pool")
    engine = create_engine(url, pool_size=3)
    try:
        # Fill the pool with three idle connections.
        conns = [await engine.connect() for _ in range(3)]
        pids, drivers = set(), []
        for c in conns:
            pids.add(await c.scalar(text("SELECT pg_backend_pid()")))
            drivers.append((await c.get_raw_connection()).driver_connection)
            await c.close()
        assert len(pids) == 3

        admin = await asyncpg.connect(pg_admin_url)
        try:
            killed = await admin.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = $1 AND pid = ANY($2::int[])",
                asyncpg_dsn(url).rsplit("/", 1)[1],
                list(pids),
            )
        finally:
            await admin.close()
        assert killed == 3

        async def noticed() -> bool:
            # asyncpg marks a connection closed when the server's goodbye arrives.
            return all(d.is_closed() for d in drivers)

        await eventually(noticed, timeout=10, message="asyncpg saw the connections close")

        # Every checkout gets a live connection: none of these may raise.
        for _ in range(3):
            async with engine.begin() as c:
                pid = await c.scalar(text("SELECT pg_backend_pid()"))
            assert pid not in pids
    finally:
        await engine.dispose()
