"""Bulk import of org units and positions from CSV or XLSX (BRIEF S7): parse, validate, reconcile.

The flow the service runs: `parse_table(bytes)` → `validate_org_unit_rows(...)` or
`validate_position_rows(...)` → report the problems (dry run) or write the valid rows → compare
`key_fields_checksum` of the file rows with the same checksum over what the database holds.
All work is linear in the number of rows, so a 10,000-row file validates in well under a second.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final, Generic, Literal, TypeVar

from org_service.domain.errors import RowProblem
from org_service.domain.org_tree import ORG_UNIT_KINDS, OrgUnitKind, parse_kind
from org_service.domain.positions import (
    EDUCATION_LEVELS,
    MAX_YEARS_EXPERIENCE,
    POSITION_STATUSES,
    normalise_languages,
    normalise_skills,
    validate_evaluation_scheme,
)
from talentloop_shared.events.payloads import Dimension, EvaluationScheme, Requirements

ImportKind = Literal["org_units", "positions"]
RowT = TypeVar("RowT")

HEADER_ROW: Final = 1
MAX_CODE_LENGTH: Final = 64
MAX_HEADCOUNT: Final = 10_000

ORG_UNIT_COLUMNS: Final[tuple[str, ...]] = ("code", "name", "kind", "parent_code")
ORG_UNIT_REQUIRED_COLUMNS: Final[tuple[str, ...]] = ("code", "name", "kind")
POSITION_COLUMNS: Final[tuple[str, ...]] = (
    "code",
    "title",
    "org_unit_code",
    "job_family",
    "headcount",
    "status",
    "location",
    "min_years_experience",
    "required_skills",
    "preferred_skills",
    "industries",
    "education",
    "languages",
    "responsibilities",
    "evaluation_scheme",
)
POSITION_REQUIRED_COLUMNS: Final[tuple[str, ...]] = ("code", "title", "org_unit_code")

# The fields the reconciliation report compares before and after an import. They are the ones a
# person checks by eye; long free text (responsibilities) would only add noise.
KEY_FIELDS: Final[Mapping[str, tuple[str, ...]]] = {
    "org_units": ("code", "name", "kind", "parent_code"),
    "positions": ("code", "title", "org_unit_code", "job_family", "headcount", "status"),
}

_XLSX_MAGIC = b"PK\x03\x04"
_LIST_SEPARATORS_RE = re.compile(r"[;|\r\n]")
_WHITESPACE_RE = re.compile(r"\s+")


class ImportFileError(ValueError):
    """The upload is not a readable CSV or XLSX file at all (no per-row report is possible)."""


# --- parsing --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One data row of the file: its spreadsheet row number and cells keyed by column name."""

    row: int
    values: dict[str, str]

    def get(self, column: str) -> str:
        """Return the trimmed cell text of `column`, or "" when the column or cell is empty."""
        return self.values.get(column, "")


@dataclass(frozen=True, slots=True)
class ParsedTable:
    """A parsed upload: normalised column names and the non-blank data rows."""

    columns: tuple[str, ...]
    rows: list[SourceRow]
    # Header problems (duplicate columns) found while parsing; validation adds its own.
    problems: list[RowProblem] = field(default_factory=list)


def parse_table(content: bytes) -> ParsedTable:
    """Parse CSV (UTF-8, BOM optional) or XLSX bytes into rows keyed by lower-case column name."""
    # Sniff the bytes rather than trusting the file name or content type that browsers and ERP
    # exports get wrong: an XLSX file is a zip archive.
    if content.startswith(_XLSX_MAGIC):
        return _table_from_records(_xlsx_records(content))
    return _table_from_records(_csv_records(content))


def normalise_column_name(name: str) -> str:
    """Return the canonical column name: trimmed, lower case, inner spaces as `_`."""
    return _WHITESPACE_RE.sub("_", name.strip().lstrip("\ufeff").strip().lower())


def _csv_records(content: bytes) -> Iterator[list[str]]:
    try:
        # utf-8-sig strips the BOM Excel writes when saving "CSV UTF-8", and reads plain UTF-8.
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFileError(
            f"the file is not UTF-8 text (byte {exc.start}); save it as 'CSV UTF-8' or XLSX"
        ) from None
    first_line = text.split("\n", 1)[0]
    # Headers never contain separators, so the header line tells the delimiter. Lists inside
    # cells use `;`, so `;` is only taken as the delimiter when the header has no comma.
    delimiter = ","
    if "," not in first_line:
        if "\t" in first_line:
            delimiter = "\t"
        elif ";" in first_line:
            delimiter = ";"
    try:
        yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    except csv.Error as exc:
        raise ImportFileError(f"the CSV file is malformed: {exc}") from None


def _xlsx_records(content: bytes) -> Iterator[list[str]]:
    # Imported lazily: only uploads that are spreadsheets pay for loading openpyxl.
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFileError(f"the XLSX file cannot be read: {exc}") from None
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [_cell_text(value) for value in values]
    finally:
        # read_only workbooks keep the archive open until closed.
        workbook.close()


def _cell_text(value: object) -> str:
    """Return the text a person sees in the cell (5.0 typed as 5 stays '5')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _table_from_records(records: Iterable[list[str]]) -> ParsedTable:
    iterator = iter(records)
    header: list[str] | None = None
    for header_candidate in iterator:
        header = header_candidate
        break
    if header is None:
        raise ImportFileError("the file is empty")
    names = [normalise_column_name(cell) for cell in header]
    problems: list[RowProblem] = []
    index_of: dict[str, int] = {}
    for i, name in enumerate(names):
        if not name:
            continue  # unnamed columns (stray cells right of the table) are ignored
        if name in index_of:
            problems.append(RowProblem(HEADER_ROW, name, "duplicate column"))
            continue
        index_of[name] = i
    rows: list[SourceRow] = []
    # Row numbers count every record, blank ones included, so they match what Excel shows.
    for row_number, record in enumerate(iterator, start=HEADER_ROW + 1):
        values = {
            name: record[i].strip() if i < len(record) else "" for name, i in index_of.items()
        }
        if any(values.values()):
            rows.append(SourceRow(row=row_number, values=values))
    return ParsedTable(columns=tuple(index_of), rows=rows, problems=problems)


# --- validation: shared ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OrgUnitImportRow:
    """A valid, normalised org unit row."""

    row: int
    code: str
    name: str
    kind: OrgUnitKind
    parent_code: str | None


@dataclass(frozen=True, slots=True)
class ImportedDimension:
    """One dimension of an imported evaluation scheme; the department is still a unit code."""

    key: str
    name: str
    weight: float
    department_code: str | None


@dataclass(frozen=True, slots=True)
class PositionImportRow:
    """A valid, normalised position row."""

    row: int
    code: str
    title: str
    org_unit_code: str
    job_family: str
    headcount: int
    status: Literal["open", "closed"]
    location: str | None
    responsibilities: tuple[str, ...]
    requirements: Requirements
    evaluation_scheme: tuple[ImportedDimension, ...]

    def scheme_for(self, unit_id_by_code: Mapping[str, str]) -> EvaluationScheme:
        """Return the evaluation scheme with department codes resolved to org unit ids."""
        return EvaluationScheme(
            dimensions=[
                Dimension(
                    key=d.key,
                    name=d.name,
                    weight=d.weight,
                    department_id=(
                        unit_id_by_code[d.department_code] if d.department_code else None
                    ),
                )
                for d in self.evaluation_scheme
            ]
        )


@dataclass(frozen=True, slots=True)
class ImportReport(Generic[RowT]):
    """Validation outcome: the valid rows and every problem, both in file order."""

    kind: ImportKind
    total_rows: int
    rows: list[RowT]
    problems: list[RowProblem]

    @property
    def ok(self) -> bool:
        """Return True when the file has no problems at all and may be imported."""
        return not self.problems

    @property
    def rows_with_problems(self) -> int:
        """Return how many distinct rows have at least one problem (header row excluded)."""
        return len({p.row for p in self.problems if p.row != HEADER_ROW})


def _missing_columns(table: ParsedTable, required: Sequence[str]) -> RowProblem | None:
    missing = [name for name in required if name not in table.columns]
    if not missing:
        return None
    return RowProblem(
        HEADER_ROW,
        ", ".join(missing),
        f"missing required column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}",
    )


def _check_codes(rows: Sequence[SourceRow], problems: list[RowProblem]) -> dict[str, int]:
    """Check `code` on every row; return the first row number of each code."""
    first_row: dict[str, int] = {}
    for source in rows:
        code = source.get("code")
        if not code:
            problems.append(RowProblem(source.row, "code", "required"))
        elif len(code) > MAX_CODE_LENGTH:
            problems.append(
                RowProblem(source.row, "code", f"longer than {MAX_CODE_LENGTH} characters")
            )
        elif code in first_row:
            problems.append(
                RowProblem(
                    source.row, "code", f"duplicate code {code!r} (first in row {first_row[code]})"
                )
            )
        else:
            first_row[code] = source.row
    return first_row


def _split_list(cell: str) -> list[str]:
    return _LIST_SEPARATORS_RE.split(cell)


def _report(
    kind: ImportKind,
    table: ParsedTable,
    rows: list[tuple[int, RowT]],
    problems: list[RowProblem],
) -> ImportReport[RowT]:
    bad_rows = {p.row for p in problems}
    problems.sort(key=lambda p: p.row)  # stable: per-row problems keep column order
    return ImportReport(
        kind=kind,
        total_rows=len(table.rows),
        rows=[row for number, row in rows if number not in bad_rows],
        problems=problems,
    )


# --- validation: org units ------------------------------------------------------------------


def validate_org_unit_rows(
    table: ParsedTable,
    *,
    existing_codes: Set[str],
    existing_parent_codes: Mapping[str, str | None] | None = None,
) -> ImportReport[OrgUnitImportRow]:
    """Validate org unit rows; valid rows come back parents first, ready to insert in order.

    A `parent_code` may name a unit earlier or later in the file or one that already exists.
    Pass `existing_parent_codes` (code → parent code of existing units) to also catch cycles
    that a file re-parenting existing units would close through the database's tree.
    """
    problems = list(table.problems)
    if (missing := _missing_columns(table, ORG_UNIT_REQUIRED_COLUMNS)) is not None:
        return ImportReport("org_units", len(table.rows), [], [*problems, missing])
    first_row = _check_codes(table.rows, problems)
    parsed: list[tuple[int, OrgUnitImportRow]] = []
    for source in table.rows:
        code = source.get("code")
        name = source.get("name")
        if not name:
            problems.append(RowProblem(source.row, "name", "required"))
        kind = parse_kind(source.get("kind"))
        if kind is None:
            problems.append(
                RowProblem(
                    source.row,
                    "kind",
                    f"must be one of {', '.join(ORG_UNIT_KINDS)}, got {source.get('kind')!r}",
                )
            )
        parent_code = source.get("parent_code") or None
        if parent_code is not None:
            if parent_code == code:
                problems.append(
                    RowProblem(source.row, "parent_code", "a unit cannot be its own parent")
                )
            elif parent_code not in first_row and parent_code not in existing_codes:
                problems.append(
                    RowProblem(source.row, "parent_code", f"unknown org unit code {parent_code!r}")
                )
        if kind is not None and code and first_row.get(code) == source.row:
            parsed.append((source.row, OrgUnitImportRow(source.row, code, name, kind, parent_code)))

    parent_of: dict[str, str | None] = dict(existing_parent_codes or {})
    # A self-parent is already reported above; leaving it out keeps one problem per mistake.
    parent_of.update(
        {row.code: row.parent_code if row.parent_code != row.code else None for _, row in parsed}
    )
    file_codes = [row.code for _, row in parsed]
    for code in _codes_in_cycles(file_codes, parent_of):
        if code not in first_row:
            continue  # an existing unit on the loop: the file row that closes it is reported
        problems.append(
            RowProblem(
                first_row[code], "parent_code", f"parent_code {parent_of[code]!r} forms a cycle"
            )
        )
    _reject_children_of_bad_rows(parsed, first_row, problems)
    report = _report("org_units", table, parsed, problems)
    return ImportReport(
        "org_units", report.total_rows, _parents_first(report.rows), report.problems
    )


def _reject_children_of_bad_rows(
    parsed: Sequence[tuple[int, OrgUnitImportRow]],
    first_row: Mapping[str, int],
    problems: list[RowProblem],
) -> None:
    """Report every unit below a rejected row, so no accepted row points at a missing parent."""
    bad_rows = {p.row for p in problems}
    children: dict[str, list[OrgUnitImportRow]] = {}
    for _, row in parsed:
        if row.parent_code is not None:
            children.setdefault(row.parent_code, []).append(row)
    queue = [code for code, number in first_row.items() if number in bad_rows]
    for code in queue:
        for child in children.get(code, ()):
            if child.row in bad_rows:
                continue
            bad_rows.add(child.row)
            problems.append(
                RowProblem(
                    child.row,
                    "parent_code",
                    f"parent {code!r} (row {first_row[code]}) has problems",
                )
            )
            queue.append(child.code)


def _codes_in_cycles(codes: Iterable[str], parent_of: Mapping[str, str | None]) -> list[str]:
    """Return the codes that lie on a parent cycle, in O(n) (each code is walked once)."""
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
    on_cycle: list[str] = []
    for start in codes:
        walk: list[str] = []
        current: str | None = start
        while current is not None and current not in state and current != "":
            state[current] = 1
            walk.append(current)
            current = parent_of.get(current)
        if current is not None and state.get(current) == 1:
            # The walk came back to a code on this very walk: everything from it onwards loops.
            on_cycle.extend(walk[walk.index(current) :])
        for code in walk:
            state[code] = 2
    return on_cycle


def _parents_first(rows: list[OrgUnitImportRow]) -> list[OrgUnitImportRow]:
    by_code = {row.code: row for row in rows}
    children: dict[str | None, list[OrgUnitImportRow]] = {}
    for row in rows:
        # Parents outside the valid rows (existing units) count as roots of this import.
        key = row.parent_code if row.parent_code in by_code else None
        children.setdefault(key, []).append(row)
    ordered = list(children.get(None, []))
    for row in ordered:
        ordered.extend(children.get(row.code, []))
    return ordered


# --- validation: positions ------------------------------------------------------------------


def validate_position_rows(
    table: ParsedTable, *, known_org_unit_codes: Set[str]
) -> ImportReport[PositionImportRow]:
    """Validate position rows; `known_org_unit_codes` = existing units plus any being imported."""
    problems = list(table.problems)
    if (missing := _missing_columns(table, POSITION_REQUIRED_COLUMNS)) is not None:
        return ImportReport("positions", len(table.rows), [], [*problems, missing])
    first_row = _check_codes(table.rows, problems)
    parsed: list[tuple[int, PositionImportRow]] = []
    for source in table.rows:
        row_problems: list[RowProblem] = []
        position = _parse_position(source, known_org_unit_codes, row_problems)
        problems.extend(row_problems)
        if position is not None and first_row.get(position.code) == source.row:
            parsed.append((source.row, position))
    return _report("positions", table, parsed, problems)


def _parse_position(
    source: SourceRow, known_org_unit_codes: Set[str], problems: list[RowProblem]
) -> PositionImportRow | None:
    n = source.row

    def problem(column: str, text: str) -> None:
        problems.append(RowProblem(n, column, text))

    title = _WHITESPACE_RE.sub(" ", source.get("title"))
    if not title:
        problem("title", "required")
    org_unit_code = source.get("org_unit_code")
    if not org_unit_code:
        problem("org_unit_code", "required")
    elif org_unit_code not in known_org_unit_codes:
        problem("org_unit_code", f"unknown org unit code {org_unit_code!r}")

    headcount = 1
    if raw := source.get("headcount"):
        number = _parse_number(raw)
        if number is None or not number.is_integer():
            problem("headcount", f"must be a whole number, got {raw!r}")
        elif not 1 <= number <= MAX_HEADCOUNT:
            problem("headcount", f"must be between 1 and {MAX_HEADCOUNT}, got {raw}")
        else:
            headcount = int(number)

    status = source.get("status").lower() or "open"
    if status not in POSITION_STATUSES:
        problem("status", f"must be one of {', '.join(POSITION_STATUSES)}, got {status!r}")

    years = 0.0
    if raw := source.get("min_years_experience"):
        number = _parse_number(raw)
        if number is None:
            problem("min_years_experience", f"must be a number, got {raw!r}")
        elif not 0 <= number <= MAX_YEARS_EXPERIENCE:
            problem(
                "min_years_experience",
                f"must be between 0 and {MAX_YEARS_EXPERIENCE}, got {raw}",
            )
        else:
            years = number

    education = source.get("education").lower() or "none"
    if education not in EDUCATION_LEVELS:
        problem("education", f"must be one of {', '.join(EDUCATION_LEVELS)}, got {education!r}")

    dimensions = _parse_scheme(source.get("evaluation_scheme"), known_org_unit_codes, problem)

    if problems:
        return None
    return PositionImportRow(
        row=n,
        code=source.get("code"),
        title=title,
        org_unit_code=org_unit_code,
        job_family=source.get("job_family").lower() or "general",
        headcount=headcount,
        status="closed" if status == "closed" else "open",
        location=source.get("location") or None,
        responsibilities=tuple(
            text for part in _split_list(source.get("responsibilities")) if (text := part.strip())
        ),
        requirements=Requirements(
            min_years_experience=years,
            required_skills=normalise_skills(_split_list(source.get("required_skills"))),
            preferred_skills=normalise_skills(_split_list(source.get("preferred_skills"))),
            industries=normalise_skills(_split_list(source.get("industries"))),
            education=education,  # checked against EDUCATION_LEVELS above
            languages=normalise_languages(_split_list(source.get("languages"))),
        ),
        evaluation_scheme=dimensions,
    )


def _parse_scheme(
    cell: str, known_org_unit_codes: Set[str], problem: Callable[[str, str], None]
) -> tuple[ImportedDimension, ...]:
    """Parse `key:name:weight[:department_code];...` and validate it like an API request."""
    column = "evaluation_scheme"
    if not cell:
        return ()
    dimensions: list[ImportedDimension] = []
    malformed = False
    parts = [p.strip() for p in _LIST_SEPARATORS_RE.split(cell) if p.strip()]
    for i, part in enumerate(parts):
        pieces = [piece.strip() for piece in part.split(":")]
        if len(pieces) not in (3, 4):
            problem(column, f"dimension {i + 1} {part!r}: expected key:name:weight:department_code")
            malformed = True
            continue
        weight = _parse_weight(pieces[2])
        if weight is None:
            problem(column, f"dimension {i + 1} {part!r}: weight must be a number")
            malformed = True
            continue
        department = pieces[3] if len(pieces) == 4 and pieces[3] else None
        dimensions.append(ImportedDimension(pieces[0], pieces[1], weight, department))
    if malformed:
        # Indices and the weight sum would be misleading with a dimension missing.
        return tuple(dimensions)
    scheme = EvaluationScheme(
        dimensions=[
            Dimension(key=d.key, name=d.name, weight=d.weight, department_id=d.department_code)
            for d in dimensions
        ]
    )
    for error in validate_evaluation_scheme(scheme, existing_unit_ids=known_org_unit_codes, loc=()):
        # loc is ("dimensions", i, field) or ("dimensions",) for the weight sum.
        index = error.loc[1] if len(error.loc) > 1 else None
        where = f"dimension {index + 1}: " if isinstance(index, int) else ""
        problem(column, where + error.msg.replace("department", "department code"))
    return tuple(dimensions)


def _parse_number(raw: str) -> float | None:
    try:
        number = float(raw.replace(",", "."))  # Excel users in many locales type 2,5
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _parse_weight(raw: str) -> float | None:
    # "40%" is how many HR sheets write weights; store the fraction.
    if raw.endswith("%"):
        number = _parse_number(raw[:-1].strip())
        return None if number is None else number / 100
    return _parse_number(raw)


# --- reconciliation -------------------------------------------------------------------------


def key_fields_checksum(rows: Iterable[Mapping[str, Any] | object], kind: ImportKind) -> str:
    """Return a sha256 over the key fields of `rows`, independent of their order."""
    fields = KEY_FIELDS[kind]
    lines = sorted(
        json.dumps([_key_text(_field_value(row, name)) for name in fields], ensure_ascii=False)
        for row in rows
    )
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def _field_value(row: Mapping[str, Any] | object, name: str) -> Any:
    # Rows come from the file (dataclasses) and from the database (ORM rows or dicts) for the
    # "after" side of the report; both must hash alike.
    if isinstance(row, Mapping):
        return row.get(name)
    return getattr(row, name, None)


def _key_text(value: Any) -> str:
    """Return one canonical text per value, so 2, 2.0 and '2' hash alike and None equals ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
