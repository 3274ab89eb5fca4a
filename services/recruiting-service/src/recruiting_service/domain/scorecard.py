"""Panel scorecard: per-dimension means, weighted composite, consistency, calibration (S2).

Composite
    The weighted mean of the dimension means, over the scheme dimensions that were
    actually scored; their weights are renormalised to sum to 1, so an unscored
    dimension neither counts as 0 nor blocks the composite. With an empty scheme (or
    weights summing to 0) every scored dimension weighs the same. Rounded to 2 decimals.

Consistency, in [0, 1] (1 = the panel fully agrees)
    * score agreement = 1 − mean over shared dimensions (scored by ≥ 2 interviewers) of
      ``min(1, pstdev(scores) / 4.5)``; 4.5 is the largest population standard deviation
      scores in 1..10 can have (half 1s, half 10s).
    * recommendation agreement = the share of interviewers on the majority side, where
      `strong_hire`/`hire` are "hire" and `no_hire`/`strong_no_hire` are "no hire"; it is
      at least 0.5 by construction (a 1:1 split gives 0.5).
    * consistency = 0.5 × score agreement + 0.5 × recommendation agreement, or the
      recommendation agreement alone when no dimension was scored twice.
    * None with fewer than two evaluations: there is nothing to compare.
    Rounded to 2 decimals.

Calibration
    How an interviewer scores compared with the rest of their panels: the mean signed
    deviation of their score from the mean of the *other* interviewers' scores on the same
    application and dimension (positive = scores higher than colleagues), with the count of
    comparisons it rests on.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from talentloop_shared.errors import FieldInvalid
from talentloop_shared.events.payloads import EvaluationSubmitted, Recommendation, Scorecard

MAX_SCORE_PSTDEV = 4.5
HIRE_RECOMMENDATIONS: frozenset[str] = frozenset({"strong_hire", "hire"})
# A composite from here up is a close miss ("you were close; here is the one thing").
CLOSE_MISS_COMPOSITE = 6.5


class WeightedDimension(Protocol):
    """Anything with a dimension `key` and `weight`, e.g. `payloads.Dimension`."""

    @property
    def key(self) -> str: ...

    @property
    def weight(self) -> float: ...


@dataclass(frozen=True, slots=True)
class SubmittedEvaluation:
    """One interviewer's submitted scorecard, as the scorecard computations need it."""

    interviewer_id: str
    recommendation: Recommendation
    scores: Mapping[str, int]
    strengths: Sequence[str] = ()
    concerns: Sequence[str] = ()

    def __post_init__(self) -> None:
        for dim, score in self.scores.items():
            # bool is an int subclass; True must not pass as a score of 1.
            if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 10:
                raise FieldInvalid("scores", f"{dim}: score must be 1-10, got {score!r}")

    @classmethod
    def from_event(cls, event: EvaluationSubmitted) -> SubmittedEvaluation:
        """Build from an `evaluation-submitted` payload."""
        return cls(
            interviewer_id=event.interviewer.id,
            recommendation=event.recommendation,
            scores={s.dimension: s.score for s in event.scores},
            strengths=tuple(event.strengths),
            concerns=tuple(event.concerns),
        )


@dataclass(frozen=True, slots=True)
class PanelScorecard:
    """The panel's combined view of one application."""

    composite: float | None
    dimensions: dict[str, float] = field(default_factory=dict)
    consistency: float | None = None

    def as_event_scorecard(self) -> Scorecard:
        """Return the `scorecard` part of the `candidate-rejected` payload."""
        return Scorecard(composite=self.composite, dimensions=dict(self.dimensions), band=self.band)

    @property
    def band(self) -> Literal["close", "far"] | None:
        """How close the candidate came: `close` from CLOSE_MISS_COMPOSITE up, else `far`."""
        if self.composite is None:
            return None
        return "close" if self.composite >= CLOSE_MISS_COMPOSITE else "far"


@dataclass(frozen=True, slots=True)
class Calibration:
    """An interviewer's mean signed deviation from their co-panelists, and its sample size."""

    interviewer_id: str
    mean_deviation: float | None
    count: int


def _scores_by_dimension(evaluations: Iterable[SubmittedEvaluation]) -> dict[str, list[int]]:
    by_dim: dict[str, list[int]] = {}
    for evaluation in evaluations:
        for dim, score in evaluation.scores.items():
            by_dim.setdefault(dim, []).append(score)
    return by_dim


def dimension_means(evaluations: Sequence[SubmittedEvaluation]) -> dict[str, float]:
    """Return the unrounded mean score of every dimension that was scored at least once."""
    return {dim: statistics.fmean(s) for dim, s in _scores_by_dimension(evaluations).items()}


def composite_score(
    dimensions: Sequence[WeightedDimension], means: Mapping[str, float]
) -> float | None:
    """Return the weighted composite over the scored scheme dimensions (2 decimals), or None."""
    weighted = [(d.key, float(d.weight)) for d in dimensions if d.key in means and d.weight > 0]
    total = sum(w for _, w in weighted)
    if not weighted or total <= 0:
        # No usable weights: fall back to an unweighted mean of what was scored.
        if not means:
            return None
        return round(statistics.fmean(means.values()), 2)
    return round(sum(means[key] * w for key, w in weighted) / total, 2)


def score_agreement(evaluations: Sequence[SubmittedEvaluation]) -> float | None:
    """Return 1 − the mean normalised spread over dimensions scored ≥ 2 times, or None."""
    spreads = [
        min(1.0, statistics.pstdev(scores) / MAX_SCORE_PSTDEV)
        for scores in _scores_by_dimension(evaluations).values()
        if len(scores) >= 2
    ]
    if not spreads:
        return None
    return 1.0 - statistics.fmean(spreads)


def recommendation_agreement(evaluations: Sequence[SubmittedEvaluation]) -> float | None:
    """Return the share of interviewers on the majority side (hire vs no hire), or None."""
    if not evaluations:
        return None
    hires = sum(1 for e in evaluations if e.recommendation in HIRE_RECOMMENDATIONS)
    return max(hires, len(evaluations) - hires) / len(evaluations)


def consistency(evaluations: Sequence[SubmittedEvaluation]) -> float | None:
    """Return how consistent the panel was, in [0, 1] (2 decimals), or None below two."""
    if len(evaluations) < 2:
        return None
    by_recommendation = recommendation_agreement(evaluations)
    assert by_recommendation is not None  # at least two evaluations
    by_score = score_agreement(evaluations)
    value = by_recommendation if by_score is None else 0.5 * by_score + 0.5 * by_recommendation
    return round(max(0.0, min(1.0, value)), 2)


def compute_scorecard(
    dimensions: Sequence[WeightedDimension], evaluations: Sequence[SubmittedEvaluation]
) -> PanelScorecard:
    """Combine the submitted evaluations of one application under its evaluation scheme."""
    means = dimension_means(evaluations)
    # Scheme order first (how HR reads the scheme), then dimensions outside the scheme.
    order = [d.key for d in dimensions if d.key in means]
    order += [k for k in means if k not in order]
    return PanelScorecard(
        composite=composite_score(dimensions, means),
        dimensions={k: round(means[k], 2) for k in order},
        consistency=consistency(evaluations),
    )


def calibration(
    interviewer_id: str, panels: Iterable[Sequence[SubmittedEvaluation]]
) -> Calibration:
    """Return how the interviewer scores relative to the others on the same panels.

    Each panel is the evaluations of one application. A dimension nobody else scored on
    that application cannot be compared and is skipped.
    """
    deviations: list[float] = []
    for panel in panels:
        others = _scores_by_dimension(e for e in panel if e.interviewer_id != interviewer_id)
        for own in (e for e in panel if e.interviewer_id == interviewer_id):
            for dim, score in own.scores.items():
                if others.get(dim):
                    deviations.append(score - statistics.fmean(others[dim]))
    if not deviations:
        return Calibration(interviewer_id=interviewer_id, mean_deviation=None, count=0)
    return Calibration(
        interviewer_id=interviewer_id,
        mean_deviation=round(statistics.fmean(deviations), 2),
        count=len(deviations),
    )
