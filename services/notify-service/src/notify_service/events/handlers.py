"""Event handlers of notify-service (the consumer claims the inbox and commits)."""

from __future__ import annotations

from notify_service.service.erasure import erase_candidate
from notify_service.service.notices import create_invitation_notices, create_rejection_notices
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import CloudEvent
from talentloop_shared.events.payloads import CandidateErased, CandidateRejected, TalentInvited


async def handle_candidate_rejected(
    uow: UnitOfWork, payload: CandidateRejected, event: CloudEvent
) -> None:
    """A candidate was rejected: write their notices (one per channel)."""
    await create_rejection_notices(uow, payload=payload, event_id=event.id)


async def handle_talent_invited(uow: UnitOfWork, payload: TalentInvited, event: CloudEvent) -> None:
    """A pooled candidate was invited to an opening: write the invitation notices."""
    await create_invitation_notices(uow, payload=payload, event_id=event.id)


async def handle_candidate_erased(
    uow: UnitOfWork, payload: CandidateErased, event: CloudEvent
) -> None:
    """A candidate's personal data must be erased: cancel their unsent notices, scrub all."""
    await erase_candidate(uow, candidate_id=payload.candidate_id, erased_at=payload.erased_at)
