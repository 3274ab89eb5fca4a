"""Position use cases: create, edit, close/reopen, read, list, history.

Every change bumps `version`, records a history row and publishes `position-changed` with the
whole snapshot, all in one unit of work.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert

from org_service.api.schemas import (
    EvaluationSchemeIn,
    PositionCreate,
    PositionUpdate,
    RequirementsIn,
)
from org_service.db.models import OrgUnit, Position, PositionVersion
from org_service.db.repositories import OrgUnitRepository, PositionRepository
from org_service.domain.errors import FieldError
from org_service.domain.positions import (
    FieldChange,
    diff_positions,
    normalise_requirements,
    validate_evaluation_scheme,
    validate_reports_to,
    validate_requirements,
)
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import PositionChanged
from talentloop_shared.events.payloads import EvaluationScheme, Requirements
from talentloop_shared.http import ProblemError
from talentloop_shared.http.pagination import bad_cursor, decode_cursor, encode_cursor
from talentloop_shared.http.problems import conflict, not_found, unprocessable

# The fields history and `changed_fields` speak about, in snapshot order (`code` is ours).
TRACKED_FIELDS: tuple[str, ...] = (
    "code",
    "title",
    "status",
    "headcount",
    "job_family",
    "org_unit",
    "reports_to_position_id",
    "location",
    "responsibilities",
    "requirements",
    "evaluation_scheme",
)
_COLUMNS = tuple(c.key for c in Position.__table__.columns)


# --- snapshots ------------------------------------------------------------------------------


def now() -> datetime:
    """The current UTC time (one clock for rows and history)."""
    return datetime.now(UTC)


def position_values(position: Position) -> dict[str, Any]:
    """The position's columns as a plain dict (the form bulk operations use too)."""
    return {name: getattr(position, name) for name in _COLUMNS}


def unit_ref(unit: OrgUnit) -> dict[str, Any]:
    """The `org_unit` part of a snapshot: id, name and the names root first."""
    return {"id": str(unit.id), "name": unit.name, "path": list(unit.name_path)}


def position_state(values: Mapping[str, Any], org_unit: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON-ready snapshot of a position as `position-changed` carries it, plus `code`."""
    reports_to = values.get("reports_to_position_id")
    return {
        "id": str(values["id"]),
        "version": values["version"],
        "code": values.get("code"),
        "title": values["title"],
        "status": values["status"],
        "headcount": values["headcount"],
        "job_family": values["job_family"],
        "org_unit": dict(org_unit),
        "reports_to_position_id": str(reports_to) if reports_to is not None else None,
        "location": values.get("location"),
        "responsibilities": list(values.get("responsibilities") or []),
        "requirements": values["requirements"],
        "evaluation_scheme": values["evaluation_scheme"],
    }


def record_version(
    uow: UnitOfWork,
    *,
    state: Mapping[str, Any],
    change: str,
    changes: Sequence[FieldChange],
    by: str,
    at: datetime,
) -> dict[str, Any]:
    """Publish `position-changed` for this version; return its history row (caller inserts)."""
    changed_fields = [c.field for c in changes]
    payload = PositionChanged.model_validate(
        {"change": change, "changed_fields": changed_fields, "position": state}
    )
    uow.publish(payload, subject=f"positions/{state['id']}")
    return {
        "position_id": uuid.UUID(str(state["id"])),
        "version": state["version"],
        "change": change,
        "changed_by": by,
        "changed_at": at,
        "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in changes],
        "snapshot": dict(state),
    }


async def insert_history(uow: UnitOfWork, rows: list[dict[str, Any]]) -> None:
    """Bulk-insert history rows (one round trip for any number)."""
    if rows:
        await uow.session.execute(insert(PositionVersion), rows)


def stored_requirements(requirements: Requirements) -> dict[str, Any]:
    """Requirements as stored and published: normalised lists, years as a float."""
    data = normalise_requirements(requirements).model_dump(mode="json")
    data["min_years_experience"] = float(data["min_years_experience"])
    return data


def stored_scheme(scheme: EvaluationSchemeIn | EvaluationScheme) -> dict[str, Any]:
    """The evaluation scheme as stored and published (department ids as text)."""
    return {
        "dimensions": [
            {
                "key": d.key.strip(),
                "name": d.name.strip(),
                "weight": float(d.weight),
                "department_id": str(d.department_id) if d.department_id is not None else None,
            }
            for d in scheme.dimensions
        ]
    }


def _responsibilities(items: Iterable[str]) -> list[str]:
    return [text for item in items if (text := " ".join(item.split()))]


# --- validation -----------------------------------------------------------------------------


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
    if errors:
        raise unprocessable(
            "; ".join(f"{'.'.join(map(str, e.loc))}: {e.msg}" for e in errors[:3]),
            errors=[{"loc": ["body", *e.loc], "msg": e.msg} for e in errors],
        )
    if "code" in fields and values.get("code") is not None:
        if await PositionRepository(uow.session).code_taken(values["code"], other_than=position_id):
            raise conflict(f"another position already has code {values['code']!r}")
    assert unit is not None
    return unit


# --- use cases ------------------------------------------------------------------------------


async def create_position(
    uow: UnitOfWork, *, data: PositionCreate, by: str
) -> tuple[Position, OrgUnit]:
    """Create a position (version 1) and publish `created`."""
    at = now()
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
    return position, unit


async def get_position(uow: UnitOfWork, *, position_id: uuid.UUID) -> tuple[Position, OrgUnit]:
    """A position and its org unit; 404 when missing."""
    position = await PositionRepository(uow.session).get(position_id)
    if position is None:
        raise not_found("position", position_id)
    unit = await OrgUnitRepository(uow.session).get(position.org_unit_id)
    assert unit is not None  # the foreign key guarantees it
    return position, unit


def _precondition(position: Position, expected_versions: set[int] | None) -> None:
    if expected_versions is not None and position.version not in expected_versions:
        raise ProblemError(
            412,
            "Precondition Failed",
            f"position {position.id} is at version {position.version}; If-Match named "
            f"{', '.join(map(str, sorted(expected_versions))) or 'another version'}. "
            "GET it again, re-apply your change and retry",
            type_="precondition-failed",
            headers={"ETag": etag(position.version)},
        )


def etag(version: int) -> str:
    """The strong ETag of a version (If-Match compares strongly, so no W/)."""
    return f'"{version}"'


async def update_position(
    uow: UnitOfWork,
    *,
    position_id: uuid.UUID,
    patch: PositionUpdate,
    expected_versions: set[int] | None,
    by: str,
) -> tuple[Position, OrgUnit]:
    """Apply a partial update; a real change bumps the version and publishes `updated`."""
    repo = PositionRepository(uow.session)
    position = await repo.get_for_update(position_id)
    if position is None:
        raise not_found("position", position_id)
    _precondition(position, expected_versions)
    given = patch.model_fields_set
    not_nullable = {
        "title",
        "org_unit_id",
        "job_family",
        "headcount",
        "responsibilities",
        "requirements",
        "evaluation_scheme",
    }
    nulls = [f for f in given & not_nullable if getattr(patch, f) is None]
    if nulls:
        raise unprocessable(
            "; ".join(f"{f}: must not be null" for f in sorted(nulls)),
            errors=[{"loc": ["body", f], "msg": "must not be null"} for f in sorted(nulls)],
        )
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
    old_unit = await OrgUnitRepository(uow.session).get(position.org_unit_id)
    assert old_unit is not None
    unit = await _check(uow, position_id=position_id, values=new, fields=fields)
    old_state = position_state(old, unit_ref(old_unit))
    new_state = position_state(new, unit_ref(unit))
    changes = diff_positions(old_state, new_state, TRACKED_FIELDS)
    if not changes:
        # Saving the form unchanged is not a new version: nothing to tell other services.
        return position, old_unit
    return await _save(uow, position, new, unit, changes, "updated", by)


async def _save(
    uow: UnitOfWork,
    position: Position,
    new: dict[str, Any],
    unit: OrgUnit,
    changes: list[FieldChange],
    change: str,
    by: str,
) -> tuple[Position, OrgUnit]:
    at = now()
    new["version"] = position.version + 1
    new["updated_at"] = at
    for name, value in new.items():
        setattr(position, name, value)
    state = position_state(new, unit_ref(unit))
    await insert_history(
        uow, [record_version(uow, state=state, change=change, changes=changes, by=by, at=at)]
    )
    await uow.commit()
    return position, unit


async def set_status(
    uow: UnitOfWork,
    *,
    position_id: uuid.UUID,
    status: str,
    expected_versions: set[int] | None,
    by: str,
) -> tuple[Position, OrgUnit]:
    """Close or reopen a position for hiring; publishes `closed` or `reopened`."""
    position = await PositionRepository(uow.session).get_for_update(position_id)
    if position is None:
        raise not_found("position", position_id)
    _precondition(position, expected_versions)
    if position.status == status:
        raise conflict(f"position {position_id} is already {status}", type_="position-" + status)
    unit = await OrgUnitRepository(uow.session).get(position.org_unit_id)
    assert unit is not None
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
) -> tuple[list[tuple[Position, OrgUnit]], str | None]:
    """A page of positions (filtered), with the cursor of the next page."""
    after_raw = decode_cursor(cursor, arity=2)
    after = None
    if after_raw is not None:
        try:
            after = (datetime.fromisoformat(after_raw[0]), uuid.UUID(after_raw[1]))
        except ValueError:
            raise bad_cursor() from None
    unit = None
    if org_unit_id is not None:
        unit = await OrgUnitRepository(uow.session).get(org_unit_id)
        if unit is None:
            raise not_found("org unit", org_unit_id)
    rows = list(
        await PositionRepository(uow.session).page(
            limit=limit,
            after=after,
            org_unit=unit,
            include_subtree=include_subtree,
            status=status,
            job_family=job_family.strip().lower() if job_family else None,
        )
    )
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1][0]
        next_cursor = encode_cursor(last.created_at.isoformat(), str(last.id))
    return rows, next_cursor


async def position_history(
    uow: UnitOfWork, *, position_id: uuid.UUID, limit: int, cursor: str | None
) -> tuple[list[PositionVersion], str | None]:
    """Versions of a position, oldest first, with the cursor of the next page."""
    if await PositionRepository(uow.session).get(position_id) is None:
        raise not_found("position", position_id)
    after = decode_cursor(cursor, arity=1)
    after_version = after[0] if after and isinstance(after[0], int) else None
    rows = list(
        await PositionRepository(uow.session).history(
            position_id, limit=limit, after_version=after_version
        )
    )
    next_cursor = encode_cursor(rows[limit - 1].version) if len(rows) > limit else None
    return rows[:limit], next_cursor
