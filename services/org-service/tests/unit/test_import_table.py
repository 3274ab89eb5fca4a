"""Reading an import file: the shared reader with the headers and cells org's files use."""

from __future__ import annotations

import pytest
from org_testkit import csv_bytes, xlsx_bytes

from org_service.domain.errors import RowProblem
from org_service.domain.imports.org_units import validate_org_unit_rows
from talentloop_shared.tabular import HeaderProblem, TableError, read_table


@pytest.mark.parametrize("bom", [False, True])
def test_parse_csv_with_and_without_bom(bom: bool) -> None:
    content = csv_bytes(
        [["Code", " Name ", "KIND", "Parent Code"], ["ACME", "Acme 中国", "company", ""]], bom=bom
    )
    table = read_table(content)
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
    table = read_table(csv_bytes([["code", "name"], ["A", "Alpha"]], delimiter=";"))
    assert table.rows[0].values == {"code": "A", "name": "Alpha"}


def test_parse_keeps_spreadsheet_row_numbers_across_blank_rows() -> None:
    content = b"code,name\nA,Alpha\n,\n\nB,Beta\n"
    table = read_table(content)
    assert [(r.row, r.get("code")) for r in table.rows] == [(2, "A"), (5, "B")]


def test_parse_short_rows_and_duplicate_headers() -> None:
    table = read_table(b"code,name,code\nA\n")
    assert table.rows[0].values == {"code": "A", "name": ""}
    assert table.problems == [HeaderProblem("code", "duplicate column")]
    # The validation report names it on the header row, as before the shared reader.
    report = validate_org_unit_rows(table, existing_codes=set())
    assert report.problems[0] == RowProblem(1, "code", "duplicate column")


def test_parse_xlsx_converts_cells_to_text() -> None:
    content = xlsx_bytes(
        [
            ["code", "title", "headcount", "min_years_experience"],
            ["P-1", "Marketing Manager", 2, 5.0],
            [None, None, None, None],
            ["P-2", "Data Analyst", 1, 2.5],
        ]
    )
    table = read_table(content)
    assert [r.row for r in table.rows] == [2, 4]
    assert table.rows[0].values == {
        "code": "P-1",
        "title": "Marketing Manager",
        "headcount": "2",
        "min_years_experience": "5",
    }
    assert table.rows[1].get("min_years_experience") == "2.5"


def test_parse_rejects_non_text_and_broken_xlsx_and_empty() -> None:
    with pytest.raises(TableError, match="UTF-8"):
        read_table(b"code,name\nA,\xff\xfe\n")
    with pytest.raises(TableError):
        read_table(b"PK\x03\x04 not really a zip")
    with pytest.raises(TableError):
        read_table(b"")


def test_parse_reads_what_chinese_excel_saves_as_csv() -> None:
    # On purpose since the shared reader: GBK/GB 18030 is read, no longer refused as not UTF-8.
    table = read_table("code,name\nA,部门\n".encode("gbk"))
    assert table.rows[0].values == {"code": "A", "name": "部门"}
