"""Exchanges and queues, declared idempotently at start-up by every service.

Names follow ARCHITECTURE.md; `namespace` prefixes every name so that test runs (or
several environments on one broker) never see each other's messages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractExchange, AbstractQueue, ExchangeType


@dataclass(frozen=True)
class Topology:
    """All names for one service's view of the bus."""

    service: str
    namespace: str = ""
    retry_delays_ms: tuple[int, ...] = (5_000, 60_000, 600_000)
    delivery_limit: int = 20
    bindings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def exchange(self) -> str:
        return f"{self.namespace}talentloop.events"

    @property
    def unrouted_exchange(self) -> str:
        return f"{self.namespace}talentloop.unrouted"

    @property
    def unrouted_queue(self) -> str:
        return f"{self.namespace}talentloop.unrouted"

    @property
    def dead_letter_exchange(self) -> str:
        return f"{self.namespace}talentloop.dlx"

    @property
    def queue(self) -> str:
        return f"{self.namespace}{self.service}.events"

    @property
    def dlq(self) -> str:
        return f"{self.queue}.dlq"

    @property
    def local_exchange(self) -> str:
        """The service's own direct exchange to its retry tiers and its DLQ. Retries and
        parked messages go through it, so a service needs no right to publish on the
        default exchange (which reaches every queue, other services' included)."""
        return f"{self.queue}.local"

    def retry_queue(self, delay_ms: int) -> str:
        """Name of the retry tier with this delay, e.g. `recruiting-service.events.retry.5s`."""
        return f"{self.queue}.retry.{_human(delay_ms)}"

    def all_queue_names(self) -> list[str]:
        """Every queue this service owns (for tests that clean up)."""
        return [self.queue, self.dlq, *(self.retry_queue(d) for d in self.retry_delays_ms)]


def _human(ms: int) -> str:
    if ms % 60_000 == 0:
        return f"{ms // 60_000}m"
    if ms % 1000 == 0:
        return f"{ms // 1000}s"
    return f"{ms}ms"


# at-least-once dead-lettering needs reject-publish overflow (RabbitMQ 3.10+).
_SAFE_DEAD_LETTERING = {
    "x-queue-type": "quorum",
    "x-dead-letter-strategy": "at-least-once",
    "x-overflow": "reject-publish",
}


async def declare_exchanges(channel: AbstractChannel, topo: Topology) -> AbstractExchange:
    """Declare the shared exchanges (every service does; declarations are idempotent)."""
    unrouted = await channel.declare_exchange(
        topo.unrouted_exchange, ExchangeType.FANOUT, durable=True
    )
    unrouted_q = await channel.declare_queue(
        topo.unrouted_queue, durable=True, arguments={"x-queue-type": "quorum"}
    )
    await unrouted_q.bind(unrouted)
    await channel.declare_exchange(topo.dead_letter_exchange, ExchangeType.DIRECT, durable=True)
    return await channel.declare_exchange(
        topo.exchange,
        ExchangeType.TOPIC,
        durable=True,
        arguments={"alternate-exchange": topo.unrouted_exchange},
    )


async def declare_consumer_queues(
    channel: AbstractChannel, topo: Topology, event_types: Iterable[str]
) -> AbstractQueue:
    """Declare the service's queue, its retry tiers and its DLQ, and bind its event types."""
    dlx = await channel.get_exchange(topo.dead_letter_exchange, ensure=False)
    local = await channel.declare_exchange(topo.local_exchange, ExchangeType.DIRECT, durable=True)
    dlq = await channel.declare_queue(topo.dlq, durable=True, arguments={"x-queue-type": "quorum"})
    await dlq.bind(dlx, routing_key=topo.dlq)
    await dlq.bind(local, routing_key=topo.dlq)
    for delay in topo.retry_delays_ms:
        # A retry tier holds a message for `delay`, then dead-letters it back to the main queue
        # through the default exchange.
        tier = await channel.declare_queue(
            topo.retry_queue(delay),
            durable=True,
            arguments={
                **_SAFE_DEAD_LETTERING,
                "x-message-ttl": delay,
                "x-dead-letter-exchange": "",
                "x-dead-letter-routing-key": topo.queue,
            },
        )
        await tier.bind(local, routing_key=tier.name)
    queue = await channel.declare_queue(
        topo.queue,
        durable=True,
        arguments={
            **_SAFE_DEAD_LETTERING,
            "x-delivery-limit": topo.delivery_limit,
            "x-dead-letter-exchange": topo.dead_letter_exchange,
            "x-dead-letter-routing-key": topo.dlq,
        },
    )
    exchange = await channel.get_exchange(topo.exchange, ensure=False)
    for event_type in sorted(set(event_types)):
        await queue.bind(exchange, routing_key=event_type)
    return queue


def persistent_message(
    body: bytes,
    *,
    message_id: str,
    event_type: str,
    headers: dict[str, object] | None = None,
) -> aio_pika.Message:
    """A persistent CloudEvents message."""
    return aio_pika.Message(
        body,
        content_type="application/cloudevents+json",
        delivery_mode=aio_pika.DeliveryMode.PERSISTENT,
        message_id=message_id,
        type=event_type,
        headers=headers or {},  # type: ignore[arg-type]
    )
