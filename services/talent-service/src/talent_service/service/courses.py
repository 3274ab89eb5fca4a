"""Use cases of the course catalogue."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import and_, or_, select

from talent_service.db.models import Course
from talent_service.db.repositories import CourseRepository
from talentloop_shared.db import UnitOfWork
from talentloop_shared.http.pagination import decode_cursor, encode_cursor
from talentloop_shared.http.problems import unprocessable


async def create_course(
    uow: UnitOfWork, *, title: str, provider: str, url: str, skills: list[str]
) -> Course:
    """Add a course and the skills or dimensions it builds."""
    course = CourseRepository(uow.session).add(
        Course(id=uuid.uuid4(), title=title, provider=provider, url=url, skills=skills)
    )
    await uow.commit()
    await uow.session.refresh(course)
    return course


async def list_courses(
    uow: UnitOfWork, *, limit: int, cursor: str | None
) -> tuple[list[Course], str | None]:
    """The catalogue in the order courses were added."""
    stmt = select(Course)
    after = decode_cursor(cursor, arity=2)
    if after is not None:
        try:
            created, course_id = datetime.fromisoformat(str(after[0])), uuid.UUID(str(after[1]))
        except ValueError:
            raise unprocessable(
                "cursor: not a cursor this list returned",
                [{"loc": ["query", "cursor"], "msg": "invalid cursor"}],
            ) from None
        stmt = stmt.where(
            or_(
                Course.created_at > created,
                and_(Course.created_at == created, Course.id > course_id),
            )
        )
    rows = list(
        await uow.session.scalars(stmt.order_by(Course.created_at, Course.id).limit(limit + 1))
    )
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor(rows[-1].created_at.isoformat(), rows[-1].id)
