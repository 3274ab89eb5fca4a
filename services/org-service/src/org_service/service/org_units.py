"""Org unit use cases: create, edit, move, delete, list, tree.

A rename or a move changes what the positions below the unit publish as `org_unit` (its name
and path), so both give every affected position a new version and publish `position-changed`
in the same transaction: `moved` for a move, `updated` (changed_fields ["org_unit"]) for a
rename — the position did not move anywhere, only its unit's label changed, and consumers that
react to restructures (re-screening) key on `moved`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select, update

from org_service.api.schemas import OrgUnitCreate, OrgUnitUpdate
from org_service.db.models import OrgUnit, Position
from org_service.db.repositories import OrgUnitRepository, PositionRepository
from org_service.domain.org_tree import build_tree, move_creates_cycle, parse_kind, rebase_path
from org_service.domain.positions import diff_positions
from org_service.service.positions import (
    TRACKED_FIELDS,
    insert_history,
    now,
    position_state,
    record_version,
    unit_ref,
)
from talentloop_shared.db import UnitOfWork
from talentloop_shared.http.pagination import bad_cursor, decode_cursor, encode_cursor
from talentloop_shared.http.problems import conflict, not_found, unprocessable

_KEEP = object()


def _kind_or_422(value: str) -> str:
    kind = parse_kind(value)
    if kind is None:
        allowed = "company, business_unit, division, department, team"
        raise unprocessable(
            f"kind: must be one of {allowed}, got {value!r}",
            errors=[{"loc": ["body", "kind"], "msg": f"must be one of {allowed}"}],
        )
    return kind.value


async def _code_free(repo: OrgUnitRepository, code: str | None, unit_id: uuid.UUID) -> None:
    if code is None:
        return
    other = await repo.get_by_code(code)
    if other is not None and other.id != unit_id:
        raise conflict(f"org unit {other.id} already has code {code!r}")


async def create_org_unit(uow: UnitOfWork, *, data: OrgUnitCreate) -> OrgUnit:
    """Create a unit under `parent_id` (or as a root)."""
    repo = OrgUnitRepository(uow.session)
    kind = _kind_or_422(data.kind)
    await repo.lock_tree()
    unit_id = uuid.uuid4()
    parent = None
    if data.parent_id is not None:
        parent = await repo.get(data.parent_id)
        if parent is None:
            raise _unknown_parent(data.parent_id)
    await _code_free(repo, data.code, unit_id)
    at = now()
    unit = OrgUnit(
        id=unit_id,
        code=data.code,
        name=data.name,
        kind=kind,
        parent_id=data.parent_id,
        path=[*(parent.path if parent else []), unit_id],
        name_path=[*(parent.name_path if parent else []), data.name],
        created_at=at,
        updated_at=at,
    )
    repo.add(unit)
    await uow.commit()
    return unit


def _unknown_parent(parent_id: uuid.UUID) -> Exception:
    return unprocessable(
        f"parent_id: unknown org unit {parent_id}",
        errors=[{"loc": ["body", "parent_id"], "msg": f"unknown org unit {parent_id}"}],
    )


async def get_org_unit(uow: UnitOfWork, *, unit_id: uuid.UUID) -> OrgUnit:
    """One unit; 404 when missing."""
    unit = await OrgUnitRepository(uow.session).get(unit_id)
    if unit is None:
        raise not_found("org unit", unit_id)
    return unit


async def update_org_unit(
    uow: UnitOfWork, *, unit_id: uuid.UUID, patch: OrgUnitUpdate, by: str
) -> tuple[OrgUnit, int]:
    """Rename, re-kind, re-code or re-parent a unit; returns it and the positions republished."""
    given = patch.model_fields_set
    nulls = sorted(f for f in given & {"name", "kind"} if getattr(patch, f) is None)
    if nulls:
        raise unprocessable(
            "; ".join(f"{f}: must not be null" for f in nulls),
            errors=[{"loc": ["body", f], "msg": "must not be null"} for f in nulls],
        )
    repo = OrgUnitRepository(uow.session)
    await repo.lock_tree()
    unit = await repo.get_for_update(unit_id)
    if unit is None:
        raise not_found("org unit", unit_id)
    if "kind" in given and patch.kind is not None:
        unit.kind = _kind_or_422(patch.kind)
    if "code" in given:
        await _code_free(repo, patch.code, unit.id)
        unit.code = patch.code
    new_name = patch.name if "name" in given and patch.name != unit.name else _KEEP
    new_parent: Any = (
        patch.parent_id if "parent_id" in given and patch.parent_id != unit.parent_id else _KEEP
    )
    republished = await _restructure(uow, unit, new_name=new_name, new_parent_id=new_parent, by=by)
    unit.updated_at = now()
    await uow.commit()
    return unit, republished


async def move_org_unit(
    uow: UnitOfWork, *, unit_id: uuid.UUID, parent_id: uuid.UUID | None, by: str
) -> tuple[OrgUnit, int]:
    """Move a unit (and its subtree) under another parent; 409 if that closes a cycle."""
    return await update_org_unit(
        uow, unit_id=unit_id, patch=OrgUnitUpdate(parent_id=parent_id), by=by
    )


async def _restructure(
    uow: UnitOfWork, unit: OrgUnit, *, new_name: Any, new_parent_id: Any, by: str
) -> int:
    """Rewrite the subtree's paths for a rename and/or move; republish its positions."""
    if new_name is _KEEP and new_parent_id is _KEEP:
        return 0
    repo = OrgUnitRepository(uow.session)
    new_parent: OrgUnit | None = None
    if new_parent_id is not _KEEP and new_parent_id is not None:
        new_parent = await repo.get(new_parent_id)
        if new_parent is None:
            raise _unknown_parent(new_parent_id)
        # The new parent's path is its whole ancestry: enough for the cycle rule.
        ids = [str(i) for i in new_parent.path]
        parent_of: dict[str, str | None] = {
            node: (ids[i - 1] if i else None) for i, node in enumerate(ids)
        }
        if move_creates_cycle(str(unit.id), str(new_parent.id), parent_of):
            raise conflict(
                f"moving org unit {unit.name!r} under {new_parent.name!r} would create a cycle: "
                f"{new_parent.name!r} is inside {unit.name!r}'s subtree",
                type_="org-tree-cycle",
            )
    subtree = await repo.subtree(unit, for_update=True)
    old_refs = {u.id: unit_ref(u) for u in subtree}
    if new_name is not _KEEP:
        index = len(unit.path) - 1
        for member in subtree:
            names = list(member.name_path)
            names[index] = new_name
            member.name_path = names
        unit.name = new_name
    if new_parent_id is not _KEEP:
        old_ids, old_names = list(unit.path[:-1]), list(unit.name_path[:-1])
        new_ids = list(new_parent.path) if new_parent else []
        new_names = list(new_parent.name_path) if new_parent else []
        for member in subtree:
            member.path = list(rebase_path(member.path, old_prefix=old_ids, new_prefix=new_ids))
            member.name_path = list(
                rebase_path(member.name_path, old_prefix=old_names, new_prefix=new_names)
            )
        unit.parent_id = new_parent_id
    await uow.flush()
    new_refs = {u.id: unit_ref(u) for u in subtree}
    change = "moved" if new_parent_id is not _KEEP else "updated"
    return await republish_positions(
        uow, old_refs=old_refs, new_refs=new_refs, change=change, by=by
    )


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
    at = now()
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


async def delete_org_unit(uow: UnitOfWork, *, unit_id: uuid.UUID) -> None:
    """Delete an empty unit; 409 saying what is still inside otherwise."""
    repo = OrgUnitRepository(uow.session)
    unit = await repo.get_for_update(unit_id)
    if unit is None:
        raise not_found("org unit", unit_id)
    children, positions = await repo.contents(unit_id)
    if children or positions:
        raise conflict(
            f"org unit {unit.name!r} is not empty: it still contains {children} child "
            f"unit{'s' if children != 1 else ''} and {positions} position"
            f"{'s' if positions != 1 else ''}; move or delete them first",
            type_="org-unit-not-empty",
        )
    await uow.session.delete(unit)
    await uow.commit()


async def list_org_units(
    uow: UnitOfWork,
    *,
    limit: int,
    cursor: str | None,
    parent_id: uuid.UUID | None,
    kind: str | None,
) -> tuple[Sequence[OrgUnit], str | None]:
    """A page of units ordered by name."""
    after = decode_cursor(cursor, arity=2)
    after_key = None
    if after is not None:
        try:
            after_key = (str(after[0]), uuid.UUID(str(after[1])))
        except ValueError:
            raise bad_cursor() from None
    rows = list(
        await OrgUnitRepository(uow.session).page(
            limit=limit,
            after=after_key,
            parent_id=parent_id,
            kind=_kind_or_422(kind) if kind else None,
        )
    )
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = encode_cursor(rows[-1].name, str(rows[-1].id))
    return rows, next_cursor


async def org_tree(uow: UnitOfWork) -> list[dict[str, Any]]:
    """The whole tree, nested, siblings by name (one query)."""
    rows = (
        await uow.session.execute(select(OrgUnit.id, OrgUnit.name, OrgUnit.kind, OrgUnit.parent_id))
    ).all()
    return build_tree(dict(r._mapping) for r in rows)
