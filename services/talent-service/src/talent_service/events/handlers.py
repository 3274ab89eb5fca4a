"""Handlers of the events talent-service consumes (the consumer commits, not us)."""

from __future__ import annotations

from talent_service.service.matching import record_position_change
from talent_service.service.pool import (
    PoolPolicy,
    erase_on_request_elsewhere,
    pool_rejected_candidate,
    tag_from_evaluation,
    tag_from_feedback,
)
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import CloudEvent
from talentloop_shared.events.envelope import utcnow
from talentloop_shared.events.payloads import (
    CandidateErased,
    CandidateRejected,
    EvaluationSubmitted,
    FeedbackReceived,
    PositionChanged,
)
from talentloop_shared.messaging import Handler


class TalentEventHandlers:
    """The handlers, bound to the deployment's retention policy."""

    def __init__(self, policy: PoolPolicy) -> None:
        self.policy = policy

    async def candidate_rejected(
        self, uow: UnitOfWork, payload: CandidateRejected, event: CloudEvent
    ) -> None:
        """Pool a consented rejected candidate; forget an unconsented one."""
        await pool_rejected_candidate(uow, payload, policy=self.policy, now=utcnow())

    async def evaluation_submitted(
        self, uow: UnitOfWork, payload: EvaluationSubmitted, event: CloudEvent
    ) -> None:
        """Tag the candidate's strengths (or keep them pending until pooled)."""
        await tag_from_evaluation(uow, payload, now=utcnow())

    async def feedback_received(
        self, uow: UnitOfWork, payload: FeedbackReceived, event: CloudEvent
    ) -> None:
        """Record whether the candidate is open to future roles."""
        await tag_from_feedback(uow, payload, now=utcnow())

    async def position_changed(
        self, uow: UnitOfWork, payload: PositionChanged, event: CloudEvent
    ) -> None:
        """Keep the position copy and score the pool against a new or changed opening."""
        await record_position_change(uow, payload, now=utcnow())

    async def candidate_erased(
        self, uow: UnitOfWork, payload: CandidateErased, event: CloudEvent
    ) -> None:
        """The person was erased elsewhere on their request: erase them here too."""
        await erase_on_request_elsewhere(uow, payload, by=event.source)

    def subscriptions(self) -> dict[str, Handler]:
        """The subscription map: event type → handler."""
        return {
            "candidate-rejected": self.candidate_rejected,
            "evaluation-submitted": self.evaluation_submitted,
            "feedback-received": self.feedback_received,
            "position-changed": self.position_changed,
            "candidate-erased": self.candidate_erased,
        }
