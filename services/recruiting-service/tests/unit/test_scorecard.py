from __future__ import annotations

from datetime import UTC, datetime

import pytest

from recruiting_service.domain.scorecard import (
    SubmittedEvaluation,
    calibration,
    composite_score,
    compute_scorecard,
    consistency,
)
from talentloop_shared.errors import FieldInvalid
from talentloop_shared.events.payloads import Dimension, EvaluationSubmitted

SCHEME = [
    Dimension(key="technical", name="Technical ability", weight=0.4),
    Dimension(key="business", name="Business understanding", weight=0.3),
    Dimension(key="culture", name="Culture fit", weight=0.3),
]


def ev(who: str, rec: str = "hire", **scores: int) -> SubmittedEvaluation:
    return SubmittedEvaluation(interviewer_id=who, recommendation=rec, scores=scores)  # type: ignore[arg-type]


def test_s2_composite_is_weighted() -> None:
    # One interviewer per department, each scoring their own dimension.
    panel = [ev("tech", technical=8), ev("biz", business=6), ev("hr", culture=7)]
    card = compute_scorecard(SCHEME, panel)
    assert card.composite == 7.1
    assert card.dimensions == {"technical": 8.0, "business": 6.0, "culture": 7.0}
    assert card.as_event_scorecard().model_dump() == {
        "composite": 7.1,
        "dimensions": {"technical": 8.0, "business": 6.0, "culture": 7.0},
        "band": "close",  # 7.1 ≥ 6.5: a close miss (templates pick their words by band)
    }


def test_a_composite_below_the_close_miss_line_is_far() -> None:
    card = compute_scorecard(SCHEME, [ev("a", technical=6), ev("b", business=6)])
    assert card.composite == 6.0 and card.band == "far"
    assert compute_scorecard(SCHEME, []).band is None


def test_dimension_means_average_interviewers() -> None:
    card = compute_scorecard(SCHEME, [ev("a", technical=8), ev("b", technical=5)])
    assert card.dimensions == {"technical": 6.5}
    assert card.composite == 6.5  # only technical scored: its weight renormalises to 1


def test_composite_renormalises_to_scored_dimensions() -> None:
    # technical 0.4 and culture 0.3 -> 4/7 and 3/7: (9*4 + 5*3) / 7 = 7.2857...
    assert composite_score(SCHEME, {"technical": 9, "culture": 5}) == 7.29


def test_composite_without_scores_is_none() -> None:
    assert compute_scorecard(SCHEME, []).composite is None
    assert composite_score(SCHEME, {}) is None


def test_composite_without_scheme_is_plain_mean() -> None:
    assert composite_score([], {"technical": 8, "culture": 5}) == 6.5


def test_dimensions_outside_the_scheme_are_reported_but_not_weighted() -> None:
    card = compute_scorecard(SCHEME, [ev("a", technical=8, english=2)])
    assert card.dimensions == {"technical": 8.0, "english": 2.0}
    assert card.composite == 8.0


def test_disagreeing_scores_are_less_consistent_than_close_ones() -> None:
    far = consistency([ev("a", technical=2), ev("b", technical=9)])
    close = consistency([ev("a", technical=7), ev("b", technical=8)])
    assert far is not None and close is not None
    assert far < close
    # (1 - 3.5/4.5) / 2 + 1/2 and (1 - 0.5/4.5) / 2 + 1/2
    assert far == 0.61
    assert close == 0.94


def test_recommendation_split_lowers_consistency() -> None:
    agree = consistency([ev("a", "strong_hire", technical=7), ev("b", "hire", technical=7)])
    split = consistency([ev("a", "hire", technical=7), ev("b", "no_hire", technical=7)])
    assert agree == 1.0
    assert split == 0.75


def test_no_shared_dimension_uses_recommendations_only() -> None:
    panel = [
        ev("a", "hire", technical=8),
        ev("b", "no_hire", business=3),
        ev("c", "strong_no_hire", culture=4),
    ]
    assert consistency(panel) == 0.67


def test_consistency_needs_two_evaluations() -> None:
    assert consistency([]) is None
    assert consistency([ev("a", technical=8)]) is None
    assert compute_scorecard(SCHEME, [ev("a", technical=8)]).consistency is None


def test_consistency_stays_in_range_at_extremes() -> None:
    value = consistency(
        [ev("a", "strong_hire", technical=1), ev("b", "strong_no_hire", technical=10)]
    )
    assert value == 0.25  # scores maximally apart (0) and a 1:1 split (0.5)


def test_scores_outside_1_to_10_are_rejected() -> None:
    with pytest.raises(FieldInvalid) as exc:
        ev("a", technical=11)
    assert exc.value.field == "scores"


def test_from_event() -> None:
    event = EvaluationSubmitted.model_validate(
        {
            "evaluation_id": "e1",
            "interview_id": "i1",
            "application_id": "a1",
            "candidate_id": "c1",
            "position_id": "p1",
            "interviewer": {"id": "u1"},
            "scores": [{"dimension": "technical", "score": 8}],
            "strengths": ["clear algorithm design"],
            "concerns": ["no Go high-concurrency project experience"],
            "recommendation": "no_hire",
            "submitted_at": datetime(2026, 1, 1, tzinfo=UTC),
        }
    )
    evaluation = SubmittedEvaluation.from_event(event)
    assert evaluation.interviewer_id == "u1"
    assert evaluation.scores == {"technical": 8}
    assert evaluation.concerns == ("no Go high-concurrency project experience",)


def test_calibration_is_signed_deviation_from_the_others() -> None:
    panels = [
        # u1 gives 9 where the others average 7: +2; culture has nobody else: skipped.
        [ev("u1", technical=9, culture=8), ev("u2", technical=6), ev("u3", technical=8)],
        # u1 gives 5 where u4 gives 6: -1.
        [ev("u1", business=5), ev("u4", business=6)],
        # u1 not on this panel.
        [ev("u2", technical=3), ev("u3", technical=4)],
    ]
    result = calibration("u1", panels)
    assert result.count == 2
    assert result.mean_deviation == 0.5


def test_calibration_without_comparisons() -> None:
    result = calibration("u9", [[ev("u1", technical=9)]])
    assert result.count == 0
    assert result.mean_deviation is None
