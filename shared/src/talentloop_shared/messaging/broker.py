"""One supervised broker connection per service process.

aio-pika's robust connection has open issues about consumers that do not come back after a
broker restart, so this supervisor does it plainly: connect, declare, consume, then watch;
when the connection, the channel or our consumer goes missing, tear down and start again.
"""

from __future__ import annotations

import asyncio
import contextlib

import aio_pika
import aiormq
from aio_pika.abc import AbstractChannel, AbstractConnection, AbstractQueue

from talentloop_shared.logging import describe_error, get_logger
from talentloop_shared.messaging.consumer import EventConsumer
from talentloop_shared.messaging.topology import (
    Topology,
    declare_consumer_queues,
    declare_exchanges,
    persistent_message,
)

log = get_logger(__name__)

# aiormq queues outgoing frames in a queue of 10 (a class-level setting with no per-connection
# option). A publisher that fills it waits for the writer task, one event-loop turn per
# message; in a service whose loop is busy with requests, the relay then crawls
# (`bench/relay_publish.py`: about 130 messages/s beside 16 busy request tasks, 4,200-4,700/s
# with room for a whole relay batch and `wait=False` below). The relay bounds what it has in
# flight (`OutboxRelay.max_in_flight`, two batches), so a larger queue cannot grow unbounded.
aiormq.Connection.FRAME_BUFFER_SIZE = 1024


class BrokerUnavailable(ConnectionError):
    """The broker is not connected right now."""


class Broker:
    """Keeps a connection, a confirming publisher channel and (optionally) a consumer alive."""

    def __init__(
        self,
        url: str,
        topology: Topology,
        *,
        consumer: EventConsumer | None = None,
        prefetch: int = 32,
        watchdog_seconds: float = 5.0,
    ) -> None:
        self.url = url
        self.topology = topology
        self.consumer = consumer
        self.prefetch = prefetch
        self.watchdog_seconds = watchdog_seconds
        self._connection: AbstractConnection | None = None
        self._publish_channel: AbstractChannel | None = None
        self._publisher: aiormq.Channel | None = None
        self._consume_channel: AbstractChannel | None = None
        self._queue: AbstractQueue | None = None
        self._ready = asyncio.Event()
        self._stopping = False
        self.connects = 0

    @property
    def ready(self) -> bool:
        """Connected, topology declared, consumer (if any) attached."""
        return (
            self._ready.is_set()
            and self._connection is not None
            and not (self._connection.is_closed)
        )

    async def wait_ready(self, timeout: float) -> None:
        """Wait until the broker is ready; raises TimeoutError."""
        await asyncio.wait_for(self._ready.wait(), timeout)

    async def run(self) -> None:
        """Connect and stay connected until cancelled."""
        backoff = 0.5
        while not self._stopping:
            try:
                await self._connect()
                backoff = 0.5
                await self._watch()
            except asyncio.CancelledError:
                raise
            except Exception as e:
                log.warning(
                    "broker.unavailable", url=_redact(self.url), error=describe_error(e, 300)
                )
            finally:
                self._ready.clear()
                await self._teardown()
            if self._stopping:
                break
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 10.0)

    async def _connect(self) -> None:
        self._connection = await aio_pika.connect(
            self.url,
            timeout=10,
            client_properties={"connection_name": f"{self.topology.service}"},
        )
        self._publish_channel = await self._connection.channel(
            publisher_confirms=True, on_return_raises=True
        )
        await declare_exchanges(self._publish_channel, self.topology)
        publisher = await self._publish_channel.get_underlay_channel()
        assert isinstance(publisher, aiormq.Channel)  # the concrete one takes wait=
        self._publisher = publisher
        if self.consumer is not None:
            self._consume_channel = await self._connection.channel(publisher_confirms=True)
            await self._consume_channel.set_qos(prefetch_count=self.prefetch)
            self._queue = await declare_consumer_queues(
                self._consume_channel, self.topology, self.consumer.subscriptions
            )
            self.consumer.bind_channel(self._consume_channel)
            await self._queue.consume(self.consumer.on_message, no_ack=False)
        self.connects += 1
        self._ready.set()
        log.info("broker.connected", service=self.topology.service, connects=self.connects)

    async def _watch(self) -> None:
        assert self._connection is not None
        while True:
            closed = self._connection.closed()
            done, _ = await asyncio.wait(
                {asyncio.ensure_future(closed)}, timeout=self.watchdog_seconds
            )
            if done or self._connection.is_closed:
                raise ConnectionError("connection closed")
            for ch in (self._publish_channel, self._consume_channel):
                if ch is not None and ch.is_closed:
                    raise ConnectionError("channel closed")
            if self._queue is not None and self._consume_channel is not None:
                declared = await self._consume_channel.declare_queue(
                    self._queue.name, passive=True, timeout=5
                )
                if declared.declaration_result.consumer_count == 0:
                    raise ConnectionError("consumer vanished")

    async def _teardown(self) -> None:
        conn, self._connection = self._connection, None
        self._publish_channel = self._consume_channel = None
        self._publisher = None
        self._queue = None
        if conn is not None and not conn.is_closed:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.close(), 5)

    async def publish(self, body: bytes, *, message_id: str, routing_key: str) -> None:
        """Publish persistently and wait for the broker's confirm; raises on nack/return.

        Through aiormq's channel with `wait=False`: aio-pika's `Exchange.publish` also waits
        for each frame to reach the socket while holding the channel lock, which serialises
        a batch into one loop turn per message. The broker's confirm is what proves the
        message is safe, and that is still awaited here.
        """
        publisher = self._publisher
        if publisher is None or not self.ready:
            raise BrokerUnavailable("broker not connected")
        await publisher.basic_publish(
            body,
            exchange=self.topology.exchange,
            routing_key=routing_key,
            properties=persistent_message(
                body, message_id=message_id, event_type=routing_key
            ).properties,
            mandatory=True,
            timeout=10,
            wait=False,
        )

    async def message_count(self, queue: str) -> int | None:
        """Messages ready in `queue` (a passive declare on a short-lived channel), or None
        when not connected or the queue does not exist."""
        connection = self._connection
        if connection is None or connection.is_closed:
            return None
        try:
            channel = await connection.channel()
        except Exception:
            return None
        try:
            declared = await channel.declare_queue(queue, passive=True, timeout=5)
            return declared.declaration_result.message_count
        except Exception:
            return None
        finally:
            if not channel.is_closed:
                with contextlib.suppress(Exception):
                    await channel.close()

    async def stop(self) -> None:
        """Stop reconnecting and close."""
        self._stopping = True
        await self._teardown()
        if self.consumer is not None:
            await self.consumer.stop()


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://***@{rest.split('@', 1)[1]}"
    return url
