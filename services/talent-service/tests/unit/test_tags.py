from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from talent_service.domain.tags import (
    Tag,
    dimension_label,
    has_pool_consent,
    merge_tags,
    normalise,
    tag_values,
    tags_from_evaluation,
    tags_from_feedback,
    tags_from_rejection,
)
from talentloop_shared.events.payloads import (
    CandidateRejected,
    EvaluationSubmitted,
    FeedbackReceived,
)

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def rejection(**overrides: Any) -> CandidateRejected:
    data: dict[str, Any] = {
        "application_id": "app-1",
        "rejected_at": NOW,
        "stage": "interview",
        "decided_by": "hr-1",
        "candidate": {
            "id": "cand-1",
            "name": "Li Wei",
            "email": "li@example.com",
            "talent_pool_consent": True,
            "skills": ["SQL", " Python ", "Python"],
            "years_experience": 3,
            "industries": ["Healthcare"],
        },
        "position": {"id": "pos-1", "title": "Backend Engineer", "job_family": "engineering"},
        "strengths": ["Strong   Data Analysis."],
        "reasons": [
            {
                "code": "missing_experience",
                "text": "Hands-on Go  high-concurrency project experience",
            },
            {"code": "missing_experience", "text": "lacks clinical experience"},
        ],
        "scorecard": {
            "composite": 6.4,
            "dimensions": {"data_analysis": 8.0, "technical": 7.5, "business": 4.5, "culture": 5.0},
        },
    }
    data.update(overrides)
    return CandidateRejected.model_validate(data)


def test_normalise_trims_lowercases_collapses_and_drops_trailing_punctuation() -> None:
    assert normalise("  Strong\tData   Analysis. ") == "strong data analysis"
    assert normalise("e-commerce") == "e-commerce"
    assert dimension_label("data_analysis") == "data analysis"


def test_tag_value_is_normalised_and_kind_checked() -> None:
    assert Tag("skill", " Live-Stream  Marketing ", "x").value == "live-stream marketing"
    with pytest.raises(ValueError):
        Tag("colour", "blue", "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Tag("skill", "   ", "x")


def test_tags_from_consented_rejection() -> None:
    event = rejection()
    tags = tags_from_rejection(event)

    assert has_pool_consent(event)
    assert {t.source for t in tags} == {"candidate-rejected:app-1"}
    assert tag_values(tags, "skill") == ["sql", "python"]
    assert tag_values(tags, "industry") == ["healthcare"]
    # event strengths first, then dimensions scored ≥ 7.5 (7.5 included)
    assert tag_values(tags, "strength") == ["strong data analysis", "data analysis", "technical"]
    # reason texts, then dimensions below 5 (5.0 itself is not a gap)
    assert tag_values(tags, "gap") == [
        "hands-on go high-concurrency project experience",
        "lacks clinical experience",
        "business",
    ]


def test_rejection_without_scorecard_or_consent() -> None:
    candidate = {"id": "c", "name": "n", "talent_pool_consent": False, "skills": ["excel"]}
    event = rejection(scorecard=None, candidate=candidate, strengths=[], reasons=[])
    assert not has_pool_consent(event)
    assert [(t.kind, t.value) for t in tags_from_rejection(event)] == [("skill", "excel")]


def test_tags_from_evaluation_uses_strengths_and_dimensions_scored_8_or_more() -> None:
    event = EvaluationSubmitted.model_validate(
        {
            "evaluation_id": "ev-9",
            "interview_id": "i",
            "application_id": "a",
            "candidate_id": "c",
            "position_id": "p",
            "interviewer": {"id": "u"},
            "scores": [
                {"dimension": "technical", "score": 8},
                {"dimension": "data_analysis", "score": 9},
                {"dimension": "culture", "score": 7},
            ],
            "strengths": ["Clear algorithm design"],
            "concerns": ["no Go experience"],
            "recommendation": "no_hire",
            "submitted_at": NOW,
        }
    )
    tags = tags_from_evaluation(event)
    assert [(t.kind, t.value) for t in tags] == [
        ("strength", "clear algorithm design"),
        ("strength", "technical"),
        ("strength", "data analysis"),
    ]
    assert {t.source for t in tags} == {"evaluation-submitted:ev-9"}


@pytest.mark.parametrize("open_to_future", [True, False])
def test_tags_from_feedback(open_to_future: bool) -> None:
    event = FeedbackReceived(
        notification_id="n-1",
        application_id="a",
        candidate_id="c",
        open_to_future_roles=open_to_future,
        answered_at=NOW,
    )
    tags = tags_from_feedback(event)
    if open_to_future:
        assert [(t.kind, t.source) for t in tags] == [("open_to_contact", "feedback-received:n-1")]
    else:
        assert tags == []


def test_merge_tags_dedupes_by_kind_and_value_keeping_first_source() -> None:
    existing = [Tag("skill", "sql", "candidate-rejected:a1"), Tag("gap", "sql", "x")]
    new = [
        Tag("skill", "SQL ", "candidate-rejected:a2"),
        Tag("strength", "sql", "evaluation-submitted:e1"),
        Tag("strength", "sql", "evaluation-submitted:e2"),
    ]
    merged = merge_tags(existing, new)
    assert [(t.kind, t.value, t.source) for t in merged] == [
        ("skill", "sql", "candidate-rejected:a1"),
        ("gap", "sql", "x"),
        ("strength", "sql", "evaluation-submitted:e1"),
    ]
