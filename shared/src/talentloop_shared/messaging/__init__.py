"""RabbitMQ plumbing (aio-pika): topology, publisher, consumer, supervisor."""

from talentloop_shared.messaging.broker import Broker
from talentloop_shared.messaging.consumer import (
    BatchHandler,
    EventConsumer,
    EventItem,
    Handler,
    PermanentEventError,
    each_event,
)
from talentloop_shared.messaging.handlers import payload_to
from talentloop_shared.messaging.topology import Topology

__all__ = [
    "BatchHandler",
    "Broker",
    "EventConsumer",
    "EventItem",
    "Handler",
    "PermanentEventError",
    "Topology",
    "each_event",
    "payload_to",
]
