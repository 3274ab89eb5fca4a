"""Interviews, evaluations, scorecards and calibration."""

import uuid
from typing import Annotated

from fastapi import Depends

from recruiting_service.api.schemas import (
    CalibrationRead,
    EvaluationRead,
    InterviewRead,
    ScorecardRead,
)
from recruiting_service.service import interviews
from recruiting_service.service.inputs import EvaluationCreate, InterviewCreate
from talentloop_shared.auth import Principal, require_roles
from talentloop_shared.auth.roles import AnyRole, Reader, Recruiter, Scorer
from talentloop_shared.http import CursorQuery, LimitQuery, Page, problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["interviews"])


@router.post(
    "/applications/{application_id}/interviews",
    status_code=201,
    summary="Plan an interview with the dimensions the department scores",
    response_model=InterviewRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def schedule_interview(
    application_id: uuid.UUID, body: InterviewCreate, uow: UowDep, principal: Recruiter
) -> InterviewRead:
    interview = await interviews.schedule_interview(
        uow, application_id=application_id, plan=body, by=principal.sub
    )
    return InterviewRead.from_row(interview)


@router.get(
    "/interviews",
    summary="List interviews (an interviewer sees only their own)",
    response_model=Page[InterviewRead],
    responses=problem_responses(401, 403, 422),
)
async def list_interviews(
    uow: UowDep,
    principal: AnyRole,
    interviewer_id: str | None = None,
    application_id: uuid.UUID | None = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[InterviewRead]:
    page = await interviews.list_interviews(
        uow,
        principal=principal,
        interviewer_id=interviewer_id,
        application_id=application_id,
        limit=limit,
        cursor=cursor,
    )
    return page.map(InterviewRead.from_record)


@router.get(
    "/interviews/{interview_id}",
    summary="Read an interview",
    response_model=InterviewRead,
    responses=problem_responses(401, 403, 404),
)
async def get_interview(interview_id: uuid.UUID, uow: UowDep, principal: AnyRole) -> InterviewRead:
    record = await interviews.get_interview(uow, interview_id=interview_id, principal=principal)
    return InterviewRead.from_record(record)


@router.post(
    "/interviews/{interview_id}/evaluation",
    status_code=201,
    summary="Submit the scorecard (assigned interviewer or hr_admin; once)",
    response_model=EvaluationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def submit_evaluation(
    interview_id: uuid.UUID, body: EvaluationCreate, uow: UowDep, principal: Scorer
) -> EvaluationRead:
    evaluation = await interviews.submit_evaluation(
        uow, interview_id=interview_id, scorecard=body, principal=principal
    )
    return EvaluationRead.model_validate(evaluation)


@router.get(
    "/applications/{application_id}/scorecard",
    summary="The panel scorecard: weighted composite, dimension means, consistency",
    response_model=ScorecardRead,
    responses=problem_responses(401, 403, 404),
)
async def get_scorecard(application_id: uuid.UUID, uow: UowDep, principal: Reader) -> ScorecardRead:
    scorecard = await interviews.get_scorecard(uow, application_id=application_id)
    return ScorecardRead.from_scorecard(scorecard)


@router.get(
    "/interviewers/{interviewer_id}/calibration",
    summary="How an interviewer scores compared with co-panelists",
    response_model=CalibrationRead,
    responses=problem_responses(401, 403),
)
async def get_calibration(
    interviewer_id: str,
    uow: UowDep,
    # No alias fits: HR and recruiters see anyone's, an interviewer only their own.
    principal: Annotated[
        Principal, Depends(require_roles("hr_admin", "recruiter", own=("interviewer",)))
    ],
) -> CalibrationRead:
    result = await interviews.get_calibration(
        uow, interviewer_id=interviewer_id, principal=principal
    )
    return CalibrationRead.model_validate(result)
