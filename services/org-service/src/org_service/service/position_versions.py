"""Every change of a position is a new version: a snapshot, a history row, `position-changed`.

The position use cases, org unit restructures (which republish the positions below a renamed
or moved unit), people changes (which republish the positions a person owns when what the
snapshot says of them changes) and imports all version positions through these helpers, so a
version looks the same whichever of them made it.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, update

from org_service.db.models import OrgUnit, Person, Position, PositionVersion
from org_service.db.repositories import OrgUnitRepository, PersonRepository, PositionRepository
from org_service.domain.people import OWNER_REF_FIELDS
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
    "titles",
    "owners",
)
OWNER_ROLES: tuple[tuple[str, str], ...] = (
    ("recruiter", "recruiter_id"),
    ("hiring_manager", "hiring_manager_id"),
)
_COLUMNS = tuple(c.key for c in Position.__table__.columns)
# Snapshot values a new position's "created" version does not count as set.
UNSET_VALUES: tuple[Any, ...] = (None, {}, {"recruiter": None, "hiring_manager": None})


def position_values(position: Position) -> dict[str, Any]:
    """The position's columns as a plain dict (the form bulk operations use too)."""
    return {name: getattr(position, name) for name in _COLUMNS}


def unit_ref(unit: OrgUnit) -> dict[str, Any]:
    """The `org_unit` part of a snapshot: id, name and the names root first."""
    return {"id": str(unit.id), "name": unit.name, "path": list(unit.name_path)}


def person_ref(person: Person | Mapping[str, Any]) -> dict[str, Any]:
    """What a position's snapshot says of an owner (`PersonRef`), from a row or its values."""

    def get(name: str) -> Any:
        return person[name] if isinstance(person, Mapping) else getattr(person, name)

    return {
        "id": str(get("id")),
        **{name: get(name) for name in OWNER_REF_FIELDS},
    }


def owner_ids(values: Mapping[str, Any]) -> set[uuid.UUID]:
    """The people a position's columns name as owners."""
    return {values[column] for _, column in OWNER_ROLES if values.get(column) is not None}


def owners_state(
    values: Mapping[str, Any], refs: Mapping[uuid.UUID, Mapping[str, Any]]
) -> dict[str, Any]:
    """The `owners` part of a snapshot, from the owner ids and the people's refs."""
    return {
        role: (dict(refs[values[column]]) if values.get(column) is not None else None)
        for role, column in OWNER_ROLES
    }


async def owner_refs(
    uow: UnitOfWork, rows: Sequence[Mapping[str, Any]], *, lock: bool = False
) -> dict[uuid.UUID, dict[str, Any]]:
    """The refs of everyone the rows name as owners (one query); `lock` holds them against a
    concurrent change until this transaction ends, so the snapshot cannot go stale."""
    ids = set().union(*(owner_ids(values) for values in rows)) if rows else set()
    people = await PersonRepository(uow.session).by_ids(ids, lock=lock)
    return {person.id: person_ref(person) for person in people}


def _scheme_state(scheme: Mapping[str, Any]) -> dict[str, Any]:
    # Versions stored before translations existed have no `names`: the same as none.
    return {
        "dimensions": [
            {**d, "names": dict(d.get("names") or {})} for d in scheme.get("dimensions", [])
        ]
    }


def position_state(
    values: Mapping[str, Any], org_unit: Mapping[str, Any], owners: Mapping[str, Any]
) -> dict[str, Any]:
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
        "evaluation_scheme": _scheme_state(values["evaluation_scheme"]),
        "titles": dict(values.get("titles") or {}),
        "owners": dict(owners),
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
                "names": dict(d.names),
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
    people = await owner_refs(uow, rows)
    return await _republish(
        uow, rows, units=(old_refs, new_refs), people=(people, people), change=change, by=by
    )


async def republish_owned(
    uow: UnitOfWork,
    *,
    old_people: Mapping[uuid.UUID, dict[str, Any]],
    new_people: Mapping[uuid.UUID, dict[str, Any]],
    by: str,
) -> int:
    """New version + `position-changed` (`updated`, changed_fields ["owners"]) for each
    position owned by someone whose ref (name, email, locale, time zone, subject) changed."""
    changed = [pid for pid, ref in new_people.items() if old_people.get(pid) != ref]
    rows = await PositionRepository(uow.session).rows_owned_by(changed, for_update=True)
    if not rows:
        return 0
    others = await owner_refs(uow, rows)
    units = {
        u.id: unit_ref(u)
        for u in await OrgUnitRepository(uow.session).by_ids({r["org_unit_id"] for r in rows})
    }
    return await _republish(
        uow,
        rows,
        units=(units, units),
        people=({**others, **old_people}, {**others, **new_people}),
        change="updated",
        by=by,
    )


async def _republish(
    uow: UnitOfWork,
    rows: Sequence[Mapping[str, Any]],
    *,
    units: tuple[Mapping[uuid.UUID, dict[str, Any]], Mapping[uuid.UUID, dict[str, Any]]],
    people: tuple[Mapping[uuid.UUID, dict[str, Any]], Mapping[uuid.UUID, dict[str, Any]]],
    change: str,
    by: str,
) -> int:
    """Version the positions whose snapshot differs between the old and the new refs."""
    at = uow.clock.now()
    updates: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    for values in rows:
        unit_id = values["org_unit_id"]
        old_state = position_state(values, units[0][unit_id], owners_state(values, people[0]))
        new_values = {**values, "version": values["version"] + 1, "updated_at": at}
        new_state = position_state(new_values, units[1][unit_id], owners_state(values, people[1]))
        changes = diff_positions(old_state, new_state, TRACKED_FIELDS)
        if not changes:
            continue
        updates.append({"id": values["id"], "version": new_values["version"], "updated_at": at})
        history.append(
            record_version(uow, state=new_state, change=change, changes=changes, by=by, at=at)
        )
    if updates:
        # One executemany UPDATE by primary key for the whole restructure.
        await uow.session.execute(update(Position), updates)
        await insert_history(uow, history)
    return len(updates)
