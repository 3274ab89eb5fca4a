"""Consumer: inbox + effects + outbox in one transaction, ack only after commit.

Deliveries that arrive together are applied together: one transaction claims their ids in
the inbox, runs each handler in delivery order and commits once, then each is acked. That
keeps the cost per event low under load, and a lone event still goes through at once. If a
batch fails, its events are applied one by one, so one bad event cannot hold back others.
A `BatchHandler` goes further: the events of its type that follow each other in a batch
are handed to it in one call, so it can read what they share once and write their rows
with one statement.

Failures are sorted: a message we cannot understand goes to the DLQ at once (retrying it
cannot help); anything else is retried through delay tiers and parked in the DLQ after the
last one, so a bad message never blocks the queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from aio_pika.abc import AbstractChannel, AbstractIncomingMessage
from pydantic import ValidationError

from talentloop_shared.aio import LINGER_AFTER, linger
from talentloop_shared.db.uow import UnitOfWork, UnitOfWorkFactory
from talentloop_shared.events.envelope import CloudEvent
from talentloop_shared.events.payloads import Payload
from talentloop_shared.events.registry import (
    UnknownEventType,
    allowed_publisher,
    parse_payload,
)
from talentloop_shared.inbox import claim_event, claim_events
from talentloop_shared.logging import (
    bind_traceparent,
    describe_error,
    get_logger,
    new_traceparent,
)
from talentloop_shared.messaging.topology import Topology, persistent_message
from talentloop_shared.metrics import EVENT_AGE, EVENTS_CONSUMED

log = get_logger(__name__)

Handler = Callable[[UnitOfWork, Any, CloudEvent], Awaitable[None]]
RETRY_HEADER = "x-talentloop-retries"
# Why a message was parked in the DLQ, in our words (shown by `talentloop dlq show`;
# RabbitMQ's `x-death` says only how).
REASON_HEADER = "x-talentloop-reason"


EventItem = tuple[Any, CloudEvent]
"""One event as a batch handler gets it: the parsed payload and the envelope."""

ManyHandler = Callable[[UnitOfWork, Sequence[EventItem]], Awaitable[None]]


class PermanentEventError(Exception):
    """Raised by a handler for an event that can never be applied (goes to the DLQ)."""


class BatchHandler:
    """A handler that also applies a run of events at once: `many(uow, items)`.

    The consumer hands it, in one call and in delivery order, the events of a batch that
    follow each other and share this handler (each one claimed in the inbox for the first
    time: a duplicate is left out); events of other types in between split the run, so
    effects keep the order of the queue. A lone event, and every event of a batch applied
    one by one after the batch failed, goes through `many` with one item. `many` must
    have the effects calling it once per event would have, in the order given, and never
    commit; `each_event` binds each event's traceparent while its part runs."""

    def __init__(self, many: ManyHandler) -> None:
        self.many = many
        self.__name__ = getattr(many, "__name__", type(self).__name__)
        self.__doc__ = many.__doc__

    async def __call__(self, uow: UnitOfWork, payload: Any, event: CloudEvent) -> None:
        await self.many(uow, [(payload, event)])


def each_event(items: Sequence[EventItem]) -> Iterator[EventItem]:
    """The items of a batch handler's run one by one, each with its event's traceparent
    bound (logs, and events published in its part, carry it) while it is handled."""
    for payload, event in items:
        bind_traceparent(new_traceparent(event.traceparent))
        yield payload, event


@dataclass(frozen=True, slots=True)
class _Delivery:
    message: AbstractIncomingMessage
    event: CloudEvent
    payload: Payload
    handler: Handler


class EventConsumer:
    """Applies each event once through the service's subscription map."""

    def __init__(
        self,
        *,
        topology: Topology,
        subscriptions: Mapping[str, Handler],
        uow_factory: UnitOfWorkFactory,
        batch_size: int = 50,
        linger_seconds: float = 0.0,
    ) -> None:
        self.topology = topology
        self.subscriptions = dict(subscriptions)
        self.uow_factory = uow_factory
        self.batch_size = batch_size
        # Under load (the last batch held LINGER_AFTER or more), a batch waits for more as
        # long as more keep arriving, up to this long: fewer, larger transactions; an event
        # arriving alone, or a trickle, never waits (`_linger`).
        self.linger_seconds = linger_seconds
        self._channel: AbstractChannel | None = None
        self._pending: asyncio.Queue[_Delivery] = asyncio.Queue()
        self._worker: asyncio.Task[None] | None = None
        self.batches_committed = 0  # transactions that applied more than one delivery
        # Deliveries being parked by `on_message` (outside the worker): while any is, a
        # batch is acked message by message, not "up to its last" (which would ack those).
        self._parking = 0

    def bind_channel(self, channel: AbstractChannel) -> None:
        """Start consuming on `channel` (also used to publish retries); drop the old one's
        unacked deliveries: the broker redelivers them, and the inbox absorbs repeats."""
        self._channel = channel
        if self._worker is not None:
            self._worker.cancel()
        self._pending = asyncio.Queue()
        self._worker = asyncio.create_task(self._work(self._pending), name="event-consumer")

    async def stop(self) -> None:
        """Stop the worker (shutdown)."""
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
            self._worker = None

    async def on_message(self, message: AbstractIncomingMessage) -> None:
        """aio-pika callback for one delivery."""
        try:
            event = CloudEvent.from_json(message.body)
            handler = self.subscriptions.get(event.type)
            if handler is None:
                raise UnknownEventType(event.type)
            payload: Payload = parse_payload(event.type, event.data)
        except (ValidationError, UnknownEventType, json.JSONDecodeError, UnicodeDecodeError) as e:
            log.warning("event.malformed", message_id=message.message_id, error=describe_error(e))
            await self._park_arrival(
                message, "unknown", f"malformed: {describe_error(e, 300)}", "dead_lettered"
            )
            return
        if not allowed_publisher(event.type, event.source):
            # EVENTS.md names who publishes each type; anyone else is an impostor (or a
            # misrouted test): its effects never happen, and ops see it in the DLQ.
            log.error(
                "event.wrong_publisher", event_id=event.id, type=event.type, source=event.source
            )
            await self._park_arrival(
                message,
                event.type,
                f"{event.source} may not publish {event.type}",
                "wrong_publisher",
            )
            return
        # Not `await put()`: nothing between the delivery and its place in the queue may
        # suspend, so deliveries queue in the order the broker sent them (`_settle`).
        self._pending.put_nowait(_Delivery(message, event, payload, handler))

    async def _park_arrival(
        self, message: AbstractIncomingMessage, event_type: str, reason: str, outcome: str
    ) -> None:
        self._parking += 1
        try:
            await self._park(message, event_type, reason, outcome)
        finally:
            self._parking -= 1

    async def _park(
        self, message: AbstractIncomingMessage, event_type: str, reason: str, outcome: str
    ) -> None:
        """Put the message in this service's DLQ with our reason in a header, count it,
        then ack it (the copy is confirmed first: a crash in between parks it twice, never
        loses it). Without a channel, the broker dead-letters it (x-death: "rejected")."""
        EVENTS_CONSUMED.labels(self.topology.service, event_type, outcome).inc()
        if self._channel is None or self._channel.is_closed:
            await message.reject(requeue=False)
            return
        headers: dict[str, Any] = dict(message.headers or {})
        headers[REASON_HEADER] = reason[:1000]
        headers.pop("x-delivery-count", None)
        # Through the service's own exchange: a service's broker user may write there, not
        # to the default exchange (deploy/rabbitmq/definitions.json).
        local = await self._channel.get_exchange(self.topology.local_exchange, ensure=False)
        await local.publish(
            persistent_message(
                message.body,
                message_id=message.message_id or "",
                event_type=event_type,
                headers=headers,
            ),
            routing_key=self.topology.dlq,
        )
        await message.ack()

    async def _work(self, pending: asyncio.Queue[_Delivery]) -> None:
        together = False
        while True:
            batch = [await pending.get()]
            self._take_waiting(pending, batch)
            if together and self.linger_seconds:
                await self._linger(pending, batch)
            together = len(batch) >= LINGER_AFTER
            try:
                if len(batch) == 1:
                    await self._one(batch[0])
                else:
                    await self._many(batch)
            except asyncio.CancelledError:
                raise
            except Exception:
                # Acks and retries talk to the broker; if the channel died they fail, and
                # the broker redelivers. The worker itself must survive.
                log.exception("event.batch_failed", size=len(batch))

    async def _linger(self, pending: asyncio.Queue[_Delivery], batch: list[_Delivery]) -> None:
        """Add to the batch what arrives tick by tick, until a tick brings nothing, the
        batch is full or the linger is over."""

        def arrived() -> bool:
            before = len(batch)
            self._take_waiting(pending, batch)
            return before < len(batch) < self.batch_size

        if len(batch) < self.batch_size:
            await linger(self.linger_seconds, arrived)

    def _take_waiting(self, pending: asyncio.Queue[_Delivery], batch: list[_Delivery]) -> None:
        while len(batch) < self.batch_size and not pending.empty():
            batch.append(pending.get_nowait())

    async def _many(self, batch: list[_Delivery]) -> None:
        applied: set[int] = set()  # positions in the batch whose handler ran
        try:
            async with self.uow_factory() as uow:
                fresh = await claim_events(uow, [d.event for d in batch])
                runs: list[list[_Delivery]] = []  # consecutive fresh events, one handler
                for i, d in enumerate(batch):
                    # discard: an event listed twice in one batch is applied once.
                    if d.event.id in fresh:
                        fresh.discard(d.event.id)
                        applied.add(i)
                        if runs and runs[-1][0].handler is d.handler:
                            runs[-1].append(d)
                        else:
                            runs.append([d])
                for run in runs:
                    handler = run[0].handler
                    if isinstance(handler, BatchHandler):
                        await handler.many(uow, [(d.payload, d.event) for d in run])
                        continue
                    for d in run:
                        bind_traceparent(new_traceparent(d.event.traceparent))
                        await handler(uow, d.payload, d.event)
                await uow.commit()
            committed_at = time.time()
            self.batches_committed += 1
        except Exception as e:
            log.info("event.batch_split", size=len(batch), error=describe_error(e, 200))
            for d in batch:
                await self._one(d)
            return
        await self._settle(batch)
        self._aged((batch[i].event for i in applied), committed_at)
        outcomes = Counter(
            (d.event.type, "applied" if i in applied else "duplicate") for i, d in enumerate(batch)
        )
        for (event_type, outcome), n in outcomes.items():
            EVENTS_CONSUMED.labels(self.topology.service, event_type, outcome).inc(n)
        log.info("event.batch_consumed", size=len(batch), applied=len(applied))

    async def _settle(self, batch: list[_Delivery]) -> None:
        """Ack a committed batch: one ack "up to and including" its last delivery when that
        covers exactly the batch, else one ack each. It does when no delivery is being
        parked outside the worker: the worker takes deliveries in the order they came and
        settles each before the next batch, so every earlier one is settled or in this
        batch (one frame instead of one a message, for the broker and for us)."""
        last = batch[-1].message
        if self._parking == 0 and all(d.message.channel is last.channel for d in batch):
            await last.ack(multiple=True)
            return
        for d in batch:
            await d.message.ack()

    async def _one(self, d: _Delivery) -> None:
        message, event, payload, handler = d.message, d.event, d.payload, d.handler
        bind_traceparent(new_traceparent(event.traceparent))
        try:
            applied = await self._apply(handler, payload, event)
            committed_at = time.time()
        except PermanentEventError as e:
            log.error(
                "event.permanent_failure",
                event_id=event.id,
                type=event.type,
                error=describe_error(e),
            )
            await self._park(message, event.type, f"cannot apply: {e}", "dead_lettered")
            return
        except Exception as e:
            await self._retry_or_park(message, event, e)
            return
        await message.ack()
        if applied:
            self._aged((event,), committed_at)
        EVENTS_CONSUMED.labels(
            self.topology.service, event.type, "applied" if applied else "duplicate"
        ).inc()
        log.info("event.consumed", event_id=event.id, type=event.type, duplicate=not applied)

    def _aged(self, events: Iterable[CloudEvent], committed_at: float) -> None:
        """Observe the age of events applied (their effect committed at `committed_at`;
        observed once acked): that less their `time`; a publisher's clock ahead of ours
        counts as no age, never a negative one, and a `time` that is not a timestamp (the
        envelope does not insist) as none at all."""
        for event in events:
            try:
                happened = datetime.fromisoformat(event.time)
            except ValueError:
                continue
            if happened.tzinfo is None:
                happened = happened.replace(tzinfo=UTC)
            age = max(committed_at - happened.timestamp(), 0.0)
            EVENT_AGE.labels(self.topology.service, event.type).observe(age)

    async def _apply(self, handler: Handler, payload: Payload, event: CloudEvent) -> bool:
        async with self.uow_factory() as uow:
            first_time = await claim_event(uow, event)
            if first_time:
                await handler(uow, payload, event)
            await uow.commit()
        return first_time

    async def _retry_or_park(
        self, message: AbstractIncomingMessage, event: CloudEvent, error: Exception
    ) -> None:
        headers: dict[str, Any] = dict(message.headers or {})
        attempt = int(headers.get(RETRY_HEADER, 0) or 0)
        delays = self.topology.retry_delays_ms
        if attempt >= len(delays) or self._channel is None:
            log.error(
                "event.parked",
                event_id=event.id,
                type=event.type,
                attempts=attempt,
                error=describe_error(error),
            )
            await self._park(
                message,
                event.type,
                f"failed {attempt + 1} times, last: {describe_error(error, 300)}",
                "dead_lettered",
            )
            return
        headers[RETRY_HEADER] = attempt + 1
        headers["x-talentloop-last-error"] = describe_error(error)
        headers.pop("x-delivery-count", None)
        retry_queue = self.topology.retry_queue(delays[attempt])
        # Publish the copy (confirmed) before acking the original: a crash in between gives a
        # duplicate, which the inbox absorbs, never a loss.
        local = await self._channel.get_exchange(self.topology.local_exchange, ensure=False)
        await local.publish(
            persistent_message(
                message.body, message_id=event.id, event_type=event.type, headers=headers
            ),
            routing_key=retry_queue,
        )
        await message.ack()
        EVENTS_CONSUMED.labels(self.topology.service, event.type, "retried").inc()
        log.warning(
            "event.retry_scheduled",
            event_id=event.id,
            type=event.type,
            attempt=attempt + 1,
            tier=retry_queue,
            error=describe_error(error),
        )
