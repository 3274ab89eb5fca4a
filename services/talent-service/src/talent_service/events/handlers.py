"""Handlers of talent-service's events that need more than one payload (the envelope, or
a consumer batch's run of events at once; the consumer commits, not these); the others go
straight to their use case (`events/__init__.py`)."""

from __future__ import annotations

from collections.abc import Sequence

from talent_service.service.erasure import erase_on_request_elsewhere
from talent_service.service.pool import pool_rejected_candidates
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import CloudEvent
from talentloop_shared.events.payloads import CandidateErased
from talentloop_shared.messaging import BatchHandler, EventItem, each_event


async def handle_candidate_erased(
    uow: UnitOfWork, payload: CandidateErased, event: CloudEvent
) -> None:
    """The person was erased elsewhere on their request: erase them here too (the event's
    source is recorded as who erased them)."""
    await erase_on_request_elsewhere(uow, erasure=payload, by=event.source)


@BatchHandler
async def handle_candidates_rejected(uow: UnitOfWork, items: Sequence[EventItem]) -> None:
    """Pool the consented rejected candidates of a run of events, in order (a run without
    consent forgets their pending tags in one statement)."""
    await pool_rejected_candidates(uow, (payload for payload, _ in each_event(items)))
