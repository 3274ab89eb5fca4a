"""HR's vocabularies, as org-service publishes them (`vocabulary-changed`): the latest custom
table of each kind is kept, and screening, candidate inputs and invitations canonicalise
skills with the shipped table plus HR's; candidate inputs accept HR's education spellings.

Candidate bodies are validated by pydantic before a use case runs, so the education
spellings in force reach the validator through the request's context: the candidate
routes' `education_spellings` dependency (solved before the body) sets
`EDUCATION_IN_FORCE`, and the candidate import sets it around its parsing.

The vocabulary in force is built once per process for each custom table
(`talentloop_shared.language.effective`): a use case reads one small row (the table's
digest) and reuses what is built, so nothing is parsed per candidate. Applications already
screened are not re-screened when synonyms change; the next screening or re-screen of a
position uses them.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from recruiting_service.db.models import CustomVocabulary
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import VocabularyChanged
from talentloop_shared.language.effective import effective_vocabularies, table_digest
from talentloop_shared.language.vocabulary import (
    EducationVocabulary,
    SkillVocabulary,
    education_vocabulary,
)
from talentloop_shared.logging import get_logger

log = get_logger(__name__)

# The education spellings candidate inputs accept in this request (None: the shipped ones).
EDUCATION_IN_FORCE: ContextVar[EducationVocabulary | None] = ContextVar(
    "recruiting_education_in_force", default=None
)


async def apply_vocabulary_changed(uow: UnitOfWork, *, payload: VocabularyChanged) -> bool:
    """Keep the table if it is newer than the one held (True); an older or the same version
    (out of order, replayed) changes nothing."""
    now = uow.clock.now()
    values = {
        "kind": payload.kind,
        "version": payload.version,
        "digest": table_digest(payload.table),
        "table": payload.table,
        "updated_at": now,
    }
    insert_row = insert(CustomVocabulary).values(**values)
    stmt = insert_row.on_conflict_do_update(
        index_elements=[CustomVocabulary.kind],
        set_={k: insert_row.excluded[k] for k in ("version", "digest", "table", "updated_at")},
        where=CustomVocabulary.version < insert_row.excluded.version,
    ).returning(CustomVocabulary.kind)
    applied = (await uow.session.execute(stmt)).scalar_one_or_none() is not None
    log.info(
        "vocabulary.applied" if applied else "vocabulary.stale_version_ignored",
        kind=payload.kind,
        version=payload.version,
    )
    return applied


async def _row(session: AsyncSession, kind: str, *columns: object) -> tuple[object, ...] | None:
    row = (
        await session.execute(
            select(*columns).where(CustomVocabulary.kind == kind)  # type: ignore[call-overload]
        )
    ).first()
    return tuple(row) if row is not None else None


async def skills_in_force(session: AsyncSession) -> SkillVocabulary:
    """The skills table in force: shipped + HR's latest (built once per table per process)."""
    head = await _row(session, "skills", CustomVocabulary.digest)
    digest = str(head[0]) if head else None
    found = effective_vocabularies.skills(digest)
    if found is not None:
        return found
    full = await _row(session, "skills", CustomVocabulary.digest, CustomVocabulary.table)
    assert full is not None  # a digest was read above, and rows are never deleted
    return effective_vocabularies.remember_skills(str(full[0]), full[1])  # type: ignore[arg-type]


async def education_in_force(session: AsyncSession) -> EducationVocabulary:
    """The education spellings in force: shipped + HR's latest (built once per table)."""
    head = await _row(session, "education", CustomVocabulary.digest)
    digest = str(head[0]) if head else None
    found = effective_vocabularies.education(digest)
    if found is not None:
        return found
    full = await _row(session, "education", CustomVocabulary.digest, CustomVocabulary.table)
    assert full is not None  # a digest was read above, and rows are never deleted
    return effective_vocabularies.remember_education(str(full[0]), full[1])  # type: ignore[arg-type]


def education_for_inputs() -> EducationVocabulary:
    """What a candidate input's `education` is read with (see `EDUCATION_IN_FORCE`)."""
    return EDUCATION_IN_FORCE.get() or education_vocabulary()


@asynccontextmanager
async def education_spellings(session: AsyncSession) -> AsyncIterator[None]:
    """Candidate inputs validated inside accept HR's education spellings."""
    token = EDUCATION_IN_FORCE.set(await education_in_force(session))
    try:
        yield
    finally:
        EDUCATION_IN_FORCE.reset(token)
