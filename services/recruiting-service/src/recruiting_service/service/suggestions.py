"""The rejection-suggestion library HR edits, per locale (seeded from the domain's defaults)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from recruiting_service.db.models import Suggestion
from recruiting_service.db.repositories import SuggestionRepository
from talentloop_shared.db import UnitOfWork, where_given


async def list_suggestions(uow: UnitOfWork, *, locale: str | None = None) -> Sequence[Suggestion]:
    """Every suggestion template by code and locale, or only those of one locale."""
    statement = where_given(select(Suggestion), locale=locale)
    statement = statement.order_by(Suggestion.code, Suggestion.locale)
    return (await uow.session.scalars(statement)).all()


async def put_suggestion(
    uow: UnitOfWork, *, code: str, locale: str, text: str, by: str
) -> Suggestion:
    """Create or replace the template for a reason code or dimension key in one locale."""
    suggestion = await SuggestionRepository(uow.session).upsert(
        code=code, locale=locale, text=text, by=by, at=uow.clock.now()
    )
    await uow.commit()
    return suggestion
