"""The four services as real uvicorn processes on free ports, against real PostgreSQL,
RabbitMQ and an SMTP server on loopback — the same launcher `make run` uses."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
import pytest_asyncio

from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.testing.plugin import delete_namespace, register_services
from talentloop_shared.testing.smtp import SMTPSink, free_port

# Fast retry tiers so a restarted service catches up within seconds.
RETRY_DELAYS_MS = (500, 1000, 2000)


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
    namespace = f"{amqp_namespace}e2e."
    suite = Suite(
        pg_url=pg_admin_url,
        amqp_url=amqp_url,
        smtp_port=mailbox.port,
        namespace=namespace,
        database_suffix=f"_e2e_{run_id}",
        ports={spec.name: free_port() for spec in SERVICES},
        log_dir=tmp_path_factory.mktemp("logs"),
        extra_env={
            # Fast retry tiers and polling so a restarted service catches up within seconds.
            **{f"{s.prefix}_RETRY_DELAYS_MS": json.dumps(RETRY_DELAYS_MS) for s in SERVICES},
            **{f"{s.prefix}_OUTBOX_POLL_SECONDS": "0.5" for s in SERVICES},
            **{f"{s.prefix}_DB_POOL_SIZE": "3" for s in SERVICES},
            **{f"{s.prefix}_WATCHDOG_SECONDS": "1" for s in SERVICES},
            **{f"{s.prefix}_LOG_LEVEL": "INFO" for s in SERVICES},
        },
    )
    register_services(
        [s.name for s in SERVICES], namespace=namespace, retry_delays_ms=RETRY_DELAYS_MS
    )
    await suite.check_infrastructure()
    await suite.drop_databases()
    await suite.create_databases()
    suite.migrate()
    suite.start_all()
    try:
        await suite.wait_ready(timeout=90)
        yield suite
    finally:
        suite.stop_all()
        await suite.drop_databases()
        await delete_namespace(amqp_url, namespace)


@pytest_asyncio.fixture(scope="module")
async def http(suite: Suite) -> AsyncIterator[httpx.AsyncClient]:
    """One HTTP client for all services (absolute URLs)."""
    async with httpx.AsyncClient(timeout=15) as client:
        yield client
