"""Interviews people can attend: schedule, reschedule, cancel; who sits on which panel;
an interviewer's own upcoming interviews (issue 15).

Each change publishes what notify-service needs to invite people (`service/schedule.py`).
A panel member already booked at an overlapping time is a 409 naming the clash, unless
the request allows the overlap; bookings of the same person are serialised with a
transaction-scoped advisory lock per person, so two requests cannot both take a slot.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select

from recruiting_service.db.models import (
    Application,
    Candidate,
    Evaluation,
    Interview,
    Opening,
    PanelSeat,
    Person,
)
from recruiting_service.db.repositories import (
    ApplicationRepository,
    CandidateRepository,
    InterviewRepository,
    OpeningRepository,
    PersonRepository,
    PolicyDecisionRepository,
    as_uuid,
)
from recruiting_service.domain.applications import FINAL_STATUSES, is_final, transition
from recruiting_service.service.applications import resolve
from recruiting_service.service.candidates import refuse_if_erased
from recruiting_service.service.inputs import (
    InterviewCancel,
    InterviewCreate,
    InterviewUpdate,
    PanelMemberIn,
)
from recruiting_service.service.people import identities_of, people_signed_in_as
from recruiting_service.service.policy import apply_policy
from recruiting_service.service.positions import scheme_dimensions
from recruiting_service.service.schedule import Calendar, calendars, cancel, interview_details
from talentloop_shared.auth import Principal
from talentloop_shared.db import KeysetOrder, UnitOfWork, where_given
from talentloop_shared.errors import (
    Conflict,
    ExpectedVersion,
    FieldInvalid,
    Forbidden,
    NotFound,
)
from talentloop_shared.events.payloads import (
    Dimension,
    InterviewCancelled,
    InterviewRescheduled,
    InterviewScheduled,
)
from talentloop_shared.pagination import Page

SCHEDULABLE = ("screening", "interviewing")
# Interviews are listed by schedule: (scheduled_at, id).
INTERVIEWS = KeysetOrder(Interview.scheduled_at, Interview.id)
ONLY_OWN = "interviewers see only the interviews they sit on"


@dataclass(frozen=True, slots=True)
class InterviewRecord:
    """An interview, its panel (with the people the directory knows) and the scorecards
    submitted so far."""

    calendar: Calendar
    evaluations: Sequence[Evaluation] = ()
    # The members who have scored, when `evaluations` holds only some scorecards (a panel
    # member's view: `for_member`); else read from `evaluations`.
    scored: frozenset[str] | None = None

    @property
    def interview(self) -> Interview:
        return self.calendar.interview

    @property
    def submitted(self) -> frozenset[str]:
        """The panel members whose scorecard is in."""
        if self.scored is not None:
            return self.scored
        return frozenset(e.interviewer_id for e in self.evaluations)

    def for_member(self, identities: set[str]) -> InterviewRecord:
        """The interview as a panel member sees it: whose scorecard is in, and only their
        own scorecards. The panel scores independently (a verdict read first anchors the
        next); the panel's scorecards together are HR's view (`/scorecard`)."""
        own = {s.member_id for s in self.calendar.seats if _seat_is(s, identities)}
        return InterviewRecord(
            self.calendar,
            [e for e in self.evaluations if e.interviewer_id in own],
            self.submitted,
        )

    @property
    def evaluation(self) -> Evaluation | None:
        """The first panel member's scorecard (the interview's `interviewer_id`)."""
        return next(
            (e for e in self.evaluations if e.interviewer_id == self.interview.interviewer_id),
            None,
        )


@dataclass(frozen=True, slots=True)
class MyInterview:
    """One of an interviewer's interviews: their seat and what they need to prepare."""

    record: InterviewRecord
    seat: PanelSeat
    candidate_name: str
    position_id: uuid.UUID
    position_title: str

    @property
    def submitted(self) -> bool:
        """True once this member's scorecard is in."""
        return self.seat.member_id in self.record.submitted


@dataclass(frozen=True, slots=True)
class _SeatPlan:
    member_id: str
    person: Person | None
    department_id: str
    dimensions: list[Dimension]

    def keys(self) -> set[str]:
        """Every id this member may be booked under elsewhere."""
        keys = {self.member_id}
        if self.person is not None:
            keys.add(str(self.person.id))
            if self.person.subject:
                keys.add(self.person.subject)
        return keys


def can_see_all(principal: Principal) -> bool:
    """HR and recruiters see every interview; interviewers only their own."""
    return principal.has_any("hr_admin", "recruiter", "integration")


def _dimension_rows(dimensions: Sequence[Dimension]) -> list[dict[str, object]]:
    return [{"key": d.key, "name": d.name, "weight": d.weight} for d in dimensions]


async def _plan_panel(
    uow: UnitOfWork,
    opening: Opening,
    members: Sequence[PanelMemberIn],
    *,
    department_id: str | None,
    keep: Mapping[str, PanelSeat] | None = None,
) -> list[_SeatPlan]:
    """Resolve each member against the staff copy and give them their dimensions.

    A member is named by a person id of the directory, or by the `subject` a person signs
    in with, or by a free id (someone not in the directory yet). Seats in `keep` (members
    who already scored) keep their department.
    """
    scheme = scheme_dimensions(opening)
    owned: dict[str, list[Dimension]] = {}
    for d in scheme:
        if d.department_id:
            owned.setdefault(d.department_id, []).append(d)
    people = PersonRepository(uow.session)
    uuids = [u for m in members if (u := as_uuid(m.person_id)) is not None]
    by_id = {str(k): v for k, v in (await people.by_ids(uuids)).items()}
    by_subject = await people.by_subjects(
        [m.person_id for m in members if m.person_id not in by_id]
    )
    plans: list[_SeatPlan] = []
    seated: dict[uuid.UUID, str] = {}  # person → how the panel first named them
    for index, member in enumerate(members):
        # A person id in any case is the person's (the directory keys them in lower case).
        uid = as_uuid(member.person_id)
        person = (by_id.get(str(uid)) if uid else None) or by_subject.get(member.person_id)
        if person is not None and not person.active:
            raise FieldInvalid(
                ("body", "panel", index),
                f"{person.name} ({member.person_id}) is deactivated in the staff directory",
            )
        if person is not None:
            if person.id in seated:
                raise FieldInvalid(
                    ("body", "panel", index),
                    f"{member.person_id} is {person.name}, already on the panel as "
                    f"{seated[person.id]}; name each person once",
                )
            seated[person.id] = member.person_id
        kept = (keep or {}).get(member.person_id)
        if kept is not None:
            plans.append(
                _SeatPlan(
                    member.person_id,
                    person,
                    kept.department_id,
                    [Dimension.model_validate(d) for d in kept.dimensions],
                )
            )
            continue
        own_unit = person.org_unit_id if person and person.org_unit_id in owned else None
        department = member.department_id or department_id or own_unit
        if department is None or department not in owned:
            scoring = ", ".join(sorted(owned)) or "none"
            if department is None:
                raise FieldInvalid(
                    ("body", "panel", index),
                    f"say which department {member.person_id} scores for (department_id): "
                    f"their org unit scores no dimension of this position (departments that "
                    f"do: {scoring})",
                )
            loc = (
                ("body", "panel", index, "department_id")
                if member.department_id
                else ("body", "department_id")
            )
            raise FieldInvalid(
                loc,
                f"department {department} scores no dimension of this position's "
                f"evaluation scheme (departments that do: {scoring})",
            )
        plans.append(_SeatPlan(member.person_id, person, department, owned[department]))
    return plans


async def _refuse_clashes(
    uow: UnitOfWork,
    plans: Sequence[_SeatPlan],
    *,
    start: datetime,
    ends_at: datetime,
    exclude: uuid.UUID | None,
) -> None:
    """409 naming the first clash when a member is booked elsewhere at an overlapping time.

    Takes a transaction-scoped advisory lock per member id first (in one order, so two
    bookings cannot deadlock): a concurrent booking of the same person waits for this
    transaction and then sees its interview.
    """
    keys = sorted({k for p in plans for k in p.keys()})
    for key in keys:
        await uow.session.execute(
            select(func.pg_advisory_xact_lock(func.hashtextextended(f"interviewer:{key}", 0)))
        )
    person_ids = [p.person.id for p in plans if p.person is not None]
    booked = await InterviewRepository(uow.session).booked(
        member_ids=keys, person_ids=person_ids, start=start, ends_at=ends_at, exclude=exclude
    )
    if not booked:
        return
    clashes = []
    for interview, seat in booked:
        plan = next(
            p
            for p in plans
            if seat.member_id in p.keys() or (p.person and seat.person_id == p.person.id)
        )
        name = plan.person.name if plan.person else plan.member_id
        clashes.append(
            {
                "member_id": plan.member_id,
                "name": name,
                "interview_id": str(interview.id),
                "start": interview.scheduled_at.isoformat(),
                "ends_at": interview.ends_at.isoformat(),
            }
        )
    first = clashes[0]
    raise Conflict(
        f"{first['name']} is already booked from {first['start']} to {first['ends_at']} "
        f"for interview {first['interview_id']}; choose another time, or set allow_overlap",
        type_="interview-clash",
        clashes=clashes,
    )


def _seats(interview_id: uuid.UUID, plans: Sequence[_SeatPlan]) -> list[PanelSeat]:
    return [
        PanelSeat(
            interview_id=interview_id,
            member_id=p.member_id,
            person_id=p.person.id if p.person else None,
            department_id=p.department_id,
            dimensions=_dimension_rows(p.dimensions),
            seat=index,
        )
        for index, p in enumerate(plans)
    ]


def _describe_panel(interview: Interview, plans: Sequence[_SeatPlan]) -> None:
    """The interview's own summary of its panel: the first seat, all dimensions."""
    interview.interviewer_id = plans[0].member_id
    interview.department_id = plans[0].department_id
    union: dict[str, Dimension] = {}
    for plan in plans:
        for d in plan.dimensions:
            union.setdefault(d.key, d)
    interview.dimensions = _dimension_rows(list(union.values()))


async def _lock_application(
    uow: UnitOfWork, application_id: uuid.UUID
) -> tuple[Candidate, Application]:
    """Lock the candidate, then the application (the order every writer here uses)."""
    apps = ApplicationRepository(uow.session)
    found = await apps.get_or_raise(application_id)
    candidate = await CandidateRepository(uow.session).get_for_update(found.candidate_id)
    assert candidate is not None  # foreign key
    application = await apps.get_or_raise(application_id, for_update=True)
    return candidate, application


async def _record(uow: UnitOfWork, interview: Interview) -> InterviewRecord:
    (calendar,) = await calendars(uow, [interview])
    evaluations = await InterviewRepository(uow.session).evaluations_by_interview([interview.id])
    return InterviewRecord(calendar, evaluations[interview.id])


async def schedule_interview(
    uow: UnitOfWork, *, application_id: uuid.UUID, plan: InterviewCreate, by: str
) -> InterviewRecord:
    """Plan an interview with its panel; moves the application to interviewing and
    publishes `interview-scheduled`."""
    candidate, application = await _lock_application(uow, application_id)
    if application.status not in SCHEDULABLE:
        raise Conflict(
            f"interviews can be planned for applications at screening or interviewing; "
            f"this one is '{application.status}'",
            type_="illegal-transition",
        )
    refuse_if_erased(candidate)
    opening = await OpeningRepository(uow.session).get(application.position_id)
    assert opening is not None  # applications reference their opening
    plans = await _plan_panel(uow, opening, plan.members, department_id=plan.department_id)
    start = plan.begins
    ends_at = start + timedelta(minutes=plan.duration_minutes)
    if not plan.allow_overlap:
        await _refuse_clashes(uow, plans, start=start, ends_at=ends_at, exclude=None)
    now = uow.clock.now()
    if application.status == "screening":
        application.status = transition("screening", "advance")
        application.updated_at = now
        ApplicationRepository(uow.session).record_change(
            application,
            from_status="screening",
            by=by,
            at=now,
            reason=f"interview planned with {', '.join(p.member_id for p in plans)}",
        )
    pending = await PolicyDecisionRepository(uow.session).pending(application.id)
    if pending is not None:
        resolve(pending, "superseded", by=by, at=now, note="HR planned another interview")
    interview = Interview(
        id=uuid.uuid4(),
        application_id=application.id,
        scheduled_at=start,
        duration_minutes=plan.duration_minutes,
        ends_at=ends_at,
        location=plan.location,
        video_url=plan.video_url,
        notes_for_candidate=plan.notes_for_candidate,
        status="scheduled",
        sequence=0,
        version=1,
        created_by=by,
        created_at=now,
        updated_at=now,
    )
    _describe_panel(interview, plans)
    uow.session.add(interview)
    await uow.session.flush()  # the interview before its seats (foreign key)
    uow.session.add_all(_seats(interview.id, plans))
    await uow.session.flush()
    record = await _record(uow, interview)
    uow.publish(
        InterviewScheduled(**await interview_details(uow, record.calendar, application)),
        subject=f"interviews/{interview.id}",
    )
    await uow.commit()
    return record


async def _changeable(
    uow: UnitOfWork, interview_id: uuid.UUID
) -> tuple[Candidate, Application, Interview]:
    """Lock candidate, application and interview; 409 unless it can still change."""
    found = await InterviewRepository(uow.session).get_or_raise(interview_id)
    candidate, application = await _lock_application(uow, found.application_id)
    interview = await InterviewRepository(uow.session).get_or_raise(interview_id, for_update=True)
    if interview.status == "cancelled":
        raise Conflict(
            f"interview {interview_id} was cancelled; schedule a new one",
            type_="interview-cancelled",
        )
    if is_final(application.status):
        raise Conflict(
            f"the application is '{application.status}'; its interviews cannot change",
            type_="illegal-transition",
        )
    return candidate, application, interview


async def reschedule_interview(
    uow: UnitOfWork,
    *,
    interview_id: uuid.UUID,
    change: InterviewUpdate,
    expected: ExpectedVersion,
    by: str,
) -> InterviewRecord:
    """Move an interview, or change its place, notes or panel; the calendar sequence
    rises and `interview-rescheduled` tells everyone (removed members get a
    cancellation). A change that changes nothing publishes nothing."""
    candidate, application, interview = await _changeable(uow, interview_id)
    expected.check(interview.version, what=f"interview {interview_id}")
    refuse_if_erased(candidate)
    before = await _record(uow, interview)
    seats = {s.member_id: s for s in before.calendar.seats}
    scored = {e.interviewer_id for e in before.evaluations}
    given = change.model_fields_set
    start = change.start if change.start is not None else interview.scheduled_at
    duration = change.duration_minutes or interview.duration_minutes
    members = change.members
    if members is None:
        members = [
            PanelMemberIn(person_id=s.member_id, department_id=s.department_id)
            for s in seats.values()
        ]
    dropped = sorted(scored - {m.person_id for m in members})
    if dropped:
        raise Conflict(
            f"{', '.join(dropped)} already submitted a scorecard for this interview and "
            "stays on its panel",
            type_="evaluation-submitted",
        )
    opening = await OpeningRepository(uow.session).get(application.position_id)
    assert opening is not None
    plans = await _plan_panel(
        uow,
        opening,
        members,
        department_id=change.department_id,
        keep={m: seats[m] for m in seats if m in scored or change.members is None},
    )
    ends_at = start + timedelta(minutes=duration)
    new_places = {
        name: getattr(change, name)
        for name in ("location", "video_url", "notes_for_candidate")
        if name in given and getattr(change, name) != getattr(interview, name)
    }
    panel_changed = [(p.member_id, p.department_id) for p in plans] != [
        (s.member_id, s.department_id) for s in seats.values()
    ]
    moved = start != interview.scheduled_at or ends_at != interview.ends_at
    if not (moved or panel_changed or new_places):
        return before
    if not change.allow_overlap and (moved or panel_changed):
        await _refuse_clashes(uow, plans, start=start, ends_at=ends_at, exclude=interview.id)

    previous_start = interview.scheduled_at
    removed = [s for m, s in seats.items() if m not in {p.member_id for p in plans}]
    removed_attendees = [before.calendar.attendee(s) for s in removed]
    now = uow.clock.now()
    interview.scheduled_at = start
    interview.duration_minutes = duration
    interview.ends_at = ends_at
    for name, value in new_places.items():
        setattr(interview, name, value)
    if panel_changed:
        for seat in before.calendar.seats:
            await uow.session.delete(seat)
        await uow.session.flush()
        uow.session.add_all(_seats(interview.id, plans))
        _describe_panel(interview, plans)
    interview.sequence += 1
    interview.version += 1
    interview.updated_at = now
    await uow.session.flush()
    record = await _record(uow, interview)
    uow.publish(
        InterviewRescheduled(
            **await interview_details(uow, record.calendar, application),
            previous_start=previous_start,
            removed=removed_attendees,
        ),
        subject=f"interviews/{interview.id}",
    )
    await apply_policy(uow, application, candidate)  # a smaller panel may now be complete
    await uow.commit()
    return record


async def cancel_interview(
    uow: UnitOfWork, *, interview_id: uuid.UUID, request: InterviewCancel, by: str
) -> InterviewRecord:
    """Cancel an interview nobody has scored yet; publishes `interview-cancelled`."""
    candidate, application, interview = await _changeable(uow, interview_id)
    record = await _record(uow, interview)
    if record.evaluations:
        raise Conflict(
            f"interview {interview_id} already has {len(record.evaluations)} scorecard(s); "
            "an interview that took place cannot be cancelled",
            type_="evaluation-submitted",
        )
    cancel(interview, reason=request.reason, by=by, now=uow.clock.now())
    await uow.session.flush()
    uow.publish(
        InterviewCancelled(
            **await interview_details(uow, record.calendar, application), reason=request.reason
        ),
        subject=f"interviews/{interview.id}",
    )
    await apply_policy(uow, application, candidate)  # the rest of the panel may be complete
    await uow.commit()
    return record


async def get_interview(
    uow: UnitOfWork, *, interview_id: uuid.UUID, principal: Principal
) -> InterviewRecord:
    """One interview; an interviewer sees only the ones they sit on."""
    interview = await InterviewRepository(uow.session).get_or_raise(interview_id)
    record = await _record(uow, interview)
    if not can_see_all(principal):
        mine = await identities_of(uow, principal.sub)
        if not any(_seat_is(s, mine) for s in record.calendar.seats):
            raise Forbidden(ONLY_OWN)
        return record.for_member(mine)
    return record


def _seat_is(seat: PanelSeat, identities: set[str]) -> bool:
    return seat.member_id in identities or (
        seat.person_id is not None and str(seat.person_id) in identities
    )


def _my_seat(identities: set[str]) -> ColumnElement[bool]:
    """A WHERE clause on panel seats: the seat is one of these identities'."""
    person_ids = [u for i in identities if (u := as_uuid(i)) is not None]
    return or_(PanelSeat.member_id.in_(list(identities)), PanelSeat.person_id.in_(person_ids))


def _sits_on(identities: set[str]) -> ColumnElement[bool]:
    """A WHERE clause: the interview seats one of these identities."""
    return Interview.id.in_(select(PanelSeat.interview_id).where(_my_seat(identities)))


def _awaits_scorecard_of(identities: set[str]) -> ColumnElement[bool]:
    """A WHERE clause: one of these identities sits on the interview and has not scored it,
    and its application is still undecided (a scorecard can still count)."""
    unscored = exists().where(
        PanelSeat.interview_id == Interview.id,
        _my_seat(identities),
        ~exists().where(
            Evaluation.interview_id == Interview.id,
            Evaluation.interviewer_id == PanelSeat.member_id,
        ),
    )
    undecided = Interview.application_id.in_(
        select(Application.id).where(Application.status.not_in(sorted(FINAL_STATUSES)))
    )
    return and_(unscored, undecided)


async def list_interviews(
    uow: UnitOfWork,
    *,
    principal: Principal,
    interviewer_id: str | None,
    application_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
) -> Page[InterviewRecord]:
    """Interviews by schedule; an interviewer's list is always their own."""
    stmt = where_given(select(Interview), application_id=application_id)
    if not can_see_all(principal):
        mine = await identities_of(uow, principal.sub)
        if interviewer_id is not None and interviewer_id not in mine:
            raise Forbidden(ONLY_OWN)
        stmt = stmt.where(_sits_on(mine if interviewer_id is None else {interviewer_id}))
        page = await _page(uow, stmt, limit=limit, cursor=cursor)
        return page.map(lambda record: record.for_member(mine))
    if interviewer_id is not None:
        stmt = stmt.where(_sits_on({interviewer_id}))
    return await _page(uow, stmt, limit=limit, cursor=cursor)


async def _page(
    uow: UnitOfWork, stmt: Select[Interview], *, limit: int, cursor: str | None
) -> Page[InterviewRecord]:
    """One page of `stmt`'s interviews by schedule, with their calendars and evaluations."""
    page = await INTERVIEWS.page(uow.session, stmt, cursor=cursor, limit=limit)
    found = {c.interview.id: c for c in await calendars(uow, page.items)}
    evaluations = await InterviewRepository(uow.session).evaluations_by_interview(list(found))
    return page.map(lambda i: InterviewRecord(found[i.id], evaluations[i.id]))


async def my_interviews(
    uow: UnitOfWork, *, principal: Principal, limit: int, cursor: str | None
) -> Page[MyInterview]:
    """The caller's interviews to prepare or to score: those not over yet, and those over
    whose scorecard they still owe (the application undecided), by schedule, each with the
    dimensions they score; never a cancelled one. 404 when no person of the staff
    directory signs in as the caller: there is nobody to look for."""
    people = await people_signed_in_as(uow, principal.sub)
    if not people:
        raise NotFound("staff member signing in as", principal.sub)
    mine = await identities_of(uow, principal.sub)
    stmt = select(Interview).where(
        Interview.status == "scheduled",
        _sits_on(mine),
        or_(Interview.ends_at > uow.clock.now(), _awaits_scorecard_of(mine)),
    )
    page = await _page(uow, stmt, limit=limit, cursor=cursor)
    applications = await ApplicationRepository(uow.session).by_ids(
        {r.interview.application_id for r in page.items}
    )
    candidates = await CandidateRepository(uow.session).by_ids(
        [a.candidate_id for a in applications.values()]
    )
    openings = {
        o.position_id: o
        for o in await OpeningRepository(uow.session).list(
            select(Opening).where(
                Opening.position_id.in_({a.position_id for a in applications.values()})
            )
        )
    }

    def mine_of(record: InterviewRecord) -> MyInterview:
        application = applications[record.interview.application_id]
        opening = openings[application.position_id]
        return MyInterview(
            record=record,
            seat=next(s for s in record.calendar.seats if _seat_is(s, mine)),
            candidate_name=candidates[application.candidate_id].name,
            position_id=opening.position_id,
            position_title=opening.title,
        )

    return page.map(mine_of)
