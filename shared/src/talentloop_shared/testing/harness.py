"""Run a service in-process against real PostgreSQL and RabbitMQ, and watch the bus."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import aio_pika
import httpx
from aio_pika.abc import AbstractIncomingMessage
from sqlalchemy import select

from talentloop_shared.config import ServiceSettings
from talentloop_shared.db.tables import inbox
from talentloop_shared.events.envelope import CloudEvent
from talentloop_shared.messaging.topology import Topology, declare_exchanges, persistent_message
from talentloop_shared.service import Runtime, ServiceDefinition, create_service_app
from talentloop_shared.testing.plugin import eventually, register_queues

FAST_MESSAGING: dict[str, Any] = {
    "environment": "test",
    # A test suite keeps many services alive at once (and several suites may share one
    # PostgreSQL): keep few idle connections; bursts still get theirs.
    "db_pool_size": 2,
    "db_max_overflow": 15,
    "retry_delays_ms": [200, 400, 800],
    "outbox_poll_seconds": 0.5,
    "watchdog_seconds": 1.0,
    "log_json": False,
    "log_level": "WARNING",
}


@dataclass
class RunningService:
    """A started service: its runtime and an HTTP client bound to it."""

    runtime: Runtime
    client: httpx.AsyncClient

    @property
    def uow_factory(self) -> Any:
        return self.runtime.uow_factory


async def applied(svc: RunningService, *event_ids: str, timeout: float = 10.0) -> None:
    """Wait until every event was applied: its id is in the inbox, which the consumer writes
    in the handler's own transaction. A handler that raises leaves no inbox row (its event
    goes to a retry queue), so this fails where waiting for a later event would not."""
    missing = set(event_ids)

    async def probe() -> bool:
        async with svc.runtime.session_factory() as session:
            found = await session.scalars(
                select(inbox.c.event_id).where(inbox.c.event_id.in_(list(missing)))
            )
            missing.difference_update(found)
        return not missing

    try:
        await eventually(probe, timeout=timeout)
    except AssertionError:
        raise AssertionError(f"events not applied within {timeout}s: {sorted(missing)}") from None


@contextlib.asynccontextmanager
async def running_service(
    make_definition: Callable[[Any], ServiceDefinition],
    settings: ServiceSettings,
    *,
    wait_ready: bool = True,
) -> AsyncIterator[RunningService]:
    """Start `make_definition(settings)`'s app (lifespan included); stop it on exit."""
    definition = make_definition(settings)
    app = create_service_app(definition)
    topo = Topology(
        service=definition.name,
        namespace=settings.amqp_namespace,
        retry_delays_ms=tuple(settings.retry_delays_ms),
    )
    register_queues(topo.all_queue_names(), namespace=settings.amqp_namespace)
    async with app.router.lifespan_context(app):
        runtime: Runtime = app.state.runtime
        if wait_ready and settings.run_background:
            await runtime.broker.wait_ready(20)
            await eventually(
                lambda: _true(runtime.relay.active), timeout=20, message="outbox relay active"
            )
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield RunningService(runtime=runtime, client=client)


async def _true(value: bool) -> bool:
    return value


@dataclass
class EventProbe:
    """A private queue bound to the bus that records every event with the given types."""

    events: list[CloudEvent] = field(default_factory=list)
    raw: list[AbstractIncomingMessage] = field(default_factory=list)

    async def _on(self, message: AbstractIncomingMessage) -> None:
        async with message.process():
            self.raw.append(message)
            self.events.append(CloudEvent.from_json(message.body))

    def of_type(self, event_type: str) -> list[CloudEvent]:
        """Received events of one type, in arrival order."""
        return [e for e in self.events if e.type == event_type]

    async def wait_for(
        self, count: int, *, event_type: str | None = None, timeout: float = 10.0
    ) -> list[CloudEvent]:
        """Wait until at least `count` events (of `event_type`) arrived; return them."""

        async def probe() -> list[CloudEvent] | None:
            got = self.of_type(event_type) if event_type else self.events
            return got if len(got) >= count else None

        return await eventually(
            probe, timeout=timeout, message=f"{count} {event_type or 'events'} received"
        )

    async def settle(self, seconds: float = 0.5) -> None:
        """Give stray events a moment to arrive (used only to assert that none did)."""
        await asyncio.sleep(seconds)


@contextlib.asynccontextmanager
async def event_probe(
    amqp_url: str, namespace: str, event_types: list[str]
) -> AsyncIterator[EventProbe]:
    """Record events of `event_types` published on the namespace's exchange."""
    connection = await aio_pika.connect(amqp_url)
    try:
        channel = await connection.channel()
        register_queues([], namespace=namespace)
        topo = Topology(service="probe", namespace=namespace)
        exchange = await declare_exchanges(channel, topo)
        queue = await channel.declare_queue(exclusive=True, auto_delete=True)
        for t in event_types:
            await queue.bind(exchange, routing_key=t)
        probe = EventProbe()
        await queue.consume(probe._on)
        yield probe
    finally:
        await connection.close()


async def publish_event(
    amqp_url: str, namespace: str, event: CloudEvent | bytes, *, routing_key: str | None = None
) -> None:
    """Publish one event (or raw bytes) to the namespace's exchange, as a producer would."""
    await publish_events(amqp_url, namespace, [event], routing_key=routing_key)


async def publish_events(
    amqp_url: str,
    namespace: str,
    events: list[CloudEvent | bytes],
    *,
    routing_key: str | None = None,
) -> None:
    """Publish several events over one connection, back to back (a burst)."""
    connection = await aio_pika.connect(amqp_url)
    try:
        channel = await connection.channel(publisher_confirms=True)
        exchange = await declare_exchanges(channel, Topology(service="x", namespace=namespace))
        for event in events:
            if isinstance(event, CloudEvent):
                body, mid, key = event.to_json(), event.id, routing_key or event.type
            else:
                assert routing_key, "raw bytes need a routing key"
                body, mid, key = event, "raw", routing_key
            await exchange.publish(
                persistent_message(body, message_id=mid, event_type=key), routing_key=key
            )
    finally:
        await connection.close()


@dataclass(eq=False)
class _HandedOver:
    """A delivery handed to a consumer directly, not through the broker; counts its acks.
    Those handed over together share a `channel`, in the order of `delivered`: an ack
    "multiple" settles, as the broker's does, every earlier one not yet acked too."""

    body: bytes
    message_id: str
    channel: object
    delivered: list[_HandedOver]
    headers: dict[str, Any] = field(default_factory=dict)
    acks: int = 0
    # Each ack frame this delivery sent: True for one "up to and including" it.
    frames: list[bool] = field(default_factory=list)

    async def ack(self, multiple: bool = False) -> None:
        self.acks += 1
        self.frames.append(multiple)
        if multiple:
            for earlier in self.delivered[: self.delivered.index(self)]:
                earlier.acks = earlier.acks or 1

    async def reject(self, requeue: bool = False) -> None:
        raise AssertionError("rejected: a consumer with a channel parks, never rejects")


def handed_over(events: Sequence[CloudEvent | bytes]) -> list[_HandedOver]:
    """Deliveries of `events` (or raw bodies) on one channel, in this order, to hand to a
    consumer's `on_message` directly; each counts its acks (`acks`, `frames`)."""
    channel: object = object()
    deliveries: list[_HandedOver] = []
    for e in events:
        body, mid = (e.to_json(), e.id) if isinstance(e, CloudEvent) else (e, "raw")
        deliveries.append(_HandedOver(body, mid, channel, deliveries))
    return deliveries


async def deliver_together(
    svc: RunningService, events: list[CloudEvent], *, timeout: float = 15.0
) -> list[_HandedOver]:
    """Hand `events` to the service's consumer as one batch, not through the broker (which
    decides on its own what arrives together), and wait until each was acked exactly once
    (applied, a duplicate, or sent on to a retry tier or the DLQ); the deliveries."""
    consumer = svc.runtime.broker.consumer
    assert consumer is not None, "the service consumes no events"
    deliveries = handed_over(events)
    for d in deliveries:
        # No suspension in between (the queue is unbounded): the consumer's worker runs only
        # when the caller awaits something that waits, and then finds them all pending.
        await consumer.on_message(d)  # type: ignore[arg-type]

    async def all_acked() -> bool:
        return all(d.acks for d in deliveries)

    await eventually(all_acked, timeout=timeout, message="every delivery acked")
    await asyncio.sleep(0.2)  # a second ack would come now
    assert [d.acks for d in deliveries] == [1] * len(deliveries)
    return deliveries


@contextlib.asynccontextmanager
async def service_under_test(
    make_definition: Callable[[Any], ServiceDefinition],
    settings_class: type[ServiceSettings],
    *,
    databases: Any,
    amqp_url: str,
    namespace: str,
    migrations: str,
    database_url: str | None = None,
    wait_ready: bool = True,
    **overrides: Any,
) -> AsyncIterator[RunningService]:
    """A service with a fresh migrated database (or `database_url`) and fast retry tiers
    (`wait_ready=False` for a second process of a service: its relay stands by)."""
    name = settings_class.model_fields["service_name"].default
    url = database_url or await databases.create(name, migrations=migrations)
    settings = settings_class(
        database_url=url,
        amqp_url=amqp_url,
        amqp_namespace=namespace,
        **{**FAST_MESSAGING, **overrides},
    )
    async with running_service(make_definition, settings, wait_ready=wait_ready) as svc:
        yield svc
