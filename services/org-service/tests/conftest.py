"""Fixtures of the org-service suite: one running service (real PostgreSQL and RabbitMQ)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest_asyncio

from org_service.config import Settings
from org_service.main import MIGRATIONS, definition
from talentloop_shared.testing.harness import RunningService, service_under_test

# The tests import org_testkit (next to this file); --import-mode=importlib needs the path.


@pytest_asyncio.fixture(scope="session")
async def svc(databases: Any, amqp_url: str, amqp_namespace: str) -> AsyncIterator[RunningService]:
    """org-service on a fresh migrated database, on its own broker namespace."""
    async with service_under_test(
        definition,
        Settings,
        databases=databases,
        amqp_url=amqp_url,
        namespace=f"{amqp_namespace}org.",
        migrations=MIGRATIONS,
    ) as running:
        yield running


@pytest_asyncio.fixture(scope="session")
async def ns(svc: RunningService) -> str:
    """The broker namespace the service publishes on."""
    return svc.runtime.settings.amqp_namespace


@pytest_asyncio.fixture(scope="session")
async def client(svc: RunningService) -> httpx.AsyncClient:
    """HTTP client bound to the service."""
    return svc.client


@pytest_asyncio.fixture(scope="session")
async def hr(auth: Callable[..., dict[str, str]]) -> dict[str, str]:
    """Headers of an HR admin (sub `hr-anna`)."""
    return auth("hr_admin", sub="hr-anna")
