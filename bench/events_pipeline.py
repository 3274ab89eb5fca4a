"""Backbone benchmark: commit events in one service, receive them in another.

The producer runs in this process; the consumer service runs in a child process, as it
would in production (its own container), each over real PostgreSQL and RabbitMQ, all on the
same machine. Prints, with baselines measured in the same run:
- bare commit rates of the same transactions without events (the baseline);
- burst throughput: `--events` committed as fast as possible, until the last is consumed,
  once with one event per transaction (the shape of an HTTP request) and once with
  `--per-tx` events per transaction (the shape of an import or a bulk decision);
- sustained: `--sustain-rate` events/s offered for `--sustain-seconds`, in transactions of
  `--per-tx`; the rate actually consumed and the commit→consume lag show whether the
  pipeline keeps up (if it did not, the lag would grow with the run);
- commit→consume latency p50/p99 with single-event commits paced at `--rate` for
  `--latency-seconds`, and the bare pipeline's at the same pace right after (its
  baseline: what the same minutes allow asyncpg, aiormq and a quorum queue alone).

Usage: uv run python bench/events_pipeline.py [--events 1000] [--rate 200] [--per-tx 10]
       [--sustain-rate 1000] [--sustain-seconds 10] [--latency-seconds 10] [--profile DIR]
       [--linger-ms MS]

`--profile DIR` records the producer (with its relay) and the consumer with py-spy during the
one-event-per-transaction burst (its figures then include the profiler's cost).
`--linger-ms MS` sets both waits for more under load (`<P>_CONSUMER_LINGER_MS` and
`<P>_OUTBOX_LINGER_MS`; default: the services' defaults), to weigh them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import statistics
import time
import uuid
from collections.abc import AsyncIterator, Callable, Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiormq
import asyncpg
import uvloop
from aiormq.abc import DeliveredMessage
from sqlalchemy import Column, DateTime, MetaData, String, Table, insert, text
from sqlalchemy.ext.asyncio import create_async_engine

from talentloop_shared.aio import wait_for_event
from talentloop_shared.config import ServiceSettings
from talentloop_shared.db import UnitOfWork, infra_metadata
from talentloop_shared.devtools.bench import AMQP_URL as AMQP
from talentloop_shared.devtools.bench import PG_ADMIN_URL as ADMIN
from talentloop_shared.devtools.bench import cpu_used, per_unit, percentile, py_spy
from talentloop_shared.events import PositionChanged
from talentloop_shared.events.payloads import OrgUnitRef, PositionSnapshot
from talentloop_shared.events.registry import publisher_source
from talentloop_shared.messaging import BatchHandler, EventItem
from talentloop_shared.service import ServiceDefinition
from talentloop_shared.testing.harness import FAST_MESSAGING, running_service
from talentloop_shared.testing.plugin import delete_namespace, register_services

meta = MetaData()
things = Table(
    "things",
    meta,
    Column("id", String, primary_key=True),
    Column("at", DateTime(timezone=True), server_default=text("clock_timestamp()")),
)


@BatchHandler
async def on_position_changed(uow: UnitOfWork, items: Sequence[EventItem]) -> None:
    """The consumer's effect: record the position ids (the time is set by the database),
    one statement for the events that arrived together, as a handler on a busy path is
    written (notify's candidate-rejected) and as the bare consumer does."""
    await uow.session.execute(insert(things), [{"id": p.position.id} for p, _ in items])


def snapshot(pid: str) -> PositionChanged:
    return PositionChanged(
        change="created",
        position=PositionSnapshot(
            id=pid,
            version=1,
            title="Bench",
            status="open",
            org_unit=OrgUnitRef(id=pid, name="Acme", path=["Acme"]),
        ),
    )


def _definition(name: str, subscriptions: dict) -> Callable[[ServiceSettings], ServiceDefinition]:
    def make(s: ServiceSettings) -> ServiceDefinition:
        return ServiceDefinition(
            name=name,
            title=name,
            description="",
            settings=s,
            routers=[],
            migrations=None,
            subscriptions=subscriptions,
        )

    return make


def run_consumer(settings: dict, stop_file: str) -> None:
    """Child process: run the consumer service until `stop_file` appears."""

    async def main() -> None:
        make = _definition("bench-consumer", {"position-changed": on_position_changed})
        async with running_service(make, ServiceSettings(**settings)):
            open(stop_file + ".ready", "w").close()
            while not os.path.exists(stop_file):
                await asyncio.sleep(0.1)

    uvloop.run(main())  # the services run on uvloop under uvicorn too


# The bare pipeline: the same guarantees with nothing of ours: the outbox row in the
# producer's transaction, a relay that publishes persistently with confirms to a quorum queue
# and then marks the rows, and a consumer that records the event id and applies the effect in
# one transaction per batch before acking. asyncpg and aiormq only, no validation, no
# envelope model: the floor our pipeline is measured against.
BARE_TABLES = (
    "CREATE TABLE bare_outbox (LIKE outbox INCLUDING ALL)",
    "CREATE TABLE bare_inbox (LIKE inbox INCLUDING ALL)",
)
BARE_ROUTING_KEY = "position-changed"


def bare_names(ns: str) -> tuple[str, str]:
    """The bare pipeline's exchange and quorum queue."""
    return f"{ns}bare.x", f"{ns}bare.q"


def run_bare_consumer(dsn: str, ns: str, stop_file: str) -> None:
    """Child process: the bare consumer, batches of what has arrived (up to 50)."""

    async def main() -> None:
        db = await asyncpg.connect(dsn)
        amqp = await aiormq.connect(AMQP)
        channel = await amqp.channel()
        await channel.basic_qos(prefetch_count=100)
        pending: asyncio.Queue[DeliveredMessage] = asyncio.Queue()

        async def on_message(message: DeliveredMessage) -> None:
            pending.put_nowait(message)

        async def work() -> None:
            while True:
                batch = [await pending.get()]
                while len(batch) < 50 and not pending.empty():
                    batch.append(pending.get_nowait())
                events = [json.loads(m.body) for m in batch]
                async with db.transaction():
                    fresh = {
                        r[0]
                        for r in await db.fetch(
                            "INSERT INTO bare_inbox (event_id, event_type, source) SELECT * "
                            "FROM unnest($1::text[], $2::text[], $3::text[]) "
                            "ON CONFLICT DO NOTHING RETURNING event_id",
                            [e["id"] for e in events],
                            [e["type"] for e in events],
                            [e["source"] for e in events],
                        )
                    }
                    await db.execute(
                        "INSERT INTO things (id) SELECT unnest($1::text[])",
                        [e["data"]["position"]["id"] for e in events if e["id"] in fresh],
                    )
                await channel.basic_ack(batch[-1].delivery_tag or 0, multiple=True)

        worker = asyncio.create_task(work())
        await channel.basic_consume(bare_names(ns)[1], on_message)
        open(stop_file + ".ready", "w").close()
        while not os.path.exists(stop_file):
            await asyncio.sleep(0.1)
        worker.cancel()
        await amqp.close()
        await db.close()

    uvloop.run(main())


async def bare_relay(dsn: str, ns: str, wake: asyncio.Event) -> None:
    """The bare relay: fetch unpublished rows in order, publish them confirmed, mark them."""
    db = await asyncpg.connect(dsn)
    amqp = await aiormq.connect(AMQP)
    channel = await amqp.channel()  # publisher confirms are on by default
    exchange = bare_names(ns)[0]
    try:
        while True:
            wake.clear()
            rows = await db.fetch(
                "SELECT seq, id::text, routing_key, envelope::text FROM bare_outbox "
                "WHERE published_at IS NULL ORDER BY seq LIMIT 200"
            )
            if not rows:
                await wait_for_event(wake, 0.5)
                continue
            await asyncio.gather(
                *(
                    channel.basic_publish(
                        r[3].encode(),
                        exchange=exchange,
                        routing_key=r[2],
                        properties=aiormq.spec.Basic.Properties(delivery_mode=2, message_id=r[1]),
                    )
                    for r in rows
                )
            )
            await db.execute(
                "UPDATE bare_outbox SET published_at = now() WHERE seq = ANY($1::bigint[])",
                [r[0] for r in rows],
            )
    finally:
        await amqp.close()
        await db.close()


async def bare_commit(pool: asyncpg.Pool, wake: asyncio.Event, committed: dict[str, float]) -> None:
    """One transaction of the bare producer: a row and its event."""
    pid, eid = str(uuid.uuid4()), str(uuid.uuid4())
    envelope = {
        "specversion": "1.0",
        "id": eid,
        "type": BARE_ROUTING_KEY,
        "source": "/bench",
        "data": snapshot(pid).model_dump(mode="json"),
    }
    async with pool.acquire() as c, c.transaction():
        await c.execute("INSERT INTO things (id) VALUES ($1)", pid)
        await c.execute(
            "INSERT INTO bare_outbox (id, event_type, routing_key, envelope) "
            "VALUES ($1, $2, $2, $3::jsonb)",
            eid,
            BARE_ROUTING_KEY,
            json.dumps(envelope),
        )
    committed[pid] = time.time()
    wake.set()


async def declare_bare(ns: str) -> None:
    """The bare pipeline's exchange and quorum queue, bound."""
    exchange, queue = bare_names(ns)
    amqp = await aiormq.connect(AMQP)
    channel = await amqp.channel()
    await channel.exchange_declare(exchange, exchange_type="topic", durable=True)
    await channel.queue_declare(queue, durable=True, arguments={"x-queue-type": "quorum"})
    await channel.queue_bind(queue, exchange, routing_key=BARE_ROUTING_KEY)
    await amqp.close()


async def delete_bare(ns: str) -> None:
    exchange, queue = bare_names(ns)
    amqp = await aiormq.connect(AMQP)
    channel = await amqp.channel()
    await channel.queue_delete(queue)
    await channel.exchange_delete(exchange)
    await amqp.close()


async def consumed(conn: asyncpg.Connection, n: int, timeout: float = 180) -> None:
    """Wait until the consumer's database holds `n` things."""
    deadline = time.monotonic() + timeout
    while (got := await conn.fetchval("SELECT count(*) FROM things")) < n:
        if time.monotonic() > deadline:
            raise SystemExit(f"only {got}/{n} events arrived")
        await asyncio.sleep(0.01)


async def paced(
    rate: float, seconds: float, commit_one: Callable[[], Coroutine[Any, Any, None]]
) -> int:
    """Commit `rate` single-event transactions a second for `seconds`, each on its own
    schedule whether or not the earlier ones are done; how many."""
    n = int(rate * seconds)
    start = time.perf_counter()
    tasks = []
    for i in range(n):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(commit_one()))
    await asyncio.gather(*tasks)
    return n


async def lags(conn: asyncpg.Connection, committed: dict[str, float]) -> list[float]:
    """Commit→consume lag of each event consumed so far, in ms, sorted; then start afresh."""
    rows = await conn.fetch("SELECT id, extract(epoch from at) AS at FROM things")
    await conn.execute("TRUNCATE things")
    result = sorted((float(r["at"]) - committed[r["id"]]) * 1000 for r in rows)
    committed.clear()
    return result


async def consumer_transactions(conn: asyncpg.Connection, inbox: str) -> int:
    """The transactions the consumer committed since the inbox was last emptied, and empty
    it: the rows one transaction claims share its start time (`now()`)."""
    n = int(await conn.fetchval(f"SELECT count(DISTINCT received_at) FROM {inbox}"))
    await conn.execute(f"TRUNCATE {inbox}")
    return n


@dataclass
class Bare:
    """The bare pipeline running: its producer's pool, the consumer's database, the relay's
    wake-up and the commit times of the events not yet consumed."""

    pool: asyncpg.Pool
    cons: asyncpg.Connection
    wake: asyncio.Event
    committed: dict[str, float]
    consumer_pid: int

    async def commit(self) -> None:
        await bare_commit(self.pool, self.wake, self.committed)


@contextlib.asynccontextmanager
async def bare_pipeline(prod_dsn: str, cons_dsn: str, ns: str) -> AsyncIterator[Bare]:
    """The bare pipeline's exchange and queue, its consumer in a child process and its
    relay here, until the block ends."""
    await declare_bare(ns)
    stop_file = f"/tmp/{ns}bare-stop"
    child = multiprocessing.get_context("spawn").Process(
        target=run_bare_consumer, args=(cons_dsn, ns, stop_file)
    )
    child.start()
    pool = await asyncpg.create_pool(prod_dsn, min_size=8, max_size=8)
    cons = await asyncpg.connect(cons_dsn)
    wake = asyncio.Event()
    relay = asyncio.create_task(bare_relay(prod_dsn, ns, wake))
    try:
        while not os.path.exists(stop_file + ".ready"):
            await asyncio.sleep(0.1)
        yield Bare(pool, cons, wake, {}, child.pid or 0)
    finally:
        relay.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await relay
        open(stop_file, "w").close()
        child.join(30)
        for f in (stop_file, stop_file + ".ready"):
            if os.path.exists(f):
                os.remove(f)
        await pool.close()
        await cons.close()
        await delete_bare(ns)


async def bare_burst(bare: Bare, n: int) -> tuple[float, dict[str, float], int]:
    """The bare pipeline's burst of `n` one-event transactions (8 in flight), as `burst`
    below: events/s until the last is consumed, the CPU each part used, and the
    transactions the consumer committed."""
    sem = asyncio.Semaphore(8)

    async def one() -> None:
        async with sem:
            await bare.commit()

    with cpu_used({"consumer": bare.consumer_pid}, "producer + relay") as used:
        t0 = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(n)))
        await consumed(bare.cons, n)
        rate = n / (time.perf_counter() - t0)
    transactions = await consumer_transactions(bare.cons, "bare_inbox")
    await bare.cons.execute("TRUNCATE things")
    bare.committed.clear()
    return rate, used, transactions


async def bare_latency(bare: Bare, pace: float, seconds: float) -> list[float]:
    """The bare pipeline's commit→consume lags (ms) with single-event commits paced at
    `pace` a second for `seconds`, as the latency phase below."""
    sent = await paced(pace, seconds, bare.commit)
    await consumed(bare.cons, sent)
    return await lags(bare.cons, bare.committed)


async def create_db(name: str) -> str:
    conn = await asyncpg.connect(ADMIN)
    await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
    await conn.execute(f'CREATE DATABASE "{name}"')
    await conn.close()
    url = ADMIN.rsplit("/", 1)[0] + f"/{name}"
    url = url.replace("postgresql://", "postgresql+asyncpg://", 1)
    engine = create_async_engine(url)
    async with engine.begin() as c:
        await c.run_sync(infra_metadata.create_all)
        await c.run_sync(meta.create_all)
        for statement in BARE_TABLES:
            await c.execute(text(statement))
    await engine.dispose()
    return url


async def drop_db(name: str) -> None:
    conn = await asyncpg.connect(ADMIN)
    await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await conn.close()


async def main(a: argparse.Namespace) -> None:
    run = uuid.uuid4().hex[:6]
    ns = f"bench-{run}."
    names = [f"bench_producer_{run}", f"bench_consumer_{run}"]
    prod_url, cons_url = await create_db(names[0]), await create_db(names[1])
    cons_dsn = cons_url.replace("postgresql+asyncpg://", "postgresql://")
    # A pool as large as the commits in flight (8): with the test suites' small pool
    # (FAST_MESSAGING: 2), every commit beyond two opened and closed its own connection, and
    # that connection churn, not events, was most of what a run measured.
    common = {**FAST_MESSAGING, "amqp_namespace": ns, "amqp_url": AMQP, "db_pool_size": 8}
    if a.linger_ms is not None:  # both waits (consumer batches, relay fetches) set alike
        common |= {"consumer_linger_ms": a.linger_ms, "outbox_linger_ms": a.linger_ms}
    register_services(
        ["bench-consumer"], namespace=ns, retry_delays_ms=tuple(FAST_MESSAGING["retry_delays_ms"])
    )
    prod_dsn = prod_url.replace("postgresql+asyncpg://", "postgresql://")
    async with bare_pipeline(prod_dsn, cons_dsn, ns) as bare:
        bare_rate, bare_used, bare_tx = await bare_burst(bare, a.events)
    stop_file = f"/tmp/{ns}stop"
    child = multiprocessing.get_context("spawn").Process(
        target=run_consumer,
        args=({**common, "service_name": "bench-consumer", "database_url": cons_url}, stop_file),
    )
    child.start()
    committed: dict[str, float] = {}
    out: list[str] = [
        f"bare pipeline (asyncpg + aiormq: outbox row in the transaction, confirmed publish "
        f"to a quorum queue, inbox row and effect in one transaction per batch), one event "
        f"per transaction: {bare_rate:,.0f} events/s",
        f"  CPU per event: {per_unit(bare_used, a.events, 'µs')}; the consumer committed "
        f"{bare_tx:,} transactions ({a.events / max(bare_tx, 1):.1f} events each)",
    ]

    async def commit(uow_factory, per_tx: int, *, publish: bool = True) -> None:
        """One transaction: `per_tx` rows, and as many events if `publish`."""
        pids = [str(uuid.uuid4()) for _ in range(per_tx)]
        async with uow_factory() as uow:
            await uow.session.execute(insert(things), [{"id": pid} for pid in pids])
            if publish:
                for pid in pids:
                    uow.publish(snapshot(pid))
            await uow.commit()
        now = time.time()
        for pid in pids:
            committed[pid] = now

    try:
        while not os.path.exists(stop_file + ".ready"):
            await asyncio.sleep(0.1)
        # The producer takes the name of the service the contract says publishes the event
        # (consumers park events from anyone else); its own database and namespace keep it
        # apart from a real one.
        producer = publisher_source(PositionChanged.EVENT_TYPE).lstrip("/")
        make = _definition(producer, {})
        async with running_service(
            make, ServiceSettings(service_name=producer, database_url=prod_url, **common)
        ) as p:
            uowf = p.runtime.uow_factory
            cons = await asyncpg.connect(cons_dsn)

            async def burst(n: int, per_tx: int, publish: bool) -> float:
                """Commit n events (8 transactions in flight); seconds until consumed."""
                sem = asyncio.Semaphore(8)

                async def one() -> None:
                    async with sem:
                        await commit(uowf, per_tx, publish=publish)

                t0 = time.perf_counter()
                await asyncio.gather(*(one() for _ in range(n // per_tx)))
                if publish:
                    await consumed(cons, n // per_tx * per_tx)
                    await lags(cons, committed)
                return time.perf_counter() - t0

            n, k = a.events, a.per_tx
            with cpu_used({"consumer": child.pid or 0}, "producer") as bare_used:
                bare_1 = n / await burst(n, 1, publish=False)
            bare_k = n / await burst(n, k, publish=False)
            out.append(
                f"baseline, the same commits without events: {bare_1:,.0f} tx/s with one row, "
                f"{bare_k:,.0f} rows/s with {k} rows per transaction"
            )
            out.append(f"  CPU per bare commit: {per_unit(bare_used, n, 'µs')}")
            profile = a.profile
            async with contextlib.AsyncExitStack() as spies:
                for name, pid in (("consumer", child.pid or 0), ("producer", os.getpid())):
                    out_file = None if profile is None else profile / f"{name}.txt"
                    await spies.enter_async_context(py_spy(pid, out_file))
                await consumer_transactions(cons, "inbox")
                relay_batches = p.runtime.relay.batches_sent
                with cpu_used({"consumer": child.pid or 0}, "producer + relay") as used:
                    single = n / await burst(n, 1, publish=True)
                single_tx = await consumer_transactions(cons, "inbox")
                relay_batches = p.runtime.relay.batches_sent - relay_batches
            out.append(
                f"burst, one event per transaction: {n} committed and consumed at "
                f"{single:,.0f} events/s ({single / bare_1:.2f}x the bare commit rate, "
                f"{single / bare_rate:.2f}x the bare pipeline)"
            )
            out.append(
                f"  CPU per event: {per_unit(used, n, 'µs')}; {os.cpu_count()} cores; the "
                f"relay sent {relay_batches:,} batches ({n / max(relay_batches, 1):.1f} events "
                f"each), the consumer committed {single_tx:,} transactions "
                f"({n / max(single_tx, 1):.1f} events each)"
            )
            bulk = n / await burst(n, k, publish=True)
            out.append(
                f"burst, {k} events per transaction: {n} committed and consumed at "
                f"{bulk:,.0f} events/s ({bulk / bare_k:.2f}x the bare row rate)"
            )

            # Sustained: a transaction of k events every k/rate seconds, on schedule.
            total = int(a.sustain_rate * a.sustain_seconds) // k * k
            start = time.perf_counter()
            tasks = []
            for i in range(total // k):
                delay = start + i * k / a.sustain_rate - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(commit(uowf, k)))
            await asyncio.gather(*tasks)
            offered_s = time.perf_counter() - start
            await consumed(cons, total)
            drained_s = time.perf_counter() - start
            lag = await lags(cons, committed)
            out.append(
                f"sustained: {a.sustain_rate:,} events/s offered for {a.sustain_seconds:g} s "
                f"in transactions of {k}: committed at {total / offered_s:,.0f}/s, consumed at "
                f"{total / drained_s:,.0f}/s; lag p50 {statistics.median(lag):.1f} ms, "
                f"p99 {percentile(lag, 0.99):.1f} ms, max {lag[-1]:.1f} ms"
            )

            # Latency: single-event transactions at a steady `rate`.
            sent = await paced(a.rate, a.latency_seconds, lambda: commit(uowf, 1))
            await consumed(cons, sent)
            lat = await lags(cons, committed)
            # The bare pipeline's at the same pace right after (this machine's speed drifts
            # by the minute): its consumer beside ours, which is idle by now.
            async with bare_pipeline(prod_dsn, cons_dsn, ns) as bare:
                bare_lat = await bare_latency(bare, a.rate, a.latency_seconds)
            out.append(
                f"latency at {a.rate}/s for {a.latency_seconds:g} s, one event per transaction: "
                f"commit→consume "
                f"p50 {statistics.median(lat):.1f} ms, p99 {percentile(lat, 0.99):.1f} ms, "
                f"max {lat[-1]:.1f} ms; the bare pipeline at the same pace: p50 "
                f"{statistics.median(bare_lat):.1f} ms, p99 {percentile(bare_lat, 0.99):.1f} "
                f"ms, max {bare_lat[-1]:.1f} ms (measured right after)"
            )
            await cons.close()
    finally:
        open(stop_file, "w").close()
        child.join(30)
        for f in (stop_file, stop_file + ".ready"):
            if os.path.exists(f):
                os.remove(f)
        for name in names:
            await drop_db(name)
        await delete_namespace(AMQP, ns)

    print(f"events: {a.events} per burst (producer here, consumer in a child process, one machine)")
    print("\n".join(out))


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--rate", type=int, default=200)
    ap.add_argument("--per-tx", type=int, default=10)
    ap.add_argument("--sustain-rate", type=int, default=1000)
    ap.add_argument("--sustain-seconds", type=float, default=10)
    ap.add_argument("--latency-seconds", type=float, default=10)
    ap.add_argument("--profile", type=Path, default=None)
    ap.add_argument("--linger-ms", type=float, default=None)
    uvloop.run(main(ap.parse_args()))
