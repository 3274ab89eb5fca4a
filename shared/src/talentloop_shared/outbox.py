"""Outbox relay: publishes committed outbox rows with confirms, marks them sent after.

One relay per service is active at a time (a PostgreSQL advisory lock held on its own
connection), so events leave in `seq` order; a standby replica takes over when the holder's
connection dies. A commit that wrote outbox rows wakes the relay (`committed`, called by the
unit of work): directly when this process holds the lock, else by one `pg_notify` after
the commit that the active relay, in another replica, LISTENs for (coalesced: while one is
being sent, further commits add at most one more). Otherwise the relay polls.

Publishing is pipelined: a batch is sent, and while the broker confirms it (a quorum
queue's confirm waits for its log to reach disk), the relay already fetches and sends the
rows committed since. A row is marked sent only after its confirm, and stays "in flight"
(never fetched again) until that mark is written, so each row is still published once per
relay; a relay that dies with rows in flight leaves them unmarked, and the next one sends
them again (the consumers' inbox absorbs the repeat).
"""

from __future__ import annotations

import asyncio
import time
import zlib
from collections.abc import Sequence

import asyncpg

from talentloop_shared.aio import LINGER_AFTER, linger, wait_for_event
from talentloop_shared.db.engine import asyncpg_dsn
from talentloop_shared.db.tables import OUTBOX_CHANNEL
from talentloop_shared.db.wake import CrossProcessWake
from talentloop_shared.logging import describe_error, get_logger
from talentloop_shared.messaging.broker import Broker
from talentloop_shared.metrics import EVENTS_PUBLISHED, OUTBOX_PENDING

log = get_logger(__name__)


_FETCH = """
SELECT seq, id::text AS id, routing_key, envelope::text AS body
FROM outbox
WHERE published_at IS NULL AND seq <> ALL($2::bigint[])
ORDER BY seq
LIMIT $1
"""


class _RelayFailed(Exception):
    """A batch's marking failed (the database went away): the relay starts again."""


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
        max_in_flight: int | None = None,
        linger_seconds: float = 0.0,
    ) -> None:
        self.dsn = asyncpg_dsn(database_url)
        # Under load (the last fetch found LINGER_AFTER rows or more), the relay waits for
        # more as long as more keep being committed, up to this long: fewer, larger
        # batches; a commit arriving alone, or a trickle, never waits (`_linger`).
        self.linger_seconds = linger_seconds
        self.batches_sent = 0
        self.service = service
        self.broker = broker
        self.batch_size = batch_size
        self.poll_seconds = poll_seconds
        self.retention_hours = retention_hours
        # Rows sent but not yet confirmed and marked; beyond this the relay waits for
        # confirms before fetching more.
        self.max_in_flight = max_in_flight if max_in_flight is not None else 2 * batch_size
        self.lock_key = zlib.crc32(f"outbox:{service}".encode())
        self._wake = asyncio.Event()
        self.active = False
        self.published_total = 0
        self._in_flight: set[int] = set()
        self._confirming: set[asyncio.Task[None]] = set()
        self._db = asyncio.Lock()  # one statement at a time on the relay's connection
        self._failure: BaseException | None = None
        # A standby's wake-ups for the active relay in another process.
        self._wake_active = CrossProcessWake(self.dsn, OUTBOX_CHANNEL, name=f"outbox:{service}")

    def committed(self) -> None:
        """A commit wrote outbox rows: wake the active relay, here or in another process."""
        if self.active:
            self._wake.set()
        else:
            self._wake_active.notify()

    async def run(self) -> None:
        """Run until cancelled: take the lock, then drain on every wake-up."""
        try:
            await self._run()
        finally:
            await self.close()

    async def close(self) -> None:
        """Stop sending wake-ups and close their connection (`run` does it when it ends)."""
        await self._wake_active.close()

    async def _run(self) -> None:
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
                log.warning(
                    "outbox.relay_error", service=self.service, error=describe_error(e, 300)
                )
            finally:
                self.active = False
                await self._abandon_in_flight()
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
        sent = 0
        while True:
            if LINGER_AFTER <= sent < self.batch_size and self.linger_seconds:
                await self._linger()
            self._wake.clear()
            self._raise_failure()
            sent = 0
            if self.broker.ready:
                if len(self._in_flight) >= self.max_in_flight and self._confirming:
                    await asyncio.wait(self._confirming, return_when=asyncio.FIRST_COMPLETED)
                    continue
                sent = await self.send_batch(conn)
                if sent >= self.batch_size:
                    continue  # more waiting: don't sleep
            if time.monotonic() - last_purge > 3600:
                async with self._db:
                    await self.purge(conn)
                last_purge = time.monotonic()
            await wait_for_event(self._wake, self.poll_seconds)

    async def _linger(self) -> None:
        """Wait tick by tick while commits keep waking the relay (up to the linger)."""

        def arrived() -> bool:
            woken = self._wake.is_set()
            self._wake.clear()
            return woken

        self._wake.clear()
        await linger(self.linger_seconds, arrived)

    def _raise_failure(self) -> None:
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise _RelayFailed(repr(failure)[:300]) from failure

    async def _abandon_in_flight(self) -> None:
        """The connection is going: stop waiting for confirms. Rows in flight stay unmarked,
        so the next relay (this one after reconnecting, or a standby) sends them again."""
        tasks, self._confirming = self._confirming, set()
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=5)
        self._in_flight = set()
        self._failure = None

    async def send_batch(self, conn: asyncpg.Connection) -> int:
        """Fetch the next rows not yet sent and send them (in `seq` order); their confirms
        are awaited, and the rows marked, in the background. Returns how many were sent."""
        async with self._db:
            rows = await conn.fetch(_FETCH, self.batch_size, list(self._in_flight))
        if not rows:
            if not self._in_flight:
                OUTBOX_PENDING.labels(self.service).set(0)
            return 0
        self._in_flight.update(r["seq"] for r in rows)
        self.batches_sent += 1
        # Each publish is a task of its own, created in `seq` order: they take the
        # channel's lock (first come, first served) in that order, so messages leave in it.
        publishes = [
            asyncio.ensure_future(
                self.broker.publish(
                    r["body"].encode(), message_id=r["id"], routing_key=r["routing_key"]
                )
            )
            for r in rows
        ]
        task = asyncio.create_task(self._confirm(conn, rows, publishes))
        self._confirming.add(task)
        task.add_done_callback(self._confirming.discard)
        return len(rows)

    async def drain_once(self, conn: asyncpg.Connection) -> int:
        """Send one batch and wait until it is confirmed and marked; how many were marked
        sent (tools and tests; the running relay pipelines batches instead)."""
        before = self.published_total
        await self.send_batch(conn)
        while self._confirming:
            await asyncio.wait(set(self._confirming))
        self._raise_failure()
        return self.published_total - before

    async def _confirm(
        self,
        conn: asyncpg.Connection,
        rows: list[asyncpg.Record],
        publishes: Sequence[asyncio.Future[None]],
    ) -> None:
        """Wait for one batch's confirms, then mark the confirmed rows sent and count the
        failed ones; only then are its rows out of flight (fetchable again if unsent)."""
        try:
            results = await asyncio.gather(*publishes, return_exceptions=True)
            ok = [r["seq"] for r, res in zip(rows, results, strict=True) if res is None]
            failed = [
                (r["seq"], repr(res)[:500])
                for r, res in zip(rows, results, strict=True)
                if res is not None
            ]
            async with self._db:
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
        except asyncio.CancelledError:
            for p in publishes:
                p.cancel()
            raise
        except Exception as e:
            # Unmarked rows must not be sent twice by this relay: it starts over.
            self._failure = e
            self._wake.set()
            return
        if failed:
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
        self._in_flight.difference_update(r["seq"] for r in rows)

    async def purge(self, conn: asyncpg.Connection) -> int:
        """Delete rows published longer ago than the retention period."""
        status = await conn.execute(
            "DELETE FROM outbox WHERE published_at < now() - make_interval(hours => $1)",
            self.retention_hours,
        )
        return int(status.split()[-1])
