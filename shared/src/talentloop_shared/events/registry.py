"""Registry from event `type` to payload model."""

from __future__ import annotations

from typing import Any

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
    Payload,
    PersonChanged,
    PositionChanged,
    RecontactDue,
    TalentInvited,
    VocabularyChanged,
)

EVENT_TYPES: dict[str, type[Payload]] = {
    model.EVENT_TYPE: model
    for model in (
        PositionChanged,
        EvaluationSubmitted,
        CandidateRejected,
        FeedbackReceived,
        TalentInvited,
        CandidateErased,
        PersonChanged,
        InterviewScheduled,
        InterviewRescheduled,
        InterviewCancelled,
        CandidateHired,
        DecisionPending,
        MatchesFound,
        RecontactDue,
        CourseChanged,
        VocabularyChanged,
    )
}


# Event type → the sources (`/<service>`) allowed to publish it.
PUBLISHERS: dict[str, frozenset[str]] = {
    event_type: frozenset(f"/{service}" for service in model.PUBLISHED_BY)
    for event_type, model in EVENT_TYPES.items()
}


class UnknownEventType(LookupError):
    """An event type no contract describes."""


def payload_model(event_type: str) -> type[Payload]:
    """The payload class for `event_type`; raises UnknownEventType."""
    try:
        return EVENT_TYPES[event_type]
    except KeyError:
        raise UnknownEventType(event_type) from None


def allowed_publisher(event_type: str, source: str) -> bool:
    """True when `source` is one of the publishers EVENTS.md names for `event_type`."""
    return source in PUBLISHERS.get(event_type, frozenset())


def publisher_source(event_type: str) -> str:
    """The `source` of the (first) service allowed to publish `event_type` (tests, tools)."""
    model = payload_model(event_type)
    return f"/{model.PUBLISHED_BY[0]}"


def parse_payload(event_type: str, data: dict[str, Any]) -> Payload:
    """Validate `data` against the contract of `event_type`."""
    return payload_model(event_type).model_validate(data)
