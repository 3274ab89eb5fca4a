"""Run-time metrics that need a look at the database or the broker, refreshed every few
seconds by a loop in every replica (`/metrics` itself stays a cheap, synchronous read):

- `talentloop_outbox_oldest_unpublished_seconds`: age of the oldest event not yet
  published (the relay is stuck or the broker away when it grows);
- `talentloop_outbox_relay_active`: 1 in the replica whose relay holds the lock;
- `talentloop_parked_messages{queue}`: messages in the service's DLQ and in
  `talentloop.unrouted`;
- `talentloop_consumer_connected`: 1 when the service's event consumer is attached;
- `talentloop_broker_connected` (shared with /readyz).

deploy/prometheus/alerts.yml alerts on them; deploy/grafana shows them.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from prometheus_client import Gauge
from sqlalchemy import text

from talentloop_shared.logging import describe_error, get_logger
from talentloop_shared.metrics import BROKER_CONNECTED

if TYPE_CHECKING:
    from talentloop_shared.service import Runtime

log = get_logger(__name__)

INTERVAL_SECONDS = 10.0

OUTBOX_LAG = Gauge(
    "talentloop_outbox_oldest_unpublished_seconds",
    "Age of the oldest outbox row not yet published (0 when none)",
    ["service"],
)
RELAY_ACTIVE = Gauge(
    "talentloop_outbox_relay_active",
    "1 in the replica whose outbox relay holds the service's lock",
    ["service"],
)
PARKED = Gauge(
    "talentloop_parked_messages",
    "Messages in a parking queue: the service's DLQ, or talentloop.unrouted",
    ["service", "queue"],
)
CONSUMER_CONNECTED = Gauge(
    "talentloop_consumer_connected",
    "1 when the service's event consumer is attached to its queue",
    ["service"],
)

_OLDEST = text(
    "SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) "
    "FROM outbox WHERE published_at IS NULL"
)


async def refresh(rt: Runtime) -> None:
    """Refresh the gauges once."""
    service = rt.definition.name
    try:
        async with rt.engine.connect() as conn:
            OUTBOX_LAG.labels(service).set(float(await conn.scalar(_OLDEST) or 0))
    except Exception as e:  # the database may be away: /readyz says so
        log.debug("metrics.outbox_unavailable", error=describe_error(e, 200))
    RELAY_ACTIVE.labels(service).set(1 if rt.relay.active else 0)
    ready = rt.broker.ready
    BROKER_CONNECTED.labels(service).set(1 if ready else 0)
    topo = rt.broker.topology
    queues = {"unrouted": topo.unrouted_queue}
    if rt.broker.consumer is not None:
        CONSUMER_CONNECTED.labels(service).set(1 if ready else 0)
        queues["dlq"] = topo.dlq
    if ready:
        for label, name in queues.items():
            count = await rt.broker.message_count(name)
            if count is not None:
                PARKED.labels(service, label).set(count)


async def ops_metrics_loop(rt: Runtime) -> None:
    """Background loop of every service (started by service.start_runtime)."""
    while True:
        await refresh(rt)
        await asyncio.sleep(INTERVAL_SECONDS)
