"""Consume-once guard: the event id is recorded in the handler's own transaction."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from talentloop_shared.db.uow import UnitOfWork
from talentloop_shared.events.envelope import CloudEvent

# One statement for any batch size, sent to the driver itself (`UnitOfWork.driver`): the
# columns travel as three arrays. A multi-row VALUES list would be a different statement
# for every size, and the session's compilation and result machinery cost more than the
# statement on the consumer's busiest path.
_CLAIM = (
    "INSERT INTO inbox (event_id, event_type, source) "
    "SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) "
    "ON CONFLICT (event_id) DO NOTHING RETURNING event_id"
)


async def claim_events(uow: UnitOfWork, events: list[CloudEvent]) -> set[str]:
    """The ids among `events` seen for the first time; a redelivery or duplicate is not.

    Runs inside the transaction that applies the events' effects, so that the claims and
    the effects commit (or roll back) together.
    """
    unique = list({e.id: e for e in events}.values())
    conn = await uow.driver()
    rows = await conn.fetch(
        _CLAIM, [e.id for e in unique], [e.type for e in unique], [e.source for e in unique]
    )
    return {r[0] for r in rows}


async def claim_event(uow: UnitOfWork, event: CloudEvent) -> bool:
    """True the first time this event id is seen; False for a redelivery or duplicate."""
    return bool(await claim_events(uow, [event]))


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
