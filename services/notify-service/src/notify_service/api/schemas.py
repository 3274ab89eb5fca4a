"""Request and response models of the notify-service API."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from talentloop_shared.http import RequestModel

Kind = Literal["rejection", "invitation"]
ChannelName = Literal["email", "sms"]
StageKey = Literal["screening", "interview", "offer", "*"]
NoticeStatus = Literal["scheduled", "pending_review", "sending", "sent", "failed", "cancelled"]


class _Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# --- templates ----------------------------------------------------------------------------


class TemplateCreate(RequestModel):
    """A new template in the library."""

    name: str | None = Field(default=None, max_length=200)
    kind: Kind
    job_family: str = Field(default="*", min_length=1, max_length=80)
    stage: StageKey = "*"
    locale: str = Field(
        min_length=2, max_length=20, pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$"
    )
    channel: ChannelName
    subject: str | None = Field(default=None, max_length=500)
    body: str = Field(min_length=1, max_length=20000)

    @field_validator("job_family")
    @classmethod
    def _lower(cls, v: str) -> str:
        return v.strip().lower()


class TemplateUpdate(RequestModel):
    """Changes to a template; each PATCH that changes text creates a new version."""

    name: str | None = Field(default=None, max_length=200)
    subject: str | None = Field(default=None, max_length=500)
    body: str | None = Field(default=None, min_length=1, max_length=20000)


class TemplateRead(_Read):
    """A template with its current version."""

    id: uuid.UUID
    name: str
    kind: str
    job_family: str
    stage: str
    locale: str
    channel: str
    subject: str | None
    body: str
    version: int
    created_at: datetime
    updated_at: datetime
    updated_by: str


class TemplateVersionRead(_Read):
    """One past or current version of a template."""

    template_id: uuid.UUID
    version: int
    name: str
    subject: str | None
    body: str
    created_at: datetime
    created_by: str


class TemplatePreviewRequest(RequestModel):
    """What to render: the saved template (or unsaved `subject`/`body`) against a payload."""

    payload: dict[str, Any] | None = Field(
        default=None,
        description="A candidate-rejected (or talent-invited) shaped payload; omitted → sample",
    )
    subject: str | None = Field(default=None, max_length=500)
    body: str | None = Field(default=None, min_length=1, max_length=20000)


class FlagRead(BaseModel):
    """A phrase the compliance guard flagged."""

    category: str
    phrase: str
    excerpt: str
    source: str


class TemplatePreview(BaseModel):
    """A rendered preview."""

    subject: str | None
    text: str
    html: str | None
    flags: list[FlagRead]


# --- settings -----------------------------------------------------------------------------


class QuietHours(BaseModel):
    """The candidate's local night: no notice is sent from `start` to `end`."""

    model_config = ConfigDict(extra="forbid")

    start: time = time(21, 0)
    end: time = time(8, 0)


class NoticeSettingsUpdate(RequestModel):
    """All notice settings (PUT replaces them; an omitted field takes its default)."""

    default_delay_minutes: int = Field(default=120, ge=0, le=60 * 24 * 14)
    quiet_hours: QuietHours = Field(default_factory=QuietHours)
    cc_hr: EmailStr | None = None
    review_required: bool = False
    company_name: str = Field(default="Talentloop", min_length=1, max_length=200)
    survey_expiry_days: int = Field(default=30, ge=1, le=365)


class NoticeSettingsRead(BaseModel):
    """The notice settings."""

    default_delay_minutes: int
    quiet_hours: QuietHours
    cc_hr: str | None
    review_required: bool
    company_name: str
    survey_expiry_days: int
    updated_at: datetime
    updated_by: str


# --- notifications ------------------------------------------------------------------------


class DeliveryAttemptRead(_Read):
    """One delivery attempt."""

    attempt: int
    started_at: datetime
    finished_at: datetime
    outcome: str
    error: str | None
    provider_reference: str | None


class NotificationRead(_Read):
    """A notice: where it stands, what it says, which template made it."""

    id: uuid.UUID
    kind: str
    status: NoticeStatus
    status_reason: str | None
    channel: str
    recipient: str | None
    cc: str | None
    application_id: str | None
    invitation_id: str | None
    candidate_id: str
    position_id: str | None
    job_family: str | None
    stage: str | None
    locale: str
    timezone: str
    template_id: uuid.UUID | None
    template_version: int | None
    template_name: str | None
    subject: str | None
    body_text: str | None
    body_html: str | None
    flags: list[dict[str, Any]]
    occurred_at: datetime
    send_at: datetime | None
    sent_at: datetime | None
    attempts: int
    last_error: str | None
    message_id: str | None
    reviewed_by: str | None
    created_at: datetime
    updated_at: datetime


class NotificationDetail(NotificationRead):
    """A notice with its delivery attempts."""

    delivery_attempts: list[DeliveryAttemptRead] = Field(default_factory=list)


# --- surveys and feedback -----------------------------------------------------------------


class SurveyAnswer(RequestModel):
    """A candidate's answers: 1–5 ratings (each optional), a comment, future roles."""

    tone: int | None = Field(default=None, ge=1, le=5)
    detail: int | None = Field(default=None, ge=1, le=5)
    timeliness: int | None = Field(default=None, ge=1, le=5)
    helpfulness: int | None = Field(default=None, ge=1, le=5)
    comment: str | None = Field(default=None, max_length=4000)
    open_to_future_roles: bool = False


class SurveyReceipt(BaseModel):
    """The answer was recorded."""

    notification_id: uuid.UUID
    answered_at: datetime
    times_answered: int


class GroupSummaryRead(BaseModel):
    """Survey results for one group."""

    group: str
    label: str | None = None
    notices_sent: int
    responses: int
    response_rate: float | None
    mean_ratings: dict[str, float | None]
    share_satisfied: float | None
    share_open_to_future_roles: float | None
    median_minutes_to_send: float | None


class FeedbackSummaryRead(BaseModel):
    """Per-group survey results and the overall figures."""

    group_by: str
    groups: list[GroupSummaryRead]
    overall: GroupSummaryRead
