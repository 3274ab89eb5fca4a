"""Course catalogue endpoints."""

from talent_service.api.deps import Admin, Reader
from talent_service.api.schemas import CourseCreate, CourseRead
from talent_service.service import courses
from talentloop_shared.http import Page, problem_responses
from talentloop_shared.http.pagination import CursorQuery, LimitQuery
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["courses"])


@router.post(
    "/courses",
    summary="Add a training course",
    status_code=201,
    response_model=CourseRead,
    responses=problem_responses(401, 403, 422),
)
async def create_course(body: CourseCreate, uow: UowDep, _: Admin) -> CourseRead:
    """Add a course and the skills or dimensions it builds."""
    course = await courses.create_course(
        uow, title=body.title, provider=body.provider, url=str(body.url), skills=body.skills
    )
    return CourseRead.model_validate(course, from_attributes=True)


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
    rows, next_cursor = await courses.list_courses(uow, limit=limit, cursor=cursor)
    return Page[CourseRead](
        items=[CourseRead.model_validate(c, from_attributes=True) for c in rows],
        next_cursor=next_cursor,
    )
