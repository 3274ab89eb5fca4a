from __future__ import annotations

from recruiting_service.domain.screening import (
    CandidateProfile,
    Unmet,
    describe_requirements_change,
    make_screener,
    requirements_diff,
    screen,
)
from talentloop_shared.events.payloads import Requirements

MARKETING_MANAGER = Requirements(
    min_years_experience=5,
    required_skills=["live-stream marketing"],
    preferred_skills=["fmcg channel management"],
    industries=["fmcg"],
    education="bachelor",
    languages=["zh"],
)


def qualified(**overrides: object) -> CandidateProfile:
    fields: dict[str, object] = {
        "years_experience": 6,
        "skills": ["Live-Stream Marketing", "FMCG  channel management", "excel"],
        "industries": ["FMCG"],
        "education": "master",
        "languages": ["zh-CN", "en"],
    }
    fields.update(overrides)
    return CandidateProfile(**fields)  # type: ignore[arg-type]


def test_qualified_candidate_passes() -> None:
    result = screen(qualified(), MARKETING_MANAGER, position_version=7)
    assert result.passed
    assert result.unmet == ()
    assert result.position_version == 7
    assert result.matched_skills == ("live-stream marketing", "fmcg channel management")


def test_three_years_against_five_names_min_years_experience() -> None:
    result = screen(qualified(years_experience=3), MARKETING_MANAGER, position_version=7)
    assert not result.passed
    assert result.unmet == (Unmet("min_years_experience", 5, 3),)
    assert result.as_dict()["unmet"] == [
        {"requirement": "min_years_experience", "expected": 5, "actual": 3}
    ]


def test_unknown_experience_fails_minimum() -> None:
    result = screen(qualified(years_experience=None), MARKETING_MANAGER, position_version=1)
    assert result.unmet == (Unmet("min_years_experience", 5, None),)


def test_missing_live_stream_marketing_is_named() -> None:
    result = screen(
        qualified(skills=["fmcg channel management"]), MARKETING_MANAGER, position_version=7
    )
    assert not result.passed
    assert result.unmet == (Unmet("required_skills", "live-stream marketing", "missing"),)


def test_one_entry_per_missing_required_skill() -> None:
    reqs = MARKETING_MANAGER.model_copy(
        update={"required_skills": ["live-stream marketing", "East China FMCG market", "Go"]}
    )
    result = screen(qualified(skills=["go"]), reqs, position_version=8)
    assert [u.expected for u in result.unmet] == ["live-stream marketing", "East China FMCG market"]
    assert all(u.requirement == "required_skills" and u.actual == "missing" for u in result.unmet)


def test_industry_mismatch_lists_both_sides() -> None:
    result = screen(qualified(industries=["Healthcare"]), MARKETING_MANAGER, position_version=1)
    assert result.unmet == (Unmet("industries", ["fmcg"], ["healthcare"]),)


def test_any_listed_industry_is_enough() -> None:
    reqs = MARKETING_MANAGER.model_copy(update={"industries": ["retail", "fmcg"]})
    assert screen(qualified(industries=["fmcg"]), reqs, position_version=1).passed


def test_education_is_ordered() -> None:
    reqs = MARKETING_MANAGER.model_copy(update={"education": "master"})
    assert screen(qualified(education="phd"), reqs, position_version=1).passed
    assert screen(qualified(education="master"), reqs, position_version=1).passed
    result = screen(qualified(education="bachelor"), reqs, position_version=1)
    assert result.unmet == (Unmet("education", "master", "bachelor"),)
    result = screen(qualified(education=None), reqs, position_version=1)
    assert result.unmet == (Unmet("education", "master", "none"),)


def test_each_missing_language_is_named() -> None:
    reqs = MARKETING_MANAGER.model_copy(update={"languages": ["zh", "en", "ja"]})
    result = screen(qualified(languages=["Chinese"]), reqs, position_version=1)
    assert result.unmet == (
        Unmet("languages", "en", "missing"),
        Unmet("languages", "ja", "missing"),
    )


def test_a_spoken_language_is_met_whatever_its_region_or_spelling() -> None:
    # Changed on purpose (issue 19): spoken languages go through the shared vocabulary
    # (`language_code`), which names a language, not a region: "zh-TW" used to be met only
    # by "zh-TW"; now any Chinese speaker meets it (the script is not a spoken language),
    # and the names people type ("普通话", "Mandarin") meet it too. Cantonese stays apart.
    reqs = MARKETING_MANAGER.model_copy(update={"languages": ["zh-TW"]})
    for spoken in (["zh-CN"], ["zh_tw"], ["普通话"], ["Mandarin"], ["國語"]):
        assert screen(qualified(languages=spoken), reqs, position_version=1).passed, spoken
    cantonese = screen(qualified(languages=["粤语"]), reqs, position_version=1)
    assert [u.as_dict() for u in cantonese.unmet] == [
        {"requirement": "languages", "expected": "zh-TW", "actual": "missing"}
    ]
    english = MARKETING_MANAGER.model_copy(update={"languages": ["English"]})
    assert screen(qualified(languages=["英语"]), english, position_version=1).passed


def test_empty_requirements_pass_everyone() -> None:
    result = screen(CandidateProfile(), Requirements(), position_version=1)
    assert result.passed
    assert result.score == 80  # 60 base + 20 (no preferred skills to miss), no experience


def test_score_formula() -> None:
    # All met (60) + all preferred (20) + 1 year above minimum (4).
    assert screen(qualified(), MARKETING_MANAGER, position_version=1).score == 84
    # Experience bonus is capped at 5 years above the minimum.
    assert (
        screen(qualified(years_experience=30), MARKETING_MANAGER, position_version=1).score == 100
    )
    # No preferred skill: 60 + 0 + 4.
    result = screen(
        qualified(skills=["live-stream marketing"]), MARKETING_MANAGER, position_version=1
    )
    assert result.score == 64
    # 5 checks (years, 1 skill, industry, education, language); 1 unmet -> 48, + 20 preferred.
    result = screen(qualified(years_experience=3), MARKETING_MANAGER, position_version=1)
    assert result.score == 68


def test_failed_screenings_still_rank() -> None:
    near_miss = screen(qualified(years_experience=4), MARKETING_MANAGER, position_version=1)
    far_miss = screen(
        CandidateProfile(years_experience=1, skills=["excel"]),
        MARKETING_MANAGER,
        position_version=1,
    )
    assert not near_miss.passed and not far_miss.passed
    assert 0 <= far_miss.score < near_miss.score <= 100


def test_skill_both_required_and_preferred_counts_once() -> None:
    reqs = Requirements(required_skills=["SQL"], preferred_skills=["sql", "python"])
    result = screen(CandidateProfile(skills=["sql"]), reqs, position_version=1)
    assert result.passed
    assert result.matched_skills == ("SQL",)
    # "sql" leaves the preferred list, so only python is left to cover: 60 + 20 * 0/1.
    assert result.score == 60


def test_batch_of_ten_thousand_screenings() -> None:
    screener = make_screener(MARKETING_MANAGER, position_version=7)
    candidates = [
        qualified(years_experience=i % 10, skills=["live-stream marketing"] if i % 3 else ["x"])
        for i in range(10_000)
    ]
    results = screener.screen_many(candidates)
    assert len(results) == 10_000
    for i, result in enumerate(results):
        years_ok = i % 10 >= 5
        skill_ok = i % 3 != 0
        assert result.passed == (years_ok and skill_ok)
        assert (Unmet("min_years_experience", 5, i % 10) in result.unmet) == (not years_ok)
        assert result.position_version == 7


def test_requirements_diff_names_changed_fields() -> None:
    new = MARKETING_MANAGER.model_copy(
        update={
            "required_skills": ["live-stream marketing", "East China FMCG market"],
            "education": "master",
        }
    )
    assert requirements_diff(MARKETING_MANAGER, new) == ["required_skills", "education"]


def test_requirements_diff_ignores_order_case_and_spacing() -> None:
    new = MARKETING_MANAGER.model_copy(
        update={"required_skills": ["  Live-Stream   Marketing"], "languages": ["Chinese"]}
    )
    assert requirements_diff(MARKETING_MANAGER, new) == []


def test_change_is_described_in_one_sentence() -> None:
    new = MARKETING_MANAGER.model_copy(
        update={"required_skills": ["live-stream marketing", "East China FMCG market"]}
    )
    assert describe_requirements_change(MARKETING_MANAGER, new, version=8) == (
        "requirements changed to version 8: required_skills +east china fmcg market"
    )
    newer = new.model_copy(
        update={"required_skills": ["east china fmcg market"], "min_years_experience": 3}
    )
    assert describe_requirements_change(new, newer, version=9) == (
        "requirements changed to version 9: min_years_experience from 5 to 3; "
        "required_skills -live stream marketing"  # the synonym key
    )
    assert (
        describe_requirements_change(new, new, version=9) == "requirements unchanged at version 9"
    )


# --- the shared vocabularies (issue 19) ----------------------------------------------------


def test_education_is_compared_on_the_ladder() -> None:
    # none < secondary < associate < bachelor < master < phd: a level meets itself and below.
    def unmet_education(candidate: str, required: str) -> list[Unmet]:
        reqs = MARKETING_MANAGER.model_copy(update={"education": required})
        result = screen(qualified(education=candidate), reqs, position_version=1)
        return [u for u in result.unmet if u.requirement == "education"]

    assert unmet_education("master", "bachelor") == []
    assert unmet_education("phd", "master") == []
    assert unmet_education("bachelor", "bachelor") == []
    assert unmet_education("associate", "associate") == []
    assert unmet_education("bachelor", "associate") == []
    assert unmet_education("associate", "bachelor") == [Unmet("education", "bachelor", "associate")]
    assert unmet_education("secondary", "associate") == [
        Unmet("education", "associate", "secondary")
    ]
    assert unmet_education("none", "secondary") == [Unmet("education", "secondary", "none")]
    assert unmet_education("none", "none") == []


def test_an_education_requirement_is_one_check_whatever_its_level() -> None:
    # The score counts a requirement above "none" as one check, secondary and associate too.
    reqs = Requirements(education="associate")
    assert screen(CandidateProfile(education="secondary"), reqs, position_version=1).score == 20
    assert screen(CandidateProfile(education="associate"), reqs, position_version=1).score == 80


def test_skill_spellings_match_through_the_synonym_table() -> None:
    reqs = Requirements(
        required_skills=["PostgreSQL", "JavaScript", "数据分析", "python"],
        preferred_skills=["Kubernetes"],
        industries=["快消"],
    )
    candidate = CandidateProfile(
        skills=["Postgres", "JS", "data analysis", "Ｐｙｔｈｏｎ", "k8s"], industries=["FMCG"]
    )
    result = screen(candidate, reqs, position_version=1)
    assert result.passed, result.unmet
    # Strengths keep the position's own wording.
    assert result.matched_skills == ("PostgreSQL", "JavaScript", "数据分析", "python", "Kubernetes")
    assert result.score == 80  # every check and preferred skill; no experience stated


def test_rows_stored_before_the_synonym_table_still_match() -> None:
    # Skills stored lower-cased and trimmed only (before issue 19) need no migration: both
    # sides go through the table when they are compared.
    reqs = Requirements(required_skills=["PostgreSQL", "live-stream marketing"])
    stored = CandidateProfile(skills=["postgres", "live-stream marketing"])
    assert screen(stored, reqs, position_version=1).passed


def test_a_requirement_change_in_spelling_only_is_no_change() -> None:
    old = Requirements(required_skills=["Postgres", "JS"], languages=["Chinese"])
    new = Requirements(required_skills=["PostgreSQL", "JavaScript"], languages=["zh"])
    assert requirements_diff(old, new) == []
