"""The four services as real uvicorn processes on free ports, against real PostgreSQL,
RabbitMQ and an SMTP server on loopback — the same launcher `make run` uses."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager
from typing import Any

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


@pytest.fixture(scope="module")
def suites(
    pg_admin_url: str,
    amqp_url: str,
    amqp_namespace: str,
    run_id: str,
    mailbox: SMTPSink,
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., AbstractAsyncContextManager[Suite]]:
    """`async with suites("name", replicas=2, extra_env={...}) as suite:` — the four
    services in their own databases and broker namespace, mailing `mailbox`."""

    def start(name: str, **options: Any) -> AbstractAsyncContextManager[Suite]:
        return running_suite(
            pg_admin_url=pg_admin_url,
            amqp_url=amqp_url,
            namespace=f"{amqp_namespace}{name}.",
            database_suffix=f"_{name}_{run_id}",
            mailbox=mailbox,
            log_dir=tmp_path_factory.mktemp(f"{name}-logs"),
            **options,
        )

    return start


@pytest_asyncio.fixture(scope="module")
async def suite(suites: Callable[..., AbstractAsyncContextManager[Suite]]) -> AsyncIterator[Suite]:
    """Start all four services; stop them and drop their databases afterwards."""
    async with suites("e2e") as running:
        yield running


@pytest_asyncio.fixture(scope="module")
async def http(suite: Suite) -> AsyncIterator[httpx.AsyncClient]:
    """One HTTP client for all services (absolute URLs)."""
    # A connection idle as long as uvicorn keeps it (5 s) is not reused: the server may
    # close it as the next request goes out ("Server disconnected without a response").
    limits = httpx.Limits(keepalive_expiry=1.0)
    async with httpx.AsyncClient(timeout=15, limits=limits) as client:
        yield client
