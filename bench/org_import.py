"""Benchmark: import a 10,000-row positions CSV through org-service's API.

Creates a scratch database, migrates it, starts org-service in-process against real
PostgreSQL and RabbitMQ (its own broker namespace), creates the org units, POSTs the CSV to
`/api/v1/imports?kind=positions&dry_run=false`, and prints rows, seconds and rows/s. As a
baseline it times a plain INSERT of the same 10,000 rows (asyncpg executemany into a copy of
the positions table, no validation, history or events) in the same run.

    uv run python bench/org_import.py [--rows 10000]

Environment: TALENTLOOP_TEST_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
TALENTLOOP_TEST_AMQP_URL (default amqp://guest:guest@127.0.0.1:5672/).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import json
import os
import time
import uuid

import asyncpg

from org_service.config import Settings
from org_service.main import MIGRATIONS, definition
from talentloop_shared.auth.jwt import issue_token
from talentloop_shared.config import DEV_JWT_SECRET
from talentloop_shared.db.migrations import upgrade_to_head
from talentloop_shared.testing.harness import FAST_MESSAGING, running_service
from talentloop_shared.testing.plugin import delete_namespace

ADMIN_URL = os.environ.get(
    "TALENTLOOP_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
AMQP_URL = os.environ.get("TALENTLOOP_TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672/")
DEPARTMENTS = 20
HEADER = [
    "code",
    "title",
    "org_unit_code",
    "job_family",
    "headcount",
    "status",
    "location",
    "min_years_experience",
    "required_skills",
    "preferred_skills",
    "industries",
    "education",
    "languages",
    "responsibilities",
    "evaluation_scheme",
]


def generate_rows(n: int) -> list[list[object]]:
    """n realistic position rows spread over the departments."""
    families = ["engineering", "sales", "marketing", "operations", "campus"]
    rows = []
    for i in range(n):
        d1, d2 = i % DEPARTMENTS, (i + 1) % DEPARTMENTS
        rows.append(
            [
                f"POS-{i:06}",
                f"Position {i}",
                f"DEP-{d1:03}",
                families[i % 5],
                1 + i % 4,
                "open" if i % 10 else "closed",
                "Shanghai",
                i % 8,
                "sql; python; Go",
                "kubernetes",
                "fmcg; retail",
                "bachelor",
                "zh; en",
                "own the roadmap; mentor juniors",
                f"technical:Technical:0.4:DEP-{d1:03}; business:Business:0.3:DEP-{d2:03}; "
                f"culture:Culture:0.3",
            ]
        )
    return rows


def to_csv(rows: list[list[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    writer.writerows(rows)
    return out.getvalue().encode()


async def baseline_insert(dsn: str, rows: list[list[object]], unit_id: uuid.UUID) -> float:
    """Seconds for a plain executemany INSERT of the same rows (no rules, no events)."""
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute("CREATE TABLE positions_baseline (LIKE positions INCLUDING DEFAULTS)")
        records = [
            (
                uuid.uuid4(),
                r[0],
                1,
                r[1],
                unit_id,
                r[3],
                r[4],
                r[5],
                r[6],
                json.dumps([r[13]]),
                json.dumps({"min_years_experience": r[7], "required_skills": r[8].split(";")}),
                json.dumps({"dimensions": r[14].split(";")}),
            )
            for r in rows
        ]
        started = time.perf_counter()
        await conn.executemany(
            "INSERT INTO positions_baseline (id, code, version, title, org_unit_id, job_family,"
            " headcount, status, location, responsibilities, requirements, evaluation_scheme)"
            " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::jsonb, $12::jsonb)",
            records,
        )
        return time.perf_counter() - started
    finally:
        await conn.close()


async def main(n: int) -> None:
    run = uuid.uuid4().hex[:8]
    db = f"bench_org_{run}"
    base = ADMIN_URL.rpartition("/")[0]
    dsn = f"{base}/{db}"
    url = dsn.replace("postgresql://", "postgresql+asyncpg://", 1)
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
            + issue_token(sub="bench", roles=["hr_admin"], secret=DEV_JWT_SECRET)
        }
        rows = generate_rows(n)
        content = to_csv(rows)
        async with running_service(definition, settings) as svc:
            client = svc.client
            r = await client.post(
                "/api/v1/org-units",
                headers=headers,
                json={"name": "Acme", "kind": "company", "code": "ACME"},
            )
            company = r.json()
            for d in range(DEPARTMENTS):
                r = await client.post(
                    "/api/v1/org-units",
                    headers=headers,
                    json={
                        "name": f"Department {d}",
                        "kind": "department",
                        "parent_id": company["id"],
                        "code": f"DEP-{d:03}",
                    },
                )
                assert r.status_code == 201, r.text
            started = time.perf_counter()
            r = await client.post(
                "/api/v1/imports",
                headers=headers,
                params={"kind": "positions", "dry_run": "false"},
                files={"file": ("positions.csv", content, "text/csv")},
                timeout=300,
            )
            seconds = time.perf_counter() - started
            assert r.status_code == 200, r.text[:2000]
            report = r.json()
            rec = report["reconciliation"]
            assert rec["created"] == n and rec["checksum"]["match"], rec

            started = time.perf_counter()
            r = await client.post(
                "/api/v1/imports",
                headers=headers,
                params={"kind": "positions", "dry_run": "false"},
                files={"file": ("positions.csv", content, "text/csv")},
                timeout=300,
            )
            again = time.perf_counter() - started
            assert r.json()["reconciliation"]["unchanged"] == n

            # How long the relay takes to put the events on the broker.
            conn = await asyncpg.connect(dsn)
            relay_started = time.perf_counter()
            while await conn.fetchval("SELECT count(*) FROM outbox WHERE published_at IS NULL"):
                await asyncio.sleep(0.2)
            relayed = time.perf_counter() - relay_started
            await conn.close()

        baseline = await baseline_insert(dsn, rows, uuid.UUID(company["id"]))
        print(f"rows:                 {n}")
        print(f"import (API, real):   {seconds:.2f} s  ({n / seconds:,.0f} rows/s)")
        print(f"  events written:     {report['events_published']}")
        print(f"re-import (no-op):    {again:.2f} s  ({n / again:,.0f} rows/s)")
        print(f"outbox drained after: {relayed:.2f} s more")
        print(f"baseline plain INSERT:{baseline:.2f} s  ({n / baseline:,.0f} rows/s)")
        print(f"ratio import/INSERT:  {seconds / baseline:.1f}x")
    finally:
        admin = await asyncpg.connect(ADMIN_URL)
        await admin.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        await admin.close()
        await delete_namespace(AMQP_URL, namespace)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    asyncio.run(main(parser.parse_args().rows))
