"""Fixtures of recruiting-service tests: one running service per session, real PG + RabbitMQ.

The helpers the tests share are in `recruiting_testkit.py` (importable by name)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest_asyncio
from recruiting_testkit import Recruiting

from recruiting_service.config import Settings
from recruiting_service.main import MIGRATIONS, definition
from talentloop_shared.testing.harness import RunningService, service_under_test


@pytest_asyncio.fixture(scope="session")
async def svc(databases: Any, amqp_url: str, amqp_namespace: str) -> AsyncIterator[RunningService]:
    """recruiting-service running in-process on a fresh migrated database."""
    async with service_under_test(
        definition,
        Settings,
        databases=databases,
        amqp_url=amqp_url,
        namespace=f"{amqp_namespace}recruiting.",
        migrations=MIGRATIONS,
    ) as running:
        yield running


@pytest_asyncio.fixture(scope="session")
async def recruiting(
    svc: RunningService, amqp_url: str, auth: Callable[..., dict[str, str]]
) -> Recruiting:
    """Helpers bound to the running service."""
    return Recruiting(svc=svc, amqp_url=amqp_url, auth=auth)
