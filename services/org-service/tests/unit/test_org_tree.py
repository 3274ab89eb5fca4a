from __future__ import annotations

from dataclasses import dataclass

import pytest

from org_service.domain.org_tree import (
    ORG_UNIT_KINDS,
    OrgUnitKind,
    UnitPath,
    build_tree,
    move_creates_cycle,
    parse_kind,
    path_of,
    rebase_path,
    subtree_ids,
    subtree_paths,
    subtree_paths_after_move,
    validate_kind,
)

# acme
# ├── marketing (functional)
# │   └── brand
# │       └── live
# └── east (East China Division)
PARENT_OF: dict[str, str | None] = {
    "acme": None,
    "marketing": "acme",
    "brand": "marketing",
    "live": "brand",
    "east": "acme",
}
NAME_OF = {
    "acme": "Acme",
    "marketing": "Marketing",
    "brand": "Brand",
    "live": "Live Commerce",
    "east": "East China Division",
}


@dataclass
class Unit:
    id: str
    name: str
    kind: str
    parent_id: str | None


def test_kinds() -> None:
    assert ORG_UNIT_KINDS == ("company", "business_unit", "division", "department", "team")
    assert parse_kind(" Business Unit ") is OrgUnitKind.BUSINESS_UNIT
    assert parse_kind("business-unit") is OrgUnitKind.BUSINESS_UNIT
    assert parse_kind("squad") is None
    assert validate_kind("team") == []
    assert validate_kind("squad")[0].loc == ("kind",)


@pytest.mark.parametrize(
    ("unit", "new_parent"),
    [("marketing", "live"), ("marketing", "brand"), ("acme", "east"), ("brand", "brand")],
)
def test_moving_under_own_subtree_is_a_cycle(unit: str, new_parent: str) -> None:
    assert move_creates_cycle(unit, new_parent, PARENT_OF)


@pytest.mark.parametrize(
    ("unit", "new_parent"), [("brand", "east"), ("live", "acme"), ("east", "live"), ("brand", None)]
)
def test_moving_elsewhere_is_fine(unit: str, new_parent: str | None) -> None:
    assert not move_creates_cycle(unit, new_parent, PARENT_OF)


def test_path_of_is_root_first_and_ends_with_the_unit() -> None:
    assert path_of("live", parent_of=PARENT_OF, name_of=NAME_OF) == UnitPath(
        ids=("acme", "marketing", "brand", "live"),
        names=("Acme", "Marketing", "Brand", "Live Commerce"),
    )
    assert path_of("acme", parent_of=PARENT_OF, name_of=NAME_OF).depth == 1


def test_subtree_ids_parents_first() -> None:
    assert subtree_ids("marketing", PARENT_OF) == ["marketing", "brand", "live"]


def test_paths_after_move_cover_whole_subtree_and_nothing_else() -> None:
    # The restructure: the brand team moves from functional Marketing into the East China division.
    paths = subtree_paths_after_move("brand", "east", parent_of=PARENT_OF, name_of=NAME_OF)
    assert paths == {
        "brand": UnitPath(("acme", "east", "brand"), ("Acme", "East China Division", "Brand")),
        "live": UnitPath(
            ("acme", "east", "brand", "live"),
            ("Acme", "East China Division", "Brand", "Live Commerce"),
        ),
    }
    assert PARENT_OF["brand"] == "marketing"  # the caller's map is not mutated


def test_move_to_root() -> None:
    paths = subtree_paths_after_move("brand", None, parent_of=PARENT_OF, name_of=NAME_OF)
    assert paths["live"].ids == ("brand", "live")


def test_paths_after_move_refuse_cycle() -> None:
    with pytest.raises(ValueError, match="cycle"):
        subtree_paths_after_move("marketing", "live", parent_of=PARENT_OF, name_of=NAME_OF)


def test_subtree_paths_after_rename_update_descendant_names() -> None:
    renamed = {**NAME_OF, "marketing": "Marketing & Brand"}
    paths = subtree_paths("marketing", parent_of=PARENT_OF, name_of=renamed)
    assert paths["live"].names == ("Acme", "Marketing & Brand", "Brand", "Live Commerce")
    assert set(paths) == {"marketing", "brand", "live"}


def test_rebase_path_matches_full_recomputation() -> None:
    old_prefix = ("acme", "marketing", "brand")
    new_prefix = ("acme", "east", "brand")
    assert rebase_path(
        ("acme", "marketing", "brand", "live"), old_prefix=old_prefix, new_prefix=new_prefix
    ) == ("acme", "east", "brand", "live")
    with pytest.raises(ValueError):
        rebase_path(("acme", "east"), old_prefix=old_prefix, new_prefix=new_prefix)


def test_build_tree_nests_and_sorts_by_name() -> None:
    units = [
        Unit("live", "Live Commerce", "team", "brand"),
        Unit("east", "East China Division", "division", "acme"),
        Unit("brand", "brand", "department", "marketing"),
        Unit("marketing", "Marketing", "department", "acme"),
        Unit("acme", "Acme", "company", None),
        Unit("audit", "Audit", "department", "acme"),
    ]
    tree = build_tree(units)
    assert [n["id"] for n in tree] == ["acme"]
    assert [n["name"] for n in tree[0]["children"]] == ["Audit", "East China Division", "Marketing"]
    marketing = tree[0]["children"][2]
    assert marketing["kind"] == "department"
    assert marketing["children"][0]["id"] == "brand"
    assert marketing["children"][0]["children"][0]["id"] == "live"
    assert marketing["children"][0]["children"][0]["children"] == []


def test_build_tree_accepts_mappings_and_keeps_orphans_as_roots() -> None:
    units: list[dict[str, str | None]] = [
        {"id": "b", "name": "Beta", "kind": "team", "parent_id": "missing"},
        {"id": "a", "name": "alpha", "kind": "company", "parent_id": None},
    ]
    assert [n["id"] for n in build_tree(units)] == ["a", "b"]


def test_build_tree_empty() -> None:
    assert build_tree([]) == []


def test_build_tree_large_is_linear_enough() -> None:
    # 20,000 units in a wide-and-deep tree; a quadratic nesting would take far longer.
    units = [Unit("u0", "root", "company", None)]
    units += [Unit(f"u{i}", f"unit {i:05d}", "team", f"u{(i - 1) // 4}") for i in range(1, 20_000)]
    tree = build_tree(units)
    count = 0
    stack = list(tree)
    while stack:
        node = stack.pop()
        count += 1
        stack.extend(node["children"])
    assert count == 20_000
