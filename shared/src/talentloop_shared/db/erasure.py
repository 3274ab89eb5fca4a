"""Forgetting a person in the infrastructure tables when they are erased."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import CursorResult, Text, delete, func
from sqlalchemy import cast as sql_cast
from sqlalchemy.ext.asyncio import AsyncSession

from talentloop_shared.db.tables import idempotency_keys, outbox


def each_element_sql(array: str, element: str) -> str:
    """SQL for the JSON array `array` with every element rewritten by `element` (which
    names the element `e.value`), in order; `[]` when the array is null or empty. For
    erasures that scrub a field from each element of a stored list."""
    return (
        f"COALESCE((SELECT jsonb_agg({element} ORDER BY e.ordinality)"
        f" FROM jsonb_array_elements({array}) WITH ORDINALITY AS e), '[]'::jsonb)"
    )


# A shorter "contact" would match unrelated responses.
_MIN_CONTACT = 6


async def forget_person(
    session: AsyncSession, person_id: str, *, contacts: Iterable[str | None] = ()
) -> int:
    """Delete the copies of a person's data kept for diagnosis or replay: published outbox
    rows and stored Idempotency-Key responses that mention `person_id`; how many rows.

    `contacts` (their email address, phone number) also reach stored responses that name
    the person without their id: an import's report quotes a row's email or phone.

    Unpublished outbox rows stay: those events must still reach the other services, which
    erase the person themselves. An erasure is rare, so scanning both tables is fine.
    Runs in the caller's transaction (no commit).

    Only a UUID is looked for, and only as a whole JSON string value ("…"): a short or
    free-form id would match unrelated rows.
    """
    try:
        uuid.UUID(person_id)
    except ValueError:
        return 0
    token = f'"{person_id}"'
    body = sql_cast(idempotency_keys.c.response_body, Text)
    statements = [
        delete(outbox).where(
            outbox.c.published_at.is_not(None),
            func.strpos(sql_cast(outbox.c.envelope, Text), token) > 0,
        ),
        delete(idempotency_keys).where(func.strpos(body, token) > 0),
    ]
    for contact in {c.strip() for c in contacts if c and len(c.strip()) >= _MIN_CONTACT}:
        # As JSON text stores it (escaped, without the quotes: it may sit inside a message).
        needle = json.dumps(contact, ensure_ascii=False)[1:-1]
        statements.append(delete(idempotency_keys).where(func.strpos(body, needle) > 0))
    forgotten = 0
    for statement in statements:
        result = cast(CursorResult[Any], await session.execute(statement))
        forgotten += int(result.rowcount)
    return forgotten
