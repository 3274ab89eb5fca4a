"""Event handlers of notify-service (the consumer claims the inbox and commits)."""

from __future__ import annotations

from collections.abc import Sequence

from notify_service.service.alerts import (
    alert_decision_pending,
    alert_matches_found,
    alert_new_hire,
    alert_notices_held,
    alert_recontact_due,
)
from notify_service.service.chat_robots import record_position_unit
from notify_service.service.erasure import erase_candidate
from notify_service.service.interviews import (
    interview_cancelled,
    interview_rescheduled,
    interview_scheduled,
)
from notify_service.service.notices import (
    create_invitation_notices,
    create_rejection_notices_many,
)
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import CloudEvent
from talentloop_shared.events.payloads import (
    CandidateErased,
    CandidateHired,
    CandidateRejected,
    DecisionPending,
    InterviewCancelled,
    InterviewRescheduled,
    InterviewScheduled,
    MatchesFound,
    PositionChanged,
    RecontactDue,
    TalentInvited,
)
from talentloop_shared.messaging import BatchHandler, each_event


@BatchHandler
async def handle_candidate_rejected(
    uow: UnitOfWork, rejections: Sequence[tuple[CandidateRejected, CloudEvent]]
) -> None:
    """A candidate was rejected: write their notices (one per channel); alert the owners
    when one is held for review. A run of rejections in a consumer batch at once."""
    written = await create_rejection_notices_many(uow, rejections)
    for (payload, event), notices in zip(each_event(rejections), written, strict=True):
        await alert_notices_held(uow, payload, notices, event_id=event.id)


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


async def handle_decision_pending(
    uow: UnitOfWork, payload: DecisionPending, event: CloudEvent
) -> None:
    """A policy will reject an application unless HR acts: alert the position's owners."""
    await alert_decision_pending(uow, payload, event_id=event.id, occurred_at=uow.clock.now())


async def handle_matches_found(uow: UnitOfWork, payload: MatchesFound, event: CloudEvent) -> None:
    """People in the pool match an opening: alert its owners with the top matches."""
    await alert_matches_found(uow, payload, event_id=event.id, occurred_at=uow.clock.now())


async def handle_candidate_hired(
    uow: UnitOfWork, payload: CandidateHired, event: CloudEvent
) -> None:
    """A hire: alert the position's owners (talent seeds the development plan)."""
    await alert_new_hire(uow, payload, event_id=event.id, occurred_at=payload.hired_at)


async def handle_position_changed(
    uow: UnitOfWork, payload: PositionChanged, event: CloudEvent
) -> None:
    """Keep which org unit a position is in, for the org unit's chat robot."""
    await record_position_unit(uow, payload)


async def handle_recontact_due(uow: UnitOfWork, payload: RecontactDue, event: CloudEvent) -> None:
    """Talent's daily digest of re-contact reminders due: one email to HR's alert address."""
    await alert_recontact_due(uow, payload, event_id=event.id, occurred_at=uow.clock.now())
