"""Constraint naming convention (stable Alembic diffs). Each service declares its own
`class Base(DeclarativeBase)` with `MetaData(naming_convention=NAMING_CONVENTION)`: a
service owns its schema, and a plain class keeps the models visible to type checkers."""

from __future__ import annotations

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
