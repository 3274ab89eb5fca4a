"""What talent-service consumes and publishes.

candidate-rejected   → pool the consented candidate (profile, applications, tags)
evaluation-submitted → strength tags (pending until the candidate is pooled)
feedback-received    → open_to_contact tag
position-changed     → local position copy; score the pool against new/changed openings
                       (→ matches-found when a scoring finds people HR was not told of)
candidate-hired      → the new hire's development plan (courses for the scorecard's gaps);
                       a pooled hire leaves matching
candidate-erased     → erased elsewhere on request: erase here too (not announced again)
vocabulary-changed   → keep HR's latest skills synonyms (tags and matching canonicalise
                       skills with them)

Besides: course-changed when HR adds, changes or withdraws a course (service/courses.py),
talent-invited and candidate-erased on HR's requests, and recontact-due once a day when
re-contact reminders are due (service/digest.py).
"""

from __future__ import annotations

from talent_service.config import Settings
from talent_service.events.handlers import (
    handle_candidate_erased,
    handle_candidate_hired,
    handle_candidate_rejected,
    handle_evaluation_submitted,
    handle_feedback_received,
    handle_position_changed,
    handle_vocabulary_changed,
)
from talentloop_shared.messaging import Handler

# What this service publishes (checked when a unit of work records an event).
PUBLISHES: tuple[str, ...] = (
    "talent-invited",
    "candidate-erased",
    "matches-found",
    "course-changed",
    "recontact-due",
)


def subscriptions(settings: Settings) -> dict[str, Handler]:
    """The subscription map: event type → handler (configuration reaches the handlers
    through `uow.state`, so `settings` selects nothing today)."""
    return {
        "candidate-rejected": handle_candidate_rejected,
        "evaluation-submitted": handle_evaluation_submitted,
        "feedback-received": handle_feedback_received,
        "position-changed": handle_position_changed,
        "candidate-hired": handle_candidate_hired,
        "candidate-erased": handle_candidate_erased,
        "vocabulary-changed": handle_vocabulary_changed,
    }
