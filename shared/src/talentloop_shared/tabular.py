"""One reader for every spreadsheet import (S7): CSV or XLSX, streamed, bounded.

- The format is sniffed from the bytes (an XLSX file is a zip archive), not trusted from a
  file name or content type that browsers and ERP exports get wrong.
- CSV: UTF-8 (with or without the BOM Excel writes), or GB 18030 — what Excel on a Chinese
  Windows saves as "CSV"; the delimiter is read off the header line (`,`, tab or `;`).
- XLSX: the archive's declared sizes are checked before anything is unpacked, so a zip bomb
  (a few KB that inflate to gigabytes) is refused; rows are streamed (openpyxl read-only).
- Rows are read one at a time from the upload (spooled to disk by the web server), up to a
  row cap; the reader never holds the whole file and a parsed copy of it at once.
- A cell holding a character that cannot be stored as text (NUL; the other control
  characters but tab, line feed and carriage return: `characters.py`) is a `CellProblem`
  of its row and column, for the caller to report with the rest of its row's problems;
  the cell itself is kept as read.
  So is a cell longer than `MAX_CELL_CHARS` (kept cut to that length, never imported cut).
- Column headers are normalised (`Org Unit Code` → `org_unit_code`) and mapped through the
  caller's aliases (`部门编码` → `org_unit_code`) and the uploader's own column mapping.

Problems with the file as a whole raise `TableError` (422, `loc` = `["file"]`).
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import math
import re
import unicodedata
import zipfile
from collections.abc import Collection, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any, Final

from talentloop_shared.characters import (
    DIRECTION_CONTROLS_RE,
    UNSTORABLE_RE,
    code_problem,
    fold_width,
    unstorable,
    without_direction_controls,
)
from talentloop_shared.errors import Invalid

HEADER_ROW: Final = 1
DEFAULT_MAX_ROWS: Final = 20_000
# An XLSX's XML compresses well (10–20×), a bomb compresses a million-fold.
MAX_UNPACKED_BYTES: Final = 256 * 1024 * 1024
MAX_COMPRESSION_RATIO: Final = 200
MAX_ARCHIVE_ENTRIES: Final = 2_000
MAX_COLUMNS: Final = 200
MAX_CELL_CHARS: Final = 10_000
# Empty rows in a row before the table is taken to have ended badly: a stray cell far
# below it (or a file of blank lines) would otherwise be walked row by empty row.
MAX_BLANK_RUN: Final = 1_000
# One part of an XLSX archive unpacked (the shared strings, a sheet): what openpyxl loads.
MAX_PART_BYTES: Final = 64 * 1024 * 1024

_XLSX_MAGIC = b"PK\x03\x04"
_WHITESPACE_RE = re.compile(r"[\s\u3000]+")
_SNIFF_BYTES = 64 * 1024


class TableError(Invalid):
    """The upload cannot be read as a table at all (no per-row report is possible)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail, errors=[{"loc": ["file"], "msg": detail}])


@dataclass(frozen=True, slots=True)
class TableRow:
    """One data row: its spreadsheet row number (header = 1) and cells by column name."""

    row: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        """The trimmed cell text of `column`, or "" when the column or cell is empty."""
        return self.values.get(column, "")


@dataclass(frozen=True, slots=True)
class HeaderProblem:
    """A problem with the header row (a duplicate column, an unknown mapping)."""

    column: str
    problem: str


@dataclass(frozen=True, slots=True)
class CellProblem:
    """A cell of a data row that cannot be taken as it is (see `unstorable_character`)."""

    row: int
    column: str
    problem: str


@dataclass(slots=True)
class Table:
    """A parsed upload: canonical column names, the non-blank data rows, header problems,
    cells no row may be written with, and how each header of the file was understood (for
    the validation report)."""

    columns: tuple[str, ...]
    rows: list[TableRow]
    problems: list[HeaderProblem] = field(default_factory=list)
    # In file order; the rows keep these cells as read, so a caller must report them.
    cell_problems: list[CellProblem] = field(default_factory=list)
    # The file's own header → the column it was read as ("部门编码" → "org_unit_code").
    column_mapping: dict[str, str] = field(default_factory=dict)
    total_rows: int = 0


def normalise_header(name: str) -> str:
    """The canonical spelling of a header: NFKC, trimmed, lower case, inner spaces as `_`."""
    text = unicodedata.normalize("NFKC", name).strip().lstrip("\ufeff").strip().lower()
    return _WHITESPACE_RE.sub("_", text)


def cell_text(value: object) -> str:
    """The text a person sees in the cell (5.0 typed as 5 stays '5')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def unstorable_character(text: str) -> str | None:
    """Why `text` cannot be stored as it is (it holds a NUL or another control character),
    naming the first such character and where it is; None when it can."""
    found = unstorable(text)
    if found is None:
        return None
    position, what = found
    return (
        f"the cell holds {what} at character {position}, which cannot be stored; "
        "delete it (a spreadsheet does not show it: it comes from the program that exported "
        "the file)"
    )


def read_table(
    source: IO[bytes] | bytes,
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    aliases: Mapping[str, str] | None = None,
    column_map: Mapping[str, str] | None = None,
    codes: Collection[str] = (),
) -> Table:
    """Read a CSV or XLSX upload into rows keyed by canonical column name.

    `aliases` maps normalised header spellings to columns (`"部门编码"` → `"org_unit_code"`);
    `column_map` is the uploader's own mapping of the file's headers to columns, which wins.
    The cells of the columns named in `codes` are folded as codes (`characters.fold_width`:
    `ＤＥＰＴ－００１` → `DEPT-001`), as a code sent to the API is.
    More than `max_rows` data rows is a `TableError` (split the file).
    """
    stream = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
    head = stream.read(len(_XLSX_MAGIC))
    stream.seek(0)
    records: Generator[list[str]] = (
        _xlsx_records(stream) if head == _XLSX_MAGIC else _csv_records(stream)
    )
    try:
        return _table(
            records, max_rows=max_rows, aliases=aliases or {}, column_map=column_map, codes=codes
        )
    finally:
        records.close()


def _mapping_keys(mapping: Mapping[str, str]) -> dict[str, str]:
    return {normalise_header(k): normalise_header(v) for k, v in mapping.items()}


def _table(
    records: Iterator[list[str]],
    *,
    max_rows: int,
    aliases: Mapping[str, str],
    column_map: Mapping[str, str] | None,
    codes: Collection[str],
) -> Table:
    header: list[str] | None = next(records, None)
    if header is None or not any(cell.strip() for cell in header):
        raise TableError("the file is empty or its first row (the headers) is blank")
    if len(header) > MAX_COLUMNS:
        raise TableError(f"the file has {len(header)} columns; at most {MAX_COLUMNS} are read")
    alias_of = _mapping_keys(aliases)
    mapped = _mapping_keys(column_map or {})
    problems: list[HeaderProblem] = []
    seen_in_file = {normalise_header(h) for h in header}
    for wanted in mapped:
        if wanted not in seen_in_file:
            problems.append(
                HeaderProblem(wanted, "the column mapping names a header the file does not have")
            )
    index_of: dict[str, int] = {}
    understood: dict[str, str] = {}
    for i, raw in enumerate(header):
        name = normalise_header(raw)
        if not name:
            continue  # unnamed columns (stray cells right of the table) are ignored
        column = mapped.get(name) or alias_of.get(name) or name
        if column in index_of:
            problems.append(HeaderProblem(column, "duplicate column"))
            continue
        index_of[column] = i
        if raw.strip() and raw.strip() != column:
            understood[raw.strip()] = column
    folded = [column for column in index_of if column in codes]
    rows: list[TableRow] = []
    cell_problems: list[CellProblem] = []
    total = 0
    blank_run = 0
    # Empty rows count too: runs of them shorter than MAX_BLANK_RUN between rows with data
    # would otherwise let a small file walk millions of empty rows within the row cap.
    max_records = 2 * max_rows + MAX_BLANK_RUN
    # Row numbers count every record, blank ones included, so they match what Excel shows.
    for row_number, record in enumerate(records, start=HEADER_ROW + 1):
        if row_number - HEADER_ROW > max_records:
            raise TableError(
                f"the file has more than {max_records:,} rows counting the empty ones between "
                f"them (at most {max_rows:,} rows with data are read); delete the empty rows, "
                "or split the file into parts"
            )
        values = {
            name: record[i].strip() if i < len(record) else "" for name, i in index_of.items()
        }
        if DIRECTION_CONTROLS_RE.search("".join(values.values())):
            values = {name: without_direction_controls(v).strip() for name, v in values.items()}
        if not any(values.values()):
            blank_run += 1
            if blank_run > MAX_BLANK_RUN:
                raise TableError(
                    f"more than {MAX_BLANK_RUN:,} empty rows in a row from row "
                    f"{row_number - MAX_BLANK_RUN}; delete them (and anything below them), "
                    "then upload again"
                )
            continue
        blank_run = 0
        for name in folded:
            values[name] = fold_width(values[name]).strip()
            # A character no cell may hold is named once, below, as in any column.
            if UNSTORABLE_RE.search(values[name]):
                continue
            if (problem := code_problem(values[name])) is not None:
                cell_problems.append(CellProblem(row_number, name, f"the code {problem}"))
        total += 1
        if total > max_rows:
            raise TableError(f"the file has more than {max_rows} rows; split it into parts")
        for name, value in values.items():
            if len(value) > MAX_CELL_CHARS:
                # A problem, not a silent cut: the cut text would be imported as the cell.
                values[name] = value[:MAX_CELL_CHARS]
                cell_problems.append(
                    CellProblem(
                        row_number,
                        name,
                        f"the cell holds {len(value):,} characters; at most "
                        f"{MAX_CELL_CHARS:,} are taken: shorten it",
                    )
                )
        rows.append(TableRow(row=row_number, values=values))
        # One scan of the whole row; the cells one by one only when it finds something.
        if UNSTORABLE_RE.search("".join(values.values())):
            for name, value in values.items():
                if (problem := unstorable_character(value)) is not None:
                    cell_problems.append(CellProblem(row_number, name, problem))
    return Table(
        columns=tuple(index_of),
        rows=rows,
        problems=problems,
        cell_problems=cell_problems,
        column_mapping=understood,
        total_rows=total,
    )


def _encoding(stream: IO[bytes]) -> str:
    sample = stream.read(_SNIFF_BYTES)
    stream.seek(0)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        # An incremental decoder accepts a sample cut in the middle of a character.
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        codecs.getincrementaldecoder("gb18030")().decode(sample, final=False)
        return "gb18030"
    except UnicodeDecodeError:
        raise TableError(
            "the file is neither UTF-8 nor GB 18030 text; save it as 'CSV UTF-8' or XLSX"
        ) from None


def _csv_records(stream: IO[bytes]) -> Generator[list[str]]:
    encoding = _encoding(stream)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="")
    try:
        first_line = text.readline()
        # Headers never contain separators, so the header line tells the delimiter. Lists
        # inside cells use `;`, so `;` is the delimiter only when the header has no comma.
        delimiter = ","
        if "," not in first_line:
            if "\t" in first_line:
                delimiter = "\t"
            elif ";" in first_line:
                delimiter = ";"
        yield from csv.reader(itertools.chain([first_line], text), delimiter=delimiter)
    except UnicodeDecodeError as exc:
        raise TableError(
            f"the file is not {encoding} text throughout (byte {exc.start} of a line); "
            "save it as 'CSV UTF-8' or XLSX"
        ) from None
    except csv.Error as exc:
        raise TableError(f"the CSV file is malformed: {exc}") from None
    finally:
        text.detach()


def check_archive(stream: IO[bytes]) -> None:
    """Refuse an XLSX archive whose declared unpacked size is out of proportion."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise TableError(f"the XLSX file cannot be read: {exc}") from None
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ARCHIVE_ENTRIES:
            raise TableError(f"the XLSX archive has {len(entries)} parts; refusing to unpack")
        unpacked = sum(e.file_size for e in entries)
        packed = max(1, sum(e.compress_size for e in entries))
        if unpacked > MAX_UNPACKED_BYTES or unpacked > packed * MAX_COMPRESSION_RATIO:
            raise TableError(
                f"the XLSX archive would unpack to {unpacked} bytes from {packed}; "
                "refusing to unpack it (is it really a spreadsheet?)"
            )
        # Part by part too: an incompressible part must not hide another's ratio.
        for e in entries:
            if e.file_size > MAX_PART_BYTES or e.file_size > max(
                e.compress_size * MAX_COMPRESSION_RATIO, 1024 * 1024
            ):
                raise TableError(
                    f"the XLSX part {e.filename[:100]} would unpack to {e.file_size} bytes "
                    f"from {e.compress_size}; refusing to unpack it"
                )
    stream.seek(0)


def _xlsx_records(stream: IO[bytes]) -> Generator[list[str]]:
    check_archive(stream)
    # Imported lazily: only uploads that are spreadsheets pay for loading openpyxl.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken workbook
        raise TableError(f"the XLSX file cannot be read: {type(exc).__name__}") from None
    try:
        if not workbook.worksheets:
            raise TableError("the XLSX file has no worksheet")
        sheet = workbook.worksheets[0]
        try:
            for values in _sheet_rows(workbook, sheet):
                end = 0 if values.count(None) == len(values) else len(values)
                while end and values[end - 1] is None:
                    end -= 1  # a sheet's used range often runs past the table
                record = [cell_text(value) for value in values[:end]]
                while record and not record[-1]:
                    record.pop()
                yield record
        except TableError:
            raise
        except Exception as exc:
            raise TableError(f"the XLSX file cannot be read: {type(exc).__name__}") from None
    finally:
        # read_only workbooks keep the archive open until closed.
        workbook.close()


def _sheet_rows(workbook: Any, sheet: Any) -> Iterator[tuple[object, ...]]:
    """The sheet's rows in order, an empty one for each row number it skips.

    What openpyxl's `iter_rows` does, read-only, with two differences. Every row present is
    read: the sheet's declared size is the writer's word, some write a stale one, and rows
    below it were lost without a word (empty runs are bounded by the table). A row numbered
    at or below the one before it (a hand-made or patched sheet) is a `TableError` naming
    it: `iter_rows` dropped it without a word, and the import read the rest as if whole.
    """
    # openpyxl's own parser of a sheet (not public API; the lock file pins openpyxl).
    from openpyxl.worksheet._reader import WorkSheetParser

    previous = 0
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source,
            sheet._shared_strings,
            data_only=workbook.data_only,
            epoch=workbook.epoch,
            date_formats=workbook._date_formats,
            timedelta_formats=workbook._timedelta_formats,
        )
        for number, cells in parser.parse():
            if number <= previous:
                raise TableError(
                    f"row {number} of the sheet comes after row {previous}: the file lists "
                    "its rows out of order (or one twice), so some would be lost; open it in "
                    "a spreadsheet and save it again, or save it as CSV"
                )
            for _ in range(previous + 1, number):
                yield ()
            previous = number
            # Cells right of MAX_COLUMNS are not read (a wider header is refused): without a
            # bound, one cell in the sheet's last column made every row 16,384 cells wide.
            yield sheet._get_row(cells, max_col=MAX_COLUMNS + 1, values_only=True)
