"""The read paths of applications as plain SQL on `Reads` (one statement, no session).

The columns come from the mapped table, so a column added to `applications` is read here
too. An application read by id carries its status history (`history`: `(from_status,
to_status, reason, actor, at)` records, oldest first) and its latest policy decision's
`decision_status`, `decision_mode` and `decision_decides_at` (None without one), the
decision chosen as `PolicyDecisionRepository.latest` chooses it.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from recruiting_service.db.models import Application
from talentloop_shared.db import KeysetSql, Reads

APPLICATION_COLUMNS: tuple[str, ...] = tuple(c.key for c in Application.__table__.columns)

_COLUMNS = ", ".join(f"a.{name}" for name in APPLICATION_COLUMNS)
_BY_ID = (
    f"SELECT {_COLUMNS},"
    " (SELECT array_agg(ROW(h.from_status, h.to_status, h.reason, h.actor, h.at) ORDER BY h.id)"
    "  FROM application_history h WHERE h.application_id = a.id) AS history,"
    " d.status AS decision_status, d.mode AS decision_mode,"
    " d.decides_at AS decision_decides_at"
    " FROM applications a LEFT JOIN LATERAL ("
    "  SELECT status, mode, decides_at FROM policy_decisions"
    "  WHERE application_id = a.id ORDER BY created_at DESC, id DESC LIMIT 1"
    " ) d ON true"
    " WHERE a.id = $1"
)


async def application_with_history(reads: Reads, application_id: uuid.UUID) -> Any:
    """The application with its history and latest decision (a `Record`), or None."""
    return await reads.fetchrow(_BY_ID, application_id)


def applications_query(
    *,
    after: tuple[datetime, uuid.UUID] | None,
    position_id: uuid.UUID | None = None,
    candidate_id: uuid.UUID | None = None,
    status: str | None = None,
) -> KeysetSql:
    """Applications in (created_at, id) order after the cursor's key, a page at a time
    (`.fetch(reads, limit)`: `limit + 1` rows, the extra one says whether a next page
    exists); `ix_applications_created` serves the order."""
    page = KeysetSql(
        f"SELECT {_COLUMNS} FROM applications a", key=("a.created_at", "a.id"), after=after
    )
    page.equal("a.position_id", position_id)
    page.equal("a.candidate_id", candidate_id)
    page.equal("a.status", status)
    return page
