"""Benchmark: what each change to talent-service's scoring bought, measured in one run.

Seeds a pool as `talent_matching.py` does, opens a specialised position (committed), then
re-scores it with broad requirements — the worst case for matches written — in each of
these ways, interleaved round by round, each in a transaction that is rolled back (and the
matches table vacuumed), so that every variant starts from the same state:

- `python`: the way before issue 17 — the prefiltered rows fetched into Python, scored by
  the Python matcher (`domain.matching`), ranked, and the matches COPYed back (into
  today's table, so with today's indexes);
- `sql, flat`: the set-based INSERT … SELECT (`db.scoring`) with its subqueries flattened
  (no OFFSET 0 fences: PostgreSQL inlines each skill flag into every use) and JIT on, as
  PostgreSQL plans it by default;
- `sql, fenced`: the same with the fences (each flag computed once a candidate);
- `sql` (production): fenced, JIT off and a larger work_mem for the statement;

and the baseline, the indexed SELECT of the rows scoring reads. Prints min and median wall
time of each, the ratio of medians to the baseline, and the median CPU (database backend
plus Python), which the other work on a shared machine disturbs far less than wall time.

    uv run python bench/talent_scoring_levers.py [--profiles 100000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import asyncpg
from talent_matching import (
    ADMIN_URL,
    BROAD,
    PROFILE_COLUMNS,
    SPECIALISED,
    TAG_COLUMNS,
    Stopwatch,
    opening,
    profile_rows,
)

from talent_service.db.scoring import candidates_statement, scoring_statement
from talent_service.domain.matching import (
    UNKNOWN_YEARS_RANK,
    make_matcher,
    plan_scoring,
    rank,
)
from talent_service.domain.matching import TalentProfile as MatchableProfile
from talent_service.main import MIGRATIONS
from talentloop_shared.clock import utcnow
from talentloop_shared.db.migrations import upgrade_to_head

Variant = Callable[[asyncpg.Connection, Any, str, int], Awaitable[int]]

COLUMNS = [
    "id", "position_id", "profile_id", "position_version", "score", "years_rank",
    "explanation", "matched_required", "missing_required", "strength_tags", "created_at",
    "invited_at", "announced_version",
]  # fmt: skip


async def baseline(conn: asyncpg.Connection, plan: Any, position_id: str, version: int) -> int:
    """The indexed SELECT of the rows scoring reads, fetched into Python."""
    statement = candidates_statement(plan, now=utcnow())
    rows = await conn.fetch(statement.sql, *statement.params)
    return len(rows)


async def python(conn: asyncpg.Connection, plan: Any, position_id: str, version: int) -> int:
    """Before: fetch, score in Python, rank, COPY the matches back."""
    now = utcnow()
    rows = await conn.fetch(
        "SELECT id, years_experience, skills, strengths, industries FROM talent_profiles "
        "WHERE consent_expires_at > $1 AND (skills && $2::text[] OR strengths && $2::text[])",
        now,
        sorted(plan.strength_targets),
    )
    await conn.execute(
        "DELETE FROM talent_matches WHERE position_id = $1 AND invited_at IS NULL", position_id
    )
    matcher = make_matcher(plan)
    found = rank(
        m
        for r in rows
        if (
            m := matcher(
                MatchableProfile(
                    id=r[0],
                    years_experience=r[1],
                    skills=frozenset(r[2]),
                    strengths=frozenset(r[3]),
                    industries=frozenset(r[4]),
                )
            )
        )
        is not None
    )
    records = [
        (
            uuid.uuid4(), position_id, m.profile_id, version, m.score,
            UNKNOWN_YEARS_RANK if m.years_experience is None else m.years_experience,
            m.explanation, list(m.matched_required), list(m.missing_required),
            list(m.strength_tags_matched), now, None, version,
        )
        for m in found
    ]  # fmt: skip
    await conn.copy_records_to_table("talent_matches", records=records, columns=COLUMNS)
    return len(records)


def sql(*, fences: bool, jit: bool) -> Variant:
    """The set-based statement, with or without its fences and JIT."""

    async def run(conn: asyncpg.Connection, plan: Any, position_id: str, version: int) -> int:
        statement = scoring_statement(
            plan, position_id=position_id, version=version, now=utcnow(), refresh=True
        )
        text = statement.sql if fences else statement.sql.replace("OFFSET 0", "")
        if not jit:
            await conn.execute("SET LOCAL jit = off; SET LOCAL work_mem = '64MB'")
        row = await conn.fetchrow(text, *statement.params)
        await conn.execute(
            "DELETE FROM talent_matches "
            "WHERE position_id = $1 AND invited_at IS NULL AND position_version < $2",
            position_id,
            version,
        )
        return int(row["written"])

    return run


async def main() -> None:
    """Create, seed, time each variant round by round, report, drop."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pg", default=ADMIN_URL)
    args = parser.parse_args()

    name = f"bench_levers_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(args.pg)
    await admin.execute(f'CREATE DATABASE "{name}"')
    dsn = f"{args.pg.rpartition('/')[0]}/{name}"
    try:
        url = dsn.replace("postgresql://", "postgresql+asyncpg://", 1)
        await asyncio.to_thread(upgrade_to_head, MIGRATIONS, url)
        profiles, tags = profile_rows(args.profiles)
        conn = await asyncpg.connect(dsn)
        await conn.copy_records_to_table(
            "talent_profiles", records=profiles, columns=PROFILE_COLUMNS
        )
        await conn.copy_records_to_table("talent_tags", records=tags, columns=TAG_COLUMNS)
        await conn.execute("VACUUM ANALYZE")
        print(f"seeded {len(profiles):,} profiles")

        position_id = "bench-levers"
        first = opening(position_id, 1, *SPECIALISED)
        plan = plan_scoring(first.position.requirements, first.position.title)
        async with conn.transaction():
            await sql(fences=True, jit=False)(conn, plan, position_id, 1)
        change = opening(position_id, 2, *BROAD)
        plan = plan_scoring(change.position.requirements, change.position.title)

        variants: dict[str, Variant] = {
            "baseline SELECT": baseline,
            "python (before)": python,
            "sql, flat, JIT on": sql(fences=False, jit=True),
            "sql, fenced, JIT on": sql(fences=True, jit=True),
            "sql (production)": sql(fences=True, jit=False),
        }
        times: dict[str, list[float]] = {label: [] for label in variants}
        cpu: dict[str, list[float]] = {label: [] for label in variants}
        written: dict[str, int] = {}
        pid = conn.get_server_pid()
        for _ in range(args.rounds):
            for label, variant in variants.items():
                await conn.execute("VACUUM talent_matches")
                tr = conn.transaction()
                await tr.start()
                with Stopwatch(pid) as watch:
                    written[label] = await variant(conn, plan, position_id, 2)
                times[label].append(watch.timing.wall)
                cpu[label].append(watch.timing.cpu)
                await tr.rollback()
        med = statistics.median
        base, base_cpu = med(times["baseline SELECT"]), med(cpu["baseline SELECT"])
        print(f"broad re-score of {args.profiles:,} profiles, {args.rounds} rounds:")
        for label, ts in times.items():
            print(
                f"  {label:22} min {min(ts):.3f} s, median {med(ts):.3f} s "
                f"({med(ts) / base:.1f}x the SELECT); CPU median {med(cpu[label]):.3f} s "
                f"({med(cpu[label]) / base_cpu:.1f}x); {written[label]:,} rows"
            )
        await conn.close()
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


if __name__ == "__main__":
    asyncio.run(main())
