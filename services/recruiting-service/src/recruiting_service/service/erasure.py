"""Erasing a candidate: anonymise in place, keep the statistics.

Two ways in, one implementation (`_erase`): a `candidate-erased` event from another
service (`erase_candidate`), or HR erasing the person at their request through
`DELETE /api/v1/candidates/{id}` (`erase_on_request`), which also publishes
`candidate-erased` so the other services erase theirs; that announcement comes back to us
and is a no-op (the candidate is erased already).

See `domain/erasure.py` for what is removed and what is kept. The candidate row is locked
first (the API and `talent-invited` lock it too before they write), then the candidate's
applications, so nothing personal can be written back while or after this runs.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Result, case, insert, literal_column, null, select, update
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.ext.asyncio import AsyncSession

from recruiting_service.db.models import (
    Application,
    ApplicationStatusChange,
    Candidate,
    Evaluation,
    Interview,
    PolicyDecision,
)
from recruiting_service.db.repositories import ApplicationRepository, CandidateRepository, as_uuid
from recruiting_service.domain.erasure import (
    ANONYMISED,
    ERASED_TEXT,
    ERASURE_ACTOR,
    ERASURE_REASON,
    INTERVIEW_CANCEL_REASON,
    OPEN_STATUSES,
    redacted_reason,
    status_after_erasure,
)
from recruiting_service.service.candidates import refuse_if_erased
from recruiting_service.service.schedule import cancel_upcoming
from talentloop_shared.db import UnitOfWork, each_element_sql, forget_person
from talentloop_shared.events.payloads import CandidateErased
from talentloop_shared.logging import get_logger

log = get_logger(__name__)

# Screening keeps passed, score, position version and which requirements were unmet (what
# the position asked for); the candidate's own values (`actual`) and matched skills go.
_SCRUBBED_SCREENING = literal_column(
    "jsonb_set(applications.screening - 'matched_skills', '{unmet}', "
    + each_element_sql(
        "applications.screening -> 'unmet'", "e.value || '{\"actual\": null}'::jsonb"
    )
    + ")",
    type_=JSONB,
)
# Evaluations keep every dimension's score; the comment written about the person goes.
_SCRUBBED_SCORES = literal_column(
    each_element_sql("evaluations.scores", "e.value || '{\"comment\": null}'::jsonb"),
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
    interviews: int = 0
    interviews_cancelled: int = 0


async def erase_candidate(uow: UnitOfWork, payload: CandidateErased) -> ErasureOutcome:
    """Apply a `candidate-erased` event (no commit; the consumer commits).

    An id that is not a UUID or not known here, or a candidate already erased, is a no-op:
    our own announcement (`erase_on_request`) comes back to us as such an event.
    """
    candidate_id = as_uuid(payload.candidate_id)
    candidate = (
        await CandidateRepository(uow.session).get_for_update(candidate_id)
        if candidate_id
        else None
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
    return await _erase(uow, candidate, payload, now=uow.clock.now(), origin="event")


async def erase_on_request(
    uow: UnitOfWork, *, candidate_id: uuid.UUID, reason: str, by: str
) -> ErasureOutcome:
    """Erase a candidate at the person's request (HR through the API) and announce it.

    In one transaction: lock the candidate, erase exactly as `erase_candidate` does, publish
    `candidate-erased` (the other services erase theirs), commit. 404 for an unknown id,
    409 `candidate-erased` when the candidate was erased already.
    """
    candidate = await CandidateRepository(uow.session).get_or_raise(candidate_id, for_update=True)
    refuse_if_erased(candidate)
    now = uow.clock.now()
    payload = CandidateErased(candidate_id=str(candidate.id), erased_at=now, reason=reason)
    outcome = await _erase(uow, candidate, payload, now=now, origin="request", by=by)
    uow.publish(payload, subject=f"candidates/{candidate.id}")
    await uow.commit()
    return outcome


async def _erase(
    uow: UnitOfWork,
    candidate: Candidate,
    payload: CandidateErased,
    *,
    now: datetime,
    origin: str,
    by: str | None = None,
) -> ErasureOutcome:
    """Erase a candidate locked by the caller and not yet erased (no commit)."""
    session = uow.session
    contacts = (candidate.email, candidate.phone)
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
    interviews = 0
    cancelled = 0
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
        interviews = await _scrub_interviews(session, application_ids)
        await _scrub_decisions(session, application_ids, now=now)
        # Nobody waits for a person who asked to be forgotten: the panel's calendars are
        # freed (the candidate, anonymised now, is told nothing).
        for application_id in application_ids:
            application = await ApplicationRepository(session).get(application_id)
            assert application is not None
            cancelled += await cancel_upcoming(
                uow, application, reason=INTERVIEW_CANCEL_REASON, by=ERASURE_ACTOR
            )
    # Copies of events already published about them (and stored API responses) go too;
    # a response about one of their applications (a scorecard, an interview, a decision)
    # names the application, not them.
    infra_rows = await forget_person(
        session, str(candidate.id), contacts=contacts, records=application_ids
    )
    outcome = ErasureOutcome(
        erased=True,
        applications=len(application_ids),
        withdrawn=withdrawn,
        evaluations=evaluations,
        history_redacted=history_redacted,
        interviews=interviews,
        interviews_cancelled=cancelled,
    )
    log.info(
        "candidate.erased",
        candidate_id=str(candidate.id),
        origin=origin,
        by=by,
        infra_rows=infra_rows,
        **asdict(outcome),
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
            by=line.actor,
            reason=line.reason,
        )
        if new is not None:
            line.reason = new
            redacted += 1
    await session.flush()
    return redacted


async def _scrub_interviews(session: AsyncSession, application_ids: Sequence[uuid.UUID]) -> int:
    """Interviews keep time, place and panel; the notes written to the candidate and any
    cancellation reason (which may describe them) go."""
    return _rowcount(
        await session.execute(
            update(Interview)
            .where(Interview.application_id.in_(list(application_ids)))
            .values(
                notes_for_candidate=None,
                cancel_reason=case((Interview.cancel_reason.is_(None), None), else_=ERASED_TEXT),
            )
            .execution_options(synchronize_session="fetch")
        )
    )


async def _scrub_decisions(
    session: AsyncSession, application_ids: Sequence[uuid.UUID], *, now: datetime
) -> None:
    """Policy decisions keep mode, deadline, status and scores; the notice they drafted
    (strengths, reasons, suggestions) and HR's note go; a pending one is closed."""
    decisions = PolicyDecision.__table__
    await session.execute(
        update(PolicyDecision)
        .where(PolicyDecision.application_id.in_(list(application_ids)))
        .values(
            strengths=[],
            reasons=[],
            suggestions=[],
            resolution_note=case(
                (decisions.c.status == "pending", ERASURE_REASON),
                (decisions.c.resolution_note.is_(None), None),
                else_=ERASED_TEXT,
            ),
            resolved_by=case(
                (decisions.c.status == "pending", ERASURE_ACTOR), else_=decisions.c.resolved_by
            ),
            resolved_at=case((decisions.c.status == "pending", now), else_=decisions.c.resolved_at),
            version=decisions.c.version + 1,
            status=case((decisions.c.status == "pending", "superseded"), else_=decisions.c.status),
        )
        .execution_options(synchronize_session="fetch")
    )


def _rowcount(result: Result[Any]) -> int:
    return int(getattr(result, "rowcount", 0) or 0)
