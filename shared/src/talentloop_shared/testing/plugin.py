"""pytest plugin loaded for every test run (root pyproject `addopts`).

Gives tests real infrastructure:
- PostgreSQL: TALENTLOOP_TEST_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
  or a testcontainers PostgreSQL when TALENTLOOP_TESTCONTAINERS=1 and Docker runs.
- RabbitMQ: TALENTLOOP_TEST_AMQP_URL (default amqp://guest:guest@127.0.0.1:5672/), or
  testcontainers likewise. Every test session uses its own name prefix on the broker and
  deletes what it declared at the end.
- SMTP: a real aiosmtpd server on loopback.
"""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, TypeVar

import aio_pika
import asyncpg
import pytest
import pytest_asyncio

from talentloop_shared.auth.jwt import issue_token
from talentloop_shared.config import DEV_JWT_SECRET
from talentloop_shared.testing.smtp import SMTPSink

T = TypeVar("T")


def _testcontainers_wanted() -> bool:
    return os.environ.get("TALENTLOOP_TESTCONTAINERS") == "1"


@pytest.fixture(scope="session")
def pg_admin_url() -> Iterator[str]:
    """A libpq URL of a database with rights to CREATE DATABASE."""
    url = os.environ.get("TALENTLOOP_TEST_PG_URL")
    if url is None and _testcontainers_wanted():
        from testcontainers.postgres import PostgresContainer

        with PostgresContainer("postgres:16-alpine", driver=None) as pg:
            yield pg.get_connection_url()
        return
    yield url or "postgresql://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(scope="session")
def amqp_url() -> Iterator[str]:
    """The AMQP URL of a real RabbitMQ."""
    url = os.environ.get("TALENTLOOP_TEST_AMQP_URL")
    if url is None and _testcontainers_wanted():
        from testcontainers.rabbitmq import RabbitMqContainer

        with RabbitMqContainer("rabbitmq:3.13-management-alpine") as rmq:
            params = rmq.get_connection_params()
            yield f"amqp://guest:guest@{params.host}:{params.port}/"
        return
    yield url or "amqp://guest:guest@127.0.0.1:5672/"


@pytest.fixture(scope="session")
def run_id() -> str:
    """A short id unique to this test session."""
    return uuid.uuid4().hex[:8]


@pytest_asyncio.fixture(scope="session")
async def amqp_namespace(amqp_url: str, run_id: str) -> AsyncIterator[str]:
    """A broker name prefix for this session; everything under it is deleted at the end."""
    namespace = f"test-{run_id}."
    yield namespace
    await delete_namespace(amqp_url, namespace)


async def delete_namespace(amqp_url: str, namespace: str) -> None:
    """Delete every queue and exchange declared under `namespace` (and the namespaces below
    it) by this process: quorum queues are heavyweight, and a broker that accumulates
    hundreds of them from test runs slows to a halt."""
    from talentloop_shared.messaging.topology import Topology

    queues = sorted(q for q in _DECLARED_QUEUES if q.startswith(namespace))
    namespaces = sorted(n for n in _DECLARED_NAMESPACES if n.startswith(namespace))
    namespaces = namespaces or [namespace]
    exchanges: list[str] = []
    for ns in namespaces:
        topo = Topology(service="x", namespace=ns)
        queues.append(topo.unrouted_queue)
        exchanges += [topo.exchange, topo.unrouted_exchange, topo.dead_letter_exchange]
    # Each consumer's own exchange to its retry tiers and DLQ (Topology.local_exchange).
    exchanges += [f"{q}.local" for q in queues if q.endswith(".events")]
    connection = await aio_pika.connect(amqp_url, timeout=10)
    try:
        channel = await connection.channel()
        for name in queues:
            try:
                await channel.queue_delete(name, timeout=10)
            except Exception:
                if channel.is_closed:  # a failed delete closes the channel
                    channel = await connection.channel()
        for name in exchanges:
            try:
                await channel.exchange_delete(name, timeout=10)
            except Exception:
                if channel.is_closed:
                    channel = await connection.channel()
    finally:
        await connection.close()
    _DECLARED_QUEUES.difference_update(queues)
    _DECLARED_NAMESPACES.difference_update(namespaces)


_DECLARED_QUEUES: set[str] = set()
_DECLARED_NAMESPACES: set[str] = set()


def register_services(
    services: list[str], *, namespace: str, retry_delays_ms: tuple[int, ...] | None = None
) -> None:
    """Remember every queue these services declare under `namespace`, for cleanup."""
    from talentloop_shared.messaging.topology import Topology

    for service in services:
        topo = Topology(service=service, namespace=namespace)
        if retry_delays_ms is not None:
            topo = Topology(service=service, namespace=namespace, retry_delays_ms=retry_delays_ms)
        register_queues(topo.all_queue_names())
    register_queues([], namespace=namespace)


def register_queues(names: list[str], *, namespace: str | None = None) -> None:
    """Remember queues (and their namespace) to delete when the test session ends."""
    _DECLARED_QUEUES.update(names)
    if namespace is not None:
        _DECLARED_NAMESPACES.add(namespace)


class DatabaseFactory:
    """Creates fresh, migrated databases and drops them at the end."""

    def __init__(self, admin_url: str, run_id: str) -> None:
        self.admin_url = admin_url
        self.run_id = run_id
        self.created: list[str] = []

    def _url(self, name: str) -> str:
        base, _, _ = self.admin_url.rpartition("/")
        return f"{base}/{name}"

    async def create(self, hint: str, *, migrations: str | None = None) -> str:
        """A new empty database (migrated to head when `migrations` is given); SQLAlchemy URL."""
        name = f"tl_{hint.replace('-', '_')}_{self.run_id}_{len(self.created)}"
        conn = await asyncpg.connect(self.admin_url)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            await conn.execute(f'CREATE DATABASE "{name}"')
        finally:
            await conn.close()
        self.created.append(name)
        url = self._url(name).replace("postgresql://", "postgresql+asyncpg://", 1)
        if migrations:
            from talentloop_shared.db.migrations import upgrade_to_head

            await asyncio.to_thread(upgrade_to_head, migrations, url)
        return url

    async def drop_all(self) -> None:
        """Drop every database this factory created."""
        conn = await asyncpg.connect(self.admin_url)
        try:
            for name in self.created:
                await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


@pytest_asyncio.fixture(scope="session")
async def databases(pg_admin_url: str, run_id: str) -> AsyncIterator[DatabaseFactory]:
    """Factory of fresh PostgreSQL databases for this session."""
    factory = DatabaseFactory(pg_admin_url, run_id)
    yield factory
    await factory.drop_all()


@pytest.fixture
def smtp_server() -> Iterator[SMTPSink]:
    """A real SMTP server on loopback; `.messages` holds what arrived."""
    sink = SMTPSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture(scope="session")
def token() -> Callable[..., str]:
    """`token("recruiter", sub="u1")` → a signed dev JWT with that role."""

    def make(
        *roles: str, sub: str = "test-user", ttl: int = 3600, secret: str = DEV_JWT_SECRET
    ) -> str:
        return issue_token(sub=sub, roles=list(roles), secret=secret, ttl_seconds=ttl)

    return make


@pytest.fixture(scope="session")
def auth() -> Callable[..., dict[str, str]]:
    """`auth("hr_admin")` → an Authorization header dict."""

    def make(*roles: str, sub: str = "test-user") -> dict[str, str]:
        return {
            "Authorization": "Bearer "
            + issue_token(sub=sub, roles=list(roles), secret=DEV_JWT_SECRET)
        }

    return make


async def eventually(
    probe: Callable[[], Awaitable[T | None]],
    *,
    timeout: float = 10.0,
    interval: float = 0.05,
    message: str = "condition not met",
) -> T:
    """Poll `probe` until it returns a truthy value or the deadline passes (no blind sleeps)."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        last = await probe()
        if last:
            return last
        await asyncio.sleep(interval)
    raise AssertionError(f"{message} within {timeout}s (last value: {last!r})")
