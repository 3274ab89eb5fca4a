"""What notify-service consumes (its subscription map) and what it publishes."""

from __future__ import annotations

from notify_service.config import Settings
from notify_service.events.handlers import (
    handle_candidate_erased,
    handle_candidate_hired,
    handle_candidate_rejected,
    handle_decision_pending,
    handle_interview_cancelled,
    handle_interview_rescheduled,
    handle_interview_scheduled,
    handle_matches_found,
    handle_position_changed,
    handle_recontact_due,
    handle_talent_invited,
)
from notify_service.events.webhooks import with_webhooks
from notify_service.service.interviews import scorecard_submitted
from talentloop_shared.messaging import Handler, payload_to

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
        "interview-scheduled": handle_interview_scheduled,
        "interview-rescheduled": handle_interview_rescheduled,
        "interview-cancelled": handle_interview_cancelled,
        # A panel member's scorecard is in: no more reminders to submit it.
        "evaluation-submitted": payload_to(scorecard_submitted),
        # Staff alerts (and which org unit a position is in, for team-chat robots).
        "decision-pending": handle_decision_pending,
        "matches-found": handle_matches_found,
        "candidate-hired": handle_candidate_hired,
        "position-changed": handle_position_changed,
        "recontact-due": handle_recontact_due,
    }
    return with_webhooks(handlers)
