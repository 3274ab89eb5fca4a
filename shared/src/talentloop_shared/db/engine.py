"""Async engine and session factory (SQLAlchemy 2 + asyncpg)."""

from __future__ import annotations

import json
import re
from typing import Any

import orjson
from sqlalchemy import event, exc
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)


def create_engine(
    database_url: str,
    *,
    pool_size: int = 10,
    max_overflow: int | None = None,
    pool_timeout: float = 30.0,
) -> AsyncEngine:
    """An async engine; built in the app's lifespan, never at import time.

    `pool_size` connections are kept open when idle; up to `max_overflow` more are opened
    for a burst and closed after it (default: as many as `pool_size`). A checkout waits at
    most `pool_timeout` seconds, then raises `sqlalchemy.exc.TimeoutError` (503 over HTTP).
    """
    engine = create_async_engine(
        database_url,
        pool_size=pool_size,
        max_overflow=pool_size if max_overflow is None else max_overflow,
        pool_timeout=pool_timeout,
        json_deserializer=loads_json,
        # A failed statement's error (logged, retried, parked with its reason) names the
        # statement, never its parameters: they are candidates' names, emails, comments.
        hide_parameters=True,
    )
    # Liveness on checkout without a round trip: a connection the server closed (restart,
    # failover, pg_terminate_backend) is already marked closed by asyncpg, so refuse it and
    # the pool hands out a fresh one. SQLAlchemy's `pool_pre_ping` would instead spend three
    # round trips (BEGIN, a query, ROLLBACK) on every checkout, the largest single cost of a
    # short transaction. A connection that dies silently is still caught on first use: the
    # error invalidates the whole pool, and that one transaction fails (and is retried).
    event.listen(engine.sync_engine.pool, "checkout", _refuse_closed_connection)
    return engine


# An integer of 20 digits or more may not fit orjson's 64 bits (it would turn it into a
# float); such documents, and any orjson refuses, go to the standard library.
_LONG_NUMBER = re.compile(r"\d{20}")


def loads_json(text: str | bytes) -> Any:
    """Decode a json/jsonb value: orjson (the list of 50 positions spent 15% of its time in
    `json.loads`), with exactly the standard library's result."""
    if _LONG_NUMBER.search(text if isinstance(text, str) else text.decode()) is None:
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text)


def dumps_json(value: Any) -> str:
    """A json/jsonb parameter of a statement sent to the driver itself (`Reads`,
    `UnitOfWork.driver`): the codec the engine registers takes JSON text."""
    return orjson.dumps(value).decode()


def _refuse_closed_connection(dbapi_connection: Any, record: Any, proxy: Any) -> None:
    if dbapi_connection.driver_connection.is_closed():
        raise exc.DisconnectionError("the server closed this connection")


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that never autoflush surprises and keep objects usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True)


def asyncpg_dsn(database_url: str) -> str:
    """The plain libpq DSN asyncpg expects, from an SQLAlchemy URL."""
    return database_url.replace("postgresql+asyncpg://", "postgresql://", 1)
