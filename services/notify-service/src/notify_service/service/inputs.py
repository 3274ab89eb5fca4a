"""What the use cases take from a request: typed inputs (the routers parse them)."""

from __future__ import annotations

from datetime import datetime, time
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from notify_service.domain.templates.contexts import TemplateKind
from talentloop_shared.contacts import EmailAddress
from talentloop_shared.events.payloads import (
    CandidateInfo,
    CandidateRejected,
    NotifyRequest,
    PositionRef,
    Reason,
    Scorecard,
    Stage,
)
from talentloop_shared.http import BLANK_IS_NONE, RequestModel
from talentloop_shared.i18n import LocaleTag, TimeZoneName

ChannelName = Literal["email", "sms"]
StageKey = Literal["screening", "interview", "offer", "*"]
BandKey = Literal["close", "far", "*"]
BackgroundKey = Literal["campus", "experienced", "career_change", "*"]
NoticeStatus = Literal[
    "scheduled", "pending_review", "sending", "sent", "failed", "unknown", "cancelled"
]
"""`unknown`: it may have gone out (connection lost after it was handed over); HR resends."""

_TEXT = 20000  # longest template body HR may save


class TemplateCreate(RequestModel):
    """A new template in the library."""

    name: str | None = Field(default=None, max_length=200)
    kind: TemplateKind
    job_family: str = Field(default="*", min_length=1, max_length=80)
    stage: StageKey = "*"
    band: BandKey = Field(
        default="*",
        description="How close the candidate came (the scorecard's band): `close`, `far`, "
        "or `*` for any (and for candidates without a scorecard)",
    )
    background: BackgroundKey = Field(
        default="*",
        description="The candidate's background: `campus`, `experienced`, `career_change`, "
        "or `*` for any",
    )
    locale: LocaleTag
    channel: ChannelName
    subject: str | None = Field(default=None, max_length=500)
    body: str = Field(min_length=1, max_length=_TEXT)

    @field_validator("job_family")
    @classmethod
    def _lower(cls, v: str) -> str:
        return v.strip().lower()


class TemplateUpdate(RequestModel):
    """Changes to a template; each PATCH that changes text creates a new version."""

    name: str | None = Field(default=None, max_length=200)
    subject: str | None = Field(default=None, max_length=500)
    body: str | None = Field(default=None, min_length=1, max_length=_TEXT)
    shipped_reviewed: bool = Field(
        default=False,
        description=(
            "HR compared this template with the shipped text (GET …/shipped) and keeps "
            "what it now says: clears shipped_changed until a release ships another text"
        ),
    )
    shipped_digest: str | None = Field(
        default=None,
        max_length=64,
        description=(
            "With shipped_reviewed: the digest of the shipped text HR compared (GET …/shipped); "
            "409 if a release has shipped another one since"
        ),
    )


class NoticeEdit(RequestModel):
    """HR's rewording of a notice held for review (what is not given stays). A survey link
    shown hidden (`/survey/[hidden]`) is put back as the candidate's own link."""

    subject: str | None = Field(default=None, min_length=1, max_length=500)
    body_text: str | None = Field(default=None, min_length=1, max_length=_TEXT)


class TemplatePreviewRequest(RequestModel):
    """What to render: the saved template (or unsaved `subject`/`body`) against a payload."""

    payload: dict[str, Any] | None = Field(
        default=None,
        description=(
            "A candidate-rejected (talent-invited, interview-*) shaped payload; omitted → "
            "sample. An interview template is previewed as the candidate's email."
        ),
    )
    subject: str | None = Field(default=None, max_length=500)
    body: str | None = Field(default=None, min_length=1, max_length=_TEXT)


class QuietHours(BaseModel):
    """The candidate's local night: no notice is sent from `start` to `end`."""

    model_config = ConfigDict(extra="forbid")

    start: time = time(21, 0)
    end: time = time(8, 0)


class NoticeSettingsUpdate(RequestModel):
    """All notice settings (PUT replaces them; an omitted field takes its default)."""

    default_delay_minutes: int = Field(default=120, ge=0, le=60 * 24 * 14)
    quiet_hours: QuietHours = Field(default_factory=QuietHours)
    cc_hr: EmailAddress | None = None
    review_required: bool = False
    company_name: str = Field(default="Talentloop", min_length=1, max_length=200)
    survey_expiry_days: int = Field(default=30, ge=1, le=365)
    hr_alert_email: EmailAddress | None = Field(
        default=None,
        description="Where alerts for HR go (digests, templates to review, a position with "
        "no owner to tell); null: the deployment's NOTIFY_HR_ALERT_EMAIL",
    )
    hr_alert_locale: Annotated[LocaleTag | None, BLANK_IS_NONE] = Field(
        default=None, description="Their language; null: the deployment's"
    )
    hr_alert_timezone: Annotated[TimeZoneName | None, BLANK_IS_NONE] = Field(
        default=None, description="Their IANA time zone; null: the deployment's"
    )


class RejectionNoticePreviewRequest(RequestModel):
    """The fields of a `candidate-rejected` that decide its notice: who, which position,
    at which stage, what HR wrote, how close the panel's scores came, and over which
    channels. The notice is previewed as if the rejection happened now."""

    candidate: CandidateInfo
    position: PositionRef
    stage: Stage = "interview"
    strengths: list[str] = Field(default_factory=list, max_length=10)
    reasons: list[Reason] = Field(default_factory=list, max_length=10)
    suggestions: list[str] = Field(default_factory=list, max_length=10)
    scorecard: Scorecard | None = None
    notify: NotifyRequest = Field(default_factory=NotifyRequest)

    def as_event(self, *, by: str, at: datetime) -> CandidateRejected:
        """The `candidate-rejected` payload these fields stand for."""
        return CandidateRejected(
            application_id="preview",
            rejected_at=at,
            decided_by=by,
            **self.model_dump(),
        )
