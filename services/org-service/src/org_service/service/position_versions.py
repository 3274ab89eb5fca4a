"""Every change of a position is a new version: a snapshot, a history row, `position-changed`.

The position use cases, org unit restructures (which republish the positions below a renamed
or moved unit) and imports all version positions through these helpers, so a version looks
the same whichever of them made it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, update

from org_service.db.models import OrgUnit, Position, PositionVersion
from org_service.db.repositories import PositionRepository
from org_service.domain.positions import FieldChange, diff_positions, normalise_requirements
from org_service.service.inputs import EvaluationSchemeIn
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import PositionChanged
from talentloop_shared.events.payloads import EvaluationScheme, Requirements

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


async def republish_positions(
    uow: UnitOfWork,
    *,
    old_refs: Mapping[uuid.UUID, dict[str, Any]],
    new_refs: Mapping[uuid.UUID, dict[str, Any]],
    change: str,
    by: str,
) -> int:
    """New version + `position-changed` for each position whose unit name or path changed."""
    affected = [uid for uid, ref in new_refs.items() if old_refs.get(uid) != ref]
    rows = await PositionRepository(uow.session).rows_in_units(affected, for_update=True)
    at = uow.clock.now()
    updates: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    for values in rows:
        unit_id = values["org_unit_id"]
        old_state = position_state(values, old_refs[unit_id])
        new_values = {**values, "version": values["version"] + 1, "updated_at": at}
        new_state = position_state(new_values, new_refs[unit_id])
        changes = diff_positions(old_state, new_state, TRACKED_FIELDS)
        updates.append({"id": values["id"], "version": new_values["version"], "updated_at": at})
        history.append(
            record_version(uow, state=new_state, change=change, changes=changes, by=by, at=at)
        )
    if updates:
        # One executemany UPDATE by primary key for the whole restructure.
        await uow.session.execute(update(Position), updates)
        await insert_history(uow, history)
    return len(updates)
