"""Read use cases of the talent pool: search, one talent, reminders, development."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select

from talent_service.db.models import (
    Course,
    TalentApplication,
    TalentHistoryEntry,
    TalentProfile,
)
from talent_service.db.repositories import CourseRepository, ProfileRepository
from talent_service.domain import courses as course_rules
from talent_service.domain import retention
from talent_service.domain.tags import Tag, normalise
from talentloop_shared.db import UnitOfWork
from talentloop_shared.http.pagination import decode_cursor, encode_cursor
from talentloop_shared.http.problems import not_found, unprocessable


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


def _bad_cursor() -> Exception:
    return unprocessable(
        "cursor: not a cursor this list returned",
        [{"loc": ["query", "cursor"], "msg": "invalid cursor"}],
    )


def _parse_time(value: object) -> datetime:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise _bad_cursor() from None


async def search_talents(
    uow: UnitOfWork,
    *,
    skill: str | None,
    tag: str | None,
    q: str | None,
    open_to_contact: bool | None,
    limit: int,
    cursor: str | None,
    now: datetime,
) -> tuple[list[TalentProfile], str | None]:
    """Pooled candidates with valid consent, newest first, filtered by skill/tag/text."""
    stmt = select(TalentProfile).where(TalentProfile.consent_expires_at > now)
    if skill:
        stmt = stmt.where(TalentProfile.skills.contains([normalise(skill)]))
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
    after = decode_cursor(cursor, arity=2)
    if after is not None:
        created, talent_id = _parse_time(after[0]), str(after[1])
        stmt = stmt.where(
            or_(
                TalentProfile.created_at < created,
                and_(TalentProfile.created_at == created, TalentProfile.id < talent_id),
            )
        )
    stmt = stmt.order_by(TalentProfile.created_at.desc(), TalentProfile.id.desc()).limit(limit + 1)
    rows = list(await uow.session.scalars(stmt))
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor(rows[-1].created_at.isoformat(), rows[-1].id)


async def _live_profile(uow: UnitOfWork, talent_id: str, now: datetime) -> TalentProfile:
    profile = await ProfileRepository(uow.session).get(talent_id)
    # Expired consent: the data may no longer be used, even before the sweep erases it.
    if profile is None or retention.is_expired(profile.consent_expires_at, now):
        raise not_found("talent", talent_id)
    return profile


async def get_talent(uow: UnitOfWork, *, talent_id: str, now: datetime) -> TalentDetail:
    """One pooled candidate with tags, applications and history."""
    profile = await _live_profile(uow, talent_id, now)
    profiles = ProfileRepository(uow.session)
    return TalentDetail(
        profile=profile,
        tags=await profiles.tags_of(talent_id),
        applications=await profiles.applications_of(talent_id),
        history=await profiles.history_of(talent_id),
    )


async def list_reminders(
    uow: UnitOfWork, *, due_before: datetime, limit: int, cursor: str | None, now: datetime
) -> tuple[list[TalentProfile], str | None]:
    """Pooled candidates due for re-contact before `due_before`, earliest first."""
    stmt = select(TalentProfile).where(
        TalentProfile.next_contact_at <= due_before, TalentProfile.consent_expires_at > now
    )
    after = decode_cursor(cursor, arity=2)
    if after is not None:
        due, talent_id = _parse_time(after[0]), str(after[1])
        stmt = stmt.where(
            or_(
                TalentProfile.next_contact_at > due,
                and_(TalentProfile.next_contact_at == due, TalentProfile.id > talent_id),
            )
        )
    stmt = stmt.order_by(TalentProfile.next_contact_at, TalentProfile.id).limit(limit + 1)
    rows = list(await uow.session.scalars(stmt))
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor(rows[-1].next_contact_at.isoformat(), rows[-1].id)


async def suggest_development(uow: UnitOfWork, *, talent_id: str, now: datetime) -> Development:
    """Courses covering the talent's gaps, most gaps covered first."""
    profile = await _live_profile(uow, talent_id, now)
    catalogue = {str(c.id): c for c in await CourseRepository(uow.session).all()}
    suggestions = course_rules.suggest_courses(
        profile.gaps,
        (
            course_rules.Course(
                id=key, title=c.title, provider=c.provider, url=c.url, skills=tuple(c.skills)
            )
            for key, c in catalogue.items()
        ),
    )
    return Development(profile=profile, suggestions=suggestions, catalogue=catalogue)
