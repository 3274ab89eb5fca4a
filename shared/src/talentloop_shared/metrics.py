"""Prometheus metrics shared by the services (one set per process, labelled by service)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

HTTP_REQUESTS = Counter(
    "talentloop_http_requests_total", "HTTP requests", ["service", "method", "route", "status"]
)
HTTP_LATENCY = Histogram(
    "talentloop_http_request_seconds", "HTTP request latency", ["service", "method", "route"]
)
EVENTS_PUBLISHED = Counter(
    "talentloop_events_published_total", "Events published from the outbox", ["service", "type"]
)
EVENTS_CONSUMED = Counter(
    "talentloop_events_consumed_total",
    "Events consumed, by outcome (applied, duplicate, retried, dead_lettered)",
    ["service", "type", "outcome"],
)
EVENT_AGE = Histogram(
    "talentloop_event_age_seconds",
    "Age of each event applied: from its time (when it happened, in the publishing service) to "
    "its effect committing here; a consumer falling behind shows here first",
    ["service", "type"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600),
)
OUTBOX_PENDING = Gauge(
    "talentloop_outbox_pending",
    "Outbox rows the last relay pass could not publish (broker trouble when above 0)",
    ["service"],
)
BROKER_CONNECTED = Gauge(
    "talentloop_broker_connected", "1 when the broker connection is up", ["service"]
)
