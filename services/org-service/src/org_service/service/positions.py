"""Position use cases: create, edit, close/reopen, read, list, history.

Every change bumps `version`, records a history row and publishes `position-changed` with the
whole snapshot, all in one unit of work (see `position_versions`).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from org_service.db.models import OrgUnit, Position, PositionVersion
from org_service.db.repositories import OrgUnitRepository, PositionInUnit, PositionRepository
from org_service.domain.errors import FieldError, InvalidFields
from org_service.domain.positions import (
    FieldChange,
    diff_positions,
    validate_evaluation_scheme,
    validate_reports_to,
    validate_requirements,
)
from org_service.service.inputs import PositionCreate, PositionUpdate, RequirementsIn
from org_service.service.position_versions import (
    TRACKED_FIELDS,
    insert_history,
    position_state,
    position_values,
    record_version,
    stored_requirements,
    stored_scheme,
    unit_ref,
)
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Conflict, ExpectedVersion, NotFound
from talentloop_shared.events.payloads import Requirements
from talentloop_shared.pagination import Keyset, Page

# Lists are ordered by creation: (created_at, id).
POSITIONS = Keyset(datetime, uuid.UUID)
# History is ordered by version.
VERSIONS = Keyset(int)


def _responsibilities(items: Iterable[str]) -> list[str]:
    return [text for item in items if (text := " ".join(item.split()))]


async def _check(
    uow: UnitOfWork,
    *,
    position_id: uuid.UUID,
    values: Mapping[str, Any],
    fields: set[str],
) -> OrgUnit:
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
    if errors or unit is None:
        raise InvalidFields(errors)
    if "code" in fields and values.get("code") is not None:
        if await PositionRepository(uow.session).code_taken(values["code"], other_than=position_id):
            raise Conflict(f"another position already has code {values['code']!r}")
    return unit


async def create_position(uow: UnitOfWork, *, data: PositionCreate, by: str) -> PositionInUnit:
    """Create a position (version 1) and publish `created`."""
    at = uow.clock.now()
    position_id = uuid.uuid4()
    values: dict[str, Any] = {
        "id": position_id,
        "version": 1,
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
        "created_at": at,
        "updated_at": at,
    }
    unit = await _check(uow, position_id=position_id, values=values, fields=set(values))
    position = Position(**values)
    uow.session.add(position)
    await uow.flush()
    state = position_state(values, unit_ref(unit))
    changes = diff_positions({}, state, TRACKED_FIELDS)
    await insert_history(
        uow, [record_version(uow, state=state, change="created", changes=changes, by=by, at=at)]
    )
    await uow.commit()
    return PositionInUnit(position, unit)


async def get_position(uow: UnitOfWork, *, position_id: uuid.UUID) -> PositionInUnit:
    """A position and its org unit; 404 when missing."""
    position = await PositionRepository(uow.session).get(position_id)
    if position is None:
        raise NotFound("position", position_id)
    return PositionInUnit(position, await _unit_of(uow, position))


async def _unit_of(uow: UnitOfWork, position: Position) -> OrgUnit:
    unit = await OrgUnitRepository(uow.session).get(position.org_unit_id)
    assert unit is not None  # the foreign key guarantees it
    return unit


async def _locked(uow: UnitOfWork, position_id: uuid.UUID, expected: ExpectedVersion) -> Position:
    """The position, locked for this change, at a version If-Match accepts."""
    position = await PositionRepository(uow.session).get_for_update(position_id)
    if position is None:
        raise NotFound("position", position_id)
    expected.check(position.version, what=f"position {position_id}")
    return position


async def update_position(
    uow: UnitOfWork,
    *,
    position_id: uuid.UUID,
    patch: PositionUpdate,
    expected: ExpectedVersion,
    by: str,
) -> PositionInUnit:
    """Apply a partial update; a real change bumps the version and publishes `updated`."""
    position = await _locked(uow, position_id, expected)
    given = patch.model_fields_set
    old = position_values(position)
    new = dict(old)
    if "title" in given:
        new["title"] = " ".join((patch.title or "").split())
    for name in ("org_unit_id", "headcount", "reports_to_position_id", "code"):
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
    fields = {"org_unit_id", *given}
    old_unit = await _unit_of(uow, position)
    unit = await _check(uow, position_id=position_id, values=new, fields=fields)
    old_state = position_state(old, unit_ref(old_unit))
    new_state = position_state(new, unit_ref(unit))
    changes = diff_positions(old_state, new_state, TRACKED_FIELDS)
    if not changes:
        # Saving the form unchanged is not a new version: nothing to tell other services.
        return PositionInUnit(position, old_unit)
    return await _save(uow, position, new, unit, changes, "updated", by)


async def _save(
    uow: UnitOfWork,
    position: Position,
    new: dict[str, Any],
    unit: OrgUnit,
    changes: list[FieldChange],
    change: str,
    by: str,
) -> PositionInUnit:
    at = uow.clock.now()
    new["version"] = position.version + 1
    new["updated_at"] = at
    for name, value in new.items():
        setattr(position, name, value)
    state = position_state(new, unit_ref(unit))
    await insert_history(
        uow, [record_version(uow, state=state, change=change, changes=changes, by=by, at=at)]
    )
    await uow.commit()
    return PositionInUnit(position, unit)


async def set_status(
    uow: UnitOfWork,
    *,
    position_id: uuid.UUID,
    status: str,
    expected: ExpectedVersion,
    by: str,
) -> PositionInUnit:
    """Close or reopen a position for hiring; publishes `closed` or `reopened`."""
    position = await _locked(uow, position_id, expected)
    if position.status == status:
        raise Conflict(f"position {position_id} is already {status}", type_="position-" + status)
    unit = await _unit_of(uow, position)
    change = FieldChange("status", position.status, status)
    new = {**position_values(position), "status": status}
    return await _save(
        uow, position, new, unit, [change], "closed" if status == "closed" else "reopened", by
    )


async def list_positions(
    uow: UnitOfWork,
    *,
    limit: int,
    cursor: str | None,
    org_unit_id: uuid.UUID | None,
    include_subtree: bool,
    status: str | None,
    job_family: str | None,
) -> Page[PositionInUnit]:
    """A page of positions (filtered), ordered by creation."""
    after = POSITIONS.decode(cursor)
    unit = None
    if org_unit_id is not None:
        unit = await OrgUnitRepository(uow.session).get(org_unit_id)
        if unit is None:
            raise NotFound("org unit", org_unit_id)
    rows = await PositionRepository(uow.session).page(
        limit=limit,
        after=after,
        org_unit=unit,
        include_subtree=include_subtree,
        status=status,
        job_family=job_family.strip().lower() if job_family else None,
    )
    return POSITIONS.page(rows, limit, key=lambda row: (row.position.created_at, row.position.id))


async def position_history(
    uow: UnitOfWork, *, position_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[PositionVersion]:
    """Versions of a position, oldest first."""
    repo = PositionRepository(uow.session)
    if await repo.get(position_id) is None:
        raise NotFound("position", position_id)
    after = VERSIONS.decode(cursor)
    rows = await repo.history(
        position_id, limit=limit, after_version=after[0] if after is not None else None
    )
    return VERSIONS.page(rows, limit, key=lambda v: (v.version,))
