"""Erasing a candidate on `candidate-erased`: anonymise in place, keep the statistics.

See `domain/erasure.py` for what is removed and what is kept. The candidate row is locked
first (the API and `talent-invited` lock it too before they write), then the candidate's
applications, so nothing personal can be written back while or after this runs.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Result, insert, literal_column, null, select, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from recruiting_service.db.models import (
    Application,
    ApplicationStatusChange,
    Candidate,
    Evaluation,
)
from recruiting_service.db.repositories import CandidateRepository
from recruiting_service.domain.erasure import (
    ANONYMISED,
    ERASURE_ACTOR,
    ERASURE_REASON,
    OPEN_STATUSES,
    redacted_reason,
    status_after_erasure,
)
from recruiting_service.service.common import as_uuid
from talentloop_shared.db import UnitOfWork, forget_person
from talentloop_shared.events.payloads import CandidateErased
from talentloop_shared.logging import get_logger

log = get_logger(__name__)

# Screening keeps passed, score, position version and which requirements were unmet (what
# the position asked for); the candidate's own values (`actual`) and matched skills go.
_SCRUBBED_SCREENING = literal_column(
    "jsonb_set(applications.screening - 'matched_skills', '{unmet}', COALESCE(("
    " SELECT jsonb_agg(u.value || '{\"actual\": null}'::jsonb ORDER BY u.ordinality)"
    " FROM jsonb_array_elements(applications.screening -> 'unmet') WITH ORDINALITY AS u"
    "), '[]'::jsonb))",
    type_=JSONB,
)
# Evaluations keep every dimension's score; the comment written about the person goes.
_SCRUBBED_SCORES = literal_column(
    "COALESCE(("
    " SELECT jsonb_agg(s.value || '{\"comment\": null}'::jsonb ORDER BY s.ordinality)"
    " FROM jsonb_array_elements(evaluations.scores) WITH ORDINALITY AS s"
    "), '[]'::jsonb)",
    type_=JSONB,
)


@dataclass(frozen=True, slots=True)
class ErasureOutcome:
    """What applying one `candidate-erased` did (all zero when nothing was erased)."""

    erased: bool
    applications: int = 0
    withdrawn: int = 0
    evaluations: int = 0
    history_redacted: int = 0


async def erase_candidate(uow: UnitOfWork, payload: CandidateErased) -> ErasureOutcome:
    """Erase the candidate's personal data (no commit; the consumer commits).

    An id that is not a UUID or not known here, or a candidate already erased, is a no-op.
    """
    session = uow.session
    candidate_id = as_uuid(payload.candidate_id)
    candidate = (
        await CandidateRepository(session).get_for_update(candidate_id) if candidate_id else None
    )
    if candidate is None:
        log.info("candidate.erase_skipped", candidate_id=payload.candidate_id, why="unknown")
        return ErasureOutcome(erased=False)
    if candidate.erased_at is not None:
        log.info(
            "candidate.erase_skipped",
            candidate_id=str(candidate.id),
            why="already_erased",
            erased_at=candidate.erased_at.isoformat(),
        )
        return ErasureOutcome(erased=False)

    now = datetime.now(UTC)
    _anonymise(candidate, erased_at=payload.erased_at, now=now)
    await session.flush()

    # Locked in id order, like every multi-row lock here (bulk_reject): two transactions
    # locking overlapping sets of applications in different orders could deadlock.
    applications = [
        (row.id, row.status)
        for row in await session.execute(
            select(Application.id, Application.status)
            .where(Application.candidate_id == candidate.id)
            .order_by(Application.id)
            .with_for_update()
        )
    ]
    application_ids = [application_id for application_id, _ in applications]
    withdrawn = await _withdraw_open(session, applications, now=now)
    evaluations = 0
    history_redacted = 0
    if application_ids:
        await session.execute(
            update(Application)
            .where(Application.id.in_(application_ids))
            .values(rejection=null(), screening=_SCRUBBED_SCREENING)  # SQL NULL, not JSON null
            .execution_options(synchronize_session="fetch")
        )
        evaluations = _rowcount(
            await session.execute(
                update(Evaluation)
                .where(Evaluation.application_id.in_(application_ids))
                .values(scores=_SCRUBBED_SCORES, strengths=[], concerns=[])
                .execution_options(synchronize_session="fetch")
            )
        )
        history_redacted = await _redact_history(session, application_ids)
    # Copies of events already published about them (and stored API responses) go too.
    infra_rows = await forget_person(session, str(candidate.id))
    outcome = ErasureOutcome(
        erased=True,
        applications=len(application_ids),
        withdrawn=withdrawn,
        evaluations=evaluations,
        history_redacted=history_redacted,
    )
    log.info(
        "candidate.erased",
        candidate_id=str(candidate.id),
        applications=outcome.applications,
        withdrawn=outcome.withdrawn,
        evaluations=outcome.evaluations,
        history_redacted=outcome.history_redacted,
        infra_rows=infra_rows,
    )
    return outcome


def _anonymise(candidate: Candidate, *, erased_at: datetime, now: datetime) -> None:
    for name, value in ANONYMISED.items():
        setattr(candidate, name, list(value) if isinstance(value, list) else value)
    candidate.erased_at = erased_at
    candidate.version += 1
    candidate.updated_at = now


async def _withdraw_open(
    session: AsyncSession, applications: Sequence[tuple[uuid.UUID, str]], *, now: datetime
) -> int:
    """Withdraw the open applications (rows locked) with one history line each."""
    moves = [
        (application_id, status, target)
        for application_id, status in applications
        if (target := status_after_erasure(status)) is not None
    ]
    if not moves:
        return 0
    for target in {t for _, _, t in moves}:
        await session.execute(
            update(Application)
            .where(
                Application.id.in_([i for i, _, t in moves if t == target]),
                Application.status.in_(OPEN_STATUSES),
            )
            .values(status=target, updated_at=now)
            .execution_options(synchronize_session="fetch")
        )
    await session.execute(
        insert(ApplicationStatusChange),
        [
            {
                "application_id": application_id,
                "from_status": before,
                "to_status": target,
                "reason": ERASURE_REASON,
                "actor": ERASURE_ACTOR,
                "at": now,
            }
            for application_id, before, target in moves
        ],
    )
    return len(moves)


async def _redact_history(session: AsyncSession, application_ids: Sequence[uuid.UUID]) -> int:
    """Replace the history reasons that carry free text about the person."""
    lines = (
        await session.scalars(
            select(ApplicationStatusChange).where(
                ApplicationStatusChange.application_id.in_(list(application_ids))
            )
        )
    ).all()
    redacted = 0
    for line in lines:
        new = redacted_reason(
            from_status=line.from_status,
            to_status=line.to_status,
            actor=line.actor,
            reason=line.reason,
        )
        if new is not None:
            line.reason = new
            redacted += 1
    await session.flush()
    return redacted


def _rowcount(result: Result[Any]) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
