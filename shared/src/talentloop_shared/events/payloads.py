"""Typed payloads (`data`) of every event, exactly as in EVENTS.md.

Consumers accept every payload the contract allows and ignore unknown extra fields
(contracts grow by adding optional fields), so models use `extra="ignore"`.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field


class Payload(BaseModel):
    """Base for event payloads: tolerant of additive fields."""

    model_config = ConfigDict(extra="ignore")

    EVENT_TYPE: ClassVar[str] = ""
    # The services allowed to publish this type (EVENTS.md); a consumer parks an event of
    # this type from any other `source` in its DLQ.
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ()


# --- position-changed -------------------------------------------------------------------

PositionChange = Literal["created", "updated", "closed", "reopened", "moved"]
Education = Literal["none", "bachelor", "master", "phd"]


class OrgUnitRef(Payload):
    id: str
    name: str
    path: list[str] = Field(default_factory=list)


class Requirements(Payload):
    min_years_experience: float = 0
    required_skills: list[str] = Field(default_factory=list)
    preferred_skills: list[str] = Field(default_factory=list)
    industries: list[str] = Field(default_factory=list)
    education: Education = "none"
    languages: list[str] = Field(default_factory=list)


class Dimension(Payload):
    key: str
    name: str
    weight: float
    department_id: str | None = None


class EvaluationScheme(Payload):
    dimensions: list[Dimension] = Field(default_factory=list)


class PositionSnapshot(Payload):
    id: str
    version: int
    title: str
    status: Literal["open", "closed"]
    headcount: int = 1
    job_family: str = "general"
    org_unit: OrgUnitRef
    reports_to_position_id: str | None = None
    location: str | None = None
    responsibilities: list[str] = Field(default_factory=list)
    requirements: Requirements = Field(default_factory=Requirements)
    evaluation_scheme: EvaluationScheme = Field(default_factory=EvaluationScheme)


class PositionChanged(Payload):
    """org-service: a position was created, edited, opened/closed or moved."""

    EVENT_TYPE: ClassVar[str] = "position-changed"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("org-service",)

    change: PositionChange
    changed_fields: list[str] = Field(default_factory=list)
    position: PositionSnapshot


# --- evaluation-submitted ---------------------------------------------------------------

Recommendation = Literal["strong_hire", "hire", "no_hire", "strong_no_hire"]


class Interviewer(Payload):
    id: str
    department_id: str | None = None


class DimensionScore(Payload):
    dimension: str
    score: int = Field(ge=1, le=10)
    comment: str | None = None


class EvaluationSubmitted(Payload):
    """recruiting-service: an interviewer submitted a scorecard."""

    EVENT_TYPE: ClassVar[str] = "evaluation-submitted"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("recruiting-service",)

    evaluation_id: str
    interview_id: str
    application_id: str
    candidate_id: str
    position_id: str
    interviewer: Interviewer
    scores: list[DimensionScore] = Field(default_factory=list)
    strengths: list[str] = Field(default_factory=list)
    concerns: list[str] = Field(default_factory=list)
    recommendation: Recommendation
    submitted_at: datetime


# --- candidate-rejected -----------------------------------------------------------------

Stage = Literal["screening", "interview", "offer"]
Channel = Literal["email", "sms"]


class CandidateInfo(Payload):
    id: str
    name: str
    email: str | None = None
    phone: str | None = None
    locale: str = "en"
    timezone: str = "UTC"
    talent_pool_consent: bool = False
    skills: list[str] = Field(default_factory=list)
    years_experience: float | None = None
    industries: list[str] = Field(default_factory=list)


class PositionRef(Payload):
    id: str
    version: int | None = None
    title: str
    job_family: str = "general"
    org_unit_name: str | None = None


class Reason(Payload):
    code: str
    text: str


class Scorecard(Payload):
    composite: float | None = None
    dimensions: dict[str, float] = Field(default_factory=dict)


class NotifyRequest(Payload):
    send: bool = True
    channels: list[Channel] = Field(default_factory=lambda: list[Channel](["email"]))
    delay_minutes: int | None = Field(default=None, ge=0)


class CandidateRejected(Payload):
    """recruiting-service: HR or the panel rejected an application."""

    EVENT_TYPE: ClassVar[str] = "candidate-rejected"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("recruiting-service",)

    application_id: str
    rejected_at: datetime
    stage: Stage
    decided_by: str
    candidate: CandidateInfo
    position: PositionRef
    strengths: list[str] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    scorecard: Scorecard | None = None
    notify: NotifyRequest = Field(default_factory=NotifyRequest)


# --- further events ---------------------------------------------------------------------


class FeedbackReceived(Payload):
    """notify-service: a candidate answered the survey of a notice."""

    EVENT_TYPE: ClassVar[str] = "feedback-received"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("notify-service",)

    notification_id: str
    application_id: str
    candidate_id: str
    position_id: str | None = None
    job_family: str | None = None
    stage: str | None = None
    ratings: dict[str, int] = Field(default_factory=dict)
    comment: str | None = None
    open_to_future_roles: bool = False
    answered_at: datetime


class TalentInvited(Payload):
    """talent-service: HR invited a pooled candidate to a new opening."""

    EVENT_TYPE: ClassVar[str] = "talent-invited"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("talent-service",)

    invitation_id: str
    match_id: str
    invited_by: str
    invited_at: datetime
    candidate: CandidateInfo
    position: PositionRef
    message: str | None = None
    explanation: str | None = None


class CandidateErased(Payload):
    """any service: a candidate's personal data must be erased everywhere."""

    EVENT_TYPE: ClassVar[str] = "candidate-erased"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("recruiting-service", "talent-service")

    candidate_id: str
    erased_at: datetime
    reason: str | None = None
