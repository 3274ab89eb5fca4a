"""Backbone benchmark: commit events in one service, receive them in another.

The producer runs in this process; the consumer service runs in a child process, as it
would in production (its own container), each over real PostgreSQL and RabbitMQ. Prints:
- events/s: 1,000 events committed as fast as possible, until the last is consumed;
- commit→consume latency p50/p99 with commits paced at 200 events/s;
- a baseline measured in the same run: the bare commit rate of the same transactions
  without events, so the ratio shows what the delivery pipeline costs.

Usage: uv run python bench/events_pipeline.py [--events 1000] [--rate 200]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import statistics
import time
import uuid

import asyncpg
import uvloop
from sqlalchemy import Column, DateTime, MetaData, String, Table, insert, text
from sqlalchemy.ext.asyncio import create_async_engine

from talentloop_shared.config import ServiceSettings
from talentloop_shared.db import UnitOfWork, infra_metadata
from talentloop_shared.events import CloudEvent, PositionChanged
from talentloop_shared.events.payloads import OrgUnitRef, PositionSnapshot
from talentloop_shared.service import ServiceDefinition
from talentloop_shared.testing.harness import FAST_MESSAGING, running_service
from talentloop_shared.testing.plugin import delete_namespace, register_services

ADMIN = os.environ.get("TALENTLOOP_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
AMQP = os.environ.get("TALENTLOOP_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")

meta = MetaData()
things = Table(
    "things",
    meta,
    Column("id", String, primary_key=True),
    Column("at", DateTime(timezone=True), server_default=text("clock_timestamp()")),
)


async def on_position_changed(uow: UnitOfWork, payload: PositionChanged, event: CloudEvent) -> None:
    """The consumer's effect: record the position id (the time is set by the database)."""
    await uow.session.execute(insert(things).values(id=payload.position.id))


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


def _definition(name: str, subscriptions: dict) -> ...:
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
    await engine.dispose()
    return url


async def drop_db(name: str) -> None:
    conn = await asyncpg.connect(ADMIN)
    await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await conn.close()


async def main(events: int, rate: int) -> None:
    run = uuid.uuid4().hex[:6]
    ns = f"bench-{run}."
    names = [f"bench_producer_{run}", f"bench_consumer_{run}"]
    prod_url, cons_url = await create_db(names[0]), await create_db(names[1])
    cons_dsn = cons_url.replace("postgresql+asyncpg://", "postgresql://")
    common = {**FAST_MESSAGING, "amqp_namespace": ns, "amqp_url": AMQP}
    register_services(
        ["bench-consumer"], namespace=ns, retry_delays_ms=tuple(FAST_MESSAGING["retry_delays_ms"])
    )
    stop_file = f"/tmp/{ns}stop"
    child = multiprocessing.get_context("spawn").Process(
        target=run_consumer,
        args=({**common, "service_name": "bench-consumer", "database_url": cons_url}, stop_file),
    )
    child.start()
    committed: dict[str, float] = {}

    async def commit_one(uow_factory, *, publish: bool = True) -> None:
        pid = str(uuid.uuid4())
        async with uow_factory() as uow:
            await uow.session.execute(insert(things).values(id=pid))
            if publish:
                uow.publish(snapshot(pid))
            await uow.commit()
        committed[pid] = time.time()

    async def consumed(conn: asyncpg.Connection, n: int, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while (got := await conn.fetchval("SELECT count(*) FROM things")) < n:
            if time.monotonic() > deadline:
                raise SystemExit(f"only {got}/{n} events arrived")
            await asyncio.sleep(0.01)

    try:
        while not os.path.exists(stop_file + ".ready"):
            await asyncio.sleep(0.1)
        make = _definition("bench-producer", {})
        async with running_service(
            make, ServiceSettings(service_name="bench-producer", database_url=prod_url, **common)
        ) as p:
            uowf = p.runtime.uow_factory
            cons = await asyncpg.connect(cons_dsn)

            async def burst(n: int, publish: bool) -> float:
                sem = asyncio.Semaphore(16)

                async def one() -> None:
                    async with sem:
                        await commit_one(uowf, publish=publish)

                t0 = time.perf_counter()
                await asyncio.gather(*(one() for _ in range(n)))
                return time.perf_counter() - t0

            base_s = await burst(events, publish=False)  # baseline: no events
            committed.clear()
            t0 = time.perf_counter()
            await burst(events, publish=True)
            await consumed(cons, events)
            tput_s = time.perf_counter() - t0
            await cons.execute("TRUNCATE things")
            committed.clear()

            start = time.perf_counter()
            tasks = []
            for i in range(events):
                delay = start + i / rate - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                tasks.append(asyncio.create_task(commit_one(uowf)))
            await asyncio.gather(*tasks)
            await consumed(cons, events)
            rows = await cons.fetch("SELECT id, extract(epoch from at) AS at FROM things")
            lat = sorted((float(r["at"]) - committed[r["id"]]) * 1000 for r in rows)
            await cons.close()
    finally:
        open(stop_file, "w").close()
        child.join(30)
        for f in (stop_file, stop_file + ".ready"):
            if os.path.exists(f):
                os.remove(f)
        for n in names:
            await drop_db(n)
        await delete_namespace(AMQP, ns)

    p50 = statistics.median(lat)
    p99 = lat[max(0, int(len(lat) * 0.99) - 1)]
    print(f"events: {events} (producer here, consumer in a child process)")
    print(f"baseline, the same commits without events: {events / base_s:,.0f} tx/s")
    print(
        f"committed and consumed: {events / tput_s:,.0f} events/s "
        f"({(events / tput_s) / (events / base_s):.2f}x the bare commit rate)"
    )
    print(
        f"commit→consume latency at {rate}/s: p50 {p50:.1f} ms, p99 {p99:.1f} ms, "
        f"max {lat[-1]:.1f} ms"
    )


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1000)
    ap.add_argument("--rate", type=int, default=200)
    a = ap.parse_args()
    uvloop.run(main(a.events, a.rate))
