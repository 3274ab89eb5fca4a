"""Org unit endpoints: CRUD, upsert by the ERP's code, nested tree, move."""

import uuid
from typing import Annotated

from fastapi import Path, Query, Response

from org_service.api.schemas import OrgUnitMoved, OrgUnitNode, OrgUnitRead
from org_service.db.models import OrgUnit
from org_service.service import org_units as use_cases
from org_service.service.inputs import OrgUnitCreate, OrgUnitMove, OrgUnitUpdate, OrgUnitUpsert
from talentloop_shared.auth.roles import AnyRole, HrAdmin, Integrator
from talentloop_shared.http import (
    CursorQuery,
    IfMatch,
    LimitQuery,
    Page,
    problem_responses,
    set_etag,
)
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/org-units", tags=["org units"])

CodePath = Annotated[str, Path(min_length=1, max_length=64, description="The ERP's code")]


def _answer(response: Response, unit: OrgUnit) -> OrgUnitRead:
    """The unit, with its version as the ETag."""
    set_etag(response, unit.version)
    return OrgUnitRead.from_row(unit)


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
    return _answer(response, unit)


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


@router.put(
    "/by-code/{code}",
    summary="Create or update an org unit by the ERP's code (idempotent)",
    description="201 when created, 200 when updated or unchanged. `parent_code` names the "
    "parent by its code (an unknown code is a 422 naming it); fields you leave out keep "
    "their value. A rename or a move republishes the positions below, as PATCH does. "
    "Sending what is stored changes nothing: same version, no event, so a nightly sync can "
    "PUT the whole tree every night (parents first). `If-Match` is optional (412 on a "
    "stale version).",
    responses=problem_responses(401, 403, 409, 412, 422),
)
async def upsert_org_unit(
    code: CodePath,
    body: OrgUnitUpsert,
    uow: UowDep,
    principal: Integrator,
    expected: IfMatch,
    response: Response,
) -> OrgUnitRead:
    unit, created, _ = await use_cases.upsert_org_unit_by_code(
        uow, code=code, data=body, expected=expected, by=principal.sub
    )
    if created:
        response.status_code = 201
        response.headers["Location"] = f"/api/v1/org-units/{unit.id}"
    return _answer(response, unit)


@router.get(
    "/{unit_id}",
    summary="Read an org unit (ETag = version)",
    responses=problem_responses(401, 403, 404),
)
async def get_org_unit(
    unit_id: uuid.UUID, uow: UowDep, principal: AnyRole, response: Response
) -> OrgUnitRead:
    return _answer(response, await use_cases.get_org_unit(uow, unit_id=unit_id))


@router.patch(
    "/{unit_id}",
    summary="Rename, re-kind, re-code or move an org unit (If-Match honoured)",
    description="A rename republishes every position below the unit (`updated`, "
    "changed_fields `org_unit`); a new `parent_id` is a move (see POST …/move).",
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def update_org_unit(
    unit_id: uuid.UUID,
    body: OrgUnitUpdate,
    uow: UowDep,
    principal: HrAdmin,
    expected: IfMatch,
    response: Response,
) -> OrgUnitRead:
    unit, _ = await use_cases.update_org_unit(
        uow, unit_id=unit_id, patch=body, by=principal.sub, expected=expected
    )
    return _answer(response, unit)


@router.post(
    "/{unit_id}/move",
    summary="Move an org unit (and its subtree) under another parent",
    description="Refused with 409 when the new parent is inside the unit's subtree. Every "
    "position in the subtree gets a new version and publishes `position-changed` (`moved`).",
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def move_org_unit(
    unit_id: uuid.UUID,
    body: OrgUnitMove,
    uow: UowDep,
    principal: HrAdmin,
    expected: IfMatch,
    response: Response,
) -> OrgUnitMoved:
    unit, republished = await use_cases.move_org_unit(
        uow, unit_id=unit_id, parent_id=body.parent_id, by=principal.sub, expected=expected
    )
    set_etag(response, unit.version)
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
