"""The one import reader: formats, encodings, headers people write, and its bounds."""

from __future__ import annotations

import io
import random
import re
import tempfile
import zipfile

import pytest
from openpyxl import Workbook

from talentloop_shared.tabular import MAX_CELL_CHARS, TableError, read_table


def _xlsx(rows: list[list[object]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_csv_with_bom_and_spreadsheet_row_numbers() -> None:
    table = read_table("\ufeffCode,Name\nA1,Acme\n,\nB2, Beta \n".encode())
    assert table.columns == ("code", "name")
    assert [(r.row, r.values) for r in table.rows] == [
        (2, {"code": "A1", "name": "Acme"}),
        (4, {"code": "B2", "name": "Beta"}),
    ]


def test_csv_saved_by_chinese_excel_is_gb18030() -> None:
    content = "部门编码,部门名称\nD1,华东事业部\n".encode("gb18030")
    table = read_table(content, aliases={"部门编码": "code", "部门名称": "name"})
    assert table.rows[0].values == {"code": "D1", "name": "华东事业部"}
    assert table.column_mapping == {"部门编码": "code", "部门名称": "name"}


@pytest.mark.parametrize("sep", ["\t", ";"])
def test_the_delimiter_is_read_off_the_header(sep: str) -> None:
    table = read_table(f"code{sep}skills\nA{sep}sql\n".encode())
    assert table.rows[0].values == {"code": "A", "skills": "sql"}


def test_the_uploaders_column_mapping_wins_and_unknown_headers_are_reported() -> None:
    table = read_table(
        b"Emp No,Full Name\n7,Li\n",
        aliases={"full_name": "name"},
        column_map={"Emp No": "code", "Missing": "x"},
    )
    assert table.rows[0].values == {"code": "7", "name": "Li"}
    assert [p.column for p in table.problems] == ["missing"]


def test_full_width_and_ideographic_spaces_in_headers_are_normalised() -> None:
    table = read_table("Ｃｏｄｅ,Org\u3000Unit Code\nA,B\n".encode())
    assert table.columns == ("code", "org_unit_code")


def test_duplicate_columns_are_a_header_problem() -> None:
    table = read_table(b"code,Code\nA,B\n")
    assert [(p.column, p.problem) for p in table.problems] == [("code", "duplicate column")]


def test_rows_past_the_cap_are_refused_while_streaming() -> None:
    with tempfile.SpooledTemporaryFile(max_size=1024) as upload:
        upload.write(b"code\n" + b"".join(b"C%d\n" % i for i in range(50)))
        upload.seek(0)
        with pytest.raises(TableError, match="more than 10 rows"):
            read_table(upload, max_rows=10)
        upload.seek(0)
        assert len(read_table(upload, max_rows=50).rows) == 50
        assert not upload.closed  # the caller's upload stays theirs


def test_xlsx_rows_are_read_as_a_person_sees_them() -> None:
    table = read_table(_xlsx([["code", "headcount"], ["P1", 5.0], [None, None], ["P2", 2]]))
    assert [(r.row, r.values) for r in table.rows] == [
        (2, {"code": "P1", "headcount": "5"}),
        (4, {"code": "P2", "headcount": "2"}),
    ]


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (50 * 1024 * 1024))
    assert len(out.getvalue()) < 200_000
    with pytest.raises(TableError, match="refusing to unpack"):
        read_table(out.getvalue())


@pytest.mark.parametrize(
    "content",
    [b"PK\x03\x04 not really a zip", b"\xff\xfe\x00\x81\x00\x82garbage\xa0\xa1", b""],
)
def test_unreadable_files_are_a_422_about_the_file(content: bytes) -> None:
    with pytest.raises(TableError) as caught:
        read_table(content)
    assert caught.value.status == 422
    assert caught.value.errors is not None and caught.value.errors[0]["loc"] == ["file"]


def _with_sheet_xml(content: bytes, edit) -> bytes:
    """The XLSX `content` with its first sheet's XML passed through `edit`."""
    src, out = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = edit(data)
            dst.writestr(item, data)
    return out.getvalue()


def test_rows_below_a_stale_declared_size_are_read() -> None:
    # Some exporters declare the sheet's size wrong; every row was lost past it, and the
    # import said it had read them all.
    content = _xlsx([["code"], *([f"U{i}"] for i in range(51))])
    stale = _with_sheet_xml(
        content, lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:A2"', xml)
    )
    assert b'<dimension ref="A1:A2"' in zipfile.ZipFile(io.BytesIO(stale)).read(
        "xl/worksheets/sheet1.xml"
    )
    assert [r.values["code"] for r in read_table(stale).rows] == [f"U{i}" for i in range(51)]


def test_a_stray_cell_far_below_the_table_is_refused_not_walked_to() -> None:
    # One cell at the sheet's last row: every empty row above it was walked (tens of
    # seconds of CPU for a 5 KB file), none counting against the row cap.
    wb = Workbook()
    ws = wb.active
    ws.append(["code"])
    ws.append(["U1"])
    ws.cell(row=1_048_576, column=1, value="x")
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(TableError, match="empty rows in a row from row 3"):
        read_table(out.getvalue())
    with pytest.raises(TableError, match="empty rows in a row"):
        read_table(b"code\nU1\n" + b"\n" * 1_000_000)


def test_a_part_that_would_unpack_out_of_proportion_is_refused_whatever_the_others() -> None:
    # An incompressible part lowers the whole archive's ratio; the bomb beside it is
    # still refused.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/media/pad.bin", random.randbytes(1_200_000))
        z.writestr(
            zipfile.ZipInfo("xl/sharedStrings.xml"),
            b"<si><t>abcdefgh</t></si>" * 400_000,
            compress_type=zipfile.ZIP_DEFLATED,
        )
    with pytest.raises(TableError, match=re.escape("xl/sharedStrings.xml")):
        read_table(out.getvalue())


def test_empty_runs_between_rows_count_against_a_bound_too() -> None:
    # Runs of empty rows each shorter than the run bound, one row with data between them:
    # 20 MB of CSV (or a small sheet whose row numbers jump by a thousand) kept a worker
    # walking 20 million empty rows, and every data row was under the row cap.
    runs = b"".join(b"U%d\n" % i + b"\n" * 999 for i in range(12))
    with pytest.raises(TableError, match="counting the empty ones"):
        read_table(b"code\n" + runs, max_rows=10)
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>U{i}</t></is></c></row>'
        for i, n in enumerate(range(2, 12_002, 1_000))
    )
    jumps = _with_sheet_xml(
        _xlsx([["code"]]), lambda xml: xml.replace(b"</sheetData>", rows.encode() + b"</sheetData>")
    )
    with pytest.raises(TableError, match="counting the empty ones"):
        read_table(jumps, max_rows=10)
    # Under the bound the same shape is read, row numbers as the sheet has them.
    assert [r.row for r in read_table(jumps, max_rows=6_000).rows][-2:] == [10_002, 11_002]


def test_a_cell_in_the_last_column_does_not_widen_every_row(monkeypatch) -> None:
    # One cell in column XFD (16,384) made openpyxl hand over every row 16,384 cells wide.
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    widths: list[int] = []
    get_row = ReadOnlyWorksheet._get_row

    def spy(self, row, min_col=1, max_col=None, values_only=False):
        cells = get_row(self, row, min_col, max_col, values_only)
        widths.append(len(cells))
        return cells

    monkeypatch.setattr(ReadOnlyWorksheet, "_get_row", spy)
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>U{n}</t></is></c>'
        f'<c r="XFD{n}"><v>1</v></c></row>'
        for n in range(2, 6)
    )
    wide = _with_sheet_xml(
        _xlsx([["code"]]), lambda xml: xml.replace(b"</sheetData>", rows.encode() + b"</sheetData>")
    )
    assert [r.values for r in read_table(wide).rows] == [{"code": f"U{n}"} for n in range(2, 6)]
    assert widths and max(widths) <= 201


def test_a_nul_in_a_cell_is_a_problem_of_its_row_and_column() -> None:
    # PostgreSQL text (and jsonb) cannot hold U+0000: the import failed in the database,
    # with a 422 that named no row, a dry run too.
    table = read_table(b"code,name\nA1,Acme\nB2,Ac\x00me\x00\n")
    assert [(p.row, p.column) for p in table.cell_problems] == [(3, "name")]
    assert "NUL" in table.cell_problems[0].problem
    assert "cannot be stored" in table.cell_problems[0].problem
    assert "character 3" in table.cell_problems[0].problem  # the first, where to look
    assert table.rows[1].values == {"code": "B2", "name": "Ac\x00me\x00"}  # kept, as typed


@pytest.mark.parametrize(
    "control", ["\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x92", "\x9f"]
)
def test_other_control_characters_are_problems_too(control: str) -> None:
    table = read_table(f"code,name\nA{control}1,Acme\n".encode())
    assert [(p.row, p.column) for p in table.cell_problems] == [(2, "code")]
    assert f"U+{ord(control):04X}" in table.cell_problems[0].problem


def test_direction_controls_are_dropped_from_cells_and_marks_kept() -> None:
    # An override reorders what every list shows after it; a phone copied from a phone's
    # contacts comes wrapped in U+202A … U+202C. Right-to-left text needs none of them.
    data = "code,name,phone\nA1,Jane\u202eeoD,\u202a+86 138 0013 8000\u202c\nB2,\u05d3\u200f,\n"
    table = read_table(data.encode())
    assert table.cell_problems == []
    assert [r.values for r in table.rows] == [
        {"code": "A1", "name": "JaneeoD", "phone": "+86 138 0013 8000"},
        {"code": "B2", "name": "\u05d3\u200f", "phone": ""},
    ]


def test_a_cell_longer_than_is_read_is_a_problem_not_a_cut_value() -> None:
    # It was cut at MAX_CELL_CHARS without a word: the rest of a long text was lost, and the
    # cut text imported as if it were the cell.
    long = "x" * (MAX_CELL_CHARS + 1)
    table = read_table(f"code,notes\nA1,{long}\nA2,{'y' * MAX_CELL_CHARS}\n".encode())
    assert [(p.row, p.column) for p in table.cell_problems] == [(2, "notes")]
    assert f"{MAX_CELL_CHARS + 1:,} characters" in table.cell_problems[0].problem
    assert len(table.rows[0].get("notes")) == MAX_CELL_CHARS  # bounded all the same


def test_tabs_and_line_breaks_in_cells_are_text() -> None:
    table = read_table(b'code,notes\nA1,"one\ttwo\r\nthree\nfour"\n')
    assert table.cell_problems == []
    assert table.rows[0].get("notes") == "one\ttwo\r\nthree\nfour"


def test_an_xlsx_with_a_nul_is_refused_as_a_file() -> None:
    # XML cannot hold U+0000 (nor most controls), escaped or not: the sheet cannot be
    # parsed, so no row can be named; it never gets as far as the database either.
    content = _xlsx([["code", "name"], ["A1", "Acme"]])
    for character in (b"&#0;", b"\x00", b"&#x1b;"):
        bad = _with_sheet_xml(content, lambda xml, c=character: xml.replace(b"Acme", b"Ac" + c))
        with pytest.raises(TableError, match="cannot be read"):
            read_table(bad)


@pytest.mark.parametrize(
    ("order", "at"), [((2, 4, 3), "row 3 of the sheet comes after row 4"), ((2, 3, 3), "row 3")]
)
def test_xlsx_rows_out_of_order_are_refused_not_dropped(order: tuple[int, ...], at: str) -> None:
    # openpyxl's streaming reader skipped, without a word, a row numbered at or below the
    # one before it (a hand-made or patched sheet): the import read the rest as if whole.
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>U{i}</t></is></c></row>'
        for i, n in enumerate(order)
    )
    shuffled = _with_sheet_xml(
        _xlsx([["code"]]), lambda xml: xml.replace(b"</sheetData>", rows.encode() + b"</sheetData>")
    )
    with pytest.raises(TableError, match=at):
        read_table(shuffled)


def test_xlsx_rows_numbered_with_gaps_or_not_at_all_are_read() -> None:
    gaps = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>U{n}</t></is></c></row>' for n in (3, 7)
    )
    content = _with_sheet_xml(
        _xlsx([["code"]]), lambda xml: xml.replace(b"</sheetData>", gaps.encode() + b"</sheetData>")
    )
    assert [(r.row, r.get("code")) for r in read_table(content).rows] == [(3, "U3"), (7, "U7")]
    # Row numbers are optional in the format: each row is then the one after the last.
    unnumbered = _with_sheet_xml(
        _xlsx([["code"], ["U2"], ["U3"]]), lambda xml: re.sub(rb' r="[A-Z]*[0-9]+"', b"", xml)
    )
    assert [(r.row, r.get("code")) for r in read_table(unnumbered).rows] == [(2, "U2"), (3, "U3")]


def test_code_columns_are_folded_and_other_text_is_kept_as_typed() -> None:
    # Typed with the input method in full-width mode: codes are the codes they stand for;
    # a name keeps its full-width letters (they are how the person wrote it).
    content = "code,parent_code,name\nＤＥＰＴ－００１,\u3000ＣＯ１\u3000,ＡＢＣ 公司\n".encode()
    table = read_table(content, codes=("code", "parent_code", "not_in_the_file"))
    assert table.rows[0].values == {"code": "DEPT-001", "parent_code": "CO1", "name": "ＡＢＣ 公司"}


def test_an_invisible_character_in_a_code_is_a_problem_of_its_cell() -> None:
    content = "code,name\nDEPT\u200b-001,Sales\n".encode()
    table = read_table(content, codes=("code",))
    [problem] = table.cell_problems
    assert (problem.row, problem.column) == (2, "code")
    assert "U+200B (ZERO WIDTH SPACE) at character 5" in problem.problem
