"""Repositories of recruiting-service (they never commit; the unit of work does)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from recruiting_service.db.models import (
    Application,
    ApplicationStatusChange,
    Candidate,
    Evaluation,
    Interview,
    Opening,
    Suggestion,
)
from talentloop_shared.db import Repository
from talentloop_shared.errors import NotFound
from talentloop_shared.pagination import Keyset, Page

ModelT = TypeVar("ModelT")


class _Repository(Repository[ModelT]):
    """The shared base plus `get_or_raise`: a missing row is a 404 naming what it is."""

    what: str

    async def get_or_raise(self, id: uuid.UUID, *, for_update: bool = False) -> ModelT:
        """The row with this primary key (locked with `for_update`), or 404."""
        row = await (self.get_for_update(id) if for_update else self.get(id))
        if row is None:
            raise NotFound(self.what, id)
        return row


class OpeningRepository(_Repository[Opening]):
    model = Opening
    what = "opening"


class CandidateRepository(_Repository[Candidate]):
    model = Candidate
    what = "candidate"

    async def get_by_email(self, email: str) -> Candidate | None:
        """The candidate with this (normalised) email, or None."""
        return await self.session.scalar(select(Candidate).where(Candidate.email == email))

    async def ids_by_emails(self, emails: Sequence[str]) -> dict[str, uuid.UUID]:
        """The ids of the candidates with these emails, keyed by email (no lock)."""
        if not emails:
            return {}
        rows = await self.session.execute(
            select(Candidate.email, Candidate.id).where(Candidate.email.in_(list(emails)))
        )
        return {email: id_ for email, id_ in rows if email}

    async def by_ids(
        self, ids: Sequence[uuid.UUID], *, for_update: bool = False
    ) -> dict[uuid.UUID, Candidate]:
        """Candidates keyed by id, freshly read; `for_update` locks them in id order.

        Id order is the order of every multi-row lock in this service, so two
        transactions locking overlapping sets cannot deadlock each other.
        """
        if not ids:
            return {}
        statement = (
            select(Candidate)
            .where(Candidate.id.in_(list(ids)))
            .order_by(Candidate.id)
            .execution_options(populate_existing=True)
        )
        if for_update:
            statement = statement.with_for_update()
        return {c.id: c for c in await self.list(statement)}


class ApplicationRepository(_Repository[Application]):
    model = Application
    what = "application"

    @staticmethod
    def screening_profiles(
        position_id: uuid.UUID, statuses: Sequence[str]
    ) -> Select[*tuple[Any, ...]]:
        """The applications to a position in these statuses, each with what screening
        reads of its candidate: one query, however many applications (re-screening)."""
        return (
            select(
                Application.id,
                Application.status,
                Candidate.years_experience,
                Candidate.skills,
                Candidate.industries,
                Candidate.education,
                Candidate.languages,
            )
            .join(Candidate, Candidate.id == Application.candidate_id)
            .where(Application.position_id == position_id, Application.status.in_(statuses))
        )

    async def for_candidate_and_position(
        self, candidate_id: uuid.UUID, position_id: uuid.UUID
    ) -> Application | None:
        """The application of this candidate to this position, if any."""
        return await self.session.scalar(
            select(Application).where(
                Application.candidate_id == candidate_id, Application.position_id == position_id
            )
        )

    async def history(self, application_id: uuid.UUID) -> Sequence[ApplicationStatusChange]:
        """The status history, oldest first."""
        return await _list(
            self,
            select(ApplicationStatusChange)
            .where(ApplicationStatusChange.application_id == application_id)
            .order_by(ApplicationStatusChange.id),
        )

    def record_change(
        self,
        application: Application,
        *,
        from_status: str | None,
        reason: str,
        by: str,
        at: datetime,
    ) -> None:
        """Append a history line for the application's current status."""
        self.session.add(
            ApplicationStatusChange(
                application_id=application.id,
                from_status=from_status,
                to_status=application.status,
                reason=reason,
                actor=by,
                at=at,
            )
        )


class InterviewRepository(_Repository[Interview]):
    model = Interview
    what = "interview"

    async def evaluation_of(self, interview_id: uuid.UUID) -> Evaluation | None:
        """The submitted evaluation of an interview, if any."""
        return await self.session.scalar(
            select(Evaluation).where(Evaluation.interview_id == interview_id)
        )

    async def evaluations_by_interview(
        self, interview_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, Evaluation]:
        """Evaluations keyed by interview id."""
        if not interview_ids:
            return {}
        rows = (
            await self.session.scalars(
                select(Evaluation).where(Evaluation.interview_id.in_(list(interview_ids)))
            )
        ).all()
        return {e.interview_id: e for e in rows}

    async def evaluations_of_applications(
        self, application_ids: Sequence[uuid.UUID]
    ) -> Sequence[Evaluation]:
        """Every evaluation of these applications, in submission order."""
        if not application_ids:
            return []
        return (
            await self.session.scalars(
                select(Evaluation)
                .where(Evaluation.application_id.in_(list(application_ids)))
                .order_by(Evaluation.submitted_at, Evaluation.id)
            )
        ).all()


class SuggestionRepository(Repository[Suggestion]):
    model = Suggestion

    async def library(self) -> dict[str, dict[str, str]]:
        """The suggestion library: locale → code → template."""
        rows = (
            await self.session.execute(select(Suggestion.locale, Suggestion.code, Suggestion.text))
        ).all()
        library: dict[str, dict[str, str]] = {}
        for locale, code, text in rows:
            library.setdefault(locale, {})[code] = text
        return library

    async def upsert(
        self, *, code: str, locale: str, text: str, by: str, at: datetime
    ) -> Suggestion:
        """Create or replace one template (race-free: one INSERT … ON CONFLICT)."""
        statement = (
            pg_insert(Suggestion)
            .values(code=code, locale=locale, text=text, updated_by=by, updated_at=at)
            .on_conflict_do_update(
                index_elements=[Suggestion.code, Suggestion.locale],
                set_={"text": text, "updated_by": by, "updated_at": at},
            )
            .returning(Suggestion)
            .execution_options(populate_existing=True)
        )
        return (await self.session.scalars(statement)).one()


async def _list(repo: Repository[Any], statement: Any) -> Sequence[Any]:
    return (await repo.session.scalars(statement)).all()


def as_uuid(value: str | uuid.UUID) -> uuid.UUID | None:
    """The UUID in `value`, or None when it is not one (ids in other services' events are
    strings; looking one up that is not a UUID finds nothing)."""
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


async def keyset_page(
    session: AsyncSession,
    statement: Select[ModelT],
    *,
    keyset: Keyset,
    order_by: Sequence[InstrumentedAttribute[Any]],
    cursor: str | None,
    limit: int,
) -> Page[ModelT]:
    """One page of `statement`'s rows in `order_by` order, after `cursor` (422 if it is
    not one this list returned); `keyset` declares the types of the `order_by` columns."""
    after = keyset.decode(cursor)
    if after is not None:
        statement = statement.where(after_cursor(order_by, after))
    rows = (await session.scalars(statement.order_by(*order_by).limit(limit + 1))).all()
    return keyset.page(rows, limit, key=lambda row: [getattr(row, c.key) for c in order_by])


def after_cursor(columns: Sequence[Any], values: Sequence[Any]) -> Any:
    """A WHERE clause for keyset pagination: rows strictly after `values` in column order."""
    # (a, b) > (x, y) spelled out, so it works with any column types.
    clauses = []
    for i, column in enumerate(columns):
        equal = [columns[j] == values[j] for j in range(i)]
        clauses.append(and_(*equal, column > values[i]))
    return or_(*clauses)
