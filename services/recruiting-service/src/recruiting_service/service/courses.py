"""The course catalogue's copy: what talent-service offers, for rejection suggestions (S6)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from recruiting_service.db.repositories import CourseRepository
from recruiting_service.domain.rejections import CourseOption
from recruiting_service.service.snapshots import keep_newest
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import CourseChanged


async def apply_course_changed(uow: UnitOfWork, payload: CourseChanged) -> bool:
    """Keep the newest snapshot of a course (no commit); a withdrawn one stops being
    suggested. False when the snapshot was older than the one held."""
    course = payload.course
    return await keep_newest(
        uow,
        CourseRepository(uow.session),
        {
            "id": course.id,
            "version": payload.version,
            "title": course.title,
            "provider": course.provider,
            "url": course.url,
            "skills": list(course.skills),
            "locales": list(course.locales),
            "active": course.active and payload.change != "withdrawn",
        },
        what="course",
        key=course.id,
        change=payload.change,
    )


async def courses_on_offer(uow: UnitOfWork) -> list[CourseOption]:
    """The courses a rejection may suggest."""
    return [
        CourseOption(c.id, c.title, c.provider, c.url, tuple(c.skills), tuple(c.locales))
        for c in await CourseRepository(uow.session).active()
    ]


def course_options(courses: Sequence[Mapping[str, Any]]) -> list[CourseOption]:
    """`courses_on_offer` of courses read as values (`RejectionContext.courses`)."""
    return [
        CourseOption(**{**c, "skills": tuple(c["skills"]), "locales": tuple(c["locales"])})
        for c in courses
    ]
