"""Read use cases of the talent pool: search, one talent, development."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from talent_service.db.models import (
    Course,
    TalentApplication,
    TalentHistoryEntry,
    TalentProfile,
)
from talent_service.db.repositories import ProfileRepository
from talent_service.domain import courses as course_rules
from talent_service.domain import retention
from talent_service.domain.tags import Tag, normalise, skill_value
from talent_service.service.courses import catalogue, rule_courses
from talent_service.service.vocabularies import skills_in_force
from talentloop_shared.db import KeysetOrder, UnitOfWork
from talentloop_shared.errors import NotFound
from talentloop_shared.pagination import Page


@dataclass(slots=True)
class TalentDetail:
    """A pooled candidate with tags, applications and history."""

    profile: TalentProfile
    tags: list[Tag]
    applications: Sequence[TalentApplication]
    history: Sequence[TalentHistoryEntry]


@dataclass(slots=True)
class Development:
    """Courses that build a talent's gaps."""

    profile: TalentProfile
    suggestions: list[course_rules.CourseSuggestion]
    catalogue: dict[str, Course]


# Newest first: (created_at, id) descending.
TALENTS = KeysetOrder(TalentProfile.created_at, TalentProfile.id, descending=True)


async def search_talents(
    uow: UnitOfWork,
    *,
    skill: str | None,
    tag: str | None,
    q: str | None,
    open_to_contact: bool | None,
    limit: int,
    cursor: str | None,
) -> Page[TalentProfile]:
    """Pooled candidates with valid consent, newest first, filtered by skill/tag/text."""
    stmt = select(TalentProfile).where(TalentProfile.consent_expires_at > uow.clock.now())
    if skill:
        # Skill tags are stored by the synonym table's keys: "K8s" finds "kubernetes".
        key = normalise(skill_value(skill, await skills_in_force(uow.session)))
        stmt = stmt.where(TalentProfile.skills.contains([key]))
    if tag:
        stmt = stmt.where(TalentProfile.tags.contains([normalise(tag)]))
    if q and q.strip():
        stmt = stmt.where(
            func.to_tsvector("simple", TalentProfile.search_document).op("@@")(
                func.plainto_tsquery("simple", q)
            )
        )
    if open_to_contact is not None:
        stmt = stmt.where(TalentProfile.open_to_contact.is_(open_to_contact))
    return await TALENTS.page(uow.session, stmt, cursor=cursor, limit=limit)


async def live_profile(
    uow: UnitOfWork, talent_id: str, *, now: datetime, for_update: bool = False
) -> TalentProfile:
    """The pooled candidate, or 404 when there is none or their consent has expired."""
    profiles = ProfileRepository(uow.session)
    profile = await (profiles.get_for_update(talent_id) if for_update else profiles.get(talent_id))
    # Expired consent: the data may no longer be used, even before the sweep erases it.
    if profile is None or retention.is_expired(profile.consent_expires_at, now):
        raise NotFound("talent", talent_id)
    return profile


async def get_talent(uow: UnitOfWork, *, talent_id: str) -> TalentDetail:
    """One pooled candidate with tags, applications and history."""
    profile = await live_profile(uow, talent_id, now=uow.clock.now())
    profiles = ProfileRepository(uow.session)
    return TalentDetail(
        profile=profile,
        tags=await profiles.tags_of(talent_id),
        applications=await profiles.applications_of(talent_id),
        history=await profiles.history_of(talent_id),
    )


async def suggest_development(uow: UnitOfWork, *, talent_id: str) -> Development:
    """Courses covering the talent's gaps, most gaps covered first."""
    profile = await live_profile(uow, talent_id, now=uow.clock.now())
    on_offer = await catalogue(uow)
    suggestions = course_rules.suggest_courses(profile.gaps, rule_courses(on_offer))
    return Development(profile=profile, suggestions=suggestions, catalogue=on_offer)
