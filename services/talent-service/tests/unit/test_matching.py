from __future__ import annotations

import itertools
import random
from collections.abc import Iterable

import pytest

from talent_service.domain.matching import (
    MIN_MATCH_SCORE,
    Match,
    MatcherCache,
    TalentProfile,
    make_matcher,
    match_all,
    plan_scoring,
    prefilter_values,
    profile_from_tags,
    rank,
    strength_counts,
    title_phrases,
)
from talent_service.domain.tags import Tag
from talentloop_shared.events.payloads import Requirements
from talentloop_shared.language.vocabulary import skill_vocabulary


def profile(
    profile_id: str,
    years: float | None = 5,
    skills: Iterable[str] = (),
    strengths: Iterable[str] = (),
    industries: Iterable[str] = (),
) -> TalentProfile:
    return TalentProfile(
        id=profile_id,
        years_experience=years,
        skills=frozenset(skills),
        strengths=frozenset(strengths),
        industries=frozenset(industries),
    )


def match(
    profile_id: str, score: int, years: float | None, strengths: tuple[str, ...] = ()
) -> Match:
    return Match(
        profile_id=profile_id,
        score=score,
        explanation="",
        matched_required=(),
        missing_required=(),
        matched_preferred=(),
        strength_tags_matched=strengths,
        industries_matched=(),
        years_experience=years,
    )


MARKETING = Requirements(
    min_years_experience=5,
    required_skills=[
        "Live-stream marketing",
        "brand strategy",
        "social media",
        "budgeting",
        "kol management",
    ],
    preferred_skills=["FMCG channel management"],
    industries=["FMCG"],
)


def test_rejected_data_analysis_strength_matches_medical_data_analyst() -> None:
    tags = [
        Tag("skill", "SQL", "candidate-rejected:a1"),
        Tag("strength", "Data Analysis", "candidate-rejected:a1"),
        Tag("gap", "lacks clinical experience", "candidate-rejected:a1"),
        Tag("industry", "healthcare", "candidate-rejected:a1"),
    ]
    candidate = profile_from_tags("p1", 3, tags)
    matcher = make_matcher(
        Requirements(required_skills=["data analysis"], industries=["healthcare"]),
        "Medical Data Analyst",
    )

    result = matcher(candidate)

    assert result is not None
    # 50 required + 20 experience (no minimum) + 15 preferred (none listed) + 10 industry
    # + 5 strength bonus
    assert result.score == 100
    assert result.matched_required == ("data analysis",)
    assert result.missing_required == ()
    assert result.strength_tags_matched == ("data analysis",)
    assert result.explanation == (
        "1 of 1 required skill; industry: healthcare; strength: data analysis"
    )


def test_explanation_with_gap_and_enough_years() -> None:
    candidate = profile(
        "p1",
        years=6,
        skills=["brand strategy", "social media", "budgeting", "kol management", "excel"],
        industries=["fmcg"],
    )
    result = make_matcher(MARKETING, "Marketing Manager")(candidate)
    assert result is not None
    # 4/5 of 50 = 40, + 20 years, + 0 preferred, + 10 industry, + 0 strengths
    assert result.score == 70
    assert result.explanation == (
        "4 of 5 required skills; 6 years ≥ 5; industry: fmcg; gap: live-stream marketing"
    )
    assert result.missing_required == ("live-stream marketing",)


def test_years_below_minimum_are_explained_and_scored_proportionally() -> None:
    candidate = profile(
        "p1", years=3, skills=["brand strategy", "social media", "budgeting", "kol management"]
    )
    result = make_matcher(MARKETING, "Marketing Manager")(candidate)
    assert result is not None
    # 40 + 20 * 3/5 = 12 → 52
    assert result.score == 52
    assert "3 years < 5" in result.explanation
    assert result.explanation.startswith("4 of 5 required skills; 3 years < 5;")


def test_unknown_years_score_zero_experience() -> None:
    candidate = profile("p1", years=None, skills=["data analysis"])
    result = make_matcher(
        Requirements(min_years_experience=2, required_skills=["data analysis"]), "Analyst"
    )(candidate)
    assert result is not None
    assert result.score == 50 + 0 + 15 + 10
    assert result.explanation == "1 of 1 required skill; years unknown (2 required)"


def test_below_threshold_returns_none() -> None:
    # 1/5 required = 10, 1 year of 5 = 4, no preferred, no industry → 14
    weak = profile("p1", years=1, skills=["budgeting"])
    assert make_matcher(MARKETING, "Marketing Manager")(weak) is None


def test_profile_covering_no_listed_skill_is_not_matched_on_experience_alone() -> None:
    requirements = Requirements(preferred_skills=["sql"], industries=["retail"])
    # 50 (no required) + 20 + 0 + 10 = 80, but nothing the position asks for
    veteran = profile("p1", years=20, skills=["knitting"], industries=["retail"])
    assert make_matcher(requirements, "Clerk")(veteran) is None
    # the same profile with one preferred skill passes
    fit = profile("p2", years=20, skills=["sql"], industries=["retail"])
    result = make_matcher(requirements, "Clerk")(fit)
    assert result is not None
    assert result.score == 95
    assert result.explanation == "preferred: sql; industry: retail"


def test_prefilter_values_are_what_a_profile_must_share() -> None:
    requirements = Requirements(required_skills=["SQL "], preferred_skills=["python"])
    values = prefilter_values(requirements, "Data Analyst")
    assert values == {"sql", "python", "data", "analyst", "data analyst"}
    assert prefilter_values(Requirements(industries=["retail"]), "Clerk") is None


def test_candidate_skill_sets_name_what_a_profile_without_a_strength_must_hold() -> None:
    # 10 points a required skill, 5 a preferred one; experience and industry make 30 at
    # most, so 10 more are needed: any one required skill, or two preferred ones.
    requirements = Requirements(
        min_years_experience=5,
        required_skills=["sql", "python", "statistics", "clinical research", "seo"],
        preferred_skills=["tableau", "r", "excel"],
        industries=["healthcare"],
    )
    sets = plan_scoring(requirements, "Medical Data Analyst").candidate_skill_sets()
    assert sets is not None
    assert sorted(map(sorted, sets)) == [
        ["clinical research"],
        ["excel", "r"],
        ["excel", "tableau"],
        ["python"],
        ["r", "tableau"],
        ["seo"],
        ["sql"],
        ["statistics"],
    ]
    # Broad requirements: any one listed skill may be enough, so no sets narrow it down.
    broad = Requirements(
        min_years_experience=5, required_skills=["excel", "english", "sql"], industries=["x"]
    )
    assert plan_scoring(broad, "Clerk").candidate_skill_sets() is None
    assert plan_scoring(Requirements(industries=["x"]), "Clerk").candidate_skill_sets() is None
    # More sets than the limit: none (the database then reads every profile sharing a skill).
    many = Requirements(required_skills=[f"skill {i}" for i in range(12)])
    assert plan_scoring(many, "Clerk").candidate_skill_sets(limit=4) is None


def test_every_possible_match_holds_a_candidate_skill_set_or_a_strength() -> None:
    """The sets never leave out a profile the matcher would match (random openings)."""
    rng = random.Random(20261128)
    skills = [f"skill {i}" for i in range(8)]
    narrowed = 0
    for _ in range(300):
        requirements = Requirements(
            min_years_experience=rng.choice([0, 1 / 3, 2.5, 5]),
            required_skills=rng.sample(skills, rng.randint(0, 6)),
            preferred_skills=rng.sample(skills, rng.randint(0, 4)),
            industries=rng.sample(INDUSTRY_POOL, rng.randint(0, 2)),
        )
        plan = plan_scoring(requirements, rng.choice(["skill 3 lead", "Clerk"]))
        sets = plan.candidate_skill_sets()
        if sets is None:
            continue
        narrowed += 1
        matcher = make_matcher(plan)
        for i in range(300):
            candidate = profile(
                f"p{i}",
                years=rng.choice([None, 0, 1, 2.5, 5, 9]),
                skills=rng.sample(skills, rng.randint(0, 6)),
                strengths=rng.sample(skills, rng.randint(0, 1)),
                industries=rng.sample(INDUSTRY_POOL, rng.randint(0, 2)),
            )
            if matcher(candidate) is not None:
                assert not plan.strength_targets.isdisjoint(candidate.strengths) or any(
                    set(s) <= candidate.skills for s in sets
                ), (requirements, candidate)
    assert narrowed > 50  # the openings exercised the narrowing


def test_min_score_is_configurable() -> None:
    candidate = profile("p1", years=1, skills=["budgeting"])
    result = make_matcher(MARKETING, "Marketing Manager", min_score=0)(candidate)
    assert result is not None
    assert result.score == 14
    assert MIN_MATCH_SCORE == 40


def test_strength_matching_a_title_phrase_earns_the_bonus() -> None:
    assert {"data analyst", "medical data analyst", "data"} <= title_phrases("Medical Data Analyst")
    assert "of" not in title_phrases("Head of Sales")
    requirements = Requirements(required_skills=["sql"])
    with_bonus = make_matcher(requirements, "Medical Data Analyst")(
        profile("p1", skills=["sql"], strengths=["data analyst"])
    )
    without = make_matcher(requirements, "Medical Data Analyst")(profile("p2", skills=["sql"]))
    assert with_bonus is not None and without is not None
    assert with_bonus.score - without.score == 5
    assert with_bonus.strength_tags_matched == ("data analyst",)


def test_rank_orders_by_score_then_years_then_id() -> None:
    matches = [
        match("c", 80, 3),
        match("b", 90, None),
        match("a", 80, 3),
        match("d", 80, 7),
        match("e", 90, 1),
        match("f", 80, None),
    ]
    assert [m.profile_id for m in rank(matches)] == ["e", "b", "d", "a", "c", "f"]


def test_strength_counts() -> None:
    matches = [
        match("a", 90, 1, ("data analysis",)),
        match("b", 80, 1, ("data analysis", "sql")),
        match("c", 70, 1),
    ]
    assert strength_counts(matches) == {"data analysis": 2, "sql": 1}
    assert list(strength_counts(matches)) == ["data analysis", "sql"]


# --- 100,000 profiles: the matcher agrees with a plain restatement of the formula ------

SKILL_POOL = [f"skill {i}" for i in range(40)] + ["data analysis", "sql", "python"]
INDUSTRY_POOL = ["healthcare", "fmcg", "retail", "finance"]


def reference_score(p: TalentProfile, req: Requirements, title: str) -> float:
    """The documented formula, written out the slow, obvious way."""
    has = p.skills | p.strengths
    req_s, pref_s, ind_s = set(req.required_skills), set(req.preferred_skills), set(req.industries)
    points = 50 * len(req_s & has) / len(req_s) if req_s else 50
    if req.min_years_experience <= 0:
        points += 20
    elif p.years_experience is not None:
        points += 20 * min(p.years_experience / req.min_years_experience, 1)
    points += 15 * len(pref_s & has) / len(pref_s) if pref_s else 15
    points += 10 if (not ind_s or ind_s & p.industries) else 0
    targets = req_s | pref_s | title_phrases(title)
    points += 5 if targets & p.strengths else 0
    return points


def test_100k_profiles_agree_with_reference_formula() -> None:
    rng = random.Random(20261125)
    title = "Medical Data Analyst"
    req = Requirements(
        min_years_experience=4,
        required_skills=["data analysis", "sql", "skill 1"],
        preferred_skills=["python", "skill 2"],
        industries=["healthcare"],
    )
    profiles = [
        profile(
            f"p{i:06d}",
            years=rng.choice([None, 0, 1, 2.5, 4, 9]),
            skills=rng.sample(SKILL_POOL, rng.randint(0, 6)),
            strengths=rng.sample(SKILL_POOL, rng.randint(0, 2)),
            industries=rng.sample(INDUSTRY_POOL, rng.randint(0, 2)),
        )
        for i in range(100_000)
    ]

    matches = match_all(profiles, req, title)

    by_id = {m.profile_id: m for m in matches}
    listed = set(req.required_skills) | set(req.preferred_skills)
    expected_ids = set()
    for p in profiles:
        score = int(reference_score(p, req, title) + 0.5)
        covers = (p.skills | p.strengths) & listed or p.strengths & title_phrases(title)
        if score >= MIN_MATCH_SCORE and covers:
            expected_ids.add(p.id)
            assert by_id[p.id].score == score, p
    assert set(by_id) == expected_ids
    assert 1_000 < len(matches) < 100_000  # the data exercise both outcomes

    assert matches == rank(matches)
    for earlier, later in itertools.pairwise(matches):
        assert earlier.score >= later.score

    expected_counts: dict[str, int] = {}
    for m in matches:
        for s in m.strength_tags_matched:
            expected_counts[s] = expected_counts.get(s, 0) + 1
    assert strength_counts(matches) == expected_counts
    assert expected_counts["data analysis"] > 0


@pytest.mark.parametrize("count", [10])
def test_planted_candidates_are_found_among_noise(count: int) -> None:
    noise = [profile(f"n{i:06d}", skills=[f"noise {i % 97}"]) for i in range(100_000)]
    planted = [
        profile(f"s{i:02d}", years=i, strengths=["data analysis"], industries=["healthcare"])
        for i in range(count)
    ]
    req = Requirements(
        min_years_experience=5, required_skills=["data analysis"], industries=["healthcare"]
    )
    matches = match_all([*noise[:50_000], *planted, *noise[50_000:]], req, "Medical Data Analyst")
    # all score alike above 5 years, so more experience ranks first
    assert [m.profile_id for m in matches] == [f"s{i:02d}" for i in reversed(range(count))]
    assert strength_counts(matches) == {"data analysis": count}


def test_the_matcher_cache_reuses_a_matcher_only_for_the_same_opening_and_vocabulary():
    cache = MatcherCache(size=2)
    sql = {"required_skills": ["sql"], "min_years_experience": 0}
    go = {"required_skills": ["go"], "min_years_experience": 0}
    vocabulary = skill_vocabulary()
    analyst = profile("p1", skills=["sql"])

    first = cache.matcher("pos-1", 1, "Analyst", sql, vocabulary)
    assert cache.matcher("pos-1", 1, "Analyst", dict(sql), vocabulary) is first
    assert first(analyst) is not None
    # A new version, other requirements under the same version, another title or another
    # vocabulary in force: planned again, and scored as planned.
    changed = cache.matcher("pos-1", 2, "Analyst", go, vocabulary)
    assert changed is not first and changed(analyst) is None
    assert cache.matcher("pos-1", 1, "Analyst", go, vocabulary)(analyst) is None
    assert cache.matcher("pos-1", 1, "Engineer", go, vocabulary) is not changed
    assert cache.matcher("pos-1", 1, "Engineer", go, None) is not changed
    # The least recently used go beyond the size.
    kept = cache.matcher("pos-2", 1, "Analyst", sql, None)
    cache.matcher("pos-3", 1, "Analyst", sql, None)
    assert cache.matcher("pos-2", 1, "Analyst", sql, None) is kept  # used last: stays
    cache.matcher("pos-4", 1, "Analyst", sql, None)  # pos-3 goes
    cache.matcher("pos-3", 1, "Analyst", sql, None)  # planned anew; pos-2 goes
    assert len(cache._held) == 2
    assert cache.matcher("pos-2", 1, "Analyst", sql, None) is not kept
