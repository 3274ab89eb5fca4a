"""Cursor pagination in the API: `?limit=&cursor=` → `{"items": [...], "next_cursor": ...}`.

The codec and the page shape live in `talentloop_shared.pagination` (no HTTP there, so use
cases and the domain can use them); this module adds the query parameters.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from talentloop_shared.pagination import (
    DEFAULT_LIMIT,
    MAX_CURSOR_LENGTH,
    MAX_LIMIT,
    Keyset,
    Page,
    bad_cursor,
)

__all__ = [
    "CursorQuery",
    "Keyset",
    "LimitQuery",
    "Page",
    "bad_cursor",
    "decode_cursor",
    "encode_cursor",
    "page_of",
]

LimitQuery = Annotated[
    int,
    Query(
        ge=1,
        le=MAX_LIMIT,
        description=f"Page size (default {DEFAULT_LIMIT}, at most {MAX_LIMIT})",
    ),
]
CursorQuery = Annotated[
    str | None,
    Query(
        max_length=MAX_CURSOR_LENGTH,
        description="Opaque cursor from the previous page's next_cursor",
    ),
]


# Untyped helpers, kept only until every list declares its `Keyset`.
def encode_cursor(*values: Any) -> str:
    """An opaque cursor for the position after the row with these sort-key values."""
    import base64
    import json

    raw = json.dumps([str(v) if not isinstance(v, int | float) else v for v in values])
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, *, arity: int) -> list[Any] | None:
    """The sort-key values encoded in `cursor`, untyped; prefer `Keyset.decode`."""
    import base64
    import binascii
    import json

    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(values, list) or len(values) != arity:
            raise ValueError
        return values
    except (ValueError, UnicodeError, binascii.Error):
        raise bad_cursor() from None


def page_of(items: list[Any], limit: int, key: Any) -> Page[Any]:
    """Cut a list fetched with `limit + 1` rows into a page with the next cursor."""
    has_more = len(items) > limit
    items = items[:limit]
    next_cursor = encode_cursor(*key(items[-1])) if has_more and items else None
    return Page[Any](items=items, next_cursor=next_cursor)
