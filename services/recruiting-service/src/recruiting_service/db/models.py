"""recruiting-service tables."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from talentloop_shared.db import NAMING_CONVENTION
from talentloop_shared.db.vocabularies import CustomVocabularyColumns


class Base(DeclarativeBase):
    """Base of recruiting-service's tables, with its own metadata: the service owns its schema."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Opening(Base):
    """The local copy of a position (read model fed by `position-changed`)."""

    __tablename__ = "openings"

    position_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    headcount: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    job_family: Mapped[str] = mapped_column(String(100), nullable=False, default="general")
    org_unit_id: Mapped[str] = mapped_column(String(100), nullable=False)
    org_unit_name: Mapped[str] = mapped_column(String(300), nullable=False)
    org_unit_path: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    location: Mapped[str | None] = mapped_column(String(300))
    responsibilities: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    requirements: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    evaluation_scheme: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    # `title` in other languages, by locale ({"zh-CN": "市场经理"}).
    titles: Mapped[dict[str, str]] = mapped_column(
        JSONB, nullable=False, default=dict, server_default=text("'{}'::jsonb")
    )
    # {"recruiter": PersonRef | null, "hiring_manager": PersonRef | null}, as published.
    owners: Mapped[dict[str, Any]] = mapped_column(
        JSONB, nullable=False, default=dict, server_default=text("'{}'::jsonb")
    )
    last_change: Mapped[str] = mapped_column(String(20), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=func.now()
    )

    __table_args__ = (Index("ix_openings_status_title", "status", "title", "position_id"),)


class Person(Base):
    """The local copy of a staff member of org-service's directory (fed by `person-changed`).

    Interview panels, organisers and position owners are people; a JWT `sub` finds its
    person through `subject`. The newest `version` wins; an older snapshot is ignored.
    """

    __tablename__ = "people"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    external_code: Mapped[str | None] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    email: Mapped[str | None] = mapped_column(String(320))
    phone: Mapped[str | None] = mapped_column(String(32))
    locale: Mapped[str] = mapped_column(String(35), nullable=False, default="en")
    timezone: Mapped[str] = mapped_column(String(64), nullable=False, default="UTC")
    org_unit_id: Mapped[str | None] = mapped_column(String(100))
    subject: Mapped[str | None] = mapped_column(String(200), index=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=func.now()
    )


class Candidate(Base):
    """A person who applies (or is invited) to openings.

    An erased candidate (`candidate-erased`) keeps its row and id, because applications
    reference it, but no personal data: `erased_at` is set and the row is never written
    with personal data again.
    """

    __tablename__ = "candidates"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    # Nullable: a candidate invited from the talent pool may come without an address.
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    # The id an ERP/ATS knows the person by (`PUT …/candidates/by-external-id/{id}`); kept
    # after an erasure, so a later sync of that id is refused instead of re-registering.
    external_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    locale: Mapped[str] = mapped_column(String(35), nullable=False, default="en")
    timezone: Mapped[str] = mapped_column(String(64), nullable=False, default="UTC")
    years_experience: Mapped[float | None] = mapped_column(Float)
    skills: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    industries: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    education: Mapped[str] = mapped_column(String(20), nullable=False, default="none")
    languages: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    talent_pool_consent: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=func.now()
    )
    # When the person's data was erased on their request (null: not erased).
    erased_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (Index("ix_candidates_created", "created_at", "id"),)


class Application(Base):
    """One candidate's application to one opening, with its latest screening result."""

    __tablename__ = "applications"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    candidate_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("candidates.id"), nullable=False
    )
    position_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("openings.position_id"), nullable=False
    )
    source: Mapped[str] = mapped_column(String(50), nullable=False, default="direct")
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    # {"passed", "score", "unmet", "position_version", "matched_skills"}
    screening: Mapped[dict[str, Any]] = mapped_column(JSONB, nullable=False)
    # [{"code", "detail", "position_version", "at"}]: things HR should review
    flags: Mapped[list[dict[str, Any]]] = mapped_column(
        JSONB, nullable=False, default=list, server_default=text("'[]'::jsonb")
    )
    # the content of the rejection notice once rejected
    rejection: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=func.now()
    )

    __table_args__ = (
        UniqueConstraint("candidate_id", "position_id", name="uq_applications_candidate_position"),
        Index("ix_applications_position_status", "position_id", "status"),
        Index("ix_applications_created", "created_at", "id"),
    )


class ApplicationStatusChange(Base):
    """One line of an application's status history."""

    __tablename__ = "application_history"

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    application_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("applications.id"), nullable=False, index=True
    )
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20), nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    actor: Mapped[str] = mapped_column(String(200), nullable=False)
    at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=func.now()
    )


class Interview(Base):
    """An interview of one application: when, where, and the panel that scores it.

    `scheduled_at` is the start; `ends_at` is start + duration (kept for clash checks).
    `interviewer_id`, `department_id` and `dimensions` describe the first panel member's
    seat and all seats' dimensions, as before panels existed. `sequence` is the calendar
    SEQUENCE (raised on every reschedule and on cancel); `version` the ETag.
    """

    __tablename__ = "interviews"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    application_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("applications.id"), nullable=False, index=True
    )
    interviewer_id: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    department_id: Mapped[str] = mapped_column(String(100), nullable=False)
    scheduled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    duration_minutes: Mapped[int] = mapped_column(
        Integer, nullable=False, default=60, server_default="60"
    )
    ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    location: Mapped[str | None] = mapped_column(String(300))
    video_url: Mapped[str | None] = mapped_column(String(1000))
    notes_for_candidate: Mapped[str | None] = mapped_column(Text)
    # "scheduled" | "cancelled"
    status: Mapped[str] = mapped_column(
        String(20), nullable=False, default="scheduled", server_default="scheduled"
    )
    sequence: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default="1")
    # [{"key", "name", "weight"}] copied from the scheme when the interview was planned
    dimensions: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=func.now()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=func.now()
    )
    cancelled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    cancelled_by: Mapped[str | None] = mapped_column(String(200))
    cancel_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        Index("ix_interviews_status_time", "status", "scheduled_at", "ends_at"),
        # The list of interviews by schedule, a page at a time (`INTERVIEWS`).
        Index("ix_interviews_scheduled", "scheduled_at", "id"),
    )


class PanelSeat(Base):
    """One panel member of an interview and the dimensions they score.

    `member_id` is how the interview names them (a person id of the staff copy, or a free
    id such as a JWT subject for someone not in the directory); `person_id` is the person
    it resolved to, if any. Evaluations are per seat (`Evaluation.interviewer_id`).
    """

    __tablename__ = "interview_panel"

    interview_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("interviews.id"), primary_key=True
    )
    member_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True), index=True)
    department_id: Mapped[str] = mapped_column(String(100), nullable=False)
    dimensions: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False)
    seat: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (Index("ix_interview_panel_member_id", "member_id"),)


class Evaluation(Base):
    """A panel member's submitted scorecard; immutable once written (one per seat)."""

    __tablename__ = "evaluations"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    interview_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("interviews.id"), nullable=False
    )
    application_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("applications.id"), nullable=False, index=True
    )
    interviewer_id: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    department_id: Mapped[str] = mapped_column(String(100), nullable=False)
    scores: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False)
    strengths: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    concerns: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    recommendation: Mapped[str] = mapped_column(String(20), nullable=False)
    submitted_by: Mapped[str] = mapped_column(String(200), nullable=False)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)

    __table_args__ = (
        UniqueConstraint("interview_id", "interviewer_id", name="uq_evaluations_interview_seat"),
    )


class Suggestion(Base):
    """One entry of the rejection-suggestion library HR can edit, per code and locale."""

    __tablename__ = "suggestions"

    code: Mapped[str] = mapped_column(String(100), primary_key=True)
    locale: Mapped[str] = mapped_column(
        String(35), primary_key=True, default="en", server_default="en"
    )
    text: Mapped[str] = mapped_column(Text, nullable=False)
    updated_by: Mapped[str] = mapped_column(String(200), nullable=False, default="system")
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=func.now()
    )


class Course(Base):
    """The local copy of a course of talent-service's catalogue (fed by `course-changed`),
    for rejection suggestions. A withdrawn course stays as a tombstone (`active` false)
    so a late, older snapshot cannot bring it back; the newest `version` wins."""

    __tablename__ = "courses"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    provider: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(1000))
    skills: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    locales: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=func.now()
    )


class DecisionPolicyRow(Base):
    """The decision policy in force: the default (`scope` 'default') or one position's
    override (`scope` the position id)."""

    __tablename__ = "decision_policies"

    scope: Mapped[str] = mapped_column(String(64), primary_key=True)
    mode: Mapped[str] = mapped_column(String(30), nullable=False)
    threshold: Mapped[float | None] = mapped_column(Float)
    review_minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    updated_by: Mapped[str] = mapped_column(String(200), nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), nullable=False, server_default=func.now()
    )


class PolicyDecision(Base):
    """A rejection the decision policy made when an application's panel was complete.

    `pending` until `decides_at` (HR may confirm, edit or overturn it meanwhile), then
    `decided` (published as the policy's rejection); or `confirmed` (HR published it
    early), `overturned` (HR kept the candidate), `superseded` (HR rejected or moved the
    application another way, or the panel changed). `basis` is the evaluation ids it was
    made on: each complete set of scorecards is judged once.
    """

    __tablename__ = "policy_decisions"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    application_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("applications.id"), nullable=False, index=True
    )
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    mode: Mapped[str] = mapped_column(String(30), nullable=False)
    threshold: Mapped[float | None] = mapped_column(Float)
    review_minutes: Mapped[int] = mapped_column(Integer, nullable=False)
    basis: Mapped[list[str]] = mapped_column(JSONB, nullable=False)
    stage: Mapped[str] = mapped_column(String(20), nullable=False)
    strengths: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    reasons: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, nullable=False, default=list)
    suggestions: Mapped[list[str]] = mapped_column(JSONB, nullable=False, default=list)
    scorecard: Mapped[dict[str, Any] | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    decides_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    edited_by: Mapped[str | None] = mapped_column(String(200))
    edited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    resolution_note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __table_args__ = (
        # At most one pending decision per application, whatever races.
        Index(
            "uq_policy_decisions_pending",
            "application_id",
            unique=True,
            postgresql_where=text("status = 'pending'"),
        ),
        Index("ix_policy_decisions_due", "decides_at", postgresql_where=text("status = 'pending'")),
        # The list of decisions by deadline, whatever their status, a page at a time.
        Index("ix_policy_decisions_deadline", "decides_at", "id"),
    )


class CustomVocabulary(CustomVocabularyColumns, Base):
    """The latest custom table of one of HR's vocabularies (`skills`, `education`), as
    org-service's `vocabulary-changed` carried it; a lower version never replaces it."""
