"""Uploads: the column mapping an uploader sends with a CSV or XLSX file.

Both imports (org's people, positions and org units; recruiting's candidates) take a
`column_map`, as a form field beside the file or as a query parameter: a JSON object of the
file's header → our column, which wins over the headers we know. This reads and checks it
once for both.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal, overload

from pydantic import TypeAdapter, ValidationError

from talentloop_shared.errors import FieldInvalid
from talentloop_shared.tabular import normalise_header

__all__ = ["column_map"]

_MAPPING = TypeAdapter(dict[str, str | None])


@overload
def column_map(
    form: str | None,
    query: str | None,
    *,
    kind: str,
    columns: Collection[str],
    example: str,
    nulls: Literal[False],
) -> dict[str, str] | None: ...


@overload
def column_map(
    form: str | None,
    query: str | None,
    *,
    kind: str,
    columns: Collection[str],
    example: str,
    nulls: Literal[True],
) -> dict[str, str | None] | None: ...


def column_map(
    form: str | None,
    query: str | None,
    *,
    kind: str,
    columns: Collection[str],
    example: str,
    nulls: bool,
) -> dict[str, str] | dict[str, str | None] | None:
    """The uploader's mapping (form field or query parameter, not both), checked: a JSON
    object whose values are columns of a `kind` import (or null, which leaves a header out,
    where the import allows `nulls`); None when there is none. `example` shows the shape
    in the 422."""
    if form is not None and query is not None:
        raise FieldInvalid(
            ("query", "column_map"),
            "send column_map as a form field or a query parameter, not both",
        )
    raw, where = (form, "body") if form is not None else (query, "query")
    if raw is None or not raw.strip():
        return None
    loc = (where, "column_map")
    try:
        mapping = _MAPPING.validate_json(raw)
    except ValidationError:
        mapping = None
    if mapping is None or (not nulls and None in mapping.values()):
        shape = "header → column (or null)" if nulls else "header → column"
        raise FieldInvalid(loc, f"must be a JSON object of {shape}, e.g. {example}")
    unknown = sorted(
        {c for c in mapping.values() if c is not None and normalise_header(c) not in columns}
    )
    if unknown:
        raise FieldInvalid(
            loc,
            f"not columns of a {kind} import: {', '.join(map(repr, unknown))} "
            f"(columns: {', '.join(columns)})",
        )
    return mapping
