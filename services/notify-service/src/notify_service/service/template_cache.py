"""The template library as the event path reads it: cached per process while unchanged.

Every notice picks its template among all templates of its kind; loading them for each
event would cost more than rendering. The cache holds plain rows (immutable, detached from
any session) and is checked against a cheap stamp of the library (count, sum of versions,
last change) in the event's own transaction, so an edit is seen by the next event.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row

from notify_service.db.repositories import TemplateRepository
from notify_service.service.per_transaction import once_per_transaction
from talentloop_shared.db import UnitOfWork

TemplateRow = Row[Any]
"""A template's current version as a row: `id`, `name`, `version`, the key, `subject`, `body`."""


class TemplateCache:
    """Per-process cache of each kind's templates, valid while the library's stamp holds."""

    def __init__(self) -> None:
        self._by_kind: dict[str, tuple[tuple[Any, ...], Sequence[TemplateRow]]] = {}

    async def of_kind(self, uow: UnitOfWork, kind: str) -> Sequence[TemplateRow]:
        """The templates of `kind`, from the cache while the library is unchanged."""
        repo = TemplateRepository(uow.session)
        # Once per transaction: a consumer batch's rejections share the answer.
        stamp = await once_per_transaction(uow, f"template_stamp:{kind}", lambda: repo.stamp(kind))
        cached = self._by_kind.get(kind)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        rows = await repo.rows_of_kind(kind)
        self._by_kind[kind] = (stamp, rows)
        return rows
