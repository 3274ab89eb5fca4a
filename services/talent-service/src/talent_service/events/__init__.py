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
from talent_service.events.handlers import handle_candidate_erased, handle_candidates_rejected
from talent_service.service.development import seed_development_plan
from talent_service.service.matching import record_position_change
from talent_service.service.pool import tag_from_evaluation, tag_from_feedback
from talent_service.service.vocabularies import apply_vocabulary_changed
from talentloop_shared.messaging import Handler, payload_to

# What this service publishes (checked when a unit of work records an event).
PUBLISHES: tuple[str, ...] = (
    "talent-invited",
    "candidate-erased",
    "matches-found",
    "course-changed",
    "recontact-due",
)


def subscriptions(settings: Settings) -> dict[str, Handler]:
    """The subscription map: event type → the use case its payload goes to, or a handler
    that needs the envelope too (`events/handlers.py`). The consumer commits, not these;
    each reads the time from `uow.clock` and the pool policy from `uow.state`, so
    `settings` selects nothing today."""
    return {
        "candidate-rejected": handle_candidates_rejected,
        "evaluation-submitted": payload_to(tag_from_evaluation),
        "feedback-received": payload_to(tag_from_feedback),
        "position-changed": payload_to(record_position_change),
        "candidate-hired": payload_to(seed_development_plan),
        "candidate-erased": handle_candidate_erased,
        "vocabulary-changed": payload_to(apply_vocabulary_changed),
    }
