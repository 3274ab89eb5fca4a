"""Response models of the talent-service API, each built from what a use case returns.

Request bodies are the use cases' inputs (`service/inputs.py`).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Self

from pydantic import BaseModel, Field

from talent_service.db.models import (
    Course,
    DevelopmentPlan,
    Invitation,
    Position,
    TalentProfile,
)
from talent_service.service.matching import BulkInvitation, MatchListing, MatchRow
from talent_service.service.talents import Development, TalentDetail
from talentloop_shared.models import from_attributes

# --- talents -----------------------------------------------------------------------------


class TagRead(BaseModel):
    """A tag and the event that produced it."""

    kind: str
    value: str
    source: str


class TalentSummary(BaseModel):
    """A pooled candidate in a search result."""

    id: str
    name: str
    email: str | None
    locale: str
    timezone: str
    years_experience: float | None
    skills: list[str]
    strengths: list[str]
    gaps: list[str]
    industries: list[str]
    open_to_contact: bool
    consent_expires_at: datetime
    next_contact_at: datetime
    hired_at: datetime | None = Field(description="Hired since: out of matching")
    declined_contact_at: datetime | None = Field(
        description='When the candidate answered the survey "not open to future roles": out '
        'of matching, invitations and re-contact reminders until a later "yes"'
    )
    created_at: datetime

    @classmethod
    def from_row(cls, profile: TalentProfile) -> Self:
        """The search result of a profile."""
        return from_attributes(cls, profile)


class ApplicationRead(BaseModel):
    """An application of the candidate, as reported by its rejection."""

    application_id: str
    position_id: str
    position_title: str
    job_family: str
    stage: str
    composite: float | None
    rejected_at: datetime


class HistoryEntryRead(BaseModel):
    """Something that happened to the pooled candidate."""

    at: datetime
    action: str
    detail: str
    actor: str | None


class TalentRead(TalentSummary):
    """A pooled candidate with contact, tags, applications and history."""

    phone: str | None
    consented_at: datetime
    last_contacted_at: datetime | None
    tags: list[TagRead]
    applications: list[ApplicationRead]
    history: list[HistoryEntryRead]

    @classmethod
    def from_detail(cls, detail: TalentDetail) -> Self:
        """A profile with its tags, applications and history."""
        return from_attributes(
            cls,
            detail.profile,
            tags=[TagRead(kind=t.kind, value=t.value, source=t.source) for t in detail.tags],
            applications=[
                ApplicationRead.model_validate(a, from_attributes=True) for a in detail.applications
            ],
            history=[
                HistoryEntryRead.model_validate(h, from_attributes=True) for h in detail.history
            ],
        )


class ReminderRead(BaseModel):
    """Who is due for re-contact and how to reach them."""

    talent_id: str
    name: str
    email: str | None
    phone: str | None
    locale: str
    timezone: str
    next_contact_at: datetime
    last_contacted_at: datetime | None
    open_to_contact: bool

    @classmethod
    def from_row(cls, profile: TalentProfile) -> Self:
        """The reminder of a profile."""
        return from_attributes(cls, profile, talent_id=profile.id)


# --- matches -----------------------------------------------------------------------------


class PositionSummary(BaseModel):
    """The local copy of the position the matches are for."""

    id: str
    version: int
    title: str
    status: str
    scored_at: datetime | None

    @classmethod
    def from_row(cls, position: Position) -> Self:
        """The summary of the local position copy."""
        return from_attributes(cls, position)


class MatchRead(BaseModel):
    """A pooled candidate's fit to an opening."""

    id: uuid.UUID
    position_id: str
    position_version: int
    talent_id: str
    name: str
    years_experience: float | None
    score: int = Field(ge=0, le=100)
    explanation: str
    matched_required: list[str]
    missing_required: list[str]
    strength_tags: list[str]
    open_to_contact: bool
    invited_at: datetime | None
    invitation_id: uuid.UUID | None

    @classmethod
    def from_row(cls, row: MatchRow) -> Self:
        """A match with its candidate's name, experience and contact wish."""
        profile = row.profile
        return from_attributes(
            cls,
            row.match,
            talent_id=row.match.profile_id,
            name=profile.name,
            years_experience=profile.years_experience,
            open_to_contact=profile.open_to_contact,
            invitation_id=row.invitation_id,
        )


class MatchPage(BaseModel):
    """A page of ranked matches with counts over all of the position's matches."""

    position: PositionSummary
    items: list[MatchRead]
    next_cursor: str | None
    total: int
    strength_counts: dict[str, int] = Field(
        description="Matches per matched strength tag, most common first"
    )

    @classmethod
    def from_listing(cls, listing: MatchListing) -> Self:
        """One page of a position's matches with the counts over all of them."""
        return cls(
            position=PositionSummary.from_row(listing.position),
            items=[MatchRead.from_row(r) for r in listing.page.items],
            next_cursor=listing.page.next_cursor,
            total=listing.total,
            strength_counts=listing.strength_counts,
        )


class InvitationRead(BaseModel):
    """An invitation sent to a matched candidate."""

    id: uuid.UUID
    match_id: uuid.UUID
    talent_id: str
    position_id: str
    invited_by: str
    invited_at: datetime
    message: str | None

    @classmethod
    def from_row(cls, invitation: Invitation) -> Self:
        """An invitation as the API names its fields."""
        return from_attributes(cls, invitation, talent_id=invitation.profile_id)


class SkippedMatch(BaseModel):
    """A match the bulk invitation left out, and why."""

    match_id: uuid.UUID
    reason: str


class BulkInvitationRead(BaseModel):
    """What a one-step invitation did."""

    invited: list[InvitationRead]
    skipped: list[SkippedMatch]

    @classmethod
    def from_result(cls, result: BulkInvitation) -> Self:
        """Who was invited and who was skipped, with the reason."""
        return cls(
            invited=[InvitationRead.from_row(i) for i in result.invited],
            skipped=[SkippedMatch(match_id=m, reason=r) for m, r in result.skipped],
        )


# --- courses -----------------------------------------------------------------------------


class _CourseFacts(BaseModel):
    """What a course is: its title, where it is taken, the skills it builds."""

    id: uuid.UUID
    version: int
    title: str
    provider: str
    url: str
    skills: list[str]
    locales: list[str]


class CourseRead(_CourseFacts):
    """A course of the catalogue (its ETag is its version)."""

    active: bool = Field(description="False once withdrawn")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_row(cls, course: Course) -> Self:
        """A course of the catalogue."""
        return cls.model_validate(course, from_attributes=True)


class CourseSuggestionRead(BaseModel):
    """A course and the talent's gaps it covers."""

    course: CourseRead
    covers: list[str]


class DevelopmentRead(BaseModel):
    """Courses for a talent's gaps, most gaps covered first."""

    talent_id: str
    gaps: list[str]
    suggestions: list[CourseSuggestionRead]

    @classmethod
    def from_result(cls, result: Development) -> Self:
        """The talent's gaps and the courses that cover them."""
        return cls(
            talent_id=result.profile.id,
            gaps=list(result.profile.gaps),
            suggestions=[
                CourseSuggestionRead(
                    course=CourseRead.from_row(result.catalogue[s.course.id]), covers=list(s.covers)
                )
                for s in result.suggestions
            ],
        )


# --- development plans -------------------------------------------------------------------


class PlanCourseRead(_CourseFacts):
    """A course as the plan recorded it."""


class PlanItemRead(BaseModel):
    """A course of the plan and the gaps (dimension keys) it covers."""

    course: PlanCourseRead
    covers: list[str]


class PlanGapRead(BaseModel):
    """A gap from the scorecard and the plan's courses that cover it (none: nothing fits)."""

    dimension: str
    name: str | None
    score: float | None
    text: str | None
    course_ids: list[uuid.UUID]


class PlanPositionRead(BaseModel):
    """The position hired for."""

    id: str
    version: int | None = None
    title: str
    job_family: str = "general"
    org_unit_name: str | None = None


class DevelopmentPlanRead(BaseModel):
    """A new hire's development plan: the scorecard's gaps and courses that cover them."""

    id: uuid.UUID
    person_id: str
    application_id: str
    name: str
    locale: str
    position: PlanPositionRead
    hired_at: datetime
    decided_by: str
    gaps: list[PlanGapRead]
    courses: list[PlanItemRead] = Field(description="Most gaps covered first")
    created_at: datetime

    @classmethod
    def from_row(cls, plan: DevelopmentPlan) -> Self:
        """The plan as stored when the hire was reported."""
        return from_attributes(cls, plan)
