"""Keyset pagination: one cursor codec and one page shape for every list of every service.

A list is ordered by a sort key (e.g. `(created_at, id)`); a cursor is the key of the last
row of a page, base64url-encoded JSON. Decoding is strict: a cursor must have exactly the
shape of the list's key (the right number of values, each of the declared type: an aware
datetime, a UUID, an int, …), or it is refused with 422 naming the `cursor` parameter. A
client can't reach the database with a value of the wrong type through a cursor, so a
hand-made cursor gets an answer, never a 500.
"""

from __future__ import annotations

import base64
import binascii
import json
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from talentloop_shared.errors import Invalid

T = TypeVar("T")
U = TypeVar("U")

MAX_CURSOR_LENGTH = 2048
DEFAULT_LIMIT = 50
MAX_LIMIT = 500


class Page(BaseModel, Generic[T]):
    """One page of a list: `{"items": [...], "next_cursor": "…" | null}`."""

    items: list[T]
    next_cursor: str | None = None

    def map(self, fn: Callable[[T], U]) -> Page[U]:
        """The same page with each item converted (e.g. rows → `*Read` models)."""
        items = [fn(i) for i in self.items]
        return Page[U].model_construct(items=items, next_cursor=self.next_cursor)


def bad_cursor() -> Invalid:
    """422 for a cursor this list did not return (bad shape or values)."""
    return Invalid(
        "cursor: not a cursor this list returned",
        errors=[{"loc": ["query", "cursor"], "msg": "invalid cursor"}],
    )


def _parse(kind: type, value: Any) -> Any:
    if kind is datetime:
        if not isinstance(value, str):
            raise ValueError
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:  # every stored time is aware; a naive one is not ours
            raise ValueError
        # In UTC, as the database compares it; a time beyond year 1–9999 there is refused
        # here (OverflowError) rather than by the driver, which would make it a 5xx.
        return parsed.astimezone(UTC)
    if kind is date:
        if not isinstance(value, str):
            raise ValueError
        return date.fromisoformat(value)
    if kind is uuid.UUID:
        if not isinstance(value, str):
            raise ValueError
        return uuid.UUID(value)
    if kind is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise ValueError
        if abs(value) >= 2**63:
            raise ValueError
        return value
    if kind is float:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise ValueError
        return float(value)
    if kind is Decimal:
        if not isinstance(value, str):
            raise ValueError
        return Decimal(value)
    if kind is str:
        if not isinstance(value, str) or "\x00" in value:
            raise ValueError
        return value
    raise TypeError(f"unsupported cursor key type {kind!r}")


def _dump(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    return value


class Keyset:
    """The cursor codec of one list: `Keyset(datetime, uuid.UUID)` for `(created_at, id)`."""

    def __init__(self, *types: type) -> None:
        if not types:
            raise ValueError("a keyset needs at least one key type")
        for kind in types:
            if kind not in (datetime, date, uuid.UUID, int, float, Decimal, str):
                raise TypeError(f"unsupported cursor key type {kind!r}")
        self.types = types

    def encode(self, *values: Any) -> str:
        """The opaque cursor for the position after a row with these key values."""
        if len(values) != len(self.types):
            raise ValueError(f"expected {len(self.types)} key values, got {len(values)}")
        raw = json.dumps([_dump(v) for v in values], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    def decode(self, cursor: str | None) -> tuple[Any, ...] | None:
        """The typed key values in `cursor` (None for the first page); 422 if not ours."""
        if cursor is None or cursor == "":
            return None
        if len(cursor) > MAX_CURSOR_LENGTH:
            raise bad_cursor()
        try:
            padded = cursor + "=" * (-len(cursor) % 4)
            values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
            if not isinstance(values, list) or len(values) != len(self.types):
                raise ValueError
            return tuple(_parse(kind, v) for kind, v in zip(self.types, values, strict=True))
        except (
            ValueError,
            TypeError,
            OverflowError,
            UnicodeError,
            binascii.Error,
            InvalidOperation,
        ):
            raise bad_cursor() from None

    def page(self, rows: Sequence[T], limit: int, key: Callable[[T], Sequence[Any]]) -> Page[T]:
        """Cut rows fetched with `limit + 1` into a page whose cursor follows the last one."""
        has_more = len(rows) > limit
        items = list(rows[:limit])
        next_cursor = self.encode(*key(items[-1])) if has_more and items else None
        return Page[T].model_construct(items=items, next_cursor=next_cursor)
