"""Response models of the notify-service API (request models: `service/inputs.py`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Self

from pydantic import BaseModel, ConfigDict, Field

from notify_service.db.models import NoticeSettings, Notification
from notify_service.domain.survey import GroupSummary, hide_survey_links
from notify_service.service.inputs import NoticeStatus, QuietHours
from notify_service.service.notice_reads import NoticeRecord
from notify_service.service.templates import TemplatePreviewResult
from talentloop_shared.models import from_attributes


class _Read(BaseModel):
    model_config = ConfigDict(from_attributes=True)


# --- templates ----------------------------------------------------------------------------


class TemplateRead(_Read):
    """A template with its current version."""

    id: uuid.UUID
    name: str
    kind: str
    job_family: str
    stage: str
    band: str
    background: str
    locale: str
    channel: str
    subject: str | None
    body: str
    version: int
    created_at: datetime
    updated_at: datetime
    updated_by: str
    shipped_changed: bool = Field(
        description=(
            "HR edited this template and the release now ships a different text for its "
            "key: compare (GET …/shipped), then adopt it or keep yours (PATCH with "
            "shipped_reviewed)"
        )
    )
    has_shipped_text: bool = Field(
        description="The release ships a text for this key (GET …/shipped reads it)"
    )


class ShippedTemplateRead(_Read):
    """The text this release ships for a template's key."""

    subject: str | None
    body: str
    changed: bool = Field(
        description="It differs from the shipped text this template was last set against"
    )
    digest: str = Field(
        description="Fingerprint of this text: send it as shipped_digest when keeping yours"
    )


class TemplateVersionRead(_Read):
    """One past or current version of a template."""

    template_id: uuid.UUID
    version: int
    name: str
    subject: str | None
    body: str
    created_at: datetime
    created_by: str


class FlagRead(BaseModel):
    """A phrase the compliance guard flagged, or one the phrasing step could not fit into
    the notice (category `phrasing`, with `why` in the notice's language)."""

    category: str
    phrase: str
    excerpt: str
    source: str
    why: str | None = None


class TemplatePreview(BaseModel):
    """A rendered preview."""

    subject: str | None
    text: str
    html: str | None
    flags: list[FlagRead]

    @classmethod
    def from_result(cls, result: TemplatePreviewResult) -> TemplatePreview:
        """The preview of a rendered template."""
        r = result.rendered
        flags = [FlagRead.model_validate(f) for f in result.flags]
        return cls(subject=r.subject, text=r.text, html=r.html, flags=flags)


# --- settings -----------------------------------------------------------------------------


class NoticeSettingsRead(BaseModel):
    """The notice settings."""

    default_delay_minutes: int
    quiet_hours: QuietHours
    cc_hr: str | None
    review_required: bool
    company_name: str
    survey_expiry_days: int
    hr_alert_email: str | None
    hr_alert_locale: str | None
    hr_alert_timezone: str | None
    updated_at: datetime
    updated_by: str

    @classmethod
    def from_row(cls, row: NoticeSettings) -> NoticeSettingsRead:
        """The settings row as the API shows it (quiet hours as one object)."""
        quiet_hours = QuietHours(start=row.quiet_start, end=row.quiet_end)
        return from_attributes(cls, row, quiet_hours=quiet_hours)


# --- notifications ------------------------------------------------------------------------


class DeliveryAttemptRead(_Read):
    """One delivery attempt."""

    attempt: int
    started_at: datetime
    finished_at: datetime
    outcome: str
    error: str | None
    provider_reference: str | None


class SurveyStatusRead(BaseModel):
    """A notice's survey as staff see it: whether it went out and was answered. Never the
    link: its token lets whoever holds it answer in the candidate's name."""

    included: bool = Field(description="The notice carries a survey link")
    sent: bool = Field(description="The notice with the link went out")
    answered: bool
    answered_at: datetime | None = Field(description="The candidate's latest answer")


class NotificationRead(_Read):
    """A notice: where it stands, what it says (survey links hidden), which template made it,
    and whether its survey was sent and answered."""

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
    survey: SurveyStatusRead

    @classmethod
    def for_staff(cls, record: NoticeRecord) -> Self:
        """The notice as staff read it: survey links in its text hidden, survey status."""
        notice = record.notice
        data = {name: getattr(notice, name) for name in cls.model_fields if hasattr(notice, name)}
        for name in ("subject", "body_text", "body_html"):
            if data[name]:
                data[name] = hide_survey_links(data[name])
        data["flags"] = [
            {**f, "excerpt": hide_survey_links(f["excerpt"])} if f.get("excerpt") else f
            for f in notice.flags
        ]
        included = notice.survey_url is not None
        data["survey"] = SurveyStatusRead(
            included=included,
            sent=included and notice.status == "sent",
            answered=record.survey_answered_at is not None,
            answered_at=record.survey_answered_at,
        )
        return cls.model_validate(data)


class NotificationDetail(NotificationRead):
    """A notice with its delivery attempts."""

    delivery_attempts: list[DeliveryAttemptRead] = Field(default_factory=list)

    @classmethod
    def for_staff(cls, record: NoticeRecord) -> Self:
        """The notice as staff read it, with its delivery attempts."""
        detail = super().for_staff(record)
        detail.delivery_attempts = [DeliveryAttemptRead.model_validate(a) for a in record.attempts]
        return detail


# --- surveys and feedback -----------------------------------------------------------------


class SurveyReceipt(_Read):
    """The answer was recorded."""

    notification_id: uuid.UUID
    answered_at: datetime
    times_answered: int


class FeedbackSummaryRead(BaseModel):
    """Per-group survey results and the overall figures."""

    group_by: str
    groups: list[GroupSummary]
    overall: GroupSummary


# --- previews of notices not written yet --------------------------------------------------


class NoticePreviewRead(BaseModel):
    """A notice as it would be written now for these fields: the template notify would
    choose, the rendered text (survey links hidden, as staff read notices), and whether
    it would be scheduled or held for review, and why."""

    channel: str
    locale: str
    recipient: str | None
    template_id: uuid.UUID | None
    template_name: str | None
    template_version: int | None
    subject: str | None
    body_text: str | None
    body_html: str | None
    status: NoticeStatus
    status_reason: str | None
    last_error: str | None
    send_at: datetime | None
    flags: list[FlagRead]

    @classmethod
    def from_notice(cls, notice: Notification) -> Self:
        """The preview of an unsaved notice."""
        return from_attributes(
            cls,
            notice,
            subject=notice.subject and hide_survey_links(notice.subject),
            body_text=notice.body_text and hide_survey_links(notice.body_text),
            body_html=notice.body_html and hide_survey_links(notice.body_html),
            flags=[
                FlagRead.model_validate(
                    {**f, "excerpt": hide_survey_links(f["excerpt"])} if f.get("excerpt") else f
                )
                for f in notice.flags
            ],
        )
