"""Relay publishing beside a busy request loop: Broker.publish against aio-pika's own.

An outbox relay runs in its service's event loop, next to the HTTP requests. If each
publish costs a loop turn, a busy service starves its own events. This publishes
`--messages` persistent, confirmed messages in batches of 200 (the relay's batch size) to a
real RabbitMQ, while `--busy` tasks on the same loop each burn 0.3 ms of CPU and then wait
0.5 ms (a request doing work and awaiting its database). Prints messages/s for aio-pika's
`Exchange.publish` (the baseline: what the relay used before) and for `Broker.publish`,
both measured in the same run, with and without the busy tasks.

Usage: uv run python bench/relay_publish.py [--messages 2000] [--busy 16]
"""

from __future__ import annotations

import argparse
import asyncio
import time
import uuid

import aio_pika
import uvloop

from talentloop_shared.devtools.bench import AMQP_URL as AMQP
from talentloop_shared.messaging import Broker, Topology
from talentloop_shared.messaging.topology import persistent_message
from talentloop_shared.testing.plugin import delete_namespace, register_queues

BATCH = 200
BODY = b'{"specversion": "1.0", "data": "' + b"x" * 600 + b'"}'


async def busy(stop: asyncio.Event) -> None:
    while not stop.is_set():
        t = time.perf_counter()
        while time.perf_counter() - t < 0.0003:
            pass
        await asyncio.sleep(0.0005)


async def rate(publish, n: int, busy_tasks: int) -> float:
    stop = asyncio.Event()
    tasks = [asyncio.create_task(busy(stop)) for _ in range(busy_tasks)]
    t0 = time.perf_counter()
    for _ in range(0, n, BATCH):
        async with asyncio.timeout(120):
            await asyncio.gather(*(publish(str(uuid.uuid4())) for _ in range(BATCH)))
    elapsed = time.perf_counter() - t0
    stop.set()
    await asyncio.gather(*tasks)
    return n // BATCH * BATCH / elapsed


async def main(a: argparse.Namespace) -> None:
    ns = f"bench-{uuid.uuid4().hex[:6]}."
    topo = Topology(service="bench-relay", namespace=ns)
    register_queues([], namespace=ns)
    broker = Broker(AMQP, topo)
    runner = asyncio.create_task(broker.run())
    connection = await aio_pika.connect(AMQP)
    try:
        await broker.wait_ready(20)
        channel = await connection.channel(publisher_confirms=True, on_return_raises=True)
        exchange = await channel.get_exchange(topo.exchange)

        async def baseline(message_id: str) -> None:
            message = persistent_message(BODY, message_id=message_id, event_type="bench")
            await exchange.publish(message, routing_key="bench", mandatory=True, timeout=10)

        async def ours(message_id: str) -> None:
            await broker.publish(BODY, message_id=message_id, routing_key="bench")

        rows = []
        for busy_tasks in (0, a.busy):
            base = await rate(baseline, a.messages, busy_tasks)
            mine = await rate(ours, a.messages, busy_tasks)
            rows.append((busy_tasks, base, mine))
    finally:
        await connection.close()
        runner.cancel()
        await broker.stop()
        await delete_namespace(AMQP, ns)

    print(f"{a.messages} persistent messages, publisher confirms, batches of {BATCH}")
    for busy_tasks, base, mine in rows:
        print(
            f"beside {busy_tasks:>2} busy tasks: aio-pika Exchange.publish {base:,.0f}/s, "
            f"Broker.publish {mine:,.0f}/s ({mine / base:.1f}x)"
        )


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--busy", type=int, default=16)
    uvloop.run(main(ap.parse_args()))
