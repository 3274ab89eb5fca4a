"""talent-service tables.

A pooled candidate is a `TalentProfile` keyed by the candidate id recruiting-service uses.
Its tags live in `talent_tags` (one row per tag, with the event that produced it) and are
mirrored as arrays on the profile (`skills`, `strengths`, `industries`, `tags`) so search
and matching read one row per person through GIN-indexed array columns.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from talent_service.db.scoring import YEARS_PRINTABLE
from talentloop_shared.db import NAMING_CONVENTION
from talentloop_shared.db.vocabularies import CustomVocabularyColumns


class Base(DeclarativeBase):
    """Base of talent-service's tables, with its own metadata: the service owns its schema."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


TextArray = ARRAY(Text)


class TalentProfile(Base):
    """A consented, pooled candidate: contact, experience, tag arrays, retention dates."""

    __tablename__ = "talent_profiles"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    email: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(Text)
    locale: Mapped[str] = mapped_column(String(16), default="en")
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    years_experience: Mapped[float | None] = mapped_column(Float)
    skills: Mapped[list[str]] = mapped_column(TextArray, default=list)
    strengths: Mapped[list[str]] = mapped_column(TextArray, default=list)
    industries: Mapped[list[str]] = mapped_column(TextArray, default=list)
    gaps: Mapped[list[str]] = mapped_column(TextArray, default=list)
    # Every tag value of every kind, for `?tag=` (one GIN index answers any kind).
    tags: Mapped[list[str]] = mapped_column(TextArray, default=list)
    open_to_contact: Mapped[bool] = mapped_column(default=False)
    # Name plus tag values; full-text indexed with the 'simple' configuration.
    search_document: Mapped[str] = mapped_column(Text, default="")
    consented_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    consent_expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    next_contact_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_contacted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Hired (candidate-hired): out of matching and re-contact reminders from then on.
    hired_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Said "not open to future roles" in the survey: out of matching, invitations and
    # reminders until a later "yes". `contact_answered_at`: when the latest answer was
    # given (an earlier one delivered late changes nothing).
    declined_contact_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    contact_answered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        Index("ix_talent_profiles_skills", "skills", postgresql_using="gin"),
        Index("ix_talent_profiles_strengths", "strengths", postgresql_using="gin"),
        Index("ix_talent_profiles_tags", "tags", postgresql_using="gin"),
        Index(
            "ix_talent_profiles_search",
            text("to_tsvector('simple', search_document)"),
            postgresql_using="gin",
        ),
        Index("ix_talent_profiles_consent_expires_at", "consent_expires_at"),
        Index("ix_talent_profiles_next_contact_at", "next_contact_at", "id"),
        Index("ix_talent_profiles_created_at", "created_at", "id"),
        # The few profiles set-based scoring leaves to the Python matcher (db.scoring).
        Index(
            "ix_talent_profiles_odd_years", "id", postgresql_where=text(f"NOT {YEARS_PRINTABLE}")
        ),
    )


class TalentTag(Base):
    """One tag of a profile and the event that produced it."""

    __tablename__ = "talent_tags"

    profile_id: Mapped[str] = mapped_column(
        ForeignKey("talent_profiles.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class TalentApplication(Base):
    """An application of a pooled candidate, as the rejection reported it."""

    __tablename__ = "talent_applications"

    profile_id: Mapped[str] = mapped_column(
        ForeignKey("talent_profiles.id", ondelete="CASCADE"), primary_key=True
    )
    application_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    position_id: Mapped[str] = mapped_column(String(64))
    position_title: Mapped[str] = mapped_column(Text)
    job_family: Mapped[str] = mapped_column(String(64), default="general")
    stage: Mapped[str] = mapped_column(String(32))
    composite: Mapped[float | None] = mapped_column(Float)
    rejected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TalentHistoryEntry(Base):
    """What happened to a pooled candidate (pooled, tagged, contacted, invited)."""

    __tablename__ = "talent_history"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    profile_id: Mapped[str] = mapped_column(
        ForeignKey("talent_profiles.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    action: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str | None] = mapped_column(Text)


class PendingTag(Base):
    """A tag for a candidate not (yet) pooled; nothing personal besides the candidate id."""

    __tablename__ = "pending_tags"

    candidate_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    value: Mapped[str] = mapped_column(Text, primary_key=True)
    source: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class Position(Base):
    """The local copy of a position, kept current by `position-changed`."""

    __tablename__ = "positions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    job_family: Mapped[str] = mapped_column(String(64), default="general")
    org_unit_name: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    requirements: Mapped[dict[str, Any]] = mapped_column(JSONB)
    # Who answers for the hiring (`PositionOwners` as JSON) and the title in other languages;
    # carried into matches-found and talent-invited so that notify reaches the right people.
    owners: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    titles: Mapped[dict[str, str]] = mapped_column(JSONB, default=dict)
    scored_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )


class TalentMatch(Base):
    """A pooled candidate's fit to an open position.

    The id is `domain.matching.match_id(position_id, profile_id)`: the primary key alone
    keeps one match per person and opening (no second unique index to maintain for every
    one of the tens of thousands of rows a scoring writes), and a person's matches are
    found by the ids they would have for each known position.
    """

    __tablename__ = "talent_matches"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    # No foreign keys here on purpose: an opening writes tens of thousands of rows at once
    # and a key check (with a row lock on the profile) per row doubles the time. Positions
    # are never deleted; erasing a profile deletes its matches explicitly.
    position_id: Mapped[str] = mapped_column(String(64))
    profile_id: Mapped[str] = mapped_column(String(64))
    position_version: Mapped[int] = mapped_column(Integer)
    score: Mapped[int] = mapped_column(Integer)
    # Sort key for equal scores (unknown experience last), as domain.matching.rank orders.
    years_rank: Mapped[float] = mapped_column(Float)
    explanation: Mapped[str] = mapped_column(Text)
    matched_required: Mapped[list[str]] = mapped_column(TextArray, default=list)
    missing_required: Mapped[list[str]] = mapped_column(TextArray, default=list)
    strength_tags: Mapped[list[str]] = mapped_column(TextArray, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    invited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The position version whose matches-found first told HR about this match; None while
    # nobody was told (found when the person was pooled or re-tagged, not by a scoring).
    announced_version: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        Index(
            "ix_talent_matches_ranking",
            "position_id",
            text("score DESC"),
            text("years_rank DESC"),
            "profile_id",
        ),
    )


class Invitation(Base):
    """HR invited a matched candidate to the opening (at most once per match)."""

    __tablename__ = "invitations"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    match_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("talent_matches.id", ondelete="CASCADE"), unique=True
    )
    profile_id: Mapped[str] = mapped_column(
        ForeignKey("talent_profiles.id", ondelete="CASCADE"), index=True
    )
    position_id: Mapped[str] = mapped_column(String(64))
    invited_by: Mapped[str] = mapped_column(Text)
    message: Mapped[str | None] = mapped_column(Text)
    invited_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Course(Base):
    """A training course and the skills or dimensions it builds.

    Versioned: every change (and the withdrawal) raises `version` by one and publishes
    `course-changed` with the whole course, so copies elsewhere keep the newest.
    """

    __tablename__ = "courses"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"), default=1)
    title: Mapped[str] = mapped_column(Text)
    provider: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    skills: Mapped[list[str]] = mapped_column(TextArray)
    # The languages the course is taught in (canonical tags); empty: not stated.
    locales: Mapped[list[str]] = mapped_column(TextArray, server_default="{}", default=list)
    # False once withdrawn: kept (with its history of versions) but suggested to nobody.
    active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"), default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (Index("ix_courses_created_at", "created_at", "id"),)


class DevelopmentPlan(Base):
    """A new hire's development plan: the scorecard's gaps and the catalogue courses that
    cover them, as they were when the hire was reported (one plan per hired application).

    Personal data (the person's name): erased with the person.
    """

    __tablename__ = "development_plans"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    # The candidate id recruiting uses (the talent id, when the person was pooled).
    person_id: Mapped[str] = mapped_column(String(64))
    application_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(Text)
    locale: Mapped[str] = mapped_column(String(16), default="en")
    # The position hired for (`PositionRef` as JSON: title, owners, …).
    position_id: Mapped[str] = mapped_column(String(64))
    position: Mapped[dict[str, Any]] = mapped_column(JSONB)
    hired_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_by: Mapped[str] = mapped_column(Text)
    # [{"dimension", "name", "score", "text", "course_ids"}], in the scorecard's order.
    gaps: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    # [{"course": {id, version, title, provider, url, skills, locales}, "covers": [dimension]}],
    # most gaps covered first.
    courses: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        Index("ix_development_plans_created_at", "created_at", "id"),
        Index("ix_development_plans_person_id", "person_id", "created_at", "id"),
    )


class ErasureAudit(Base):
    """Proof that a person's data was erased; holds no personal data (only an id hash)."""

    __tablename__ = "erasure_audit"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    talent_id_hash: Mapped[str] = mapped_column(String(64), index=True)
    erased_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    erased_by: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    # The person asked (erase everywhere, for good) rather than their pool consent running out.
    everywhere: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)


class CustomVocabulary(CustomVocabularyColumns, Base):
    """The latest custom table of one of HR's vocabularies (`skills`, `education`), as
    org-service's `vocabulary-changed` carried it; a lower version never replaces it."""


class RecontactDigest(Base):
    """A day whose re-contact digest was decided: the primary key makes it once a day
    across replicas and restarts (written in the transaction that writes the outbox row).
    `count` is 0 when nothing was due (and nothing was published)."""

    __tablename__ = "recontact_digests"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    timezone: Mapped[str] = mapped_column(String(64))
    count: Mapped[int] = mapped_column(Integer)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
