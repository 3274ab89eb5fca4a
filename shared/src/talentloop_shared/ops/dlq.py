"""Dead letters: see why a message was parked, replay it, purge it (erasure).

Parking queues are each service's `<service>.events.dlq` and `talentloop.unrouted`. Reading
one takes its messages without acknowledging them and gives back the ones not replayed
or purged (closing the channel returns them to the queue), so `list` and `show` change
nothing but the messages' redelivery count.

- why: our reason (`x-talentloop-reason`, written by the consumer that parked it), the
  last error of its retries (`x-talentloop-last-error`), and RabbitMQ's `x-death`
  (which queue, why — rejected, delivery_limit, expired — how often, when).
- replay: a copy goes to the service's own queue (from the unrouted queue: back to
  `talentloop.events` with its routing key), confirmed, then the parked one is removed.
  The copy carries no retry count or reason: the service tries it afresh, and the
  inbox still refuses an event applied before.
- purge: delete; `--candidate` finds every parked message that names a person (their id
  as a whole JSON string value), for an erasure.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import aio_pika
from aio_pika.abc import AbstractChannel, AbstractIncomingMessage

from talentloop_shared.messaging.consumer import REASON_HEADER, RETRY_HEADER
from talentloop_shared.messaging.topology import Topology, persistent_message

SERVICES = ("org-service", "recruiting-service", "notify-service", "talent-service")
UNROUTED = "unrouted"


def parking_queue(service: str, namespace: str) -> str:
    """`notify`/`notify-service` → `<ns>notify-service.events.dlq`; `unrouted` → the
    unrouted queue."""
    topo = Topology(service=_service_name(service), namespace=namespace)
    return topo.unrouted_queue if service == UNROUTED else topo.dlq


def _service_name(service: str) -> str:
    if service == UNROUTED:
        return service
    name = service if service.endswith("-service") else f"{service}-service"
    if name not in SERVICES:
        raise ValueError(f"unknown service {service!r}: one of {', '.join(SERVICES)}, unrouted")
    return name


@dataclass
class Parked:
    """One parked message, as `list`/`show` report it."""

    queue: str
    service: str
    message_id: str
    event_type: str
    reason: str | None
    last_error: str | None
    retries: int
    deaths: list[dict[str, Any]]
    body: bytes
    headers: dict[str, Any] = field(repr=False, default_factory=dict)

    def names(self, person_id: str) -> bool:
        """Does the message name this person (their id as a whole JSON string value)?"""
        return f'"{person_id}"'.encode() in self.body

    def summary(self) -> dict[str, Any]:
        return {
            "queue": self.queue,
            "id": self.message_id,
            "type": self.event_type,
            "reason": self.reason or _death_reason(self.deaths),
            "last_error": self.last_error,
            "retries": self.retries,
            "x-death": self.deaths,
        }

    def detail(self) -> dict[str, Any]:
        try:
            body: Any = json.loads(self.body)
        except ValueError:
            body = self.body.decode("utf-8", "replace")
        return {**self.summary(), "headers": _plain(self.headers), "body": body}


def _death_reason(deaths: list[dict[str, Any]]) -> str | None:
    if not deaths:
        return None
    d = deaths[0]
    return f"{d.get('reason')} in {d.get('queue')} ({d.get('count')}×)"


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _parked(queue: str, service: str, message: AbstractIncomingMessage) -> Parked:
    headers = dict(message.headers or {})
    deaths = [_plain(d) for d in headers.get("x-death") or []]  # type: ignore[union-attr]
    return Parked(
        queue=queue,
        service=service,
        message_id=message.message_id or "",
        event_type=message.type or "",
        reason=_text(headers.get(REASON_HEADER)),
        last_error=_text(headers.get("x-talentloop-last-error")),
        retries=int(str(headers.get(RETRY_HEADER, 0) or 0)),
        deaths=deaths,
        body=message.body,
        headers=headers,
    )


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


@dataclass
class Selection:
    """Which parked messages an action takes."""

    ids: Sequence[str] = ()
    candidate: str | None = None
    everything: bool = False

    def __post_init__(self) -> None:
        if self.candidate is not None:
            uuid.UUID(self.candidate)  # a person is named by their UUID only

    def takes(self, parked: Parked) -> bool:
        if self.everything:
            return True
        if self.ids and parked.message_id not in self.ids:
            return False
        if self.candidate and not parked.names(self.candidate):
            return False
        return bool(self.ids or self.candidate)

    def filters(self, parked: Parked) -> bool:
        """For list/show: no criterion means all."""
        return self.everything or not (self.ids or self.candidate) or self.takes(parked)


class DeadLetters:
    """The parking queues of one broker namespace."""

    def __init__(self, amqp_url: str, namespace: str = "") -> None:
        self.amqp_url = amqp_url
        self.namespace = namespace

    def _queues(self, services: Sequence[str] | None) -> list[tuple[str, str]]:
        wanted = list(services) if services else [*SERVICES, UNROUTED]
        return [(_service_name(s), parking_queue(s, self.namespace)) for s in wanted]

    async def _each(
        self, channel: AbstractChannel, queue: str, service: str, limit: int
    ) -> list[tuple[Parked, AbstractIncomingMessage]]:
        try:
            q = await channel.declare_queue(queue, passive=True)
        except aio_pika.exceptions.ChannelClosed:
            return []
        taken: list[tuple[Parked, AbstractIncomingMessage]] = []
        while len(taken) < limit:
            message = await q.get(no_ack=False, fail=False, timeout=10)
            if message is None:
                break
            taken.append((_parked(queue, service, message), message))
        return taken

    async def find(
        self,
        services: Sequence[str] | None = None,
        selection: Selection | None = None,
        *,
        limit: int = 1000,
    ) -> list[Parked]:
        """Parked messages (none is removed)."""
        selection = selection or Selection()
        found: list[Parked] = []
        connection = await aio_pika.connect(self.amqp_url, timeout=10)
        try:
            for service, queue in self._queues(services):
                channel = await connection.channel()
                try:
                    for parked, _ in await self._each(channel, queue, service, limit):
                        if selection.filters(parked):
                            found.append(parked)
                finally:
                    await channel.close()  # unacked messages go back to the queue
        finally:
            await connection.close()
        return found

    async def replay(
        self, services: Sequence[str] | None, selection: Selection, *, limit: int = 100_000
    ) -> list[Parked]:
        """Send the selected messages back to their service; returns them."""
        return await self._take(services, selection, replay=True, limit=limit)

    async def purge(
        self, services: Sequence[str] | None, selection: Selection, *, limit: int = 100_000
    ) -> list[Parked]:
        """Delete the selected messages; returns them."""
        return await self._take(services, selection, replay=False, limit=limit)

    async def _take(
        self, services: Sequence[str] | None, selection: Selection, *, replay: bool, limit: int
    ) -> list[Parked]:
        done: list[Parked] = []
        connection = await aio_pika.connect(self.amqp_url, timeout=10)
        try:
            publisher = await connection.channel(publisher_confirms=True)
            for service, queue in self._queues(services):
                channel = await connection.channel()
                try:
                    for parked, message in await self._each(channel, queue, service, limit):
                        if not selection.takes(parked):
                            continue
                        if replay:
                            await self._send_back(publisher, parked)
                        await message.ack()
                        done.append(parked)
                finally:
                    await channel.close()
        finally:
            await connection.close()
        return done

    async def _send_back(self, publisher: AbstractChannel, parked: Parked) -> None:
        headers = {
            k: v
            for k, v in parked.headers.items()
            if k not in {"x-death", REASON_HEADER, RETRY_HEADER, "x-talentloop-last-error"}
            and not k.startswith("x-first-death")
            and not k.startswith("x-last-death")
        }
        headers["x-talentloop-replayed-from"] = parked.queue
        message = persistent_message(
            parked.body,
            message_id=parked.message_id,
            event_type=parked.event_type,
            headers=headers,
        )
        topo = Topology(service=parked.service, namespace=self.namespace)
        if parked.service == UNROUTED:
            exchange = await publisher.get_exchange(topo.exchange, ensure=False)
            await exchange.publish(message, routing_key=parked.event_type, mandatory=False)
        else:
            await publisher.default_exchange.publish(message, routing_key=topo.queue)
