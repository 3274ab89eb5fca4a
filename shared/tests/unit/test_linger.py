"""The consumer's and the relay's linger: while events keep arriving, a batch waits for
more (up to the linger); a tick that brings nothing ends the wait at once."""

from __future__ import annotations

import asyncio
from typing import Any, cast

from talentloop_shared.aio import LINGER_TICK_SECONDS
from talentloop_shared.messaging.consumer import EventConsumer
from talentloop_shared.outbox import OutboxRelay

LONG = 5.0  # far longer than any wait below may take


def _consumer(linger: float, batch_size: int = 50) -> EventConsumer:
    return EventConsumer(
        topology=cast(Any, None),
        subscriptions={},
        uow_factory=cast(Any, None),
        batch_size=batch_size,
        linger_seconds=linger,
    )


async def _arrivals(count: int, put: Any) -> None:
    """One arrival every fifth of a tick: every tick of the waiting side sees some."""
    for i in range(count):
        await asyncio.sleep(LINGER_TICK_SECONDS / 5)
        put(i)


async def test_a_batch_takes_what_keeps_arriving() -> None:
    consumer = _consumer(LONG)
    pending: asyncio.Queue[Any] = asyncio.Queue()
    batch: list[Any] = ["first"]
    arriving = asyncio.create_task(_arrivals(30, pending.put_nowait))
    await consumer._linger(pending, batch)
    await arriving
    assert batch == ["first", *range(30)]


async def test_a_batch_waits_one_tick_when_nothing_more_comes() -> None:
    consumer = _consumer(LONG)
    pending: asyncio.Queue[Any] = asyncio.Queue()
    batch: list[Any] = ["alone"]
    loop = asyncio.get_running_loop()
    started = loop.time()
    await consumer._linger(pending, batch)
    assert batch == ["alone"]
    assert loop.time() - started < LONG / 2


async def test_a_batch_stops_lingering_when_full_or_when_the_linger_is_over() -> None:
    full = _consumer(LONG, batch_size=5)
    pending: asyncio.Queue[Any] = asyncio.Queue()
    batch: list[Any] = ["first"]
    arriving = asyncio.create_task(_arrivals(30, pending.put_nowait))
    await full._linger(pending, batch)
    assert len(batch) == 5
    arriving.cancel()

    short = _consumer(0.02)
    pending = asyncio.Queue()
    batch = ["first"]
    arriving = asyncio.create_task(_arrivals(100_000, pending.put_nowait))
    loop = asyncio.get_running_loop()
    started = loop.time()
    await short._linger(pending, batch)
    arriving.cancel()
    assert 1 < len(batch) < 50 and loop.time() - started < LONG / 2


async def test_the_relay_lingers_while_commits_keep_waking_it() -> None:
    relay = OutboxRelay(
        database_url="postgresql://nobody@127.0.0.1/none",
        service="test",
        broker=cast(Any, None),
        linger_seconds=LONG,
    )
    loop = asyncio.get_running_loop()
    commits = 0

    def committed(_: int) -> None:
        nonlocal commits
        commits += 1
        relay._wake.set()  # what `committed()` does in the active relay

    arriving = asyncio.create_task(_arrivals(30, committed))
    await relay._linger()
    assert commits == 30  # it waited until the commits stopped coming
    await arriving
    started = loop.time()
    await relay._linger()  # nothing committed: one tick
    assert loop.time() - started < LONG / 2
