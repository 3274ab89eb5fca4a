"""Handlers of the events talent-service consumes (the consumer commits, not us).

Each reads the time from `uow.clock` and the pool policy from `uow.state` in the use case
it calls, so none needs binding to configuration.
"""

from __future__ import annotations

from talent_service.service.development import seed_development_plan
from talent_service.service.erasure import erase_on_request_elsewhere
from talent_service.service.matching import record_position_change
from talent_service.service.pool import (
    pool_rejected_candidate,
    tag_from_evaluation,
    tag_from_feedback,
)
from talent_service.service.vocabularies import apply_vocabulary_changed
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import CloudEvent
from talentloop_shared.events.payloads import (
    CandidateErased,
    CandidateHired,
    CandidateRejected,
    EvaluationSubmitted,
    FeedbackReceived,
    PositionChanged,
    VocabularyChanged,
)


async def handle_candidate_rejected(
    uow: UnitOfWork, payload: CandidateRejected, event: CloudEvent
) -> None:
    """Pool a consented rejected candidate; forget an unconsented one."""
    await pool_rejected_candidate(uow, rejection=payload)


async def handle_evaluation_submitted(
    uow: UnitOfWork, payload: EvaluationSubmitted, event: CloudEvent
) -> None:
    """Tag the candidate's strengths (or keep them pending until pooled)."""
    await tag_from_evaluation(uow, evaluation=payload)


async def handle_feedback_received(
    uow: UnitOfWork, payload: FeedbackReceived, event: CloudEvent
) -> None:
    """Record whether the candidate is open to future roles."""
    await tag_from_feedback(uow, feedback=payload)


async def handle_position_changed(
    uow: UnitOfWork, payload: PositionChanged, event: CloudEvent
) -> None:
    """Keep the position copy and score the pool against a new or changed opening."""
    await record_position_change(uow, change=payload)


async def handle_candidate_hired(
    uow: UnitOfWork, payload: CandidateHired, event: CloudEvent
) -> None:
    """Seed the new hire's development plan; a pooled hire leaves matching."""
    await seed_development_plan(uow, hire=payload)


async def handle_candidate_erased(
    uow: UnitOfWork, payload: CandidateErased, event: CloudEvent
) -> None:
    """The person was erased elsewhere on their request: erase them here too."""
    await erase_on_request_elsewhere(uow, erasure=payload, by=event.source)


async def handle_vocabulary_changed(
    uow: UnitOfWork, payload: VocabularyChanged, event: CloudEvent
) -> None:
    """Keep HR's latest custom vocabulary of the kind (an older version is ignored)."""
    await apply_vocabulary_changed(uow, payload=payload)
