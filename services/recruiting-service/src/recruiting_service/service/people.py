"""The staff copy: org-service's directory as `person-changed` tells it, and who a signed-in
user is (their JWT `sub` → a person, through the person's `subject`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from recruiting_service.db.models import Person
from recruiting_service.db.repositories import PersonRepository, as_uuid
from recruiting_service.service.snapshots import keep_newest
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import PersonChanged, PersonRef
from talentloop_shared.logging import get_logger
from talentloop_shared.models import from_attributes

log = get_logger(__name__)


async def apply_person_changed(uow: UnitOfWork, payload: PersonChanged) -> bool:
    """Keep the newest snapshot of a staff member (no commit); False when it was older."""
    person = payload.person
    person_id = as_uuid(person.id)
    if person_id is None:
        log.warning("person.ignored", person_id=person.id, why="not a uuid")
        return False
    return await keep_newest(
        uow,
        PersonRepository(uow.session),
        {
            "id": person_id,
            "version": person.version,
            "external_code": person.external_code,
            "name": person.name,
            "email": person.email,
            "phone": person.phone,
            "locale": person.locale,
            "timezone": person.timezone,
            "org_unit_id": person.org_unit_id,
            "subject": person.subject,
            "active": person.active,
        },
        what="person",
        key=person.id,
        change=payload.change,
    )


async def people_signed_in_as(uow: UnitOfWork, sub: str) -> list[Person]:
    """The active people whose `subject` is this JWT `sub` (normally one, or none)."""
    person = (await PersonRepository(uow.session).by_subjects([sub])).get(sub)
    return [person] if person is not None else []


async def identities_of(uow: UnitOfWork, sub: str) -> set[str]:
    """Every id a signed-in user may appear under on a panel: the `sub` itself (panels named
    before the directory existed use it) and the ids of the people who sign in as it."""
    return {sub, *(str(p.id) for p in await people_signed_in_as(uow, sub))}


def person_ref(person: Person) -> PersonRef:
    """A staff member as events carry them."""
    return from_attributes(PersonRef, person, id=str(person.id))


async def fresh_owners(uow: UnitOfWork, owners: dict[str, object]) -> dict[str, PersonRef | None]:
    """A position's owners as last published, each replaced by the staff copy's newer
    address and language when the directory knows them (people change jobs and emails
    more often than positions are republished)."""
    refs = _owner_refs(owners)
    ids = [i for ref in refs.values() if ref is not None and (i := as_uuid(ref.id)) is not None]
    known = {
        str(i): person_ref(p) for i, p in (await PersonRepository(uow.session).by_ids(ids)).items()
    }
    return _refreshed(refs, known)


def owners_refreshed(
    owners: dict[str, object], people: Sequence[Mapping[str, Any]]
) -> dict[str, PersonRef | None]:
    """`fresh_owners` with the staff copy's people already read (as values with the
    `PersonRef` fields: `db.repositories.RejectionContext.owners`)."""
    known = {str(p["id"]): PersonRef.model_validate(p) for p in people}
    return _refreshed(_owner_refs(owners), known)


def _owner_refs(owners: dict[str, object]) -> dict[str, PersonRef | None]:
    return {
        role: PersonRef.model_validate(value) if isinstance(value, dict) else None
        for role, value in owners.items()
        if role in ("recruiter", "hiring_manager")
    }


def _refreshed(
    refs: dict[str, PersonRef | None], known: Mapping[str, PersonRef]
) -> dict[str, PersonRef | None]:
    return {
        role: known[ref.id] if ref is not None and ref.id in known else ref
        for role, ref in refs.items()
    }
