"""Erasing a person from the pool: on their request, on another service's word, on expiry.

Three ways in, one implementation (`_erase`): HR erases the person at their request
(`DELETE /talents/{id}`, `erase_talent`), which publishes `candidate-erased` so that every
service erases them; another service did so (`candidate-erased`, `erase_on_request_elsewhere`,
not announced again: our own announcement coming back is a no-op); or their pool consent ran
out (`sweep_expired`), which ends the pool consent only: the person's applications in
recruiting are not the pool's to erase, so nothing is published. Every erasure leaves an
audit row with a hash of the id only. An erasure on request also erases the person's
development plans (a new hire's); an expiry of pool consent leaves them, as they are not
the pool's.

After an erasure on request nothing about the person is kept again, whatever the event's
date: recruiting may still reject their application before it has applied the erasure, and
never uses that candidate id again. After an expiry, an event that predates the erasure (a
late or retried delivery) brings nothing back, while a later rejection with fresh consent
pools the person anew (`ignore_after_erasure`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from prometheus_client import Counter
from sqlalchemy import func, select

from talent_service.db.models import ErasureAudit
from talent_service.db.repositories import (
    DevelopmentPlanRepository,
    PendingTagRepository,
    ProfileRepository,
    lock_key,
)
from talent_service.service.state import talent_state
from talentloop_shared.db import UnitOfWork, forget_person
from talentloop_shared.errors import NotFound
from talentloop_shared.events.payloads import CandidateErased
from talentloop_shared.logging import describe_error, get_logger

SYSTEM_ACTOR = "talent-service"

log = get_logger(__name__)

RETENTION_ERASURES_FAILED = Counter(
    "talentloop_retention_erasures_failed_total",
    "Profiles whose consent ran out that the retention sweep could not erase (tried again "
    "next sweep)",
)


@dataclass(frozen=True, slots=True)
class SweepResult:
    """What one retention sweep removed."""

    erased_profiles: int
    purged_pending_tags: int


def talent_id_hash(talent_id: str) -> str:
    """A one-way fingerprint of a talent id for the erasure audit."""
    return hashlib.sha256(f"talentloop:talent:{talent_id}".encode()).hexdigest()


async def _erasures_of(uow: UnitOfWork, candidate_id: str) -> tuple[bool, datetime | None]:
    """Whether the person ever asked to be erased, and when they were last erased."""
    asked, erased_at = (
        await uow.session.execute(
            select(func.bool_or(ErasureAudit.everywhere), func.max(ErasureAudit.erased_at)).where(
                ErasureAudit.talent_id_hash == talent_id_hash(candidate_id)
            )
        )
    ).one()
    return bool(asked), erased_at


async def ignore_after_erasure(
    uow: UnitOfWork, candidate_id: str, *, at: datetime, kind: str
) -> bool:
    """Whether an event about the person from `at` must be ignored: they asked to be erased
    (ever), or their pool profile expired at or after `at`. Call it under the person's lock."""
    asked, erased_at = await _erasures_of(uow, candidate_id)
    if asked or (erased_at is not None and at <= erased_at):
        log.info("talent.event_after_erasure_ignored", candidate_id=candidate_id, event_type=kind)
        return True
    return False


async def erased_on_request(uow: UnitOfWork, candidate_id: str, *, kind: str) -> bool:
    """Whether the person ever asked to be erased (nothing about them is kept again).
    Call it under the person's lock."""
    asked, _ = await _erasures_of(uow, candidate_id)
    if asked:
        log.info("talent.event_after_erasure_ignored", candidate_id=candidate_id, event_type=kind)
    return asked


async def _erase(
    uow: UnitOfWork,
    talent_id: str,
    *,
    by: str,
    reason: str,
    now: datetime,
    everywhere: bool,
    announce: bool = False,
) -> bool:
    """Erase the profile and what hangs on it (and, `everywhere`, their development plans);
    audit it (when there was something, or when the person asked: later events about them
    are then ignored); `announce` publishes `candidate-erased` (when there was something,
    or when the person asked). Whether anything was found."""
    found = await ProfileRepository(uow.session).delete(talent_id)
    if everywhere:
        found = bool(await DevelopmentPlanRepository(uow.session).delete_of(talent_id)) or found
    await PendingTagRepository(uow.session).purge(talent_id)
    # Copies of events already published about them (invitations carry their contacts).
    await forget_person(uow.session, talent_id)
    if found or everywhere:
        uow.session.add(
            ErasureAudit(
                talent_id_hash=talent_id_hash(talent_id),
                erased_at=now,
                erased_by=by,
                reason=reason,
                everywhere=everywhere,
            )
        )
    if announce and (found or everywhere):
        uow.publish(
            CandidateErased(candidate_id=talent_id, erased_at=now, reason=reason),
            subject=f"talents/{talent_id}",
        )
    return found


async def erase_talent(uow: UnitOfWork, *, talent_id: str, by: str, reason: str) -> None:
    """Erase a person's data at once (profile, tags, matches, invitations, reminders,
    development plans), and tell every other service to erase theirs (`candidate-erased`).

    Also when the pool holds no profile of theirs (not pooled yet, say, their application
    still open, or their consent ran out): the request is recorded, what is held about them
    (tags waiting for a pooling) goes, anything about them arriving later is ignored, and
    the other services are told. Only a person already erased on request is a 404: nothing
    of theirs is kept, and the request was passed on then."""
    await lock_key(uow.session, f"talent:{talent_id}")
    asked_before, _ = await _erasures_of(uow, talent_id)
    erased = await _erase(
        uow,
        talent_id,
        by=by,
        reason=reason,
        now=uow.clock.now(),
        everywhere=True,
        announce=True,
    )
    if asked_before and not erased:
        raise NotFound("talent", talent_id)
    await uow.commit()


async def erase_on_request_elsewhere(uow: UnitOfWork, *, erasure: CandidateErased, by: str) -> None:
    """Another service erased the person on their request (`candidate-erased`): erase them
    here too, without announcing it again. Our own announcement, coming back, is a no-op."""
    await lock_key(uow.session, f"talent:{erasure.candidate_id}")
    asked_before, _ = await _erasures_of(uow, erasure.candidate_id)
    if asked_before:
        return
    found = await _erase(
        uow,
        erasure.candidate_id,
        by=by,
        reason=erasure.reason or "erased on request",
        now=erasure.erased_at,
        everywhere=True,
    )
    log.info("talent.erased_on_request_elsewhere", candidate_id=erasure.candidate_id, found=found)


async def sweep_expired(uow: UnitOfWork) -> SweepResult:
    """Erase profiles whose consent ran out and pending tags older than the retention.

    Each profile is erased in a savepoint of its own: one that cannot be (a bug, a row it
    trips over) is logged by its audit hash and counted (an alert tells ops), and the
    others are erased all the same; the next sweep tries it again. In one transaction, it
    rolled every erasure back, every sweep, and no one's expired data was erased any more."""
    policy = talent_state(uow).policy
    now = uow.clock.now()
    erased = 0
    for talent_id in await ProfileRepository(uow.session).expired_ids(now):
        try:
            async with uow.savepoint():
                erased += await _erase(
                    uow,
                    talent_id,
                    by=SYSTEM_ACTOR,
                    reason="talent-pool consent expired",
                    now=now,
                    everywhere=False,
                )
        except Exception as e:
            RETENTION_ERASURES_FAILED.inc()
            # By the audit's hash, not the id: a log outlives the erasure it reports on.
            log.error(
                "retention.erase_failed",
                talent_id_hash=talent_id_hash(talent_id),
                error=describe_error(e, 300),
            )
    purged = await PendingTagRepository(uow.session).purge_older_than(
        now - timedelta(days=policy.pending_retention_days)
    )
    await uow.commit()
    return SweepResult(erased_profiles=erased, purged_pending_tags=purged)
