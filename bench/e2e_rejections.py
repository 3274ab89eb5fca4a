"""Whole-loop benchmark: POST /reject → the email at the SMTP server, four real services.

Starts the four services as processes (the launcher `make run` uses) against local
PostgreSQL and RabbitMQ with an SMTP server on loopback, seeds one position and N screened
candidates over HTTP, then rejects them all (delay 0, quiet hours off) with a few requests
in flight at a time (a burst: how fast the loop goes, and what its queues add when
rejections come faster than emails go out). Then, with as many fresh candidates, rejects
them paced at `--rate` per second, each POST on its own schedule (an open loop, as HR's
clicks arrive): the loop's latency at a load it carries. Prints p50/p99 latency from the
start of each POST to its email's arrival, and rejections/s; the baseline measured in the
same run is the POST's own round trip, so the ratio shows what the asynchronous part of
the loop adds.

Usage: uv run python bench/e2e_rejections.py [--rejections 200] [--concurrency 8] [--rate 50]
       [--profile DIR]   (py-spy's raw stacks of each service during the burst)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import statistics
import time
import uuid
from pathlib import Path
from tempfile import mkdtemp
from typing import Any

import asyncpg
import httpx

from talentloop_shared.config import ServiceSettings
from talentloop_shared.devtools.bench import AMQP_URL as AMQP
from talentloop_shared.devtools.bench import PG_ADMIN_URL as PG
from talentloop_shared.devtools.bench import cpu_used, per_unit, py_spy
from talentloop_shared.devtools.bench import percentile as pct
from talentloop_shared.devtools.load import (
    HR,
    Applicant,
    Balancer,
    load_session,
    quiet_hours_off,
    reject,
    seed_applicants,
)
from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.testing.smtp import SMTPSink
from talentloop_shared.testing.suites import running_suite

DEFAULT_POOL = ServiceSettings.model_fields["db_pool_size"].default
BENCH = "bench (clients, SMTP server)"


def service_pids(processes: dict[str, Any]) -> dict[str, list[int]]:
    """The suite's processes by service ("recruiting": its pids)."""
    pids: dict[str, list[int]] = {}
    for key, proc in processes.items():
        pids.setdefault(key.split("#")[0].removesuffix("-service"), []).append(proc.pid)
    return pids


async def notice_stages(
    suite: Suite, started: dict[str, float], arrived: dict[str, float]
) -> dict[str, list[float]]:
    """Each burst notice's time between the steps notify's rows record (one clock: one
    machine): the POST until recruiting decided (`occurred_at`), until notify's consumer
    stored the notice (its transaction's start), until the dispatcher claimed it, until
    the email arrived."""
    notify = next(s for s in SERVICES if s.name == "notify-service")
    conn = await asyncpg.connect(suite.database_url(notify).replace("+asyncpg", ""))
    try:
        rows = await conn.fetch(
            "SELECT recipient, extract(epoch FROM occurred_at) AS decided,"
            " extract(epoch FROM created_at) AS stored, extract(epoch FROM claimed_at) AS claimed"
            " FROM notifications WHERE channel = 'email' AND kind = 'rejection'"
        )
    finally:
        await conn.close()
    stages: dict[str, list[float]] = {
        "POST → decided": [],
        "→ notice stored": [],
        "→ claimed": [],
        "→ email arrived": [],
    }
    for r in rows:
        if r["recipient"] not in started or r["claimed"] is None:
            continue
        steps = [started[r["recipient"]], *map(float, r[1:]), arrived[r["recipient"]]]
        for stage, a, b in zip(stages, steps, steps[1:], strict=False):
            stages[stage].append(b - a)
    return stages


def report(label: str, started: dict[str, float], arrived: dict[str, float]) -> list[float]:
    """Print POST → email latencies of one phase; the latencies."""
    latencies = [arrived[e] - started[e] for e in started if e in arrived]
    if len(latencies) < len(started):
        raise SystemExit(f"{label}: only {len(latencies)} of {len(started)} emails arrived")
    print(
        f"{label}: POST /reject → email p50 {pct(latencies, 0.5) * 1000:.0f} ms, "
        f"p99 {pct(latencies, 0.99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )
    return latencies


async def main(n: int, concurrency: int, rate: float, profile: Path | None) -> None:
    run = uuid.uuid4().hex[:6]
    mailbox = SMTPSink()
    mailbox.start()
    started: dict[str, float] = {}
    paced: dict[str, float] = {}
    round_trips: list[float] = []
    paced_trips: list[float] = []

    async def emails(count: int) -> None:
        deadline = time.monotonic() + 120
        while len(mailbox.messages) < count and time.monotonic() < deadline:
            await asyncio.sleep(0.02)

    try:
        async with running_suite(
            pg_admin_url=PG,
            amqp_url=AMQP,
            namespace=f"bench-{run}.",
            database_suffix=f"_bench_{run}",
            mailbox=mailbox,
            log_dir=Path(mkdtemp(prefix="talentloop-bench-")),
            extra_env={
                **{f"{s.prefix}_LOG_LEVEL": "WARNING" for s in SERVICES},
                # The connections a service keeps by default, not the test suites' three: with
                # three, eight requests in flight opened and closed a connection (TLS
                # handshake included) for most requests, which is not what a deployment does.
                **{f"{s.prefix}_DB_POOL_SIZE": str(DEFAULT_POOL) for s in SERVICES},
            },
        ) as suite:
            lb = Balancer(suite)
            async with (
                httpx.AsyncClient(timeout=30, headers=HR) as http,
                load_session() as rejecter,
            ):
                await quiet_hours_off(http, lb)
                apps = await seed_applicants(http, lb, n, run, concurrency)
                sem = asyncio.Semaphore(concurrency)

                async def one(a: Applicant) -> None:
                    async with sem:
                        started[a.email] = time.time()
                        await reject(rejecter, lb, a)
                        round_trips.append(time.time() - started[a.email])

                async with contextlib.AsyncExitStack() as spies:
                    for key, proc in suite.processes.items() if profile else ():
                        out = None if profile is None else profile / f"{key}.txt"
                        await spies.enter_async_context(py_spy(proc.pid, out))
                    with cpu_used(service_pids(suite.processes), BENCH) as cpu:
                        t0 = time.time()
                        await asyncio.gather(*(one(a) for a in apps))
                        await emails(n)
                        burst_end = max(m.received_at for m in mailbox.messages)
                arrived = {m.rcpt_tos[0]: m.received_at for m in mailbox.messages}
                stages = await notice_stages(suite, started, arrived)
                if rate > 0:
                    later = await seed_applicants(http, lb, n, f"{run}p", concurrency)

                    async def on_time(i: int, a: Applicant) -> None:
                        await asyncio.sleep(max(0.0, p0 + i / rate - time.monotonic()))
                        paced[a.email] = time.time()
                        await reject(rejecter, lb, a)
                        paced_trips.append(time.time() - paced[a.email])

                    p0 = time.monotonic()
                    await asyncio.gather(*(on_time(i, a) for i, a in enumerate(later)))
                    await emails(2 * n)
                arrived = {m.rcpt_tos[0]: m.received_at for m in mailbox.messages}
    finally:
        mailbox.stop()
    print(f"rejections: {n} in a burst (concurrency {concurrency}), emails received: {n}")
    latencies = report("burst", started, arrived)
    print(
        "  where a burst notice's time goes, p50 / p99 (ms): "
        + "; ".join(
            f"{stage} {pct(v, 0.5) * 1000:.0f} / {pct(v, 0.99) * 1000:.0f}"
            for stage, v in stages.items()
            if v
        )
    )
    print(f"burst throughput: {n / (burst_end - t0):.1f} rejections/s (first POST to last email)")
    print(
        f"baseline, the POST round trip alone: p50 {statistics.median(round_trips) * 1000:.0f}"
        f" ms (end-to-end p50 is {pct(latencies, 0.5) / statistics.median(round_trips):.1f}x)"
    )
    print(
        f"CPU per rejection in the burst: {per_unit(cpu, n)}"
        f" (this machine has {os.cpu_count()} cores)"
    )
    if rate > 0:
        report(f"paced at {rate:g}/s ({n} rejections)", paced, arrived)
        print(f"  the POST round trip alone: p50 {statistics.median(paced_trips) * 1000:.0f} ms")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--rejections", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--rate", type=float, default=50.0, help="paced phase, rejections/s; 0: none")
    ap.add_argument(
        "--profile", type=Path, default=None, help="py-spy's raw stacks of each service's burst"
    )
    a = ap.parse_args()
    asyncio.run(main(a.rejections, a.concurrency, a.rate, a.profile))
