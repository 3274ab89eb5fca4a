"""What talent-service consumes: its subscription map.

candidate-rejected   → pool the consented candidate (profile, applications, tags)
evaluation-submitted → strength tags (pending until the candidate is pooled)
feedback-received    → open_to_contact tag
position-changed     → local position copy; score the pool against new/changed openings
candidate-erased     → erased elsewhere on request: erase here too (not announced again)
"""

from __future__ import annotations

from talent_service.events.handlers import TalentEventHandlers
from talent_service.service.pool import PoolPolicy
from talentloop_shared.messaging import Handler


def subscriptions(policy: PoolPolicy) -> dict[str, Handler]:
    """The subscription map with handlers bound to `policy` (from Settings)."""
    return TalentEventHandlers(policy).subscriptions()


# With the default policy; main.definition() binds the configured one.
SUBSCRIPTIONS: dict[str, Handler] = subscriptions(PoolPolicy())

# What this service publishes (checked when a unit of work records an event).
PUBLISHES: tuple[str, ...] = ("talent-invited", "candidate-erased")
