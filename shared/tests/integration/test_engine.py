"""The connection pool after the server drops its connections (restart, failover, kill)."""

from __future__ import annotations

import asyncpg
from pydantic import BaseModel, EmailStr, ValidationError
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from talentloop_shared.db.engine import asyncpg_dsn, create_engine
from talentloop_shared.logging import describe_error
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


async def test_a_failed_statement_and_its_description_never_carry_its_parameters(
    databases,
) -> None:
    # What a consumer logs, and parks with, when a handler's statement fails: which
    # statement and why, not the candidate's data it was sent with.
    url = await databases.create("hidden")
    engine = create_engine(url, pool_size=1)
    try:
        async with engine.connect() as c:
            await c.execute(text("CREATE TABLE people (name text CHECK (length(name) < 5))"))
            try:
                await c.execute(
                    text("INSERT INTO people (name) VALUES (:name)"), {"name": "Wang Fang"}
                )
            except DBAPIError as e:
                error = e
            else:
                raise AssertionError("the CHECK did not fail")
    finally:
        await engine.dispose()
    assert "Wang Fang" not in str(error)
    assert "INSERT INTO people" in describe_error(error)
    assert "Wang Fang" not in describe_error(error)


def test_a_validation_error_is_described_by_field_and_message_not_by_the_input() -> None:
    class Candidate(BaseModel):
        email: EmailStr
        years: int

    try:
        Candidate.model_validate({"email": "Li Wei <li.wei@", "years": "thirteen-ish"})
    except ValidationError as e:
        error = e
    described = describe_error(error)
    assert "email:" in described and "years:" in described
    assert "Li Wei" not in described and "thirteen" not in described
