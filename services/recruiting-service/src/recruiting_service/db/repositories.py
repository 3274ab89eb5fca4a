"""Repositories of recruiting-service (they never commit; the unit of work does)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

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


class OpeningRepository(Repository[Opening]):
    model = Opening


class CandidateRepository(Repository[Candidate]):
    model = Candidate

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


class ApplicationRepository(Repository[Application]):
    model = Application

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
        actor: str,
    ) -> None:
        """Append a history line for the application's current status."""
        self.session.add(
            ApplicationStatusChange(
                application_id=application.id,
                from_status=from_status,
                to_status=application.status,
                reason=reason,
                actor=actor,
                at=datetime.now(UTC),
            )
        )


class InterviewRepository(Repository[Interview]):
    model = Interview

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

    async def upsert(self, *, code: str, locale: str, text: str, actor: str) -> Suggestion:
        """Create or replace one template (race-free: one INSERT … ON CONFLICT)."""
        now = datetime.now(UTC)
        statement = (
            pg_insert(Suggestion)
            .values(code=code, locale=locale, text=text, updated_by=actor, updated_at=now)
            .on_conflict_do_update(
                index_elements=[Suggestion.code, Suggestion.locale],
                set_={"text": text, "updated_by": actor, "updated_at": now},
            )
            .returning(Suggestion)
            .execution_options(populate_existing=True)
        )
        return (await self.session.scalars(statement)).one()


async def _list(repo: Repository[Any], statement: Any) -> Sequence[Any]:
    return (await repo.session.scalars(statement)).all()


def after_cursor(columns: Sequence[Any], values: Sequence[Any]) -> Any:
    """A WHERE clause for keyset pagination: rows strictly after `values` in column order."""
    # (a, b) > (x, y) spelled out, so it works with any column types.
    clauses = []
    for i, column in enumerate(columns):
        equal = [columns[j] == values[j] for j in range(i)]
        clauses.append(and_(*equal, column > values[i]))
    return or_(*clauses)
