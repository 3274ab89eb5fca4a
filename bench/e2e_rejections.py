"""Whole-loop benchmark: POST /reject → the email at the SMTP server, four real services.

Starts the four services as processes (the launcher `make run` uses) against local
PostgreSQL and RabbitMQ with an SMTP server on loopback, seeds one position and N screened
candidates over HTTP, then rejects them all (delay 0, quiet hours off) with a few requests
in flight at a time. Prints p50/p99 latency from the start of each POST to its email's
arrival, and rejections/s; the baseline measured in the same run is the POST's own
round trip, so the ratio shows what the asynchronous part of the loop adds.

Usage: uv run python bench/e2e_rejections.py [--rejections 200] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
import uuid
from pathlib import Path
from tempfile import mkdtemp

import httpx

from talentloop_shared.auth import issue_token
from talentloop_shared.config import DEV_JWT_SECRET
from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.testing.plugin import delete_namespace, register_services
from talentloop_shared.testing.smtp import SMTPSink, free_port

PG = os.environ.get("TALENTLOOP_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
AMQP = os.environ.get("TALENTLOOP_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")
HR = {
    "Authorization": "Bearer " + issue_token(sub="bench", roles=["hr_admin"], secret=DEV_JWT_SECRET)
}


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p * len(ordered)) - 1))]


async def main(n: int, concurrency: int) -> None:
    run = uuid.uuid4().hex[:6]
    mailbox = SMTPSink()
    mailbox.start()
    namespace = f"bench-{run}."
    suite = Suite(
        pg_url=PG,
        amqp_url=AMQP,
        smtp_port=mailbox.port,
        namespace=namespace,
        database_suffix=f"_bench_{run}",
        ports={s.name: free_port() for s in SERVICES},
        log_dir=Path(mkdtemp(prefix="talentloop-bench-")),
        extra_env={f"{s.prefix}_LOG_LEVEL": "WARNING" for s in SERVICES},
    )
    register_services([s.name for s in SERVICES], namespace=namespace)
    await suite.check_infrastructure()
    await suite.create_databases()
    suite.migrate()
    suite.start_all()
    try:
        await suite.wait_ready(timeout=90)
        async with httpx.AsyncClient(timeout=30, headers=HR) as http:
            org, rec, noti = (
                suite.url(x) for x in ("org-service", "recruiting-service", "notify-service")
            )
            (
                await http.put(
                    f"{noti}/api/v1/settings",
                    json={"quiet_hours": {"start": "00:00", "end": "00:00"}},
                )
            ).raise_for_status()
            unit = (
                await http.post(
                    f"{org}/api/v1/org-units", json={"name": "Bench Co", "kind": "company"}
                )
            ).json()
            position = (
                await http.post(
                    f"{org}/api/v1/positions",
                    json={
                        "title": "Data Engineer",
                        "org_unit_id": unit["id"],
                        "job_family": "engineering",
                        "requirements": {"min_years_experience": 5, "required_skills": ["spark"]},
                    },
                )
            ).json()
            while (await http.get(f"{rec}/api/v1/openings/{position['id']}")).status_code != 200:
                await asyncio.sleep(0.05)
            sem = asyncio.Semaphore(concurrency)

            async def apply(i: int) -> tuple[str, str]:
                async with sem:
                    email = f"cand{i}.{run}@bench.example"
                    c = (
                        await http.post(
                            f"{rec}/api/v1/candidates",
                            json={
                                "name": f"Candidate {i}",
                                "email": email,
                                "years_experience": 2,
                                "skills": ["python"],
                                "locale": "en" if i % 2 else "zh-CN",
                                "timezone": "Asia/Shanghai",
                            },
                        )
                    ).json()
                    a = (
                        await http.post(
                            f"{rec}/api/v1/applications",
                            json={"candidate_id": c["id"], "position_id": position["id"]},
                        )
                    ).json()
                    return a["id"], email

            apps = await asyncio.gather(*(apply(i) for i in range(n)))
            started: dict[str, float] = {}
            round_trips: list[float] = []

            async def reject(app_id: str, email: str) -> None:
                async with sem:
                    started[email] = time.time()
                    r = await http.post(
                        f"{rec}/api/v1/applications/{app_id}/reject",
                        json={"notify": {"channels": ["email"], "delay_minutes": 0}},
                    )
                    r.raise_for_status()
                    round_trips.append(time.time() - started[email])

            t0 = time.time()
            await asyncio.gather(*(reject(a, e) for a, e in apps))
            deadline = time.monotonic() + 120
            while len(mailbox.messages) < n and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            arrived = {m.rcpt_tos[0]: m.received_at for m in mailbox.messages}
    finally:
        suite.stop_all()
        mailbox.stop()
        await suite.drop_databases()
        await delete_namespace(AMQP, namespace)
    latencies = [arrived[e] - started[e] for e in started if e in arrived]
    if len(latencies) < n:
        raise SystemExit(f"only {len(latencies)} of {n} emails arrived")
    total = max(arrived.values()) - t0
    print(f"rejections: {n} (concurrency {concurrency}), emails received: {len(latencies)}")
    print(
        f"POST /reject → email: p50 {pct(latencies, 0.5) * 1000:.0f} ms, "
        f"p99 {pct(latencies, 0.99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms"
    )
    print(f"throughput: {n / total:.1f} rejections/s (first POST to last email)")
    print(
        f"baseline, the POST round trip alone: p50 {statistics.median(round_trips) * 1000:.0f}"
        f" ms (end-to-end p50 is {pct(latencies, 0.5) / statistics.median(round_trips):.1f}x)"
    )


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--rejections", type=int, default=200)
    ap.add_argument("--concurrency", type=int, default=8)
    a = ap.parse_args()
    asyncio.run(main(a.rejections, a.concurrency))
