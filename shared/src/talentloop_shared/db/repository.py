"""A typed base repository that never commits (the unit of work does)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

ModelT = TypeVar("ModelT")


class Repository(Generic[ModelT]):
    """get / get_for_update / list / add over one mapped model."""

    model: type[ModelT]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, id: uuid.UUID | str) -> ModelT | None:
        """The row with this primary key, or None."""
        return await self.session.get(self.model, id)

    async def get_for_update(self, id: uuid.UUID | str) -> ModelT | None:
        """The row with this primary key, locked until the transaction ends."""
        return await self.session.get(self.model, id, with_for_update=True, populate_existing=True)

    async def list(self, statement: Select[Any]) -> Sequence[ModelT]:
        """Rows of `statement`."""
        return (await self.session.scalars(statement)).all()

    def add(self, obj: ModelT) -> ModelT:
        """Stage a new row."""
        self.session.add(obj)
        return obj

    def select(self) -> Select[Any]:
        """A SELECT of the model to refine."""
        return select(self.model)
