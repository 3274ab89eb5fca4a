"""Position endpoints: create, upsert by the ERP's code, read, edit (If-Match), close/reopen,
list, history."""

import uuid
from functools import partial
from typing import Annotated, Literal

from fastapi import Query, Response
from pydantic import BaseModel

from org_service.api.schemas import PositionRead, PositionVersionRead
from org_service.domain import lengths
from org_service.service import positions as use_cases
from org_service.service.inputs import PositionCreate, PositionUpdate, PositionUpsert
from talentloop_shared.auth.roles import AnyRole, HrAdmin, Integrator
from talentloop_shared.errors import etag
from talentloop_shared.http import (
    CursorQuery,
    LimitQuery,
    Page,
    model_response,
    problem_responses,
)
from talentloop_shared.http.codes import code_path
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import ReadsDep, api_router

router = api_router(prefix="/api/v1/positions", tags=["positions"])
CodePath = code_path("The ERP's code", max_length=lengths.CODE)
positions = Resource(
    router, PositionRead.from_row, readers=AnyRole, writers=HrAdmin, item="/{position_id}"
)

positions.create(
    use_cases.create_position,
    PositionCreate,
    summary="Create a position (version 1)",
    errors=(409,),
)
positions.upsert(
    "/by-code/{code}",
    use_cases.upsert_position_by_code,
    PositionUpsert,
    role=Integrator,
    params={"code": CodePath},
    name="upsert_position",
    summary="Create or update a position by the ERP's code (idempotent)",
    description="201 when created (version 1), 200 when updated or unchanged. References go "
    "by code: `org_unit_code`, `reports_to_code`, each dimension's `department_code`, and "
    "`owners.recruiter_code` / `owners.hiring_manager_code` (or their `_id`s); every unknown "
    "code is named in one 422. Fields you leave out keep their value, so a sync that only "
    "knows the structure never wipes the requirements HR maintains. Sending what is stored "
    "changes nothing: same version, no history row, no event. `If-Match` is optional (412 "
    "on a stale version).",
    errors=(409,),
)


class PositionFilters(BaseModel):
    """Which positions to list."""

    org_unit_id: uuid.UUID | None = None
    include_subtree: Annotated[bool, Query(description="Include units below org_unit_id")] = False
    status: Literal["open", "closed"] | None = None
    job_family: str | None = None
    q: Annotated[str | None, Query(max_length=200, description="Part of the title or the code")] = (
        None
    )


@router.get(
    "",
    summary="List positions",
    description="Filter by org unit (with `include_subtree=true`, also every unit below it), "
    "status, job family and a search text `q` (part of the title or the code); ordered by "
    "creation.",
    response_model=Page[PositionRead],
    responses=problem_responses(401, 403, 404, 422),
)
async def list_positions(
    reads: ReadsDep,
    principal: AnyRole,
    filters: Annotated[PositionFilters, Query()],
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Response:
    page = await use_cases.list_positions(reads, **dict(filters), limit=limit, cursor=cursor)
    # Validated once, serialised once (the route's response_model is the schema only).
    return model_response(
        _POSITIONS_PAGE.model_validate({"items": page.items, "next_cursor": page.next_cursor})
    )


_POSITIONS_PAGE = Page[PositionRead]


@router.get(
    "/{position_id}",
    summary="Read a position (ETag = version)",
    response_model=PositionRead,
    responses=problem_responses(401, 403, 404),
)
async def get_position(position_id: uuid.UUID, reads: ReadsDep, principal: AnyRole) -> Response:
    position = PositionRead.model_validate(
        await use_cases.get_position(reads, position_id=position_id)
    )
    return model_response(position, headers={"ETag": etag(position.version)})


positions.update(
    use_cases.update_position,
    PositionUpdate,
    summary="Change a position (partial; If-Match honoured)",
    description='Send `If-Match: "<version>"` (the ETag) to refuse the change with 412 when '
    "someone else changed the position since you read it. Without If-Match (or with `*`) the "
    "change applies to the current version. A real change bumps `version`, records history "
    "and publishes `position-changed` (`updated`); an edit that changes nothing does none of "
    "that.",
    errors=(404, 409),
)
positions.action(
    "close",
    partial(use_cases.set_status, status="closed"),
    name="close_position",
    summary="Close a position for hiring (publishes `closed`)",
    errors=(404, 409),
)
positions.action(
    "reopen",
    partial(use_cases.set_status, status="open"),
    name="reopen_position",
    summary="Reopen a closed position (publishes `reopened`)",
    errors=(404, 409),
)
positions.page(
    use_cases.position_history,
    path="/{position_id}/history",
    read=PositionVersionRead.from_row,
    summary="Every version of a position: what changed, who and when",
    errors=(404,),
)
