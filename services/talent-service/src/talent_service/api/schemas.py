"""Request and response models of the talent-service API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AnyHttpUrl, BaseModel, Field, StringConstraints, model_validator

from talentloop_shared.http import RequestModel

ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


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
    created_at: datetime


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


# --- matches -----------------------------------------------------------------------------


class PositionSummary(BaseModel):
    """The local copy of the position the matches are for."""

    id: str
    version: int
    title: str
    status: str
    scored_at: datetime | None


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


class MatchPage(BaseModel):
    """A page of ranked matches with counts over all of the position's matches."""

    position: PositionSummary
    items: list[MatchRead]
    next_cursor: str | None
    total: int
    strength_counts: dict[str, int] = Field(
        description="Matches per matched strength tag, most common first"
    )


class InvitationCreate(RequestModel):
    """An optional personal message for the invitation."""

    message: Annotated[str, StringConstraints(max_length=4000)] | None = None


class InvitationRead(BaseModel):
    """An invitation sent to a matched candidate."""

    id: uuid.UUID
    match_id: uuid.UUID
    talent_id: str
    position_id: str
    invited_by: str
    invited_at: datetime
    message: str | None


class BulkInvitationCreate(RequestModel):
    """Invite several matches: by ids, or every uninvited match from a minimum score."""

    match_ids: list[uuid.UUID] | None = Field(default=None, min_length=1, max_length=500)
    min_score: int | None = Field(default=None, ge=0, le=100)
    limit: int = Field(default=100, ge=1, le=500, description="At most this many by min_score")
    message: Annotated[str, StringConstraints(max_length=4000)] | None = None

    @model_validator(mode="after")
    def _one_selector(self) -> BulkInvitationCreate:
        if (self.match_ids is None) == (self.min_score is None):
            raise ValueError("give either match_ids or min_score")
        return self


class SkippedMatch(BaseModel):
    """A match the bulk invitation left out, and why."""

    match_id: uuid.UUID
    reason: str


class BulkInvitationRead(BaseModel):
    """What a one-step invitation did."""

    invited: list[InvitationRead]
    skipped: list[SkippedMatch]


# --- courses -----------------------------------------------------------------------------


class CourseCreate(RequestModel):
    """A training course and the skills or scorecard dimensions it builds."""

    title: ShortText
    provider: ShortText
    url: AnyHttpUrl
    skills: list[ShortText] = Field(min_length=1, max_length=50)


class CourseRead(BaseModel):
    """A course of the catalogue."""

    id: uuid.UUID
    title: str
    provider: str
    url: str
    skills: list[str]
    created_at: datetime


class CourseSuggestionRead(BaseModel):
    """A course and the talent's gaps it covers."""

    course: CourseRead
    covers: list[str]


class DevelopmentRead(BaseModel):
    """Courses for a talent's gaps, most gaps covered first."""

    talent_id: str
    gaps: list[str]
    suggestions: list[CourseSuggestionRead]
