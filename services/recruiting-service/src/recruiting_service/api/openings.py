"""Openings: the local copy of open positions."""

import uuid

from recruiting_service.api.schemas import OpeningRead
from recruiting_service.service import openings
from talentloop_shared.auth.roles import AnyRole
from talentloop_shared.http import CursorQuery, LimitQuery, Page, problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["openings"])


@router.get(
    "/openings",
    summary="List open openings",
    response_model=Page[OpeningRead],
    responses=problem_responses(401, 403, 422),
)
async def list_openings(
    uow: UowDep,
    principal: AnyRole,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    job_family: str | None = None,
) -> Page[OpeningRead]:
    page = await openings.list_openings(uow, limit=limit, cursor=cursor, job_family=job_family)
    return page.map(OpeningRead.from_row)


@router.get(
    "/openings/{position_id}",
    summary="Read an opening (open or closed)",
    response_model=OpeningRead,
    responses=problem_responses(401, 403, 404),
)
async def get_opening(position_id: uuid.UUID, uow: UowDep, principal: AnyRole) -> OpeningRead:
    return OpeningRead.from_row(await openings.get_opening(uow, position_id=position_id))
