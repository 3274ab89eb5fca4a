"""Reads of applications as plain SQL on `Reads` (one statement, no session, no
transaction), for the lists the HR console and integrations page through most.

The columns come from the mapped table, so the list shows what the model holds."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from recruiting_service.db.models import Application
from talentloop_shared.db import Reads

SUMMARY_COLUMNS: tuple[str, ...] = (
    "id",
    "candidate_id",
    "position_id",
    "source",
    "status",
    "screening",
    "flags",
    "created_at",
    "updated_at",
)
assert set(SUMMARY_COLUMNS) <= {c.key for c in Application.__table__.columns}

_SELECT = f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM applications"


async def applications_page(
    reads: Reads,
    *,
    limit: int,
    after: tuple[datetime, uuid.UUID] | None,
    position_id: uuid.UUID | None,
    candidate_id: uuid.UUID | None,
    status: str | None,
) -> list[dict[str, Any]]:
    """Applications ordered by (created_at, id), `limit + 1` rows after the cursor's key (the
    extra row says whether there is a next page), each as a dict of `SUMMARY_COLUMNS`."""
    where: list[str] = []
    args: list[Any] = []

    def arg(value: Any) -> str:
        args.append(value)
        return f"${len(args)}"

    if after is not None:
        # The whole key as a row value: rows sharing a created_at are told apart by the id.
        where.append(f"(created_at, id) > ({arg(after[0])}, {arg(after[1])})")
    for column, value in (
        ("position_id", position_id),
        ("candidate_id", candidate_id),
        ("status", status),
    ):
        if value is not None:
            where.append(f"{column} = {arg(value)}")
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "")
    sql += f" ORDER BY created_at, id LIMIT {arg(limit + 1)}"
    return [dict(row) for row in await reads.fetch(sql, *args)]
