"""Candidates: create, read, list, update, and upsert by an integration's id (email is the
unique key)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import select

from recruiting_service.db.models import Candidate
from recruiting_service.db.repositories import AnyCandidate, CandidateRepository
from recruiting_service.domain.errors import CandidateIsErased
from recruiting_service.service.inputs import CandidateCreate, CandidateUpdate, CandidateUpsert
from recruiting_service.service.vocabularies import skills_in_force
from talentloop_shared.db import KeysetOrder, UnitOfWork, where_given
from talentloop_shared.errors import (
    Conflict,
    ExpectedVersion,
    FieldInvalid,
    Invalid,
    ProblemError,
    found,
)
from talentloop_shared.language import canonical_skills
from talentloop_shared.language.vocabulary import SkillVocabulary
from talentloop_shared.pagination import Page

# Candidates are listed oldest first: (created_at, id).
CANDIDATES = KeysetOrder(Candidate.created_at, Candidate.id)

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


class ExternalIdTaken(Conflict):
    """409: the email belongs to a candidate another external id already names."""

    def __init__(self, email: str, other: str) -> None:
        super().__init__(
            f"a candidate with email {email} already exists under external id {other!r}",
            type_="duplicate-email",
        )


class NoVersionToMatch(ProblemError):
    """412: If-Match names a version of a candidate that does not exist yet (an upsert that
    would create it); without If-Match, or with `*`, the upsert creates it."""

    def __init__(self, external_id: str) -> None:
        super().__init__(
            412,
            "Precondition Failed",
            f"no candidate has external id {external_id!r} yet, so If-Match cannot name a "
            "version of it; send no If-Match (or `*`) to create it",
            type_="precondition-failed",
        )


def refuse_if_erased(candidate: AnyCandidate) -> None:
    """409 `candidate-erased` for a candidate erased at the person's request: nothing
    personal is written to them again (callers hold the row locked)."""
    if candidate.erased_at is not None:
        raise CandidateIsErased(candidate.id, candidate.erased_at)


def new_candidate(
    registration: CandidateCreate,
    *,
    now: datetime,
    candidate_id: uuid.UUID | None = None,
    external_id: str | None = None,
    vocabulary: SkillVocabulary | None = None,
) -> Candidate:
    """A candidate row from validated input (not yet added to a session); skills and
    industries by `vocabulary`'s keys (HR's synonyms in force; the shipped table if None)."""
    return Candidate(
        id=candidate_id or uuid.uuid4(),
        **in_vocabulary(registration.model_dump(), vocabulary),
        external_id=external_id,
        version=1,
        created_at=now,
        updated_at=now,
    )


def in_vocabulary(values: dict[str, Any], vocabulary: SkillVocabulary | None) -> dict[str, Any]:
    """`values` with skills and industries keyed by the vocabulary in force (the inputs
    already hold the shipped table's keys; HR's synonyms may map them further)."""
    if vocabulary is None:
        return values
    for name in ("skills", "industries"):
        if isinstance(values.get(name), list):
            values[name] = canonical_skills(values[name], vocabulary=vocabulary)
    return values


def _changes(update: CandidateUpdate, vocabulary: SkillVocabulary | None) -> dict[str, Any]:
    """The fields the body sets; a null where a value is required is a 422."""
    changes = in_vocabulary(update.model_dump(exclude_unset=True), vocabulary)
    for required in _NOT_NULL:
        if required in changes and changes[required] is None:
            raise FieldInvalid(required, "must not be null")
    return changes


def changed_fields(candidate: Candidate, changes: dict[str, object]) -> list[str]:
    """The fields whose value would change."""
    return [k for k, v in changes.items() if getattr(candidate, k) != v]


async def create_candidate(uow: UnitOfWork, *, registration: CandidateCreate) -> Candidate:
    """Register a candidate; 409 when the email is taken."""
    repo = CandidateRepository(uow.session)
    if await repo.get_by_email(registration.email) is not None:
        raise DuplicateEmail(registration.email)
    vocabulary = await skills_in_force(uow.session)
    candidate = repo.add(new_candidate(registration, now=uow.clock.now(), vocabulary=vocabulary))
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
    stmt = where_given(select(Candidate), email=email)
    return await CANDIDATES.page(uow.session, stmt, cursor=cursor, limit=limit)


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
    changes = _changes(update, await skills_in_force(uow.session))
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


async def get_candidate_by_external_id(uow: UnitOfWork, *, external_id: str) -> Candidate:
    """The candidate an integration knows by this id, or 404."""
    candidate = await CandidateRepository(uow.session).get_by_external_id(external_id)
    return found(candidate, "candidate with external id", repr(external_id))


async def upsert_candidate(
    uow: UnitOfWork,
    *,
    external_id: str,
    data: CandidateUpsert,
    expected: ExpectedVersion,
) -> tuple[Candidate, bool]:
    """Create or update the candidate an integration knows by `external_id`; True when
    created.

    Fields sent replace the stored ones, fields left out keep theirs. When no candidate has
    this id yet but one has the email sent (registered by HR or an import), that candidate
    is linked to the id and updated, as an import matching the email would. Sending what
    is stored changes nothing: same version, same `updated_at`. 409 when the candidate was
    erased at the person's request, or the email belongs to another external id; 412 when
    If-Match names another version (or any version of a candidate that does not exist).
    """
    repo = CandidateRepository(uow.session)
    await repo.lock_external_id(external_id)
    vocabulary = await skills_in_force(uow.session)
    changes = _changes(data, vocabulary)
    candidate = await repo.get_by_external_id(external_id, for_update=True)
    email = changes.get("email")
    if candidate is None and isinstance(email, str):
        holder = await repo.get_by_email(email)
        if holder is not None:
            # Locked and read again: another sync may have linked it meanwhile.
            holder = await repo.get_or_raise(holder.id, for_update=True)
            if holder.external_id not in (None, external_id):
                raise ExternalIdTaken(email, holder.external_id)
            if holder.email == email:
                candidate = holder
    if candidate is None:
        if not expected.any:
            raise NoVersionToMatch(external_id)
        missing = [name for name in ("name", "email") if name not in changes]
        if missing:
            raise Invalid(
                f"{' and '.join(missing)} required to create a candidate",
                errors=[
                    {"loc": ["body", name], "msg": "required to create a candidate"}
                    for name in missing
                ],
            )
        registration = CandidateCreate.model_validate(changes)
        created = repo.add(
            new_candidate(
                registration, now=uow.clock.now(), external_id=external_id, vocabulary=vocabulary
            )
        )
        await uow.commit()
        return created, True
    refuse_if_erased(candidate)
    expected.check(candidate.version, what=f"candidate {candidate.id}")
    if isinstance(email, str) and email != candidate.email:
        if await repo.get_by_email(email) is not None:
            raise DuplicateEmail(email)
    fields = changed_fields(candidate, changes)
    if fields or candidate.external_id != external_id:
        for name in fields:
            setattr(candidate, name, changes[name])
        candidate.external_id = external_id
        candidate.version += 1
        candidate.updated_at = uow.clock.now()
    await uow.commit()
    return candidate, False
