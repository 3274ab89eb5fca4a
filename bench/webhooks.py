"""Webhook benchmark: events from the bus → signed webhooks at a local receiver.

Runs notify-service in-process over real PostgreSQL (a scratch database, created and
dropped) and RabbitMQ (a private namespace), with one subscription to every event type.
The receiver is a separate process (uvicorn, a bare ASGI app on loopback) that verifies
every signature with `standardwebhooks` and notes when each `webhook-id` arrived.
Prints:
- deliveries/s: `--events` position-changed events published at once, until the last
  webhook arrived (consume → fan-out in the inbox transaction → claim → sign → POST →
  record);
- event → delivery latency p50/p99 with events paced at `--rate` per second, from the
  moment the broker confirmed the event to its arrival at the receiver (a producing
  service's outbox relay adds its own hop before that: bench/events_pipeline.py measures
  commit → consume);
- a baseline from the same run: the same number of signed POSTs straight from one
  httpx client with the same concurrency, and the ratio.

Usage: uv run python bench/webhooks.py [--events 2000] [--rate 100] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import aio_pika
import asyncpg
import httpx
from standardwebhooks.webhooks import Webhook

from notify_service.config import Settings
from notify_service.main import MIGRATIONS, definition
from talentloop_shared.auth import issue_token
from talentloop_shared.config import DEV_JWT_SECRET
from talentloop_shared.db.migrations import upgrade_to_head
from talentloop_shared.devtools.bench import AMQP_URL as AMQP
from talentloop_shared.devtools.bench import PG_ADMIN_URL as ADMIN
from talentloop_shared.devtools.bench import percentile as pct
from talentloop_shared.events import new_event
from talentloop_shared.events.payloads import PositionChanged
from talentloop_shared.messaging.topology import Topology, declare_exchanges, persistent_message
from talentloop_shared.testing.harness import running_service
from talentloop_shared.testing.plugin import delete_namespace
from talentloop_shared.testing.smtp import free_port

CONCURRENCY = 16
HR = {
    "Authorization": "Bearer " + issue_token(sub="bench", roles=["hr_admin"], secret=DEV_JWT_SECRET)
}

RECEIVER = r"""
import sys, time
import uvicorn
from standardwebhooks.webhooks import Webhook

hook = Webhook(sys.argv[2])
out = open(sys.argv[3], "a", buffering=1)

async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    headers = {k.decode(): v.decode() for k, v in scope["headers"]}
    try:
        hook.verify(body, headers, json_parse=False)
        ok = 1
    except Exception:
        ok = 0
    out.write(f"{headers.get('webhook-id')} {time.time()} {ok}\n")
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})

uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="error", access_log=False)
"""


def position(uid: str) -> PositionChanged:
    return PositionChanged.model_validate(
        {
            "change": "updated",
            "changed_fields": ["title"],
            "position": {
                "id": f"pos-{uid}",
                "version": 2,
                "title": "Backend Engineer",
                "status": "open",
                "org_unit": {"id": "ou-1", "name": "Platform", "path": ["Acme", "Platform"]},
                "requirements": {"required_skills": ["go", "postgresql"]},
            },
        }
    )


def arrivals(log: Path) -> dict[str, tuple[float, bool]]:
    found: dict[str, tuple[float, bool]] = {}
    if log.exists():
        for line in log.read_text().splitlines():
            parts = line.split()
            if len(parts) == 3:
                found.setdefault(parts[0], (float(parts[1]), parts[2] == "1"))
    return found


async def wait_for(log: Path, ids: set[str], timeout: float) -> dict[str, tuple[float, bool]]:
    deadline = time.monotonic() + timeout
    while True:
        got = arrivals(log)
        if ids <= set(got):
            return got
        if time.monotonic() > deadline:
            raise SystemExit(f"{len(ids - set(got))} webhooks did not arrive within {timeout}s")
        await asyncio.sleep(0.05)


async def publish(namespace: str, count: int, rate: float | None) -> dict[str, float]:
    """Publish `count` events (paced when `rate`); webhook-id → broker-confirmed time."""
    confirmed: dict[str, float] = {}
    connection = await aio_pika.connect(AMQP)
    try:
        channel = await connection.channel(publisher_confirms=True)
        exchange = await declare_exchanges(channel, Topology(service="bench", namespace=namespace))

        async def one(i: int) -> None:
            event = new_event(type="position-changed", source="/org-service", data=position(f"{i}"))
            await exchange.publish(
                persistent_message(event.to_json(), message_id=event.id, event_type=event.type),
                routing_key=event.type,
            )
            confirmed[f"msg_{event.id}"] = time.time()

        start = time.monotonic()
        pending: list[asyncio.Task[None]] = []
        for i in range(count):
            if rate:
                delay = start + i / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            pending.append(asyncio.create_task(one(i)))
            if not rate and len(pending) >= 200:
                await asyncio.gather(*pending)
                pending = []
        await asyncio.gather(*pending)
    finally:
        await connection.close()
    return confirmed


async def baseline(url: str, secret: str, n: int) -> float:
    """Signed POSTs of the same body straight from httpx, CONCURRENCY at a time; per s."""
    body = new_event(type="position-changed", source="/org-service", data=position("b")).to_json()
    hook = Webhook(secret)
    queue = list(range(n))

    async with httpx.AsyncClient(
        limits=httpx.Limits(max_connections=CONCURRENCY), trust_env=False
    ) as client:

        async def lane() -> None:
            while queue:
                queue.pop()
                msg = f"msg_base_{uuid.uuid4()}"
                now = datetime.now(UTC)
                headers = {
                    "webhook-id": msg,
                    "webhook-timestamp": str(int(now.timestamp())),
                    "webhook-signature": hook.sign(msg, now, body.decode()),
                    "content-type": "application/cloudevents+json",
                }
                r = await client.post(url, content=body, headers=headers)
                r.raise_for_status()

        start = time.perf_counter()
        await asyncio.gather(*(lane() for _ in range(CONCURRENCY)))
        return n / (time.perf_counter() - start)


async def main(n: int, rate: float, seconds: float) -> None:
    run = uuid.uuid4().hex[:8]
    db = f"bench_webhooks_{run}"
    namespace = f"bench-{run}."
    admin = await asyncpg.connect(ADMIN)
    await admin.execute(f'CREATE DATABASE "{db}"')
    await admin.close()
    url = ADMIN.rpartition("/")[0].replace("postgresql://", "postgresql+asyncpg://", 1) + "/" + db
    workdir = Path(tempfile.mkdtemp(prefix="talentloop-webhooks-"))
    log = workdir / "arrivals.txt"
    port = free_port()
    receiver: subprocess.Popen[bytes] | None = None
    try:
        await asyncio.to_thread(upgrade_to_head, MIGRATIONS, url)
        settings = Settings(
            database_url=url,
            amqp_url=AMQP,
            amqp_namespace=namespace,
            environment="test",
            log_level="WARNING",
            log_json=False,
            webhook_concurrency=CONCURRENCY,
            prefetch=200,
        )
        async with running_service(definition, settings) as svc:
            r = await svc.client.post(
                "/api/v1/webhook-subscriptions",
                headers=HR,
                json={"url": f"http://127.0.0.1:{port}/hook", "description": "bench"},
            )
            r.raise_for_status()
            secret = r.json()["secret"]
            receiver = subprocess.Popen(
                [sys.executable, "-c", RECEIVER, str(port), secret, str(log)]
            )
            async with httpx.AsyncClient() as probe:
                for _ in range(100):
                    try:
                        await probe.post(f"http://127.0.0.1:{port}/ready")
                        break
                    except httpx.HTTPError:
                        await asyncio.sleep(0.1)

            warm = await publish(namespace, 50, None)
            await wait_for(log, set(warm), 60)

            t0 = time.time()
            burst = await publish(namespace, n, None)
            got = await wait_for(log, set(burst), 300)
            elapsed = max(got[i][0] for i in burst) - t0
            burst_ok = all(got[i][1] for i in burst)

            paced = await publish(namespace, int(rate * seconds), rate)
            got = await wait_for(log, set(paced), 120)
            latency = [got[i][0] - paced[i] for i in paced]
            paced_ok = all(got[i][1] for i in paced)

            base = await baseline(f"http://127.0.0.1:{port}/base", secret, n)

        print(f"notify-service webhooks: 1 subscription (all types), concurrency {CONCURRENCY}")
        print(
            f"  burst: {n} events → {n / elapsed:,.0f} deliveries/s "
            f"({elapsed:.2f} s until the last arrived); signatures verified: {burst_ok}"
        )
        print(
            f"  paced at {rate:.0f} events/s for {seconds:.0f} s: event → delivery latency "
            f"p50 {statistics.median(latency) * 1000:,.0f} ms, "
            f"p99 {pct(latency, 0.99) * 1000:,.0f} ms; signatures verified: {paced_ok}"
        )
        print(f"baseline: bare httpx signed POSTs, {CONCURRENCY} at a time: {base:,.0f}/s")
        print(f"ratio service/baseline: {n / elapsed / base:.2f}")
    finally:
        if receiver is not None:
            receiver.terminate()
            receiver.wait(10)
        await delete_namespace(AMQP, namespace)
        admin = await asyncpg.connect(ADMIN)
        await admin.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        await admin.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    asyncio.run(main(args.events, args.rate, args.seconds))
