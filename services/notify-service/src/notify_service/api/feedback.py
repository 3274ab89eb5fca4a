"""The HR feedback dashboard."""

import uuid
from typing import Annotated, Literal

from fastapi import Query

from notify_service.api.schemas import FeedbackSummaryRead
from notify_service.service.surveys import feedback_summary
from talentloop_shared.auth.roles import Reader
from talentloop_shared.http import problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/feedback", tags=["feedback"])


@router.get(
    "/summary",
    summary="Survey results by template, job family, stage, week or delay",
    response_model=FeedbackSummaryRead,
    responses=problem_responses(401, 403, 422),
)
async def summary(
    uow: UowDep,
    principal: Reader,
    group_by: Annotated[
        Literal["template", "job_family", "stage", "week", "delay"],
        Query(
            description="week: the Monday (ISO date) of the week each notice was sent, oldest "
            "first; delay: minutes from the decision to sending, in buckets under_1h, "
            "1h_to_1d, 1d_to_3d, over_3d (and unsent)"
        ),
    ] = "template",
    kind: Literal["rejection", "invitation"] = "rejection",
    job_family: Annotated[
        str | None, Query(max_length=100, description="Only this job family's notices")
    ] = None,
    template_id: Annotated[
        uuid.UUID | None, Query(description="Only the notices of this template")
    ] = None,
) -> FeedbackSummaryRead:
    summary = await feedback_summary(
        uow, group_by=group_by, kind=kind, job_family=job_family, template_id=template_id
    )
    return FeedbackSummaryRead(group_by=group_by, groups=summary.groups, overall=summary.overall)
