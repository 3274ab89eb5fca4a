"""Interviews (schedule, reschedule, cancel, my interviews), scorecards and calibration."""

import uuid
from typing import Annotated

from fastapi import Depends
from pydantic import BaseModel

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
from talentloop_shared.auth.roles import Reader, Recruiter, Scorer
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import api_router

router = api_router(prefix="/api/v1", tags=["interviews"])

# Everyone who may sit on a panel sees their own interviews, and only theirs.
OwnInterviews = Annotated[
    Principal, Depends(require_roles(own=("hr_admin", "recruiter", "interviewer")))
]
# HR, recruiters and integrations read every interview; an interviewer the ones they sit
# on, with their own scorecards only.
InterviewReaders = Annotated[
    Principal,
    Depends(require_roles("hr_admin", "recruiter", "integration", own=("interviewer",))),
]


interview = Resource(
    router,
    InterviewRead.from_record,
    readers=InterviewReaders,
    writers=Recruiter,
    item="/interviews/{interview_id}",
)


class InterviewFilters(BaseModel):
    """Which interviews to list."""

    interviewer_id: str | None = None
    application_id: uuid.UUID | None = None


interview.create(
    interviews.schedule_interview,
    InterviewCreate,
    path="/applications/{application_id}/interviews",
    summary="Schedule an interview with its panel; publishes interview-scheduled",
    errors=(404, 409),
)
interview.page(
    interviews.list_interviews,
    InterviewFilters,
    summary="List interviews (an interviewer sees only their own)",
)
interview.page(
    interviews.my_interviews,
    role=OwnInterviews,
    path="/my/interviews",
    read=MyInterviewRead.from_mine,
    summary="My interviews to prepare or to score: upcoming ones, and past ones whose "
    "scorecard I still owe",
    errors=(404,),
)
interview.get(interviews.get_interview, summary="Read an interview")
interview.update(
    interviews.reschedule_interview,
    InterviewUpdate,
    summary="Reschedule (time, place, notes, panel); publishes interview-rescheduled",
    errors=(404, 409),
)
interview.action(
    "cancel",
    interviews.cancel_interview,
    body=InterviewCancel | None,
    summary="Cancel an interview nobody has scored; publishes interview-cancelled",
    errors=(404, 409),
)
interview.action(
    "evaluation",
    evaluations.submit_evaluation,
    role=Scorer,
    body=EvaluationCreate,
    status_code=201,
    read=EvaluationRead,
    etag=False,
    summary="Submit a panel member's scorecard (their own, or hr_admin; once per member)",
    errors=(404, 409),
)


scorecard = Resource(
    router,
    ScorecardRead.from_scorecard,
    readers=Reader,
    item="/applications/{application_id}/scorecard",
)
scorecard.get(
    evaluations.get_scorecard,
    summary="The panel scorecard: weighted composite, dimension means, consistency",
)
# No role alias fits: HR and recruiters see anyone's calibration, an interviewer only their own.
CalibrationReaders = Annotated[
    Principal, Depends(require_roles("hr_admin", "recruiter", own=("interviewer",)))
]
calibration = Resource(
    router,
    CalibrationRead,
    readers=CalibrationReaders,
    item="/interviewers/{interviewer_id}/calibration",
    params={"interviewer_id": str},
)
calibration.get(
    evaluations.get_calibration,
    summary="How an interviewer scores compared with co-panelists",
    errors=(),
)
