"""Repositories of recruiting-service (they never commit; the unit of work does)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, or_, select
from sqlalchemy import text as sql_text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from recruiting_service.db.models import (
    Application,
    ApplicationStatusChange,
    Candidate,
    Course,
    DecisionPolicyRow,
    Evaluation,
    Interview,
    Opening,
    PanelSeat,
    Person,
    PolicyDecision,
    Suggestion,
)
from talentloop_shared.db import Repository, UnitOfWork, dumps_json
from talentloop_shared.errors import found

ModelT = TypeVar("ModelT")


class OpeningRepository(Repository[Opening]):
    model = Opening
    what = "opening"


class PersonRepository(Repository[Person]):
    model = Person
    what = "person"

    async def by_ids(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Person]:
        """The people with these ids that the staff copy holds, keyed by id."""
        if not ids:
            return {}
        rows = await self.session.scalars(select(Person).where(Person.id.in_(list(ids))))
        return {p.id: p for p in rows}

    async def by_subjects(self, subjects: Sequence[str]) -> dict[str, Person]:
        """The active people who sign in as these JWT subjects, keyed by subject."""
        if not subjects:
            return {}
        rows = await self.session.scalars(
            select(Person)
            .where(Person.subject.in_(list(subjects)), Person.active.is_(True))
            .order_by(Person.updated_at.desc(), Person.id)
        )
        found: dict[str, Person] = {}
        for person in rows:
            assert person.subject is not None
            found.setdefault(person.subject, person)  # the most recently changed wins
        return found

    async def upsert(self, values: dict[str, Any]) -> bool:
        """Insert the snapshot, or replace an older one; False when ours is as new or newer."""
        return await _upsert_newer(self.session, Person, values)


class CandidateRepository(Repository[Candidate]):
    model = Candidate
    what = "candidate"

    async def get_by_email(self, email: str) -> Candidate | None:
        """The candidate with this (normalised) email, or None."""
        return await self.session.scalar(select(Candidate).where(Candidate.email == email))

    async def get_by_external_id(
        self, external_id: str, *, for_update: bool = False
    ) -> Candidate | None:
        """The candidate an integration knows by this id (locked with `for_update`), or None."""
        statement = select(Candidate).where(Candidate.external_id == external_id)
        if for_update:
            statement = statement.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(statement)

    async def lock_external_id(self, external_id: str) -> None:
        """Serialise upserts of one external id until the transaction ends (the first one
        creates the candidate, the next one sees it)."""
        await self.session.execute(
            sql_text("SELECT pg_advisory_xact_lock(hashtext(:key))"),
            {"key": f"recruiting-service:candidate-external-id:{external_id}"},
        )

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


@dataclass(frozen=True, slots=True)
class ApplicationRow:
    """An application's columns read as a row, not as a row of the session: nothing of it is
    flushed; a change goes back as its own statement (`ApplicationRepository.reject_row`)."""

    id: uuid.UUID
    candidate_id: uuid.UUID
    position_id: uuid.UUID
    source: str
    status: str
    screening: dict[str, Any]
    flags: list[dict[str, Any]]
    rejection: dict[str, Any] | None
    created_at: datetime
    updated_at: datetime


# An application as the use cases read it: a row of the session, or its columns.
AnyApplication = Application | ApplicationRow


@dataclass(frozen=True, slots=True)
class HistoryLine:
    """A line of an application's status history, read as a row."""

    from_status: str | None
    to_status: str
    reason: str
    actor: str
    at: datetime


@dataclass(frozen=True, slots=True)
class DecisionLine:
    """What an application's answer shows of its latest policy decision."""

    status: str
    mode: str
    decides_at: datetime


class ApplicationRepository(Repository[Application]):
    model = Application
    what = "application"

    async def by_ids(self, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Application]:
        """The applications with these ids, keyed by id."""
        if not ids:
            return {}
        rows = await self.session.scalars(select(Application).where(Application.id.in_(ids)))
        return {a.id: a for a in rows}

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

    async def history_and_decision(
        self, application_id: uuid.UUID
    ) -> tuple[Sequence[ApplicationStatusChange], PolicyDecision | None]:
        """The status history, oldest first, and the most recent policy decision (as
        `PolicyDecisionRepository.latest` finds it), in one statement."""
        latest = (
            select(PolicyDecision.id)
            .where(PolicyDecision.application_id == application_id)
            .order_by(PolicyDecision.created_at.desc(), PolicyDecision.id.desc())
            .limit(1)
            .scalar_subquery()
        )
        rows = (
            await self.session.execute(
                select(ApplicationStatusChange, PolicyDecision)
                .outerjoin(PolicyDecision, PolicyDecision.id == latest)
                .where(ApplicationStatusChange.application_id == application_id)
                .order_by(ApplicationStatusChange.id)
                .execution_options(populate_existing=True)
            )
        ).all()
        if not rows:  # no history line (every application has one): the decision alone
            return [], await PolicyDecisionRepository(self.session).latest(application_id)
        return [row[0] for row in rows], rows[0][1]

    def record_change(
        self,
        application: Application,
        *,
        from_status: str | None,
        reason: str,
        by: str,
        at: datetime,
    ) -> ApplicationStatusChange:
        """Append a history line for the application's current status (the line)."""
        change = ApplicationStatusChange(
            application_id=application.id,
            from_status=from_status,
            to_status=application.status,
            reason=reason,
            actor=by,
            at=at,
        )
        self.session.add(change)
        return change


class InterviewRepository(Repository[Interview]):
    model = Interview
    what = "interview"

    async def seats(self, interview_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[PanelSeat]]:
        """The panels of these interviews, each in seat order, keyed by interview id."""
        panels: dict[uuid.UUID, list[PanelSeat]] = {i: [] for i in interview_ids}
        if not interview_ids:
            return panels
        rows = await self.session.scalars(
            select(PanelSeat)
            .where(PanelSeat.interview_id.in_(list(interview_ids)))
            .order_by(PanelSeat.interview_id, PanelSeat.seat)
            .execution_options(populate_existing=True)
        )
        for seat in rows:
            panels[seat.interview_id].append(seat)
        return panels

    async def of_application(
        self, application_id: uuid.UUID, *, for_update: bool = False
    ) -> Sequence[Interview]:
        """Every interview of an application, by start (locked in id order `for_update`)."""
        statement = (
            select(Interview)
            .where(Interview.application_id == application_id)
            .execution_options(populate_existing=True)
        )
        if for_update:
            rows = await self.list(statement.order_by(Interview.id).with_for_update())
            return sorted(rows, key=lambda i: (i.scheduled_at, i.id))
        return await self.list(statement.order_by(Interview.scheduled_at, Interview.id))

    async def evaluations_by_interview(
        self, interview_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, list[Evaluation]]:
        """Evaluations keyed by interview id, in submission order."""
        found: dict[uuid.UUID, list[Evaluation]] = {i: [] for i in interview_ids}
        if not interview_ids:
            return found
        rows = await self.session.scalars(
            select(Evaluation)
            .where(Evaluation.interview_id.in_(list(interview_ids)))
            .order_by(Evaluation.submitted_at, Evaluation.id)
        )
        for evaluation in rows:
            found[evaluation.interview_id].append(evaluation)
        return found

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

    async def booked(
        self,
        *,
        member_ids: Sequence[str],
        person_ids: Sequence[uuid.UUID],
        start: datetime,
        ends_at: datetime,
        exclude: uuid.UUID | None,
    ) -> Sequence[tuple[Interview, PanelSeat]]:
        """Scheduled interviews overlapping [start, ends_at) that seat any of these members."""
        statement = (
            select(Interview, PanelSeat)
            .join(PanelSeat, PanelSeat.interview_id == Interview.id)
            .where(
                Interview.status == "scheduled",
                Interview.scheduled_at < ends_at,
                Interview.ends_at > start,
                or_(
                    PanelSeat.member_id.in_(list(member_ids)),
                    PanelSeat.person_id.in_(list(person_ids)),
                ),
            )
            .order_by(Interview.scheduled_at, Interview.id, PanelSeat.seat)
        )
        if exclude is not None:
            statement = statement.where(Interview.id != exclude)
        return [(row[0], row[1]) for row in (await self.session.execute(statement)).all()]


class CourseRepository(Repository[Course]):
    model = Course

    async def active(self) -> Sequence[Course]:
        """The courses on offer (not withdrawn), by title."""
        return await self.list(
            select(Course).where(Course.active.is_(True)).order_by(Course.title, Course.id)
        )

    async def upsert(self, values: dict[str, Any]) -> bool:
        """Insert the snapshot, or replace an older one; False when ours is as new or newer."""
        return await _upsert_newer(self.session, Course, values)


class DecisionPolicyRepository(Repository[DecisionPolicyRow]):
    model = DecisionPolicyRow


class PolicyDecisionRepository(Repository[PolicyDecision]):
    model = PolicyDecision
    what = "policy decision"

    async def latest(
        self, application_id: uuid.UUID, *, for_update: bool = False
    ) -> PolicyDecision | None:
        """The application's most recent policy decision (locked `for_update`), if any."""
        statement = (
            select(PolicyDecision)
            .where(PolicyDecision.application_id == application_id)
            .order_by(PolicyDecision.created_at.desc(), PolicyDecision.id.desc())
            .limit(1)
            .execution_options(populate_existing=True)
        )
        if for_update:
            statement = statement.with_for_update()
        return await self.session.scalar(statement)

    async def pending(self, application_id: uuid.UUID) -> PolicyDecision | None:
        """The application's pending decision, locked, if any."""
        return await self.session.scalar(
            select(PolicyDecision)
            .where(
                PolicyDecision.application_id == application_id,
                PolicyDecision.status == "pending",
            )
            .with_for_update()
            .execution_options(populate_existing=True)
        )

    async def judged(self, application_id: uuid.UUID, basis: Sequence[str]) -> bool:
        """True when the policy already judged exactly these evaluations."""
        found = await self.session.scalar(
            select(PolicyDecision.id)
            .where(
                PolicyDecision.application_id == application_id,
                PolicyDecision.basis == list(basis),
            )
            .limit(1)
        )
        return found is not None


class SuggestionRepository(Repository[Suggestion]):
    model = Suggestion

    async def library(self) -> dict[str, dict[str, str]]:
        """The suggestion library: locale → code → template."""
        rows = (
            await self.session.execute(select(Suggestion.locale, Suggestion.code, Suggestion.text))
        ).all()
        return library_of(rows)

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


# --- a rejection's statements, on the unit of work's driver connection -----------------------


@dataclass(frozen=True, slots=True)
class CandidateRow:
    """What a rejection reads of its candidate, as a row (not a row of the session)."""

    id: uuid.UUID
    name: str
    email: str | None
    phone: str | None
    locale: str
    timezone: str
    talent_pool_consent: bool
    skills: list[str]
    years_experience: float | None
    industries: list[str]
    erased_at: datetime | None


@dataclass(frozen=True, slots=True)
class OpeningRow:
    """What a rejection reads of its opening, as a row (not a row of the session)."""

    position_id: uuid.UUID
    version: int
    title: str
    job_family: str
    org_unit_name: str
    titles: dict[str, str]
    owners: dict[str, Any]
    evaluation_scheme: dict[str, Any]


# A candidate or an opening as the use cases read them: a row of the session, or its columns.
AnyCandidate = Candidate | CandidateRow
AnyOpening = Opening | OpeningRow


@dataclass(frozen=True, slots=True)
class RejectionContext:
    """What rejecting a (locked) application reads besides the application: its candidate
    and opening, the panel's evaluations, the staff copy's people who own the opening,
    whether a pending policy decision or any interview exists, and (when asked) the
    suggestion library and the courses on offer."""

    candidate: CandidateRow
    opening: OpeningRow
    # {interviewer_id, recommendation, scores, strengths, concerns}, in submission order
    evaluations: list[dict[str, Any]]
    # {id, name, email, locale, timezone, subject} of the people the opening's owners name
    owners: list[dict[str, Any]]
    has_pending_decision: bool
    has_interviews: bool
    suggestions: list[list[str]] | None = None  # [locale, code, text] rows
    courses: list[dict[str, Any]] | None = None  # the active ones, by title


def _columns(alias: str, row: type[Any]) -> str:
    return ", ".join(f"{alias}.{f.name}" for f in fields(row))


_CANDIDATE_COLUMNS = len(fields(CandidateRow))
_OPENING_COLUMNS = len(fields(OpeningRow))
_APPLICATION_COLUMNS = len(fields(ApplicationRow))
# What rejecting reads besides the application, $1 being the application; `c` and `o` its
# candidate and opening. The owners are the people the opening's owners name, matched as
# `fresh_owners` matches them (the id's canonical text).
_CONTEXT_COLUMNS = f"""
    {_columns("c", CandidateRow)}, {_columns("o", OpeningRow)},
        (SELECT jsonb_agg(jsonb_build_object(
                    'interviewer_id', e.interviewer_id, 'recommendation', e.recommendation,
                    'scores', e.scores, 'strengths', e.strengths, 'concerns', e.concerns)
                ORDER BY e.submitted_at, e.id)
         FROM evaluations e WHERE e.application_id = $1),
        (SELECT jsonb_agg(jsonb_build_object(
                    'id', p.id, 'name', p.name, 'email', p.email, 'locale', p.locale,
                    'timezone', p.timezone, 'subject', p.subject))
         FROM people p
         WHERE p.id::text IN (o.owners -> 'recruiter' ->> 'id',
                              o.owners -> 'hiring_manager' ->> 'id')),
        EXISTS (SELECT FROM policy_decisions d
                WHERE d.application_id = $1 AND d.status = 'pending'),
        EXISTS (SELECT FROM interviews i WHERE i.application_id = $1)
        {{catalogue}}
"""
# $1: the application, $2 its candidate, $3 its opening.
_CONTEXT = f"""
    SELECT {_CONTEXT_COLUMNS.format(catalogue="")}
    FROM candidates c, openings o
    WHERE c.id = $2 AND o.position_id = $3
"""
_CATALOGUE = """,
        (SELECT jsonb_agg(jsonb_build_array(s.locale, s.code, s.text)) FROM suggestions s),
        (SELECT jsonb_agg(jsonb_build_object(
                    'id', k.id, 'title', k.title, 'provider', k.provider, 'url', k.url,
                    'skills', k.skills, 'locales', k.locales)
                ORDER BY k.title, k.id)
         FROM courses k WHERE k.active)
"""
# One rejection's reads in one statement: the application $1 locked, with its context and
# the catalogue (the bulk rejection locks its applications at once and reads each one's
# context apart, the catalogue once).
_LOCK_WITH_CONTEXT = f"""
    SELECT {_columns("a", ApplicationRow)}, {_CONTEXT_COLUMNS.format(catalogue=_CATALOGUE)}
    FROM applications a
    JOIN candidates c ON c.id = a.candidate_id
    JOIN openings o ON o.position_id = a.position_id
    WHERE a.id = $1
    FOR UPDATE OF a
"""
# The rejection's two writes in one statement, answered with the history as it now stands
# (the lines before it and the one it adds: the statement's own snapshot does not see its
# insert) and the latest policy decision, as `history_and_decision` reads them.
# $1 the application, $2 its new status, $3 the rejection (JSON), $4 when, $5 the status it
# leaves, $6 the history line's reason, $7 who.
_REJECT = """
    WITH changed AS (
        UPDATE applications SET status = $2, rejection = $3::jsonb, updated_at = $4
        WHERE id = $1
    ), added AS (
        INSERT INTO application_history (application_id, from_status, to_status, reason, actor, at)
        VALUES ($1, $5, $2, $6, $7, $4)
        RETURNING id, from_status, to_status, reason, actor, at
    ), lines AS (
        SELECT id, from_status, to_status, reason, actor, at
        FROM application_history WHERE application_id = $1
        UNION ALL SELECT * FROM added
    )
    SELECT lines.from_status, lines.to_status, lines.reason, lines.actor, lines.at,
           d.status, d.mode, d.decides_at
    FROM lines LEFT JOIN LATERAL (
        SELECT status, mode, decides_at FROM policy_decisions WHERE application_id = $1
        ORDER BY created_at DESC, id DESC LIMIT 1
    ) d ON true
    ORDER BY lines.id
"""


def _context(values: tuple[Any, ...], *, with_catalogue: bool) -> RejectionContext:
    """A `RejectionContext` of the values `_CONTEXT_COLUMNS` selects."""
    rest = values[_CANDIDATE_COLUMNS + _OPENING_COLUMNS :]
    return RejectionContext(
        candidate=CandidateRow(*values[:_CANDIDATE_COLUMNS]),
        opening=OpeningRow(*values[_CANDIDATE_COLUMNS : _CANDIDATE_COLUMNS + _OPENING_COLUMNS]),
        evaluations=rest[0] or [],
        owners=rest[1] or [],
        has_pending_decision=rest[2],
        has_interviews=rest[3],
        suggestions=(rest[4] or []) if with_catalogue else None,
        courses=(rest[5] or []) if with_catalogue else None,
    )


class RejectionRows:
    """A rejection's statements, as SQL with `$n` parameters on the unit of work's driver
    connection (`UnitOfWork.driver`: inside its transaction, after the session's pending
    changes): rows in and out as values, nothing for the session to track or flush."""

    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    async def lock_with_context(
        self, application_id: uuid.UUID
    ) -> tuple[ApplicationRow, RejectionContext]:
        """The application's columns, locked until the transaction ends (404 if none), and
        everything rejecting it reads, the catalogue included (one statement)."""
        conn = await self.uow.driver()
        row = await conn.fetchrow(_LOCK_WITH_CONTEXT, application_id)
        values = tuple(found(row, "application", application_id))
        application = ApplicationRow(*values[:_APPLICATION_COLUMNS])
        return application, _context(values[_APPLICATION_COLUMNS:], with_catalogue=True)

    async def context(self, application: AnyApplication) -> RejectionContext:
        """Everything rejecting `application` reads but the catalogue (one statement)."""
        conn = await self.uow.driver()
        row = await conn.fetchrow(
            _CONTEXT, application.id, application.candidate_id, application.position_id
        )
        assert row is not None  # foreign keys
        return _context(tuple(row), with_catalogue=False)

    async def reject(
        self,
        application: ApplicationRow,
        *,
        status: str,
        rejection: dict[str, Any],
        at: datetime,
        by: str,
        reason: str,
    ) -> tuple[ApplicationRow, list[HistoryLine], DecisionLine | None]:
        """Write a locked application's rejection and its history line in one statement:
        the application as it now stands, its history (oldest first) and latest decision."""
        conn = await self.uow.driver()
        rows = await conn.fetch(
            _REJECT,
            application.id,
            status,
            dumps_json(rejection),
            at,
            application.status,
            reason,
            by,
        )
        decision = rows[0][5:]
        return (
            replace(application, status=status, rejection=rejection, updated_at=at),
            [HistoryLine(*row[:5]) for row in rows],
            DecisionLine(*decision) if decision[0] is not None else None,
        )


def library_of(rows: Iterable[Sequence[str]]) -> dict[str, dict[str, str]]:
    """The suggestion library (locale → code → template) of `(locale, code, text)` rows."""
    library: dict[str, dict[str, str]] = {}
    for locale, code, text in rows:
        library.setdefault(locale, {})[code] = text
    return library


async def _upsert_newer(
    session: AsyncSession, model: type[Person] | type[Course], values: dict[str, Any]
) -> bool:
    """Insert another service's snapshot of a row (keyed by `id`, versioned), or replace an
    older one; False when the one held is as new or newer. One statement, so two replicas
    applying two versions at once cannot both win."""
    insert = pg_insert(model).values(**values)
    upsert = insert.on_conflict_do_update(
        index_elements=[model.id],
        set_={k: insert.excluded[k] for k in values if k != "id"},
        where=model.version < insert.excluded.version,
    )
    return (await session.scalar(upsert.returning(model.id))) is not None


async def _list(repo: Repository[Any], statement: Any) -> Sequence[Any]:
    return (await repo.session.scalars(statement)).all()


def as_uuid(value: str | uuid.UUID) -> uuid.UUID | None:
    """The UUID in `value`, or None when it is not one (ids in other services' events are
    strings; looking one up that is not a UUID finds nothing)."""
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None
