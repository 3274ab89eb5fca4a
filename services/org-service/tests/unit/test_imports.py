from __future__ import annotations

import csv
import io
import time
from collections.abc import Sequence

import pytest
from openpyxl import Workbook

from org_service.domain.errors import RowProblem
from org_service.domain.imports import (
    POSITION_COLUMNS,
    ImportedDimension,
    ImportFileError,
    OrgUnitImportRow,
    key_fields_checksum,
    parse_table,
    validate_org_unit_rows,
    validate_position_rows,
)
from org_service.domain.org_tree import OrgUnitKind


def csv_bytes(
    rows: Sequence[Sequence[object]], *, bom: bool = False, delimiter: str = ","
) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return ("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: Sequence[Sequence[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def position_row(i: int, **overrides: object) -> list[object]:
    values: dict[str, object] = {
        "code": f"P-{i:05d}",
        "title": f"Analyst {i}",
        "org_unit_code": "MKT",
        "job_family": "Marketing",
        "headcount": 2,
        "status": "open",
        "location": "Shanghai",
        "min_years_experience": 3,
        "required_skills": "SQL; Data  Analysis|sql",
        "preferred_skills": "Python",
        "industries": "FMCG",
        "education": "Bachelor",
        "languages": "ZH|en",
        "responsibilities": "Build dashboards; Talk to sales",
        "evaluation_scheme": "technical:Technical ability:0.6:TECH;culture:Culture fit:0.4:HR",
    }
    values.update(overrides)
    return [values[c] for c in POSITION_COLUMNS]


KNOWN_UNITS = {"MKT", "TECH", "HR"}


# --- parsing --------------------------------------------------------------------------------


@pytest.mark.parametrize("bom", [False, True])
def test_parse_csv_with_and_without_bom(bom: bool) -> None:
    content = csv_bytes(
        [["Code", " Name ", "KIND", "Parent Code"], ["ACME", "Acme 中国", "company", ""]], bom=bom
    )
    table = parse_table(content)
    assert table.columns == ("code", "name", "kind", "parent_code")
    assert len(table.rows) == 1
    assert table.rows[0].row == 2
    assert table.rows[0].values == {
        "code": "ACME",
        "name": "Acme 中国",
        "kind": "company",
        "parent_code": "",
    }


def test_parse_csv_semicolon_delimited_header() -> None:
    table = parse_table(csv_bytes([["code", "name"], ["A", "Alpha"]], delimiter=";"))
    assert table.rows[0].values == {"code": "A", "name": "Alpha"}


def test_parse_keeps_spreadsheet_row_numbers_across_blank_rows() -> None:
    content = b"code,name\nA,Alpha\n,\n\nB,Beta\n"
    table = parse_table(content)
    assert [(r.row, r.get("code")) for r in table.rows] == [(2, "A"), (5, "B")]


def test_parse_short_rows_and_duplicate_headers() -> None:
    table = parse_table(b"code,name,code\nA\n")
    assert table.rows[0].values == {"code": "A", "name": ""}
    assert table.problems == [RowProblem(1, "code", "duplicate column")]


def test_parse_xlsx_converts_cells_to_text() -> None:
    content = xlsx_bytes(
        [
            ["code", "title", "headcount", "min_years_experience"],
            ["P-1", "Marketing Manager", 2, 5.0],
            [None, None, None, None],
            ["P-2", "Data Analyst", 1, 2.5],
        ]
    )
    table = parse_table(content)
    assert [r.row for r in table.rows] == [2, 4]
    assert table.rows[0].values == {
        "code": "P-1",
        "title": "Marketing Manager",
        "headcount": "2",
        "min_years_experience": "5",
    }
    assert table.rows[1].get("min_years_experience") == "2.5"


def test_parse_rejects_non_utf8_and_broken_xlsx_and_empty() -> None:
    with pytest.raises(ImportFileError, match="UTF-8"):
        parse_table("code,name\nA,部门\n".encode("gbk"))
    with pytest.raises(ImportFileError):
        parse_table(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFileError):
        parse_table(b"")


# --- org units ------------------------------------------------------------------------------


def test_org_units_parent_may_come_later_or_exist_already() -> None:
    content = csv_bytes(
        [
            ["code", "name", "kind", "parent_code"],
            ["LIVE", "Live Commerce", "team", "BRAND"],
            ["BRAND", "Brand", "department", "EAST"],
            ["EAST", "East China Division", "Division", "ACME"],
        ]
    )
    report = validate_org_unit_rows(parse_table(content), existing_codes={"ACME"})
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
    report = validate_org_unit_rows(parse_table(content), existing_codes=set())
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
    report = validate_org_unit_rows(parse_table(content), existing_codes=set())
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
    report = validate_org_unit_rows(parse_table(content), existing_codes={"ACME"})
    assert [(p.row, p.column) for p in report.problems] == [(2, "parent_code"), (3, "kind")]
    assert [r.code for r in report.rows] == ["OPS"]


def test_org_units_cycle_through_existing_tree() -> None:
    # The file re-parents existing unit OLD under NEW, but OLD is NEW's parent in the database.
    content = csv_bytes([["code", "name", "kind", "parent_code"], ["OLD", "Old", "team", "NEW"]])
    report = validate_org_unit_rows(
        parse_table(content),
        existing_codes={"OLD", "NEW"},
        existing_parent_codes={"OLD": None, "NEW": "OLD"},
    )
    assert [(p.row, p.column) for p in report.problems] == [(2, "parent_code")]


def test_missing_required_columns_is_one_file_level_problem() -> None:
    table = parse_table(csv_bytes([["code", "parent_code"], ["A", ""], ["B", "A"]]))
    report = validate_org_unit_rows(table, existing_codes=set())
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert problem.row == 1
    assert "name" in problem.problem and "kind" in problem.problem
    assert report.rows == []


# --- positions ------------------------------------------------------------------------------


def test_position_row_is_normalised() -> None:
    content = csv_bytes([list(POSITION_COLUMNS), position_row(1)])
    report = validate_position_rows(parse_table(content), known_org_unit_codes=KNOWN_UNITS)
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
    report = validate_position_rows(parse_table(content), known_org_unit_codes=KNOWN_UNITS)
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
        report = validate_position_rows(parse_table(content), known_org_unit_codes=KNOWN_UNITS)
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
    report = validate_position_rows(parse_table(content), known_org_unit_codes=KNOWN_UNITS)
    assert [(p.row, p.column) for p in report.problems] == [(2, column)]
    assert fragment in report.problems[0].problem
    assert report.rows == []


def test_scheme_weights_as_percent_and_without_department() -> None:
    content = csv_bytes(
        [list(POSITION_COLUMNS), position_row(1, evaluation_scheme="a:A:40%|b:B:60%")]
    )
    report = validate_position_rows(parse_table(content), known_org_unit_codes=KNOWN_UNITS)
    assert report.ok
    assert [(d.weight, d.department_code) for d in report.rows[0].evaluation_scheme] == [
        (0.4, None),
        (0.6, None),
    ]


def test_duplicate_position_codes() -> None:
    content = csv_bytes([list(POSITION_COLUMNS), position_row(1), position_row(2), position_row(1)])
    report = validate_position_rows(parse_table(content), known_org_unit_codes=KNOWN_UNITS)
    assert [(p.row, p.column) for p in report.problems] == [(4, "code")]
    assert [r.code for r in report.rows] == ["P-00001", "P-00002"]


def test_ten_thousand_rows_validate_fast() -> None:
    rows = [list(POSITION_COLUMNS)] + [position_row(i) for i in range(10_000)]
    table = parse_table(csv_bytes(rows))
    started = time.perf_counter()
    report = validate_position_rows(table, known_org_unit_codes=KNOWN_UNITS)
    elapsed = time.perf_counter() - started
    assert report.ok and len(report.rows) == 10_000
    assert elapsed < 1.0, f"validation took {elapsed:.2f}s"


def test_ten_thousand_org_units_in_a_chain_validate_fast() -> None:
    # A deep chain listed children-first is the worst case for parent lookups and cycle checks.
    rows = [["code", "name", "kind", "parent_code"]]
    rows += [
        [f"U{i}", f"Unit {i}", "team", f"U{i - 1}" if i else ""] for i in reversed(range(10_000))
    ]
    table = parse_table(csv_bytes(rows))
    started = time.perf_counter()
    report = validate_org_unit_rows(table, existing_codes=set())
    elapsed = time.perf_counter() - started
    assert report.ok
    assert report.rows[0].code == "U0" and report.rows[-1].code == "U9999"
    assert elapsed < 1.0, f"validation took {elapsed:.2f}s"


# --- checksum -------------------------------------------------------------------------------


def test_checksum_ignores_row_order_and_representation() -> None:
    a = {"code": "A", "name": "Alpha", "kind": "company", "parent_code": None}
    b = {"code": "B", "name": "Beta", "kind": "team", "parent_code": "A"}
    assert key_fields_checksum([a, b], "org_units") == key_fields_checksum([b, a], "org_units")
    # File rows (dataclasses) and database rows (dicts) hash alike.
    file_rows = [
        OrgUnitImportRow(2, "A", "Alpha", OrgUnitKind.COMPANY, None),
        OrgUnitImportRow(3, "B", "Beta", OrgUnitKind.TEAM, "A"),
    ]
    assert key_fields_checksum(file_rows, "org_units") == key_fields_checksum([b, a], "org_units")


def test_checksum_changes_when_a_key_field_changes() -> None:
    a = {"code": "A", "name": "Alpha", "kind": "company", "parent_code": None}
    b = {"code": "B", "name": "Beta", "kind": "team", "parent_code": "A"}
    before = key_fields_checksum([a, b], "org_units")
    assert key_fields_checksum([a, {**b, "parent_code": None}], "org_units") != before
    assert key_fields_checksum([a, {**b, "name": "Beta2"}], "org_units") != before
    assert key_fields_checksum([a], "org_units") != before
    # A field outside the key set does not count.
    assert key_fields_checksum([a, {**b, "description": "x"}], "org_units") == before


def test_position_checksum_from_file_equals_checksum_from_database_shape() -> None:
    rows: list[list[object]] = [
        list(POSITION_COLUMNS),
        position_row(1),
        position_row(2, headcount=3),
    ]
    report = validate_position_rows(parse_table(csv_bytes(rows)), known_org_unit_codes=KNOWN_UNITS)
    from_db = [
        {
            "code": r.code,
            "title": r.title,
            "org_unit_code": r.org_unit_code,
            "job_family": r.job_family,
            "headcount": float(r.headcount),
            "status": r.status,
        }
        for r in reversed(report.rows)
    ]
    assert key_fields_checksum(report.rows, "positions") == key_fields_checksum(
        from_db, "positions"
    )
    from_db[0]["title"] = "Renamed"
    assert key_fields_checksum(report.rows, "positions") != key_fields_checksum(
        from_db, "positions"
    )
