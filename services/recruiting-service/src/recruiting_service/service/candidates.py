"""Candidates: create, read, list, update (email is the unique key)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select

from recruiting_service.db.models import Candidate
from recruiting_service.db.repositories import CandidateRepository, keyset_page
from recruiting_service.domain.errors import CandidateIsErased
from recruiting_service.service.inputs import CandidateCreate, CandidateUpdate
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Conflict, ExpectedVersion, FieldInvalid
from talentloop_shared.pagination import Keyset, Page

# Candidates are listed oldest first: (created_at, id).
CANDIDATES = Keyset(datetime, uuid.UUID)

# Fields a PATCH may leave out but not set to null.
_NOT_NULL = (
    "name",
    "email",
    "locale",
    "timezone",
    "education",
    "skills",
    "industries",
    "languages",
    "talent_pool_consent",
)


class DuplicateEmail(Conflict):
    """409: another candidate has this email (the unique key)."""

    def __init__(self, email: str) -> None:
        super().__init__(f"a candidate with email {email} already exists", type_="duplicate-email")


def refuse_if_erased(candidate: Candidate) -> None:
    """409 `candidate-erased` for a candidate erased at the person's request: nothing
    personal is written to them again (callers hold the row locked)."""
    if candidate.erased_at is not None:
        raise CandidateIsErased(candidate.id, candidate.erased_at)


def new_candidate(
    registration: CandidateCreate, *, now: datetime, candidate_id: uuid.UUID | None = None
) -> Candidate:
    """A candidate row from validated input (not yet added to a session)."""
    return Candidate(
        id=candidate_id or uuid.uuid4(),
        **registration.model_dump(),
        version=1,
        created_at=now,
        updated_at=now,
    )


def changed_fields(candidate: Candidate, changes: dict[str, object]) -> list[str]:
    """The fields whose value would change."""
    return [k for k, v in changes.items() if getattr(candidate, k) != v]


async def create_candidate(uow: UnitOfWork, *, registration: CandidateCreate) -> Candidate:
    """Register a candidate; 409 when the email is taken."""
    repo = CandidateRepository(uow.session)
    if await repo.get_by_email(registration.email) is not None:
        raise DuplicateEmail(registration.email)
    candidate = repo.add(new_candidate(registration, now=uow.clock.now()))
    await uow.commit()
    return candidate


async def get_candidate(uow: UnitOfWork, *, candidate_id: uuid.UUID) -> Candidate:
    """One candidate."""
    candidate = await CandidateRepository(uow.session).get_or_raise(candidate_id)
    return candidate


async def list_candidates(
    uow: UnitOfWork, *, email: str | None, limit: int, cursor: str | None
) -> Page[Candidate]:
    """Candidates, oldest first; `email` (normalised) finds one."""
    stmt = select(Candidate)
    if email is not None:
        stmt = stmt.where(Candidate.email == email)
    return await keyset_page(
        uow.session,
        stmt,
        keyset=CANDIDATES,
        order_by=[Candidate.created_at, Candidate.id],
        cursor=cursor,
        limit=limit,
    )


async def update_candidate(
    uow: UnitOfWork,
    *,
    candidate_id: uuid.UUID,
    update: CandidateUpdate,
    expected: ExpectedVersion,
) -> Candidate:
    """Change the given fields; 412 when If-Match names another version; 409 if erased."""
    repo = CandidateRepository(uow.session)
    candidate = await repo.get_or_raise(candidate_id, for_update=True)
    refuse_if_erased(candidate)
    expected.check(candidate.version, what=f"candidate {candidate_id}")
    changes = update.model_dump(exclude_unset=True)
    for required in _NOT_NULL:
        if required in changes and changes[required] is None:
            raise FieldInvalid(required, "must not be null")
    if "email" in changes and changes["email"] != candidate.email:
        if await repo.get_by_email(changes["email"]) is not None:
            raise DuplicateEmail(changes["email"])
    fields = changed_fields(candidate, changes)
    if fields:
        for name in fields:
            setattr(candidate, name, changes[name])
        candidate.version += 1
        candidate.updated_at = uow.clock.now()
    await uow.commit()
    return candidate
