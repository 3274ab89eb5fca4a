"""What the org rules report: invalid fields of a request, problems in an imported file.

Rules return `FieldError` values rather than raising at the first one, so a request with three
mistakes gets one 422 that lists all three (`InvalidFields`). An import's `RowProblem`s become
the per-row validation report, or `ImportRejected` for a real run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from talentloop_shared.errors import ExpectedVersion, Invalid, ProblemError


@dataclass(frozen=True, slots=True)
class FieldError:
    """One invalid field of a request body; `loc` is shaped like FastAPI/RFC 9457 `errors[].loc`."""

    loc: tuple[str | int, ...]
    msg: str


class InvalidFields(Invalid):
    """422 naming every field the rules refused, in one answer."""

    def __init__(self, errors: Sequence[FieldError]) -> None:
        super().__init__(
            "; ".join(f"{'.'.join(map(str, e.loc))}: {e.msg}" for e in errors[:3]),
            errors=[{"loc": ["body", *e.loc], "msg": e.msg} for e in errors],
        )


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One problem in an imported file.

    `row` is the row number as the user sees it in the spreadsheet: the header is row 1, the
    first data row is row 2. File-level problems (missing columns) are reported on row 1.
    """

    row: int
    column: str
    problem: str


class ImportRejected(Invalid):
    """422 for a real import of a file with problems: nothing was written; `report` says why."""

    def __init__(
        self,
        problems: Sequence[RowProblem],
        *,
        total_rows: int,
        rows_with_problems: int,
        report: Mapping[str, Any],
    ) -> None:
        super().__init__(
            f"{rows_with_problems} of {total_rows} rows have problems; nothing was imported",
            errors=[{"loc": ["file", "row", p.row, p.column], "msg": p.problem} for p in problems],
        )
        self.type = "import-rejected"
        self.extensions = {"report": dict(report)}


class NothingToMatch(ProblemError):
    """412: If-Match names a version of something that does not exist yet (an upsert by code
    that would create it); without If-Match, or with `*`, the upsert creates it."""

    def __init__(self, what: str, code: str) -> None:
        super().__init__(
            412,
            "Precondition Failed",
            f"no {what} has code {code!r} yet, so If-Match cannot name a version of it; send "
            "no If-Match (or `*`) to create it",
            type_="precondition-failed",
        )


def check_upsert(expected: ExpectedVersion, current: int | None, *, what: str, code: str) -> None:
    """If-Match of an upsert by code. Nothing has the code yet (`current` None): only a request
    that names no version (no If-Match, or `*`) may create it, else `NothingToMatch`; else
    `expected.check` against the stored version."""
    if current is None:
        if not expected.any:
            raise NothingToMatch(what, code)
    else:
        expected.check(current, what=f"{what} {code!r}")
