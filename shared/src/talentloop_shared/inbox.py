"""Consume-once guard: the event id is recorded in the handler's own transaction."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from talentloop_shared.db.tables import inbox
from talentloop_shared.events.envelope import CloudEvent


async def claim_event(session: AsyncSession, event: CloudEvent) -> bool:
    """True the first time this event id is seen; False for a redelivery or duplicate.

    Must run inside the transaction that applies the event's effects, so that the claim and
    the effects commit (or roll back) together.
    """
    result = await session.execute(
        insert(inbox)
        .values(event_id=event.id, event_type=event.type, source=event.source)
        .on_conflict_do_nothing(index_elements=[inbox.c.event_id])
        .returning(inbox.c.event_id)
    )
    return result.first() is not None


# One statement for any batch size: the columns travel as three arrays. A multi-row VALUES
# list is a different statement for every size, compiled by SQLAlchemy and prepared by the
# server each time (the consumer's profile showed the compilation).
_CLAIM_MANY = text(
    "INSERT INTO inbox (event_id, event_type, source) "
    "SELECT * FROM unnest(CAST(:ids AS text[]), CAST(:types AS text[]), "
    "CAST(:sources AS text[])) "
    "ON CONFLICT (event_id) DO NOTHING RETURNING event_id"
)


async def claim_events(session: AsyncSession, events: list[CloudEvent]) -> set[str]:
    """The ids among `events` seen for the first time (one statement for a whole batch)."""
    unique = list({e.id: e for e in events}.values())
    result = await session.execute(
        _CLAIM_MANY,
        {
            "ids": [e.id for e in unique],
            "types": [e.type for e in unique],
            "sources": [e.source for e in unique],
        },
    )
    return {r[0] for r in result}


def min_inbox_retention_hours(delivery_limit: int, retry_delays_ms: list[int]) -> float:
    """The longest a redelivery of one event can take: each of the delivery limit's
    redeliveries may go through every retry tier. An inbox row must outlive that, or a
    late redelivery would be applied twice."""
    return delivery_limit * sum(retry_delays_ms) / 3_600_000


async def purge_inbox(session: AsyncSession, *, hours: int, batch: int = 10_000) -> int:
    """Forget inbox rows older than `hours` (in batches, so no long lock); how many."""
    total = 0
    while True:
        result = await session.execute(
            text(
                "DELETE FROM inbox WHERE event_id IN (SELECT event_id FROM inbox "
                "WHERE received_at < now() - make_interval(hours => :hours) LIMIT :batch)"
            ),
            {"hours": hours, "batch": batch},
        )
        deleted = int(getattr(result, "rowcount", 0) or 0)
        total += deleted
        if deleted < batch:
            return total
