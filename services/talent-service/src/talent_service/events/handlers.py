"""Handlers of talent-service's events that need more than the payload (the consumer
commits, not these); the others go straight to their use case (`events/__init__.py`)."""

from __future__ import annotations

from talent_service.service.erasure import erase_on_request_elsewhere
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import CloudEvent
from talentloop_shared.events.payloads import CandidateErased


async def handle_candidate_erased(
    uow: UnitOfWork, payload: CandidateErased, event: CloudEvent
) -> None:
    """The person was erased elsewhere on their request: erase them here too (the event's
    source is recorded as who erased them)."""
    await erase_on_request_elsewhere(uow, erasure=payload, by=event.source)
