"""Benchmark: import a 10,000-row positions CSV through org-service's API.

Creates a scratch database, migrates it, starts org-service in-process against real
PostgreSQL and RabbitMQ (its own broker namespace), creates the org units, POSTs the CSV to
`/api/v1/imports?kind=positions&dry_run=false`, and prints rows, seconds and rows/s. As a
baseline it times a plain INSERT of the same 10,000 rows (the rows the import would store,
one executemany into a copy of the positions table: no validation, history or events) in
the same run. Column names, row values and tables all come from org-service itself.

    uv run python bench/org_import.py [--rows 10000]

Environment: TALENTLOOP_TEST_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
TALENTLOOP_TEST_AMQP_URL (default amqp://guest:guest@127.0.0.1:5672/).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import io
import time
import uuid
from typing import Any, cast

import asyncpg
from sqlalchemy import MetaData, Table, func, insert, select, text

from org_service.config import Settings
from org_service.db.models import Position
from org_service.domain.imports.positions import POSITION_COLUMNS, validate_position_rows
from org_service.main import MIGRATIONS, definition
from org_service.service.imports import imported_values
from talentloop_shared.auth.jwt import issue_token
from talentloop_shared.clock import utcnow
from talentloop_shared.config import DEV_JWT_SECRET
from talentloop_shared.db.engine import create_engine
from talentloop_shared.db.migrations import upgrade_to_head
from talentloop_shared.db.tables import outbox
from talentloop_shared.devtools.bench import AMQP_URL
from talentloop_shared.devtools.bench import PG_ADMIN_URL as ADMIN_URL
from talentloop_shared.tabular import read_table
from talentloop_shared.testing.harness import FAST_MESSAGING, running_service
from talentloop_shared.testing.plugin import delete_namespace

DEPARTMENTS = 20


def generate_rows(n: int) -> list[dict[str, object]]:
    """n realistic position rows spread over the departments."""
    families = ["engineering", "sales", "marketing", "operations", "campus"]
    rows = []
    for i in range(n):
        d1, d2 = i % DEPARTMENTS, (i + 1) % DEPARTMENTS
        row: dict[str, object] = {
            "code": f"POS-{i:06}",
            "title": f"Position {i}",
            "org_unit_code": f"DEP-{d1:03}",
            "job_family": families[i % 5],
            "headcount": 1 + i % 4,
            "status": "open" if i % 10 else "closed",
            "location": "Shanghai",
            "min_years_experience": i % 8,
            "required_skills": "sql; python; Go",
            "preferred_skills": "kubernetes",
            "industries": "fmcg; retail",
            "education": "bachelor",
            "languages": "zh; en",
            "responsibilities": "own the roadmap; mentor juniors",
            "evaluation_scheme": f"technical:Technical:0.4:DEP-{d1:03}; "
            f"business:Business:0.3:DEP-{d2:03}; culture:Culture:0.3",
        }
        rows.append(row)
    assert not rows or set(rows[0]) == set(POSITION_COLUMNS)  # every column the import reads
    return rows


def to_csv(rows: list[dict[str, object]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=POSITION_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


async def baseline_insert(url: str, content: bytes, unit_id_by_code: dict[str, str]) -> float:
    """Seconds for a plain executemany INSERT of the rows the import stores (no rules, no
    history, no events), into a copy of the positions table."""
    table = read_table(content)
    report = validate_position_rows(table, known_org_unit_codes=set(unit_id_by_code))
    assert report.ok, report.problems[:5]
    now = utcnow()
    records: list[dict[str, Any]] = [
        {
            **imported_values(
                row,
                unit_id=uuid.UUID(unit_id_by_code[row.org_unit_code]),
                unit_id_by_code=unit_id_by_code,
            ),
            "id": uuid.uuid4(),
            "version": 1,
            "reports_to_position_id": None,
            "created_at": now,
            "updated_at": now,
        }
        for row in report.rows
    ]
    copy = cast(Table, Position.__table__).to_metadata(MetaData(), name="positions_baseline")
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text("CREATE TABLE positions_baseline (LIKE positions INCLUDING DEFAULTS)")
            )
        async with engine.begin() as conn:
            started = time.perf_counter()
            await conn.execute(insert(copy), records)
            return time.perf_counter() - started
    finally:
        await engine.dispose()


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
        content = to_csv(generate_rows(n))
        unit_id_by_code: dict[str, str] = {}
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
                unit_id_by_code[r.json()["code"]] = r.json()["id"]
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
            unpublished = (
                select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
            )
            relay_started = time.perf_counter()
            async with svc.runtime.engine.connect() as conn:
                while await conn.scalar(unpublished):
                    await asyncio.sleep(0.2)
            relayed = time.perf_counter() - relay_started

        baseline = await baseline_insert(url, content, unit_id_by_code)
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
