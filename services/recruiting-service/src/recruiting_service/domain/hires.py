"""What a new hire should develop, from the panel's scorecards (S6; issue 14 item 5).

A gap is a dimension the panel did not rate as a strength (mean below
`DEVELOPMENT_BELOW`) or one an interviewer named in a concern. A concern names the
dimension whose key or name it mentions; one that mentions none is about what its author
scored (their lowest-scored dimension). Gaps carry the dimension's key and name, its mean
and, for a concern, the interviewer's words; talent-service turns them into a plan.
"""

from __future__ import annotations

from collections.abc import Sequence

from recruiting_service.domain.rejections import STRENGTH_MIN_SCORE, mentions
from recruiting_service.domain.scorecard import (
    SubmittedEvaluation,
    WeightedDimension,
    dimension_means,
)
from talentloop_shared.events.payloads import Gap

# Below a strength is something to develop.
DEVELOPMENT_BELOW = STRENGTH_MIN_SCORE


def development_gaps(
    dimensions: Sequence[WeightedDimension],
    names: dict[str, str],
    evaluations: Sequence[SubmittedEvaluation],
) -> list[Gap]:
    """The gaps of a hire: weak dimensions (scheme order) first, then concerns."""
    means = dimension_means(evaluations)
    order = [d.key for d in dimensions if d.key in means]
    order += [k for k in means if k not in order]

    def gap(key: str, text: str | None = None) -> Gap:
        return Gap(dimension=key, name=names.get(key), score=round(means[key], 2), text=text)

    concerns: list[Gap] = []
    seen: set[tuple[str, str]] = set()
    for evaluation in evaluations:
        for concern in evaluation.concerns:
            text = " ".join(concern.split())
            key = next(
                (k for k in order if mentions(text, k) or mentions(text, names.get(k, ""))),
                None,
            )
            if key is None and evaluation.scores:
                key = min(evaluation.scores, key=lambda k: (evaluation.scores[k], k))
            if key is None or not text or (key, text.casefold()) in seen:
                continue
            seen.add((key, text.casefold()))
            concerns.append(gap(key, text))
    named = {g.dimension for g in concerns}
    weak = [gap(k) for k in order if means[k] < DEVELOPMENT_BELOW and k not in named]
    return weak + concerns
