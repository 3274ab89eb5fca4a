"""Org unit endpoints: CRUD, nested tree, move."""

import uuid
from typing import Annotated

from fastapi import Query, Response

from org_service.api.deps import Reader, Writer
from org_service.api.schemas import (
    OrgUnitCreate,
    OrgUnitMove,
    OrgUnitMoved,
    OrgUnitNode,
    OrgUnitRead,
    OrgUnitUpdate,
)
from org_service.db.models import OrgUnit
from org_service.service import org_units as use_cases
from talentloop_shared.http import Page, problem_responses
from talentloop_shared.http.pagination import CursorQuery, LimitQuery
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/org-units", tags=["org units"])


def to_read(unit: OrgUnit) -> OrgUnitRead:
    """The API shape of a unit."""
    return OrgUnitRead(
        id=unit.id,
        code=unit.code,
        name=unit.name,
        kind=unit.kind,
        parent_id=unit.parent_id,
        path=list(unit.path),
        path_names=list(unit.name_path),
        depth=len(unit.path),
        created_at=unit.created_at,
        updated_at=unit.updated_at,
    )


@router.post(
    "",
    status_code=201,
    summary="Create an org unit",
    responses=problem_responses(401, 403, 409, 422),
)
async def create_org_unit(
    body: OrgUnitCreate, uow: UowDep, principal: Writer, response: Response
) -> OrgUnitRead:
    unit = await use_cases.create_org_unit(uow, data=body)
    response.headers["Location"] = f"/api/v1/org-units/{unit.id}"
    return to_read(unit)


@router.get("", summary="List org units", responses=problem_responses(401, 403, 422))
async def list_org_units(
    uow: UowDep,
    principal: Reader,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    parent_id: Annotated[uuid.UUID | None, Query(description="Only direct children")] = None,
    kind: Annotated[str | None, Query(description="Only units of this kind")] = None,
) -> Page[OrgUnitRead]:
    rows, next_cursor = await use_cases.list_org_units(
        uow, limit=limit, cursor=cursor, parent_id=parent_id, kind=kind
    )
    return Page[OrgUnitRead](items=[to_read(u) for u in rows], next_cursor=next_cursor)


@router.get(
    "/tree",
    summary="The whole org tree, nested (siblings by name)",
    responses=problem_responses(401, 403),
)
async def org_tree(uow: UowDep, principal: Reader) -> list[OrgUnitNode]:
    return [OrgUnitNode.model_validate(node) for node in await use_cases.org_tree(uow)]


@router.get("/{unit_id}", summary="Read an org unit", responses=problem_responses(401, 403, 404))
async def get_org_unit(unit_id: uuid.UUID, uow: UowDep, principal: Reader) -> OrgUnitRead:
    return to_read(await use_cases.get_org_unit(uow, unit_id=unit_id))


@router.patch(
    "/{unit_id}",
    summary="Rename, re-kind, re-code or move an org unit",
    description="A rename republishes every position below the unit (`updated`, "
    "changed_fields `org_unit`); a new `parent_id` is a move (see POST …/move).",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def update_org_unit(
    unit_id: uuid.UUID, body: OrgUnitUpdate, uow: UowDep, principal: Writer
) -> OrgUnitRead:
    unit, _ = await use_cases.update_org_unit(uow, unit_id=unit_id, patch=body, by=principal.sub)
    return to_read(unit)


@router.post(
    "/{unit_id}/move",
    summary="Move an org unit (and its subtree) under another parent",
    description="Refused with 409 when the new parent is inside the unit's subtree. Every "
    "position in the subtree gets a new version and publishes `position-changed` (`moved`).",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def move_org_unit(
    unit_id: uuid.UUID, body: OrgUnitMove, uow: UowDep, principal: Writer
) -> OrgUnitMoved:
    unit, republished = await use_cases.move_org_unit(
        uow, unit_id=unit_id, parent_id=body.parent_id, by=principal.sub
    )
    return OrgUnitMoved(**to_read(unit).model_dump(), positions_republished=republished)


@router.delete(
    "/{unit_id}",
    status_code=204,
    summary="Delete an empty org unit",
    responses=problem_responses(401, 403, 404, 409),
)
async def delete_org_unit(unit_id: uuid.UUID, uow: UowDep, principal: Writer) -> Response:
    await use_cases.delete_org_unit(uow, unit_id=unit_id)
    return Response(status_code=204)
