"""Candidates: create, read, update (email is the unique key)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from recruiting_service.api.schemas import CandidateCreate, CandidateRead, CandidateUpdate
from recruiting_service.db.models import Candidate
from recruiting_service.db.repositories import CandidateRepository, after_cursor
from recruiting_service.domain.candidates import normalise_email
from recruiting_service.domain.errors import DomainValidationError
from recruiting_service.service.common import decode_keyset, domain_problem, erased_problem
from talentloop_shared.db import UnitOfWork
from talentloop_shared.http.pagination import Page, page_of
from talentloop_shared.http.problems import ProblemError, conflict, not_found


def _duplicate(email: str) -> ProblemError:
    return conflict(f"a candidate with email {email} already exists", type_="duplicate-email")


def new_candidate(data: CandidateCreate, *, candidate_id: uuid.UUID | None = None) -> Candidate:
    """A candidate row from validated input (not yet added to a session)."""
    now = datetime.now(UTC)
    return Candidate(
        id=candidate_id or uuid.uuid4(),
        **data.model_dump(),
        version=1,
        created_at=now,
        updated_at=now,
    )


async def create_candidate(uow: UnitOfWork, *, data: CandidateCreate) -> CandidateRead:
    """Register a candidate; 409 when the email is taken."""
    repo = CandidateRepository(uow.session)
    if await repo.get_by_email(data.email) is not None:
        raise _duplicate(data.email)
    candidate = repo.add(new_candidate(data))
    await uow.commit()
    return CandidateRead.model_validate(candidate)


async def get_candidate(uow: UnitOfWork, *, candidate_id: uuid.UUID) -> CandidateRead:
    """One candidate."""
    candidate = await CandidateRepository(uow.session).get(candidate_id)
    if candidate is None:
        raise not_found("candidate", candidate_id)
    return CandidateRead.model_validate(candidate)


async def list_candidates(
    uow: UnitOfWork, *, email: str | None, limit: int, cursor: str | None
) -> Page[CandidateRead]:
    """Candidates, oldest first; `email` finds one by its normalised address."""
    stmt = select(Candidate)
    if email is not None:
        try:
            stmt = stmt.where(Candidate.email == normalise_email(email))
        except DomainValidationError as exc:
            raise ProblemError(
                422,
                "Unprocessable Content",
                f"email: {exc.msg}",
                type_="validation",
                errors=[{"loc": ["query", "email"], "msg": exc.msg}],
            ) from None
    after = decode_keyset(cursor, datetime.fromisoformat, uuid.UUID)
    if after is not None:
        stmt = stmt.where(after_cursor([Candidate.created_at, Candidate.id], after))
    rows = (
        await uow.session.scalars(
            stmt.order_by(Candidate.created_at, Candidate.id).limit(limit + 1)
        )
    ).all()
    return page_of(
        [CandidateRead.model_validate(c) for c in rows],
        limit,
        key=lambda c: (c.created_at.isoformat(), c.id),
    )


def changed_fields(candidate: Candidate, changes: dict[str, object]) -> list[str]:
    """The fields whose value would change."""
    return [k for k, v in changes.items() if getattr(candidate, k) != v]


async def update_candidate(
    uow: UnitOfWork, *, candidate_id: uuid.UUID, data: CandidateUpdate, if_match: int | None
) -> CandidateRead:
    """Change the given fields; 412 when If-Match names an older version; 409 if erased."""
    repo = CandidateRepository(uow.session)
    candidate = await repo.get_for_update(candidate_id)
    if candidate is None:
        raise not_found("candidate", candidate_id)
    if (erased := erased_problem(candidate)) is not None:
        raise erased
    if if_match is not None and if_match != candidate.version:
        raise ProblemError(
            412,
            "Precondition Failed",
            f"the candidate is at version {candidate.version}, not {if_match}; "
            "read it again and reapply your change",
            type_="precondition-failed",
        )
    changes = data.model_dump(exclude_unset=True)
    for required in (
        "name",
        "email",
        "locale",
        "timezone",
        "education",
        "skills",
        "industries",
        "languages",
        "talent_pool_consent",
    ):
        if required in changes and changes[required] is None:
            raise domain_problem(DomainValidationError(required, "must not be null"))
    if "email" in changes and changes["email"] != candidate.email:
        other = await repo.get_by_email(changes["email"])
        if other is not None:
            raise _duplicate(changes["email"])
    fields = changed_fields(candidate, changes)
    if fields:
        for name in fields:
            setattr(candidate, name, changes[name])
        candidate.version += 1
        candidate.updated_at = datetime.now(UTC)
    await uow.commit()
    return CandidateRead.model_validate(candidate)
