"""Org unit endpoints: CRUD, nested tree, move."""

import uuid
from typing import Annotated

from fastapi import Query, Response

from org_service.api.schemas import OrgUnitMoved, OrgUnitNode, OrgUnitRead
from org_service.service import org_units as use_cases
from org_service.service.inputs import OrgUnitCreate, OrgUnitMove, OrgUnitUpdate
from talentloop_shared.auth.roles import AnyRole, HrAdmin
from talentloop_shared.http import CursorQuery, LimitQuery, Page, problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/org-units", tags=["org units"])


@router.post(
    "",
    status_code=201,
    summary="Create an org unit",
    responses=problem_responses(401, 403, 409, 422),
)
async def create_org_unit(
    body: OrgUnitCreate, uow: UowDep, principal: HrAdmin, response: Response
) -> OrgUnitRead:
    unit = await use_cases.create_org_unit(uow, data=body)
    response.headers["Location"] = f"/api/v1/org-units/{unit.id}"
    return OrgUnitRead.from_row(unit)


@router.get("", summary="List org units", responses=problem_responses(401, 403, 422))
async def list_org_units(
    uow: UowDep,
    principal: AnyRole,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    parent_id: Annotated[uuid.UUID | None, Query(description="Only direct children")] = None,
    kind: Annotated[str | None, Query(description="Only units of this kind")] = None,
) -> Page[OrgUnitRead]:
    page = await use_cases.list_org_units(
        uow, limit=limit, cursor=cursor, parent_id=parent_id, kind=kind
    )
    return page.map(OrgUnitRead.from_row)


@router.get(
    "/tree",
    summary="The whole org tree, nested (siblings by name)",
    responses=problem_responses(401, 403),
)
async def org_tree(uow: UowDep, principal: AnyRole) -> list[OrgUnitNode]:
    return [OrgUnitNode.model_validate(node) for node in await use_cases.org_tree(uow)]


@router.get("/{unit_id}", summary="Read an org unit", responses=problem_responses(401, 403, 404))
async def get_org_unit(unit_id: uuid.UUID, uow: UowDep, principal: AnyRole) -> OrgUnitRead:
    return OrgUnitRead.from_row(await use_cases.get_org_unit(uow, unit_id=unit_id))


@router.patch(
    "/{unit_id}",
    summary="Rename, re-kind, re-code or move an org unit",
    description="A rename republishes every position below the unit (`updated`, "
    "changed_fields `org_unit`); a new `parent_id` is a move (see POST …/move).",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def update_org_unit(
    unit_id: uuid.UUID, body: OrgUnitUpdate, uow: UowDep, principal: HrAdmin
) -> OrgUnitRead:
    unit, _ = await use_cases.update_org_unit(uow, unit_id=unit_id, patch=body, by=principal.sub)
    return OrgUnitRead.from_row(unit)


@router.post(
    "/{unit_id}/move",
    summary="Move an org unit (and its subtree) under another parent",
    description="Refused with 409 when the new parent is inside the unit's subtree. Every "
    "position in the subtree gets a new version and publishes `position-changed` (`moved`).",
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def move_org_unit(
    unit_id: uuid.UUID, body: OrgUnitMove, uow: UowDep, principal: HrAdmin
) -> OrgUnitMoved:
    unit, republished = await use_cases.move_org_unit(
        uow, unit_id=unit_id, parent_id=body.parent_id, by=principal.sub
    )
    return OrgUnitMoved(
        **OrgUnitRead.from_row(unit).model_dump(), positions_republished=republished
    )


@router.delete(
    "/{unit_id}",
    status_code=204,
    summary="Delete an empty org unit",
    responses=problem_responses(401, 403, 404, 409),
)
async def delete_org_unit(unit_id: uuid.UUID, uow: UowDep, principal: HrAdmin) -> Response:
    await use_cases.delete_org_unit(uow, unit_id=unit_id)
    return Response(status_code=204)
