"""Closing the loop: a candidate HR invited from the talent pool (`talent-invited`)
applies to the new opening."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from recruiting_service.db.models import Candidate
from recruiting_service.db.repositories import (
    ApplicationRepository,
    CandidateRepository,
    OpeningRepository,
    as_uuid,
)
from recruiting_service.domain.candidates import (
    normalise_email,
    normalise_phone,
    validate_timezone,
)
from recruiting_service.service.applications import open_application
from recruiting_service.service.vocabularies import skills_in_force
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import FieldInvalid
from talentloop_shared.events.payloads import CandidateInfo, TalentInvited
from talentloop_shared.i18n import try_canonical_locale
from talentloop_shared.language import canonical_skills
from talentloop_shared.language.vocabulary import SkillVocabulary
from talentloop_shared.logging import get_logger

log = get_logger(__name__)


class OpeningNotYetKnown(Exception):
    """The invitation names an opening whose `position-changed` has not arrived yet.

    Not permanent: talent-service only invites to openings org-service published, so the
    snapshot is on its way; the consumer retries through its delay tiers (and parks the
    event in the DLQ, replayable, if it never comes).
    """


def _or_none(normalise: Callable[[str], str], value: str | None) -> str | None:
    """The normalised value, or None when it is missing or not acceptable here: the pool's
    copy is what we have, and a bad phone number must not stop the invitation."""
    try:
        return normalise(value) if value else None
    except FieldInvalid:
        return None


def _candidate_from(
    info: CandidateInfo, email: str | None, *, now: datetime, vocabulary: SkillVocabulary
) -> Candidate:
    return Candidate(
        id=as_uuid(info.id) or uuid.uuid4(),
        name=info.name,
        email=email,
        phone=_or_none(normalise_phone, info.phone),
        locale=try_canonical_locale(info.locale) or "en",
        timezone=_or_none(validate_timezone, info.timezone) or "UTC",
        years_experience=info.years_experience,
        skills=canonical_skills(info.skills, vocabulary=vocabulary),
        industries=canonical_skills(info.industries, vocabulary=vocabulary),
        education="none",
        languages=[],
        talent_pool_consent=info.talent_pool_consent,
        version=1,
        created_at=now,
        updated_at=now,
    )


async def accept_invitation(uow: UnitOfWork, payload: TalentInvited) -> None:
    """Create the application for the invited candidate (no commit; the consumer commits).

    A candidate erased here stays erased: a late invitation for them changes nothing.
    """
    session = uow.session
    candidates = CandidateRepository(session)
    info = payload.candidate
    candidate_id = as_uuid(info.id)
    # Locked, so an erasure running at the same time waits for this, or this sees it.
    candidate = await candidates.get_for_update(candidate_id) if candidate_id else None
    if candidate is not None and candidate.erased_at is not None:
        log.info(
            "talent_invited.candidate_erased",
            candidate_id=str(candidate.id),
            invitation_id=payload.invitation_id,
            position_id=payload.position.id,
        )
        return
    position_id = as_uuid(payload.position.id)
    opening = await OpeningRepository(session).get(position_id) if position_id else None
    if opening is None:
        raise OpeningNotYetKnown(f"opening {payload.position.id} is not known (yet)")
    context = {"invitation_id": payload.invitation_id, "position_id": payload.position.id}
    if opening.status != "open":
        # The opening closed between the match and the invitation: nothing to apply to.
        log.warning("talent_invited.opening_closed", **context)
        return

    email = _or_none(normalise_email, info.email)
    vocabulary = await skills_in_force(session)
    if candidate is None and email:
        candidate = await candidates.get_by_email(email)
    if candidate is None:
        # Recruiting never held this person (an erased one stops above); the pool's copy
        # is enough.
        candidate = candidates.add(
            _candidate_from(info, email, now=uow.clock.now(), vocabulary=vocabulary)
        )
        await session.flush()
        log.info("talent_invited.candidate_recreated", candidate_id=str(candidate.id), **context)

    existing = await ApplicationRepository(session).for_candidate_and_position(
        candidate.id, opening.position_id
    )
    if existing is not None:
        log.info("talent_invited.already_applied", application_id=str(existing.id), **context)
        return
    application = open_application(
        uow,
        candidate=candidate,
        opening=opening,
        source="talent_pool",
        by=payload.invited_by,
        vocabulary=vocabulary,
    ).application
    log.info("talent_invited.application_created", application_id=str(application.id), **context)
