"""The decision policy: when a complete panel's scorecards make a rejection (issue 14).

The article's trigger is the interviewer's click: the panel says "not hired", and a
specific notice follows within two hours, HR able to step in. The policy says when the
panel's verdict is a rejection; a rejection it decides waits `review_minutes` for HR to
confirm, edit or overturn it, then goes out as the policy's (`decided_by: "policy"`).

Modes (`threshold` only with `composite_below`):
- `unanimous_no_hire` (default): every evaluation recommends no hire;
- `majority_no_hire`: more than half of them do;
- `composite_below`: the weighted composite is below `threshold` (1–10);
- `off`: the policy never decides; HR rejects by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from recruiting_service.domain.scorecard import SubmittedEvaluation
from talentloop_shared.errors import FieldInvalid

PolicyMode = Literal["unanimous_no_hire", "majority_no_hire", "composite_below", "off"]
MODES: tuple[PolicyMode, ...] = get_args(PolicyMode)
NO_HIRE: frozenset[str] = frozenset({"no_hire", "strong_no_hire"})
DEFAULT_REVIEW_MINUTES = 120
MAX_REVIEW_MINUTES = 7 * 24 * 60


@dataclass(frozen=True, slots=True)
class DecisionPolicy:
    """How a complete panel's scorecards decide, and how long HR has to step in."""

    mode: PolicyMode = "unanimous_no_hire"
    threshold: float | None = None
    review_minutes: int = DEFAULT_REVIEW_MINUTES

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise FieldInvalid("mode", f"must be one of {', '.join(MODES)}")
        if self.mode == "composite_below":
            if self.threshold is None:
                raise FieldInvalid("threshold", "composite_below needs a threshold (1 to 10)")
            if not 1 <= self.threshold <= 10:
                raise FieldInvalid("threshold", "must be between 1 and 10")
        elif self.threshold is not None:
            raise FieldInvalid("threshold", f"only composite_below takes one, not {self.mode}")
        if not 0 <= self.review_minutes <= MAX_REVIEW_MINUTES:
            raise FieldInvalid(
                "review_minutes", f"must be between 0 (at once) and {MAX_REVIEW_MINUTES}"
            )


def rejects(
    policy: DecisionPolicy,
    evaluations: Sequence[SubmittedEvaluation],
    composite: float | None,
) -> bool:
    """True when the policy turns this complete panel's verdict into a rejection."""
    if not evaluations or policy.mode == "off":
        return False
    no_hire = sum(1 for e in evaluations if e.recommendation in NO_HIRE)
    if policy.mode == "unanimous_no_hire":
        return no_hire == len(evaluations)
    if policy.mode == "majority_no_hire":
        return 2 * no_hire > len(evaluations)
    assert policy.threshold is not None  # checked when the policy was made
    return composite is not None and composite < policy.threshold
