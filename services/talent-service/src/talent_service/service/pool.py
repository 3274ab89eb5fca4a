"""Use cases of the talent pool: pooling rejected candidates and tagging them from events.

Decisions: consent runs `consent_months` from the latest consented rejection; expired
profiles are hidden from search, reading and matching at once and erased by the sweep
(`service/erasure.py`). A rejection without consent keeps nothing and drops the candidate's
pending tags; a profile pooled under an earlier consent is left as it is (that consent still
stands; withdrawal is DELETE /talents/{id}). Events about a person erased before are
ignored as `erasure.ignore_after_erasure` decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from talent_service.db.models import TalentProfile
from talent_service.db.repositories import (
    MatchRepository,
    PendingTagRepository,
    ProfileRepository,
    lock_key,
)
from talent_service.domain import retention
from talent_service.domain.tags import (
    Tag,
    has_pool_consent,
    merge_tags,
    mirror_tags,
    tags_from_evaluation,
    tags_from_feedback,
    tags_from_rejection,
)
from talent_service.service.erasure import ignore_after_erasure
from talent_service.service.matching import match_profile_to_open_positions
from talent_service.service.state import talent_state
from talent_service.service.vocabularies import skills_in_force
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import (
    CandidateRejected,
    EvaluationSubmitted,
    FeedbackReceived,
)


def apply_tags(profile: TalentProfile, tags: list[Tag]) -> None:
    """Mirror the tags on the profile's indexed arrays and search document."""
    for column, value in mirror_tags(profile.name, tags).columns().items():
        setattr(profile, column, value)


async def _merge_into_profile(
    profiles: ProfileRepository, profile: TalentProfile, new_tags: list[Tag]
) -> list[Tag]:
    existing = await profiles.tags_of(profile.id)
    merged = merge_tags(existing, new_tags)
    await profiles.add_tags(profile.id, merged[len(existing) :])
    apply_tags(profile, merged)
    return merged


async def pool_rejected_candidates(
    uow: UnitOfWork, rejections: Iterable[CandidateRejected]
) -> None:
    """`pool_rejected_candidate` for a run of rejections (a consumer batch's), in order:
    each run of rejections without consent, which only forget pending tags, is one
    statement; one with consent is pooled in its turn, after those before it."""
    unconsented: list[str] = []
    for rejection in rejections:
        if not has_pool_consent(rejection):
            unconsented.append(rejection.candidate.id)
            continue
        if unconsented:
            await PendingTagRepository(uow.session).purge(*unconsented)
            unconsented = []
        await pool_rejected_candidate(uow, rejection)
    if unconsented:
        await PendingTagRepository(uow.session).purge(*unconsented)


async def pool_rejected_candidate(
    uow: UnitOfWork, rejection: CandidateRejected
) -> TalentProfile | None:
    """Keep a consented rejected candidate in the pool (create or update the profile)."""
    policy = talent_state(uow).policy
    now = uow.clock.now()
    candidate = rejection.candidate
    rejected_at = rejection.rejected_at
    profiles = ProfileRepository(uow.session)
    pending = PendingTagRepository(uow.session)
    # Nothing personal is kept without consent, or about a person erased since. A profile
    # pooled under an earlier consent stays as it is: a rejection without consent neither
    # renews nor withdraws it (withdrawal is DELETE /talents/{id}), and none of its data is
    # added. Consent is read first: without it the erasure record (a query) changes nothing,
    # and neither does the candidate's lock: the purge reads nothing that another event about
    # them could change meanwhile (tags they add later stay pending, as they would if they
    # came after the purge under the lock).
    if not has_pool_consent(rejection):
        await pending.purge(candidate.id)
        return None
    await lock_key(uow.session, f"talent:{candidate.id}")
    if await ignore_after_erasure(uow, candidate.id, at=rejected_at, kind="candidate-rejected"):
        await pending.purge(candidate.id)
        return None

    consent_expires_at = retention.consent_expires_at(rejected_at, policy.consent_months)
    next_contact_at = retention.next_contact_at(rejected_at, policy.contact_months)
    profile = await profiles.get_for_update(candidate.id)
    created = profile is None
    if profile is None:
        profile = profiles.add(
            TalentProfile(
                id=candidate.id,
                name=candidate.name,
                consented_at=rejected_at,
                consent_expires_at=consent_expires_at,
                next_contact_at=next_contact_at,
                search_document=candidate.name,
            )
        )
    if created or rejected_at >= profile.consented_at:
        # Contact data and experience come from the newest rejection; an older one
        # arriving late must not overwrite them.
        profile.name = candidate.name
        profile.email = candidate.email
        profile.phone = candidate.phone
        profile.locale = candidate.locale
        profile.timezone = candidate.timezone
        profile.years_experience = candidate.years_experience
        profile.consented_at = rejected_at
        profile.consent_expires_at = consent_expires_at
        profile.next_contact_at = max(profile.next_contact_at, next_contact_at)
    await uow.session.flush()

    is_new_application = await profiles.upsert_application(
        {
            "profile_id": candidate.id,
            "application_id": rejection.application_id,
            "position_id": rejection.position.id,
            "position_title": rejection.position.title,
            "job_family": rejection.position.job_family,
            "stage": rejection.stage,
            "composite": rejection.scorecard.composite if rejection.scorecard else None,
            "rejected_at": rejected_at,
        }
    )
    vocabulary = await skills_in_force(uow.session)
    new_tags = [
        *tags_from_rejection(rejection, vocabulary=vocabulary),
        *await pending.take(candidate.id),
    ]
    await _merge_into_profile(profiles, profile, new_tags)
    if is_new_application:
        profiles.record(
            candidate.id,
            at=now,
            action="pooled" if created else "application_added",
            detail=f"rejected at {rejection.stage} for {rejection.position.title}",
            actor=rejection.decided_by,
        )
    await uow.session.flush()
    await match_profile_to_open_positions(uow, profile, now=now)
    return profile


async def _profile_to_tag(
    uow: UnitOfWork, candidate_id: str, tags: list[Tag], *, at: datetime, kind: str
) -> TalentProfile | None:
    """The person's profile, locked, for an event from `at` that brings `tags`; None when
    there is nothing to tag: the event is ignored after an erasure, or the person is not
    pooled (yet), and then the tags are held until they are."""
    await lock_key(uow.session, f"talent:{candidate_id}")
    if await ignore_after_erasure(uow, candidate_id, at=at, kind=kind):
        return None
    profile = await ProfileRepository(uow.session).get_for_update(candidate_id)
    if profile is None and tags:
        await PendingTagRepository(uow.session).hold(candidate_id, tags, uow.clock.now())
    return profile


async def tag_from_evaluation(uow: UnitOfWork, evaluation: EvaluationSubmitted) -> None:
    """Add an evaluation's strengths to the profile, or keep them pending until pooled."""
    tags = tags_from_evaluation(evaluation)
    if not tags:
        return
    profile = await _profile_to_tag(
        uow, evaluation.candidate_id, tags, at=evaluation.submitted_at, kind="evaluation"
    )
    if profile is None:
        return
    now = uow.clock.now()
    profiles = ProfileRepository(uow.session)
    await _merge_into_profile(profiles, profile, tags)
    profiles.record(profile.id, at=now, action="evaluated", detail=", ".join(t.value for t in tags))
    await uow.session.flush()
    await match_profile_to_open_positions(uow, profile, now=now)


async def tag_from_feedback(uow: UnitOfWork, feedback: FeedbackReceived) -> None:
    """Record the candidate's survey answer to "open to future roles" (left unanswered, it
    changes nothing)."""
    if feedback.open_to_future_roles is None:
        return
    tags = tags_from_feedback(feedback)
    profile = await _profile_to_tag(
        uow, feedback.candidate_id, tags, at=feedback.answered_at, kind="feedback"
    )
    if profile is None:
        return
    profiles = ProfileRepository(uow.session)
    now = uow.clock.now()
    answered = feedback.answered_at
    if profile.contact_answered_at is not None and answered < profile.contact_answered_at:
        # An earlier answer delivered late: the latest answer counts.
        profiles.record(profile.id, at=now, action="survey", detail="earlier answer ignored")
        return
    profile.contact_answered_at = answered
    declined_before = profile.declined_contact_at is not None
    if tags:
        await _merge_into_profile(profiles, profile, tags)
        profile.declined_contact_at = None
    else:
        # A "no" withdraws an earlier "yes", and takes the person out of matching, invitations
        # and re-contact reminders (the matches not yet invited go) until a later "yes".
        await profiles.remove_tags(profile.id, "open_to_contact")
        apply_tags(profile, await profiles.tags_of(profile.id))
        profile.declined_contact_at = answered
        await MatchRepository(uow.session).delete_uninvited_of_profile(profile.id)
    profiles.record(
        profile.id,
        at=now,
        action="survey",
        detail="open to future roles" if tags else "not open to future roles",
    )
    if tags and declined_before:
        await uow.session.flush()
        await match_profile_to_open_positions(uow, profile, now=now)
