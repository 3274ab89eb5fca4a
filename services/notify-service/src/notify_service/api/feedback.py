"""The HR feedback dashboard."""

from typing import Literal

from notify_service.api.schemas import FeedbackSummaryRead
from notify_service.service.surveys import feedback_summary
from talentloop_shared.auth.roles import Reader
from talentloop_shared.http import problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/feedback", tags=["feedback"])


@router.get(
    "/summary",
    summary="Survey results by template, job family or stage",
    response_model=FeedbackSummaryRead,
    responses=problem_responses(401, 403, 422),
)
async def summary(
    uow: UowDep,
    principal: Reader,
    group_by: Literal["template", "job_family", "stage"] = "template",
    kind: Literal["rejection", "invitation"] = "rejection",
) -> FeedbackSummaryRead:
    summary = await feedback_summary(uow, group_by=group_by, kind=kind)
    return FeedbackSummaryRead(group_by=group_by, groups=summary.groups, overall=summary.overall)
