"""What the use cases take: validated request bodies (`*Create`, `*Update`, `*Request`).

They live here, not in `api/`, so a use case never imports the HTTP layer; routers parse
the body with them and pass it on. Candidate fields are normalised by the domain's rules,
the same ones imports apply to every row of a file; education, skills and spoken languages
go through the shared vocabularies (`talentloop_shared.language`), so "本科", "BSc" and
"Bachelor's degree" are one level, "Postgres" and "PostgreSQL" one skill.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from recruiting_service.domain.applications import ApplicationStatus
from recruiting_service.domain.candidates import (
    normalise_phone,
    spoken_languages,
)
from recruiting_service.domain.policy import DEFAULT_REVIEW_MINUTES, MAX_REVIEW_MINUTES, PolicyMode
from recruiting_service.service.vocabularies import education_for_inputs
from talentloop_shared.contacts import EmailAddress
from talentloop_shared.errors import FieldInvalid
from talentloop_shared.events.payloads import Channel, Education, Recommendation
from talentloop_shared.http import RequestModel
from talentloop_shared.i18n import LocaleTag, TimeZoneName
from talentloop_shared.language import canonical_skills

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
            # pydantic puts the message against the field: the field's name is not repeated.
            raise ValueError(exc.msg) from None

    return validate


def _education(value: Any) -> Any:
    # Spellings people write ("本科", "大专", "Bachelor's degree", "MSc") become a level of
    # the ladder; null and "" are "none"; an unknown one is a 422 listing what is accepted.
    # HR's spellings (org-service's education vocabulary) too, when a request set them.
    if isinstance(value, str) or value is None:
        return field_rule(_education_level)(value)
    return value


def _education_level(value: str | None) -> str:
    return education_for_inputs().level(value)


def _skills(values: list[str]) -> list[str]:
    # Stored by the shared synonym table's key ("Postgres" → "postgresql", "数据分析" →
    # "data analysis"), so one skill is one value, whatever spelling was typed.
    return canonical_skills(values)


def _phone(value: str | None) -> str | None:
    return field_rule(normalise_phone)(value) if value else None


# One type per candidate field, constraints included, shared by create, update and imports.
Name = Annotated[str, Field(min_length=1, max_length=200)]
Email = EmailAddress
Phone = Annotated[str | None, AfterValidator(_phone)]
Locale = LocaleTag
Timezone = TimeZoneName
Experience = Annotated[float, Field(ge=0, le=70)]
# One skill, industry or language: a term, not a text (the talent pool indexes them).
Term = Annotated[str, Field(max_length=200)]
Skills = Annotated[list[Term], Field(max_length=200), AfterValidator(_skills)]
Industries = Annotated[list[Term], Field(max_length=50), AfterValidator(_skills)]
Languages = Annotated[list[Term], Field(max_length=30), AfterValidator(spoken_languages)]
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


class CandidateUpsert(CandidateUpdate):
    """A candidate by an integration's id (`PUT …/candidates/by-external-id/{id}`).

    Fields you send replace the stored ones; fields you leave out keep their value (a new
    candidate needs `name` and `email`). The same field types as create and update, so
    "本科", "Postgres" and "普通话" are accepted here too.
    """


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


# What the candidate reads: bounded as a pending decision's edit (`DecisionEdit`) is.
NoticeStrength = Annotated[str, Field(min_length=1, max_length=500)]
NoticeSuggestion = Annotated[str, Field(min_length=1, max_length=1000)]


class RejectRequest(RequestModel):
    """Reject; strengths/reasons/suggestions default to what screening and panel found."""

    reasons: list[ReasonIn] | None = Field(default=None, max_length=10)
    strengths: list[NoticeStrength] | None = Field(default=None, max_length=10)
    suggestions: list[NoticeSuggestion] | None = Field(default=None, max_length=10)
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


class DecisionPolicyUpdate(RequestModel):
    """The decision policy: when a complete panel's scorecards make a rejection, and how
    long HR has to confirm, edit or overturn it (0: at once)."""

    mode: PolicyMode = "unanimous_no_hire"
    threshold: float | None = Field(
        default=None, ge=1, le=10, description="composite_below only: reject below this"
    )
    review_minutes: int = Field(default=DEFAULT_REVIEW_MINUTES, ge=0, le=MAX_REVIEW_MINUTES)


class DecisionEdit(RequestModel):
    """HR's words for a pending policy decision; only the parts given change."""

    strengths: list[Annotated[str, Field(min_length=1, max_length=500)]] | None = Field(
        default=None, max_length=10
    )
    reasons: list[ReasonIn] | None = Field(default=None, max_length=10)
    suggestions: list[Annotated[str, Field(min_length=1, max_length=1000)]] | None = Field(
        default=None, max_length=10
    )


class OverturnRequest(RequestModel):
    """Why HR keeps the candidate in the process (kept with the decision)."""

    reason: str | None = Field(default=None, max_length=500)


class SuggestionUpdate(RequestModel):
    """The new text of a suggestion template; `{subject}` stands for the skill, industry
    or language it is about."""

    text: str = Field(min_length=1, max_length=1000)


# --- interviews and evaluations ---------------------------------------------------------


MAX_AHEAD = timedelta(days=730)
"""How far ahead an interview may be planned."""


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("must include a time zone offset (RFC 3339), e.g. 'Z'")
    # Far enough from the calendar's start that start + duration is always a time; an
    # interview may be recorded after it took place.
    if value.year < 1900:
        raise ValueError("must be a year from 1900")
    # Nobody plans an interview years ahead: 2062 for 2026 is a slip of the keyboard, and
    # the invitation would go out for it.
    if value - datetime.now(UTC) > MAX_AHEAD:
        day = value.date().isoformat()
        raise ValueError(f"is {day}, more than {MAX_AHEAD.days} days ahead: is the year right?")
    return value


def _web_link(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value.lower().startswith(("https://", "http://")) or len(value) < 12:
        raise ValueError("must be an http(s) link, e.g. 'https://meet.example.com/abc'")
    # No space, control or invisible formatting character: a right-to-left override
    # (U+202E) or a zero-width one would disguise in the invitation where the link goes.
    if any(unicodedata.category(c) in _NOT_IN_A_LINK for c in value):
        raise ValueError("must be a link without spaces, control or invisible characters")
    return value


_NOT_IN_A_LINK = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


AwareTime = Annotated[datetime, AfterValidator(_aware)]
Duration = Annotated[int, Field(ge=5, le=24 * 60, description="minutes, 5 to 1440")]
Place = Annotated[str, Field(min_length=1, max_length=300)]
VideoLink = Annotated[str, Field(max_length=1000), AfterValidator(_web_link)]
CandidateNotes = Annotated[str, Field(max_length=2000)]
MemberId = Annotated[str, Field(min_length=1, max_length=200)]
DepartmentId = Annotated[str, Field(min_length=1, max_length=100)]
MAX_PANEL = 10


class PanelMemberIn(RequestModel):
    """A panel member and, when it is not the interview's or their own org unit, the
    department whose dimensions they score."""

    person_id: MemberId = Field(description="a person id of the staff directory (or its subject)")
    department_id: DepartmentId | None = None


PanelEntry = MemberId | PanelMemberIn


def _members(panel: list[PanelEntry] | None) -> list[PanelMemberIn] | None:
    if panel is None:
        return None
    members = [m if isinstance(m, PanelMemberIn) else PanelMemberIn(person_id=m) for m in panel]
    seen = [m.person_id for m in members]
    twice = sorted({m for m in seen if seen.count(m) > 1})
    if twice:
        raise ValueError(f"panel names {', '.join(twice)} more than once")
    return members


class InterviewCreate(RequestModel):
    """Plan an interview: when, where (a place or a video link), who sits on the panel,
    and what the candidate should know. Each panel member scores the dimensions of their
    department: the one given for them, else the interview's `department_id`, else their
    own org unit in the staff directory.

    `interviewer_id` + `scheduled_at` (one interviewer) still work: a panel of one.
    """

    panel: list[PanelEntry] | None = Field(
        default=None,
        min_length=1,
        max_length=MAX_PANEL,
        description="person ids of the staff directory, or {person_id, department_id}",
    )
    interviewer_id: MemberId | None = Field(default=None, description="a panel of one")
    department_id: DepartmentId | None = None
    start: AwareTime | None = None
    scheduled_at: AwareTime | None = Field(default=None, description="the same as `start`")
    duration_minutes: Duration = 60
    location: Place | None = None
    video_url: VideoLink | None = None
    notes_for_candidate: CandidateNotes | None = None
    allow_overlap: bool = Field(
        default=False, description="book panel members who already have an interview then"
    )

    @model_validator(mode="after")
    def _complete(self) -> InterviewCreate:
        if (self.panel is None) == (self.interviewer_id is None):
            raise ValueError("give either panel (person ids) or interviewer_id (a panel of one)")
        if self.start is not None and self.scheduled_at is not None:
            if self.start != self.scheduled_at:
                raise ValueError("start and scheduled_at name the same time; give one")
        if self.start is None and self.scheduled_at is None:
            raise ValueError("give start (when the interview begins)")
        _members(self.panel)
        return self

    @property
    def begins(self) -> datetime:
        """When the interview starts."""
        begins = self.start or self.scheduled_at
        assert begins is not None  # checked above
        return begins

    @property
    def members(self) -> list[PanelMemberIn]:
        """The panel, one entry per member, in the order given."""
        if self.interviewer_id is not None:
            return [PanelMemberIn(person_id=self.interviewer_id)]
        return _members(self.panel) or []


class InterviewUpdate(RequestModel):
    """Reschedule: only the fields given change (null clears location, video link or
    notes). Members who already submitted their scorecard stay on the panel."""

    start: AwareTime | None = None
    duration_minutes: Duration | None = None
    location: Place | None = None
    video_url: VideoLink | None = None
    notes_for_candidate: CandidateNotes | None = None
    panel: list[PanelEntry] | None = Field(default=None, min_length=1, max_length=MAX_PANEL)
    department_id: DepartmentId | None = None
    allow_overlap: bool = False

    @model_validator(mode="after")
    def _valid(self) -> InterviewUpdate:
        for required in ("start", "duration_minutes", "panel"):
            if required in self.model_fields_set and getattr(self, required) is None:
                raise ValueError(f"{required} cannot be null")
        _members(self.panel)
        return self

    @property
    def members(self) -> list[PanelMemberIn] | None:
        """The new panel, if one was given."""
        return _members(self.panel)


class InterviewCancel(RequestModel):
    """Why the interview is cancelled (the candidate and the panel are told)."""

    reason: str | None = Field(default=None, max_length=500)


def _not_a_boolean(value: Any) -> Any:
    # JSON `true` is an integer to pydantic (1, the lowest score) and `false` a 0.
    if isinstance(value, bool):
        raise ValueError("must be a whole number from 1 to 10, not true or false")
    return value


class ScoreIn(RequestModel):
    """One dimension's score (1–10) and an optional comment."""

    dimension: str = Field(min_length=1, max_length=100)
    score: Annotated[int, BeforeValidator(_not_a_boolean)] = Field(ge=1, le=10)
    comment: str | None = Field(default=None, max_length=2000)


ScorecardRemark = Annotated[str, Field(min_length=1, max_length=500)]


class EvaluationCreate(RequestModel):
    """A scorecard: exactly the interview's dimensions, each 1–10."""

    scores: list[ScoreIn] = Field(min_length=1, max_length=50)
    # Each is copied into evaluation-submitted and into the notice drafted for the candidate.
    strengths: list[ScorecardRemark] = Field(default_factory=list, max_length=20)
    concerns: list[ScorecardRemark] = Field(default_factory=list, max_length=20)
    recommendation: Recommendation
    interviewer_id: MemberId | None = Field(
        default=None,
        description="the panel member this scorecard is for (default: the caller's seat); "
        "hr_admin may submit for any member",
    )
