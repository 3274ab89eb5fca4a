"""Staff directory endpoints: list and search, read, create, edit (If-Match), upsert by the
ERP's code, deactivate/reactivate, and "who am I"."""

import uuid
from functools import partial
from typing import Annotated

from fastapi import Query, Response
from pydantic import BaseModel

from org_service.api.schemas import PersonRead
from org_service.domain import lengths
from org_service.service import people as use_cases
from org_service.service.inputs import PersonCreate, PersonUpdate, PersonUpsert
from talentloop_shared.auth.roles import AnyRole, Integrator, Reader
from talentloop_shared.http import problem_responses
from talentloop_shared.http.codes import code_path
from talentloop_shared.http.routes import Resource, with_etag
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/people", tags=["people"])
people = Resource(
    router, PersonRead.from_row, readers=Reader, writers=Integrator, item="/{person_id}"
)

CodePath = code_path("The ERP's code (工号)", max_length=lengths.CODE)


class PeopleFilters(BaseModel):
    """Which staff members to list."""

    q: Annotated[str | None, Query(max_length=200, description="Name, email or code")] = None
    org_unit_id: uuid.UUID | None = None
    include_subtree: Annotated[bool, Query(description="Include units below org_unit_id")] = False
    active: bool | None = None
    subject: Annotated[str | None, Query(max_length=200)] = None


people.page(
    use_cases.list_people,
    PeopleFilters,
    summary="List and search the staff directory",
    description="`q` searches name, email and code (case-insensitive, substring); filter by org "
    "unit (with `include_subtree=true`, also every unit below it), `active` and `subject` "
    "(the JWT `sub`: who signs in as whom). Ordered by name.",
    errors=(404,),
)
people.create(
    use_cases.create_person,
    PersonCreate,
    summary="Add a staff member (publishes `person-changed`, `created`)",
    errors=(409,),
)


@router.get(
    "/me",
    summary="The caller's own directory entry (by the token's `sub`)",
    responses=problem_responses(401, 403, 404),
)
async def my_person(uow: UowDep, principal: AnyRole, response: Response) -> PersonRead:
    person = await use_cases.my_person(uow, subject=principal.sub)
    return with_etag(response, PersonRead.from_row(person))


people.upsert(
    "/by-code/{code}",
    use_cases.upsert_person_by_code,
    PersonUpsert,
    params={"code": CodePath},
    name="upsert_person",
    summary="Create or update a staff member by the ERP's code (idempotent)",
    description="201 when created, 200 when updated or unchanged. `org_unit_code` and "
    "`manager_code` name the unit and the manager by their codes (an unknown code is a 422 "
    "naming it). Fields you leave out keep their value. Sending what is stored changes "
    "nothing: same version, no event, so a nightly sync can PUT everyone every night. "
    "`If-Match` is optional (412 on a stale version).",
    errors=(409,),
)
people.get(use_cases.get_person, summary="Read a staff member (ETag = version)")
people.update(
    use_cases.update_person,
    PersonUpdate,
    summary="Change a staff member (partial; If-Match honoured)",
    description="A real change bumps `version` and publishes `person-changed` (`updated`); "
    "when the name, email, locale, time zone or subject changes, the positions the person "
    "owns republish `position-changed` (`updated`, changed_fields `owners`) in the same "
    "transaction. An edit that changes nothing does none of that.",
    errors=(404, 409),
)
people.action(
    "deactivate",
    partial(use_cases.set_active, active=False),
    name="deactivate_person",
    summary="Deactivate a staff member (publishes `deactivated`)",
    description="The person keeps the positions they own (reactivation restores them as they "
    "were); nobody can be made an owner while deactivated. 409 when already inactive.",
    errors=(404, 409),
)
people.action(
    "reactivate",
    partial(use_cases.set_active, active=True),
    name="reactivate_person",
    summary="Reactivate a staff member (publishes `reactivated`)",
    errors=(404, 409),
)
