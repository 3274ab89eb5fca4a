"""Talent pool endpoints: search, read, erase, reminders, development."""

from datetime import datetime
from typing import Annotated

from fastapi import Query, Response

from talent_service.api.deps import Actor, Admin, PolicyDep, Reader
from talent_service.api.schemas import (
    ApplicationRead,
    CourseRead,
    CourseSuggestionRead,
    DevelopmentRead,
    HistoryEntryRead,
    ReminderRead,
    TagRead,
    TalentRead,
    TalentSummary,
)
from talent_service.db.models import TalentProfile
from talent_service.service import pool, talents
from talentloop_shared.events.envelope import utcnow
from talentloop_shared.http import Page, problem_responses
from talentloop_shared.http.pagination import CursorQuery, LimitQuery
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["talents"])


def _summary(p: TalentProfile) -> TalentSummary:
    return TalentSummary.model_validate(p, from_attributes=True)


def _reminder(p: TalentProfile) -> ReminderRead:
    return ReminderRead(
        talent_id=p.id,
        name=p.name,
        email=p.email,
        phone=p.phone,
        locale=p.locale,
        timezone=p.timezone,
        next_contact_at=p.next_contact_at,
        last_contacted_at=p.last_contacted_at,
        open_to_contact=p.open_to_contact,
    )


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
    rows, next_cursor = await talents.search_talents(
        uow,
        skill=skill,
        tag=tag,
        q=q,
        open_to_contact=open_to_contact,
        limit=limit,
        cursor=cursor,
        now=utcnow(),
    )
    return Page[TalentSummary](items=[_summary(p) for p in rows], next_cursor=next_cursor)


@router.get(
    "/talents/{talent_id}",
    summary="A pooled candidate with tags, applications and history",
    response_model=TalentRead,
    responses=problem_responses(401, 403, 404),
)
async def get_talent(talent_id: str, uow: UowDep, _: Reader) -> TalentRead:
    """One pooled candidate (404 once consent has expired or the data was erased)."""
    detail = await talents.get_talent(uow, talent_id=talent_id, now=utcnow())
    p = detail.profile
    return TalentRead(
        **_summary(p).model_dump(),
        phone=p.phone,
        consented_at=p.consented_at,
        last_contacted_at=p.last_contacted_at,
        tags=[TagRead(kind=t.kind, value=t.value, source=t.source) for t in detail.tags],
        applications=[
            ApplicationRead.model_validate(a, from_attributes=True) for a in detail.applications
        ],
        history=[HistoryEntryRead.model_validate(h, from_attributes=True) for h in detail.history],
    )


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
    principal: Admin,
    reason: Annotated[str, Query(max_length=200)] = "consent withdrawn",
) -> Response:
    """Erase profile, tags, applications, matches, invitations and reminders at once."""
    await pool.erase_talent(uow, talent_id=talent_id, by=principal.sub, reason=reason, now=utcnow())
    return Response(status_code=204)


@router.post(
    "/talents/{talent_id}/contacted",
    summary="Record that HR contacted the candidate; schedules the next reminder",
    response_model=ReminderRead,
    responses=problem_responses(401, 403, 404),
)
async def mark_contacted(
    talent_id: str, uow: UowDep, principal: Actor, policy: PolicyDep
) -> ReminderRead:
    """Move the re-contact reminder on."""
    profile = await pool.mark_contacted(
        uow, talent_id=talent_id, by=principal.sub, policy=policy, now=utcnow()
    )
    return _reminder(profile)


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
    now = utcnow()
    rows, next_cursor = await talents.list_reminders(
        uow, due_before=due_before or now, limit=limit, cursor=cursor, now=now
    )
    return Page[ReminderRead](items=[_reminder(p) for p in rows], next_cursor=next_cursor)


@router.get(
    "/talents/{talent_id}/development",
    summary="Courses that build the talent's gaps",
    response_model=DevelopmentRead,
    responses=problem_responses(401, 403, 404),
)
async def development(talent_id: str, uow: UowDep, _: Reader) -> DevelopmentRead:
    """Courses ranked by how many of the talent's gaps they cover."""
    result = await talents.suggest_development(uow, talent_id=talent_id, now=utcnow())
    return DevelopmentRead(
        talent_id=result.profile.id,
        gaps=list(result.profile.gaps),
        suggestions=[
            CourseSuggestionRead(
                course=CourseRead.model_validate(
                    result.catalogue[s.course.id], from_attributes=True
                ),
                covers=list(s.covers),
            )
            for s in result.suggestions
        ],
    )
