"""When every database connection is busy, a request waits a bounded time and gets a 503
problem+json with Retry-After: the client learns to come back, nothing is half-written,
and no 500 reaches anyone (the soak found 500s after a 30 s wait)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio

from org_service.config import Settings
from org_service.main import MIGRATIONS, definition
from talentloop_shared.testing.harness import RunningService, service_under_test


@pytest_asyncio.fixture(scope="module")
async def tiny(databases: Any, amqp_url: str, amqp_namespace: str) -> AsyncIterator[RunningService]:
    """org-service with one pooled connection, no burst allowance and a short wait."""
    async with service_under_test(
        definition,
        Settings,
        databases=databases,
        amqp_url=amqp_url,
        namespace=f"{amqp_namespace}org-tiny.",
        migrations=MIGRATIONS,
        db_pool_size=1,
        db_max_overflow=0,
        db_pool_timeout_seconds=0.5,
    ) as running:
        yield running


@contextlib.asynccontextmanager
async def every_connection_taken(svc: RunningService) -> AsyncIterator[None]:
    engine = svc.runtime.engine
    held = [await engine.connect() for _ in range(engine.pool.size())]
    try:
        yield
    finally:
        for conn in held:
            await conn.close()


async def test_a_request_that_cannot_get_a_connection_is_told_to_retry(tiny, hr) -> None:
    unit = {"name": "Busy Co", "kind": "company"}
    async with every_connection_taken(tiny):
        started = time.monotonic()
        read = await tiny.client.get("/api/v1/org-units", headers=hr)
        write = await tiny.client.post("/api/v1/org-units", json=unit, headers=hr)
        waited = time.monotonic() - started
    for r in (read, write):
        assert r.status_code == 503, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert int(r.headers["Retry-After"]) >= 1
        assert "busy" in r.json()["detail"]
    assert waited < 5, "each request waits at most the pool timeout"
    # Nothing was written, and once connections are free the same request succeeds.
    listed = (await tiny.client.get("/api/v1/org-units", headers=hr)).json()["items"]
    assert all(u["name"] != "Busy Co" for u in listed)
    created = await tiny.client.post("/api/v1/org-units", json=unit, headers=hr)
    assert created.status_code == 201, created.text
