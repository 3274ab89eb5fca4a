"""Typed payloads (`data`) of every event, exactly as in EVENTS.md.

Consumers accept every payload the contract allows and ignore unknown extra fields
(contracts grow by adding optional fields), so models use `extra="ignore"`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar, Literal

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
# The education ladder, lowest first: none < secondary (高中/中专) < associate (大专) <
# bachelor < master < phd. A requirement of a level is met by that level or any above it
# (`talentloop_shared.language.vocabulary.meets`, whose `EDUCATION_LADDER` is this list).
# `secondary` and `associate` were added later (issue 19): additive, so consumers that only
# know the other four keep working with them.
Education = Literal["none", "secondary", "associate", "bachelor", "master", "phd"]
# Texts in several languages, by canonical locale tag: {"en": "…", "zh-CN": "…"}.
Translations = dict[str, str]


class PersonRef(Payload):
    """A staff member as other services need them: to address, alert or invite."""

    id: str
    name: str
    email: str | None = None
    locale: str = "en"
    timezone: str = "UTC"
    subject: str | None = None  # the JWT `sub` that signs in as them


class PositionOwners(Payload):
    """Who answers for a position's hiring: its recruiter and its hiring manager."""

    recruiter: PersonRef | None = None
    hiring_manager: PersonRef | None = None


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
    names: Translations = Field(default_factory=dict)  # `name` in other languages


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
    code: str | None = None  # the ERP's own key, when the position came in by code
    titles: Translations = Field(default_factory=dict)  # `title` in other languages
    owners: PositionOwners = Field(default_factory=PositionOwners)


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


Background = Literal["campus", "experienced", "career_change"]


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
    background: Background | None = None


class PositionRef(Payload):
    id: str
    version: int | None = None
    title: str
    job_family: str = "general"
    org_unit_name: str | None = None
    titles: Translations = Field(default_factory=dict)
    owners: PositionOwners | None = None


class Reason(Payload):
    code: str
    text: str


class Scorecard(Payload):
    composite: float | None = None
    dimensions: dict[str, float] = Field(default_factory=dict)
    # How close the candidate came: "close" (composite ≥ 6.5) or "far"; None unscored.
    band: Literal["close", "far"] | None = None


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
    # "May we contact you about future roles?": yes, no, or None when left unanswered.
    open_to_future_roles: bool | None = None
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


# --- wave 2: people, interviews, decisions, hires, matches, courses ---------------------


class PersonSnapshot(Payload):
    """A staff member of the directory, whole."""

    id: str
    version: int
    external_code: str | None = None
    name: str
    email: str | None = None
    phone: str | None = None
    locale: str = "en"
    timezone: str = "UTC"
    org_unit_id: str | None = None
    manager_id: str | None = None
    subject: str | None = None
    active: bool = True


class PersonChanged(Payload):
    """org-service: a staff member was created, changed, deactivated or reactivated."""

    EVENT_TYPE: ClassVar[str] = "person-changed"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("org-service",)

    change: Literal["created", "updated", "deactivated", "reactivated"]
    changed_fields: list[str] = Field(default_factory=list)
    person: PersonSnapshot


class Attendee(Payload):
    """Someone invited to an interview, with what an invitation needs to reach them."""

    person_id: str | None = None
    name: str
    email: str | None = None
    locale: str = "en"
    timezone: str = "UTC"


class InterviewDetails(Payload):
    """Everything needed to invite people to an interview without another lookup."""

    interview_id: str
    application_id: str
    # Raised by one on every change (RFC 5545 SEQUENCE); the calendar UID is stable.
    sequence: int = 0
    start: datetime
    duration_minutes: int = Field(ge=5, le=24 * 60)
    location: str | None = None
    video_url: str | None = None
    notes_for_candidate: str | None = None
    candidate: Attendee
    panel: list[Attendee] = Field(default_factory=list)
    position: PositionRef
    organizer: PersonRef | None = None


class InterviewScheduled(InterviewDetails):
    """recruiting-service: an interview was scheduled."""

    EVENT_TYPE: ClassVar[str] = "interview-scheduled"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("recruiting-service",)


class InterviewRescheduled(InterviewDetails):
    """recruiting-service: an interview moved, or its panel or place changed."""

    EVENT_TYPE: ClassVar[str] = "interview-rescheduled"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("recruiting-service",)

    previous_start: datetime | None = None
    # Panel members no longer invited (they get a cancellation).
    removed: list[Attendee] = Field(default_factory=list)


class InterviewCancelled(InterviewDetails):
    """recruiting-service: an interview was cancelled."""

    EVENT_TYPE: ClassVar[str] = "interview-cancelled"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("recruiting-service",)

    reason: str | None = None


class Gap(Payload):
    """A dimension where a candidate or new hire fell short, in the panel's words."""

    dimension: str
    name: str | None = None
    score: float | None = None
    text: str | None = None


class CandidateHired(Payload):
    """recruiting-service: an application ended in a hire."""

    EVENT_TYPE: ClassVar[str] = "candidate-hired"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("recruiting-service",)

    application_id: str
    hired_at: datetime
    decided_by: str
    candidate: CandidateInfo
    position: PositionRef
    scorecard: Scorecard | None = None
    gaps: list[Gap] = Field(default_factory=list)


DecisionMode = Literal["unanimous_no_hire", "majority_no_hire", "composite_below"]


class DecisionPending(Payload):
    """recruiting-service: a policy will reject an application at `decides_at` unless HR acts.

    HR can confirm, edit or overturn the decision until then.
    """

    EVENT_TYPE: ClassVar[str] = "decision-pending"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("recruiting-service",)

    application_id: str
    decides_at: datetime
    mode: DecisionMode
    # Whom the decision is about: an erasure of the candidate finds the alerts that name
    # them by it (absent from events published before it was added).
    candidate_id: str | None = None
    candidate_name: str
    position: PositionRef
    strengths: list[str] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    scorecard: Scorecard | None = None


class MatchSummary(Payload):
    talent_id: str
    name: str
    score: float
    explanation: str


class MatchesFound(Payload):
    """talent-service: a new or changed opening matches people in the pool."""

    EVENT_TYPE: ClassVar[str] = "matches-found"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("talent-service",)

    position: PositionRef
    count: int = Field(ge=1)
    top: list[MatchSummary] = Field(default_factory=list)


class DueTalent(Payload):
    """One pooled person due for re-contact, as HR needs them in a digest: no contact data."""

    talent_id: str
    name: str
    due_since: datetime
    last_contacted_at: datetime | None = None
    open_to_contact: bool = False
    # Why they are worth a call: their strongest tags (strengths first, then skills).
    tags: list[str] = Field(default_factory=list)
    last_position: str | None = None


class RecontactDue(Payload):
    """talent-service: the daily digest of re-contact reminders due (published once a day,
    only when at least one is due); `top` names the earliest due, at most 20."""

    EVENT_TYPE: ClassVar[str] = "recontact-due"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("talent-service",)

    day: date
    timezone: str
    count: int = Field(ge=1)
    top: list[DueTalent] = Field(default_factory=list, max_length=20)


class CourseInfo(Payload):
    id: str
    title: str
    provider: str | None = None
    url: str | None = None
    skills: list[str] = Field(default_factory=list)
    locales: list[str] = Field(default_factory=list)
    active: bool = True


class CourseChanged(Payload):
    """talent-service: a course of the catalogue was created, changed or withdrawn."""

    EVENT_TYPE: ClassVar[str] = "course-changed"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("talent-service",)

    change: Literal["created", "updated", "withdrawn"]
    version: int = 1
    course: CourseInfo


# --- vocabulary-changed -----------------------------------------------------------------

VocabularyKind = Literal["skills", "education"]


class VocabularyChanged(Payload):
    """org-service: HR changed a vocabulary (skills synonyms or education spellings).

    A skill's aliases and labels per locale, or the spellings of an education level.
    `table` is the whole custom table of that kind at `version`, so a consumer needs no
    lookup and one that missed events converges on the latest: for skills
    `SkillVocabulary.to_json()` (HR's entries over the shipped table; rebuild with
    `SkillVocabulary.from_json`), for education `{"schema": "talentloop.education/1",
    "aliases": {level: [spelling, …]}}` (`education_from_json`). `version` rises by one
    with every change of that kind; a consumer keeps the highest it saw and ignores an
    event at or below it (out of order or replayed). `key` is the entry changed.
    """

    EVENT_TYPE: ClassVar[str] = "vocabulary-changed"
    PUBLISHED_BY: ClassVar[tuple[str, ...]] = ("org-service",)

    kind: VocabularyKind
    version: int = Field(ge=1)
    change: Literal["upserted", "deleted"]
    key: str
    table: dict[str, Any]
