"""notify-service tables."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from talentloop_shared.db import NAMING_CONVENTION


class Base(DeclarativeBase):
    """Base of notify-service's tables, with its own metadata: the service owns its schema."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


JsonType = JSON().with_variant(JSONB(), "postgresql")
# JSON whose Python None is SQL NULL (not the JSON value null), so `IS NULL` finds it.
NullableJsonType = JSON(none_as_null=True).with_variant(JSONB(none_as_null=True), "postgresql")


class NoticeTemplate(Base):
    """A template in the library; `subject`/`body` are those of the current `version`."""

    __tablename__ = "templates"
    __table_args__ = (
        UniqueConstraint(
            "kind",
            "job_family",
            "stage",
            "band",
            "background",
            "locale",
            "channel",
            name="uq_templates_key",
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    job_family: Mapped[str] = mapped_column(String(80))
    stage: Mapped[str] = mapped_column(String(20))
    # How close the candidate came ("close"/"far") and their background ("campus",
    # "experienced", "career_change"); "*" = any (see domain.templates.selection).
    band: Mapped[str] = mapped_column(String(20), default="*", server_default="*")
    background: Mapped[str] = mapped_column(String(20), default="*", server_default="*")
    locale: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_by: Mapped[str] = mapped_column(String(200), default="system")
    # The shipped text (its `domain.text_digest`) this template was last set against: as
    # seeded or followed, or as HR last reviewed it. None: a company's own template, or a
    # row from before it was kept (the seeder fills it in from the versions).
    shipped_digest: Mapped[str | None] = mapped_column(String(64))
    # HR edited this template and the release ships a different text for its key since:
    # HR should compare (GET …/shipped) and adopt it or keep theirs (`shipped_reviewed`).
    shipped_changed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    @property
    def has_shipped_text(self) -> bool:
        """The release ships a text for this template's key (seeded from it, reviewed
        against it, or newly shipped for a key HR had written first)."""
        return self.shipped_digest is not None or self.shipped_changed


class TemplateVersion(Base):
    """Every version a template ever had; notices point at the one they were rendered from."""

    __tablename__ = "template_versions"

    template_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("templates.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    created_by: Mapped[str] = mapped_column(String(200), default="system")


class NoticeSettings(Base):
    """HR's notice settings: a single row (id 1)."""

    __tablename__ = "notice_settings"

    id: Mapped[int] = mapped_column(SmallInteger, primary_key=True, default=1)
    default_delay_minutes: Mapped[int] = mapped_column(Integer, default=120)
    quiet_start: Mapped[time] = mapped_column(Time, default=time(21, 0))
    quiet_end: Mapped[time] = mapped_column(Time, default=time(8, 0))
    cc_hr: Mapped[str | None] = mapped_column(String(320))
    review_required: Mapped[bool] = mapped_column(Boolean, default=False)
    company_name: Mapped[str] = mapped_column(String(200), default="Talentloop")
    survey_expiry_days: Mapped[int] = mapped_column(Integer, default=30)
    # Where alerts for HR go, and how that reader reads them; None: the deployment's
    # NOTIFY_HR_ALERT_* (`service.settings.hr_alert_reader`).
    hr_alert_email: Mapped[str | None] = mapped_column(String(320))
    hr_alert_locale: Mapped[str | None] = mapped_column(String(20))
    hr_alert_timezone: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_by: Mapped[str] = mapped_column(String(200), default="system")


class Notification(Base):
    """One notice to one person over one channel: a rejection or an invitation to the
    candidate, or an interview email (invitation, update, cancellation, reminder) to the
    candidate or a panel member; `candidate_id` is always the candidate it is about."""

    __tablename__ = "notifications"
    __table_args__ = (
        # One notice per event, channel and part, whatever the inbox says (belt and braces).
        # `part` tells apart the several notices one event writes on a channel (an
        # interview's candidate, each panel member, each reminder); "" for the others.
        UniqueConstraint(
            "source_event_id", "channel", "part", name="uq_notifications_event_channel_part"
        ),
        Index("ix_notifications_due", "send_at", postgresql_where="status = 'scheduled'"),
        Index("ix_notifications_application", "application_id"),
        Index("ix_notifications_candidate", "candidate_id"),
        # HR's list of notices, newest first, whole or by status: read a page from an index
        # instead of sorting every notice (17 ms at 6,000 notices, and linear beyond).
        Index("ix_notifications_created", "created_at", "id"),
        Index("ix_notifications_status_created", "status", "created_at", "id"),
        Index("ix_notifications_interview", "interview_id"),
        # The feedback dashboard for a period: that period's notices of a kind, by when each
        # was sent (or decided, where it was answered but never recorded as sent).
        Index("ix_notifications_kind_moment", "kind", text("coalesce(sent_at, occurred_at)")),
    )

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(40))
    source_event_id: Mapped[str] = mapped_column(String(100))
    application_id: Mapped[str | None] = mapped_column(String(100))
    invitation_id: Mapped[str | None] = mapped_column(String(100))
    interview_id: Mapped[str | None] = mapped_column(String(100))
    part: Mapped[str] = mapped_column(String(200), default="", server_default="")
    candidate_id: Mapped[str] = mapped_column(String(100))
    position_id: Mapped[str | None] = mapped_column(String(100))
    job_family: Mapped[str | None] = mapped_column(String(80))
    stage: Mapped[str | None] = mapped_column(String(20))
    locale: Mapped[str] = mapped_column(String(20))
    timezone: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(10))
    recipient: Mapped[str | None] = mapped_column(String(320))
    cc: Mapped[str | None] = mapped_column(String(320))
    status: Mapped[str] = mapped_column(String(20))
    status_reason: Mapped[str | None] = mapped_column(Text)
    template_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    template_version: Mapped[int | None] = mapped_column(Integer)
    template_name: Mapped[str | None] = mapped_column(String(200))
    subject: Mapped[str | None] = mapped_column(Text)
    body_text: Mapped[str | None] = mapped_column(Text)
    body_html: Mapped[str | None] = mapped_column(Text)
    survey_url: Mapped[str | None] = mapped_column(Text)
    # An interview email's iCalendar part (RFC 5545) and its iTIP method (REQUEST, CANCEL).
    calendar: Mapped[str | None] = mapped_column(Text)
    calendar_method: Mapped[str | None] = mapped_column(String(10))
    # The values a provider-approved SMS template takes ({"name", "position", "survey_link"}).
    params: Mapped[dict[str, Any] | None] = mapped_column(NullableJsonType)
    flags: Mapped[list[dict[str, Any]]] = mapped_column(JsonType, default=list)
    occurred_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    send_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str | None] = mapped_column(String(300))
    reviewed_by: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class DeliveryAttempt(Base):
    """One try to hand a notice to the SMTP server or SMS provider."""

    __tablename__ = "delivery_attempts"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    notification_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notifications.id", ondelete="CASCADE"), index=True
    )
    attempt: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    outcome: Mapped[str] = mapped_column(String(20))  # sent | retry | failed
    error: Mapped[str | None] = mapped_column(Text)
    provider_reference: Mapped[str | None] = mapped_column(String(300))


class SurveyResponse(Base):
    """A candidate's answers to the survey of one notice (re-answering updates it)."""

    __tablename__ = "survey_responses"

    notification_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("notifications.id", ondelete="CASCADE"), primary_key=True
    )
    tone: Mapped[int | None] = mapped_column(SmallInteger)
    detail: Mapped[int | None] = mapped_column(SmallInteger)
    timeliness: Mapped[int | None] = mapped_column(SmallInteger)
    helpfulness: Mapped[int | None] = mapped_column(SmallInteger)
    comment: Mapped[str | None] = mapped_column(Text)
    # None: the candidate left the question unanswered.
    open_to_future_roles: Mapped[bool | None] = mapped_column(Boolean)
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    times_answered: Mapped[int] = mapped_column(Integer, default=1)


class ErasedCandidate(Base):
    """A candidate whose personal data was erased (candidate-erased): no notice is written for
    them again, even from a late or replayed event. Holds the opaque id only."""

    __tablename__ = "erased_candidates"

    candidate_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    erased_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    recorded_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class ScorecardReceived(Base):
    """A panel member's scorecard for an interview is in (from `evaluation-submitted`): no
    reminder to score it is planned for them again, the interview moved or not. Staff ids
    only."""

    __tablename__ = "scorecards_received"

    interview_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    # The panel member as the interview names them (a person id, or a free id such as an
    # email), lower-cased.
    member: Mapped[str] = mapped_column(String(200), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class InterviewSlot(Base):
    """The latest state notify knows of an interview (from `interview-*` events): which
    calendar sequence it is at, when, and whether it is cancelled. An event older than it
    (a lower sequence, or anything after a cancellation) changes nothing. No personal data:
    the candidate is an opaque id."""

    __tablename__ = "interview_slots"

    interview_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    candidate_id: Mapped[str] = mapped_column(String(100), index=True)
    sequence: Mapped[int] = mapped_column(Integer)
    start: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    duration_minutes: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))  # scheduled | cancelled
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
