"""Every event of the catalogue also goes to the webhook subscriptions that want it.

`with_webhooks(handlers)` wraps a service's subscription map: for every event type in the
catalogue (talentloop_shared.events EVENT_TYPES) the handler first runs notify's own
handler for that type, if it has one, and then records the webhook deliveries, in the same
inbox transaction: the event is applied, and fanned out, exactly once, or not at all.
Other handlers added to the map later are wrapped the same way, with no change here.

Events notify publishes itself (feedback-received) reach subscribers the same way: notify
consumes its own type from the bus. The alternative, recording the deliveries in the
transaction that writes the outbox row, would save a hop but needs a second fan-out path
in every use case that publishes, which is easy to forget when one is added; through the
bus there is one path for every type, the publisher check still holds (notify-service is
the type's publisher), the inbox still deduplicates, and a delivery is recorded only for
an event that was really committed and relayed. The cost is the relay's latency (under a
second) on a type that is rare (a candidate answering a survey).

`candidate-erased` also scrubs the stored delivery bodies that name the candidate, after
notify's own erasure and before the candidate-erased event itself is fanned out (it
carries only the opaque id, which receivers need to erase on their side).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from notify_service.service.webhooks import (
    erase_candidate_deliveries,
    record_deliveries,
    record_deliveries_many,
)
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import CloudEvent
from talentloop_shared.events.payloads import CandidateErased, Payload
from talentloop_shared.events.registry import EVENT_TYPES
from talentloop_shared.messaging import BatchHandler, EventItem, Handler


def _fan_out(own: Handler | None) -> Handler:
    if isinstance(own, BatchHandler):
        return _fan_out_batch(own)

    async def handler(uow: UnitOfWork, payload: Payload, event: CloudEvent) -> None:
        if own is not None:
            await own(uow, payload, event)
        if isinstance(payload, CandidateErased):
            await erase_candidate_deliveries(uow, candidate_id=payload.candidate_id)
        await record_deliveries(uow, event)

    handler.__name__ = f"{getattr(own, '__name__', 'webhooks_only')}_and_webhooks"
    handler.__doc__ = (own.__doc__ if own is not None else "") or "Fan out to webhooks."
    return handler


def _fan_out_batch(own: BatchHandler) -> BatchHandler:
    """A batch handler's run is applied at once, then its events are fanned out in turn
    (what the fan-out reads, the subscriptions and erasures, the run does not write;
    candidate-erased, which does, has a one-event handler)."""

    async def many(uow: UnitOfWork, items: Sequence[EventItem]) -> None:
        await own.many(uow, items)
        await record_deliveries_many(uow, [event for _, event in items])

    many.__name__ = f"{own.__name__}_and_webhooks"
    many.__doc__ = own.__doc__
    return BatchHandler(many)


def with_webhooks(handlers: Mapping[str, Handler]) -> dict[str, Handler]:
    """`handlers` with every catalogue type added, each also fanning out to webhooks."""
    return {event_type: _fan_out(handlers.get(event_type)) for event_type in sorted(EVENT_TYPES)}
