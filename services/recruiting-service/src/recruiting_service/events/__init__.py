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
from recruiting_service.service.courses import apply_course_changed
from recruiting_service.service.erasure import erase_candidate
from recruiting_service.service.invitations import accept_invitation
from recruiting_service.service.openings import apply_position_changed
from recruiting_service.service.people import apply_person_changed
from recruiting_service.service.vocabularies import apply_vocabulary_changed
from talentloop_shared.messaging import Handler, payload_to

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
    """The subscription map: event type → the use case its payload goes to (the consumer
    commits, not these; none of them needs a setting today)."""
    return {
        "position-changed": payload_to(apply_position_changed),
        "talent-invited": payload_to(accept_invitation),
        "candidate-erased": payload_to(erase_candidate),
        "vocabulary-changed": payload_to(apply_vocabulary_changed),
        "person-changed": payload_to(apply_person_changed),
        "course-changed": payload_to(apply_course_changed),
    }
