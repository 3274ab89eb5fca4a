"""Outbox relay: NOTIFY wake-up across processes, one active relay, retention."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest_asyncio
import toy
from sqlalchemy import func, select, text

from talentloop_shared.db import UnitOfWorkFactory, create_engine, create_session_factory
from talentloop_shared.db.tables import outbox
from talentloop_shared.messaging import Broker, Topology
from talentloop_shared.outbox import OutboxRelay
from talentloop_shared.testing.harness import event_probe
from talentloop_shared.testing.plugin import delete_namespace, eventually, register_queues


@pytest_asyncio.fixture
async def setup(databases, amqp_url, amqp_namespace):
    url = await databases.create("toy_relay")
    await toy.create_schema(url)
    ns = f"{amqp_namespace}{uuid.uuid4().hex[:6]}."
    register_queues([], namespace=ns)
    broker = Broker(amqp_url, Topology(service="toy-relay", namespace=ns))
    broker_task = asyncio.create_task(broker.run())
    await broker.wait_ready(20)
    engine = create_engine(url)
    yield url, ns, broker, engine
    broker_task.cancel()
    await broker.stop()
    await engine.dispose()
    await delete_namespace(amqp_url, ns)


def _relay(url: str, broker: Broker, **kw) -> OutboxRelay:
    return OutboxRelay(database_url=url, service="toy-relay", broker=broker, **kw)


async def test_a_commit_wakes_the_relay_of_its_own_process_directly(setup, amqp_url):
    url, ns, broker, engine = setup
    relay = _relay(url, broker, poll_seconds=60)  # polling alone would take a minute
    task = asyncio.create_task(relay.run())
    await eventually(lambda: _v(relay.active))
    uows = UnitOfWorkFactory(
        create_session_factory(engine), service="toy-relay", on_outbox_commit=relay.committed
    )
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        started = time.monotonic()
        async with uows() as uow:
            await toy.write_thing(uow, "woken")
        await probe.wait_for(1, timeout=5)
    assert time.monotonic() - started < 5
    # No trigger sends a NOTIFY inside the transaction (it would serialise commits).
    async with engine.connect() as conn:
        triggers = await conn.scalar(
            text("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'outbox'::regclass")
        )
    assert triggers == 0
    task.cancel()


async def test_a_commit_in_another_process_wakes_the_active_relay_through_notify(setup, amqp_url):
    """The other process (a replica whose relay is the standby) sends one NOTIFY after its
    commit; the active relay, which LISTENs, wakes."""
    url, ns, broker, engine = setup
    active = _relay(url, broker, poll_seconds=60)
    task = asyncio.create_task(active.run())
    await eventually(lambda: _v(active.active))
    standby = _relay(url, broker, poll_seconds=60)  # never runs here: it stays a standby
    other_process = UnitOfWorkFactory(
        create_session_factory(engine), service="toy-relay", on_outbox_commit=standby.committed
    )
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        started = time.monotonic()
        for i in range(3):  # wake-ups while one is being sent are coalesced, none is lost
            async with other_process() as uow:
                await toy.write_thing(uow, f"notified {i}")
        await probe.wait_for(3, timeout=5)
    assert time.monotonic() - started < 5
    assert active.published_total == 3
    task.cancel()
    await standby.close()


async def test_only_one_relay_is_active_and_a_standby_takes_over(setup):
    url, _ns, broker, engine = setup
    first = _relay(url, broker, poll_seconds=0.2)
    second = _relay(url, broker, poll_seconds=0.2)
    t1 = asyncio.create_task(first.run())
    await eventually(lambda: _v(first.active))
    t2 = asyncio.create_task(second.run())
    await asyncio.sleep(1.0)
    assert first.active and not second.active
    t1.cancel()  # the active relay dies; its connection (and advisory lock) go with it
    await eventually(lambda: _v(second.active), timeout=10, message="standby took over")
    uowf = UnitOfWorkFactory(create_session_factory(engine), service="toy-relay")
    async with uowf() as uow:
        await toy.write_thing(uow, "after failover")
    await eventually(lambda: _v(second.published_total == 1), timeout=10)
    t2.cancel()


async def test_pipelined_relay_publishes_each_row_once_in_commit_order(setup, amqp_url):
    """Batches are sent while earlier ones await their confirms: rows still in flight are
    never fetched again, and every row ends marked sent."""
    url, ns, broker, engine = setup
    relay = _relay(url, broker, batch_size=5, max_in_flight=10, poll_seconds=60)
    task = asyncio.create_task(relay.run())
    await eventually(lambda: _v(relay.active))
    uowf = UnitOfWorkFactory(
        create_session_factory(engine), service="toy-relay", on_outbox_commit=relay.committed
    )
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        ids = []
        for i in range(60):
            async with uowf() as uow:
                ids.append(await toy.write_thing(uow, f"t{i}"))
        await probe.wait_for(60, timeout=20)
        await asyncio.sleep(0.5)  # a second copy of any event would arrive by now
    got = [e.data["position"]["id"] for e in probe.of_type("position-changed")]
    assert got == ids  # each once, in commit order
    await eventually(lambda: _v(relay.published_total == 60), timeout=10)
    async with engine.connect() as c:
        unsent = await c.scalar(
            select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
        )
    assert unsent == 0
    task.cancel()


async def test_published_rows_are_purged_after_retention(setup):
    url, _ns, broker, engine = setup
    uowf = UnitOfWorkFactory(create_session_factory(engine), service="toy-relay")
    for title in ("old", "new", "unsent"):
        async with uowf() as uow:
            await toy.write_thing(uow, title)
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE outbox SET published_at = now() - interval '10 days' "
                "WHERE envelope->'data'->'position'->>'title' = 'old'"
            )
        )
        await conn.execute(
            text(
                "UPDATE outbox SET published_at = now() "
                "WHERE envelope->'data'->'position'->>'title' = 'new'"
            )
        )
    relay = _relay(url, broker, retention_hours=24 * 7)
    import asyncpg

    conn = await asyncpg.connect(relay.dsn)
    try:
        assert await relay.purge(conn) == 1
    finally:
        await conn.close()
    async with engine.connect() as c:
        left = await c.scalar(select(func.count()).select_from(outbox))
    assert left == 2  # the recent published row and the unsent one stay


async def _v(value: bool) -> bool:
    return value
