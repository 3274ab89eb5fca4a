"""Development plans of new hires (seeded by candidate-hired)."""

import uuid
from typing import Annotated

from fastapi import Query

from talent_service.api.schemas import DevelopmentPlanRead
from talent_service.service import development
from talentloop_shared.auth.roles import Reader
from talentloop_shared.http import CursorQuery, LimitQuery, Page, problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["development plans"])


@router.get(
    "/development-plans",
    summary="New hires' development plans",
    response_model=Page[DevelopmentPlanRead],
    responses=problem_responses(401, 403, 422),
)
async def list_plans(
    uow: UowDep,
    _: Reader,
    person_id: Annotated[str | None, Query(max_length=64, description="The person hired")] = None,
    application_id: Annotated[
        str | None, Query(max_length=64, description="The application that ended in the hire")
    ] = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[DevelopmentPlanRead]:
    """Plans newest first, of one person or one application if given."""
    page = await development.list_plans(
        uow, person_id=person_id, application_id=application_id, limit=limit, cursor=cursor
    )
    return page.map(DevelopmentPlanRead.from_row)


@router.get(
    "/development-plans/{plan_id}",
    summary="A new hire's development plan",
    response_model=DevelopmentPlanRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_plan(plan_id: uuid.UUID, uow: UowDep, _: Reader) -> DevelopmentPlanRead:
    """The scorecard's gaps and the catalogue courses that cover them."""
    return DevelopmentPlanRead.from_row(await development.get_plan(uow, plan_id=plan_id))
