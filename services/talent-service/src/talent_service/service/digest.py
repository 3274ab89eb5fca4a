"""The daily digest of re-contact reminders due, published as `recontact-due`.

Once a day, at the configured local time (TALENT_DIGEST_TIME in TALENT_DIGEST_TIMEZONE),
the loop of every replica asks whether today's digest is decided; the first to insert the
day into `recontact_digests` (primary key: the local day) counts who is due and, when
anyone is, publishes the digest in the same transaction. A second replica blocks on the
key until the first commits and then finds the day taken; a restart later that day finds
it too. So a day has one digest or none, and the outbox row exists only with the day row.
A day with nothing due is recorded with count 0 (nothing published, nothing re-checked).

The digest names the earliest due (at most 20) with what HR needs to decide on a call:
id, name, since when due, last contact, strongest tags and last position applied for —
no address or phone.
"""

from __future__ import annotations

import asyncio
from datetime import date

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert

from talent_service.db.models import RecontactDigest, TalentApplication, TalentProfile
from talent_service.domain.digest import TOP_DUE, DigestSlot, digest_tags
from talent_service.service.reminders import due_conditions
from talent_service.service.state import talent_state
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import DueTalent, RecontactDue
from talentloop_shared.logging import get_logger
from talentloop_shared.service import Runtime

log = get_logger(__name__)

POLL_SECONDS = 60.0
"""How often a replica's loop looks at the clock (the digest goes out within a minute
of its time; the day row makes the extra looks free)."""


async def publish_digest_if_due(uow: UnitOfWork) -> RecontactDue | None:
    """Decide today's digest if its time has come and no one decided it yet; commit.
    Returns what was published (None: not yet time, already decided, or nobody due)."""
    slot = talent_state(uow).digest
    if slot is None:
        return None
    now = uow.clock.now()
    day = slot.due_day(now)
    if day is None:
        return None
    if await uow.session.get(RecontactDigest, day) is not None:
        return None  # decided earlier today (cheap check before taking the key)
    claimed = await uow.session.execute(
        insert(RecontactDigest)
        .values(day=day, timezone=slot.timezone, count=0, decided_at=now)
        .on_conflict_do_nothing(index_elements=["day"])
        .returning(RecontactDigest.day)
    )
    if claimed.first() is None:
        await uow.rollback()
        return None  # another replica decided it meanwhile
    digest = await _compose(uow, slot, day)
    if digest is not None:
        await uow.session.execute(
            update(RecontactDigest).where(RecontactDigest.day == day).values(count=digest.count)
        )
        uow.publish(digest, subject=f"recontact-digests/{day.isoformat()}")
    await uow.commit()
    log.info("recontact.digest", day=day.isoformat(), due=digest.count if digest else 0)
    return digest


async def _compose(uow: UnitOfWork, slot: DigestSlot, day: date) -> RecontactDue | None:
    now = uow.clock.now()
    due = due_conditions(now)
    count = await uow.session.scalar(select(func.count()).select_from(TalentProfile).where(*due))
    if not count:
        return None
    profiles = (
        await uow.session.scalars(
            select(TalentProfile)
            .where(*due)
            .order_by(TalentProfile.next_contact_at, TalentProfile.id)
            .limit(TOP_DUE)
        )
    ).all()
    applications = await uow.session.execute(
        select(TalentApplication.profile_id, TalentApplication.position_title)
        .where(TalentApplication.profile_id.in_([p.id for p in profiles]))
        .order_by(TalentApplication.rejected_at.desc())
    )
    last_position: dict[str, str] = {}
    for profile_id, title in applications:
        last_position.setdefault(profile_id, title)
    return RecontactDue(
        day=day,
        timezone=slot.timezone,
        count=count,
        top=[
            DueTalent(
                talent_id=p.id,
                name=p.name,
                due_since=p.next_contact_at,
                last_contacted_at=p.last_contacted_at,
                open_to_contact=p.open_to_contact,
                tags=digest_tags(list(p.strengths or []), list(p.skills or [])),
                last_position=last_position.get(p.id),
            )
            for p in profiles
        ],
    )


async def recontact_digest_loop(rt: Runtime) -> None:
    """Publish the day's re-contact digest once its local time has come (every replica
    runs this; the day row lets one of them publish)."""
    if talent_state(rt).digest is None:
        return  # TALENT_DIGEST_TIME or _TIMEZONE empty: no digest
    while True:
        async with rt.uow_factory() as uow:
            await publish_digest_if_due(uow)
        await asyncio.sleep(POLL_SECONDS)
