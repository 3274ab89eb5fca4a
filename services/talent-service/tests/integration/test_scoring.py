"""Set-based scoring in PostgreSQL gives exactly what the Python matcher gives.

`domain.matching.make_matcher` is the rule (its unit tests pin it); `db.scoring` restates
it in SQL. Random pools and random openings are scored in the database, and every match
written (id, score, rank key, explanation, matched and missing skills, strengths) is
compared with the Python matcher's verdict (and `domain.matching.match_id`) on every live
profile in the database: the same people, the same fields, byte for byte. The pools include
years SQL leaves to Python (3.333, 12345.678, 1e-7, …), negative zero, Chinese and
full-width values, expired consent, people hired since.
"""

from __future__ import annotations

import random
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from talent_service.db.models import TalentMatch, TalentProfile
from talent_service.domain.matching import (
    UNKNOWN_YEARS_RANK,
    make_matcher,
    match_id,
    plan_scoring,
)
from talent_service.domain.matching import TalentProfile as MatchableProfile
from talent_service.service.matching import record_position_change
from talentloop_shared.events.payloads import PositionChanged, Requirements

PRINTABLE_YEARS = [None, 0, -0.0, 1, 2, 2.5, 3, 4.75, 5, 6.25, 7, 9.99, 12, 30, 9999.99, -2]
# Years SQL leaves to the Python matcher (more than two decimals, or 10,000 and above).
ODD_YEARS = [3.333, 12345.678, 1e-7, 10000.0, 2.675, 0.1 + 0.2, 1e6, 123456.5]
YEARS = [*PRINTABLE_YEARS, *ODD_YEARS]


def _vocabulary(tag: str) -> list[str]:
    # Every value carries the test's tag: the pool stays out of other tests' openings.
    return [
        *(f"{tag} skill {i}" for i in range(10)),
        f"{tag} data analysis",
        f"{tag} 数据分析",
        f"{tag} ｓｑｌ",
        f"{tag} analyst",  # a phrase of the title "<tag> analyst lead": the strength bonus
        f"{tag} skill 3",
    ]


def _profile(rng: random.Random, vocab: list[str], industries: list[str], now: Any) -> Any:
    return TalentProfile(
        id=str(uuid.uuid4()),
        name=f"Scored {rng.randrange(10**6)}",
        years_experience=rng.choice(YEARS),
        skills=rng.sample(vocab, rng.randint(0, 5)),
        strengths=rng.sample(vocab, rng.randint(0, 2)),
        industries=rng.sample(industries, rng.randint(0, 2)),
        gaps=[],
        tags=[],
        search_document="",
        consented_at=now,
        # One in ten has let their consent run out: nobody may match them any more; one in
        # twenty was hired since, and leaves matching too.
        consent_expires_at=now + timedelta(days=-1 if rng.random() < 0.1 else 400),
        next_contact_at=now + timedelta(days=180),
        hired_at=now if rng.random() < 0.05 else None,
    )


def _requirements(rng: random.Random, vocab: list[str], industries: list[str]) -> Requirements:
    return Requirements(
        min_years_experience=rng.choice([0, 0, 2, 2.5, 5, 1 / 3]),
        required_skills=rng.sample(vocab, rng.randint(0, 4)),
        preferred_skills=rng.sample(vocab, rng.randint(0, 3)),
        industries=rng.sample(industries, rng.randint(0, 2)),
    )


def _change(position_id: str, version: int, title: str, req: Requirements) -> PositionChanged:
    return PositionChanged.model_validate(
        {
            "change": "created" if version == 1 else "updated",
            "position": {
                "id": position_id,
                "version": version,
                "title": title,
                "status": "open",
                "org_unit": {"id": "ou", "name": "Analytics"},
                "requirements": req.model_dump(),
            },
        }
    )


async def _compare(uow: Any, position_id: str, req: Requirements, title: str) -> int:
    """Assert the stored matches are the Python matcher's; how many there are."""
    now = uow.clock.now()
    matcher = make_matcher(plan_scoring(req, title))
    expected = {}
    for p in await uow.session.scalars(
        select(TalentProfile).where(
            TalentProfile.consent_expires_at > now, TalentProfile.hired_at.is_(None)
        )
    ):
        found = matcher(
            MatchableProfile(
                id=p.id,
                years_experience=p.years_experience,
                skills=frozenset(p.skills),
                strengths=frozenset(p.strengths),
                industries=frozenset(p.industries),
            )
        )
        if found is not None:
            years = found.years_experience
            expected[found.profile_id] = (
                match_id(position_id, found.profile_id),
                found.score,
                UNKNOWN_YEARS_RANK if years is None else float(years),
                found.explanation,
                list(found.matched_required),
                list(found.missing_required),
                list(found.strength_tags_matched),
            )
    stored = {
        m.profile_id: (
            m.id,
            m.score,
            m.years_rank,
            m.explanation,
            m.matched_required,
            m.missing_required,
            m.strength_tags,
        )
        for m in await uow.session.scalars(
            select(TalentMatch).where(
                TalentMatch.position_id == position_id, TalentMatch.invited_at.is_(None)
            )
        )
    }
    assert stored.keys() == expected.keys(), (
        f"only in SQL: {sorted(stored.keys() - expected.keys())[:5]}, "
        f"only in Python: {sorted(expected.keys() - stored.keys())[:5]}"
    )
    for profile_id, fields in expected.items():
        assert stored[profile_id] == fields, (profile_id, req, title)
    return len(stored)


async def test_sql_scoring_agrees_with_the_python_matcher(talent, unique) -> None:
    rng = random.Random(20261127)
    tag = unique("scoring")
    vocab = _vocabulary(tag)
    industries = [f"{tag} healthcare", f"{tag} retail", f"{tag} fmcg"]
    async with talent.svc.uow_factory() as uow:
        now = uow.clock.now()
        uow.session.add_all(_profile(rng, vocab, industries, now) for _ in range(1500))
        await uow.commit()

    seen_matches = seen_odd = 0
    for round_ in range(12):
        position_id = str(uuid.uuid4())
        title = rng.choice([f"{tag} analyst lead", f"{tag} skill 3 lead", "Clerk"])
        for version in (1, 2):  # a first scoring, then a re-scoring with new requirements
            req = _requirements(rng, vocab, industries)
            async with talent.svc.uow_factory() as uow:
                result = await record_position_change(
                    uow, change=_change(position_id, version, title, req)
                )
                await uow.commit()
            assert result is not None
            async with talent.svc.uow_factory() as uow:
                count = await _compare(uow, position_id, req, title)
            assert result.matched == count, round_
            seen_matches += count
            seen_odd += sum(y in ODD_YEARS for y in await _stored_years(talent, position_id))
    # The data exercised both ways of scoring.
    assert seen_matches > 1000
    assert seen_odd > 0


async def _stored_years(talent, position_id: str) -> list[float | None]:
    async with talent.svc.uow_factory() as uow:
        rows = await uow.session.execute(
            select(TalentProfile.years_experience)
            .join(TalentMatch, TalentMatch.profile_id == TalentProfile.id)
            .where(TalentMatch.position_id == position_id)
        )
        return [y for (y,) in rows]
