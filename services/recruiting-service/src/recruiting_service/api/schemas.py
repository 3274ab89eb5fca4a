"""Request and response models of the recruiting API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from recruiting_service.domain.candidates import (
    normalise_education,
    normalise_email,
    normalise_languages,
    normalise_locale,
    normalise_phone,
    normalise_skills,
    validate_timezone,
)
from recruiting_service.domain.decisions import ApplicationStatus
from talentloop_shared.events.payloads import (
    Channel,
    Education,
    EvaluationScheme,
    OrgUnitRef,
    Recommendation,
    Requirements,
    Stage,
)
from talentloop_shared.http import RequestModel

# --- openings ---------------------------------------------------------------------------


class OpeningRead(BaseModel):
    """The local copy of a position, as org-service last published it."""

    model_config = ConfigDict(from_attributes=True)

    position_id: uuid.UUID
    version: int
    title: str
    status: Literal["open", "closed"]
    headcount: int
    job_family: str
    org_unit: OrgUnitRef
    location: str | None
    responsibilities: list[str]
    requirements: Requirements
    evaluation_scheme: EvaluationScheme
    last_change: str
    updated_at: datetime


# --- candidates -------------------------------------------------------------------------


def _opt(fn: Any, value: Any) -> Any:
    return None if value is None else fn(value)


class _CandidateFields(RequestModel):
    """Validation shared by create, update and imports (the domain normalises)."""

    @field_validator("email", check_fields=False)
    @classmethod
    def _email(cls, v: str | None) -> str | None:
        return _opt(normalise_email, v)

    @field_validator("phone", check_fields=False)
    @classmethod
    def _phone(cls, v: str | None) -> str | None:
        return normalise_phone(v) if v else None

    @field_validator("locale", check_fields=False)
    @classmethod
    def _locale(cls, v: str | None) -> str | None:
        return _opt(normalise_locale, v)

    @field_validator("timezone", check_fields=False)
    @classmethod
    def _timezone(cls, v: str | None) -> str | None:
        return _opt(validate_timezone, v)

    @field_validator("skills", "industries", check_fields=False)
    @classmethod
    def _skills(cls, v: list[str] | None) -> list[str] | None:
        return _opt(normalise_skills, v)

    @field_validator("languages", check_fields=False)
    @classmethod
    def _languages(cls, v: list[str] | None) -> list[str] | None:
        return _opt(normalise_languages, v)

    @field_validator("education", mode="before", check_fields=False)
    @classmethod
    def _education(cls, v: Any) -> Any:
        return normalise_education(v) if isinstance(v, str) or v is None else v


class CandidateCreate(_CandidateFields):
    """A new candidate; email is the unique key (normalised to lower case)."""

    name: str = Field(min_length=1, max_length=200)
    email: str = Field(max_length=320)
    phone: str | None = Field(default=None, description="any format; stored as E.164")
    locale: str = Field(default="en", description="BCP 47, e.g. 'zh-CN', 'en'")
    timezone: str = Field(default="UTC", description="IANA, e.g. 'Asia/Shanghai'")
    years_experience: float | None = Field(default=None, ge=0, le=70)
    skills: list[str] = Field(default_factory=list, max_length=200)
    industries: list[str] = Field(default_factory=list, max_length=50)
    education: Education = "none"
    languages: list[str] = Field(default_factory=list, max_length=30)
    talent_pool_consent: bool = False


class CandidateUpdate(_CandidateFields):
    """A partial update: only the fields given change."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = None
    locale: str | None = None
    timezone: str | None = None
    years_experience: float | None = Field(default=None, ge=0, le=70)
    skills: list[str] | None = Field(default=None, max_length=200)
    industries: list[str] | None = Field(default=None, max_length=50)
    education: Education | None = None
    languages: list[str] | None = Field(default=None, max_length=30)
    talent_pool_consent: bool | None = None


class CandidateRead(BaseModel):
    """A candidate."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    email: str | None
    phone: str | None
    locale: str
    timezone: str
    years_experience: float | None
    skills: list[str]
    industries: list[str]
    education: str
    languages: list[str]
    talent_pool_consent: bool
    version: int
    created_at: datetime
    updated_at: datetime
    erased_at: datetime | None = Field(
        default=None,
        description="when the person's data was erased on their request; null unless erased",
    )


# --- applications -----------------------------------------------------------------------


class ApplicationCreate(RequestModel):
    """Apply a candidate to an open opening; screened at once."""

    candidate_id: uuid.UUID
    position_id: uuid.UUID
    source: str = Field(default="direct", min_length=1, max_length=50)


class UnmetRead(BaseModel):
    """A requirement the candidate does not meet."""

    requirement: str
    expected: Any
    actual: Any


class ScreeningRead(BaseModel):
    """The latest screening of an application, naming each unmet requirement."""

    passed: bool
    score: int
    unmet: list[UnmetRead]
    position_version: int


class FlagRead(BaseModel):
    """Something HR should review (e.g. the requirements changed after screening)."""

    code: Literal["requirements_changed", "position_closed"]
    detail: str
    position_version: int
    at: datetime


class StatusChangeRead(BaseModel):
    """One line of the status history: from, to, why, who, when."""

    from_status: str | None
    to_status: str
    reason: str
    by: str
    at: datetime


class ReasonIn(RequestModel):
    """A reason of a rejection, as the candidate will read it."""

    code: str = Field(min_length=1, max_length=100)
    text: str = Field(min_length=1, max_length=500)


class ReasonRead(BaseModel):
    code: str
    text: str


class NotifyIn(RequestModel):
    """How notify-service should tell the candidate (null delay: its configured default)."""

    send: bool = True
    channels: list[Channel] = Field(default_factory=lambda: list[Channel](["email"]), min_length=1)
    delay_minutes: int | None = Field(default=None, ge=0, le=60 * 24 * 30)


class ScorecardSummary(BaseModel):
    composite: float | None = None
    dimensions: dict[str, float] = Field(default_factory=dict)


class RejectionRead(BaseModel):
    """What the rejection notice will say, and how it is sent."""

    stage: Stage
    decided_by: str
    rejected_at: datetime
    strengths: list[str]
    reasons: list[ReasonRead]
    suggestions: list[str]
    scorecard: ScorecardSummary | None
    notify: dict[str, Any]


class ApplicationSummary(BaseModel):
    """An application in a list."""

    id: uuid.UUID
    candidate_id: uuid.UUID
    position_id: uuid.UUID
    source: str
    status: ApplicationStatus
    screening: ScreeningRead
    flags: list[FlagRead]
    created_at: datetime
    updated_at: datetime


class ApplicationRead(ApplicationSummary):
    """An application with its history, allowed moves and decision."""

    allowed_actions: list[str]
    history: list[StatusChangeRead]
    rejection: RejectionRead | None = None


class TransitionRequest(RequestModel):
    """Why the application moves (kept in the history)."""

    reason: str | None = Field(default=None, max_length=500)


class RejectRequest(RequestModel):
    """Reject; strengths/reasons/suggestions default to what screening and panel found."""

    reasons: list[ReasonIn] | None = Field(default=None, max_length=10)
    strengths: list[str] | None = Field(default=None, max_length=10)
    suggestions: list[str] | None = Field(default=None, max_length=10)
    notify: NotifyIn | None = None


class BulkRejectRequest(RejectRequest):
    """Reject many: by `application_ids`, or by `position_id` + `status`."""

    application_ids: list[uuid.UUID] | None = Field(default=None, min_length=1, max_length=500)
    position_id: uuid.UUID | None = None
    status: ApplicationStatus | None = None

    @model_validator(mode="after")
    def _one_selection(self) -> BulkRejectRequest:
        by_ids = self.application_ids is not None
        by_position = self.position_id is not None or self.status is not None
        if by_ids == by_position:
            raise ValueError("give either application_ids, or position_id and status")
        if by_position and (self.position_id is None or self.status is None):
            raise ValueError("position_id and status go together")
        return self


class BulkRejectOutcome(BaseModel):
    application_id: uuid.UUID
    outcome: Literal["rejected", "not_found", "conflict"]
    detail: str | None = None


class BulkRejectResult(BaseModel):
    """Per-application outcome of a bulk rejection."""

    rejected: int
    failed: int
    items: list[BulkRejectOutcome]


# --- interviews and evaluations ---------------------------------------------------------


class InterviewCreate(RequestModel):
    """Plan an interview; the department decides which dimensions it scores."""

    interviewer_id: str = Field(min_length=1, max_length=200)
    department_id: str = Field(min_length=1, max_length=100)
    scheduled_at: datetime

    @field_validator("scheduled_at")
    @classmethod
    def _aware(cls, v: datetime) -> datetime:
        if v.tzinfo is None:
            raise ValueError("must include a time zone offset (RFC 3339), e.g. 'Z'")
        return v


class DimensionRead(BaseModel):
    key: str
    name: str
    weight: float


class ScoreIn(RequestModel):
    dimension: str = Field(min_length=1, max_length=100)
    score: int = Field(ge=1, le=10)
    comment: str | None = Field(default=None, max_length=2000)


class ScoreRead(BaseModel):
    dimension: str
    score: int
    comment: str | None = None


class EvaluationCreate(RequestModel):
    """A scorecard: exactly the interview's dimensions, each 1–10."""

    scores: list[ScoreIn] = Field(min_length=1, max_length=50)
    strengths: list[str] = Field(default_factory=list, max_length=20)
    concerns: list[str] = Field(default_factory=list, max_length=20)
    recommendation: Recommendation


class EvaluationRead(BaseModel):
    """A submitted scorecard."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    interview_id: uuid.UUID
    application_id: uuid.UUID
    interviewer_id: str
    department_id: str
    scores: list[ScoreRead]
    strengths: list[str]
    concerns: list[str]
    recommendation: Recommendation
    submitted_by: str
    submitted_at: datetime


class InterviewRead(BaseModel):
    """An interview and, once submitted, its evaluation."""

    id: uuid.UUID
    application_id: uuid.UUID
    interviewer_id: str
    department_id: str
    scheduled_at: datetime
    dimensions: list[DimensionRead]
    evaluation: EvaluationRead | None
    created_at: datetime


class ScorecardRead(BaseModel):
    """The panel's view: weighted composite, dimension means, consistency (0–1)."""

    application_id: uuid.UUID
    composite: float | None
    dimensions: dict[str, float]
    consistency: float | None
    evaluations: list[EvaluationRead]


class CalibrationRead(BaseModel):
    """How an interviewer scores compared with co-panelists (positive: higher)."""

    interviewer_id: str
    mean_deviation: float | None
    count: int


# --- suggestions ------------------------------------------------------------------------


class SuggestionRead(BaseModel):
    """A suggestion template by reason code or dimension key and locale; `{subject}` is
    filled in with the skill, industry or language."""

    model_config = ConfigDict(from_attributes=True)

    code: str
    locale: str = Field(description="BCP 47; a reader gets their locale, language, then 'en'")
    text: str
    updated_by: str
    updated_at: datetime


class SuggestionUpdate(RequestModel):
    text: str = Field(min_length=1, max_length=1000)


# --- imports ----------------------------------------------------------------------------


class ImportProblem(BaseModel):
    row: int
    column: str | None
    msg: str


class ImportRowOutcome(BaseModel):
    row: int
    email: str
    action: Literal["create", "update", "unchanged"]
    changed_fields: list[str] = Field(default_factory=list)


class Reconciliation(BaseModel):
    """Counts before and after (projected for a dry run) and whether they balance."""

    candidates_before: int
    candidates_after: int
    expected_after: int
    balanced: bool


class ImportReport(BaseModel):
    """Validation report (dry run) or reconciliation report (real run)."""

    kind: Literal["candidates"]
    dry_run: bool
    applied: bool
    rows: int
    valid_rows: int
    created: int
    updated: int
    unchanged: int
    problems: list[ImportProblem]
    outcomes: list[ImportRowOutcome]
    reconciliation: Reconciliation
