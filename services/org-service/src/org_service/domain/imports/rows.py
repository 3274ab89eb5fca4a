"""What the org unit and position validations share: the report, the header, codes, cells."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, Literal, Protocol, TypeVar

from org_service.domain import lengths
from org_service.domain.errors import RowProblem
from talentloop_shared.tabular import HEADER_ROW, Table, TableRow

ImportKind = Literal["org_units", "positions", "people"]
RowT = TypeVar("RowT")

# `；` and `｜` are `;` and `|` typed with a Chinese input method in full-width mode.
_LIST_SEPARATORS_RE = re.compile(r"[;|\r\n；｜]")


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


def check_header_and_codes(
    table: Table, required: Sequence[str], *, columns: Sequence[str], key: str = "code"
) -> tuple[list[RowProblem], dict[str, int] | None]:
    """The header's problems, the cells of `columns` (what the import reads) that cannot be
    stored, and each code's first row; None for the codes when a required column is missing
    (then no row can be checked, and that is the one problem to report). `key` is the column
    that holds each row's code."""
    problems = [RowProblem(HEADER_ROW, p.column, p.problem) for p in table.problems]
    missing = [name for name in required if name not in table.columns]
    if missing:
        problems.append(
            RowProblem(
                HEADER_ROW,
                ", ".join(missing),
                f"missing required column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}",
            )
        )
        return problems, None
    # A NUL (or another control character) anywhere the import reads: the reader found it,
    # and the row is not written; a column the import does not read is no one's business.
    problems.extend(
        RowProblem(p.row, p.column, p.problem) for p in table.cell_problems if p.column in columns
    )
    return problems, _check_codes(table.rows, problems, key)


def _check_codes(rows: Sequence[TableRow], problems: list[RowProblem], key: str) -> dict[str, int]:
    """Check the code on every row; return the first row number of each code."""
    first_row: dict[str, int] = {}
    for source in rows:
        code = source.get(key)
        if not code:
            problems.append(RowProblem(source.row, key, "required"))
        elif len(code) > lengths.CODE:
            problems.append(RowProblem(source.row, key, f"longer than {lengths.CODE} characters"))
        elif code in first_row:
            problems.append(
                RowProblem(
                    source.row, key, f"duplicate code {code!r} (first in row {first_row[code]})"
                )
            )
        else:
            first_row[code] = source.row
    return first_row


class CodedRow(Protocol):
    """A valid row with its spreadsheet row number and code."""

    @property
    def row(self) -> int: ...
    @property
    def code(self) -> str: ...


CodedT = TypeVar("CodedT", bound=CodedRow)


class TreeRow(CodedRow, Protocol):
    """A valid row that hangs under another (a unit under its parent, a person under their
    manager)."""

    @property
    def parent(self) -> str | None: ...


TreeT = TypeVar("TreeT", bound=TreeRow)


def codes_in_cycles(codes: Iterable[str], parent_of: Mapping[str, str | None]) -> list[str]:
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


def reject_below_bad_rows(
    parsed: Sequence[tuple[int, TreeT]],
    first_row: Mapping[str, int],
    problems: list[RowProblem],
    *,
    column: str,
    label: str,
) -> None:
    """Report every row below a rejected row (a unit under a bad parent, a person under a bad
    manager), so no accepted row points at a row that will not be written."""
    bad_rows = {p.row for p in problems}
    children: dict[str, list[TreeT]] = {}
    for _, row in parsed:
        if row.parent is not None:
            children.setdefault(row.parent, []).append(row)
    queue = [code for code, number in first_row.items() if number in bad_rows]
    for code in queue:
        for child in children.get(code, ()):
            if child.row in bad_rows:
                continue
            bad_rows.add(child.row)
            problems.append(
                RowProblem(
                    child.row, column, f"{label} {code!r} (row {first_row[code]}) has problems"
                )
            )
            queue.append(child.code)


def parents_first(rows: list[TreeT]) -> list[TreeT]:
    """The rows ordered so that a row comes after the row it points at (insert order)."""
    by_code = {row.code: row for row in rows}
    children: dict[str | None, list[TreeT]] = {}
    for row in rows:
        # Parents outside the valid rows (already stored) count as roots of this import.
        key = row.parent if row.parent in by_code else None
        children.setdefault(key, []).append(row)
    ordered = list(children.get(None, []))
    for row in ordered:
        ordered.extend(children.get(row.code, []))
    return ordered


def finish_report(
    kind: ImportKind,
    table: Table,
    rows: list[tuple[int, RowT]],
    problems: list[RowProblem],
) -> ImportReport[RowT]:
    """The report: problems sorted by row, only the rows without any problem kept."""
    bad_rows = {p.row for p in problems}
    problems.sort(key=lambda p: p.row)  # stable: per-row problems keep column order
    return ImportReport(
        kind=kind,
        total_rows=len(table.rows),
        rows=[row for number, row in rows if number not in bad_rows],
        problems=problems,
    )


def finish_tree_report(
    kind: ImportKind,
    table: Table,
    rows: list[tuple[int, TreeT]],
    first_row: Mapping[str, int],
    problems: list[RowProblem],
    *,
    column: str,
    label: str,
) -> ImportReport[TreeT]:
    """The report of a file whose rows form a tree (units under parents, people under
    managers): a row below a rejected row is rejected too, and the valid rows come parents
    first (insert order)."""
    reject_below_bad_rows(rows, first_row, problems, column=column, label=label)
    report = finish_report(kind, table, rows, problems)
    return ImportReport(kind, report.total_rows, parents_first(report.rows), report.problems)


def split_list(cell: str) -> list[str]:
    """The items of a list cell (`;`, `|`, either typed in full width, or one per line)."""
    return _LIST_SEPARATORS_RE.split(cell)


def parse_number(raw: str) -> float | None:
    """A finite number typed in a cell (`2,5` as well as `2.5`), or None."""
    try:
        number = float(raw.replace(",", "."))  # Excel users in many locales type 2,5
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def column_mapping(table: Table, known: Sequence[str]) -> dict[str, str | None]:
    """How each header of the file was understood, in file order: the column it was read as,
    or None when the import does not read it (the validation report echoes this)."""
    header_of = {column: header for header, column in table.column_mapping.items()}
    return {
        header_of.get(column, column): (column if column in known else None)
        for column in table.columns
    }
