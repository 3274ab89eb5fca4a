"""The decision policy's rule (domain/policy.py)."""

from __future__ import annotations

import pytest

from recruiting_service.domain.policy import DecisionPolicy, rejects
from recruiting_service.domain.scorecard import SubmittedEvaluation
from talentloop_shared.errors import FieldInvalid


def panel(*recommendations: str) -> list[SubmittedEvaluation]:
    return [
        SubmittedEvaluation(interviewer_id=f"iv-{i}", recommendation=r, scores={"x": 5})  # type: ignore[arg-type]
        for i, r in enumerate(recommendations)
    ]


def test_unanimous_needs_every_no_hire() -> None:
    policy = DecisionPolicy()
    assert policy.mode == "unanimous_no_hire" and policy.review_minutes == 120
    assert rejects(policy, panel("no_hire", "strong_no_hire", "no_hire"), 7.0)
    assert not rejects(policy, panel("no_hire", "hire", "no_hire"), 3.0)
    assert not rejects(policy, [], None)


def test_majority_needs_more_than_half() -> None:
    policy = DecisionPolicy(mode="majority_no_hire")
    assert rejects(policy, panel("no_hire", "hire", "no_hire"), 7.0)
    assert not rejects(policy, panel("no_hire", "hire"), 2.0)


def test_composite_below_reads_the_composite_only() -> None:
    policy = DecisionPolicy(mode="composite_below", threshold=6.5)
    assert rejects(policy, panel("hire", "strong_hire"), 6.4)
    assert not rejects(policy, panel("no_hire"), 6.5)
    assert not rejects(policy, panel("no_hire"), None)


def test_off_never_decides() -> None:
    assert not rejects(DecisionPolicy(mode="off"), panel("strong_no_hire"), 1.0)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"mode": "composite_below"},
        {"mode": "composite_below", "threshold": 11},
        {"mode": "majority_no_hire", "threshold": 5},
        {"review_minutes": -1},
        {"review_minutes": 7 * 24 * 60 + 1},
        {"mode": "sometimes"},
    ],
)
def test_a_policy_that_cannot_work_is_refused(kwargs) -> None:
    with pytest.raises(FieldInvalid):
        DecisionPolicy(**kwargs)
