"""Reads of one statement, outside any unit of work.

A read by key or a list page needs neither a transaction nor an ORM session: `BEGIN` and
`ROLLBACK` are two extra round trips, and the session's identity map, attribute
instrumentation and statement compilation cost more than the query itself. `Reads` checks
a connection out of the service's own pool (the same connections, limits and liveness
check as every unit of work), runs one statement on the asyncpg connection underneath
(autocommit: PostgreSQL gives the statement its own snapshot) with asyncpg's prepared
statement cache, and hands the connection back. Statements are plain SQL with `$n`
parameters; jsonb columns come back decoded (the engine registers the codec).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.util import await_only, greenlet_spawn


class Reads:
    """One-statement reads on pooled connections, without a transaction or a session."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    @contextlib.asynccontextmanager
    async def connection(self) -> AsyncIterator[Any]:
        """The asyncpg connection of a pooled connection, returned to the pool after.

        Straight from the pool (its checkout listeners run, so a closed connection is still
        refused): no `Connection` around it, one greenlet hop each way (the pool may have to
        wait or connect, and handing back may close a surplus connection).
        """
        pooled = await greenlet_spawn(self.engine.sync_engine.pool.connect)
        try:
            yield pooled.driver_connection
        finally:
            await greenlet_spawn(pooled.close)

    def _on_pooled(self, call: Callable[[Any], Awaitable[Any]]) -> Any:
        """`call(asyncpg connection)` on a pooled connection, inside one greenlet: checkout,
        the statement and the hand-back in one hop instead of two around it."""
        pooled = self.engine.sync_engine.pool.connect()
        try:
            return await_only(call(pooled.driver_connection))
        finally:
            pooled.close()

    async def fetchrow(self, sql: str, *args: Any) -> Any:
        """The first row (an asyncpg `Record`), or None."""
        return await greenlet_spawn(self._on_pooled, lambda conn: conn.fetchrow(sql, *args))

    async def fetch(self, sql: str, *args: Any) -> list[Any]:
        """Every row (asyncpg `Record`s)."""
        rows: list[Any] = await greenlet_spawn(self._on_pooled, lambda conn: conn.fetch(sql, *args))
        return rows

    async def fetchval(self, sql: str, *args: Any) -> Any:
        """The first column of the first row, or None."""
        return await greenlet_spawn(self._on_pooled, lambda conn: conn.fetchval(sql, *args))


class KeysetSql:
    """A page of a one-statement read, written as SQL with `$n` parameters: the conditions
    the caller adds, then the rows after a cursor's key in the key's order, one more than
    the page holds (it says whether there is a next page).

    `page = KeysetSql("SELECT … FROM positions p", key=("p.created_at", "p.id"), after=key)`,
    `page.equal("p.status", status)`, then `await page.fetch(reads, limit)`.
    """

    def __init__(self, select: str, *, key: tuple[str, ...], after: tuple[Any, ...] | None):
        self.select = select
        self.key = key
        self.conditions: list[str] = []
        self.args: list[Any] = []
        if after is not None:
            # The whole key as a row value: rows that share a created_at are still told
            # apart by the id that follows it.
            bound = ", ".join(self.arg(value) for value in after)
            self.where(f"({', '.join(key)}) > ({bound})")

    def arg(self, value: Any) -> str:
        """The parameter that carries `value` (`$n`)."""
        self.args.append(value)
        return f"${len(self.args)}"

    def where(self, condition: str) -> None:
        """Keep only the rows that meet `condition` (its values through `arg`)."""
        self.conditions.append(condition)

    def equal(self, column: str, value: Any) -> None:
        """Keep only the rows whose `column` is `value`, when a value is given."""
        if value is not None:
            self.where(f"{column} = {self.arg(value)}")

    def sql(self, limit: int) -> tuple[str, list[Any]]:
        """The statement for a page of `limit` rows, and its arguments."""
        sql = self.select
        if self.conditions:
            sql += " WHERE " + " AND ".join(self.conditions)
        sql += f" ORDER BY {', '.join(self.key)} LIMIT {self.arg(limit + 1)}"
        return sql, self.args

    async def fetch(self, reads: Reads, limit: int) -> list[Any]:
        """`limit + 1` rows (asyncpg `Record`s) in the key's order."""
        sql, args = self.sql(limit)
        return await reads.fetch(sql, *args)
