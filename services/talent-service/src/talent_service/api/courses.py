"""Course catalogue endpoints."""

from talent_service.api.schemas import CourseRead
from talent_service.service import courses
from talent_service.service.inputs import CourseCreate
from talentloop_shared.auth.roles import HrAdmin, Reader
from talentloop_shared.http import CursorQuery, LimitQuery, Page, problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["courses"])


@router.post(
    "/courses",
    summary="Add a training course",
    status_code=201,
    response_model=CourseRead,
    responses=problem_responses(401, 403, 422),
)
async def create_course(body: CourseCreate, uow: UowDep, _: HrAdmin) -> CourseRead:
    """Add a course and the skills or dimensions it builds."""
    return CourseRead.from_row(await courses.create_course(uow, course=body))


@router.get(
    "/courses",
    summary="The course catalogue",
    response_model=Page[CourseRead],
    responses=problem_responses(401, 403, 422),
)
async def list_courses(
    uow: UowDep, _: Reader, limit: LimitQuery = 50, cursor: CursorQuery = None
) -> Page[CourseRead]:
    """Courses in the order they were added."""
    page = await courses.list_courses(uow, limit=limit, cursor=cursor)
    return page.map(CourseRead.from_row)
