"""What org-service consumes: its subscription map."""

from __future__ import annotations

from talentloop_shared.messaging import Handler

SUBSCRIPTIONS: dict[str, Handler] = {}

# What this service publishes (checked when a unit of work records an event).
PUBLISHES: tuple[str, ...] = ("position-changed",)
