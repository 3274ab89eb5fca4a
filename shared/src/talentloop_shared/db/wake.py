"""Waking a loop that may run in another process, after a commit.

A loop that waits for rows (the outbox relay, notify's dispatcher) LISTENs on a channel; a
process that committed rows for it and does not run it sends one `pg_notify` on that
channel. Never from inside the transaction: a NOTIFY there takes a database-wide lock at
commit and serialises every notifying commit. After the commit, from a connection of its
own, and coalesced: however many commits ask while one NOTIFY is on its way, one more
follows it, so a burst costs a few round trips, not one each.
"""

from __future__ import annotations

import asyncio

import asyncpg

from talentloop_shared.logging import describe_error, get_logger

log = get_logger(__name__)


class CrossProcessWake:
    """Coalesced `pg_notify(channel)` from a connection opened on first use."""

    def __init__(self, dsn: str, channel: str, *, name: str) -> None:
        self.dsn = dsn
        self.channel = channel
        self.name = name  # for the log line when a wake-up cannot be sent
        self._conn: asyncpg.Connection | None = None
        self._task: asyncio.Task[None] | None = None
        self._again = False

    def notify(self) -> None:
        """Wake the listeners (soon, on this event loop; the caller does not wait)."""
        self._again = True
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._send())

    async def _send(self) -> None:
        while self._again:
            self._again = False
            try:
                if self._conn is None or self._conn.is_closed():
                    self._conn = await asyncpg.connect(self.dsn, timeout=10)
                await self._conn.execute("SELECT pg_notify($1, '')", self.channel)
            except Exception as e:
                # The listener's poll still finds the rows, only later.
                log.warning("wake.failed", name=self.name, error=describe_error(e, 300))
                await self._close_connection()
                return

    async def _close_connection(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                await asyncio.wait_for(conn.close(), 5)
            except Exception:
                conn.terminate()

    async def close(self) -> None:
        """Stop sending and close the connection."""
        if self._task is not None:
            self._task.cancel()
            self._task = None
        await self._close_connection()
