"""Talent pool endpoints: search, read, erase, reminders, development."""

from datetime import datetime
from typing import Annotated

from fastapi import Query, Response

from talent_service.api.schemas import DevelopmentRead, ReminderRead, TalentRead, TalentSummary
from talent_service.service import erasure, reminders, talents
from talentloop_shared.auth.roles import HrAdmin, Reader, Recruiter
from talentloop_shared.http import CursorQuery, LimitQuery, Page, problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["talents"])


@router.get(
    "/talents",
    summary="Search the talent pool",
    response_model=Page[TalentSummary],
    responses=problem_responses(401, 403, 422),
)
async def search_talents(
    uow: UowDep,
    _: Reader,
    skill: Annotated[str | None, Query(max_length=200, description="Has this skill")] = None,
    tag: Annotated[str | None, Query(max_length=200, description="Has a tag of any kind")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in name or tags")] = None,
    open_to_contact: Annotated[bool | None, Query()] = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[TalentSummary]:
    """Pooled candidates with valid consent, newest first."""
    page = await talents.search_talents(
        uow,
        skill=skill,
        tag=tag,
        q=q,
        open_to_contact=open_to_contact,
        limit=limit,
        cursor=cursor,
    )
    return page.map(TalentSummary.from_row)


@router.get(
    "/talents/{talent_id}",
    summary="A pooled candidate with tags, applications and history",
    response_model=TalentRead,
    responses=problem_responses(401, 403, 404),
)
async def get_talent(talent_id: str, uow: UowDep, _: Reader) -> TalentRead:
    """One pooled candidate (404 once consent has expired or the data was erased)."""
    return TalentRead.from_detail(await talents.get_talent(uow, talent_id=talent_id))


@router.delete(
    "/talents/{talent_id}",
    summary="Erase a person's data from the pool (consent withdrawn)",
    status_code=204,
    response_class=Response,
    responses=problem_responses(401, 403, 404),
)
async def erase_talent(
    talent_id: str,
    uow: UowDep,
    principal: HrAdmin,
    reason: Annotated[str, Query(max_length=200)] = "consent withdrawn",
) -> Response:
    """Erase profile, tags, applications, matches, invitations and reminders at once."""
    await erasure.erase_talent(uow, talent_id=talent_id, by=principal.sub, reason=reason)
    return Response(status_code=204)


@router.post(
    "/talents/{talent_id}/contacted",
    summary="Record that HR contacted the candidate; schedules the next reminder",
    response_model=ReminderRead,
    responses=problem_responses(401, 403, 404),
)
async def mark_contacted(talent_id: str, uow: UowDep, principal: Recruiter) -> ReminderRead:
    """Move the re-contact reminder on."""
    profile = await reminders.mark_contacted(uow, talent_id=talent_id, by=principal.sub)
    return ReminderRead.from_row(profile)


@router.get(
    "/reminders",
    summary="Pooled candidates due for re-contact",
    response_model=Page[ReminderRead],
    responses=problem_responses(401, 403, 422),
)
async def list_reminders(
    uow: UowDep,
    _: Reader,
    due_before: Annotated[datetime | None, Query(description="Default: now")] = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[ReminderRead]:
    """Who is due before `due_before`, earliest first."""
    page = await reminders.list_reminders(uow, due_before=due_before, limit=limit, cursor=cursor)
    return page.map(ReminderRead.from_row)


@router.get(
    "/talents/{talent_id}/development",
    summary="Courses that build the talent's gaps",
    response_model=DevelopmentRead,
    responses=problem_responses(401, 403, 404),
)
async def development(talent_id: str, uow: UowDep, _: Reader) -> DevelopmentRead:
    """Courses ranked by how many of the talent's gaps they cover."""
    result = await talents.suggest_development(uow, talent_id=talent_id)
    return DevelopmentRead.from_result(result)
