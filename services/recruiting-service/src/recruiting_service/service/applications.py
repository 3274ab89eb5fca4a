"""Applications: apply (screened at once), read, list, and the status machine's moves."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from recruiting_service.api.schemas import ApplicationRead, ApplicationSummary
from recruiting_service.db.models import Application, Candidate, Opening
from recruiting_service.db.repositories import (
    ApplicationRepository,
    CandidateRepository,
    OpeningRepository,
    after_cursor,
)
from recruiting_service.domain.decisions import IllegalTransition, transition
from recruiting_service.domain.screening import make_screener
from recruiting_service.service.common import (
    decode_keyset,
    domain_problem,
    erased_problem,
    profile_of,
    read_of,
    requirements_of,
    screening_reason,
    screening_record,
    summary_of,
)
from talentloop_shared.db import UnitOfWork
from talentloop_shared.http.pagination import Page, page_of
from talentloop_shared.http.problems import conflict, not_found


def open_application(
    uow: UnitOfWork, *, candidate: Candidate, opening: Opening, source: str, actor: str
) -> Application:
    """Create and screen an application (checks done by the caller; no commit)."""
    result = make_screener(requirements_of(opening), opening.version)(profile_of(candidate))
    now = datetime.now(UTC)
    repo = ApplicationRepository(uow.session)
    application = repo.add(
        Application(
            id=uuid.uuid4(),
            candidate_id=candidate.id,
            position_id=opening.position_id,
            source=source,
            status="screening" if result.passed else "screened_out",
            screening=screening_record(result),
            flags=[],
            rejection=None,
            created_at=now,
            updated_at=now,
        )
    )
    repo.record_change(
        application,
        from_status=None,
        actor=actor,
        reason=f"applied (source {source}); {screening_reason(result)}",
    )
    return application


async def apply(
    uow: UnitOfWork, *, candidate_id: uuid.UUID, position_id: uuid.UUID, source: str, actor: str
) -> ApplicationRead:
    """Apply a candidate to an open opening and screen at once (409 if erased)."""
    # Locked: an erasure running at the same time waits, or this sees it.
    candidate = await CandidateRepository(uow.session).get_for_update(candidate_id)
    if candidate is None:
        raise not_found("candidate", candidate_id)
    if (erased := erased_problem(candidate)) is not None:
        raise erased
    opening = await OpeningRepository(uow.session).get(position_id)
    if opening is None:
        raise not_found("opening", position_id)
    if opening.status != "open":
        raise conflict(f"opening {position_id} is closed for hiring", type_="opening-closed")
    repo = ApplicationRepository(uow.session)
    existing = await repo.for_candidate_and_position(candidate_id, position_id)
    if existing is not None:
        raise conflict(
            f"candidate {candidate_id} already applied to {position_id} "
            f"(application {existing.id})",
            type_="duplicate-application",
        )
    application = open_application(
        uow, candidate=candidate, opening=opening, source=source, actor=actor
    )
    await uow.commit()
    return read_of(application, list(await repo.history(application.id)))


async def get_application(uow: UnitOfWork, *, application_id: uuid.UUID) -> ApplicationRead:
    """One application with its screening, flags and history."""
    repo = ApplicationRepository(uow.session)
    application = await repo.get(application_id)
    if application is None:
        raise not_found("application", application_id)
    return read_of(application, list(await repo.history(application_id)))


async def list_applications(
    uow: UnitOfWork,
    *,
    position_id: uuid.UUID | None,
    candidate_id: uuid.UUID | None,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> Page[ApplicationSummary]:
    """Applications, oldest first, filtered by position, candidate and status."""
    stmt = select(Application)
    if position_id is not None:
        stmt = stmt.where(Application.position_id == position_id)
    if candidate_id is not None:
        stmt = stmt.where(Application.candidate_id == candidate_id)
    if status is not None:
        stmt = stmt.where(Application.status == status)
    after = decode_keyset(cursor, datetime.fromisoformat, uuid.UUID)
    if after is not None:
        stmt = stmt.where(after_cursor([Application.created_at, Application.id], after))
    rows = (
        await uow.session.scalars(
            stmt.order_by(Application.created_at, Application.id).limit(limit + 1)
        )
    ).all()
    return page_of(
        [summary_of(a) for a in rows], limit, key=lambda a: (a.created_at.isoformat(), a.id)
    )


async def move(
    uow: UnitOfWork, *, application_id: uuid.UUID, action: str, actor: str, reason: str | None
) -> ApplicationRead:
    """Advance, hire or withdraw through the status machine (409 naming allowed moves)."""
    repo = ApplicationRepository(uow.session)
    application = await repo.get_for_update(application_id)
    if application is None:
        raise not_found("application", application_id)
    before = application.status
    try:
        application.status = transition(before, action)
    except IllegalTransition as exc:
        raise domain_problem(exc) from None
    application.updated_at = datetime.now(UTC)
    repo.record_change(application, from_status=before, actor=actor, reason=reason or action)
    await uow.commit()
    return read_of(application, list(await repo.history(application_id)))
