"""What notify-service consumes: its subscription map."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

from notify_service.config import Settings
from notify_service.events.handlers import (
    handle_candidate_erased,
    handle_candidate_rejected,
    handle_talent_invited,
)
from notify_service.service.notices import NoticeConfig
from talentloop_shared.messaging import Handler

SUBSCRIPTIONS: dict[str, Callable[..., Awaitable[None]]] = {
    "candidate-rejected": handle_candidate_rejected,
    "talent-invited": handle_talent_invited,
    "candidate-erased": handle_candidate_erased,
}
"""Event type → handler. Handlers also take `config` (survey secret, public URL), which
the shared consumer cannot pass, so `bind_subscriptions` fixes it per running service."""


def bind_subscriptions(settings: Settings) -> dict[str, Handler]:
    """The subscription map with each handler bound to this service's settings."""
    config = NoticeConfig.from_settings(settings)
    return {
        event_type: functools.partial(handler, config=config)
        for event_type, handler in SUBSCRIPTIONS.items()
    }


# What this service publishes (checked when a unit of work records an event).
PUBLISHES: tuple[str, ...] = ("feedback-received",)
