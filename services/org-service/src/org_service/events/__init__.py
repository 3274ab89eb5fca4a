"""What org-service publishes, and what it consumes: its subscription map (empty today)."""

from __future__ import annotations

from org_service.config import Settings
from talentloop_shared.messaging import Handler

# What this service publishes (checked when a unit of work records an event).
PUBLISHES: tuple[str, ...] = ("position-changed", "person-changed", "vocabulary-changed")


def subscriptions(settings: Settings) -> dict[str, Handler]:
    """Event type → handler (module-level, in `events/handlers.py`); org consumes nothing yet."""
    return {}
