"""Registry from event `type` to payload model."""

from __future__ import annotations

from typing import Any

from talentloop_shared.events.payloads import (
    CandidateErased,
    CandidateRejected,
    EvaluationSubmitted,
    FeedbackReceived,
    Payload,
    PositionChanged,
    TalentInvited,
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
    )
}


class UnknownEventType(LookupError):
    """An event type no contract describes."""


def payload_model(event_type: str) -> type[Payload]:
    """The payload class for `event_type`; raises UnknownEventType."""
    try:
        return EVENT_TYPES[event_type]
    except KeyError:
        raise UnknownEventType(event_type) from None


def parse_payload(event_type: str, data: dict[str, Any]) -> Payload:
    """Validate `data` against the contract of `event_type`."""
    return payload_model(event_type).model_validate(data)
