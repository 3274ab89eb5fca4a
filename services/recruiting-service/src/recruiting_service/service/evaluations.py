"""Scorecards: each panel member scores their department's dimensions once; the panel
scorecard of an application; interviewer calibration (S2).

The panel of an application is complete when every planned (not cancelled) interview's
panel has submitted; that is when the decision policy looks at it (`service/policy.py`).
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from recruiting_service.db.models import Evaluation, PanelSeat
from recruiting_service.db.repositories import (
    ApplicationRepository,
    CandidateRepository,
    InterviewRepository,
    OpeningRepository,
)
from recruiting_service.domain.scorecard import (
    Calibration,
    PanelScorecard,
    calibration,
    compute_scorecard,
)
from recruiting_service.service.candidates import refuse_if_erased
from recruiting_service.service.inputs import EvaluationCreate
from recruiting_service.service.people import identities_of
from recruiting_service.service.policy import apply_policy
from recruiting_service.service.positions import scheme_dimensions
from recruiting_service.service.scorecards import PanelProgress, panel_progress, submitted
from talentloop_shared.auth import Principal
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Conflict, Forbidden, Invalid
from talentloop_shared.events.payloads import (
    DimensionScore,
    EvaluationSubmitted,
    Interviewer,
)


@dataclass(frozen=True, slots=True)
class ApplicationScorecard:
    """The panel's scorecard of an application and the evaluations it rests on."""

    application_id: uuid.UUID
    card: PanelScorecard
    evaluations: Sequence[Evaluation]
    progress: PanelProgress


def _check_dimensions(assigned: Sequence[str], given: Sequence[str]) -> None:
    duplicates = [d for d, n in Counter(given).items() if n > 1]
    missing = [d for d in assigned if d not in given]
    extra = [d for d in dict.fromkeys(given) if d not in assigned]
    errors = []
    if missing:
        errors.append(f"missing scores for {', '.join(missing)}")
    if extra:
        errors.append(f"{', '.join(extra)} not assigned to this interview")
    if duplicates:
        errors.append(f"scored more than once: {', '.join(duplicates)}")
    if errors:
        raise Invalid(
            "scores: " + "; ".join(errors) + f" (assigned: {', '.join(assigned)})",
            errors=[{"loc": ["body", "scores"], "msg": e} for e in errors],
        )


def _seat_of(
    seats: Sequence[PanelSeat], *, named: str | None, mine: set[str], admin: bool
) -> PanelSeat:
    """The seat a scorecard is for: the one named (hr_admin, or the caller's own), else
    the caller's own seat; hr_admin may score a panel of one without naming it. Only
    hr_admin is told who else sits on the panel."""
    own = [s for s in seats if s.member_id in mine or str(s.person_id) in mine]
    if not admin:
        if not own:
            raise Forbidden("only a member of this interview's panel (or hr_admin) can score it")
        if named is not None:
            seat = next((s for s in own if s.member_id == named), None)
            if seat is None:
                raise Forbidden("panel members submit their own scorecard only (or hr_admin)")
            return seat
        if len(own) == 1:
            return own[0]
        raise Invalid(
            "interviewer_id: say which of your seats this scorecard is for "
            f"(yours: {', '.join(s.member_id for s in own)})",
            errors=[{"loc": ["body", "interviewer_id"], "msg": "required: you have two seats"}],
        )
    if named is not None:
        seat = next((s for s in seats if s.member_id == named), None)
        if seat is None:
            raise Invalid(
                f"interviewer_id: {named} is not on this interview's panel "
                f"(panel: {', '.join(s.member_id for s in seats)})",
                errors=[{"loc": ["body", "interviewer_id"], "msg": "not on the panel"}],
            )
        return seat
    if len(own) == 1:
        return own[0]
    if len(seats) == 1:
        return seats[0]
    raise Invalid(
        "interviewer_id: say which panel member this scorecard is for "
        f"(panel: {', '.join(s.member_id for s in seats)})",
        errors=[{"loc": ["body", "interviewer_id"], "msg": "required for this panel"}],
    )


async def submit_evaluation(
    uow: UnitOfWork, *, interview_id: uuid.UUID, scorecard: EvaluationCreate, principal: Principal
) -> Evaluation:
    """Record a panel member's scorecard once; publish `evaluation-submitted`; when it
    completes the panel, apply the decision policy in the same transaction."""
    repo = InterviewRepository(uow.session)
    found = await repo.get_or_raise(interview_id)
    mine = await identities_of(uow, principal.sub)
    admin = principal.has_any("hr_admin")
    if not admin:
        # Who may score is settled before anything about the candidate is read or locked:
        # someone off the panel learns nothing (not who sits on it, not an erasure). The
        # seat is checked again below, under the locks.
        _seat_of(
            (await repo.seats([interview_id]))[interview_id],
            named=scorecard.interviewer_id,
            mine=mine,
            admin=False,
        )
    application = await ApplicationRepository(uow.session).get_or_raise(found.application_id)
    # Locked first: comments about a person must not land after (or during) their
    # erasure. Then the application (one decision at a time), then the interview.
    candidate = await CandidateRepository(uow.session).get_for_update(application.candidate_id)
    assert candidate is not None  # foreign key
    application = await ApplicationRepository(uow.session).get_or_raise(
        application.id, for_update=True
    )
    interview = await repo.get_or_raise(interview_id, for_update=True)
    refuse_if_erased(candidate)  # the first reason to refuse (erasure cancels interviews too)
    seats = (await repo.seats([interview_id]))[interview_id]
    seat = _seat_of(seats, named=scorecard.interviewer_id, mine=mine, admin=admin)
    if interview.status == "cancelled":
        raise Conflict(f"interview {interview_id} was cancelled", type_="interview-cancelled")
    done = (await repo.evaluations_by_interview([interview_id]))[interview_id]
    if any(e.interviewer_id == seat.member_id for e in done):
        raise Conflict(
            f"{seat.member_id}'s evaluation of this interview was already submitted; "
            "evaluations are immutable",
            type_="evaluation-submitted",
        )
    _check_dimensions([d["key"] for d in seat.dimensions], [s.dimension for s in scorecard.scores])
    now = uow.clock.now()
    ev = Evaluation(
        id=uuid.uuid4(),
        interview_id=interview.id,
        application_id=interview.application_id,
        interviewer_id=seat.member_id,
        department_id=seat.department_id,
        scores=[s.model_dump() for s in scorecard.scores],
        strengths=list(scorecard.strengths),
        concerns=list(scorecard.concerns),
        recommendation=scorecard.recommendation,
        submitted_by=principal.sub,
        submitted_at=now,
    )
    uow.session.add(ev)
    await uow.session.flush()
    uow.publish(
        EvaluationSubmitted(
            evaluation_id=str(ev.id),
            interview_id=str(interview.id),
            application_id=str(application.id),
            candidate_id=str(application.candidate_id),
            position_id=str(application.position_id),
            interviewer=Interviewer(id=seat.member_id, department_id=seat.department_id),
            scores=[DimensionScore(**s.model_dump()) for s in scorecard.scores],
            strengths=list(scorecard.strengths),
            concerns=list(scorecard.concerns),
            recommendation=scorecard.recommendation,
            submitted_at=now,
        ),
        subject=f"applications/{application.id}",
    )
    await apply_policy(uow, application, candidate)
    await uow.commit()
    return ev


async def get_scorecard(uow: UnitOfWork, *, application_id: uuid.UUID) -> ApplicationScorecard:
    """The panel scorecard of an application, and who still owes a scorecard."""
    application = await ApplicationRepository(uow.session).get_or_raise(application_id)
    opening = await OpeningRepository(uow.session).get(application.position_id)
    assert opening is not None
    evaluations = await InterviewRepository(uow.session).evaluations_of_applications(
        [application_id]
    )
    card = compute_scorecard(scheme_dimensions(opening), submitted(evaluations))
    progress = await panel_progress(uow, application_id)
    return ApplicationScorecard(application_id, card, evaluations, progress)


async def get_calibration(
    uow: UnitOfWork, *, interviewer_id: str, principal: Principal
) -> Calibration:
    """How this interviewer scores relative to co-panelists."""
    if not principal.has_any("hr_admin", "recruiter") and interviewer_id not in (
        await identities_of(uow, principal.sub)
    ):
        raise Forbidden("interviewers see only their own calibration")
    own_applications = select(Evaluation.application_id).where(
        Evaluation.interviewer_id == interviewer_id
    )
    evaluations = (
        await uow.session.scalars(
            select(Evaluation).where(Evaluation.application_id.in_(own_applications))
        )
    ).all()
    panels: dict[uuid.UUID, list[Evaluation]] = defaultdict(list)
    for e in evaluations:
        panels[e.application_id].append(e)
    return calibration(interviewer_id, [submitted(p) for p in panels.values()])
