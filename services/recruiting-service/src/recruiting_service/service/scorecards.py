"""The panel's scorecards as the rules read them, and how far the panel has got."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from recruiting_service.db.models import Evaluation
from recruiting_service.db.repositories import InterviewRepository
from recruiting_service.domain.scorecard import SubmittedEvaluation
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import Recommendation


@dataclass(frozen=True, slots=True)
class PanelProgress:
    """Who has scored an application and who has not, over its planned interviews."""

    planned: int
    awaiting: tuple[str, ...]  # member ids of seats without a scorecard

    @property
    def complete(self) -> bool:
        """Every planned interview's panel has submitted (and there was at least one)."""
        return self.planned > 0 and not self.awaiting


async def panel_progress(uow: UnitOfWork, application_id: uuid.UUID) -> PanelProgress:
    """Which seats of the application's planned interviews still owe a scorecard."""
    repo = InterviewRepository(uow.session)
    planned = [i for i in await repo.of_application(application_id) if i.status != "cancelled"]
    seats = await repo.seats([i.id for i in planned])
    evaluations = await repo.evaluations_by_interview([i.id for i in planned])
    awaiting = tuple(
        s.member_id
        for i in planned
        for s in seats[i.id]
        if s.member_id not in {e.interviewer_id for e in evaluations[i.id]}
    )
    return PanelProgress(planned=len(planned), awaiting=awaiting)


def submitted(evaluations: Sequence[Evaluation]) -> list[SubmittedEvaluation]:
    """Evaluations as the scorecard rules read them."""
    return [
        _submitted(e.interviewer_id, e.recommendation, e.scores, e.strengths, e.concerns)
        for e in evaluations
    ]


def submitted_values(evaluations: Sequence[Mapping[str, Any]]) -> list[SubmittedEvaluation]:
    """Evaluations read as values (`db.repositories.RejectionContext.evaluations`), as the
    scorecard rules read them."""
    return [
        _submitted(
            e["interviewer_id"], e["recommendation"], e["scores"], e["strengths"], e["concerns"]
        )
        for e in evaluations
    ]


def _submitted(
    interviewer_id: str,
    recommendation: str,
    scores: Sequence[Mapping[str, Any]],
    strengths: Sequence[str],
    concerns: Sequence[str],
) -> SubmittedEvaluation:
    return SubmittedEvaluation(
        interviewer_id=interviewer_id,
        recommendation=cast(Recommendation, recommendation),
        scores={s["dimension"]: s["score"] for s in scores},
        strengths=tuple(strengths),
        concerns=tuple(concerns),
    )
