"""What notify-service consumes (its subscription map) and what it publishes."""

from __future__ import annotations

from notify_service.config import Settings
from notify_service.events.handlers import (
    handle_candidate_erased,
    handle_candidate_rejected,
    handle_talent_invited,
)
from notify_service.events.webhooks import with_webhooks
from talentloop_shared.messaging import Handler

PUBLISHES: tuple[str, ...] = ("feedback-received",)
"""Event types this service publishes (checked when a unit of work records an event)."""


def subscriptions(settings: Settings) -> dict[str, Handler]:
    """Event type → handler. What a handler needs from the configuration (the survey link
    secret, the public URL) it reads from `uow.state`, so nothing here depends on
    `settings` today; the signature is the same in every service.

    Wrapped last: notify consumes every event type of the catalogue, and each also goes to
    the webhook subscriptions that want it (events/webhooks.py)."""
    handlers: dict[str, Handler] = {
        "candidate-rejected": handle_candidate_rejected,
        "talent-invited": handle_talent_invited,
        "candidate-erased": handle_candidate_erased,
    }
    return with_webhooks(handlers)
