"""Interviews, evaluations, the panel scorecard and interviewer calibration (S2)."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import cast

from sqlalchemy import select

from recruiting_service.api.schemas import (
    CalibrationRead,
    EvaluationCreate,
    EvaluationRead,
    InterviewCreate,
    InterviewRead,
    ScorecardRead,
)
from recruiting_service.db.models import Evaluation, Interview, Opening
from recruiting_service.db.repositories import (
    ApplicationRepository,
    CandidateRepository,
    InterviewRepository,
    OpeningRepository,
    after_cursor,
)
from recruiting_service.domain.decisions import IllegalTransition, transition
from recruiting_service.domain.scorecard import (
    SubmittedEvaluation,
    calibration,
    compute_scorecard,
)
from recruiting_service.service.common import decode_keyset, domain_problem, erased_problem
from talentloop_shared.auth import Principal
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import (
    Dimension,
    DimensionScore,
    EvaluationSubmitted,
    Interviewer,
    Recommendation,
)
from talentloop_shared.http.pagination import Page, page_of
from talentloop_shared.http.problems import ProblemError, conflict, not_found, unprocessable

SCHEDULABLE = ("screening", "interviewing")


def _forbidden(detail: str) -> ProblemError:
    return ProblemError(403, "Forbidden", detail, type_="forbidden")


def can_see_all(principal: Principal) -> bool:
    """HR and recruiters see every interview; interviewers only their own."""
    return principal.has_any("hr_admin", "recruiter", "integration")


def scheme_dimensions(opening: Opening) -> list[Dimension]:
    """The opening's evaluation scheme dimensions."""
    return [Dimension.model_validate(d) for d in opening.evaluation_scheme.get("dimensions", [])]


def _evaluation_read(evaluation: Evaluation) -> EvaluationRead:
    return EvaluationRead.model_validate(evaluation)


def _interview_read(interview: Interview, evaluation: Evaluation | None) -> InterviewRead:
    return InterviewRead(
        id=interview.id,
        application_id=interview.application_id,
        interviewer_id=interview.interviewer_id,
        department_id=interview.department_id,
        scheduled_at=interview.scheduled_at,
        dimensions=interview.dimensions,
        evaluation=_evaluation_read(evaluation) if evaluation else None,
        created_at=interview.created_at,
    )


async def schedule_interview(
    uow: UnitOfWork, *, application_id: uuid.UUID, data: InterviewCreate, actor: str
) -> InterviewRead:
    """Plan an interview with the dimensions the department owns; moves to interviewing."""
    apps = ApplicationRepository(uow.session)
    application = await apps.get_for_update(application_id)
    if application is None:
        raise not_found("application", application_id)
    if application.status not in SCHEDULABLE:
        raise conflict(
            f"interviews can be planned for applications at screening or interviewing; "
            f"this one is '{application.status}'",
            type_="illegal-transition",
        )
    opening = await OpeningRepository(uow.session).get(application.position_id)
    assert opening is not None  # applications reference their opening
    owned = [d for d in scheme_dimensions(opening) if d.department_id == data.department_id]
    if not owned:
        departments = sorted(
            {d.department_id for d in scheme_dimensions(opening) if d.department_id}
        )
        raise unprocessable(
            f"department_id: department {data.department_id} scores no dimension of this "
            "position's evaluation scheme "
            f"(departments that do: {', '.join(departments) or 'none'})",
            errors=[{"loc": ["body", "department_id"], "msg": "owns no scheme dimension"}],
        )
    now = datetime.now(UTC)
    if application.status == "screening":
        try:
            application.status = transition("screening", "advance")
        except IllegalTransition as exc:  # pragma: no cover - the machine allows it
            raise domain_problem(exc) from None
        application.updated_at = now
        apps.record_change(
            application,
            from_status="screening",
            actor=actor,
            reason=f"interview planned with {data.interviewer_id}",
        )
    interview = InterviewRepository(uow.session).add(
        Interview(
            id=uuid.uuid4(),
            application_id=application.id,
            interviewer_id=data.interviewer_id,
            department_id=data.department_id,
            scheduled_at=data.scheduled_at,
            dimensions=[{"key": d.key, "name": d.name, "weight": d.weight} for d in owned],
            created_by=actor,
            created_at=now,
        )
    )
    await uow.commit()
    return _interview_read(interview, None)


async def get_interview(
    uow: UnitOfWork, *, interview_id: uuid.UUID, principal: Principal
) -> InterviewRead:
    """One interview; an interviewer sees only their own."""
    repo = InterviewRepository(uow.session)
    interview = await repo.get(interview_id)
    if interview is None:
        raise not_found("interview", interview_id)
    if not can_see_all(principal) and interview.interviewer_id != principal.sub:
        raise _forbidden("interviewers see only the interviews assigned to them")
    return _interview_read(interview, await repo.evaluation_of(interview_id))


async def list_interviews(
    uow: UnitOfWork,
    *,
    principal: Principal,
    interviewer_id: str | None,
    application_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
) -> Page[InterviewRead]:
    """Interviews by schedule; an interviewer's list is always their own."""
    if not can_see_all(principal):
        if interviewer_id is not None and interviewer_id != principal.sub:
            raise _forbidden("interviewers see only the interviews assigned to them")
        interviewer_id = principal.sub
    stmt = select(Interview)
    if interviewer_id is not None:
        stmt = stmt.where(Interview.interviewer_id == interviewer_id)
    if application_id is not None:
        stmt = stmt.where(Interview.application_id == application_id)
    after = decode_keyset(cursor, datetime.fromisoformat, uuid.UUID)
    if after is not None:
        stmt = stmt.where(after_cursor([Interview.scheduled_at, Interview.id], after))
    repo = InterviewRepository(uow.session)
    rows = list(
        (
            await uow.session.scalars(
                stmt.order_by(Interview.scheduled_at, Interview.id).limit(limit + 1)
            )
        ).all()
    )
    evaluations = await repo.evaluations_by_interview([i.id for i in rows])
    return page_of(
        [_interview_read(i, evaluations.get(i.id)) for i in rows],
        limit,
        key=lambda i: (i.scheduled_at.isoformat(), i.id),
    )


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
        raise unprocessable(
            "scores: " + "; ".join(errors) + f" (assigned: {', '.join(assigned)})",
            errors=[{"loc": ["body", "scores"], "msg": e} for e in errors],
        )


async def submit_evaluation(
    uow: UnitOfWork, *, interview_id: uuid.UUID, data: EvaluationCreate, principal: Principal
) -> EvaluationRead:
    """Record the assigned interviewer's scorecard once; publish `evaluation-submitted`."""
    repo = InterviewRepository(uow.session)
    interview = await repo.get_for_update(interview_id)
    if interview is None:
        raise not_found("interview", interview_id)
    if not principal.has_any("hr_admin") and principal.sub != interview.interviewer_id:
        raise _forbidden("only the assigned interviewer (or hr_admin) can score this interview")
    if await repo.evaluation_of(interview_id) is not None:
        raise conflict(
            "this interview's evaluation was already submitted; evaluations are immutable",
            type_="evaluation-submitted",
        )
    _check_dimensions([d["key"] for d in interview.dimensions], [s.dimension for s in data.scores])
    application = await ApplicationRepository(uow.session).get(interview.application_id)
    assert application is not None
    # Locked: comments about a person must not land after (or during) their erasure.
    candidate = await CandidateRepository(uow.session).get_for_update(application.candidate_id)
    assert candidate is not None  # foreign key
    if (erased := erased_problem(candidate)) is not None:
        raise erased
    now = datetime.now(UTC)
    ev = Evaluation(
        id=uuid.uuid4(),
        interview_id=interview.id,
        application_id=interview.application_id,
        interviewer_id=interview.interviewer_id,
        department_id=interview.department_id,
        scores=[s.model_dump() for s in data.scores],
        strengths=list(data.strengths),
        concerns=list(data.concerns),
        recommendation=data.recommendation,
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
            scores=[DimensionScore(**s.model_dump()) for s in data.scores],
            strengths=list(data.strengths),
            concerns=list(data.concerns),
            recommendation=data.recommendation,
            submitted_at=now,
        ),
        subject=f"applications/{application.id}",
    )
    await uow.commit()
    return _evaluation_read(ev)


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


async def get_scorecard(uow: UnitOfWork, *, application_id: uuid.UUID) -> ScorecardRead:
    """The panel scorecard of an application."""
    application = await ApplicationRepository(uow.session).get(application_id)
    if application is None:
        raise not_found("application", application_id)
    opening = await OpeningRepository(uow.session).get(application.position_id)
    assert opening is not None
    evaluations = await InterviewRepository(uow.session).evaluations_of_applications(
        [application_id]
    )
    card = compute_scorecard(scheme_dimensions(opening), submitted(evaluations))
    return ScorecardRead(
        application_id=application_id,
        composite=card.composite,
        dimensions=card.dimensions,
        consistency=card.consistency,
        evaluations=[_evaluation_read(e) for e in evaluations],
    )


async def get_calibration(
    uow: UnitOfWork, *, interviewer_id: str, principal: Principal
) -> CalibrationRead:
    """How this interviewer scores relative to co-panelists."""
    if not principal.has_any("hr_admin", "recruiter") and principal.sub != interviewer_id:
        raise _forbidden("interviewers see only their own calibration")
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
    result = calibration(interviewer_id, [submitted(p) for p in panels.values()])
    return CalibrationRead(
        interviewer_id=result.interviewer_id,
        mean_deviation=result.mean_deviation,
        count=result.count,
    )
