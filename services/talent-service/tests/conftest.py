"""Fixtures of talent-service tests: one running service (real PostgreSQL + RabbitMQ)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
import pytest_asyncio
from talent_testkit import EventFactory, Talent

from talent_service.config import Settings
from talent_service.main import MIGRATIONS, definition
from talentloop_shared.testing.harness import service_under_test


@pytest_asyncio.fixture(scope="session")
async def talent(databases: Any, amqp_url: str, amqp_namespace: str) -> AsyncIterator[Talent]:
    """talent-service with a fresh migrated database (shared by the whole suite)."""
    namespace = f"{amqp_namespace}talent."
    async with service_under_test(
        definition,
        Settings,
        databases=databases,
        amqp_url=amqp_url,
        namespace=namespace,
        migrations=MIGRATIONS,
    ) as running:
        yield Talent(svc=running, amqp_url=amqp_url, namespace=namespace)


@pytest.fixture
def unique() -> Callable[[str], str]:
    """`unique("sql")` → a value no other test uses (keeps tests independent)."""
    suffix = uuid.uuid4().hex[:8]
    return lambda word: f"{word}-{suffix}"


@pytest.fixture
def ev() -> type[EventFactory]:
    """Builders of consumed event payloads."""
    return EventFactory
