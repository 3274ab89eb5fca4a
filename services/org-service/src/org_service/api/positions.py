"""Position endpoints: create, upsert by the ERP's code, read, edit (If-Match), close/reopen,
list, history."""

import uuid
from typing import Annotated, Literal

from fastapi import Path, Query, Response

from org_service.api.schemas import PositionRead, PositionVersionRead
from org_service.db.repositories import PositionInUnit
from org_service.service import positions as use_cases
from org_service.service.inputs import PositionCreate, PositionUpdate, PositionUpsert
from talentloop_shared.auth.roles import AnyRole, HrAdmin, Integrator
from talentloop_shared.errors import etag
from talentloop_shared.http import (
    CursorQuery,
    IfMatch,
    LimitQuery,
    Page,
    model_response,
    problem_responses,
    set_etag,
)
from talentloop_shared.service import ReadsDep, UowDep, api_router

router = api_router(prefix="/api/v1/positions", tags=["positions"])


def _answer(response: Response, row: PositionInUnit) -> PositionRead:
    """The position, with its version as the ETag."""
    set_etag(response, row.position.version)
    return PositionRead.from_row(row)


@router.post(
    "",
    status_code=201,
    summary="Create a position (version 1)",
    responses=problem_responses(401, 403, 409, 422),
)
async def create_position(
    body: PositionCreate, uow: UowDep, principal: HrAdmin, response: Response
) -> PositionRead:
    row = await use_cases.create_position(uow, data=body, by=principal.sub)
    response.headers["Location"] = f"/api/v1/positions/{row.position.id}"
    return _answer(response, row)


@router.put(
    "/by-code/{code}",
    summary="Create or update a position by the ERP's code (idempotent)",
    description="201 when created (version 1), 200 when updated or unchanged. References go "
    "by code: `org_unit_code`, `reports_to_code`, each dimension's `department_code`, and "
    "`owners.recruiter_code` / `owners.hiring_manager_code` (or their `_id`s); every unknown "
    "code is named in one 422. Fields you leave out keep their value, so a sync that only "
    "knows the structure never wipes the requirements HR maintains. Sending what is stored "
    "changes nothing: same version, no history row, no event. `If-Match` is optional (412 "
    "on a stale version).",
    responses=problem_responses(401, 403, 409, 412, 422),
)
async def upsert_position(
    code: Annotated[str, Path(min_length=1, max_length=64, description="The ERP's code")],
    body: PositionUpsert,
    uow: UowDep,
    principal: Integrator,
    expected: IfMatch,
    response: Response,
) -> PositionRead:
    row, created = await use_cases.upsert_position_by_code(
        uow, code=code, data=body, expected=expected, by=principal.sub
    )
    if created:
        response.status_code = 201
        response.headers["Location"] = f"/api/v1/positions/{row.position.id}"
    return _answer(response, row)


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
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    org_unit_id: uuid.UUID | None = None,
    include_subtree: Annotated[bool, Query(description="Include units below org_unit_id")] = False,
    status: Literal["open", "closed"] | None = None,
    job_family: str | None = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Part of the title or the code")
    ] = None,
) -> Response:
    page = await use_cases.list_positions(
        reads,
        limit=limit,
        cursor=cursor,
        org_unit_id=org_unit_id,
        include_subtree=include_subtree,
        status=status,
        job_family=job_family,
        q=q,
    )
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


@router.patch(
    "/{position_id}",
    summary="Change a position (partial; If-Match honoured)",
    description='Send `If-Match: "<version>"` (the ETag) to refuse the change with 412 when '
    "someone else changed the position since you read it. Without If-Match (or with `*`) the "
    "change applies to the current version. A real change bumps `version`, records history "
    "and publishes `position-changed` (`updated`); an edit that changes nothing does none of "
    "that.",
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def update_position(
    position_id: uuid.UUID,
    body: PositionUpdate,
    uow: UowDep,
    principal: HrAdmin,
    expected: IfMatch,
    response: Response,
) -> PositionRead:
    row = await use_cases.update_position(
        uow, position_id=position_id, patch=body, expected=expected, by=principal.sub
    )
    return _answer(response, row)


@router.post(
    "/{position_id}/close",
    summary="Close a position for hiring (publishes `closed`)",
    responses=problem_responses(401, 403, 404, 409, 412),
)
async def close_position(
    position_id: uuid.UUID, uow: UowDep, principal: HrAdmin, expected: IfMatch, response: Response
) -> PositionRead:
    row = await use_cases.set_status(
        uow, position_id=position_id, status="closed", expected=expected, by=principal.sub
    )
    return _answer(response, row)


@router.post(
    "/{position_id}/reopen",
    summary="Reopen a closed position (publishes `reopened`)",
    responses=problem_responses(401, 403, 404, 409, 412),
)
async def reopen_position(
    position_id: uuid.UUID, uow: UowDep, principal: HrAdmin, expected: IfMatch, response: Response
) -> PositionRead:
    row = await use_cases.set_status(
        uow, position_id=position_id, status="open", expected=expected, by=principal.sub
    )
    return _answer(response, row)


@router.get(
    "/{position_id}/history",
    summary="Every version of a position: what changed, who and when",
    responses=problem_responses(401, 403, 404, 422),
)
async def position_history(
    position_id: uuid.UUID,
    uow: UowDep,
    principal: AnyRole,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[PositionVersionRead]:
    page = await use_cases.position_history(
        uow, position_id=position_id, limit=limit, cursor=cursor
    )
    return page.map(PositionVersionRead.from_row)
