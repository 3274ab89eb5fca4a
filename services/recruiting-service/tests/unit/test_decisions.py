from __future__ import annotations

import pytest

from recruiting_service.domain.decisions import (
    DEFAULT_SUGGESTIONS,
    GENERIC_SUGGESTION,
    allowed_actions,
    default_rejection_content,
    is_final,
    rejection_stage,
    status_after_screening,
    transition,
)
from recruiting_service.domain.errors import DomainValidationError, IllegalTransition
from recruiting_service.domain.screening import Unmet
from talentloop_shared.events.payloads import Reason

NAMES = {
    "technical": "Technical ability",
    "business": "Business understanding",
    "culture": "Culture fit",
}

# --- status machine ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "action", "expected"),
    [
        ("screening", "advance", "interviewing"),
        ("interviewing", "advance", "offer"),
        ("offer", "hire", "hired"),
        ("interviewing", "hire", "hired"),
        ("screening", "reject", "rejected"),
        ("screened_out", "reject", "rejected"),
        ("interviewing", "reject", "rejected"),
        ("offer", "reject", "rejected"),
        ("offer", "withdraw", "withdrawn"),
    ],
)
def test_allowed_moves(current: str, action: str, expected: str) -> None:
    assert transition(current, action) == expected


@pytest.mark.parametrize(
    ("current", "action"),
    [
        ("screening", "hire"),
        ("screened_out", "advance"),
        ("offer", "advance"),
        ("hired", "reject"),
        ("rejected", "reject"),
        ("withdrawn", "advance"),
        ("screening", "fly"),
    ],
)
def test_illegal_moves(current: str, action: str) -> None:
    with pytest.raises(IllegalTransition) as exc:
        transition(current, action)
    assert exc.value.current == current
    assert exc.value.action == action
    assert action not in exc.value.allowed_actions


def test_illegal_move_message_says_what_is_allowed() -> None:
    with pytest.raises(IllegalTransition) as exc:
        transition("screening", "hire")
    assert exc.value.allowed_actions == ("advance", "reject", "withdraw")
    assert "allowed from here: advance, reject, withdraw" in str(exc.value)


def test_final_status_message_says_it_is_final() -> None:
    with pytest.raises(IllegalTransition) as exc:
        transition("rejected", "reject")
    assert exc.value.allowed_actions == ()
    assert "final" in str(exc.value)
    assert is_final("rejected") and is_final("hired") and is_final("withdrawn")
    assert not is_final("offer")


def test_screening_moves_are_for_the_system_only() -> None:
    with pytest.raises(IllegalTransition):
        transition("screened_out", "screen_in")
    assert transition("screened_out", "screen_in", by_system=True) == "screening"
    assert transition("screening", "screen_out", by_system=True) == "screened_out"
    assert "screen_out" not in allowed_actions("screening")
    assert "screen_out" in allowed_actions("screening", by_system=True)


@pytest.mark.parametrize(
    ("current", "passed", "expected"),
    [
        ("screening", False, "screened_out"),
        ("screening", True, "screening"),
        ("screened_out", True, "screening"),
        ("screened_out", False, "screened_out"),
        ("interviewing", False, "interviewing"),
        ("rejected", True, "rejected"),
    ],
)
def test_status_after_rescreening(current: str, passed: bool, expected: str) -> None:
    assert status_after_screening(current, passed=passed) == expected


def test_unknown_status_is_a_validation_error() -> None:
    with pytest.raises(DomainValidationError):
        transition("lost", "advance")


@pytest.mark.parametrize(
    ("status", "stage"),
    [
        ("screening", "screening"),
        ("screened_out", "screening"),
        ("interviewing", "interview"),
        ("offer", "offer"),
    ],
)
def test_rejection_stage(status: str, stage: str) -> None:
    assert rejection_stage(status) == stage


def test_no_rejection_stage_once_decided() -> None:
    with pytest.raises(IllegalTransition):
        rejection_stage("hired")


# --- rejection content ------------------------------------------------------------------


def content(**overrides: object):  # type: ignore[no-untyped-def]
    kwargs: dict[str, object] = {
        "stage": "interview",
        "unmet": [],
        "dimension_means": {},
        "dimension_names": NAMES,
        "evaluations_strengths": [],
        "evaluations_concerns": [],
        "suggestion_library": DEFAULT_SUGGESTIONS,
    }
    kwargs.update(overrides)
    return default_rejection_content(**kwargs)  # type: ignore[arg-type]


def test_screening_reasons_come_from_unmet_requirements() -> None:
    result = content(
        stage="screening",
        unmet=[
            Unmet("min_years_experience", 5, 3),
            Unmet("required_skills", "live-stream marketing", "missing"),
        ],
        matched_skills=["fmcg channel management"],
    )
    assert result.reasons == [
        Reason(code="missing_experience", text="at least 5 years of experience (you have 3)"),
        Reason(code="missing_skill", text="hands-on live-stream marketing experience"),
    ]
    assert result.strengths == ["fmcg channel management"]
    assert result.suggestions[0] == DEFAULT_SUGGESTIONS["missing_experience"]
    assert "live-stream marketing" in result.suggestions[1]
    assert "{subject}" not in result.suggestions[1]


def test_screening_reason_texts_for_every_requirement() -> None:
    result = content(
        stage="screening",
        unmet=[
            Unmet("industries", ["fmcg"], ["healthcare"]),
            Unmet("education", "master", "bachelor"),
            Unmet("languages", "zh", "missing"),
        ],
    )
    assert [(r.code, r.text) for r in result.reasons] == [
        ("industry_mismatch", "experience in the fmcg industry"),
        ("education", "a master's degree or higher"),
        ("missing_language", "working proficiency in Chinese"),
    ]
    assert result.strengths == []


def test_unknown_experience_reason_does_not_invent_a_number() -> None:
    result = content(stage="screening", unmet=[Unmet("min_years_experience", 1, None)])
    assert result.reasons[0].text == "at least 1 year of experience"


def test_interview_defaults_from_evaluations() -> None:
    result = content(
        dimension_means={"technical": 8.0, "business": 5.0, "culture": 7.5},
        evaluations_strengths=["clear algorithm design", "Clear  algorithm design"],
        evaluations_concerns=["no Go high-concurrency project experience"],
    )
    assert result.strengths == [
        "Technical ability (8.0/10)",
        "Culture fit (7.5/10)",
        "clear algorithm design",
    ]
    assert result.reasons == [
        Reason(code="low_business", text="stronger business understanding"),
        Reason(code="interview_concern", text="no Go high-concurrency project experience"),
    ]
    assert result.suggestions == [
        DEFAULT_SUGGESTIONS["business"],
        DEFAULT_SUGGESTIONS["interview_concern"],
    ]


def test_strengths_need_at_least_seven_and_reasons_below_six() -> None:
    result = content(dimension_means={"technical": 6.9, "business": 6.0})
    assert result.strengths == []
    assert result.reasons == []
    assert result.suggestions == [GENERIC_SUGGESTION]


def test_at_most_two_dimension_strengths_and_three_in_total() -> None:
    result = content(
        dimension_means={"technical": 9.0, "business": 8.0, "culture": 10.0},
        evaluations_strengths=["a", "b"],
    )
    assert result.strengths == ["Culture fit (10.0/10)", "Technical ability (9.0/10)", "a"]


def test_reasons_capped_and_weakest_first() -> None:
    result = content(
        dimension_means={"technical": 5.5, "business": 3.0, "culture": 4.0, "leadership": 2.0},
        evaluations_concerns=["x", "y"],
    )
    assert [r.code for r in result.reasons] == [
        "low_leadership",
        "low_business",
        "interview_concern",
    ]
    assert len(result.suggestions) <= 3


def test_suggestion_lookup_order() -> None:
    library = {
        "low_technical": "Code-specific tip.",
        "business": "Dimension tip.",
        "generic": "Hi.",
    }
    result = content(
        dimension_means={"technical": 4.0, "business": 4.0},
        evaluations_concerns=["something"],
        suggestion_library=library,
    )
    # By reason code, then by dimension key, then the library's generic entry.
    assert result.suggestions == ["Code-specific tip.", "Dimension tip.", "Hi."]


def test_suggestions_are_deduped_and_fall_back_to_builtin_generic() -> None:
    result = content(
        dimension_means={"technical": 4.0, "business": 4.0},
        evaluations_concerns=["z"],
        suggestion_library={},
    )
    assert result.suggestions == [GENERIC_SUGGESTION]


def test_unknown_dimension_key_is_named_readably() -> None:
    result = content(dimension_means={"data_analysis": 9.0}, dimension_names={})
    assert result.strengths == ["Data analysis (9.0/10)"]


def test_default_suggestions_cover_the_codes_and_common_dimensions() -> None:
    for key in [
        "missing_experience",
        "missing_skill",
        "industry_mismatch",
        "education",
        "missing_language",
        "interview_concern",
        "technical",
        "business",
        "culture",
        "communication",
        "leadership",
        "generic",
    ]:
        assert DEFAULT_SUGGESTIONS[key]
