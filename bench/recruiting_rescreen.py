"""Benchmark: re-screening 10,000 applications after one requirements-changing event (S1).

Creates a scratch database, migrates it, and seeds it through recruiting's own code: the
opening from a `position-changed` (v1) applied by the handler, 10,000 candidates and their
applications (screened against v1) from the use cases' builders. Then applies one
`position-changed` (v2) through the real handler code path: the consumer's own steps
(inbox claim, the subscription map's handler, commit) inside a UnitOfWork, with no broker in
between. A baseline in the same run reads the same rows with the re-screening's own query.
Drops the database at the end.

    uv run python bench/recruiting_rescreen.py [--n 10000] [--pg postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import time
import uuid

import asyncpg
from sqlalchemy import func, select

from recruiting_service.config import Settings
from recruiting_service.db.models import Application
from recruiting_service.db.repositories import ApplicationRepository, OpeningRepository
from recruiting_service.events import subscriptions
from recruiting_service.main import MIGRATIONS
from recruiting_service.service.applications import open_application
from recruiting_service.service.candidates import new_candidate
from recruiting_service.service.inputs import CandidateCreate
from recruiting_service.service.openings import AT_SCREENING
from talentloop_shared.db import UnitOfWorkFactory, create_engine, create_session_factory
from talentloop_shared.db.migrations import upgrade_to_head
from talentloop_shared.events import PositionChanged, new_event
from talentloop_shared.events.payloads import OrgUnitRef, PositionSnapshot, Requirements
from talentloop_shared.events.registry import publisher_source
from talentloop_shared.inbox import claim_event

SERVICE = "recruiting-service"
V1 = Requirements(
    min_years_experience=5, required_skills=["live-stream marketing"], industries=["fmcg"]
)
V2 = Requirements(
    min_years_experience=5,
    required_skills=["live-stream marketing", "east china fmcg market"],
    industries=["fmcg"],
)
SEED_BATCH = 2_000


def snapshot(position_id: str, version: int, requirements: Requirements) -> PositionChanged:
    """A Marketing Manager position at `version`."""
    return PositionChanged(
        change="created" if version == 1 else "updated",
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


def candidate(i: int) -> CandidateCreate:
    """Candidate i: half know the East China market (v2 splits them ~50/50), and every
    10th has 3 years, so v1 screened them out already."""
    skills = ["live-stream marketing", "sql"]
    if i % 2 == 0:
        skills.insert(1, "east china fmcg market")
    return CandidateCreate(
        name=f"Candidate {i}",
        email=f"c{i}@example.com",
        locale="zh-CN",
        timezone="Asia/Shanghai",
        years_experience=3 if i % 10 == 0 else 6,
        skills=skills,
        industries=["fmcg"],
        education="bachelor",
        languages=["zh"],
        talent_pool_consent=True,
    )


# The handler the consumer runs for `position-changed`.
HANDLE_POSITION_CHANGED = subscriptions(Settings())["position-changed"]


async def apply_event(uows: UnitOfWorkFactory, payload: PositionChanged) -> None:
    """What EventConsumer._apply does with one event, minus the broker."""
    event = new_event(
        type="position-changed", source=publisher_source("position-changed"), data=payload
    )
    async with uows() as uow:
        assert await claim_event(uow, event)
        await HANDLE_POSITION_CHANGED(uow, payload, event)
        await uow.commit()


async def seed(uows: UnitOfWorkFactory, position_id: str, n: int) -> None:
    """The opening (v1, through the handler) and n candidates with one application each."""
    await apply_event(uows, snapshot(position_id, 1, V1))
    for start in range(1, n + 1, SEED_BATCH):
        async with uows() as uow:
            opening = await OpeningRepository(uow.session).get(uuid.UUID(position_id))
            assert opening is not None
            now = uow.clock.now()
            people = [
                new_candidate(candidate(i), now=now)
                for i in range(start, min(start + SEED_BATCH, n + 1))
            ]
            uow.session.add_all(people)
            await uow.flush()  # no ORM relationships: candidates go in before applications
            for person in people:
                open_application(
                    uow, candidate=person, opening=opening, source="direct", by="bench"
                )
            await uow.commit()


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
        engine = create_engine(url)
        sessions = create_session_factory(engine)
        uows = UnitOfWorkFactory(sessions, service=SERVICE)

        position_id = str(uuid.uuid4())
        t = time.perf_counter()
        await seed(uows, position_id, n)
        conn = await asyncpg.connect(dsn)
        try:
            await conn.execute("ANALYZE")
        finally:
            await conn.close()
        print(f"seeded {n} candidates + applications in {time.perf_counter() - t:.2f}s")

        # Warm the pool and the statement caches the same way for both timings.
        async with sessions() as s:
            await s.execute(select(Application.id).limit(1))

        # Baseline: the very query re-screening runs to load candidates and applications.
        profiles = ApplicationRepository.screening_profiles(uuid.UUID(position_id), AT_SCREENING)
        t = time.perf_counter()
        async with sessions() as s:
            rows = (await s.execute(profiles)).all()
        baseline = time.perf_counter() - t
        assert len(rows) == n

        t = time.perf_counter()
        await apply_event(uows, snapshot(position_id, 2, V2))
        elapsed = time.perf_counter() - t

        async with sessions() as s:
            counts = dict(
                (
                    await s.execute(
                        select(Application.status, func.count())
                        .where(Application.position_id == uuid.UUID(position_id))
                        .group_by(Application.status)
                    )
                ).all()
            )
        print(f"applications after v2: {dict(sorted(counts.items()))}")
        print(
            "path: handler called inside a UnitOfWork (inbox claim + handler + commit), no broker"
        )
        print(f"re-screen {n} applications: {elapsed:.3f}s")
        print(f"baseline: re-screening's own SELECT of the same {n} rows: {baseline:.3f}s")
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
