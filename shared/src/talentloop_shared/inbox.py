"""Consume-once guard: the event id is recorded in the handler's own transaction."""

from __future__ import annotations

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


async def claim_events(session: AsyncSession, events: list[CloudEvent]) -> set[str]:
    """The ids among `events` seen for the first time (one statement for a whole batch)."""
    rows = {e.id: {"event_id": e.id, "event_type": e.type, "source": e.source} for e in events}
    result = await session.execute(
        insert(inbox)
        .values(list(rows.values()))
        .on_conflict_do_nothing(index_elements=[inbox.c.event_id])
        .returning(inbox.c.event_id)
    )
    return {r[0] for r in result}
