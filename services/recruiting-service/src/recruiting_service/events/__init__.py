"""What recruiting-service consumes: its subscription map."""

from __future__ import annotations

from talentloop_shared.messaging import Handler

SUBSCRIPTIONS: dict[str, Handler] = {}
