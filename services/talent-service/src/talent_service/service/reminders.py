"""Use cases of re-contact reminders: who is due, and HR having contacted someone."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from talent_service.db.models import TalentProfile
from talent_service.db.repositories import ProfileRepository
from talent_service.domain import retention
from talent_service.service.state import talent_state
from talent_service.service.talents import live_profile
from talentloop_shared.db import KeysetOrder, UnitOfWork
from talentloop_shared.pagination import Page

# Earliest due first: (next_contact_at, id) ascending.
REMINDERS = KeysetOrder(TalentProfile.next_contact_at, TalentProfile.id)


def due_conditions(now: datetime, *, due_before: datetime | None = None) -> list[Any]:
    """Who is due for re-contact at `now` (or before `due_before`): pooled, consent still
    running, not hired since, not declined future contact in the survey."""
    return [
        TalentProfile.next_contact_at <= (due_before or now),
        TalentProfile.consent_expires_at > now,
        TalentProfile.hired_at.is_(None),
        TalentProfile.declined_contact_at.is_(None),
    ]


async def list_reminders(
    uow: UnitOfWork, *, due_before: datetime | None, limit: int, cursor: str | None
) -> Page[TalentProfile]:
    """Pooled candidates due for re-contact before `due_before` (default: now); people
    hired since are not re-contacted about openings."""
    now = uow.clock.now()
    stmt = select(TalentProfile).where(*due_conditions(now, due_before=due_before))
    return await REMINDERS.page(uow.session, stmt, cursor=cursor, limit=limit)


async def mark_contacted(uow: UnitOfWork, *, talent_id: str, by: str) -> TalentProfile:
    """HR contacted the candidate: schedule the next reminder."""
    now = uow.clock.now()
    profile = await live_profile(uow, talent_id, now=now, for_update=True)
    profile.last_contacted_at = now
    profile.next_contact_at = retention.advance_contact(
        profile.next_contact_at, now, talent_state(uow).policy.contact_months
    )
    ProfileRepository(uow.session).record(profile.id, at=now, action="contacted", actor=by)
    await uow.commit()
    return profile
