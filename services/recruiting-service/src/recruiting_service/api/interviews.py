"""Interviews (schedule, reschedule, cancel, my interviews), scorecards and calibration."""

import uuid
from typing import Annotated

from fastapi import Depends, Response

from recruiting_service.api.schemas import (
    CalibrationRead,
    EvaluationRead,
    InterviewRead,
    MyInterviewRead,
    ScorecardRead,
)
from recruiting_service.service import evaluations, interviews
from recruiting_service.service.inputs import (
    EvaluationCreate,
    InterviewCancel,
    InterviewCreate,
    InterviewUpdate,
)
from talentloop_shared.auth import Principal, require_roles
from talentloop_shared.auth.roles import AnyRole, Reader, Recruiter, Scorer
from talentloop_shared.http import (
    CursorQuery,
    IfMatch,
    LimitQuery,
    Page,
    problem_responses,
    set_etag,
)
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["interviews"])

# Everyone who may sit on a panel sees their own interviews, and only theirs.
OwnInterviews = Annotated[
    Principal, Depends(require_roles(own=("hr_admin", "recruiter", "interviewer")))
]


@router.post(
    "/applications/{application_id}/interviews",
    status_code=201,
    summary="Schedule an interview with its panel; publishes interview-scheduled",
    response_model=InterviewRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def schedule_interview(
    application_id: uuid.UUID,
    body: InterviewCreate,
    uow: UowDep,
    principal: Recruiter,
    response: Response,
) -> InterviewRead:
    record = await interviews.schedule_interview(
        uow, application_id=application_id, plan=body, by=principal.sub
    )
    set_etag(response, record.interview.version)
    response.headers["Location"] = f"/api/v1/interviews/{record.interview.id}"
    return InterviewRead.from_record(record)


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
    "/my/interviews",
    summary="My upcoming interviews, each with the dimensions I will score",
    response_model=Page[MyInterviewRead],
    responses=problem_responses(401, 403, 404, 422),
)
async def my_interviews(
    uow: UowDep,
    principal: OwnInterviews,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[MyInterviewRead]:
    page = await interviews.my_interviews(uow, principal=principal, limit=limit, cursor=cursor)
    return page.map(MyInterviewRead.from_mine)


@router.get(
    "/interviews/{interview_id}",
    summary="Read an interview",
    response_model=InterviewRead,
    responses=problem_responses(401, 403, 404),
)
async def get_interview(
    interview_id: uuid.UUID, uow: UowDep, principal: AnyRole, response: Response
) -> InterviewRead:
    record = await interviews.get_interview(uow, interview_id=interview_id, principal=principal)
    set_etag(response, record.interview.version)
    return InterviewRead.from_record(record)


@router.patch(
    "/interviews/{interview_id}",
    summary="Reschedule (time, place, notes, panel); publishes interview-rescheduled",
    response_model=InterviewRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def reschedule_interview(
    interview_id: uuid.UUID,
    body: InterviewUpdate,
    uow: UowDep,
    principal: Recruiter,
    expected: IfMatch,
    response: Response,
) -> InterviewRead:
    record = await interviews.reschedule_interview(
        uow, interview_id=interview_id, change=body, expected=expected, by=principal.sub
    )
    set_etag(response, record.interview.version)
    return InterviewRead.from_record(record)


@router.post(
    "/interviews/{interview_id}/cancel",
    summary="Cancel an interview nobody has scored; publishes interview-cancelled",
    response_model=InterviewRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def cancel_interview(
    interview_id: uuid.UUID,
    uow: UowDep,
    principal: Recruiter,
    response: Response,
    body: InterviewCancel | None = None,
) -> InterviewRead:
    record = await interviews.cancel_interview(
        uow, interview_id=interview_id, request=body or InterviewCancel(), by=principal.sub
    )
    set_etag(response, record.interview.version)
    return InterviewRead.from_record(record)


@router.post(
    "/interviews/{interview_id}/evaluation",
    status_code=201,
    summary="Submit a panel member's scorecard (their own, or hr_admin; once per member)",
    response_model=EvaluationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def submit_evaluation(
    interview_id: uuid.UUID, body: EvaluationCreate, uow: UowDep, principal: Scorer
) -> EvaluationRead:
    evaluation = await evaluations.submit_evaluation(
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
    scorecard = await evaluations.get_scorecard(uow, application_id=application_id)
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
    result = await evaluations.get_calibration(
        uow, interviewer_id=interviewer_id, principal=principal
    )
    return CalibrationRead.model_validate(result)
