"""What recruiting-service consumes: its subscription map."""

from __future__ import annotations

from recruiting_service.events.handlers import (
    handle_candidate_erased,
    handle_position_changed,
    handle_talent_invited,
)
from talentloop_shared.messaging import Handler

SUBSCRIPTIONS: dict[str, Handler] = {
    "position-changed": handle_position_changed,
    "talent-invited": handle_talent_invited,
    "candidate-erased": handle_candidate_erased,
}

# What this service publishes (checked when a unit of work records an event).
PUBLISHES: tuple[str, ...] = ("evaluation-submitted", "candidate-rejected", "candidate-erased")
