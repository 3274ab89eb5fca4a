"""Forgetting a person in the infrastructure tables when they are erased."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import CursorResult, Text, delete, func, or_
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
    session: AsyncSession,
    person_id: str,
    *,
    contacts: Iterable[str | None] = (),
    records: Iterable[str | uuid.UUID] = (),
) -> int:
    """Delete the copies of a person's data kept for diagnosis or replay: published outbox
    rows and stored Idempotency-Key responses that mention `person_id`; how many rows.

    `contacts` (their email address, phone number) also reach stored responses that name
    the person without their id: an import's report quotes a row's email or phone.
    `records` (the ids of their applications, interviews, …) reach those that name only a
    record of theirs: a scorecard's response names its application, not the candidate.

    Unpublished outbox rows stay: those events must still reach the other services, which
    erase the person themselves. An erasure is rare, so scanning both tables is fine.
    Runs in the caller's transaction (no commit).

    Only UUIDs are looked for, and only as whole JSON string values ("…"): a short or
    free-form id would match unrelated rows.
    """
    if not _is_uuid(person_id):
        return 0
    tokens = [f'"{person_id}"', *(f'"{r}"' for r in {str(r) for r in records} if _is_uuid(r))]
    body = sql_cast(idempotency_keys.c.response_body, Text)
    envelope = sql_cast(outbox.c.envelope, Text)
    statements = [
        delete(outbox).where(
            outbox.c.published_at.is_not(None),
            or_(*(func.strpos(envelope, token) > 0 for token in tokens)),
        ),
        delete(idempotency_keys).where(or_(*(func.strpos(body, token) > 0 for token in tokens))),
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


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True
