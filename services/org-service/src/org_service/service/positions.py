"""Position use cases: create, edit, upsert by code, close/reopen, read, list, history.

Every change bumps `version`, records a history row and publishes `position-changed` with the
whole snapshot (owners included), all in one unit of work (see `position_versions`); a change
that changes nothing does none of that, so an ERP sync can PUT the same position every night.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, NamedTuple

from org_service.db.models import OrgUnit, Person, Position, PositionVersion
from org_service.db.reads import (
    OWNER_PREFIXES,
    POSITION_COLUMNS,
    org_unit_exists,
    position_in_unit,
    positions_query,
)
from org_service.db.repositories import (
    VERSIONS_IN_ORDER,
    OrgUnitRepository,
    PersonRepository,
    PositionInUnit,
    PositionRepository,
    advisory_lock,
)
from org_service.domain.errors import FieldError, InvalidFields, check_upsert
from org_service.domain.people import OWNER_REF_FIELDS
from org_service.domain.positions import (
    FieldChange,
    diff_positions,
    validate_evaluation_scheme,
    validate_reports_to,
    validate_requirements,
)
from org_service.service.inputs import (
    DimensionIn,
    EvaluationSchemeIn,
    PositionCreate,
    PositionUpdate,
    PositionUpsert,
    RequirementsIn,
)
from org_service.service.position_versions import (
    OWNER_ROLES,
    TRACKED_FIELDS,
    UNSET_VALUES,
    insert_history,
    owner_ids,
    owners_state,
    person_ref,
    position_state,
    position_values,
    record_version,
    stored_requirements,
    stored_scheme,
    unit_ref,
)
from talentloop_shared.db import Reads, UnitOfWork
from talentloop_shared.errors import Conflict, ExpectedVersion, NotFound, found
from talentloop_shared.events.payloads import Requirements
from talentloop_shared.pagination import Keyset, Page

# Lists are ordered by creation: (created_at, id).
POSITIONS = Keyset(datetime, uuid.UUID)
# History is ordered by version.
VERSIONS = VERSIONS_IN_ORDER.keyset


def _responsibilities(items: Iterable[str]) -> list[str]:
    return [text for item in items if (text := " ".join(item.split()))]


class Checked(NamedTuple):
    """What a valid change refers to: the unit and the owners, locked until commit."""

    unit: OrgUnit
    owners: dict[str, Any]
    recruiter: Person | None
    hiring_manager: Person | None


async def _check(
    uow: UnitOfWork,
    *,
    position_id: uuid.UUID,
    values: Mapping[str, Any],
    fields: set[str],
    old: Mapping[str, Any] | None = None,
) -> Checked:
    """Validate the changed fields against the rules and the database; 422 lists them all."""
    units = OrgUnitRepository(uow.session)
    errors: list[FieldError] = []
    unit = await units.get_for_share(values["org_unit_id"])
    if unit is None:
        errors.append(FieldError(("org_unit_id",), f"unknown org unit {values['org_unit_id']}"))
    if "requirements" in fields:
        errors += validate_requirements(values["requirements"])
    if "evaluation_scheme" in fields:
        scheme = values["evaluation_scheme"]
        department_ids = {
            uuid.UUID(d["department_id"]) for d in scheme["dimensions"] if d["department_id"]
        }
        existing = {str(i) for i in await units.existing_ids(department_ids)}
        errors += validate_evaluation_scheme(scheme, existing_unit_ids=existing)
    if "reports_to_position_id" in fields and values["reports_to_position_id"] is not None:
        manager = values["reports_to_position_id"]
        chain = await PositionRepository(uow.session).reports_to_chain(manager)
        errors += validate_reports_to(str(position_id), str(manager), chain)
    # A new owner is locked (FOR SHARE) until commit: their rename waits for this snapshot,
    # and then finds the position theirs and republishes it, so no stale name goes out. An
    # owner the position already had is not locked: their rename republishes the position
    # anyway (after this change, with the new name), and locking them here, with the
    # position already locked, is the opposite order to a rename's, a deadlock.
    repo = PersonRepository(uow.session)
    ids = {values[column] for _, column in OWNER_ROLES if values.get(column) is not None}
    owning = ids & owner_ids(old) if old else set()
    people = {p.id: p for p in await repo.by_ids(ids - owning, lock=True)}
    people.update({p.id: p for p in await repo.by_ids(owning)})
    for role, column in OWNER_ROLES:
        person_id = values.get(column)
        if person_id is None or (old is not None and old.get(column) == person_id):
            continue  # unchanged owners are not checked again (they may have left since)
        if person_id not in people:
            errors.append(FieldError(("owners", f"{role}_id"), f"unknown person {person_id}"))
        elif not people[person_id].active:
            errors.append(
                FieldError(("owners", f"{role}_id"), f"person {person_id} is deactivated")
            )
    if errors or unit is None:
        raise InvalidFields(errors)
    if "code" in fields and values.get("code") is not None:
        if await PositionRepository(uow.session).code_taken(values["code"], other_than=position_id):
            raise Conflict(f"another position already has code {values['code']!r}")
    refs = {pid: person_ref(p) for pid, p in people.items()}
    recruiter, manager = (
        people[values[column]] if values.get(column) is not None else None
        for _, column in OWNER_ROLES
    )
    return Checked(unit, owners_state(values, refs), recruiter, manager)


def _initial_values(position_id: uuid.UUID, at: datetime) -> dict[str, Any]:
    """The columns of a new position before its fields are applied."""
    return {
        "id": position_id,
        "version": 1,
        "code": None,
        "job_family": "general",
        "headcount": 1,
        "status": "open",
        "location": None,
        "reports_to_position_id": None,
        "responsibilities": [],
        "requirements": stored_requirements(Requirements()),
        "evaluation_scheme": {"dimensions": []},
        "titles": {},
        "recruiter_id": None,
        "hiring_manager_id": None,
        "created_at": at,
        "updated_at": at,
    }


async def _create(uow: UnitOfWork, values: dict[str, Any], *, by: str) -> PositionInUnit:
    """Insert a checked position (version 1), record its history and publish `created`."""
    checked = await _check(uow, position_id=values["id"], values=values, fields=set(values))
    position = Position(**values)
    uow.session.add(position)
    await uow.flush()
    state = position_state(values, unit_ref(checked.unit), checked.owners)
    changes = [c for c in diff_positions({}, state, TRACKED_FIELDS) if c.new not in UNSET_VALUES]
    await insert_history(
        uow,
        [
            record_version(
                uow, state=state, change="created", changes=changes, by=by, at=values["created_at"]
            )
        ],
    )
    await uow.commit()
    return PositionInUnit(position, checked.unit, checked.recruiter, checked.hiring_manager)


async def create_position(uow: UnitOfWork, *, data: PositionCreate, by: str) -> PositionInUnit:
    """Create a position (version 1) and publish `created`."""
    values = _initial_values(uuid.uuid4(), uow.clock.now())
    values.update(
        {
            "code": data.code,
            "title": " ".join(data.title.split()),
            "org_unit_id": data.org_unit_id,
            "job_family": data.job_family.strip().lower(),
            "headcount": data.headcount,
            "status": data.status,
            "location": data.location or None,
            "reports_to_position_id": data.reports_to_position_id,
            "responsibilities": _responsibilities(data.responsibilities),
            "requirements": stored_requirements(Requirements(**data.requirements.model_dump())),
            "evaluation_scheme": stored_scheme(data.evaluation_scheme),
            "titles": data.titles,
            "recruiter_id": data.owners.recruiter_id,
            "hiring_manager_id": data.owners.hiring_manager_id,
        }
    )
    return await _create(uow, values, by=by)


async def get_position(reads: Reads, *, position_id: uuid.UUID) -> dict[str, Any]:
    """A position in its unit with its owners, as the API shows it; 404 when missing.

    One statement on `Reads` (no unit of work): the row is the snapshot the last committed
    change wrote, whatever runs concurrently.
    """
    row = found(await position_in_unit(reads, position_id), "position", position_id)
    return read_values(row)


def read_values(row: Any) -> dict[str, Any]:
    """The API shape's values of a row from `db.reads`: the snapshot events carry (built by
    the same `position_state`, so both agree), plus the timestamps."""
    values = {name: row[name] for name in POSITION_COLUMNS}
    unit = {"id": str(values["org_unit_id"]), "name": row["unit_name"]}
    unit["path"] = list(row["unit_name_path"])
    people: dict[uuid.UUID, dict[str, Any]] = {}
    for person_id, fields in _OWNER_FIELDS:
        if row[person_id] is not None:
            people[row[person_id]] = person_ref(
                {"id": row[person_id]} | {name: row[column] for name, column in fields}
            )
    state = position_state(values, unit, owners_state(values, people))
    state["created_at"] = values["created_at"]
    state["updated_at"] = values["updated_at"]
    return state


# (the row's owner id column, ((PersonRef field, the row's column), ...)) per owner.
_OWNER_FIELDS = tuple(
    (f"{prefix}_id", tuple((name, f"{prefix}_{name}") for name in OWNER_REF_FIELDS))
    for prefix in OWNER_PREFIXES
)


async def _in_unit(uow: UnitOfWork, position: Position) -> PositionInUnit:
    return await PositionRepository(uow.session).in_unit(position)


async def update_position(
    uow: UnitOfWork,
    *,
    position_id: uuid.UUID,
    patch: PositionUpdate,
    expected: ExpectedVersion,
    by: str,
) -> PositionInUnit:
    """Apply a partial update; a real change bumps the version and publishes `updated`."""
    position = await PositionRepository(uow.session).get_for_change(position_id, expected)
    given = patch.model_fields_set
    old = position_values(position)
    new = dict(old)
    if "title" in given:
        new["title"] = " ".join((patch.title or "").split())
    for name in ("org_unit_id", "headcount", "reports_to_position_id", "code", "titles"):
        if name in given:
            new[name] = getattr(patch, name)
    if "job_family" in given:
        new["job_family"] = (patch.job_family or "").strip().lower()
    if "location" in given:
        new["location"] = patch.location or None
    if "responsibilities" in given:
        new["responsibilities"] = _responsibilities(patch.responsibilities or [])
    if "requirements" in given and patch.requirements is not None:
        merged = {**old["requirements"], **patch.requirements.model_dump(exclude_unset=True)}
        new["requirements"] = stored_requirements(
            Requirements(**RequirementsIn.model_validate(merged).model_dump())
        )
    if "evaluation_scheme" in given and patch.evaluation_scheme is not None:
        new["evaluation_scheme"] = stored_scheme(patch.evaluation_scheme)
    if "owners" in given and patch.owners is not None:
        # Merge: an owner left out keeps; one sent (even as null) is replaced.
        for role, column in OWNER_ROLES:
            if f"{role}_id" in patch.owners.model_fields_set:
                new[column] = getattr(patch.owners, f"{role}_id")
    return await _apply(uow, position, old, new, given, by)


async def _apply(
    uow: UnitOfWork,
    position: Position,
    old: dict[str, Any],
    new: dict[str, Any],
    given: set[str],
    by: str,
) -> PositionInUnit:
    """Check and save a change of a locked position; no real change → no version, no event."""
    old_in_unit = await _in_unit(uow, position)
    old_state = position_state(old, unit_ref(old_in_unit.unit), _owners_of(old_in_unit, old))
    if _same_references(old, new) and not diff_positions(
        old_state, position_state(new, old_state["org_unit"], old_state["owners"]), TRACKED_FIELDS
    ):
        # Saving the form unchanged (a nightly sync's PUT) is not a new version: nothing to
        # tell other services, and nothing to check again.
        return old_in_unit
    fields = {"org_unit_id", *given}
    checked = await _check(uow, position_id=position.id, values=new, fields=fields, old=old)
    new_state = position_state(new, unit_ref(checked.unit), checked.owners)
    changes = diff_positions(old_state, new_state, TRACKED_FIELDS)
    if not changes:
        return old_in_unit
    change = "updated"
    if [c.field for c in changes] == ["status"]:
        change = "closed" if new["status"] == "closed" else "reopened"
    return await _save(uow, position, new, checked, changes, change, by)


def _same_references(old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """True when the unit and the owners are the ones already stored (their refs are known)."""
    return all(
        old.get(column) == new.get(column)
        for column in ("org_unit_id", *(column for _, column in OWNER_ROLES))
    )


def _owners_of(row: PositionInUnit, values: Mapping[str, Any]) -> dict[str, Any]:
    refs = {p.id: person_ref(p) for p in (row.recruiter, row.hiring_manager) if p is not None}
    return owners_state(values, refs)


async def _save(
    uow: UnitOfWork,
    position: Position,
    new: dict[str, Any],
    checked: Checked,
    changes: list[FieldChange],
    change: str,
    by: str,
) -> PositionInUnit:
    at = uow.clock.now()
    new["version"] = position.version + 1
    new["updated_at"] = at
    for name, value in new.items():
        setattr(position, name, value)
    state = position_state(new, unit_ref(checked.unit), checked.owners)
    await insert_history(
        uow, [record_version(uow, state=state, change=change, changes=changes, by=by, at=at)]
    )
    await uow.commit()
    return PositionInUnit(position, checked.unit, checked.recruiter, checked.hiring_manager)


async def upsert_position_by_code(
    uow: UnitOfWork,
    *,
    code: str,
    data: PositionUpsert,
    expected: ExpectedVersion,
    by: str,
) -> tuple[PositionInUnit, bool]:
    """Create or update the position with this code; True when created.

    The unit, the reports-to position, the departments of the scheme and the owners come by
    code; every unknown code is named in one 422. Sending what is stored changes nothing.
    """
    await advisory_lock(uow.session, f"org-service:position-code:{code}")
    position = await PositionRepository(uow.session).get_by_code(code, for_update=True)
    check_upsert(
        expected, None if position is None else position.version, what="position", code=code
    )
    given = data.model_fields_set
    fields = await _resolve_codes(uow, data, given)
    if position is None:
        missing = [name for name in ("title", "org_unit_code") if name not in given]
        if missing:
            raise InvalidFields(
                [FieldError((name,), "required to create a position") for name in missing]
            )
        values = {**_initial_values(uuid.uuid4(), uow.clock.now()), "code": code, **fields}
        return await _create(uow, values, by=by), True
    old = position_values(position)
    new = {**old, **fields}
    return await _apply(uow, position, old, new, set(fields), by), False


async def _resolve_codes(uow: UnitOfWork, data: PositionUpsert, given: set[str]) -> dict[str, Any]:
    """The position columns a by-code body sets, its codes resolved to ids (422 names every
    unknown code)."""
    units = OrgUnitRepository(uow.session)
    errors: list[FieldError] = []
    scheme = data.evaluation_scheme if "evaluation_scheme" in given else None
    unit_codes = {data.org_unit_code} if data.org_unit_code else set()
    if scheme is not None:
        unit_codes |= {d.department_code for d in scheme.dimensions if d.department_code}
    unit_ids = await units.ids_by_codes(unit_codes)
    values: dict[str, Any] = {}
    if data.org_unit_code is not None:
        if data.org_unit_code in unit_ids:
            values["org_unit_id"] = unit_ids[data.org_unit_code]
        else:
            errors.append(
                FieldError(("org_unit_code",), f"unknown org unit code {data.org_unit_code!r}")
            )
    if "reports_to_code" in given:
        values["reports_to_position_id"] = None
        if data.reports_to_code is not None:
            found = await PositionRepository(uow.session).ids_by_codes([data.reports_to_code])
            if data.reports_to_code in found:
                values["reports_to_position_id"] = found[data.reports_to_code]
            else:
                errors.append(
                    FieldError(
                        ("reports_to_code",), f"unknown position code {data.reports_to_code!r}"
                    )
                )
    if scheme is not None:
        dimensions: list[DimensionIn] = []
        for i, d in enumerate(scheme.dimensions):
            if d.department_code is not None and d.department_code not in unit_ids:
                errors.append(
                    FieldError(
                        ("evaluation_scheme", "dimensions", i, "department_code"),
                        f"unknown org unit code {d.department_code!r}",
                    )
                )
            dimensions.append(
                DimensionIn(
                    key=d.key,
                    name=d.name,
                    weight=d.weight,
                    department_id=unit_ids.get(d.department_code) if d.department_code else None,
                    names=d.names,
                )
            )
        values["evaluation_scheme"] = stored_scheme(EvaluationSchemeIn(dimensions=dimensions))
    if "owners" in given and data.owners is not None:
        owners = data.owners
        codes = {c for c in (owners.recruiter_code, owners.hiring_manager_code) if c}
        people = {
            p.external_code: p.id for p in await PersonRepository(uow.session).by_codes(codes)
        }
        for role, column in OWNER_ROLES:
            person_code = getattr(owners, f"{role}_code")
            values[column] = getattr(owners, f"{role}_id")
            if person_code:
                values[column] = people.get(person_code)
                if person_code not in people:
                    errors.append(
                        FieldError(
                            ("owners", f"{role}_code"), f"unknown person code {person_code!r}"
                        )
                    )
    if errors:
        raise InvalidFields(errors)
    if "title" in given and data.title is not None:
        values["title"] = " ".join(data.title.split())
    if "job_family" in given and data.job_family is not None:
        values["job_family"] = data.job_family.strip().lower()
    for name in ("headcount", "status", "titles"):
        if name in given:
            values[name] = getattr(data, name)
    if "location" in given:
        values["location"] = data.location or None
    if "responsibilities" in given:
        values["responsibilities"] = _responsibilities(data.responsibilities or [])
    if "requirements" in given and data.requirements is not None:
        values["requirements"] = stored_requirements(Requirements(**data.requirements.model_dump()))
    return values


async def set_status(
    uow: UnitOfWork,
    *,
    position_id: uuid.UUID,
    status: str,
    expected: ExpectedVersion,
    by: str,
) -> PositionInUnit:
    """Close or reopen a position for hiring; publishes `closed` or `reopened`."""
    position = await PositionRepository(uow.session).get_for_change(position_id, expected)
    if position.status == status:
        raise Conflict(f"position {position_id} is already {status}", type_="position-" + status)
    old = position_values(position)
    return await _apply(uow, position, old, {**old, "status": status}, {"status"}, by)


async def list_positions(
    reads: Reads,
    *,
    limit: int,
    cursor: str | None,
    org_unit_id: uuid.UUID | None,
    include_subtree: bool,
    status: str | None,
    job_family: str | None,
    q: str | None = None,
) -> Page[dict[str, Any]]:
    """A page of positions (filtered; `q` matches part of the title or code), by creation,
    as the API shows them."""
    after = POSITIONS.decode(cursor)
    if org_unit_id is not None and not await org_unit_exists(reads, org_unit_id):
        raise NotFound("org unit", org_unit_id)
    rows = await positions_query(
        after=after,
        org_unit_id=org_unit_id,
        include_subtree=include_subtree,
        status=status,
        job_family=job_family.strip().lower() if job_family else None,
        q=q.strip() if q and q.strip() else None,
    ).fetch(reads, limit)
    page = POSITIONS.page(rows, limit, key=lambda row: (row["created_at"], row["id"]))
    return page.map(read_values)


async def position_history(
    uow: UnitOfWork, *, position_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[PositionVersion]:
    """Versions of a position, oldest first."""
    repo = PositionRepository(uow.session)
    await repo.get_or_raise(position_id)
    after = VERSIONS.decode(cursor)
    rows = await repo.history(
        position_id, limit=limit, after_version=after[0] if after is not None else None
    )
    return VERSIONS.page(rows, limit, key=lambda v: (v.version,))
