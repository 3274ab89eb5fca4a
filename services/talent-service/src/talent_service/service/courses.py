"""Use cases of the course catalogue."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, tuple_

from talent_service.db.models import Course
from talent_service.db.repositories import CourseRepository
from talent_service.service.inputs import CourseCreate
from talentloop_shared.db import UnitOfWork
from talentloop_shared.pagination import Keyset, Page

# In the order courses were added: (created_at, id) ascending.
COURSES = Keyset(datetime, uuid.UUID)


async def create_course(uow: UnitOfWork, *, course: CourseCreate) -> Course:
    """Add a course and the skills or dimensions it builds."""
    row = CourseRepository(uow.session).add(
        Course(
            id=uuid.uuid4(),
            title=course.title,
            provider=course.provider,
            url=str(course.url),
            skills=course.skills,
        )
    )
    await uow.commit()
    await uow.session.refresh(row)
    return row


async def list_courses(uow: UnitOfWork, *, limit: int, cursor: str | None) -> Page[Course]:
    """The catalogue in the order courses were added."""
    stmt = select(Course)
    if (after := COURSES.decode(cursor)) is not None:
        stmt = stmt.where(tuple_(Course.created_at, Course.id) > tuple_(*after))
    stmt = stmt.order_by(Course.created_at, Course.id).limit(limit + 1)
    rows = (await uow.session.scalars(stmt)).all()
    return COURSES.page(rows, limit, key=lambda c: (c.created_at, c.id))
