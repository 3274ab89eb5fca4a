"""A typed base repository that never commits (the unit of work does)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import Select, literal, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from talentloop_shared.errors import ExpectedVersion, found
from talentloop_shared.pagination import Keyset, Page

ModelT = TypeVar("ModelT")


class Versioned(Protocol):
    """A row whose `version` is its ETag."""

    version: int


VersionedT = TypeVar("VersionedT", bound=Versioned)


class Repository(Generic[ModelT]):
    """get / get_for_update / get_or_raise / get_for_change / list / add over one mapped
    model; `what` names the model in a 404 ("org unit 1b2c… does not exist")."""

    model: type[ModelT]
    what: str = "row"

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, id: uuid.UUID | str) -> ModelT | None:
        """The row with this primary key, or None."""
        return await self.session.get(self.model, id)

    async def get_for_update(self, id: uuid.UUID | str) -> ModelT | None:
        """The row with this primary key, locked until the transaction ends."""
        return await self.session.get(self.model, id, with_for_update=True, populate_existing=True)

    async def get_or_raise(self, id: uuid.UUID | str, *, for_update: bool = False) -> ModelT:
        """The row with this primary key (locked with `for_update`), or 404."""
        return found(await (self.get_for_update(id) if for_update else self.get(id)), self.what, id)

    async def get_for_change(
        self: Repository[VersionedT], id: uuid.UUID | str, expected: ExpectedVersion
    ) -> VersionedT:
        """The row, locked for this change, at a version If-Match accepts (404, 412)."""
        row = await self.get_or_raise(id, for_update=True)
        expected.check(row.version, what=f"{self.what} {id}")
        return row

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


def where_given(statement: Select[ModelT], **filters: Any) -> Select[ModelT]:
    """`statement` narrowed to the rows whose columns (of the entity it selects last, by
    name) equal each filter given; a filter that is None narrows nothing (a list's query
    parameter left out): `where_given(select(Candidate), email=email)`."""
    return statement.filter_by(**{name: v for name, v in filters.items() if v is not None})


class KeysetOrder:
    """How a list is ordered and paged in the database: its key columns, the last one unique
    (`(created_at, id)`), all ascending or all descending. Its cursor codec (`keyset`)
    follows the columns' Python types.

    `PLANS = KeysetOrder(DevelopmentPlan.created_at, DevelopmentPlan.id, descending=True)`,
    then `await PLANS.page(uow.session, stmt, cursor=cursor, limit=limit)`.
    """

    def __init__(self, *columns: InstrumentedAttribute[Any], descending: bool = False) -> None:
        self.columns = columns
        self.descending = descending
        self.keyset = Keyset(*(c.type.python_type for c in columns))

    def paged(
        self, statement: Select[ModelT], *, after: Sequence[Any] | None, limit: int
    ) -> Select[ModelT]:
        """`statement` in this order, after the key `after`, `limit` rows and one more (to
        tell whether a next page exists): what `page` reads (and what an index on the key
        columns must serve, or every page sorts the whole table: `testing.plans`)."""
        if after is not None:
            # The whole key as a row value: rows that share a created_at must still be told
            # apart by the id that follows it.
            key = tuple_(*self.columns)
            bound = tuple_(*(literal(v, c.type) for v, c in zip(after, self.columns, strict=True)))
            statement = statement.where(key < bound if self.descending else key > bound)
        ordering = [c.desc() for c in self.columns] if self.descending else self.columns
        return statement.order_by(*ordering).limit(limit + 1)

    async def page(
        self, session: AsyncSession, statement: Select[ModelT], *, cursor: str | None, limit: int
    ) -> Page[ModelT]:
        """One page of `statement`'s rows in this order, after `cursor` (422 if it is not one
        this list returned). One row more than `limit` is read to tell whether a next page
        exists."""
        paged = self.paged(statement, after=self.keyset.decode(cursor), limit=limit)
        rows = (await session.scalars(paged)).all()
        return self.keyset.page(
            rows, limit, key=lambda row: [getattr(row, c.key) for c in self.columns]
        )
