"""Cursor pagination: `?limit=&cursor=` → `{"items": [...], "next_cursor": ...}`."""

from __future__ import annotations

import base64
import json
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

from talentloop_shared.http.problems import ProblemError

T = TypeVar("T")

LimitQuery = Annotated[int, Query(ge=1, le=500, description="Page size (default 50, at most 500)")]
CursorQuery = Annotated[
    str | None, Query(description="Opaque cursor from the previous page's next_cursor")
]


class Page(BaseModel, Generic[T]):
    """One page of a list."""

    items: list[T]
    next_cursor: str | None = None


def encode_cursor(*values: Any) -> str:
    """An opaque cursor for the position after the row with these sort-key values."""
    raw = json.dumps([str(v) if not isinstance(v, int | float) else v for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def bad_cursor() -> ProblemError:
    """422 for a cursor this list did not return (bad shape or values)."""
    return ProblemError(
        422,
        "Unprocessable Content",
        "cursor: not a cursor this list returned",
        type_="validation",
        errors=[{"loc": ["query", "cursor"], "msg": "invalid cursor"}],
    )


def decode_cursor(cursor: str | None, *, arity: int) -> list[Any] | None:
    """The sort-key values encoded in `cursor`; 422 naming the parameter when it is bad."""
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(values, list) or len(values) != arity:
            raise ValueError
        return values
    except ValueError:
        raise bad_cursor() from None


def page_of(items: list[T], limit: int, key: Any) -> Page[T]:
    """Cut a list fetched with `limit + 1` rows into a page with the next cursor."""
    has_more = len(items) > limit
    items = items[:limit]
    next_cursor = encode_cursor(*key(items[-1])) if has_more and items else None
    return Page[T](items=items, next_cursor=next_cursor)
