"""The HR feedback dashboard."""

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import Query
from pydantic import AwareDatetime, BaseModel, ValidationInfo, field_validator

from notify_service.api.schemas import FeedbackSummaryRead
from notify_service.service.surveys import Grouping, feedback_summary
from talentloop_shared.auth.roles import Reader
from talentloop_shared.http import problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/feedback", tags=["feedback"])


class FeedbackFilters(BaseModel):
    """Which notices the summary counts, and how it groups them."""

    group_by: Annotated[
        Grouping,
        Query(
            description="week: the Monday (ISO date) of the week each notice was sent, oldest "
            "first; delay: minutes from the decision to sending, in buckets under_1h, "
            "1h_to_1d, 1d_to_3d, over_3d (and unsent)"
        ),
    ] = "template"
    kind: Literal["rejection", "invitation"] = "rejection"
    job_family: Annotated[
        str | None, Query(max_length=100, description="Only this job family's notices")
    ] = None
    template_id: Annotated[
        uuid.UUID | None, Query(description="Only the notices of this template")
    ] = None
    sent_from: Annotated[
        AwareDatetime | None, Query(description="Only notices sent at or after this time")
    ] = None
    sent_before: Annotated[
        AwareDatetime | None, Query(description="Only notices sent before this time")
    ] = None

    @field_validator("sent_before")
    @classmethod
    def _a_period(cls, value: datetime | None, info: ValidationInfo) -> datetime | None:
        start = info.data.get("sent_from")
        if value is not None and start is not None and value <= start:
            raise ValueError("must be later than sent_from")
        return value


@router.get(
    "/summary",
    summary="Survey results by template, job family, stage, week or delay",
    description="Counts and shares per group and over all groups, for every sent notice of "
    "the kind, or for a period: `sent_from` (inclusive) and `sent_before` (exclusive) bound "
    "when each notice was sent (a notice answered but never recorded as sent: when it was "
    "decided). Times need a zone, e.g. `2026-10-01T00:00:00+08:00`.",
    response_model=FeedbackSummaryRead,
    responses=problem_responses(401, 403, 422),
)
async def summary(
    uow: UowDep, principal: Reader, filters: Annotated[FeedbackFilters, Query()]
) -> FeedbackSummaryRead:
    summary = await feedback_summary(uow, **dict(filters))
    return FeedbackSummaryRead(
        group_by=filters.group_by, groups=summary.groups, overall=summary.overall
    )
