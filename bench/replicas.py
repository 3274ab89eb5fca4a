"""Two replicas of everything, one of each SIGKILLed midway through 1,000 rejections.

Starts two processes of each service (one database and one queue per service, as two
containers of a deployment share them), rejects N candidates with their notices by email
at once, and, when a third of the emails have arrived, SIGKILLs the replica of each
service that holds its outbox relay lock. Prints:
- the relay failover time per service: from the kill until the other replica holds the
  relay's advisory lock (read from pg_locks);
- the dispatcher gap: the longest pause between two emails around the kill, against the
  longest pause in the same run before it (the baseline);
- emails per candidate: how many got exactly one, none, or two. A notice the killed
  dispatcher had claimed is `unknown` (never resent on our own, see notify's dispatch.py);
  the script counts them and resends the ones that did not arrive, as HR would.

Usage: uv run python bench/replicas.py [--rejections 1000] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import time
import uuid
import zlib
from collections import Counter
from pathlib import Path
from tempfile import mkdtemp

import asyncpg
import httpx

from talentloop_shared.devtools.bench import AMQP_URL as AMQP
from talentloop_shared.devtools.bench import PG_ADMIN_URL as PG
from talentloop_shared.devtools.load import (
    HR,
    Applicant,
    Balancer,
    load_session,
    notices_of_kind,
    quiet_hours_off,
    reject,
    relay_replica,
    seed_applicants,
)
from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.testing.smtp import SMTPSink
from talentloop_shared.testing.suites import running_suite


def _libpq(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://", 1)


async def _lock_holder(suite: Suite, name: str) -> int | None:
    """The backend pid holding `name`'s outbox relay lock (key as in outbox.py)."""
    spec = next(s for s in SERVICES if s.name == name)
    key = zlib.crc32(f"outbox:{name}".encode())
    conn = await asyncpg.connect(_libpq(suite.database_url(spec)))
    try:
        pid: int | None = await conn.fetchval(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND classid = $1 AND objid = $2 AND database = "
            "(SELECT oid FROM pg_database WHERE datname = current_database())",
            (key >> 32) & 0xFFFFFFFF,
            key & 0xFFFFFFFF,
        )
        return pid
    finally:
        await conn.close()


async def _failover(suite: Suite, name: str, before: int | None, killed_at: float) -> float:
    while time.monotonic() - killed_at < 60:
        pid = await _lock_holder(suite, name)
        if pid is not None and pid != before:
            return time.monotonic() - killed_at
        await asyncio.sleep(0.02)
    return float("inf")


async def main(n: int, concurrency: int) -> None:
    run = uuid.uuid4().hex[:6]
    mailbox = SMTPSink()
    mailbox.start()
    try:
        async with running_suite(
            pg_admin_url=PG,
            amqp_url=AMQP,
            namespace=f"bench-rep-{run}.",
            database_suffix=f"_benchrep_{run}",
            mailbox=mailbox,
            log_dir=Path(mkdtemp(prefix="talentloop-replicas-")),
            replicas=2,
            extra_env={
                "NOTIFY_CLAIM_TIMEOUT_SECONDS": "10",
                **{f"{s.prefix}_DB_POOL_SIZE": "3" for s in SERVICES},
            },
        ) as suite:
            await _run(suite, mailbox, n, concurrency, run)
    finally:
        mailbox.stop()


async def _run(suite: Suite, mailbox: SMTPSink, n: int, concurrency: int, run: str) -> None:
    lb = Balancer(suite)
    async with (
        httpx.AsyncClient(timeout=30, headers=HR) as http,
        load_session() as rejecter,
    ):
        await quiet_hours_off(http, lb)
        applicants = await seed_applicants(http, lb, n, run, concurrency)
        mine = {a.email for a in applicants}
        await asyncio.sleep(11)  # the relay gauges refresh every 10 s
        sem = asyncio.Semaphore(concurrency)

        async def one(a: Applicant) -> None:
            async with sem:
                await reject(rejecter, lb, a)

        def arrivals() -> list[tuple[float, str]]:
            return sorted(
                (m.received_at, r) for m in mailbox.messages for r in m.rcpt_tos if r in mine
            )

        t0 = time.time()
        rejecting = asyncio.gather(*(one(a) for a in applicants))
        while len(arrivals()) < n // 3:
            await asyncio.sleep(0.05)
        failovers: dict[str, asyncio.Task[float]] = {}
        killed_at_wall = time.time()
        for spec in SERVICES:
            replica = await relay_replica(http, suite, spec.name) or 0
            holder = await _lock_holder(suite, spec.name)
            suite.kill(spec.name, replica=replica)
            failovers[spec.name] = asyncio.create_task(
                _failover(suite, spec.name, holder, time.monotonic())
            )
        await rejecting
        times = {name: await task for name, task in failovers.items()}

        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            notices = [
                n_ for n_ in await notices_of_kind(http, lb, "rejection") if n_["recipient"] in mine
            ]
            if sum(1 for x in notices if x["status"] in {"sent", "unknown"}) == n:
                break
            await asyncio.sleep(1)
        counts = Counter(r for _, r in arrivals())
        unknown = [x for x in notices if x["status"] == "unknown"]
        resent = 0
        for x in unknown:
            if counts[x["recipient"]] == 0:
                r = await http.post(
                    f"{lb.url('notify-service')}/api/v1/notifications/{x['id']}/resend"
                )
                r.raise_for_status()
                resent += 1
        while time.monotonic() < deadline and len(Counter(r for _, r in arrivals())) < n:
            await asyncio.sleep(0.2)
        final = Counter(r for _, r in arrivals())

    stamps = [t for t, _ in arrivals()]
    gaps_before = [b - a for a, b in itertools.pairwise(stamps) if b < killed_at_wall]
    gaps_after = [
        b - a
        for a, b in itertools.pairwise(stamps)
        if a >= killed_at_wall - 1 and b <= killed_at_wall + 30
    ]
    print(f"rejections: {n}, two replicas of each service, one of each SIGKILLed midway")
    for name, seconds in times.items():
        print(
            f"relay failover {name:<20} {seconds:.2f} s (kill → the other replica holds the lock)"
        )
    print(
        f"dispatcher: longest pause between emails around the kill {max(gaps_after or [0]):.2f} s"
        f" (baseline before the kill {max(gaps_before or [0]):.2f} s)"
    )
    print(
        f"emails: {sum(1 for c in counts.values() if c == 1)} candidates got exactly one, "
        f"{sum(1 for c in counts.values() if c > 1)} got two or more, "
        f"{n - len(counts)} none before HR resent; "
        f"{len(unknown)} notices unknown (claimed by the killed dispatcher), {resent} resent"
    )
    print(
        f"after the resend: {sum(1 for c in final.values() if c == 1)} of {n} exactly once, "
        f"{sum(1 for c in final.values() if c > 1)} twice; "
        f"whole run {max(stamps) - t0:.1f} s"
    )


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--rejections", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=8)
    a = ap.parse_args()
    asyncio.run(main(a.rejections, a.concurrency))
