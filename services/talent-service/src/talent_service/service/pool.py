"""Use cases of the talent pool: pooling, tagging, reminders, erasure, retention sweep.

Decisions: consent runs `consent_months` from the latest consented rejection; expired
profiles are hidden from search, reading and matching at once and erased by the sweep.
A rejection without consent keeps nothing and drops the candidate's pending tags; a profile
pooled under an earlier consent is left as it is (that consent still stands; withdrawal is
DELETE /talents/{id}). Every erasure leaves an audit row with a hash of the id only.

Only an erasure the person asked for (DELETE /talents/{id}) publishes `candidate-erased`,
which tells every service to erase them. The sweep's expiry ends the pool consent only;
the person's applications in recruiting are not the pool's to erase.

After an erasure on request nothing about the person is kept again, whatever the event's
date: recruiting may still reject their application before it has applied the erasure, and
never uses that candidate id again. After an expiry, an event that predates the erasure (a
late or retried delivery) brings nothing back, while a later rejection with fresh consent
pools the person anew.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from talent_service.config import Settings
from talent_service.db.models import ErasureAudit, TalentProfile
from talent_service.db.repositories import (
    PendingTagRepository,
    ProfileRepository,
    lock_key,
)
from talent_service.domain import retention
from talent_service.domain.tags import (
    Tag,
    has_pool_consent,
    merge_tags,
    tag_values,
    tags_from_evaluation,
    tags_from_feedback,
    tags_from_rejection,
)
from talent_service.service.matching import match_profile_to_open_positions
from talentloop_shared.db import UnitOfWork, forget_person
from talentloop_shared.events.payloads import (
    CandidateErased,
    CandidateRejected,
    EvaluationSubmitted,
    FeedbackReceived,
)
from talentloop_shared.http.problems import not_found
from talentloop_shared.logging import get_logger

SYSTEM_ACTOR = "talent-service"

log = get_logger(__name__)


@dataclass(frozen=True, slots=True)
class PoolPolicy:
    """Retention and re-contact periods (from Settings)."""

    consent_months: int = retention.CONSENT_MONTHS
    contact_months: int = retention.CONTACT_MONTHS
    pending_retention_days: int = 90

    @classmethod
    def from_settings(cls, settings: Settings) -> PoolPolicy:
        """The policy configured for this deployment."""
        return cls(
            consent_months=settings.consent_months,
            contact_months=settings.contact_months,
            pending_retention_days=settings.pending_retention_days,
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


async def _erased(uow: UnitOfWork, candidate_id: str, at: datetime, kind: str) -> bool:
    """Whether an event about the person from `at` must be ignored: they asked to be erased
    (ever), or their pool profile expired at or after `at`. Call it under the person's lock."""
    asked, erased_at = await _erasures_of(uow, candidate_id)
    if asked or (erased_at is not None and at <= erased_at):
        log.info("talent.event_after_erasure_ignored", candidate_id=candidate_id, event_type=kind)
        return True
    return False


def apply_tags(profile: TalentProfile, tags: list[Tag]) -> None:
    """Mirror the tags on the profile's indexed arrays and search document."""
    profile.skills = tag_values(tags, "skill")
    profile.strengths = tag_values(tags, "strength")
    profile.industries = tag_values(tags, "industry")
    profile.gaps = tag_values(tags, "gap")
    profile.open_to_contact = bool(tag_values(tags, "open_to_contact"))
    profile.tags = list(dict.fromkeys(t.value for t in tags))
    words = [profile.name, *(t.value for t in tags if t.kind != "open_to_contact")]
    profile.search_document = " ".join(words)


async def _merge_into_profile(
    profiles: ProfileRepository, profile: TalentProfile, new_tags: list[Tag]
) -> list[Tag]:
    existing = await profiles.tags_of(profile.id)
    merged = merge_tags(existing, new_tags)
    await profiles.add_tags(profile.id, merged[len(existing) :])
    apply_tags(profile, merged)
    return merged


async def pool_rejected_candidate(
    uow: UnitOfWork, event: CandidateRejected, *, policy: PoolPolicy, now: datetime
) -> TalentProfile | None:
    """Keep a consented rejected candidate in the pool (create or update the profile)."""
    candidate = event.candidate
    await lock_key(uow.session, f"talent:{candidate.id}")
    profiles = ProfileRepository(uow.session)
    pending = PendingTagRepository(uow.session)
    if await _erased(uow, candidate.id, event.rejected_at, "candidate-rejected"):
        await pending.purge(candidate.id)
        return None
    if not has_pool_consent(event):
        # Nothing personal is kept without consent. A profile pooled under an earlier
        # consent stays as it is: this rejection neither renews nor withdraws it (withdrawal
        # is DELETE /talents/{id}), and none of its data is added.
        await pending.purge(candidate.id)
        return None

    profile = await profiles.get_for_update(candidate.id)
    created = profile is None
    if profile is None:
        profile = TalentProfile(
            id=candidate.id,
            name=candidate.name,
            consented_at=event.rejected_at,
            consent_expires_at=retention.consent_expires_at(
                event.rejected_at, policy.consent_months
            ),
            next_contact_at=retention.next_contact_at(event.rejected_at, policy.contact_months),
            search_document=candidate.name,
        )
        profiles.add(profile)
    latest = created or event.rejected_at >= profile.consented_at
    if latest:
        # Contact data and experience come from the newest rejection; an older one
        # arriving late must not overwrite them.
        profile.name = candidate.name
        profile.email = candidate.email
        profile.phone = candidate.phone
        profile.locale = candidate.locale
        profile.timezone = candidate.timezone
        profile.years_experience = candidate.years_experience
        profile.consented_at = event.rejected_at
        profile.consent_expires_at = retention.consent_expires_at(
            event.rejected_at, policy.consent_months
        )
        profile.next_contact_at = max(
            profile.next_contact_at,
            retention.next_contact_at(event.rejected_at, policy.contact_months),
        )
    await uow.session.flush()

    is_new_application = await profiles.upsert_application(
        {
            "profile_id": candidate.id,
            "application_id": event.application_id,
            "position_id": event.position.id,
            "position_title": event.position.title,
            "job_family": event.position.job_family,
            "stage": event.stage,
            "composite": event.scorecard.composite if event.scorecard else None,
            "rejected_at": event.rejected_at,
        }
    )
    new_tags = [*tags_from_rejection(event), *await pending.take(candidate.id)]
    await _merge_into_profile(profiles, profile, new_tags)
    if is_new_application:
        profiles.record(
            candidate.id,
            at=now,
            action="pooled" if created else "application_added",
            detail=f"rejected at {event.stage} for {event.position.title}",
            actor=event.decided_by,
        )
    await uow.session.flush()
    await match_profile_to_open_positions(uow, profile, now=now)
    return profile


async def tag_from_evaluation(
    uow: UnitOfWork, event: EvaluationSubmitted, *, now: datetime
) -> None:
    """Add an evaluation's strengths to the profile, or keep them pending until pooled."""
    tags = tags_from_evaluation(event)
    if not tags:
        return
    await lock_key(uow.session, f"talent:{event.candidate_id}")
    if await _erased(uow, event.candidate_id, event.submitted_at, "evaluation"):
        return
    await _add_tags_or_keep_pending(uow, event.candidate_id, tags, now=now, action="evaluated")


async def tag_from_feedback(uow: UnitOfWork, event: FeedbackReceived, *, now: datetime) -> None:
    """Record the candidate's survey answer to "open to future roles"."""
    await lock_key(uow.session, f"talent:{event.candidate_id}")
    if await _erased(uow, event.candidate_id, event.answered_at, "feedback"):
        return
    profiles = ProfileRepository(uow.session)
    profile = await profiles.get_for_update(event.candidate_id)
    tags = tags_from_feedback(event)
    if profile is None:
        if tags:
            await PendingTagRepository(uow.session).hold(event.candidate_id, tags, now)
        return
    if tags:
        await _merge_into_profile(profiles, profile, tags)
    else:
        # The latest answer counts: a "no" withdraws an earlier "yes".
        await profiles.remove_tags(profile.id, "open_to_contact")
        apply_tags(profile, await profiles.tags_of(profile.id))
    profiles.record(
        profile.id,
        at=now,
        action="survey",
        detail="open to future roles" if tags else "not open to future roles",
    )


async def _add_tags_or_keep_pending(
    uow: UnitOfWork, candidate_id: str, tags: list[Tag], *, now: datetime, action: str
) -> None:
    await lock_key(uow.session, f"talent:{candidate_id}")
    profiles = ProfileRepository(uow.session)
    profile = await profiles.get_for_update(candidate_id)
    if profile is None:
        await PendingTagRepository(uow.session).hold(candidate_id, tags, now)
        return
    await _merge_into_profile(profiles, profile, tags)
    profiles.record(profile.id, at=now, action=action, detail=", ".join(t.value for t in tags))
    await uow.session.flush()
    await match_profile_to_open_positions(uow, profile, now=now)


async def mark_contacted(
    uow: UnitOfWork, *, talent_id: str, by: str, policy: PoolPolicy, now: datetime
) -> TalentProfile:
    """HR contacted the candidate: schedule the next reminder."""
    profiles = ProfileRepository(uow.session)
    profile = await profiles.get_for_update(talent_id)
    if profile is None or retention.is_expired(profile.consent_expires_at, now):
        raise not_found("talent", talent_id)
    profile.last_contacted_at = now
    profile.next_contact_at = retention.advance_contact(
        profile.next_contact_at, now, policy.contact_months
    )
    profiles.record(profile.id, at=now, action="contacted", actor=by)
    await uow.commit()
    return profile


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
    """Erase the profile and what hangs on it; audit it (when there was one, or when the
    person asked: later events about them are then ignored); `announce` publishes
    `candidate-erased`. Whether a profile was found."""
    found = await ProfileRepository(uow.session).delete(talent_id)
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
    if found and announce:
        uow.publish(
            CandidateErased(candidate_id=talent_id, erased_at=now, reason=reason),
            subject=f"talents/{talent_id}",
        )
    return found


async def erase_talent(
    uow: UnitOfWork, *, talent_id: str, by: str, reason: str, now: datetime
) -> None:
    """Erase a person's data at once (profile, tags, matches, invitations, reminders), and
    tell every other service to erase theirs (`candidate-erased`)."""
    await lock_key(uow.session, f"talent:{talent_id}")
    if not await _erase(
        uow, talent_id, by=by, reason=reason, now=now, everywhere=True, announce=True
    ):
        raise not_found("talent", talent_id)
    await uow.commit()


async def erase_on_request_elsewhere(uow: UnitOfWork, event: CandidateErased, *, by: str) -> None:
    """Another service erased the person on their request (`candidate-erased`): erase them
    here too, without announcing it again. Our own announcement, coming back, is a no-op."""
    await lock_key(uow.session, f"talent:{event.candidate_id}")
    asked_before, _ = await _erasures_of(uow, event.candidate_id)
    if asked_before:
        return
    found = await _erase(
        uow,
        event.candidate_id,
        by=by,
        reason=event.reason or "erased on request",
        now=event.erased_at,
        everywhere=True,
    )
    log.info("talent.erased_on_request_elsewhere", candidate_id=event.candidate_id, found=found)


async def sweep_expired(uow: UnitOfWork, *, policy: PoolPolicy, now: datetime) -> SweepResult:
    """Erase profiles whose consent ran out and pending tags older than the retention."""
    profiles = ProfileRepository(uow.session)
    erased = 0
    for talent_id in await profiles.expired_ids(now):
        erased += await _erase(
            uow,
            talent_id,
            by=SYSTEM_ACTOR,
            reason="talent-pool consent expired",
            now=now,
            everywhere=False,
        )
    purged = await PendingTagRepository(uow.session).purge_older_than(
        now - timedelta(days=policy.pending_retention_days)
    )
    await uow.commit()
    return SweepResult(erased_profiles=erased, purged_pending_tags=purged)
