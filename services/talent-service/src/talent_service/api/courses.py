"""Course catalogue endpoints."""

import uuid
from typing import Annotated

from fastapi import Query, Response

from talent_service.api.schemas import CourseRead
from talent_service.db.models import Course
from talent_service.service import courses
from talent_service.service.inputs import CourseCreate, CourseUpdate
from talentloop_shared.auth.roles import HrAdmin, Reader
from talentloop_shared.http import (
    CursorQuery,
    IfMatch,
    LimitQuery,
    Page,
    problem_responses,
    set_etag,
)
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["courses"])


def _read(response: Response, course: Course) -> CourseRead:
    """The course, its version as the response's ETag."""
    set_etag(response, course.version)
    return CourseRead.from_row(course)


@router.post(
    "/courses",
    summary="Add a training course",
    status_code=201,
    response_model=CourseRead,
    responses=problem_responses(401, 403, 422),
)
async def create_course(
    body: CourseCreate, response: Response, uow: UowDep, _: HrAdmin
) -> CourseRead:
    """Add a course and the skills or dimensions it builds; publishes course-changed."""
    return _read(response, await courses.create_course(uow, course=body))


@router.get(
    "/courses",
    summary="The course catalogue",
    response_model=Page[CourseRead],
    responses=problem_responses(401, 403, 422),
)
async def list_courses(
    uow: UowDep,
    _: Reader,
    include_withdrawn: Annotated[bool, Query(description="Withdrawn courses too")] = False,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[CourseRead]:
    """Courses in the order they were added."""
    page = await courses.list_courses(
        uow, include_withdrawn=include_withdrawn, limit=limit, cursor=cursor
    )
    return page.map(CourseRead.from_row)


@router.get(
    "/courses/{course_id}",
    summary="A course of the catalogue",
    response_model=CourseRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_course(
    course_id: uuid.UUID, response: Response, uow: UowDep, _: Reader
) -> CourseRead:
    """One course (withdrawn ones too), with its version as ETag."""
    return _read(response, await courses.get_course(uow, course_id=course_id))


@router.patch(
    "/courses/{course_id}",
    summary="Change a course",
    response_model=CourseRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def update_course(
    course_id: uuid.UUID,
    body: CourseUpdate,
    expected: IfMatch,
    response: Response,
    uow: UowDep,
    _: HrAdmin,
) -> CourseRead:
    """Partial change with If-Match (412 when stale); a real change raises the version and
    publishes course-changed; 409 for a withdrawn course."""
    row = await courses.update_course(uow, course_id=course_id, changes=body, expected=expected)
    return _read(response, row)


@router.post(
    "/courses/{course_id}/withdraw",
    summary="Withdraw a course from the catalogue",
    response_model=CourseRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def withdraw_course(
    course_id: uuid.UUID, expected: IfMatch, response: Response, uow: UowDep, _: HrAdmin
) -> CourseRead:
    """No longer suggested to anyone (kept for the record); publishes course-changed;
    409 when already withdrawn."""
    row = await courses.withdraw_course(uow, course_id=course_id, expected=expected)
    return _read(response, row)
