"""Benchmark: an ERP's nightly sync by code — 50 org units, 500 people, 200 positions as PUTs.

Creates a scratch database, migrates it, starts org-service in-process against real
PostgreSQL and RabbitMQ (its own broker namespace), and runs the sync twice: the first run
creates everything (750 PUTs: 201s, 700 events), the second sends the same bodies again and
must change nothing (750 × 200, same versions, no event). Units go parents first, people
managers first, positions heads first; each wave's PUTs run concurrently over the in-process
ASGI client. As a baseline it times the same number of GETs by id in the same run (the
per-request floor of auth, routing, a transaction and a JSON answer). Prints both runs
(the same twice over, `--runs`), and how long the relay took to publish the first run.
Beside each wall time it prints the process's CPU time: the machines are shared, and wall
time on a busy one says more about the neighbours than about the code.

    uv run python bench/org_sync.py [--runs 2] [--concurrency 12]

Environment: TALENTLOOP_TEST_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
TALENTLOOP_TEST_AMQP_URL (default amqp://guest:guest@127.0.0.1:5672/).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy import func, select

from org_service.config import Settings
from org_service.main import MIGRATIONS, definition
from talentloop_shared.auth.jwt import issue_token
from talentloop_shared.config import DEV_JWT_SECRET
from talentloop_shared.db.migrations import upgrade_to_head
from talentloop_shared.db.tables import outbox
from talentloop_shared.testing.harness import FAST_MESSAGING, running_service
from talentloop_shared.testing.plugin import delete_namespace

# The sync's data and loop are the test's (services/org-service/tests/org_testkit.py), so the
# figure is of what the test proves.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "services/org-service/tests"))
from org_testkit import erp_snapshot, run_sync

from talentloop_shared.devtools.bench import AMQP_URL
from talentloop_shared.devtools.bench import PG_ADMIN_URL as ADMIN_URL


async def baseline_gets(client: Any, headers: dict[str, str], ids: list[str], gate: int) -> None:
    """One GET by id per PUT of the sync, with the same concurrency."""
    semaphore = asyncio.Semaphore(gate)

    async def one(path: str) -> None:
        async with semaphore:
            r = await client.get(path, headers=headers)
        assert r.status_code == 200, r.text

    await asyncio.gather(*(one(path) for path in ids))


async def main(runs: int, concurrency: int) -> None:
    run = uuid.uuid4().hex[:8]
    db = f"bench_org_sync_{run}"
    base = ADMIN_URL.rpartition("/")[0]
    url = f"{base}/{db}".replace("postgresql://", "postgresql+asyncpg://", 1)
    namespace = f"bench-{run}."
    admin = await asyncpg.connect(ADMIN_URL)
    await admin.execute(f'CREATE DATABASE "{db}"')
    await admin.close()
    try:
        await asyncio.to_thread(upgrade_to_head, MIGRATIONS, url)
        settings = Settings(
            database_url=url, amqp_url=AMQP_URL, amqp_namespace=namespace, **FAST_MESSAGING
        )
        headers = {
            "Authorization": "Bearer "
            + issue_token(sub="erp-nightly", roles=["integration"], secret=DEV_JWT_SECRET)
        }
        waves = erp_snapshot(f"B{run}")
        puts = sum(len(w) for w in waves)
        unpublished = (
            select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
        )
        async with running_service(definition, settings) as svc:
            client = svc.client
            first_versions: list[tuple[str, int, int]] | None = None
            for attempt in range(runs):
                started, cpu = time.perf_counter(), time.process_time()
                results = await run_sync(client, headers, waves, concurrency=concurrency)
                seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
                async with svc.runtime.engine.connect() as conn:
                    events = int(await conn.scalar(select(func.count()).select_from(outbox)) or 0)
                statuses = sorted({status for _, status, _ in results})
                if first_versions is None:
                    first_versions = results
                    relay_started = time.perf_counter()
                    async with svc.runtime.engine.connect() as conn:
                        while await conn.scalar(unpublished):
                            await asyncio.sleep(0.1)
                    relayed = time.perf_counter() - relay_started
                    print(
                        f"run 1 (creates):      {seconds:.2f} s, CPU {cpu:.2f} s "
                        f"({puts / seconds:,.0f} PUT/s)  statuses {statuses}, outbox rows {events}"
                    )
                    print(f"  outbox drained after {relayed:.2f} s more")
                    first_events = events
                else:
                    same = results == [(p, 200, v) for p, _, v in first_versions]
                    print(
                        f"run {attempt + 1} (no-op):        {seconds:.2f} s, CPU {cpu:.2f} s "
                        f"({puts / seconds:,.0f} PUT/s)  statuses {statuses}, "
                        f"new events {events - first_events}, versions unchanged: {same}"
                    )
            ids: list[str] = []
            for path in ("/api/v1/people", "/api/v1/positions", "/api/v1/org-units"):
                cursor = None
                while True:
                    params = {"limit": 500, **({"cursor": cursor} if cursor else {})}
                    r = await client.get(path, headers=headers, params=params)
                    ids += [f"{path}/{item['id']}" for item in r.json()["items"]]
                    cursor = r.json()["next_cursor"]
                    if cursor is None:
                        break
            started, cpu = time.perf_counter(), time.process_time()
            await baseline_gets(client, headers, ids[:puts], concurrency)
            baseline, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"PUTs per run:         {puts} (50 units, 500 people, 200 positions)")
        print(
            f"baseline {len(ids[:puts])} GETs by id: {baseline:.2f} s, CPU {cpu:.2f} s "
            f"({len(ids[:puts]) / baseline:,.0f} GET/s)"
        )
    finally:
        admin = await asyncpg.connect(ADMIN_URL)
        await admin.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        await admin.close()
        await delete_namespace(AMQP_URL, namespace)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=12)
    args = parser.parse_args()
    asyncio.run(main(args.runs, args.concurrency))
