"""The read paths of positions as plain SQL on `Reads` (one statement, no session).

The columns come from the mapped tables, so a column added to `positions` is read here too;
each row carries the position's columns under their own names, its unit's under `unit_*`,
and each owner's `PersonRef` fields under `recruiter_*` / `hiring_manager_*`.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from org_service.db.models import Position
from org_service.domain.people import OWNER_REF_FIELDS
from talentloop_shared.db import KeysetSql, Reads

POSITION_COLUMNS: tuple[str, ...] = tuple(c.key for c in Position.__table__.columns)
OWNER_PREFIXES: tuple[str, ...] = ("recruiter", "hiring_manager")

_SELECT = (
    "SELECT "
    + ", ".join(f"p.{name}" for name in POSITION_COLUMNS)
    + ", u.name AS unit_name, u.name_path AS unit_name_path"
    + "".join(
        f", {alias}.{name} AS {alias}_{name}"
        for alias in OWNER_PREFIXES
        for name in ("id", *OWNER_REF_FIELDS)
    )
    + " FROM positions p JOIN org_units u ON u.id = p.org_unit_id"
    " LEFT JOIN people recruiter ON recruiter.id = p.recruiter_id"
    " LEFT JOIN people hiring_manager ON hiring_manager.id = p.hiring_manager_id"
)
_BY_ID = _SELECT + " WHERE p.id = $1"


async def position_in_unit(reads: Reads, position_id: uuid.UUID) -> Any:
    """The position with its unit and owners (a `Record`), or None."""
    return await reads.fetchrow(_BY_ID, position_id)


async def org_unit_exists(reads: Reads, unit_id: uuid.UUID) -> bool:
    """True when the org unit exists."""
    return bool(await reads.fetchval("SELECT true FROM org_units WHERE id = $1", unit_id))


def positions_query(
    *,
    after: tuple[datetime, uuid.UUID] | None,
    org_unit_id: uuid.UUID | None = None,
    include_subtree: bool = False,
    status: str | None = None,
    job_family: str | None = None,
    q: str | None = None,
) -> KeysetSql:
    """Positions with their unit and owners (`q`: part of the title or code, `%` and `_`
    taken literally) in (created_at, id) order after the cursor's key, a page at a time
    (`.fetch(reads, limit)`: `limit + 1` rows, the extra one says whether a next page
    exists); `ix_positions_created_at_id` serves the order."""
    page = KeysetSql(_SELECT, key=("p.created_at", "p.id"), after=after)
    if org_unit_id is not None:
        if include_subtree:
            page.where(f"u.path @> ARRAY[{page.arg(org_unit_id)}::uuid]")
        else:
            page.equal("p.org_unit_id", org_unit_id)
    page.equal("p.status", status)
    page.equal("p.job_family", job_family)
    if q:
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        match = page.arg(pattern)
        page.where(f"(p.title ILIKE {match} ESCAPE '\\' OR p.code ILIKE {match} ESCAPE '\\')")
    return page
