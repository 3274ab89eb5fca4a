"""Error values the domain returns instead of raising, so callers can report them all at once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FieldError:
    """One invalid field of a request body; `loc` is shaped like FastAPI/RFC 9457 `errors[].loc`."""

    loc: tuple[str | int, ...]
    msg: str

    def as_dict(self) -> dict[str, object]:
        """Return the `{"loc": [...], "msg": "..."}` shape used in problem+json responses."""
        return {"loc": list(self.loc), "msg": self.msg}


@dataclass(frozen=True, slots=True)
class RowProblem:
    """One problem in an imported file.

    `row` is the row number as the user sees it in the spreadsheet: the header is row 1, the
    first data row is row 2. File-level problems (missing columns) are reported on row 1.
    """

    row: int
    column: str
    problem: str

    def as_dict(self) -> dict[str, object]:
        """Return a JSON-ready dict for the validation report."""
        return {"row": self.row, "column": self.column, "problem": self.problem}
