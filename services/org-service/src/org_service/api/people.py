"""Staff directory endpoints: list and search, read, create, edit (If-Match), upsert by the
ERP's code, deactivate/reactivate, and "who am I"."""

import uuid
from typing import Annotated

from fastapi import Path, Query, Response

from org_service.api.schemas import PersonRead
from org_service.db.models import Person
from org_service.service import people as use_cases
from org_service.service.inputs import PersonCreate, PersonUpdate, PersonUpsert
from talentloop_shared.auth.roles import AnyRole, Integrator, Reader
from talentloop_shared.http import (
    CursorQuery,
    IfMatch,
    LimitQuery,
    Page,
    problem_responses,
    set_etag,
)
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/people", tags=["people"])

CodePath = Annotated[str, Path(min_length=1, max_length=64, description="The ERP's code (工号)")]


def _answer(response: Response, person: Person) -> PersonRead:
    """The person, with their version as the ETag."""
    set_etag(response, person.version)
    return PersonRead.from_row(person)


@router.get(
    "",
    summary="List and search the staff directory",
    description="`q` searches name, email and code (case-insensitive, substring); filter by org "
    "unit (with `include_subtree=true`, also every unit below it), `active` and `subject` "
    "(the JWT `sub`: who signs in as whom). Ordered by name.",
    responses=problem_responses(401, 403, 404, 422),
)
async def list_people(
    uow: UowDep,
    principal: Reader,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
    q: Annotated[str | None, Query(max_length=200, description="Name, email or code")] = None,
    org_unit_id: uuid.UUID | None = None,
    include_subtree: Annotated[bool, Query(description="Include units below org_unit_id")] = False,
    active: bool | None = None,
    subject: Annotated[str | None, Query(max_length=200)] = None,
) -> Page[PersonRead]:
    page = await use_cases.list_people(
        uow,
        limit=limit,
        cursor=cursor,
        q=q,
        org_unit_id=org_unit_id,
        include_subtree=include_subtree,
        active=active,
        subject=subject,
    )
    return page.map(PersonRead.from_row)


@router.post(
    "",
    status_code=201,
    summary="Add a staff member (publishes `person-changed`, `created`)",
    responses=problem_responses(401, 403, 409, 422),
)
async def create_person(
    body: PersonCreate, uow: UowDep, principal: Integrator, response: Response
) -> PersonRead:
    person = await use_cases.create_person(uow, data=body, by=principal.sub)
    response.headers["Location"] = f"/api/v1/people/{person.id}"
    return _answer(response, person)


@router.get(
    "/me",
    summary="The caller's own directory entry (by the token's `sub`)",
    responses=problem_responses(401, 403, 404),
)
async def my_person(uow: UowDep, principal: AnyRole, response: Response) -> PersonRead:
    return _answer(response, await use_cases.my_person(uow, subject=principal.sub))


@router.put(
    "/by-code/{code}",
    summary="Create or update a staff member by the ERP's code (idempotent)",
    description="201 when created, 200 when updated or unchanged. `org_unit_code` and "
    "`manager_code` name the unit and the manager by their codes (an unknown code is a 422 "
    "naming it). Fields you leave out keep their value. Sending what is stored changes "
    "nothing: same version, no event, so a nightly sync can PUT everyone every night. "
    "`If-Match` is optional (412 on a stale version).",
    responses=problem_responses(401, 403, 409, 412, 422),
)
async def upsert_person(
    code: CodePath,
    body: PersonUpsert,
    uow: UowDep,
    principal: Integrator,
    expected: IfMatch,
    response: Response,
) -> PersonRead:
    person, created = await use_cases.upsert_person_by_code(
        uow, code=code, data=body, expected=expected, by=principal.sub
    )
    if created:
        response.status_code = 201
        response.headers["Location"] = f"/api/v1/people/{person.id}"
    return _answer(response, person)


@router.get(
    "/{person_id}",
    summary="Read a staff member (ETag = version)",
    responses=problem_responses(401, 403, 404),
)
async def get_person(
    person_id: uuid.UUID, uow: UowDep, principal: Reader, response: Response
) -> PersonRead:
    return _answer(response, await use_cases.get_person(uow, person_id=person_id))


@router.patch(
    "/{person_id}",
    summary="Change a staff member (partial; If-Match honoured)",
    description="A real change bumps `version` and publishes `person-changed` (`updated`); "
    "when the name, email, locale, time zone or subject changes, the positions the person "
    "owns republish `position-changed` (`updated`, changed_fields `owners`) in the same "
    "transaction. An edit that changes nothing does none of that.",
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def update_person(
    person_id: uuid.UUID,
    body: PersonUpdate,
    uow: UowDep,
    principal: Integrator,
    expected: IfMatch,
    response: Response,
) -> PersonRead:
    person = await use_cases.update_person(
        uow, person_id=person_id, patch=body, expected=expected, by=principal.sub
    )
    return _answer(response, person)


@router.post(
    "/{person_id}/deactivate",
    summary="Deactivate a staff member (publishes `deactivated`)",
    description="The person keeps the positions they own (reactivation restores them as they "
    "were); nobody can be made an owner while deactivated. 409 when already inactive.",
    responses=problem_responses(401, 403, 404, 409, 412),
)
async def deactivate_person(
    person_id: uuid.UUID, uow: UowDep, principal: Integrator, expected: IfMatch, response: Response
) -> PersonRead:
    person = await use_cases.set_active(
        uow, person_id=person_id, active=False, expected=expected, by=principal.sub
    )
    return _answer(response, person)


@router.post(
    "/{person_id}/reactivate",
    summary="Reactivate a staff member (publishes `reactivated`)",
    responses=problem_responses(401, 403, 404, 409, 412),
)
async def reactivate_person(
    person_id: uuid.UUID, uow: UowDep, principal: Integrator, expected: IfMatch, response: Response
) -> PersonRead:
    person = await use_cases.set_active(
        uow, person_id=person_id, active=True, expected=expected, by=principal.sub
    )
    return _answer(response, person)
