"""What the org unit and position validations share: the report, the header, codes, cells."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Generic, Literal, TypeVar

from org_service.domain.errors import RowProblem
from talentloop_shared.tabular import HEADER_ROW, Table, TableRow

ImportKind = Literal["org_units", "positions"]
RowT = TypeVar("RowT")

MAX_CODE_LENGTH: Final = 64

_LIST_SEPARATORS_RE = re.compile(r"[;|\r\n]")


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
    table: Table, required: Sequence[str]
) -> tuple[list[RowProblem], dict[str, int] | None]:
    """The header's problems and each code's first row; None for the codes when a required
    column is missing (then no row can be checked, and that is the one problem to report)."""
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
    return problems, _check_codes(table.rows, problems)


def _check_codes(rows: Sequence[TableRow], problems: list[RowProblem]) -> dict[str, int]:
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


def split_list(cell: str) -> list[str]:
    """The items of a list cell (`;`, `|` or one per line)."""
    return _LIST_SEPARATORS_RE.split(cell)


def parse_number(raw: str) -> float | None:
    """A finite number typed in a cell (`2,5` as well as `2.5`), or None."""
    try:
        number = float(raw.replace(",", "."))  # Excel users in many locales type 2,5
    except ValueError:
        return None
    return number if math.isfinite(number) else None
