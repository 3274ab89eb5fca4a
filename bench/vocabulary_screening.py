"""Benchmark: what HR's vocabulary costs a consumer (pure, no database or broker).

1. Building the effective skills vocabulary from a `vocabulary-changed` table at the size
   org-service allows (500 custom skills x 20 aliases), which a process does once per table.
2. Screening N candidates against one position with the shipped table (baseline) and with
   the effective one (the memo of keys is per vocabulary, so the first pass with a new
   table pays for its keys, later passes do not).
3. Looking the built vocabulary up by digest, as each use case does.

    uv run python bench/vocabulary_screening.py [--n 10000]
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from recruiting_service.domain.screening import CandidateProfile, make_screener
from talentloop_shared.events.payloads import Requirements
from talentloop_shared.language.effective import EffectiveVocabularies, table_digest
from talentloop_shared.language.vocabulary import SkillEntry, SkillVocabulary


def custom_table(skills: int = 500, aliases: int = 20) -> dict[str, object]:
    entries = [
        SkillEntry(
            f"trade skill {i}", aliases=tuple(f"trade alias {i}-{j}" for j in range(aliases))
        )
        for i in range(skills)
    ]
    entries.append(SkillEntry("kubernetes", aliases=("容器编排",)))
    return SkillVocabulary.default().with_entries(entries).to_json()


def candidates(n: int, rng: random.Random) -> list[CandidateProfile]:
    spellings = ["K8s", "容器编排", "Kubernetes", "Postgres", "SQL", "数据分析", "Excel"]
    spellings += [f"trade alias {i}-{i % 20}" for i in range(0, 500, 7)]
    spellings += [f"unknown skill {i}" for i in range(300)]
    return [CandidateProfile(years_experience=5, skills=rng.sample(spellings, 6)) for _ in range(n)]


def timed(label: str, fn: Callable[[], object], *, per: int | None = None) -> float:
    start = time.perf_counter()
    fn()
    took = time.perf_counter() - start
    rate = f", {per / took:,.0f}/s" if per else ""
    print(f"{label:<58} {took * 1000:9.1f} ms{rate}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(19)
    table = custom_table()
    digest = table_digest(table)
    cache = EffectiveVocabularies()
    print(f"custom table: {len(table['entries'])} entries")  # type: ignore[arg-type]

    timed("digest of the table (each event, consumer side)", lambda: table_digest(table))
    timed(
        "build the effective vocabulary (once per table)",
        lambda: cache.remember_skills(digest, table),
    )
    effective = cache.skills(digest)
    assert effective is not None and effective.canonical("容器编排") == "kubernetes"
    lookups = 100_000
    timed(
        f"{lookups:,} lookups by digest (each use case)",
        lambda: [cache.skills(digest) for _ in range(lookups)],
        per=lookups,
    )

    requirements = Requirements(required_skills=["Kubernetes", "SQL"], preferred_skills=["Excel"])
    people = candidates(args.n, rng)
    default_screener = make_screener(requirements, 1)
    effective_screener = make_screener(requirements, 1, vocabulary=effective)
    timed(
        f"screen {args.n:,}: shipped table, first pass",
        lambda: default_screener.screen_many(people),
        per=args.n,
    )
    timed(
        f"screen {args.n:,}: shipped table, again (memo warm)",
        lambda: default_screener.screen_many(people),
        per=args.n,
    )
    timed(
        f"screen {args.n:,}: with HR's table, first pass",
        lambda: effective_screener.screen_many(people),
        per=args.n,
    )
    timed(
        f"screen {args.n:,}: with HR's table, again (memo warm)",
        lambda: effective_screener.screen_many(people),
        per=args.n,
    )
    passed_default = sum(r.passed for r in default_screener.screen_many(people))
    passed_effective = sum(r.passed for r in effective_screener.screen_many(people))
    print(f"passed: {passed_default:,} with the shipped table, {passed_effective:,} with HR's")


if __name__ == "__main__":
    main()
