"""Org unit use cases: create, edit, move, delete, list, tree.

A rename or a move changes what the positions below the unit publish as `org_unit` (its name
and path), so both give every affected position a new version and publish `position-changed`
in the same transaction: `moved` for a move, `updated` (changed_fields ["org_unit"]) for a
rename — the position did not move anywhere, only its unit's label changed, and consumers that
react to restructures (re-screening) key on `moved`.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from org_service.db.models import OrgUnit
from org_service.db.repositories import OrgUnitRepository
from org_service.domain.org_tree import (
    ORG_UNIT_KINDS,
    MoveCreatesCycle,
    UnitNotEmpty,
    build_tree,
    move_creates_cycle,
    parse_kind,
    rebase_path,
)
from org_service.service.inputs import OrgUnitCreate, OrgUnitUpdate
from org_service.service.position_versions import republish_positions, unit_ref
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Conflict, FieldInvalid, NotFound
from talentloop_shared.pagination import Keyset, Page

# Lists are ordered by name: (name, id).
UNITS = Keyset(str, uuid.UUID)

_KEEP = object()


def _kind(value: str, *, where: Literal["body", "query"] = "body") -> str:
    kind = parse_kind(value)
    if kind is None:
        raise FieldInvalid(
            (where, "kind"), f"must be one of {', '.join(ORG_UNIT_KINDS)}, got {value!r}"
        )
    return kind.value


async def _code_free(repo: OrgUnitRepository, code: str | None, unit_id: uuid.UUID) -> None:
    if code is None:
        return
    other = await repo.get_by_code(code)
    if other is not None and other.id != unit_id:
        raise Conflict(f"org unit {other.id} already has code {code!r}")


async def _parent(repo: OrgUnitRepository, parent_id: uuid.UUID) -> OrgUnit:
    parent = await repo.get(parent_id)
    if parent is None:
        raise FieldInvalid("parent_id", f"unknown org unit {parent_id}")
    return parent


async def create_org_unit(uow: UnitOfWork, *, data: OrgUnitCreate) -> OrgUnit:
    """Create a unit under `parent_id` (or as a root)."""
    repo = OrgUnitRepository(uow.session)
    kind = _kind(data.kind)
    await repo.lock_tree()
    unit_id = uuid.uuid4()
    parent = await _parent(repo, data.parent_id) if data.parent_id is not None else None
    await _code_free(repo, data.code, unit_id)
    at = uow.clock.now()
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


async def get_org_unit(uow: UnitOfWork, *, unit_id: uuid.UUID) -> OrgUnit:
    """One unit; 404 when missing."""
    unit = await OrgUnitRepository(uow.session).get(unit_id)
    if unit is None:
        raise NotFound("org unit", unit_id)
    return unit


async def update_org_unit(
    uow: UnitOfWork, *, unit_id: uuid.UUID, patch: OrgUnitUpdate, by: str
) -> tuple[OrgUnit, int]:
    """Rename, re-kind, re-code or re-parent a unit; returns it and the positions republished."""
    given = patch.model_fields_set
    repo = OrgUnitRepository(uow.session)
    await repo.lock_tree()
    unit = await repo.get_for_update(unit_id)
    if unit is None:
        raise NotFound("org unit", unit_id)
    if "kind" in given and patch.kind is not None:
        unit.kind = _kind(patch.kind)
    if "code" in given:
        await _code_free(repo, patch.code, unit.id)
        unit.code = patch.code
    new_name = patch.name if "name" in given and patch.name != unit.name else _KEEP
    new_parent: Any = (
        patch.parent_id if "parent_id" in given and patch.parent_id != unit.parent_id else _KEEP
    )
    republished = await _restructure(uow, unit, new_name=new_name, new_parent_id=new_parent, by=by)
    unit.updated_at = uow.clock.now()
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
        new_parent = await _parent(repo, new_parent_id)
        # The new parent's path is its whole ancestry: enough for the cycle rule.
        ids = [str(i) for i in new_parent.path]
        parent_of: dict[str, str | None] = {
            node: (ids[i - 1] if i else None) for i, node in enumerate(ids)
        }
        if move_creates_cycle(str(unit.id), str(new_parent.id), parent_of):
            raise MoveCreatesCycle(unit.name, new_parent.name)
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


async def delete_org_unit(uow: UnitOfWork, *, unit_id: uuid.UUID) -> None:
    """Delete an empty unit; 409 saying what is still inside otherwise."""
    repo = OrgUnitRepository(uow.session)
    unit = await repo.get_for_update(unit_id)
    if unit is None:
        raise NotFound("org unit", unit_id)
    children, positions = await repo.contents(unit_id)
    if children or positions:
        raise UnitNotEmpty(unit.name, children=children, positions=positions)
    await uow.session.delete(unit)
    await uow.commit()


async def list_org_units(
    uow: UnitOfWork,
    *,
    limit: int,
    cursor: str | None,
    parent_id: uuid.UUID | None,
    kind: str | None,
) -> Page[OrgUnit]:
    """A page of units ordered by name."""
    rows = await OrgUnitRepository(uow.session).page(
        limit=limit,
        after=UNITS.decode(cursor),
        parent_id=parent_id,
        kind=_kind(kind, where="query") if kind else None,
    )
    return UNITS.page(rows, limit, key=lambda unit: (unit.name, unit.id))


async def org_tree(uow: UnitOfWork) -> list[dict[str, Any]]:
    """The whole tree, nested, siblings by name (one query)."""
    return build_tree(await OrgUnitRepository(uow.session).tree_rows())
