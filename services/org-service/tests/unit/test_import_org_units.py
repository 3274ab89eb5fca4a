"""Org unit rows of an import: parents anywhere, cycles, children of bad rows."""

from __future__ import annotations

from org_testkit import csv_bytes

from org_service.domain.imports.org_units import OrgUnitImportRow, validate_org_unit_rows
from org_service.domain.org_tree import OrgUnitKind
from talentloop_shared.tabular import read_table


def test_org_units_parent_may_come_later_or_exist_already() -> None:
    content = csv_bytes(
        [
            ["code", "name", "kind", "parent_code"],
            ["LIVE", "Live Commerce", "team", "BRAND"],
            ["BRAND", "Brand", "department", "EAST"],
            ["EAST", "East China Division", "Division", "ACME"],
        ]
    )
    report = validate_org_unit_rows(read_table(content), existing_codes={"ACME"})
    assert report.ok
    # Parents first, so the service can insert in one pass.
    assert [r.code for r in report.rows] == ["EAST", "BRAND", "LIVE"]
    assert report.rows[0] == OrgUnitImportRow(
        4, "EAST", "East China Division", OrgUnitKind.DIVISION, "ACME"
    )


def test_org_units_problems() -> None:
    content = csv_bytes(
        [
            ["code", "name", "kind", "parent_code"],
            ["A", "Alpha", "company", ""],
            ["B", "", "team", "A"],
            ["A", "Alpha again", "company", ""],
            ["C", "Gamma", "squad", "A"],
            ["D", "Delta", "team", "NOPE"],
            ["E", "Eps", "team", "E"],
        ]
    )
    report = validate_org_unit_rows(read_table(content), existing_codes=set())
    assert [(p.row, p.column) for p in report.problems] == [
        (3, "name"),
        (4, "code"),
        (5, "kind"),
        (6, "parent_code"),
        (7, "parent_code"),
    ]
    assert "first in row 2" in report.problems[1].problem
    assert [r.code for r in report.rows] == ["A"]
    assert report.rows_with_problems == 5


def test_org_units_cycle_within_file() -> None:
    content = csv_bytes(
        [
            ["code", "name", "kind", "parent_code"],
            ["ROOT", "Root", "company", ""],
            ["X", "X", "team", "Y"],
            ["Y", "Y", "team", "Z"],
            ["Z", "Z", "team", "X"],
            ["W", "W", "team", "X"],
        ]
    )
    report = validate_org_unit_rows(read_table(content), existing_codes=set())
    assert [(p.row, p.column) for p in report.problems] == [
        (3, "parent_code"),
        (4, "parent_code"),
        (5, "parent_code"),
        (6, "parent_code"),
    ]
    assert all("cycle" in p.problem for p in report.problems[:3])
    # W hangs below the loop, so it cannot be placed either.
    assert report.problems[3].problem == "parent 'X' (row 3) has problems"
    assert [r.code for r in report.rows] == ["ROOT"]


def test_children_of_a_rejected_unit_are_rejected_too() -> None:
    content = csv_bytes(
        [
            ["code", "name", "kind", "parent_code"],
            ["LIVE", "Live", "team", "BRAND"],
            ["BRAND", "Brand", "squad", "ACME"],
            ["OPS", "Ops", "team", "ACME"],
        ]
    )
    report = validate_org_unit_rows(read_table(content), existing_codes={"ACME"})
    assert [(p.row, p.column) for p in report.problems] == [(2, "parent_code"), (3, "kind")]
    assert [r.code for r in report.rows] == ["OPS"]


def test_org_units_cycle_through_existing_tree() -> None:
    # The file re-parents existing unit OLD under NEW, but OLD is NEW's parent in the database.
    content = csv_bytes([["code", "name", "kind", "parent_code"], ["OLD", "Old", "team", "NEW"]])
    report = validate_org_unit_rows(
        read_table(content),
        existing_codes={"OLD", "NEW"},
        existing_parent_codes={"OLD": None, "NEW": "OLD"},
    )
    assert [(p.row, p.column) for p in report.problems] == [(2, "parent_code")]


def test_missing_required_columns_is_one_file_level_problem() -> None:
    table = read_table(csv_bytes([["code", "parent_code"], ["A", ""], ["B", "A"]]))
    report = validate_org_unit_rows(table, existing_codes=set())
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert problem.row == 1
    assert "name" in problem.problem and "kind" in problem.problem
    assert report.rows == []
