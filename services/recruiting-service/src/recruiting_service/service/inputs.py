"""What the use cases take: validated request bodies (`*Create`, `*Update`, `*Request`).

They live here, not in `api/`, so a use case never imports the HTTP layer; routers parse
the body with them and pass it on. Candidate fields are normalised by the domain's rules,
the same ones imports apply to every row of a file.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BeforeValidator, Field, field_validator, model_validator

from recruiting_service.domain.applications import ApplicationStatus
from recruiting_service.domain.candidates import (
    normalise_education,
    normalise_email,
    normalise_languages,
    normalise_phone,
    normalise_skills,
    validate_timezone,
)
from talentloop_shared.errors import FieldInvalid
from talentloop_shared.events.payloads import Channel, Education, Recommendation
from talentloop_shared.http import RequestModel
from talentloop_shared.i18n import canonical_locale

A = TypeVar("A")
R = TypeVar("R")


def field_rule(rule: Callable[[A], R]) -> Callable[[A], R]:
    """A domain rule as a pydantic validator.

    The domain raises `FieldInvalid`; pydantic reports a validator's `ValueError` against
    the field it validates, next to every other error in the same body (or import row).
    """

    def validate(value: A) -> R:
        try:
            return rule(value)
        except FieldInvalid as exc:
            raise ValueError(str(exc)) from None

    return validate


def _education(value: Any) -> Any:
    # Spellings people write ("Bachelor's degree", "MSc") become a level; null is "none".
    if isinstance(value, str) or value is None:
        return field_rule(normalise_education)(value)
    return value


def _phone(value: str | None) -> str | None:
    return field_rule(normalise_phone)(value) if value else None


# One type per candidate field, constraints included, shared by create, update and imports.
Name = Annotated[str, Field(min_length=1, max_length=200)]
Email = Annotated[str, Field(max_length=320), AfterValidator(field_rule(normalise_email))]
Phone = Annotated[str | None, AfterValidator(_phone)]
Locale = Annotated[str, AfterValidator(field_rule(canonical_locale))]
Timezone = Annotated[str, AfterValidator(field_rule(validate_timezone))]
Experience = Annotated[float, Field(ge=0, le=70)]
Skills = Annotated[list[str], Field(max_length=200), AfterValidator(normalise_skills)]
Industries = Annotated[list[str], Field(max_length=50), AfterValidator(normalise_skills)]
Languages = Annotated[list[str], Field(max_length=30), AfterValidator(normalise_languages)]
EducationLevel = Annotated[Education, BeforeValidator(_education)]

# --- candidates -------------------------------------------------------------------------


class CandidateCreate(RequestModel):
    """A new candidate; email is the unique key (normalised to lower case)."""

    name: Name
    email: Email
    phone: Phone = Field(default=None, description="any format; stored as E.164")
    locale: Locale = Field(default="en", description="BCP 47, e.g. 'zh-CN', 'en'")
    timezone: Timezone = Field(default="UTC", description="IANA, e.g. 'Asia/Shanghai'")
    years_experience: Experience | None = None
    skills: Skills = Field(default_factory=list)
    industries: Industries = Field(default_factory=list)
    education: EducationLevel = "none"
    languages: Languages = Field(default_factory=list)
    talent_pool_consent: bool = False


class CandidateUpdate(RequestModel):
    """A partial update: only the fields given change."""

    name: Name | None = None
    email: Email | None = None
    phone: Phone = None
    locale: Locale | None = None
    timezone: Timezone | None = None
    years_experience: Experience | None = None
    skills: Skills | None = None
    industries: Industries | None = None
    # null means "none" here too (as on create); every other null is refused.
    education: Annotated[Education | None, BeforeValidator(_education)] = None
    languages: Languages | None = None
    talent_pool_consent: bool | None = None


# --- applications and decisions ---------------------------------------------------------


class ApplicationCreate(RequestModel):
    """Apply a candidate to an open opening; screened at once."""

    candidate_id: uuid.UUID
    position_id: uuid.UUID
    source: str = Field(default="direct", min_length=1, max_length=50)


class TransitionRequest(RequestModel):
    """Why the application moves (kept in the history)."""

    reason: str | None = Field(default=None, max_length=500)


class ReasonIn(RequestModel):
    """A reason of a rejection, as the candidate will read it."""

    code: str = Field(min_length=1, max_length=100)
    text: str = Field(min_length=1, max_length=500)


class NotifyIn(RequestModel):
    """How notify-service should tell the candidate (null delay: its configured default)."""

    send: bool = True
    channels: list[Channel] = Field(default_factory=lambda: list[Channel](["email"]), min_length=1)
    delay_minutes: int | None = Field(default=None, ge=0, le=60 * 24 * 30)


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


class SuggestionUpdate(RequestModel):
    """The new text of a suggestion template; `{subject}` stands for the skill, industry
    or language it is about."""

    text: str = Field(min_length=1, max_length=1000)


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


class ScoreIn(RequestModel):
    """One dimension's score (1–10) and an optional comment."""

    dimension: str = Field(min_length=1, max_length=100)
    score: int = Field(ge=1, le=10)
    comment: str | None = Field(default=None, max_length=2000)


class EvaluationCreate(RequestModel):
    """A scorecard: exactly the interview's dimensions, each 1–10."""

    scores: list[ScoreIn] = Field(min_length=1, max_length=50)
    strengths: list[str] = Field(default_factory=list, max_length=20)
    concerns: list[str] = Field(default_factory=list, max_length=20)
    recommendation: Recommendation
