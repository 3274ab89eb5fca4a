"""Course catalogue endpoints."""

from typing import Annotated

from fastapi import Query
from pydantic import BaseModel

from talent_service.api.schemas import CourseRead
from talent_service.service import courses
from talent_service.service.inputs import CourseCreate, CourseUpdate
from talentloop_shared.auth.roles import HrAdmin, Reader
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import api_router

router = api_router(prefix="/api/v1", tags=["courses"])
catalogue = Resource(
    router, CourseRead.from_row, readers=Reader, writers=HrAdmin, item="/courses/{course_id}"
)


class CourseFilters(BaseModel):
    """Which courses to list."""

    include_withdrawn: Annotated[bool, Query(description="Withdrawn courses too")] = False


catalogue.create(
    courses.create_course,
    CourseCreate,
    summary="Add a training course",
    description="Add a course and the skills or dimensions it builds; publishes course-changed.",
)
catalogue.page(
    courses.list_courses,
    CourseFilters,
    summary="The course catalogue",
    description="Courses in the order they were added.",
)
catalogue.get(
    courses.get_course,
    summary="A course of the catalogue",
    description="One course (withdrawn ones too), with its version as ETag.",
)
catalogue.update(
    courses.update_course,
    CourseUpdate,
    summary="Change a course",
    description="Partial change with If-Match (412 when stale); a real change raises the "
    "version and\npublishes course-changed; 409 for a withdrawn course.",
    errors=(404, 409),
)
catalogue.action(
    "withdraw",
    courses.withdraw_course,
    summary="Withdraw a course from the catalogue",
    description="No longer suggested to anyone (kept for the record); publishes "
    "course-changed;\n409 when already withdrawn.",
    errors=(404, 409),
)
