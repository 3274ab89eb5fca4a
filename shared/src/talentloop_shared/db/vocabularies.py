"""HR's vocabularies as a consuming service keeps them: the latest custom table of each
kind (`skills`, `education`) from org-service's `vocabulary-changed`, and the vocabulary
in force built from it once per table per process (`talentloop_shared.language.effective`).

The table (`custom_vocabularies`: kind, version, digest, table, updated_at) is created by
each consuming service's own migration (`talentloop_shared.db.migrations.
create_custom_vocabularies`) and mapped by its ORM models (`CustomVocabularyColumns` mixed
into the service's `Base`); the statements here name it through a Core `Table` of the same
shape, so recruiting and talent share one implementation.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, select
from sqlalchemy.dialects.postgresql import JSONB, insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from talentloop_shared.db.uow import UnitOfWork
from talentloop_shared.events.payloads import VocabularyChanged
from talentloop_shared.language.effective import effective_vocabularies, table_digest
from talentloop_shared.language.vocabulary import EducationVocabulary, SkillVocabulary
from talentloop_shared.logging import get_logger

log = get_logger(__name__)

custom_vocabularies = Table(
    "custom_vocabularies",
    MetaData(),
    Column("kind", String(32), primary_key=True),
    Column("version", Integer),
    Column("digest", String(64)),
    Column("table", JSONB),
    Column("updated_at", DateTime(timezone=True)),
)
_T = custom_vocabularies.c


class CustomVocabularyColumns:
    """The columns of `custom_vocabularies`, mixed into a consuming service's model:
    `class CustomVocabulary(CustomVocabularyColumns, Base)`."""

    __tablename__ = "custom_vocabularies"

    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    # sha256 of `table` (`talentloop_shared.language.effective.table_digest`): what the
    # per-process cache of built vocabularies is keyed by.
    digest: Mapped[str] = mapped_column(String(64))
    table: Mapped[dict[str, Any]] = mapped_column(JSONB)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


async def apply_vocabulary_changed(uow: UnitOfWork, payload: VocabularyChanged) -> bool:
    """Keep the table if it is newer than the one held (True); an older or the same version
    (out of order, replayed) changes nothing."""
    insert_row = insert(custom_vocabularies).values(
        kind=payload.kind,
        version=payload.version,
        digest=table_digest(payload.table),
        table=payload.table,
        updated_at=uow.clock.now(),
    )
    stmt = insert_row.on_conflict_do_update(
        index_elements=[_T.kind],
        set_={k: insert_row.excluded[k] for k in ("version", "digest", "table", "updated_at")},
        where=_T.version < insert_row.excluded.version,
    ).returning(_T.kind)
    applied = (await uow.session.execute(stmt)).scalar_one_or_none() is not None
    log.info(
        "vocabulary.applied" if applied else "vocabulary.stale_version_ignored",
        kind=payload.kind,
        version=payload.version,
    )
    return applied


async def _digest(session: AsyncSession, kind: str) -> str | None:
    found = await session.scalar(select(_T.digest).where(_T.kind == kind))
    return None if found is None else str(found)


async def _table(session: AsyncSession, kind: str) -> tuple[str, dict[str, Any]]:
    row = (await session.execute(select(_T.digest, _T.table).where(_T.kind == kind))).one()
    return str(row.digest), cast(dict[str, Any], row.table)


async def skills_in_force(session: AsyncSession) -> SkillVocabulary:
    """The skills table in force: shipped + HR's latest (built once per table per process)."""
    found = effective_vocabularies.skills(await _digest(session, "skills"))
    if found is not None:
        return found
    digest, table = await _table(session, "skills")  # a digest was read: rows are never deleted
    return effective_vocabularies.remember_skills(digest, table)


async def education_in_force(session: AsyncSession) -> EducationVocabulary:
    """The education spellings in force: shipped + HR's latest (built once per table)."""
    found = effective_vocabularies.education(await _digest(session, "education"))
    if found is not None:
        return found
    digest, table = await _table(session, "education")
    return effective_vocabularies.remember_education(digest, table)
