"""Use cases of the course catalogue.

A course is versioned: creating it, changing it (PATCH with If-Match) and withdrawing it
each publish `course-changed` with the whole course and its new version, so that services
keeping a copy (recruiting suggests courses for a rejected candidate's gaps) apply the
newest and ignore a late older one. A change that changes nothing keeps the version and
publishes nothing. A withdrawn course stays readable, is suggested to nobody and cannot be
changed any more.
"""

from __future__ import annotations

import uuid
from typing import Literal

from sqlalchemy import select

from talent_service.db.models import Course
from talent_service.db.repositories import CourseRepository
from talent_service.domain import courses as course_rules
from talent_service.service.inputs import CourseCreate, CourseUpdate
from talentloop_shared.db import KeysetOrder, UnitOfWork
from talentloop_shared.errors import Conflict, ExpectedVersion
from talentloop_shared.events.payloads import CourseChanged, CourseInfo
from talentloop_shared.models import from_attributes
from talentloop_shared.pagination import Page

# In the order courses were added: (created_at, id) ascending.
COURSES = KeysetOrder(Course.created_at, Course.id)


class CourseWithdrawn(Conflict):
    """409: the course was withdrawn; it can no longer be changed."""

    def __init__(self, course_id: uuid.UUID) -> None:
        super().__init__(f"course {course_id} was withdrawn", type_="course-withdrawn")


def course_info(course: Course) -> CourseInfo:
    """The course as `course-changed` carries it."""
    return from_attributes(CourseInfo, course, id=str(course.id))


async def catalogue(uow: UnitOfWork) -> dict[str, Course]:
    """The courses on offer (not withdrawn), keyed by id, in the order added."""
    return {str(c.id): c for c in await CourseRepository(uow.session).active()}


def rule_courses(courses: dict[str, Course]) -> list[course_rules.Course]:
    """The catalogue as the course rules take it."""
    return [
        course_rules.Course(
            id=key, title=c.title, provider=c.provider, url=c.url, skills=tuple(c.skills)
        )
        for key, c in courses.items()
    ]


def _announce(
    uow: UnitOfWork, course: Course, change: Literal["created", "updated", "withdrawn"]
) -> None:
    uow.publish(
        CourseChanged(change=change, version=course.version, course=course_info(course)),
        subject=f"courses/{course.id}",
    )


def _next_version(uow: UnitOfWork, row: Course, change: Literal["updated", "withdrawn"]) -> None:
    """A real change: the next version, stamped, announced."""
    row.version += 1
    row.updated_at = uow.clock.now()
    _announce(uow, row, change)


async def create_course(uow: UnitOfWork, *, course: CourseCreate) -> Course:
    """Add a course and the skills or dimensions it builds; publishes course-changed."""
    now = uow.clock.now()
    row = CourseRepository(uow.session).add(
        Course(
            id=uuid.uuid4(),
            version=1,
            title=course.title,
            provider=course.provider,
            url=str(course.url),
            skills=course.skills,
            locales=list(dict.fromkeys(course.locales)),
            active=True,
            created_at=now,
            updated_at=now,
        )
    )
    _announce(uow, row, "created")
    await uow.commit()
    return row


async def get_course(uow: UnitOfWork, *, course_id: uuid.UUID) -> Course:
    """One course of the catalogue (withdrawn ones included)."""
    return await CourseRepository(uow.session).get_or_raise(course_id)


async def _locked(uow: UnitOfWork, course_id: uuid.UUID, expected: ExpectedVersion) -> Course:
    """The course, locked for this change, at a version If-Match accepts and not withdrawn."""
    row = await CourseRepository(uow.session).get_for_change(course_id, expected)
    if not row.active:
        raise CourseWithdrawn(course_id)
    return row


async def update_course(
    uow: UnitOfWork, *, course_id: uuid.UUID, changes: CourseUpdate, expected: ExpectedVersion
) -> Course:
    """Change a course (412 on a stale If-Match); publishes course-changed when anything
    changed."""
    row = await _locked(uow, course_id, expected)
    wanted = {
        "title": changes.title,
        "provider": changes.provider,
        "url": None if changes.url is None else str(changes.url),
        "skills": changes.skills,
        "locales": None if changes.locales is None else list(dict.fromkeys(changes.locales)),
    }
    changed = False
    for field, value in wanted.items():
        if value is not None and value != getattr(row, field):
            setattr(row, field, value)
            changed = True
    if changed:
        _next_version(uow, row, "updated")
    await uow.commit()
    return row


async def withdraw_course(
    uow: UnitOfWork, *, course_id: uuid.UUID, expected: ExpectedVersion
) -> Course:
    """Withdraw a course from the catalogue (409 when it already is); publishes
    course-changed."""
    row = await _locked(uow, course_id, expected)
    row.active = False
    _next_version(uow, row, "withdrawn")
    await uow.commit()
    return row


async def list_courses(
    uow: UnitOfWork, *, include_withdrawn: bool, limit: int, cursor: str | None
) -> Page[Course]:
    """The catalogue in the order courses were added."""
    stmt = select(Course)
    if not include_withdrawn:
        stmt = stmt.where(Course.active.is_(True))
    return await COURSES.page(uow.session, stmt, cursor=cursor, limit=limit)
