"""The restore drill with data: the brief's story plus N applications, then `backup` and
`restore` of the four databases, timed, and the services restarted on the restored data.

Prints the dump sizes, the backup time, the restore time (recreate + pg_restore +
reconcile), the restart time until every service is ready again (restore + restart is
the recovery time a nightly-dump setup gives), and checks the restored application count.
The baseline in the same run is `pg_dump` of the databases' schema alone.

Usage: uv run python bench/restore_drill.py [--applications 10000] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import time
import uuid
from pathlib import Path
from tempfile import mkdtemp

import asyncpg
import httpx

from talentloop_shared.devtools.bench import AMQP_URL as AMQP
from talentloop_shared.devtools.bench import PG_ADMIN_URL as PG
from talentloop_shared.devtools.load import HR
from talentloop_shared.devtools.story import Story
from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.ops.backup import Target, backup, libpq, restore
from talentloop_shared.testing.smtp import SMTPSink
from talentloop_shared.testing.suites import running_suite

BATCH = 2000  # candidates per import file


async def _applications(suite: Suite) -> int:
    spec = next(s for s in SERVICES if s.name == "recruiting-service")
    conn = await asyncpg.connect(libpq(suite.database_url(spec)))
    try:
        count: int = await conn.fetchval("SELECT count(*) FROM applications")
        return count
    finally:
        await conn.close()


async def _seed(suite: Suite, http: httpx.AsyncClient, position: str, n: int, conc: int) -> None:
    rec = suite.url("recruiting-service")
    run = uuid.uuid4().hex[:6]
    ids: list[str] = []
    for start in range(0, n, BATCH):
        rows = ["name,email,years_experience,skills"] + [
            f"Candidate {i},c{i}.{run}@drill.example,{i % 12},excel;sql"
            for i in range(start, min(n, start + BATCH))
        ]
        r = await http.post(
            f"{rec}/api/v1/imports?kind=candidates&dry_run=false",
            files={"file": ("candidates.csv", "\n".join(rows).encode(), "text/csv")},
        )
        r.raise_for_status()
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": 200, **({"cursor": cursor} if cursor else {})}
        page = (await http.get(f"{rec}/api/v1/candidates", params=params)).json()
        ids += [c["id"] for c in page["items"] if c["email"] and c["email"].endswith(".example")]
        cursor = page.get("next_cursor")
        if not cursor:
            break
    sem = asyncio.Semaphore(conc)

    async def apply(candidate_id: str) -> None:
        async with sem:
            r = await http.post(
                f"{rec}/api/v1/applications",
                json={"candidate_id": candidate_id, "position_id": position},
            )
            if r.status_code not in (201, 409):
                r.raise_for_status()

    await asyncio.gather(*(apply(c) for c in ids[:n]))


async def _schema_dump(t: Target, folder: Path) -> None:
    proc = await asyncio.create_subprocess_exec(
        "pg_dump", "-Fc", "--schema-only", "-f", str(folder / t.dump), t.url
    )
    if await proc.wait() != 0:
        raise SystemExit(f"pg_dump --schema-only of {t.service} failed")


async def main(n: int, conc: int) -> None:
    mailbox = SMTPSink()
    mailbox.start()
    run = uuid.uuid4().hex[:6]
    folder = Path(mkdtemp(prefix="talentloop-drill-"))
    try:
        async with running_suite(
            pg_admin_url=PG,
            amqp_url=AMQP,
            namespace=f"bench-drill-{run}.",
            database_suffix=f"_drill_{run}",
            mailbox=mailbox,
            log_dir=folder / "logs",
            extra_env={f"{s.prefix}_LOG_LEVEL": "WARNING" for s in SERVICES},
        ) as suite:
            async with httpx.AsyncClient(timeout=120, headers=HR) as http:
                story = Story(suite, http, mailbox)
                for step in Story.STEPS:
                    await getattr(story, step)()
                t0 = time.perf_counter()
                await _seed(suite, http, story.ids["position"], n, conc)
                seeded = time.perf_counter() - t0
            before = await _applications(suite)
            targets = [Target(s.name, libpq(suite.database_url(s))) for s in SERVICES]
            t0 = time.perf_counter()
            dumped = await backup(targets, folder / "backups")
            backup_s = time.perf_counter() - t0
            sizes = {p.name: p.stat().st_size for p in dumped.glob("*.dump")}
            t0 = time.perf_counter()
            schema_only = folder / "schema"
            schema_only.mkdir()
            await asyncio.gather(*(_schema_dump(t, schema_only) for t in targets))
            baseline_s = time.perf_counter() - t0
            suite.stop_all()
            restore_s = await restore(targets, dumped)
            t0 = time.perf_counter()
            suite.start_all()
            await suite.wait_ready(timeout=120)
            restart_s = time.perf_counter() - t0
            after = await _applications(suite)
    finally:
        mailbox.stop()
    print(f"the story plus {n} applications ({seeded:.0f} s to create over HTTP)")
    print(
        "dumps: " + ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in sorted(sizes.items()))
    )
    print(f"backup of the four databases: {backup_s:.1f} s (schema-only dump {baseline_s:.1f} s)")
    print(f"restore (recreate, pg_restore -j2, reconcile): {restore_s:.1f} s")
    print(
        f"restart until all four ready: {restart_s:.1f} s; recovery {restore_s + restart_s:.1f} s"
    )
    print(f"applications before {before}, after the restore {after}")
    if before != after:
        raise SystemExit("the restore lost applications")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--applications", type=int, default=10_000)
    ap.add_argument("--concurrency", type=int, default=8)
    a = ap.parse_args()
    asyncio.run(main(a.applications, a.concurrency))
