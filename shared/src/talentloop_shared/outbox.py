"""Outbox relay: publishes committed outbox rows with confirms, marks them sent after.

One relay per service is active at a time (a PostgreSQL advisory lock held on its own
connection), so events leave in `seq` order; a standby replica takes over when the holder's
connection dies. The relay wakes on the NOTIFY that the outbox trigger sends when a commit
wrote rows (from any process of the service, its own included: one wake-up per commit, and
no second, empty drain as when a local hook woke it too), and otherwise polls.
"""

from __future__ import annotations

import asyncio
import time
import zlib

import asyncpg

from talentloop_shared.aio import wait_for_event
from talentloop_shared.db.engine import asyncpg_dsn
from talentloop_shared.db.tables import OUTBOX_CHANNEL
from talentloop_shared.logging import get_logger
from talentloop_shared.messaging.broker import Broker
from talentloop_shared.metrics import EVENTS_PUBLISHED, OUTBOX_PENDING

log = get_logger(__name__)


_FETCH = """
SELECT seq, id::text AS id, routing_key, envelope::text AS body
FROM outbox
WHERE published_at IS NULL
ORDER BY seq
LIMIT $1
FOR UPDATE SKIP LOCKED
"""


class OutboxRelay:
    """Moves committed outbox rows to RabbitMQ."""

    def __init__(
        self,
        *,
        database_url: str,
        service: str,
        broker: Broker,
        batch_size: int = 200,
        poll_seconds: float = 2.0,
        retention_hours: int = 24 * 7,
    ) -> None:
        self.dsn = asyncpg_dsn(database_url)
        self.service = service
        self.broker = broker
        self.batch_size = batch_size
        self.poll_seconds = poll_seconds
        self.retention_hours = retention_hours
        self.lock_key = zlib.crc32(f"outbox:{service}".encode())
        self._wake = asyncio.Event()
        self.active = False
        self.published_total = 0

    async def run(self) -> None:
        """Run until cancelled: take the lock, then drain on every wake-up."""
        backoff = 0.5
        while True:
            conn: asyncpg.Connection | None = None
            try:
                conn = await asyncpg.connect(self.dsn, timeout=10)
                await self._hold_lock(conn)
                await conn.add_listener(OUTBOX_CHANNEL, self._on_notify)
                self.active = True
                log.info("outbox.relay_active", service=self.service)
                backoff = 0.5
                await self._loop(conn)
            except asyncio.CancelledError:
                raise
            except Exception as e:
                log.warning("outbox.relay_error", service=self.service, error=repr(e)[:300])
            finally:
                self.active = False
                if conn is not None:
                    try:
                        await asyncio.wait_for(conn.close(), 5)
                    except Exception:
                        conn.terminate()
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 10.0)

    def _on_notify(self, *_: object) -> None:
        self._wake.set()

    async def _hold_lock(self, conn: asyncpg.Connection) -> None:
        while not await conn.fetchval("SELECT pg_try_advisory_lock($1)", self.lock_key):
            await asyncio.sleep(self.poll_seconds)

    async def _loop(self, conn: asyncpg.Connection) -> None:
        last_purge = 0.0
        while True:
            self._wake.clear()
            if self.broker.ready:
                sent = await self.drain_once(conn)
                if sent >= self.batch_size:
                    continue  # more waiting: don't sleep
            if time.monotonic() - last_purge > 3600:
                await self.purge(conn)
                last_purge = time.monotonic()
            await wait_for_event(self._wake, self.poll_seconds)

    async def drain_once(self, conn: asyncpg.Connection) -> int:
        """Publish one batch; returns how many rows were confirmed and marked sent."""
        async with conn.transaction():
            rows = await conn.fetch(_FETCH, self.batch_size)
            if not rows:
                OUTBOX_PENDING.labels(self.service).set(0)
                return 0
            results = await asyncio.gather(
                *(
                    self.broker.publish(
                        r["body"].encode(), message_id=r["id"], routing_key=r["routing_key"]
                    )
                    for r in rows
                ),
                return_exceptions=True,
            )
            ok = [r["seq"] for r, res in zip(rows, results, strict=True) if res is None]
            failed = [
                (r["seq"], repr(res)[:500])
                for r, res in zip(rows, results, strict=True)
                if res is not None
            ]
            if ok:
                await conn.execute(
                    "UPDATE outbox SET published_at = now(), attempts = attempts + 1 "
                    "WHERE seq = ANY($1::bigint[])",
                    ok,
                )
            if failed:
                await conn.executemany(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = $1",
                    failed,
                )
                log.warning(
                    "outbox.publish_failed",
                    service=self.service,
                    failed=len(failed),
                    error=failed[0][1],
                )
        for r, res in zip(rows, results, strict=True):
            if res is None:
                EVENTS_PUBLISHED.labels(self.service, r["routing_key"]).inc()
        self.published_total += len(ok)
        OUTBOX_PENDING.labels(self.service).set(len(failed))
        if failed:
            # Broker trouble: give it a moment rather than spinning on the same rows.
            await asyncio.sleep(0.5)
        return len(ok)

    async def purge(self, conn: asyncpg.Connection) -> int:
        """Delete rows published longer ago than the retention period."""
        status = await conn.execute(
            "DELETE FROM outbox WHERE published_at < now() - make_interval(hours => $1)",
            self.retention_hours,
        )
        return int(status.split()[-1])
