"""What recruiting-service consumes and publishes.

position-changed → keep the opening current; re-screen (or flag) its applications
talent-invited   → open an application (source talent_pool) for the invited candidate
candidate-erased → erased elsewhere on request: erase here too (not announced again)
person-changed   → keep the staff copy (panels, organisers, owners; sub → person)
course-changed   → keep the course catalogue's copy (suggestions that name a course)
vocabulary-changed → keep HR's latest skills synonyms / education spellings (screening,
                   candidate inputs and invitations canonicalise with them)
"""

from __future__ import annotations

from recruiting_service.config import Settings
from recruiting_service.events.handlers import (
    handle_candidate_erased,
    handle_course_changed,
    handle_person_changed,
    handle_position_changed,
    handle_talent_invited,
    handle_vocabulary_changed,
)
from talentloop_shared.messaging import Handler

# What this service publishes (checked when a unit of work records an event).
PUBLISHES: tuple[str, ...] = (
    "evaluation-submitted",
    "candidate-rejected",
    "candidate-erased",
    "interview-scheduled",
    "interview-rescheduled",
    "interview-cancelled",
    "decision-pending",
    "candidate-hired",
)


def subscriptions(settings: Settings) -> dict[str, Handler]:
    """The subscription map: event type → handler (none of them needs a setting today)."""
    return {
        "position-changed": handle_position_changed,
        "talent-invited": handle_talent_invited,
        "candidate-erased": handle_candidate_erased,
        "vocabulary-changed": handle_vocabulary_changed,
        "person-changed": handle_person_changed,
        "course-changed": handle_course_changed,
    }
