"""Benchmark: openings scored against a talent pool of 100,000 and of 1,000,000 profiles.

Figures (issue 17): a broad re-score of 100,000 profiles (target < 1 s and ≤ 3x the indexed
SELECT of the same rows, measured in the same run), a new specialised opening against the
same pool, and a new specialised opening against 1,000,000 profiles (target < 3 s).

Creates a scratch database, runs talent-service's migrations, seeds 100,000 profiles and
their tags with COPY (rows built by the service's own tag rules, columns read from its
tables), then times the code path the `position-changed` handler runs
(`record_position_change` inside a UnitOfWork, commit included). The baseline is the plain
indexed SELECT of the rows that scoring reads (the live profiles that may match, as
`db.scoring.candidates_statement` selects them, the columns scoring needs, fetched into
Python), timed just before in the same run. For the 1,000,000 figure the pool is grown in
SQL to ten copies of each seeded profile under new ids (a Python seed of a million takes
minutes; matching reads only the profile row, so no tag rows are copied). Each figure runs
`--runs` times on a fresh opening, the matches of the previous run removed first; min and
median are printed. Drops the database at the end.

Before seeding, on an empty pool: pooling one rejected candidate (the candidate-rejected
handler, committed) with 1, 100 and 300 openings open (`--open`), each against the first.

    uv run python bench/talent_matching.py [--profiles 100000] [--large 1000000] [--runs 3]
                                           [--open 1 100 300]

Environment: TALENTLOOP_TEST_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import asyncpg

from talent_service.config import Settings
from talent_service.db.models import TalentProfile, TalentTag
from talent_service.db.repositories import tag_row
from talent_service.db.scoring import candidates_statement
from talent_service.domain.matching import plan_scoring
from talent_service.domain.retention import PoolPolicy, consent_expires_at, next_contact_at
from talent_service.domain.tags import OPEN_TO_CONTACT, Tag, TagKind, merge_tags, mirror_tags
from talent_service.events import PUBLISHES
from talent_service.main import MIGRATIONS
from talent_service.service.matching import ScoringResult, record_position_change
from talent_service.service.pool import pool_rejected_candidate
from talent_service.service.state import TalentState
from talent_service.service.vocabularies import skills_in_force
from talentloop_shared.clock import utcnow
from talentloop_shared.db import UnitOfWorkFactory, create_engine, create_session_factory
from talentloop_shared.db.migrations import upgrade_to_head
from talentloop_shared.devtools.bench import PG_ADMIN_URL as ADMIN_URL
from talentloop_shared.devtools.bench import process_cpu
from talentloop_shared.events.payloads import CandidateRejected, PositionChanged

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
            "declined_contact_at": None,
            "contact_answered_at": None,
            "hired_at": None,
            "created_at": now,
            "updated_at": now,
        }
        profiles.append(tuple(profile[c] for c in PROFILE_COLUMNS))
        for tag in tags:
            row = {**tag_row(pid, tag), "created_at": now}
            tag_rows.append(tuple(row[c] for c in TAG_COLUMNS))
    return profiles, tag_rows


def opening(
    position_id: str, version: int, required: list[str], preferred: list[str]
) -> PositionChanged:
    """A `position-changed` payload opening (or changing) a benchmark position."""
    return PositionChanged.model_validate({
        "change": "created" if version == 1 else "updated",
        "position": {
            "id": position_id, "version": version, "title": "Medical Data Analyst",
            "status": "open", "org_unit": {"id": "ou-1", "name": "Analytics"},
            "requirements": {
                "min_years_experience": 5, "required_skills": required,
                "preferred_skills": preferred, "industries": ["healthcare"],
            },
        },
    })  # fmt: skip


SPECIALISED = (
    # Data skills plus a healthcare and a marketing skill.
    ["sql", "python", "statistics", "clinical research", "live-stream marketing"],
    ["tableau", "r", "excel"],
)
# Broad requirements a large share of the pool meets: the worst case for matches written.
BROAD = (["excel", "english", "sql"], ["presentation"])


@dataclass
class Timing:
    """Wall seconds, and CPU seconds spent on it by the database backend and by Python."""

    wall: float
    cpu: float


class Stopwatch:
    """Times a block: wall clock, plus the CPU of this process and of one backend."""

    def __init__(self, pid: int) -> None:
        self.pid = pid

    def __enter__(self) -> Stopwatch:
        self._wall = time.perf_counter()
        self._cpu = time.process_time() + process_cpu(self.pid)
        return self

    def __exit__(self, *exc: object) -> None:
        self.timing = Timing(
            wall=time.perf_counter() - self._wall,
            cpu=time.process_time() + process_cpu(self.pid) - self._cpu,
        )


@dataclass
class Run:
    """One run of a figure: the handler, the baseline SELECT, what scoring did."""

    handler: Timing
    select: Timing
    rows: int
    result: ScoringResult | None


@dataclass
class Figure:
    """One figure's runs."""

    label: str
    target_s: float
    max_ratio: float | None
    runs: list[Run] = field(default_factory=list)

    def report(self) -> bool:
        """Print min/median wall time, the ratio to the same run's SELECT (wall and CPU),
        and whether the targets are met (on medians)."""
        wall = [r.handler.wall for r in self.runs]
        ratio = [r.handler.wall / r.select.wall for r in self.runs]
        cpu_ratio = [r.handler.cpu / r.select.cpu for r in self.runs if r.select.cpu > 0]
        last = self.runs[-1]
        med = statistics.median
        met = med(wall) < self.target_s
        line = (
            f"{self.label}: min {min(wall):.3f} s, median {med(wall):.3f} s over "
            f"{len(wall)} runs ({', '.join(f'{w:.3f}' for w in wall)}); "
            f"{min(ratio):.1f}x / {med(ratio):.1f}x (min/median) the indexed SELECT of the "
            f"same {last.rows:,} profiles (median {med(r.select.wall for r in self.runs):.3f} s)"
        )
        if cpu_ratio:
            line += (
                f"; CPU (database + Python) median {med(r.handler.cpu for r in self.runs):.3f} s"
                f" = {med(cpu_ratio):.1f}x the SELECT's"
            )
        line += f"; {last.result.matched if last.result else 0:,} matches"
        target = f"target < {self.target_s:g} s"
        if self.max_ratio is not None:
            met = met and med(ratio) <= self.max_ratio
            target += f" and ≤ {self.max_ratio:g}x"
        print(f"{line}; {target}: {'met' if met else 'MISSED'} (median)")
        return met


async def baseline_select(uows: UnitOfWorkFactory, change: PositionChanged) -> tuple[Timing, int]:
    """The indexed SELECT of the rows scoring reads, fetched into Python; how many."""
    async with uows() as uow:
        plan = plan_scoring(
            change.position.requirements,
            change.position.title,
            vocabulary=await skills_in_force(uow.session),
        )
        statement = candidates_statement(plan, now=uow.clock.now())
        conn = await uow.driver()
        with Stopwatch(conn.get_server_pid()) as watch:
            rows = await conn.fetch(statement.sql, *statement.params)
    return watch.timing, len(rows)


async def score(uows: UnitOfWorkFactory, change: PositionChanged) -> tuple[Timing, Any]:
    """What the position-changed handler does, committed."""
    async with uows() as uow:
        # The connection the unit of work will use (its first statement opens it).
        conn = await uow.driver()
        with Stopwatch(conn.get_server_pid()) as watch:
            result = await record_position_change(uow, change=change)
            await uow.commit()
    return watch.timing, result


async def fresh_matches(conn: asyncpg.Connection) -> None:
    """Remove the matches of earlier runs, so that each run starts from the same state."""
    await conn.execute("TRUNCATE talent_matches CASCADE")
    await conn.execute("VACUUM ANALYZE talent_matches")


async def run_figure(
    uows: UnitOfWorkFactory,
    conn: asyncpg.Connection,
    figure: Figure,
    steps: list[tuple[list[str], list[str]]],
    runs: int,
) -> None:
    """Open a new position per run with the first step's requirements and time each step's
    scoring (the last step is the figure: a re-score when there are two)."""
    for _ in range(runs):
        await fresh_matches(conn)
        position_id = f"bench-{uuid.uuid4()}"
        for version, (required, preferred) in enumerate(steps, start=1):
            change = opening(position_id, version, required, preferred)
            select, rows = await baseline_select(uows, change)
            handler, result = await score(uows, change)
        figure.runs.append(Run(handler=handler, select=select, rows=rows, result=result))


def rejection(i: int) -> CandidateRejected:
    """A consented rejection of a data candidate (as recruiting-service publishes it)."""
    rng = random.Random(i)
    skills = [*rng.sample(FAMILIES["data"], 4), *rng.sample(GENERAL, 2)]
    return CandidateRejected.model_validate({
        "application_id": str(uuid.uuid4()), "rejected_at": utcnow().isoformat(),
        "stage": "interview", "decided_by": "hr-1",
        "candidate": {
            "id": str(uuid.uuid4()), "name": f"Candidate {i}", "email": f"c{i}@example.com",
            "locale": "en", "timezone": "Asia/Shanghai", "talent_pool_consent": True,
            "skills": skills, "years_experience": rng.choice([2, 4, 6, 9]),
            "industries": ["healthcare"],
        },
        "position": {"id": "pos-1", "title": "Data Analyst", "job_family": "data"},
        "strengths": ["data analysis"], "reasons": [{"code": "x", "text": "lacks sql depth"}],
        "suggestions": [], "notify": {"channels": ["email"], "delay_minutes": 0},
    })  # fmt: skip


async def pooling(
    uows: UnitOfWorkFactory, conn: asyncpg.Connection, open_counts: list[int]
) -> None:
    """What the candidate-rejected handler does (pool the candidate, match them to every
    open opening), committed, per candidate, with more and more openings open: the cost of
    one more opening is the slope."""
    opened = 0
    per: dict[int, float] = {}
    serial = 0
    for count in open_counts:
        while opened < count:
            required, preferred = SPECIALISED if opened % 2 else BROAD
            async with uows() as uow:
                await record_position_change(
                    uow, change=opening(f"open-{opened}", 1, list(required), list(preferred))
                )
                await uow.commit()
            opened += 1
        times = []
        for _ in range(40):
            serial += 1
            event = rejection(serial)
            t = time.perf_counter()
            async with uows() as uow:
                await pool_rejected_candidate(uow, event)
                await uow.commit()
            times.append(time.perf_counter() - t)
        per[count] = statistics.median(times[5:])  # the first ones warm caches
    first = open_counts[0]
    print(
        "pooling a rejected candidate (matched to every open opening), committed, median: "
        + ", ".join(
            f"{n} open {per[n] * 1000:.1f} ms ({per[n] / per[first]:.1f}x)" for n in open_counts
        )
    )
    # The openings and matches go: the figures below open their own.
    await conn.execute("TRUNCATE positions, talent_matches CASCADE")


async def grow_pool(conn: asyncpg.Connection, copies: int) -> None:
    """Add `copies` copies of every profile under new ids, spread through the table as a
    real pool would be, with the indexes rebuilt after the load (faster than kept)."""
    indexes = await conn.fetch(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'talent_profiles' "
        "AND indexname <> 'pk_talent_profiles'"
    )
    for index in indexes:
        await conn.execute(f'DROP INDEX "{index["indexname"]}"')
    columns = ", ".join(c for c in PROFILE_COLUMNS if c != "id")
    await conn.execute(
        f"INSERT INTO talent_profiles (id, {columns}) "
        f"SELECT md5(p.id || '/' || k)::uuid::text, {columns} "
        f"FROM generate_series(1, {copies}) AS k, talent_profiles AS p"
    )
    await conn.execute("SET maintenance_work_mem = '256MB'")
    for index in indexes:
        await conn.execute(index["indexdef"])
    await conn.execute("VACUUM ANALYZE talent_profiles")


async def main() -> None:
    """Create, seed, time, report, drop."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--large", type=int, default=1_000_000, help="0: skip that figure")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pg", default=ADMIN_URL)
    parser.add_argument(
        "--open", type=int, nargs="+", default=[1, 100, 300], help="openings open while pooling"
    )
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
        engine = create_engine(url)
        defaults = {k: f.default for k, f in Settings.model_fields.items()}
        policy = PoolPolicy(
            consent_months=defaults["consent_months"],
            contact_months=defaults["contact_months"],
            pending_retention_days=defaults["pending_retention_days"],
        )
        uows = UnitOfWorkFactory(
            create_session_factory(engine),
            service="talent-service",
            publishes=frozenset(PUBLISHES),
            state=TalentState(policy=policy, sweep_interval_seconds=3600),
        )
        conn = await asyncpg.connect(dsn)
        await pooling(uows, conn, args.open)
        t = time.perf_counter()
        profiles, tags = profile_rows(args.profiles)
        await conn.copy_records_to_table(
            "talent_profiles", records=profiles, columns=PROFILE_COLUMNS
        )
        await conn.copy_records_to_table("talent_tags", records=tags, columns=TAG_COLUMNS)
        await conn.execute("VACUUM ANALYZE")
        print(
            f"seeded {len(profiles):,} profiles, {len(tags):,} tags "
            f"in {time.perf_counter() - t:.1f} s"
        )

        # Warm the pool and the type caches so the timing measures the work, not connecting.
        async with uows() as uow:
            await uow.session.connection()

        n = f"{args.profiles:,}"
        figures = [
            (Figure(f"new opening (specialised), {n} profiles", 1.0, None), [SPECIALISED]),
            # The opening re-scored with broad requirements: the most matches written.
            (Figure(f"re-score (broad), {n} profiles", 1.0, 3.0), [SPECIALISED, BROAD]),
        ]
        met = True
        for figure, steps in figures:
            await run_figure(uows, conn, figure, steps, args.runs)
            met = figure.report() and met

        if args.large > args.profiles:
            t = time.perf_counter()
            await fresh_matches(conn)
            await grow_pool(conn, args.large // args.profiles - 1)
            total = await conn.fetchval("SELECT count(*) FROM talent_profiles")
            print(f"grew the pool to {total:,} profiles in {time.perf_counter() - t:.1f} s")
            large = Figure(f"new opening (specialised), {total:,} profiles", 3.0, None)
            await run_figure(uows, conn, large, [SPECIALISED], args.runs)
            met = large.report() and met
        await conn.close()
        print(f"targets: {'met' if met else 'MISSED'}")
    finally:
        if engine is not None:
            await engine.dispose()
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
