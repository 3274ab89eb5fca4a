"""org-service tables: org units (materialised path), the staff directory (people), positions
and their version history."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, UUID
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from org_service.domain import lengths
from talentloop_shared.db import NAMING_CONVENTION


class Base(DeclarativeBase):
    """Base of org-service's tables, with its own metadata: the service owns its schema."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class OrgUnit(Base):
    """A node of the org tree (company, business unit, division, department, team)."""

    __tablename__ = "org_units"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    # The ERP's id for the unit; imports upsert by it, so it is unique when present.
    code: Mapped[str | None] = mapped_column(String(lengths.CODE), unique=True)
    name: Mapped[str] = mapped_column(String(lengths.UNIT_NAME))
    kind: Mapped[str] = mapped_column(String(lengths.UNIT_KIND))
    # Rises with every change of the unit's own fields (name, kind, code, parent): its ETag.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    # Indexed as the first column of ix_org_units_parent_name_id (a unit's children by name).
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("org_units.id")
    )
    # Materialised path, root first, ending with the unit's own id (see domain/org_tree.py):
    # `path @> ARRAY[:id]` is the whole subtree in one GIN-indexed query.
    path: Mapped[list[uuid.UUID]] = mapped_column(ARRAY(UUID(as_uuid=True)))
    # The names along `path`; the position-changed snapshot carries them as org_unit.path.
    name_path: Mapped[list[str]] = mapped_column(ARRAY(Text))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )

    __table_args__ = (
        Index("ix_org_units_path", "path", postgresql_using="gin"),
        # The list by name, whole or a unit's children: a page read from an index.
        Index("ix_org_units_name_id", "name", "id"),
        Index("ix_org_units_parent_name_id", "parent_id", "name", "id"),
    )


class Person(Base):
    """A staff member: who recruiters, hiring managers and interviewers are; versioned.

    `subject` is the JWT `sub` that signs in as the person, so other services can resolve a
    signed-in user to a name, an address, a language and a time zone.
    """

    __tablename__ = "people"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    # The ERP's employee number (工号); upserts go by it, so it is unique when present.
    external_code: Mapped[str | None] = mapped_column(String(lengths.CODE), unique=True)
    name: Mapped[str] = mapped_column(String(lengths.PERSON_NAME))
    email: Mapped[str | None] = mapped_column(String(lengths.EMAIL))
    phone: Mapped[str | None] = mapped_column(String(lengths.PHONE))
    locale: Mapped[str] = mapped_column(String(lengths.LOCALE), server_default="en")
    timezone: Mapped[str] = mapped_column(String(lengths.TIMEZONE), server_default="UTC")
    org_unit_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("org_units.id"), index=True
    )
    manager_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("people.id"), index=True
    )
    subject: Mapped[str | None] = mapped_column(String(lengths.SUBJECT), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, server_default="true")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    __table_args__ = (Index("ix_people_name_id", "name", "id"),)


class Position(Base):
    """A job in an org unit: what it requires and who interviews for it; versioned."""

    __tablename__ = "positions"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True)
    code: Mapped[str | None] = mapped_column(String(lengths.CODE), unique=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(lengths.POSITION_TITLE))
    org_unit_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("org_units.id"), index=True
    )
    job_family: Mapped[str] = mapped_column(String(lengths.JOB_FAMILY))
    headcount: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(lengths.POSITION_STATUS), index=True)
    location: Mapped[str | None] = mapped_column(String(lengths.LOCATION))
    reports_to_position_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("positions.id"), index=True
    )
    responsibilities: Mapped[list[str]] = mapped_column(JSONB)
    # The title in other languages, by canonical locale: {"zh-CN": "市场经理"}.
    titles: Mapped[dict[str, str]] = mapped_column(JSONB, server_default="{}")
    # Who answers for the hiring (people of the directory); carried whole in the snapshot.
    recruiter_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("people.id"), index=True
    )
    hiring_manager_id: Mapped[uuid.UUID | None] = mapped_column(
        UUID(as_uuid=True), ForeignKey("people.id"), index=True
    )
    requirements: Mapped[dict[str, Any]] = mapped_column(JSONB)
    evaluation_scheme: Mapped[dict[str, Any]] = mapped_column(JSONB)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    # Keyset pagination of the list is ordered by (created_at, id).
    __table_args__ = (Index("ix_positions_created_at_id", "created_at", "id"),)


class PositionVersion(Base):
    """One version of a position: who changed what, when, and the full snapshot after it."""

    __tablename__ = "position_versions"

    id: Mapped[int] = mapped_column(BigInteger, Identity(always=True), primary_key=True)
    position_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("positions.id", ondelete="CASCADE")
    )
    version: Mapped[int] = mapped_column(Integer)
    change: Mapped[str] = mapped_column(String(lengths.POSITION_CHANGE))
    changed_by: Mapped[str] = mapped_column(String(lengths.SUBJECT))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # [{"field", "old", "new"}] with normalised values.
    changes: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSONB)

    __table_args__ = (UniqueConstraint("position_id", "version"),)


class Vocabulary(Base):
    """One of HR's vocabularies (`skills`, `education`): the version of its custom table.

    The row is locked by every change of its kind, so versions rise by one in commit order
    and the table each `vocabulary-changed` carries is the whole table at that version.
    """

    __tablename__ = "vocabularies"

    kind: Mapped[str] = mapped_column(String(lengths.VOCABULARY_KIND), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, server_default="0")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class VocabularyEntry(Base):
    """HR's entry of a vocabulary: a skill's aliases and labels, or a level's spellings."""

    __tablename__ = "vocabulary_entries"

    kind: Mapped[str] = mapped_column(String(lengths.VOCABULARY_KIND), primary_key=True)
    # The skill's key (a shipped skill's own key when HR extends one) or the ladder level.
    key: Mapped[str] = mapped_column(String(lengths.VOCABULARY_KEY), primary_key=True)
    aliases: Mapped[list[str]] = mapped_column(JSONB, server_default="[]")
    labels: Mapped[dict[str, str]] = mapped_column(JSONB, server_default="{}")
    family: Mapped[str] = mapped_column(String(lengths.VOCABULARY_FAMILY), server_default="")
    # Rises with every change of this entry: its ETag.
    version: Mapped[int] = mapped_column(Integer, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(lengths.SUBJECT))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
