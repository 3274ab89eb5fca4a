"""`where_given`: a list's equality filters, each applied only when the caller gave it."""

import pytest
from sqlalchemy import Select, select
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from talentloop_shared.db import where_given


class Base(DeclarativeBase):
    pass


class Thing(Base):
    __tablename__ = "things"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str]
    active: Mapped[bool]


def _where(statement: Select[tuple[Thing]]) -> str:
    return str(statement).partition("WHERE")[2].strip()


def test_each_given_filter_narrows_and_a_missing_one_does_not() -> None:
    assert _where(where_given(select(Thing), kind="a", active=None)) == ("things.kind = :kind_1")
    assert _where(where_given(select(Thing), kind="a", active=False)) == (
        "things.kind = :kind_1 AND things.active = false"
    )
    assert _where(where_given(select(Thing), kind=None, active=None)) == ""


def test_a_filter_naming_no_column_is_refused() -> None:
    with pytest.raises(InvalidRequestError, match="colour"):
        where_given(select(Thing), colour="red")
