"""Handlers of the events recruiting-service consumes (the consumer commits, not these)."""

from __future__ import annotations

from recruiting_service.service.erasure import erase_candidate
from recruiting_service.service.invitations import accept_invitation
from recruiting_service.service.openings import apply_position_changed
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import CandidateErased, CloudEvent, PositionChanged, TalentInvited


async def handle_position_changed(
    uow: UnitOfWork, payload: PositionChanged, event: CloudEvent
) -> None:
    """Keep the opening current; re-screen or flag its applications when it changes."""
    await apply_position_changed(uow, payload=payload)


async def handle_talent_invited(uow: UnitOfWork, payload: TalentInvited, event: CloudEvent) -> None:
    """Open an application (source talent_pool) for a candidate HR invited from the pool."""
    await accept_invitation(uow, payload=payload)


async def handle_candidate_erased(
    uow: UnitOfWork, payload: CandidateErased, event: CloudEvent
) -> None:
    """Erase the person's data: anonymise the candidate, withdraw open applications."""
    await erase_candidate(uow, payload=payload)
