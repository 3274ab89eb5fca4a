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

from sqlalchemy.ext.asyncio import AsyncSession

from talentloop_shared.db.vocabularies import (
    apply_vocabulary_changed,
    education_in_force,
    skills_in_force,
)
from talentloop_shared.language.vocabulary import EducationVocabulary, education_vocabulary

__all__ = [
    "EDUCATION_IN_FORCE",
    "apply_vocabulary_changed",
    "education_for_inputs",
    "education_in_force",
    "education_spellings",
    "skills_in_force",
]

# The education spellings candidate inputs accept in this request (None: the shipped ones).
EDUCATION_IN_FORCE: ContextVar[EducationVocabulary | None] = ContextVar(
    "recruiting_education_in_force", default=None
)


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
