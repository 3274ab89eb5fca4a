"""Position rows of an import: normalised values, every bad cell named, fast at 10,000 rows."""

from __future__ import annotations

import pytest
from org_testkit import csv_bytes, position_row, xlsx_bytes

from org_service.domain.imports.org_units import validate_org_unit_rows
from org_service.domain.imports.positions import (
    POSITION_COLUMNS,
    ImportedDimension,
    validate_position_rows,
)
from talentloop_shared.tabular import read_table

KNOWN_UNITS = {"MKT", "TECH", "HR"}


def test_position_row_is_normalised() -> None:
    content = csv_bytes([list(POSITION_COLUMNS), position_row(1)])
    report = validate_position_rows(read_table(content), known_org_unit_codes=KNOWN_UNITS)
    assert report.ok, report.problems
    (row,) = report.rows
    assert row.job_family == "marketing"
    assert row.headcount == 2
    assert row.requirements.required_skills == ["sql", "data analysis"]
    assert row.requirements.languages == ["zh", "en"]
    assert row.requirements.education == "bachelor"
    assert row.requirements.min_years_experience == 3
    assert row.responsibilities == ("Build dashboards", "Talk to sales")
    assert row.evaluation_scheme == (
        ImportedDimension("technical", "Technical ability", 0.6, "TECH"),
        ImportedDimension("culture", "Culture fit", 0.4, "HR"),
    )
    scheme = row.scheme_for({"TECH": "uuid-tech", "HR": "uuid-hr"})
    assert [d.department_id for d in scheme.dimensions] == ["uuid-tech", "uuid-hr"]


def test_optional_position_columns_may_be_absent() -> None:
    content = csv_bytes([["code", "title", "org_unit_code"], ["P-1", "Analyst", "MKT"]])
    report = validate_position_rows(read_table(content), known_org_unit_codes=KNOWN_UNITS)
    assert report.ok
    row = report.rows[0]
    assert (row.status, row.headcount, row.job_family, row.evaluation_scheme) == (
        "open",
        1,
        "general",
        (),
    )


def test_fifty_rows_with_two_bad_rows_report_exactly_those() -> None:
    rows: list[list[object]] = [list(POSITION_COLUMNS)]
    for i in range(50):
        if i == 11:
            rows.append(position_row(i, headcount="two"))  # spreadsheet row 13
        elif i == 37:
            rows.append(position_row(i, org_unit_code="SALES"))  # spreadsheet row 39
        else:
            rows.append(position_row(i))
    for content in (csv_bytes(rows), xlsx_bytes(rows)):
        report = validate_position_rows(read_table(content), known_org_unit_codes=KNOWN_UNITS)
        assert [(p.row, p.column) for p in report.problems] == [
            (13, "headcount"),
            (39, "org_unit_code"),
        ]
        assert "'two'" in report.problems[0].problem
        assert "SALES" in report.problems[1].problem
        assert report.total_rows == 50
        assert len(report.rows) == 48
        assert report.rows_with_problems == 2


@pytest.mark.parametrize(
    ("overrides", "column", "fragment"),
    [
        ({"code": ""}, "code", "required"),
        ({"title": ""}, "title", "required"),
        ({"headcount": "0"}, "headcount", "between"),
        ({"headcount": "1.5"}, "headcount", "whole"),
        ({"status": "paused"}, "status", "paused"),
        ({"min_years_experience": "lots"}, "min_years_experience", "number"),
        ({"min_years_experience": "61"}, "min_years_experience", "between"),
        ({"education": "diploma"}, "education", "diploma"),
        (
            {"evaluation_scheme": "technical:Tech:0.5:TECH;biz:Biz:0.3:HR"},
            "evaluation_scheme",
            "got 0.8",
        ),
        (
            {"evaluation_scheme": "technical:Tech:0.5:TECH;technical:T:0.5:HR"},
            "evaluation_scheme",
            "duplicate",
        ),
        ({"evaluation_scheme": "technical:Tech:1:SALES"}, "evaluation_scheme", "SALES"),
        ({"evaluation_scheme": "Tech Ability:Tech:1"}, "evaluation_scheme", "snake"),
        ({"evaluation_scheme": "technical:Tech"}, "evaluation_scheme", "expected"),
        ({"evaluation_scheme": "technical:Tech:heavy:TECH"}, "evaluation_scheme", "number"),
    ],
)
def test_position_bad_values(overrides: dict[str, object], column: str, fragment: str) -> None:
    content = csv_bytes([list(POSITION_COLUMNS), position_row(1, **overrides)])
    report = validate_position_rows(read_table(content), known_org_unit_codes=KNOWN_UNITS)
    assert [(p.row, p.column) for p in report.problems] == [(2, column)]
    assert fragment in report.problems[0].problem
    assert report.rows == []


def test_scheme_weights_as_percent_and_without_department() -> None:
    content = csv_bytes(
        [list(POSITION_COLUMNS), position_row(1, evaluation_scheme="a:A:40%|b:B:60%")]
    )
    report = validate_position_rows(read_table(content), known_org_unit_codes=KNOWN_UNITS)
    assert report.ok
    assert [(d.weight, d.department_code) for d in report.rows[0].evaluation_scheme] == [
        (0.4, None),
        (0.6, None),
    ]


def test_lists_and_schemes_typed_in_full_width_mode_read_as_typed_in_ascii() -> None:
    # A Chinese input method left in full-width mode types `；`, `：` and `０.６`.
    row = position_row(
        1,
        required_skills="SQL；数据分析｜Python",
        responsibilities="搭建看板；对接销售",
        evaluation_scheme="technical：专业能力：６０％：ＴＥＣＨ；culture：文化契合：０.４：ＨＲ",
    )
    report = validate_position_rows(
        read_table(csv_bytes([list(POSITION_COLUMNS), row])), known_org_unit_codes=KNOWN_UNITS
    )
    assert report.ok, report.problems
    (read,) = report.rows
    assert len(read.requirements.required_skills) == 3
    assert read.responsibilities == ("搭建看板", "对接销售")
    assert read.evaluation_scheme == (
        ImportedDimension("technical", "专业能力", 0.6, "TECH"),
        ImportedDimension("culture", "文化契合", 0.4, "HR"),
    )


def test_duplicate_position_codes() -> None:
    content = csv_bytes([list(POSITION_COLUMNS), position_row(1), position_row(2), position_row(1)])
    report = validate_position_rows(read_table(content), known_org_unit_codes=KNOWN_UNITS)
    assert [(p.row, p.column) for p in report.problems] == [(4, "code")]
    assert [r.code for r in report.rows] == ["P-00001", "P-00002"]


def test_ten_thousand_rows_validate() -> None:
    # How fast is bench/org_import.py's figure (10,000 rows); here: all of them validate.
    rows = [list(POSITION_COLUMNS)] + [position_row(i) for i in range(10_000)]
    table = read_table(csv_bytes(rows))
    report = validate_position_rows(table, known_org_unit_codes=KNOWN_UNITS)
    assert report.ok and len(report.rows) == 10_000


def test_ten_thousand_org_units_in_a_chain_validate() -> None:
    # A deep chain listed children-first is the worst case for parent lookups and cycle checks.
    rows = [["code", "name", "kind", "parent_code"]]
    rows += [
        [f"U{i}", f"Unit {i}", "team", f"U{i - 1}" if i else ""] for i in reversed(range(10_000))
    ]
    table = read_table(csv_bytes(rows))
    report = validate_org_unit_rows(table, existing_codes=set())
    assert report.ok
    assert report.rows[0].code == "U0" and report.rows[-1].code == "U9999"
