"""The four services as real uvicorn processes on free ports, against real PostgreSQL,
RabbitMQ and an SMTP server on loopback — the same launcher `make run` uses."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import pytest_asyncio

from talentloop_shared.devtools.suite import Suite
from talentloop_shared.testing.smtp import SMTPSink
from talentloop_shared.testing.suites import running_suite


@pytest.fixture(scope="module")
def mailbox() -> Iterator[SMTPSink]:
    """The SMTP server notify-service sends to."""
    sink = SMTPSink()
    sink.start()
    yield sink
    sink.stop()


@pytest_asyncio.fixture(scope="module")
async def suite(
    pg_admin_url: str,
    amqp_url: str,
    amqp_namespace: str,
    run_id: str,
    mailbox: SMTPSink,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Suite]:
    """Start all four services; stop them and drop their databases afterwards."""
    async with running_suite(
        pg_admin_url=pg_admin_url,
        amqp_url=amqp_url,
        namespace=f"{amqp_namespace}e2e.",
        database_suffix=f"_e2e_{run_id}",
        mailbox=mailbox,
        log_dir=tmp_path_factory.mktemp("logs"),
    ) as running:
        yield running


@pytest_asyncio.fixture(scope="module")
async def http(suite: Suite) -> AsyncIterator[httpx.AsyncClient]:
    """One HTTP client for all services (absolute URLs)."""
    async with httpx.AsyncClient(timeout=15) as client:
        yield client
