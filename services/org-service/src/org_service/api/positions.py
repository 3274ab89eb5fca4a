"""Position endpoints: create, read, edit (If-Match), close/reopen, list, history."""

import uuid
from typing import Annotated, Literal

from fastapi import Query, Response

from org_service.api.deps import IfMatch, Reader, Writer
from org_service.api.schemas import (
    PositionCreate,
    PositionRead,
    PositionUpdate,
    PositionVersionRead,
)
from org_service.db.models import OrgUnit, Position
from org_service.service import positions as use_cases
from talentloop_shared.http import Page, problem_responses
from talentloop_shared.http.pagination import CursorQuery, LimitQuery
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/positions", tags=["positions"])


def to_read(position: Position, unit: OrgUnit) -> PositionRead:
    """The API shape of a position: its event snapshot plus code and timestamps."""
    state = use_cases.position_state(use_cases.position_values(position), use_cases.unit_ref(unit))
    return PositionRead.model_validate(
        {**state, "created_at": position.created_at, "updated_at": position.updated_at}
    )


def _with_etag(response: Response, position: Position) -> None:
    response.headers["ETag"] = use_cases.etag(position.version)


@router.post(
    "",
    status_code=201,
    summary="Create a position (version 1)",
    responses=problem_responses(401, 403, 409, 422),
)
async def create_position(
    body: PositionCreate, uow: UowDep, principal: Writer, response: Response
) -> PositionRead:
    position, unit = await use_cases.create_position(uow, data=body, by=principal.sub)
    response.headers["Location"] = f"/api/v1/positions/{position.id}"
    _with_etag(response, position)
    return to_read(position, unit)


@router.get(
    "",
    summary="List positions",
    description="Filter by org unit (with `include_subtree=true`, also every unit below it), "
    "status and job family; ordered by creation.",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_positions(
    uow: UowDep,
    principal: Reader,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    org_unit_id: uuid.UUID | None = None,
    include_subtree: Annotated[bool, Query(description="Include units below org_unit_id")] = False,
    status: Literal["open", "closed"] | None = None,
    job_family: str | None = None,
) -> Page[PositionRead]:
    rows, next_cursor = await use_cases.list_positions(
        uow,
        limit=limit,
        cursor=cursor,
        org_unit_id=org_unit_id,
        include_subtree=include_subtree,
        status=status,
        job_family=job_family,
    )
    return Page[PositionRead](items=[to_read(p, u) for p, u in rows], next_cursor=next_cursor)


@router.get(
    "/{position_id}",
    summary="Read a position (ETag = version)",
    responses=problem_responses(401, 403, 404),
)
async def get_position(
    position_id: uuid.UUID, uow: UowDep, principal: Reader, response: Response
) -> PositionRead:
    position, unit = await use_cases.get_position(uow, position_id=position_id)
    _with_etag(response, position)
    return to_read(position, unit)


@router.patch(
    "/{position_id}",
    summary="Change a position (partial; If-Match honoured)",
    description='Send `If-Match: "<version>"` (the ETag) to refuse the change with 412 when '
    "someone else changed the position since you read it. Without If-Match the change "
    "applies to the current version. A real change bumps `version`, records history and "
    "publishes `position-changed` (`updated`); an edit that changes nothing does none of that.",
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def update_position(
    position_id: uuid.UUID,
    body: PositionUpdate,
    uow: UowDep,
    principal: Writer,
    versions: IfMatch,
    response: Response,
) -> PositionRead:
    position, unit = await use_cases.update_position(
        uow, position_id=position_id, patch=body, expected_versions=versions, by=principal.sub
    )
    _with_etag(response, position)
    return to_read(position, unit)


@router.post(
    "/{position_id}/close",
    summary="Close a position for hiring (publishes `closed`)",
    responses=problem_responses(401, 403, 404, 409, 412),
)
async def close_position(
    position_id: uuid.UUID,
    uow: UowDep,
    principal: Writer,
    versions: IfMatch,
    response: Response,
) -> PositionRead:
    position, unit = await use_cases.set_status(
        uow,
        position_id=position_id,
        status="closed",
        expected_versions=versions,
        by=principal.sub,
    )
    _with_etag(response, position)
    return to_read(position, unit)


@router.post(
    "/{position_id}/reopen",
    summary="Reopen a closed position (publishes `reopened`)",
    responses=problem_responses(401, 403, 404, 409, 412),
)
async def reopen_position(
    position_id: uuid.UUID,
    uow: UowDep,
    principal: Writer,
    versions: IfMatch,
    response: Response,
) -> PositionRead:
    position, unit = await use_cases.set_status(
        uow,
        position_id=position_id,
        status="open",
        expected_versions=versions,
        by=principal.sub,
    )
    _with_etag(response, position)
    return to_read(position, unit)


@router.get(
    "/{position_id}/history",
    summary="Every version of a position: what changed, who and when",
    responses=problem_responses(401, 403, 404, 422),
)
async def position_history(
    position_id: uuid.UUID,
    uow: UowDep,
    principal: Reader,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[PositionVersionRead]:
    rows, next_cursor = await use_cases.position_history(
        uow, position_id=position_id, limit=limit, cursor=cursor
    )
    items = [
        PositionVersionRead(
            version=v.version,
            change=v.change,
            changed_by=v.changed_by,
            changed_at=v.changed_at,
            changed_fields=[c["field"] for c in v.changes],
            changes=v.changes,
            snapshot=v.snapshot,
        )
        for v in rows
    ]
    return Page[PositionVersionRead](items=items, next_cursor=next_cursor)
