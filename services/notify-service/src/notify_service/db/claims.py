"""The claim statement both delivery loops use (notices: service/dispatch.py; webhook
deliveries: service/webhook_delivery.py).

Oldest due first, not in id order: SKIP LOCKED never waits for a row, so the claim cannot
take part in a deadlock (the UPDATE only touches rows the SELECT locked). Built once per
loop, with bind parameters `now` and `limit` (building a statement costs more than running
it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import DateTime, Integer, Update, bindparam, func, select, update
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.sql.elements import ColumnElement


def claim_due_rows(
    model: Any,
    *,
    due: InstrumentedAttribute[Any],
    ready: str,
    claimed: str,
    join: tuple[Any, ColumnElement[bool]] | None = None,
    where: Sequence[ColumnElement[bool]] = (),
) -> Update:
    """UPDATE the `limit` oldest rows of `model` in status `ready` whose `due` time is at or
    before `now` to status `claimed` (claimed_at set, attempts + 1), skipping rows another
    claim holds. `join` (a table and its ON clause) and `where` narrow the rows; only
    `model`'s rows are locked. The caller adds RETURNING."""
    due_ids = select(model.id)
    if join is not None:
        due_ids = due_ids.join(*join)
    due_ids = (
        due_ids.where(
            model.status == ready,
            due <= bindparam("now", type_=DateTime(timezone=True)),
            *where,
        )
        .order_by(due)
        .limit(bindparam("limit", type_=Integer()))
        .with_for_update(of=model, skip_locked=True)
    )
    return (
        update(model)
        .where(model.id.in_(due_ids.scalar_subquery()))
        .values(
            status=claimed,
            claimed_at=func.now(),
            attempts=model.attempts + 1,
            updated_at=func.now(),
        )
    )
