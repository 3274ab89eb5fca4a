"""RabbitMQ plumbing (aio-pika): topology, publisher, consumer, supervisor."""

from talentloop_shared.messaging.broker import Broker
from talentloop_shared.messaging.consumer import EventConsumer, Handler, PermanentEventError
from talentloop_shared.messaging.handlers import payload_to
from talentloop_shared.messaging.topology import Topology

__all__ = ["Broker", "EventConsumer", "Handler", "PermanentEventError", "Topology", "payload_to"]
