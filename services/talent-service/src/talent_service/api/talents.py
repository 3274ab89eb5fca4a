"""Talent pool endpoints: search, read, erase, reminders, development."""

from datetime import datetime
from typing import Annotated

from fastapi import Query, Response
from pydantic import BaseModel

from talent_service.api.schemas import DevelopmentRead, ReminderRead, TalentRead, TalentSummary
from talent_service.service import erasure, reminders, talents
from talentloop_shared.auth.roles import HrAdmin, Reader, Recruiter
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import api_router

router = api_router(prefix="/api/v1", tags=["talents"])
pool = Resource(
    router,
    TalentRead.from_detail,
    readers=Reader,
    writers=HrAdmin,
    item="/talents/{talent_id}",
    params={"talent_id": str},
)
recontact = Resource(
    router,
    ReminderRead.from_row,
    readers=Reader,
    writers=Recruiter,
    item="/talents/{talent_id}",
    collection="/reminders",
    params={"talent_id": str},
)


class TalentFilters(BaseModel):
    """Which pooled candidates to list."""

    skill: Annotated[str | None, Query(max_length=200, description="Has this skill")] = None
    tag: Annotated[str | None, Query(max_length=200, description="Has a tag of any kind")] = None
    q: Annotated[str | None, Query(max_length=200, description="Words in name or tags")] = None
    open_to_contact: Annotated[bool | None, Query()] = None


class ErasureQuery(BaseModel):
    """Why the person's data is erased, as the event carries it."""

    reason: Annotated[str, Query(max_length=200)] = "consent withdrawn"


class ReminderFilters(BaseModel):
    """Which re-contact reminders to list."""

    due_before: Annotated[datetime | None, Query(description="Default: now")] = None


pool.page(
    talents.search_talents,
    TalentFilters,
    read=TalentSummary.from_row,
    summary="Search the talent pool",
    description="Pooled candidates with valid consent, newest first.",
)
pool.get(
    talents.get_talent,
    summary="A pooled candidate with tags, applications and history",
    description="One pooled candidate (404 once consent has expired or the data was erased).",
)
pool.delete(
    erasure.erase_talent,
    query=ErasureQuery,
    response_class=Response,
    summary="Erase a person's data from the pool (consent withdrawn)",
    description="Erase profile, tags, applications, matches, invitations and reminders at "
    "once, and tell the other services (candidate-erased). Also for a person the pool does not "
    "hold (yet): the request is recorded and passed on; 404 only once they were erased on "
    "request.",
)
recontact.action(
    "contacted",
    reminders.mark_contacted,
    summary="Record that HR contacted the candidate; schedules the next reminder",
    description="Move the re-contact reminder on.",
    errors=(404,),
)
recontact.page(
    reminders.list_reminders,
    ReminderFilters,
    summary="Pooled candidates due for re-contact",
    description="Who is due before `due_before`, earliest first.",
)
pool.get(
    talents.suggest_development,
    path="/talents/{talent_id}/development",
    read=DevelopmentRead.from_result,
    name="development",
    summary="Courses that build the talent's gaps",
    description="Courses ranked by how many of the talent's gaps they cover.",
)
