"""The org tree: unit kinds, move rules, materialised paths and nesting for `GET /org-units/tree`.

Why a materialised path of ids (`path uuid[]`, root first, ending with the unit's own id) and not
PostgreSQL's `ltree`:

* portable: a plain array column works on any PostgreSQL without an extension, and the same
  helpers run in memory here, in tests and in the service;
* cheap subtree reads: with a GIN index on `path`, `WHERE path @> ARRAY[:unit_id]` returns a unit
  and all its descendants in one indexed query, and `cardinality(path)` is the depth;
* ltree labels may only hold letters, digits and `_`, so UUIDs (with dashes) would need
  re-encoding on every read and write; arrays hold the ids as they are.

The price is that a move or rename rewrites the paths of the whole subtree; the helpers below
compute those new paths from a parent map in O(size of subtree) so the service can write them in
the same transaction as the move. `name_path` (the unit names root first) is stored beside it
because the `position-changed` snapshot carries `org_unit.path` as names.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final, Protocol, TypeVar

from org_service.domain.errors import FieldError
from org_service.domain.hierarchy import ancestor_chain, creates_cycle
from talentloop_shared.errors import Conflict

_T = TypeVar("_T")


class OrgUnitKind(StrEnum):
    """Kinds of org unit; the tree does not force an order so either structure can be modelled."""

    COMPANY = "company"
    BUSINESS_UNIT = "business_unit"
    DIVISION = "division"
    DEPARTMENT = "department"
    TEAM = "team"


ORG_UNIT_KINDS: Final[tuple[str, ...]] = tuple(kind.value for kind in OrgUnitKind)


class UnitLike(Protocol):
    """Anything with the attributes of an org unit (ORM row, schema, test double)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def parent_id(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class UnitPath:
    """A unit's materialised path: ancestor ids and names, root first, ending with the unit."""

    ids: tuple[str, ...]
    names: tuple[str, ...]

    @property
    def depth(self) -> int:
        """Return the depth of the unit; a root has depth 1."""
        return len(self.ids)


def parse_kind(value: str) -> OrgUnitKind | None:
    """Return the kind named by `value` (case and `-`/space tolerant) or None if unknown."""
    cleaned = "_".join(value.strip().lower().replace("-", " ").split())
    try:
        return OrgUnitKind(cleaned)
    except ValueError:
        return None


def validate_kind(value: str, *, loc: tuple[str | int, ...] = ("kind",)) -> list[FieldError]:
    """Check that `value` names a known org unit kind."""
    if parse_kind(value) is not None:
        return []
    return [FieldError(loc, f"must be one of {', '.join(ORG_UNIT_KINDS)}, got {value!r}")]


class MoveCreatesCycle(Conflict):
    """409: the new parent lies inside the unit's own subtree."""

    def __init__(self, unit_name: str, parent_name: str) -> None:
        super().__init__(
            f"moving org unit {unit_name!r} under {parent_name!r} would create a cycle: "
            f"{parent_name!r} is inside {unit_name!r}'s subtree",
            type_="org-tree-cycle",
        )


class UnitNotEmpty(Conflict):
    """409: only an empty unit may be deleted."""

    def __init__(self, unit_name: str, *, children: int, positions: int) -> None:
        super().__init__(
            f"org unit {unit_name!r} is not empty: it still contains {children} child "
            f"unit{'s' if children != 1 else ''} and {positions} position"
            f"{'s' if positions != 1 else ''}; move or delete them first",
            type_="org-unit-not-empty",
        )


def move_creates_cycle(
    unit_id: str, new_parent_id: str | None, parent_of: Mapping[str, str | None]
) -> bool:
    """Return True if moving `unit_id` under `new_parent_id` would put it inside its own subtree."""
    return creates_cycle(unit_id, new_parent_id, parent_of)


def path_of(
    unit_id: str, *, parent_of: Mapping[str, str | None], name_of: Mapping[str, str]
) -> UnitPath:
    """Return the materialised path of one unit from the parent map."""
    chain = ancestor_chain(unit_id, parent_of)
    chain.reverse()
    return UnitPath(ids=tuple(chain), names=tuple(name_of[i] for i in chain))


def subtree_ids(unit_id: str, parent_of: Mapping[str, str | None]) -> list[str]:
    """Return `unit_id` and all its descendants, parents before children."""
    children = _children_index(parent_of)
    ordered = [unit_id]
    # Breadth-first over an index built once: O(n) for the index plus O(subtree).
    for current in ordered:
        ordered.extend(children.get(current, ()))
    return ordered


def subtree_paths(
    unit_id: str, *, parent_of: Mapping[str, str | None], name_of: Mapping[str, str]
) -> dict[str, UnitPath]:
    """Return the paths of `unit_id` and every descendant (use after a rename or a move)."""
    top = path_of(unit_id, parent_of=parent_of, name_of=name_of)
    paths = {unit_id: top}
    children = _children_index(parent_of)
    queue = [unit_id]
    for current in queue:
        base = paths[current]
        for child in children.get(current, ()):
            paths[child] = UnitPath(ids=(*base.ids, child), names=(*base.names, name_of[child]))
            queue.append(child)
    return paths


def subtree_paths_after_move(
    unit_id: str,
    new_parent_id: str | None,
    *,
    parent_of: Mapping[str, str | None],
    name_of: Mapping[str, str],
) -> dict[str, UnitPath]:
    """Return the new paths of every unit in the moved subtree; ValueError if it makes a cycle."""
    if move_creates_cycle(unit_id, new_parent_id, parent_of):
        raise ValueError(f"moving {unit_id!r} under {new_parent_id!r} would create a cycle")
    moved = {**parent_of, unit_id: new_parent_id}
    return subtree_paths(unit_id, parent_of=moved, name_of=name_of)


def rebase_path(
    path: Sequence[_T],
    *,
    old_prefix: Sequence[_T],
    new_prefix: Sequence[_T],
) -> tuple[_T, ...]:
    """Replace `old_prefix` of a stored path with `new_prefix` (one row of a subtree move)."""
    # The row-at-a-time form of a move, for when the service reads the subtree with
    # `path @> ARRAY[id]` instead of loading the whole parent map.
    if tuple(path[: len(old_prefix)]) != tuple(old_prefix):
        raise ValueError(f"path {path!r} does not start with {old_prefix!r}")
    return (*new_prefix, *path[len(old_prefix) :])


def build_tree(units: Iterable[UnitLike | Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Nest a flat list of units into `{id, name, kind, parent_id, children}` dicts, by name."""
    # One sort by name up front, then a single pass: children are appended in sorted order, so
    # every sibling list comes out sorted without sorting each one again.
    nodes = [_node(unit) for unit in units]
    nodes.sort(key=lambda node: (node["name"].casefold(), node["name"], str(node["id"])))
    by_id = {node["id"]: node for node in nodes}
    roots: list[dict[str, Any]] = []
    for node in nodes:
        parent = by_id.get(node["parent_id"]) if node["parent_id"] is not None else None
        # A unit whose parent is not in the list (a partial listing) is shown as a root rather
        # than dropped.
        (parent["children"] if parent is not None else roots).append(node)
    return roots


def _node(unit: UnitLike | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(unit, Mapping):
        get = unit.get
        return {
            "id": get("id"),
            "name": get("name"),
            "kind": get("kind"),
            "parent_id": get("parent_id"),
            "children": [],
        }
    return {
        "id": unit.id,
        "name": unit.name,
        "kind": unit.kind,
        "parent_id": unit.parent_id,
        "children": [],
    }


def _children_index(parent_of: Mapping[str, str | None]) -> dict[str, list[str]]:
    children: dict[str, list[str]] = {}
    for child, parent in parent_of.items():
        if parent is not None:
            children.setdefault(parent, []).append(child)
    return children
