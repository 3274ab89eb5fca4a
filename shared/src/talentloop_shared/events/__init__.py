"""Event contracts shared by every Talentloop service (see ../shared/design/EVENTS.md).

Producers and consumers import these classes; no service keeps its own copy.
"""

from talentloop_shared.events.envelope import CloudEvent, new_event
from talentloop_shared.events.payloads import (
    CandidateErased,
    CandidateHired,
    CandidateRejected,
    CourseChanged,
    DecisionPending,
    EvaluationSubmitted,
    FeedbackReceived,
    InterviewCancelled,
    InterviewRescheduled,
    InterviewScheduled,
    MatchesFound,
    PersonChanged,
    PositionChanged,
    RecontactDue,
    TalentInvited,
    VocabularyChanged,
)
from talentloop_shared.events.registry import (
    EVENT_TYPES,
    UnknownEventType,
    parse_payload,
    payload_model,
)

__all__ = [
    "EVENT_TYPES",
    "CandidateErased",
    "CandidateHired",
    "CandidateRejected",
    "CloudEvent",
    "CourseChanged",
    "DecisionPending",
    "EvaluationSubmitted",
    "FeedbackReceived",
    "InterviewCancelled",
    "InterviewRescheduled",
    "InterviewScheduled",
    "MatchesFound",
    "PersonChanged",
    "PositionChanged",
    "RecontactDue",
    "TalentInvited",
    "UnknownEventType",
    "VocabularyChanged",
    "new_event",
    "parse_payload",
    "payload_model",
]
