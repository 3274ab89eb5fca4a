"""Fixtures of the notify-service suite: one running service, a real SMTP sink, a clock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from notify_testkit import HR_COPY
from notify_webhooks_kit import HR_ALERTS

from notify_service.config import Settings
from notify_service.main import MIGRATIONS, definition
from talentloop_shared.clock import Clock
from talentloop_shared.testing.harness import RunningService, service_under_test
from talentloop_shared.testing.smtp import SMTPSink


@pytest.fixture(scope="session")
def mail_sink() -> Iterator[SMTPSink]:
    """One SMTP server for the suite (the service is configured with its port at start)."""
    sink = SMTPSink()
    sink.start()
    yield sink
    sink.stop()


@pytest_asyncio.fixture(scope="session")
async def svc(
    databases: Any,
    amqp_url: str,
    amqp_namespace: str,
    mail_sink: SMTPSink,
    auth: Callable[..., dict[str, str]],
) -> AsyncIterator[RunningService]:
    """notify-service running against real PostgreSQL, RabbitMQ and SMTP."""
    async with service_under_test(
        definition,
        Settings,
        databases=databases,
        amqp_url=amqp_url,
        namespace=f"{amqp_namespace}notify.",
        migrations=MIGRATIONS,
        smtp_host="127.0.0.1",
        smtp_port=mail_sink.port,
        dispatch_poll_seconds=0.2,
        smtp_timeout_seconds=2.0,
        # Webhooks: retries in a few seconds, not a day; HR alerted by mail.
        webhook_retry_schedule_seconds=[0.3, 0.6, 1.2, 2.4],
        webhook_poll_seconds=0.2,
        hr_alert_email=HR_ALERTS,
    ) as running:
        response = await running.client.put(
            "/api/v1/settings",
            headers=auth("hr_admin"),
            json={"cc_hr": HR_COPY, "company_name": "Acme"},
        )
        assert response.status_code == 200, response.text
        yield running


@pytest.fixture
def clock(svc: RunningService) -> Iterator[Clock]:
    """The service's clock, back at real time after each test."""
    svc.runtime.clock.reset()
    yield svc.runtime.clock
    svc.runtime.clock.reset()


@pytest.fixture
def client(svc: RunningService) -> httpx.AsyncClient:
    """HTTP client on the service."""
    return svc.client
