"""The rejection-suggestion library HR edits (seeded from the domain's defaults)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from recruiting_service.api.schemas import SuggestionRead
from recruiting_service.db.models import Suggestion
from recruiting_service.db.repositories import SuggestionRepository
from talentloop_shared.db import UnitOfWork


async def list_suggestions(uow: UnitOfWork) -> list[SuggestionRead]:
    """Every suggestion template, by code."""
    rows = (await uow.session.scalars(select(Suggestion).order_by(Suggestion.code))).all()
    return [SuggestionRead.model_validate(s) for s in rows]


async def put_suggestion(uow: UnitOfWork, *, code: str, text: str, actor: str) -> SuggestionRead:
    """Create or replace the template for a reason code or dimension key."""
    repo = SuggestionRepository(uow.session)
    suggestion = await repo.get_for_update(code)
    now = datetime.now(UTC)
    if suggestion is None:
        suggestion = repo.add(Suggestion(code=code, text=text, updated_by=actor, updated_at=now))
    else:
        suggestion.text = text
        suggestion.updated_by = actor
        suggestion.updated_at = now
    await uow.commit()
    return SuggestionRead.model_validate(suggestion)
