"""Interviews, evaluations, the panel scorecard and interviewer calibration (S2)."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import select

from recruiting_service.db.models import Evaluation, Interview, Opening
from recruiting_service.db.repositories import (
    ApplicationRepository,
    CandidateRepository,
    InterviewRepository,
    OpeningRepository,
    keyset_page,
)
from recruiting_service.domain.applications import transition
from recruiting_service.domain.scorecard import (
    Calibration,
    PanelScorecard,
    SubmittedEvaluation,
    calibration,
    compute_scorecard,
)
from recruiting_service.service.candidates import refuse_if_erased
from recruiting_service.service.inputs import EvaluationCreate, InterviewCreate
from talentloop_shared.auth import Principal
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Conflict, FieldInvalid, Forbidden, Invalid
from talentloop_shared.events.payloads import (
    Dimension,
    DimensionScore,
    EvaluationSubmitted,
    Interviewer,
    Recommendation,
)
from talentloop_shared.pagination import Keyset, Page

SCHEDULABLE = ("screening", "interviewing")
# Interviews are listed by schedule: (scheduled_at, id).
INTERVIEWS = Keyset(datetime, uuid.UUID)
ONLY_OWN = "interviewers see only the interviews assigned to them"


@dataclass(frozen=True, slots=True)
class InterviewRecord:
    """An interview and, once submitted, its evaluation."""

    interview: Interview
    evaluation: Evaluation | None = None


@dataclass(frozen=True, slots=True)
class ApplicationScorecard:
    """The panel's scorecard of an application and the evaluations it rests on."""

    application_id: uuid.UUID
    card: PanelScorecard
    evaluations: Sequence[Evaluation]


def can_see_all(principal: Principal) -> bool:
    """HR and recruiters see every interview; interviewers only their own."""
    return principal.has_any("hr_admin", "recruiter", "integration")


def scheme_dimensions(opening: Opening) -> list[Dimension]:
    """The opening's evaluation scheme dimensions."""
    return [Dimension.model_validate(d) for d in opening.evaluation_scheme.get("dimensions", [])]


async def schedule_interview(
    uow: UnitOfWork, *, application_id: uuid.UUID, plan: InterviewCreate, by: str
) -> Interview:
    """Plan an interview with the dimensions the department owns; moves to interviewing."""
    apps = ApplicationRepository(uow.session)
    application = await apps.get_or_raise(application_id, for_update=True)
    if application.status not in SCHEDULABLE:
        raise Conflict(
            f"interviews can be planned for applications at screening or interviewing; "
            f"this one is '{application.status}'",
            type_="illegal-transition",
        )
    opening = await OpeningRepository(uow.session).get(application.position_id)
    assert opening is not None  # applications reference their opening
    owned = [d for d in scheme_dimensions(opening) if d.department_id == plan.department_id]
    if not owned:
        departments = sorted(
            {d.department_id for d in scheme_dimensions(opening) if d.department_id}
        )
        raise FieldInvalid(
            "department_id",
            f"department {plan.department_id} scores no dimension of this position's "
            f"evaluation scheme (departments that do: {', '.join(departments) or 'none'})",
        )
    now = uow.clock.now()
    if application.status == "screening":
        application.status = transition("screening", "advance")
        application.updated_at = now
        apps.record_change(
            application,
            from_status="screening",
            by=by,
            at=now,
            reason=f"interview planned with {plan.interviewer_id}",
        )
    interview = InterviewRepository(uow.session).add(
        Interview(
            id=uuid.uuid4(),
            application_id=application.id,
            interviewer_id=plan.interviewer_id,
            department_id=plan.department_id,
            scheduled_at=plan.scheduled_at,
            dimensions=[{"key": d.key, "name": d.name, "weight": d.weight} for d in owned],
            created_by=by,
            created_at=now,
        )
    )
    await uow.commit()
    return interview


async def get_interview(
    uow: UnitOfWork, *, interview_id: uuid.UUID, principal: Principal
) -> InterviewRecord:
    """One interview; an interviewer sees only their own."""
    repo = InterviewRepository(uow.session)
    interview = await repo.get_or_raise(interview_id)
    if not can_see_all(principal) and interview.interviewer_id != principal.sub:
        raise Forbidden(ONLY_OWN)
    return InterviewRecord(interview, await repo.evaluation_of(interview_id))


async def list_interviews(
    uow: UnitOfWork,
    *,
    principal: Principal,
    interviewer_id: str | None,
    application_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
) -> Page[InterviewRecord]:
    """Interviews by schedule; an interviewer's list is always their own."""
    if not can_see_all(principal):
        if interviewer_id is not None and interviewer_id != principal.sub:
            raise Forbidden(ONLY_OWN)
        interviewer_id = principal.sub
    stmt = select(Interview)
    if interviewer_id is not None:
        stmt = stmt.where(Interview.interviewer_id == interviewer_id)
    if application_id is not None:
        stmt = stmt.where(Interview.application_id == application_id)
    page = await keyset_page(
        uow.session,
        stmt,
        keyset=INTERVIEWS,
        order_by=[Interview.scheduled_at, Interview.id],
        cursor=cursor,
        limit=limit,
    )
    evaluations = await InterviewRepository(uow.session).evaluations_by_interview(
        [i.id for i in page.items]
    )
    return page.map(lambda i: InterviewRecord(i, evaluations.get(i.id)))


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


async def submit_evaluation(
    uow: UnitOfWork, *, interview_id: uuid.UUID, scorecard: EvaluationCreate, principal: Principal
) -> Evaluation:
    """Record the assigned interviewer's scorecard once; publish `evaluation-submitted`."""
    repo = InterviewRepository(uow.session)
    interview = await repo.get_or_raise(interview_id, for_update=True)
    if not principal.has_any("hr_admin") and principal.sub != interview.interviewer_id:
        raise Forbidden("only the assigned interviewer (or hr_admin) can score this interview")
    if await repo.evaluation_of(interview_id) is not None:
        raise Conflict(
            "this interview's evaluation was already submitted; evaluations are immutable",
            type_="evaluation-submitted",
        )
    _check_dimensions(
        [d["key"] for d in interview.dimensions], [s.dimension for s in scorecard.scores]
    )
    application = await ApplicationRepository(uow.session).get(interview.application_id)
    assert application is not None
    # Locked: comments about a person must not land after (or during) their erasure.
    candidate = await CandidateRepository(uow.session).get_for_update(application.candidate_id)
    assert candidate is not None  # foreign key
    refuse_if_erased(candidate)
    now = uow.clock.now()
    ev = Evaluation(
        id=uuid.uuid4(),
        interview_id=interview.id,
        application_id=interview.application_id,
        interviewer_id=interview.interviewer_id,
        department_id=interview.department_id,
        scores=[s.model_dump() for s in scorecard.scores],
        strengths=list(scorecard.strengths),
        concerns=list(scorecard.concerns),
        recommendation=scorecard.recommendation,
        submitted_by=principal.sub,
        submitted_at=now,
    )
    uow.session.add(ev)
    uow.publish(
        EvaluationSubmitted(
            evaluation_id=str(ev.id),
            interview_id=str(interview.id),
            application_id=str(application.id),
            candidate_id=str(application.candidate_id),
            position_id=str(application.position_id),
            interviewer=Interviewer(
                id=interview.interviewer_id, department_id=interview.department_id
            ),
            scores=[DimensionScore(**s.model_dump()) for s in scorecard.scores],
            strengths=list(scorecard.strengths),
            concerns=list(scorecard.concerns),
            recommendation=scorecard.recommendation,
            submitted_at=now,
        ),
        subject=f"applications/{application.id}",
    )
    await uow.commit()
    return ev


def submitted(evaluations: Sequence[Evaluation]) -> list[SubmittedEvaluation]:
    """Evaluations as the scorecard rules read them."""
    return [
        SubmittedEvaluation(
            interviewer_id=e.interviewer_id,
            recommendation=cast(Recommendation, e.recommendation),
            scores={s["dimension"]: s["score"] for s in e.scores},
            strengths=tuple(e.strengths),
            concerns=tuple(e.concerns),
        )
        for e in evaluations
    ]


async def get_scorecard(uow: UnitOfWork, *, application_id: uuid.UUID) -> ApplicationScorecard:
    """The panel scorecard of an application."""
    application = await ApplicationRepository(uow.session).get_or_raise(application_id)
    opening = await OpeningRepository(uow.session).get(application.position_id)
    assert opening is not None
    evaluations = await InterviewRepository(uow.session).evaluations_of_applications(
        [application_id]
    )
    card = compute_scorecard(scheme_dimensions(opening), submitted(evaluations))
    return ApplicationScorecard(application_id, card, evaluations)


async def get_calibration(
    uow: UnitOfWork, *, interviewer_id: str, principal: Principal
) -> Calibration:
    """How this interviewer scores relative to co-panelists."""
    if not principal.has_any("hr_admin", "recruiter") and principal.sub != interviewer_id:
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
