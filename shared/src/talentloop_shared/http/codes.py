"""Codes in requests (an ERP's unit, position or staff code, an external id), folded as
`talentloop_shared.characters.fold_width` says: `ＤＥＰＴ－００１` typed in full-width mode is
`DEPT-001`, in a body and in a path alike, before its length is checked; one that holds an
invisible character (a zero-width space) is a 422 naming it."""

from __future__ import annotations

from typing import Annotated, Any, Final

from fastapi import Path
from pydantic import BeforeValidator

from talentloop_shared.characters import code_problem, fold_width, without_direction_controls


def _folded(value: object) -> object:
    if not isinstance(value, str):
        return value
    code = fold_width(without_direction_controls(value))  # dropped, as from any text
    if (problem := code_problem(code)) is not None:
        raise ValueError(problem)
    return code


FOLDED: Final = BeforeValidator(_folded)
"""`Annotated[str, Field(max_length=…), FOLDED]`: a body field that holds a code. Last in
the `Annotated`, so that it runs first and the length is the folded text's."""


def code_path(description: str, *, max_length: int) -> Any:
    """The type of a `{code}` path parameter: folded, then 1 to `max_length` characters that
    neither begin nor end with a space (`/by-code/%20x` is a 422, not the code `x`: the
    caller's own data holds the space, and it should hear of it)."""
    return Annotated[
        str,
        Path(
            min_length=1,
            max_length=max_length,
            pattern=r"^\S(?:.*\S)?$",
            description=description,
        ),
        FOLDED,
    ]
