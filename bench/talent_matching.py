"""Benchmark: one new opening scored against a pool of 100,000 profiles (target < 1 s).

Creates a scratch database, runs talent-service's migrations, seeds profiles and their
tags with COPY (rows built by the service's own tag rules, columns read from its tables),
then times the code path the `position-changed` handler runs (`record_position_change`
inside a UnitOfWork, commit included) and compares it with the plain indexed SELECT that
path starts with (`MatchRepository.load_candidates`), in the same run. Drops the database
at the end.

    uv run python bench/talent_matching.py [--profiles 100000] [--pg postgresql://...]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
import uuid
from datetime import timedelta
from typing import Any

import asyncpg

from talent_service.db.models import TalentProfile, TalentTag
from talent_service.db.repositories import MatchRepository, tag_row
from talent_service.domain.matching import prefilter_values
from talent_service.domain.retention import consent_expires_at, next_contact_at
from talent_service.domain.tags import OPEN_TO_CONTACT, Tag, TagKind, merge_tags, mirror_tags
from talent_service.main import MIGRATIONS
from talent_service.service.matching import record_position_change
from talentloop_shared.clock import utcnow
from talentloop_shared.db import UnitOfWorkFactory, create_engine, create_session_factory
from talentloop_shared.db.migrations import upgrade_to_head
from talentloop_shared.events.payloads import PositionChanged

# A pool spans job families: each candidate mostly has the skills of one family (popular
# ones more often) plus a few general skills, as a rejected-candidate pool really looks.
FAMILIES = {
    "data": [
        "sql",
        "python",
        "statistics",
        "tableau",
        "r",
        "power bi",
        "etl",
        "spark",
        "data visualisation",
        "machine learning",
    ],
    "healthcare": ["clinical research", "gcp", "pharmacovigilance", "medical writing"],
    "marketing": ["live-stream marketing", "seo", "copywriting", "crm", "brand strategy"],
    "sales": ["negotiation", "key accounts", "new-energy vehicles", "b2b sales"],
    "engineering": ["go", "java", "kubernetes", "distributed systems", "postgresql"],
    **{f"family {f}": [] for f in range(7)},
}
for family, skills in FAMILIES.items():
    skills.extend(f"{family} skill {i}" for i in range(25 - len(skills)))
GENERAL = [
    "excel",
    "english",
    "project management",
    "presentation",
    "sql",
    "mandarin",
    *(f"general skill {i}" for i in range(24)),
]
STRENGTHS = [
    "data analysis", "communication", "teamwork", "learning ability", "technical",
    "business", "culture", "leadership", *(f"strength {i}" for i in range(32)),
]  # fmt: skip
INDUSTRIES = ["healthcare", "e-commerce", "finance", "education", *(f"ind {i}" for i in range(16))]
GAPS = ["lacks clinical experience", "lacks team management experience", "weak sql basics"]

# Every column of the tables, in table order: the seed follows the schema as it changes.
PROFILE_COLUMNS = [c.name for c in TalentProfile.__table__.columns]
TAG_COLUMNS = [c.name for c in TalentTag.__table__.columns]


def _pick(rng: random.Random, values: list[str], weights: list[float], k: int) -> list[str]:
    return list(dict.fromkeys(rng.choices(values, weights=weights, k=k)))


def profile_rows(n: int, seed: int = 7) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Profiles (popular skills are common, as in a real pool) and their tag rows, as a
    consented rejection pools them: tags mirrored on the profile, consent and contact dates
    from the rejection."""
    rng = random.Random(seed)
    now = utcnow()
    family_names = list(FAMILIES)
    family_w = [1 / (i + 1) ** 0.8 for i in range(25)]
    general_w = [1 / (i + 1) for i in range(len(GENERAL))]
    strength_w = [1 / (i + 1) for i in range(len(STRENGTHS))]
    industry_w = [1 / (i + 1) for i in range(len(INDUSTRIES))]
    profiles: list[tuple[Any, ...]] = []
    tag_rows: list[tuple[Any, ...]] = []
    for i in range(n):
        pid = str(uuid.UUID(int=rng.getrandbits(128)))
        family = FAMILIES[rng.choice(family_names)]
        values: dict[TagKind, list[str]] = {
            "skill": [
                *_pick(rng, family, family_w, rng.randint(3, 7)),
                *_pick(rng, GENERAL, general_w, rng.randint(0, 2)),
            ],
            "strength": _pick(rng, STRENGTHS, strength_w, rng.randint(0, 2)),
            "industry": _pick(rng, INDUSTRIES, industry_w, rng.randint(1, 2)),
            "gap": _pick(rng, GAPS, [1, 1, 1], 1),
        }
        years = None if rng.random() < 0.05 else round(rng.uniform(0, 15), 1)
        rejected = now - timedelta(days=rng.randint(0, 600))
        if rng.random() < 0.3:
            values["open_to_contact"] = [OPEN_TO_CONTACT]
        name = f"Candidate {i}"
        source = f"candidate-rejected:{uuid.uuid4()}"
        tags = merge_tags([], [Tag(kind, v, source) for kind, vs in values.items() for v in vs])
        profile = {
            "id": pid,
            "name": name,
            "email": f"c{i}@example.com",
            "phone": None,
            "locale": "en",
            "timezone": "UTC",
            "years_experience": years,
            **mirror_tags(name, tags).columns(),
            "consented_at": rejected,
            "consent_expires_at": consent_expires_at(rejected),
            "next_contact_at": next_contact_at(rejected),
            "last_contacted_at": None,
            "created_at": now,
            "updated_at": now,
        }
        profiles.append(tuple(profile[c] for c in PROFILE_COLUMNS))
        for tag in tags:
            row = {**tag_row(pid, tag), "created_at": now}
            tag_rows.append(tuple(row[c] for c in TAG_COLUMNS))
    return profiles, tag_rows


def opening(version: int, required: list[str], preferred: list[str]) -> PositionChanged:
    """A `position-changed` payload opening (or changing) the benchmark position."""
    return PositionChanged.model_validate({
        "change": "created" if version == 1 else "updated",
        "position": {
            "id": "bench-position", "version": version, "title": "Medical Data Analyst",
            "status": "open", "org_unit": {"id": "ou-1", "name": "Analytics"},
            "requirements": {
                "min_years_experience": 5, "required_skills": required,
                "preferred_skills": preferred, "industries": ["healthcare"],
            },
        },
    })  # fmt: skip


async def main() -> None:
    """Create, seed, time, report, drop."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()

    name = f"bench_talent_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(args.pg)
    await admin.execute(f'CREATE DATABASE "{name}"')
    base = args.pg.rpartition("/")[0]
    dsn = f"{base}/{name}"
    url = dsn.replace("postgresql://", "postgresql+asyncpg://", 1)
    engine = None
    try:
        await asyncio.to_thread(upgrade_to_head, MIGRATIONS, url)
        t = time.perf_counter()
        profiles, tags = profile_rows(args.profiles)
        conn = await asyncpg.connect(dsn)
        await conn.copy_records_to_table(
            "talent_profiles", records=profiles, columns=PROFILE_COLUMNS
        )
        await conn.copy_records_to_table("talent_tags", records=tags, columns=TAG_COLUMNS)
        await conn.execute("ANALYZE")
        print(
            f"seeded {len(profiles):,} profiles, {len(tags):,} tags "
            f"in {time.perf_counter() - t:.1f} s"
        )

        engine = create_engine(url)
        uows = UnitOfWorkFactory(create_session_factory(engine), service="talent-service")
        # Warm the pool and the type caches so the timing measures the work, not connecting.
        async with uows() as uow:
            await uow.session.connection()

        scenarios = [
            # A specialised opening: data skills plus a healthcare and a marketing skill.
            ("new opening (specialised)", ["sql", "python", "statistics", "clinical research",
                                           "live-stream marketing"], ["tableau", "r", "excel"]),
            # The same position re-opened with broad requirements a large share of the pool
            # meets: the worst case for the number of matches written.
            ("re-score (broad requirements)", ["excel", "english", "sql"], ["presentation"]),
        ]  # fmt: skip
        met = True

        for version, (label, required, preferred) in enumerate(scenarios, start=1):
            change = opening(version, required, preferred)
            prefilter = prefilter_values(change.position.requirements, change.position.title)
            t = time.perf_counter()
            async with uows() as uow:
                rows = await MatchRepository(uow.session).load_candidates(utcnow(), prefilter)
            select_s = time.perf_counter() - t
            t = time.perf_counter()
            async with uows() as uow:
                result = await record_position_change(uow, change=change)
                await uow.commit()
            handler_s = time.perf_counter() - t
            async with uows() as uow:
                stored = await MatchRepository(uow.session).count_offered(
                    change.position.id, utcnow()
                )
            met = met and handler_s < 1
            print(
                f"{label}: {handler_s:.3f} s, {handler_s / select_s:.1f}x the plain indexed "
                f"SELECT of the same {len(rows):,} profiles ({select_s:.3f} s); "
                f"{stored:,} matches stored ({result})"
            )
        await conn.close()
        print(f"target < 1 s: {'met' if met else 'MISSED'}")
    finally:
        if engine is not None:
            await engine.dispose()
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
