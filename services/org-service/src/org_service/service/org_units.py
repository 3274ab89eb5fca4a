"""Org unit use cases: create, edit, upsert by code, move, delete, list, tree.

A rename or a move changes what the positions below the unit publish as `org_unit` (its name
and path), so both give every affected position a new version and publish `position-changed`
in the same transaction: `moved` for a move, `updated` (changed_fields ["org_unit"]) for a
rename — the position did not move anywhere, only its unit's label changed, and consumers that
react to restructures (re-screening) key on `moved`.

A unit's `version` (its ETag) rises when its own fields change (name, kind, code, parent); a
change that changes nothing (a nightly PUT of the same unit) bumps and publishes nothing.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from org_service.db.models import OrgUnit
from org_service.db.repositories import UNITS_BY_NAME, OrgUnitRepository
from org_service.domain.errors import check_upsert
from org_service.domain.org_tree import (
    ORG_UNIT_KINDS,
    MoveCreatesCycle,
    UnitNotEmpty,
    build_tree,
    move_creates_cycle,
    parse_kind,
    rebase_path,
)
from org_service.service.inputs import OrgUnitCreate, OrgUnitUpdate, OrgUnitUpsert
from org_service.service.position_versions import republish_positions, unit_ref
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Conflict, ExpectedVersion, FieldInvalid
from talentloop_shared.pagination import Page

# Lists are ordered by name: (name, id).
UNITS = UNITS_BY_NAME.keyset

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
        version=1,
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
    return await OrgUnitRepository(uow.session).get_or_raise(unit_id)


async def update_org_unit(
    uow: UnitOfWork,
    *,
    unit_id: uuid.UUID,
    patch: OrgUnitUpdate,
    by: str,
    expected: ExpectedVersion = ExpectedVersion.ANY,
) -> tuple[OrgUnit, int]:
    """Rename, re-kind, re-code or re-parent a unit; returns it and the positions republished."""
    repo = OrgUnitRepository(uow.session)
    await repo.lock_tree()
    unit = await repo.get_for_change(unit_id, expected)
    given = patch.model_fields_set
    return await _change(
        uow,
        unit,
        name=patch.name if "name" in given else _KEEP,
        kind=patch.kind if "kind" in given and patch.kind is not None else _KEEP,
        code=patch.code if "code" in given else _KEEP,
        parent_id=patch.parent_id if "parent_id" in given else _KEEP,
        by=by,
    )


async def _change(
    uow: UnitOfWork, unit: OrgUnit, *, name: Any, kind: Any, code: Any, parent_id: Any, by: str
) -> tuple[OrgUnit, int]:
    """Apply the fields that differ (`_KEEP` for those not sent) to a locked unit; a real
    change bumps its version and republishes the positions whose snapshot it changes."""
    repo = OrgUnitRepository(uow.session)
    before = (unit.name, unit.kind, unit.code, unit.parent_id)
    if kind is not _KEEP:
        unit.kind = _kind(kind)
    if code is not _KEEP and code != unit.code:
        await _code_free(repo, code, unit.id)
        unit.code = code
    new_name = name if name is not _KEEP and name != unit.name else _KEEP
    new_parent = parent_id if parent_id is not _KEEP and parent_id != unit.parent_id else _KEEP
    republished = await _restructure(uow, unit, new_name=new_name, new_parent_id=new_parent, by=by)
    if (unit.name, unit.kind, unit.code, unit.parent_id) != before:
        unit.version += 1
        unit.updated_at = uow.clock.now()
    await uow.commit()
    return unit, republished


async def upsert_org_unit_by_code(
    uow: UnitOfWork,
    *,
    code: str,
    data: OrgUnitUpsert,
    expected: ExpectedVersion,
    by: str,
) -> tuple[OrgUnit, bool, int]:
    """Create or update the unit with this code, its parent by code; returns the unit, True
    when created, and how many positions were republished. Re-sending what is stored changes
    nothing."""
    repo = OrgUnitRepository(uow.session)
    # The tree lock serialises every change of the tree, this code's creation included.
    await repo.lock_tree()
    unit = await repo.get_by_code(code, for_update=True)
    check_upsert(expected, None if unit is None else unit.version, what="org unit", code=code)
    given = data.model_fields_set
    parent: OrgUnit | None = None
    if data.parent_code is not None:
        if data.parent_code == code:
            raise FieldInvalid("parent_code", "a unit cannot be its own parent")
        parent = await repo.get_by_code(data.parent_code)
        if parent is None:
            raise FieldInvalid("parent_code", f"unknown org unit code {data.parent_code!r}")
    if unit is None:
        missing = [name for name in ("name", "kind") if name not in given]
        if missing:
            raise FieldInvalid(missing[0], "required to create an org unit")
        created = await create_org_unit(
            uow,
            data=OrgUnitCreate(
                name=data.name or "",
                kind=data.kind or "",
                code=code,
                parent_id=parent.id if parent else None,
            ),
        )
        return created, True, 0
    parent_id: Any = _KEEP
    if "parent_code" in given:
        parent_id = parent.id if parent is not None else None
        if parent is None and unit.parent_id is not None:
            current = await repo.get(unit.parent_id)
            if current is not None and current.code is None:
                # The ERP cannot name a parent without a code: the unit stays where HR put it
                # (as a file import leaves it).
                parent_id = _KEEP
    unit, republished = await _change(
        uow,
        unit,
        name=data.name if "name" in given else _KEEP,
        kind=data.kind if "kind" in given else _KEEP,
        code=_KEEP,
        parent_id=parent_id,
        by=by,
    )
    return unit, False, republished


async def move_org_unit(
    uow: UnitOfWork,
    *,
    unit_id: uuid.UUID,
    parent_id: uuid.UUID | None,
    by: str,
    expected: ExpectedVersion = ExpectedVersion.ANY,
) -> tuple[OrgUnit, int]:
    """Move a unit (and its subtree) under another parent; 409 if that closes a cycle."""
    return await update_org_unit(
        uow, unit_id=unit_id, patch=OrgUnitUpdate(parent_id=parent_id), by=by, expected=expected
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
    unit = await repo.get_or_raise(unit_id, for_update=True)
    children, positions, people = await repo.contents(unit_id)
    if children or positions or people:
        raise UnitNotEmpty(unit.name, children=children, positions=positions, people=people)
    await uow.session.delete(unit)
    await uow.commit()


async def list_org_units(
    uow: UnitOfWork,
    *,
    limit: int,
    cursor: str | None,
    parent_id: uuid.UUID | None,
    kind: str | None,
    q: str | None = None,
) -> Page[OrgUnit]:
    """A page of units ordered by name, filtered and searched."""
    rows = await OrgUnitRepository(uow.session).page(
        limit=limit,
        after=UNITS.decode(cursor),
        parent_id=parent_id,
        kind=_kind(kind, where="query") if kind else None,
        q=" ".join(q.split()) if q else None,
    )
    return UNITS.page(rows, limit, key=lambda unit: (unit.name, unit.id))


async def org_tree(uow: UnitOfWork) -> list[dict[str, Any]]:
    """The whole tree, nested, siblings by name (one query)."""
    return build_tree(await OrgUnitRepository(uow.session).tree_rows())
