"""Async engine and session factory (SQLAlchemy 2 + asyncpg)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)


def create_engine(database_url: str, *, pool_size: int = 10) -> AsyncEngine:
    """An async engine; built in the app's lifespan, never at import time."""
    return create_async_engine(
        database_url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=True,
    )


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that never autoflush surprises and keep objects usable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True)


def asyncpg_dsn(database_url: str) -> str:
    """The plain libpq DSN asyncpg expects, from an SQLAlchemy URL."""
    return database_url.replace("postgresql+asyncpg://", "postgresql://", 1)
