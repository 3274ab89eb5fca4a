"""Event handlers of notify-service (the consumer claims the inbox and commits)."""

from __future__ import annotations

from notify_service.service.erasure import erase_candidate
from notify_service.service.interviews import (
    interview_cancelled,
    interview_rescheduled,
    interview_scheduled,
)
from notify_service.service.notices import create_invitation_notices, create_rejection_notices
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import CloudEvent
from talentloop_shared.events.payloads import (
    CandidateErased,
    CandidateRejected,
    InterviewCancelled,
    InterviewRescheduled,
    InterviewScheduled,
    TalentInvited,
)


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


async def handle_interview_scheduled(
    uow: UnitOfWork, payload: InterviewScheduled, event: CloudEvent
) -> None:
    """An interview was scheduled: invite the candidate and the panel, plan reminders."""
    await interview_scheduled(uow, payload=payload, event_id=event.id)


async def handle_interview_rescheduled(
    uow: UnitOfWork, payload: InterviewRescheduled, event: CloudEvent
) -> None:
    """An interview moved or changed: updates, cancellations to removed members, reminders."""
    await interview_rescheduled(uow, payload=payload, event_id=event.id)


async def handle_interview_cancelled(
    uow: UnitOfWork, payload: InterviewCancelled, event: CloudEvent
) -> None:
    """An interview was cancelled: tell everyone invited, drop pending reminders."""
    await interview_cancelled(uow, payload=payload, event_id=event.id)
