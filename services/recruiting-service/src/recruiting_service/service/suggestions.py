"""The rejection-suggestion library HR edits, per locale (seeded from the domain's defaults)."""

from __future__ import annotations

from sqlalchemy import select

from recruiting_service.api.schemas import SuggestionRead
from recruiting_service.db.models import Suggestion
from recruiting_service.db.repositories import SuggestionRepository
from talentloop_shared.db import UnitOfWork


async def list_suggestions(uow: UnitOfWork, *, locale: str | None = None) -> list[SuggestionRead]:
    """Every suggestion template by code and locale, or only those of one locale."""
    statement = select(Suggestion).order_by(Suggestion.code, Suggestion.locale)
    if locale is not None:
        statement = statement.where(Suggestion.locale == locale)
    rows = (await uow.session.scalars(statement)).all()
    return [SuggestionRead.model_validate(s) for s in rows]


async def put_suggestion(
    uow: UnitOfWork, *, code: str, locale: str, text: str, actor: str
) -> SuggestionRead:
    """Create or replace the template for a reason code or dimension key in one locale."""
    suggestion = await SuggestionRepository(uow.session).upsert(
        code=code, locale=locale, text=text, actor=actor
    )
    await uow.commit()
    return SuggestionRead.model_validate(suggestion)
