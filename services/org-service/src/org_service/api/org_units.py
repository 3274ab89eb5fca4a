"""Org unit endpoints: CRUD, upsert by the ERP's code, nested tree, move."""

import functools
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import Query, Response
from pydantic import BaseModel

from org_service.api.schemas import OrgUnitMoved, OrgUnitNode, OrgUnitRead
from org_service.domain import lengths
from org_service.service import org_units as use_cases
from org_service.service.inputs import OrgUnitCreate, OrgUnitMove, OrgUnitUpdate, OrgUnitUpsert
from talentloop_shared.auth.roles import AnyRole, HrAdmin, Integrator
from talentloop_shared.db.uow import UnitOfWork
from talentloop_shared.http import IfMatch, problem_responses, set_etag
from talentloop_shared.http.codes import code_path
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/org-units", tags=["org units"])
units = Resource(router, OrgUnitRead.from_row, readers=AnyRole, writers=HrAdmin, item="/{unit_id}")

CodePath = code_path("The ERP's code", max_length=lengths.CODE)


def _without_count(use_case: Callable[..., Awaitable[tuple[Any, ...]]]) -> Callable[..., Any]:
    """The use case without the count of positions republished that it returns last (the
    answer is the unit; a move shows the count)."""

    @functools.wraps(use_case)
    async def run(uow: UnitOfWork, **inputs: Any) -> Any:
        *answer, _republished = await use_case(uow, **inputs)
        return answer[0] if len(answer) == 1 else tuple(answer)

    return run


class OrgUnitFilters(BaseModel):
    """Which org units to list."""

    parent_id: Annotated[uuid.UUID | None, Query(description="Only direct children")] = None
    kind: Annotated[str | None, Query(description="Only units of this kind")] = None
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description='Name, code or path of names ("Acme / R&D"), case-insensitive, substring',
        ),
    ] = None


units.create(use_cases.create_org_unit, OrgUnitCreate, summary="Create an org unit", errors=(409,))
units.page(use_cases.list_org_units, OrgUnitFilters, summary="List org units")


@router.get(
    "/tree",
    summary="The whole org tree, nested (siblings by name)",
    responses=problem_responses(401, 403),
)
async def org_tree(uow: UowDep, principal: AnyRole) -> list[OrgUnitNode]:
    return [OrgUnitNode.model_validate(node) for node in await use_cases.org_tree(uow)]


units.upsert(
    "/by-code/{code}",
    _without_count(use_cases.upsert_org_unit_by_code),
    OrgUnitUpsert,
    role=Integrator,
    params={"code": CodePath},
    name="upsert_org_unit",
    summary="Create or update an org unit by the ERP's code (idempotent)",
    description="201 when created, 200 when updated or unchanged. `parent_code` names the "
    "parent by its code (an unknown code is a 422 naming it); fields you leave out keep "
    "their value. A rename or a move republishes the positions below, as PATCH does. "
    "Sending what is stored changes nothing: same version, no event, so a nightly sync can "
    "PUT the whole tree every night (parents first). `If-Match` is optional (412 on a "
    "stale version).",
    errors=(409,),
)
units.get(use_cases.get_org_unit, summary="Read an org unit (ETag = version)")
units.update(
    _without_count(use_cases.update_org_unit),
    OrgUnitUpdate,
    summary="Rename, re-kind, re-code or move an org unit (If-Match honoured)",
    description="A rename republishes every position below the unit (`updated`, "
    "changed_fields `org_unit`); a new `parent_id` is a move (see POST …/move).",
    errors=(404, 409),
)


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


units.delete(use_cases.delete_org_unit, summary="Delete an empty org unit", errors=(404, 409))
