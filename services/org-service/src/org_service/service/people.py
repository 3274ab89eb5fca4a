"""Staff directory use cases: create, edit, upsert by code, deactivate/reactivate, read, list.

Every real change bumps the person's `version` and publishes `person-changed` with the whole
snapshot in the same unit of work; a change of what positions say of their owners (name,
email, locale, time zone, subject) also versions and republishes the positions the person
owns, in that same transaction. A change that changes nothing does none of that.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import InstrumentedAttribute

from org_service.db.models import Person
from org_service.db.repositories import (
    PEOPLE_BY_NAME,
    OrgUnitRepository,
    PersonRepository,
    advisory_lock,
)
from org_service.domain.errors import FieldError, InvalidFields, check_upsert
from org_service.domain.people import (
    NEW_PERSON_DEFAULTS,
    PERSON_FIELDS,
    PersonChange,
    change_kind,
    changed_fields,
    validate_manager,
)
from org_service.service.inputs import PersonCreate, PersonUpdate, PersonUpsert
from org_service.service.position_versions import person_ref, republish_owned
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Conflict, ExpectedVersion, found
from talentloop_shared.events import PersonChanged
from talentloop_shared.pagination import Page

# The directory is listed by name: (name, id).
PEOPLE = PEOPLE_BY_NAME.keyset
# One lock for changes of the manager line: two concurrent changes could each pass the cycle
# check and together close a loop.
_MANAGERS_LOCK = "org-service:people-managers"


async def lock_reporting_lines(uow: UnitOfWork) -> None:
    """Hold who reports to whom still until this unit of work ends: every change that may
    close a loop of managers (a PUT, an import) checks the chain under this lock."""
    await advisory_lock(uow.session, _MANAGERS_LOCK)


_COLUMNS = tuple(c.key for c in Person.__table__.columns)


def person_values(person: Person) -> dict[str, Any]:
    """The person's columns as a plain dict."""
    return {name: getattr(person, name) for name in _COLUMNS}


def person_snapshot(values: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON-ready `person-changed` snapshot."""
    return {
        "id": str(values["id"]),
        "version": values["version"],
        **{name: values.get(name) for name in PERSON_FIELDS},
        "org_unit_id": _text(values.get("org_unit_id")),
        "manager_id": _text(values.get("manager_id")),
    }


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def publish_person(
    uow: UnitOfWork, values: Mapping[str, Any], change: PersonChange, changed: list[str]
) -> None:
    """Record `person-changed` for this version of the person."""
    payload = PersonChanged.model_validate(
        {"change": change, "changed_fields": changed, "person": person_snapshot(values)}
    )
    uow.publish(payload, subject=f"people/{values['id']}")


async def _check(
    uow: UnitOfWork,
    *,
    person_id: uuid.UUID,
    values: Mapping[str, Any],
    fields: set[str],
    new: bool = False,
) -> None:
    """Validate the changed references and unique keys; 422 lists every bad field."""
    repo = PersonRepository(uow.session)
    errors: list[FieldError] = []
    if "org_unit_id" in fields and values["org_unit_id"] is not None:
        unit = await OrgUnitRepository(uow.session).get_for_share(values["org_unit_id"])
        if unit is None:
            errors.append(FieldError(("org_unit_id",), f"unknown org unit {values['org_unit_id']}"))
    if "manager_id" in fields and values["manager_id"] is not None:
        if not new:
            # Only someone who may already have reports can close a loop: a new person
            # cannot, so creating people (a sync's bulk) does not queue on the lock.
            await lock_reporting_lines(uow)
        chain = await repo.manager_chain(values["manager_id"])
        if str(values["manager_id"]) not in chain:
            errors.append(FieldError(("manager_id",), f"unknown person {values['manager_id']}"))
        else:
            errors += validate_manager(str(person_id), str(values["manager_id"]), chain)
    if errors:
        raise InvalidFields(errors)
    await _unique(repo, Person.external_code, values, fields, person_id, "external code")
    await _unique(repo, Person.subject, values, fields, person_id, "subject")


async def _unique(
    repo: PersonRepository,
    column: InstrumentedAttribute[Any],
    values: Mapping[str, Any],
    fields: set[str],
    person_id: uuid.UUID,
    label: str,
) -> None:
    value = values.get(column.key)
    if column.key in fields and value is not None:
        other = await repo.taken(column, value, other_than=person_id)
        if other is not None:
            raise Conflict(f"person {other} already has {label} {value!r}")


async def _save(
    uow: UnitOfWork,
    person: Person | None,
    new: dict[str, Any],
    *,
    by: str,
    created: bool = False,
) -> Person:
    """Write a real change (new version, `person-changed`, owned positions) and commit; a
    change that changes nothing returns the person as it is."""
    at = uow.clock.now()
    if created or person is None:
        values = {**new, "version": 1, "created_at": at, "updated_at": at}
        person = Person(**values)
        uow.session.add(person)
        await uow.flush()
        publish_person(uow, values, "created", changed_fields({}, person_snapshot(values)))
        await uow.commit()
        return person
    old = person_values(person)
    changed = changed_fields(person_snapshot(old), person_snapshot(new))
    if not changed:
        # Saving the same values again (a nightly sync) is no new version: nothing to tell.
        return person
    new = {**new, "version": old["version"] + 1, "updated_at": at}
    for name in [*changed, "version", "updated_at"]:
        setattr(person, name, new[name])
    await uow.flush()
    publish_person(uow, new, change_kind(changed, active=new["active"]), changed)
    old_ref, new_ref = person_ref(old), person_ref(new)
    if old_ref != new_ref:
        await republish_owned(
            uow, old_people={person.id: old_ref}, new_people={person.id: new_ref}, by=by
        )
    await uow.commit()
    return person


async def create_person(uow: UnitOfWork, *, data: PersonCreate, by: str) -> Person:
    """Add a staff member (version 1) and publish `created`."""
    values: dict[str, Any] = {"id": uuid.uuid4(), "active": True, **data.model_dump()}
    await _check(uow, person_id=values["id"], values=values, fields=set(values), new=True)
    return await _save(uow, None, values, by=by, created=True)


async def get_person(uow: UnitOfWork, *, person_id: uuid.UUID) -> Person:
    """One person; 404 when missing."""
    return await PersonRepository(uow.session).get_or_raise(person_id)


async def my_person(uow: UnitOfWork, *, subject: str) -> Person:
    """The person the caller signs in as; 404 when the directory does not know them."""
    person = await PersonRepository(uow.session).get_by_subject(subject)
    return found(person, "person with subject", repr(subject))


async def update_person(
    uow: UnitOfWork,
    *,
    person_id: uuid.UUID,
    patch: PersonUpdate,
    expected: ExpectedVersion,
    by: str,
) -> Person:
    """Apply a partial update; a real change bumps the version and publishes `updated`."""
    if patch.manager_id is not None:
        # Lines before the row, in the order an import takes them (it holds the lock, then
        # locks its people): the other way round, the two deadlocked on one person.
        await lock_reporting_lines(uow)
    person = await PersonRepository(uow.session).get_for_change(person_id, expected)
    given = patch.model_fields_set
    new = {**person_values(person), **patch.model_dump(include=given)}
    await _check(uow, person_id=person.id, values=new, fields=_changed(person, new, given))
    return await _save(uow, person, new, by=by)


def _changed(person: Person, new: Mapping[str, Any], given: set[str]) -> set[str]:
    # Only references that change are checked: a sync re-sending a deactivated manager, or a
    # subject that is already the person's own, is no new claim.
    return {name for name in given if getattr(person, name) != new[name]}


async def set_active(
    uow: UnitOfWork,
    *,
    person_id: uuid.UUID,
    active: bool,
    expected: ExpectedVersion,
    by: str,
) -> Person:
    """Deactivate or reactivate; 409 when the person already is. Positions keep their owners."""
    person = await PersonRepository(uow.session).get_for_change(person_id, expected)
    if person.active == active:
        state = "active" if active else "inactive"
        raise Conflict(f"person {person_id} is already {state}", type_=f"person-{state}")
    return await _save(uow, person, {**person_values(person), "active": active}, by=by)


async def upsert_person_by_code(
    uow: UnitOfWork,
    *,
    code: str,
    data: PersonUpsert,
    expected: ExpectedVersion,
    by: str,
) -> tuple[Person, bool]:
    """Create or update the person with this external code; True when created.

    Unit and manager come by code; an unknown code is a 422 naming it. Sending what is
    already stored changes nothing: no version, no event.
    """
    repo = PersonRepository(uow.session)
    if data.manager_code is not None and await repo.get_by_code(code) is not None:
        # Lines before the row, in the order an import takes them (see update_person). A
        # new person cannot close a loop, so a sync's creations do not queue on the lock.
        await lock_reporting_lines(uow)
    await advisory_lock(uow.session, f"org-service:person-code:{code}")
    person = await repo.get_by_code(code, for_update=True)
    check_upsert(expected, None if person is None else person.version, what="person", code=code)
    given = data.model_fields_set
    values = data.model_dump(include=given - {"org_unit_code", "manager_code"})
    errors: list[FieldError] = []
    if "org_unit_code" in given:
        values["org_unit_id"] = None
        if data.org_unit_code is not None:
            unit = await OrgUnitRepository(uow.session).get_by_code(data.org_unit_code)
            if unit is None:
                errors.append(
                    FieldError(("org_unit_code",), f"unknown org unit code {data.org_unit_code!r}")
                )
            else:
                values["org_unit_id"] = unit.id
    if "manager_code" in given:
        values["manager_id"] = None
        if data.manager_code is not None:
            manager = await repo.get_by_code(data.manager_code)
            if manager is None:
                errors.append(
                    FieldError(("manager_code",), f"unknown person code {data.manager_code!r}")
                )
            else:
                values["manager_id"] = manager.id
    if errors:
        raise InvalidFields(errors)
    if person is None:
        if data.name is None:
            raise InvalidFields([FieldError(("name",), "required to create a person")])
        new = {
            "id": uuid.uuid4(),
            "external_code": code,
            **NEW_PERSON_DEFAULTS,
            **values,
        }
        await _check(uow, person_id=new["id"], values=new, fields=set(new), new=True)
        return await _save(uow, None, new, by=by, created=True), True
    new = {**person_values(person), **values}
    await _check(uow, person_id=person.id, values=new, fields=_changed(person, new, set(values)))
    return await _save(uow, person, new, by=by), False


async def list_people(
    uow: UnitOfWork,
    *,
    limit: int,
    cursor: str | None,
    q: str | None,
    org_unit_id: uuid.UUID | None,
    include_subtree: bool,
    active: bool | None,
    subject: str | None,
) -> Page[Person]:
    """A page of the directory ordered by name, filtered and searched."""
    after = PEOPLE.decode(cursor)
    unit = None
    if org_unit_id is not None:
        unit = await OrgUnitRepository(uow.session).get_or_raise(org_unit_id)
    rows = await PersonRepository(uow.session).page(
        limit=limit,
        after=after,
        q=" ".join(q.split()) if q else None,
        org_unit=unit,
        include_subtree=include_subtree,
        active=active,
        subject=subject,
    )
    return PEOPLE.page(rows, limit, key=lambda person: (person.name, person.id))
