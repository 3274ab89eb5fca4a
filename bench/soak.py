"""Soak: mixed traffic across the four services for ten minutes; errors and memory.

Starts the four services as processes (the launcher `make run` uses) against local
PostgreSQL and RabbitMQ with an SMTP server on loopback, then offers `--rate` requests/s
(open loop: a request starts on schedule whether or not earlier ones finished) for
`--seconds`:
- 70 % reads: a position (org), a page of applications (recruiting), a page of notices
  (notify), a talent search (talent);
- 20 % applications: a new candidate applies (two POSTs, counted as two requests);
- 10 % rejections of earlier applicants, each mailing a notice to the SMTP server.
Prints each class's count, p50/p99 (from when the request was due, so time waiting for one
of the client's 64 connections counts) and errors; every service process's RSS at start, each
minute and at the end, with the slope of a straight line through the second half of the run
(MB per minute: growth that does not level off shows as a positive slope); the emails that
arrived; the events each service applied and their age, from the event's time to its effect
(the services' own histogram). Exits 1 on any failed request. The baseline in the same run
is each service's idle RSS before the load.

Usage: uv run python bench/soak.py [--seconds 600] [--rate 200]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import statistics
import time
import uuid
from collections import defaultdict
from collections.abc import Coroutine
from pathlib import Path
from tempfile import mkdtemp
from typing import Any

import aiohttp
import httpx

from talentloop_shared.devtools.bench import AMQP_URL as AMQP
from talentloop_shared.devtools.bench import PG_ADMIN_URL as PG
from talentloop_shared.devtools.bench import histogram_quantile
from talentloop_shared.devtools.bench import percentile as pct
from talentloop_shared.devtools.load import (
    HR,
    Applicant,
    Balancer,
    event_ages,
    load_session,
    quiet_hours_off,
    reject,
    seed_applicants,
)
from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.testing.smtp import SMTPSink
from talentloop_shared.testing.suites import running_suite

SERVICE_OF = {
    "read org position": "org-service",
    "read recruiting applications": "recruiting-service",
    "read notify notices": "notify-service",
    "read talent search": "talent-service",
    "write candidate": "recruiting-service",
    "write application": "recruiting-service",
}


# A request class answered later than this at p99 means its service fell behind the offered
# rate (its queue grew): the run still counts errors, and says so.
KEPT_UP_P99_SECONDS = 2.0


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def sample(suite: Suite) -> dict[str, float]:
    return {name: rss_mb(proc.pid) for name, proc in suite.processes.items()}


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope (y per x) of the points."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    den = sum((x - mx) ** 2 for x in xs) or 1.0
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / den


async def main(seconds: int, rate: int) -> int:
    run = uuid.uuid4().hex[:6]
    mailbox = SMTPSink()
    mailbox.start()
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, list[str]] = defaultdict(list)
    memory: list[tuple[float, dict[str, float]]] = []
    pending: dict[str, int] = defaultdict(int)  # requests sent and not yet answered, by kind
    rejected = 0
    try:
        async with running_suite(
            pg_admin_url=PG,
            amqp_url=AMQP,
            namespace=f"soak-{run}.",
            database_suffix=f"_soak_{run}",
            mailbox=mailbox,
            log_dir=Path(mkdtemp(prefix="talentloop-soak-")),
            extra_env={
                **{f"{s.prefix}_LOG_LEVEL": "WARNING" for s in SERVICES},
                **{f"{s.prefix}_DB_POOL_SIZE": "10" for s in SERVICES},
            },
        ) as suite:
            lb = Balancer(suite)
            limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
            # The timed requests go through aiohttp (`load_session`): httpx took ~1.7 ms of CPU
            # a request, a third of a core at 200 requests/s taken from the services.
            async with (
                httpx.AsyncClient(timeout=30, headers=HR, limits=limits) as http,
                load_session() as session,
            ):
                await quiet_hours_off(http, lb)
                # A first batch of applicants to reject; later rejections take the run's own
                # applications (seeding every one up front would take longer than the run).
                pool = await seed_applicants(http, lb, min(300, seconds * rate // 10 + 10), run)
                position = (await http.get(f"{lb.url('org-service')}/api/v1/positions")).json()[
                    "items"
                ][0]["id"]
                to_reject: list[Applicant] = list(reversed(pool))
                counter = itertools.count()
                memory.append((0.0, sample(suite)))
                ages_before = await event_ages(http, suite)

                # At most 16 requests per service are on the wire (as a load balancer keeps a
                # connection limit per upstream: one slow service does not starve the others);
                # the rest wait here, cheaply. (Queued inside httpx's pool instead, thousands of
                # waiting requests cost the client O(waiting) work per request and stalled the
                # load generator itself.) Latency is counted from when a request was due, so
                # time spent waiting for a slot counts: a slow service cannot hide behind the
                # client's queue (coordinated omission).
                slots = {s.name: asyncio.Semaphore(16) for s in SERVICES}

                async def timed(
                    kind: str, due: float, method: str, url: str, body: Any = None
                ) -> bytes | None:
                    """The answer's body, or None (the error is counted)."""
                    pending[kind] += 1
                    try:
                        async with (
                            slots[SERVICE_OF[kind]],
                            session.request(method, url, json=body) as r,
                        ):
                            status, answer = r.status, await r.read()
                    except (aiohttp.ClientError, TimeoutError) as e:
                        errors[kind].append(f"{type(e).__name__}: {e}")
                        return None
                    finally:
                        pending[kind] -= 1
                    latencies[kind].append(time.perf_counter() - due)
                    if status >= 400:
                        errors[kind].append(f"{status} {answer[:200].decode(errors='replace')}")
                        return None
                    return answer

                async def read(due: float) -> None:
                    kind, url = random.choice(
                        [
                            (
                                "read org position",
                                f"{lb.url('org-service')}/api/v1/positions/{position}",
                            ),
                            (
                                "read recruiting applications",
                                f"{lb.url('recruiting-service')}/api/v1/applications?limit=20",
                            ),
                            (
                                "read notify notices",
                                f"{lb.url('notify-service')}/api/v1/notifications?limit=20",
                            ),
                            (
                                "read talent search",
                                f"{lb.url('talent-service')}/api/v1/talents?limit=20",
                            ),
                        ]
                    )
                    await timed(kind, due, "GET", url)

                async def apply(due: float) -> None:
                    i = next(counter)
                    rec = lb.url("recruiting-service")
                    body = {
                        "name": f"Soak {i}",
                        "email": f"soak{i}.{run}@load.example",
                        "years_experience": 2,
                        "skills": ["python"],
                    }
                    r = await timed(
                        "write candidate", due, "POST", f"{rec}/api/v1/candidates", body
                    )
                    if r is None:
                        return
                    app = {"candidate_id": json.loads(r)["id"], "position_id": position}
                    applied = await timed(
                        "write application",
                        time.perf_counter(),
                        "POST",
                        f"{rec}/api/v1/applications",
                        app,
                    )
                    if applied is not None:
                        to_reject.insert(
                            0, Applicant(json.loads(applied)["id"], str(body["email"]))
                        )

                async def reject_one(due: float, applicant: Applicant) -> None:
                    nonlocal rejected
                    pending["write rejection"] += 1
                    try:
                        async with slots["recruiting-service"]:
                            await reject(session, lb, applicant)
                    except (aiohttp.ClientError, TimeoutError, RuntimeError) as e:
                        errors["write rejection"].append(str(e)[:200])
                        return
                    finally:
                        pending["write rejection"] -= 1
                    latencies["write rejection"].append(time.perf_counter() - due)
                    rejected += 1

                tasks: set[asyncio.Task[None]] = set()
                start = time.monotonic()
                next_sample = 60.0
                next_report = 20.0
                clock = time.perf_counter() - time.monotonic()  # monotonic → perf_counter
                for n in range(seconds * rate):
                    due = start + n / rate
                    delay = due - time.monotonic()
                    if delay > 0:
                        await asyncio.sleep(delay)
                    at = due + clock
                    roll = n % 10
                    coro: Coroutine[Any, Any, None]
                    if roll < 7:
                        coro = read(at)
                    elif roll < 9:
                        # an application is two requests
                        coro = apply(at) if roll == 7 else read(at)
                    elif to_reject:
                        coro = reject_one(at, to_reject.pop())
                    else:
                        coro = read(at)
                    task = asyncio.create_task(coro)
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
                    elapsed = time.monotonic() - start
                    if elapsed >= next_report:
                        next_report += 20
                        done = sum(len(v) for v in latencies.values())
                        failed = sum(len(v) for v in errors.values())
                        waiting = ", ".join(f"{k} {v}" for k, v in sorted(pending.items()) if v)
                        print(
                            f"  {elapsed:.0f} s: {done} answered, {failed} failed, "
                            f"{len(tasks)} in flight ({waiting or 'none waiting'})",
                            flush=True,
                        )
                    if elapsed >= next_sample:
                        memory.append((elapsed / 60, sample(suite)))
                        next_sample += 60
                await asyncio.gather(*tasks)
                offered = time.monotonic() - start
                memory.append((offered / 60, sample(suite)))
                deadline = time.monotonic() + 120
                while len(mailbox.messages) < rejected and time.monotonic() < deadline:
                    await asyncio.sleep(0.1)
                ages = {
                    service: {
                        b: n - ages_before.get(service, {}).get(b, 0.0) for b, n in after.items()
                    }
                    for service, after in (await event_ages(http, suite)).items()
                }
    finally:
        mailbox.stop()

    total = sum(len(v) for v in latencies.values())
    print(
        f"offered {seconds * rate} requests in {offered:.0f} s ({total / offered:.0f} answered/s)"
    )
    for kind in sorted(latencies):
        values = latencies[kind]
        print(
            f"  {kind:<30} {len(values):>7}  p50 {pct(values, 0.5) * 1000:6.1f} ms  "
            f"p99 {pct(values, 0.99) * 1000:7.1f} ms  errors {len(errors[kind])}"
        )
    print(f"rejections {rejected}, emails arrived {len(mailbox.messages)}")
    print("events applied during the run, aged from their time to their effect (each service's")
    print("talentloop_event_age_seconds, interpolated within its buckets):")
    for service, buckets in sorted(ages.items()):
        applied = max(buckets.values(), default=0.0)
        if applied:
            print(
                f"  {service:<20} {applied:>7,.0f}  p50 "
                f"{histogram_quantile(0.5, buckets) * 1000:6.1f} ms  "
                f"p99 {histogram_quantile(0.99, buckets) * 1000:7.1f} ms"
            )
    print("RSS (MB) per process: idle before load → each minute → end; slope of the second half")
    for name in memory[0][1]:
        series = [(t, m[name]) for t, m in memory if name in m]
        half = [p for p in series if p[0] >= series[-1][0] / 2]
        trend = slope(half) if len(half) >= 2 else float("nan")
        steps = " ".join(f"{m:.0f}" for _, m in series)
        print(f"  {name:<20} {steps}   ({trend:+.2f} MB/min)")
    failed = sum(len(v) for v in errors.values())
    for kind, messages in errors.items():
        for message in messages[:3]:
            print(f"  error {kind}: {message}")
    print("no error" if not failed else f"{failed} requests failed")
    # Errors fail the run; a service falling behind is reported, not failed (on a slow host
    # it is the host's verdict as much as the code's, and `make bench` goes on).
    behind = {
        kind: pct(values, 0.99)
        for kind, values in latencies.items()
        if values and pct(values, 0.99) > KEPT_UP_P99_SECONDS
    }
    if behind or len(mailbox.messages) < rejected:
        slow = ", ".join(f"{kind} p99 {p99:.1f} s" for kind, p99 in sorted(behind.items()))
        print(
            f"fell behind: {slow or 'no request class'}; "
            f"{len(mailbox.messages)} of {rejected} emails"
        )
    else:
        print(f"kept up: every class answered p99 within {KEPT_UP_P99_SECONDS:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=600)
    ap.add_argument("--rate", type=int, default=200)
    a = ap.parse_args()
    raise SystemExit(asyncio.run(main(a.seconds, a.rate)))
