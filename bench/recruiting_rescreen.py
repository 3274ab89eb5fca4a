"""Benchmark: re-screening 10,000 applications after one requirements-changing event (S1).

Creates a scratch database, migrates it, seeds one opening with 10,000 candidates and
applications (bulk SQL), then applies one `position-changed` through the real handler code
path: the consumer's own steps (inbox claim, `handle_position_changed`, commit) inside a
UnitOfWork, with no broker in between. A baseline in the same run is a plain SELECT of the
same 10,000 candidate+application rows. Drops the database at the end.

    uv run python bench/recruiting_rescreen.py [--n 10000] [--pg postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
import uuid

import asyncpg
from sqlalchemy import select

from recruiting_service.db.models import Application, Candidate
from recruiting_service.events.handlers import handle_position_changed
from recruiting_service.main import MIGRATIONS
from talentloop_shared.db import UnitOfWorkFactory, create_engine, create_session_factory
from talentloop_shared.db.migrations import upgrade_to_head
from talentloop_shared.events import PositionChanged, new_event
from talentloop_shared.events.payloads import OrgUnitRef, PositionSnapshot, Requirements
from talentloop_shared.inbox import claim_event

V1 = Requirements(
    min_years_experience=5, required_skills=["live-stream marketing"], industries=["fmcg"]
)
V2 = Requirements(
    min_years_experience=5,
    required_skills=["live-stream marketing", "east china fmcg market"],
    industries=["fmcg"],
)


def snapshot(position_id: str, version: int, requirements: Requirements) -> PositionChanged:
    """A Marketing Manager position at `version`."""
    return PositionChanged(
        change="updated",
        changed_fields=["requirements"],
        position=PositionSnapshot(
            id=position_id,
            version=version,
            title="Marketing Manager",
            status="open",
            job_family="marketing",
            org_unit=OrgUnitRef(id="ou-1", name="East China Division"),
            requirements=requirements,
        ),
    )


async def seed(dsn: str, position_id: str, n: int) -> None:
    """One opening (v1) and n candidates with one application each, in bulk SQL."""
    conn = await asyncpg.connect(dsn)
    try:
        p = snapshot(position_id, 1, V1).position
        await conn.execute(
            "INSERT INTO openings (position_id, version, title, status, headcount, job_family,"
            " org_unit_id, org_unit_name, org_unit_path, responsibilities, requirements,"
            " evaluation_scheme, last_change)"
            " VALUES ($1, 1, $2, 'open', 1, 'marketing', 'ou-1', 'East China Division',"
            " '[]', '[]', $3::jsonb, '{\"dimensions\": []}', 'created')",
            uuid.UUID(position_id),
            p.title,
            json.dumps(V1.model_dump()),
        )
        # Half the candidates know the East China market: v2 splits them ~50/50, and the
        # 3-year ones (every 10th) were already screened out under v1.
        await conn.execute(
            """
            INSERT INTO candidates (id, name, email, locale, timezone, years_experience, skills,
                                    industries, education, languages, talent_pool_consent,
                                    version)
            SELECT md5('c' || i)::uuid, 'Candidate ' || i, 'c' || i || '@example.com', 'zh-CN',
                   'Asia/Shanghai', CASE WHEN i % 10 = 0 THEN 3 ELSE 6 END,
                   CASE WHEN i % 2 = 0
                        THEN '["live-stream marketing", "east china fmcg market", "sql"]'::jsonb
                        ELSE '["live-stream marketing", "sql"]'::jsonb END,
                   '["fmcg"]'::jsonb, 'bachelor', '["zh"]'::jsonb, true, 1
            FROM generate_series(1, $1) AS i
            """,
            n,
        )
        await conn.execute(
            """
            INSERT INTO applications (id, candidate_id, position_id, source, status, screening,
                                      flags)
            SELECT md5('a' || i)::uuid, md5('c' || i)::uuid, $2, 'direct',
                   CASE WHEN i % 10 = 0 THEN 'screened_out' ELSE 'screening' END,
                   jsonb_build_object('passed', i % 10 <> 0, 'score', 80, 'unmet', '[]'::jsonb,
                                      'position_version', 1, 'matched_skills', '[]'::jsonb),
                   '[]'::jsonb
            FROM generate_series(1, $1) AS i
            """,
            n,
            uuid.UUID(position_id),
        )
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def main(n: int, admin_dsn: str) -> None:
    """Create, seed, time, report, drop."""
    name = f"bench_recruiting_{uuid.uuid4().hex[:8]}"
    base = admin_dsn.rsplit("/", 1)[0]
    dsn = f"{base}/{name}"
    url = dsn.replace("postgresql://", "postgresql+asyncpg://", 1)
    admin = await asyncpg.connect(admin_dsn)
    await admin.execute(f'CREATE DATABASE "{name}"')
    engine = None
    try:
        await asyncio.to_thread(upgrade_to_head, MIGRATIONS, url)
        position_id = str(uuid.uuid4())
        t = time.perf_counter()
        await seed(dsn, position_id, n)
        print(f"seeded {n} candidates + applications in {time.perf_counter() - t:.2f}s")

        engine = create_engine(url)
        sessions = create_session_factory(engine)
        uows = UnitOfWorkFactory(sessions, service="recruiting-service")

        # Warm the pool and the statement caches the same way for both timings.
        async with sessions() as s:
            await s.execute(select(Application.id).limit(1))

        t = time.perf_counter()
        async with sessions() as s:
            rows = (
                await s.execute(
                    select(
                        Application.id,
                        Application.status,
                        Candidate.years_experience,
                        Candidate.skills,
                        Candidate.industries,
                        Candidate.education,
                        Candidate.languages,
                    )
                    .join(Candidate, Candidate.id == Application.candidate_id)
                    .where(Application.position_id == uuid.UUID(position_id))
                )
            ).all()
        baseline = time.perf_counter() - t
        assert len(rows) == n

        payload = snapshot(position_id, 2, V2)
        event = new_event(type="position-changed", source="/org-service", data=payload)
        t = time.perf_counter()
        async with uows() as uow:  # what EventConsumer._apply does, minus the broker
            assert await claim_event(uow.session, event)
            await handle_position_changed(uow, payload, event)
            await uow.commit()
        elapsed = time.perf_counter() - t

        async with sessions() as s:
            counts = (
                (
                    await s.execute(
                        select(Application.status).where(
                            Application.position_id == uuid.UUID(position_id)
                        )
                    )
                )
                .scalars()
                .all()
            )
        summary = {s: counts.count(s) for s in sorted(set(counts))}
        print(f"applications after v2: {summary}")
        print(
            "path: handler called inside a UnitOfWork (inbox claim + handler + commit), no broker"
        )
        print(f"re-screen {n} applications: {elapsed:.3f}s")
        print(f"baseline plain SELECT of the same {n} rows: {baseline:.3f}s")
        print(f"ratio re-screen / baseline: {elapsed / baseline:.1f}x")
        print("PASS (< 2 s)" if elapsed < 2.0 else "FAIL (>= 2 s)")
    finally:
        if engine is not None:
            await engine.dispose()
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    asyncio.run(main(args.n, args.pg))
