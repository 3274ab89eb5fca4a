"""Interview emails from `interview-scheduled`, `-rescheduled` and `-cancelled`.

Each event writes notices, the same rows the dispatcher sends for rejections (rendered
from the template library when written, held on flagged wording, claimed once, retried):

- scheduled: an invitation (`interview_invitation`, calendar `METHOD:REQUEST`) to the
  candidate and to every panel member with an address, and their reminders;
- rescheduled: an update (`interview_update`, REQUEST, the event's higher `SEQUENCE`, the
  same `UID`) to the candidate and everyone still on the panel, a cancellation
  (`interview_cancellation`, `METHOD:CANCEL`) to each `removed` member; the pending
  reminders of the old slot are cancelled and new ones written;
- cancelled: a cancellation to everyone, and every pending reminder is cancelled;
- evaluation-submitted: that panel member's scorecard is in; their reminders to score it
  are cancelled, and none is planned for them again if the interview moves.

Panel members who have not scored get a reminder to (`scorecard_due`, with the link to the
console's form) the configured time after the interview ends (`NOTIFY_SCORECARD_REMINDERS`),
moved out of their quiet hours; written with the other reminders, cancelled with them.

An email is in its reader's language (templates fall back along `locale_chain`) with the
time on their clock. Invitations, updates and cancellations go out at once (they are
about a date; quiet hours apply to reminders only). A reminder goes the configured lead
time before the interview (`NOTIFY_INTERVIEW_REMINDERS`), moved out of the reader's quiet
hours (`domain.reminder_send_at`); it is a `scheduled` row the dispatcher sends when the
clock reaches it, and it is cancelled when the interview moves or is cancelled.

Order. `interview_slots` keeps the latest sequence notify applied per interview (locked
while an event is applied): an event with a sequence not above it, or any event after a
cancellation, writes nothing. So a late or replayed event never sends an outdated time;
and an event handled after the interview ended invites nobody (it still cancels what is
pending).
Duplicates of one event are dropped by the inbox (and the unique key of notices).

Personal data: every notice of an interview carries the candidate's id, so a
`candidate-erased` erases and cancels them all (the panel's emails name the candidate;
the calendar part is erased with the body). A candidate erased before the event gets no
notice, and neither does the panel.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert

from notify_service import domain
from notify_service.db.models import (
    InterviewSlot,
    NoticeSettings,
    Notification,
    ScorecardReceived,
)
from notify_service.db.repositories import ErasureRepository, SettingsRepository
from notify_service.domain.interviews import Method
from notify_service.service.notice_control import HOLDABLE
from notify_service.service.notices import _fill  # the render + guard step of every notice
from notify_service.service.state import NotifyState, notify_state
from notify_service.service.template_cache import TemplateRow
from notify_service.service.wakeups import wake_dispatchers
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import (
    Attendee,
    EvaluationSubmitted,
    InterviewCancelled,
    InterviewDetails,
    InterviewRescheduled,
    InterviewScheduled,
)
from talentloop_shared.i18n import DEFAULT_LOCALE, try_canonical_locale
from talentloop_shared.logging import get_logger

log = get_logger(__name__)

MOVED_REASON = "cancelled: the interview was moved or changed; a new notice replaces it"
CANCELLED_REASON = "cancelled: the interview was cancelled"

Role = Literal["candidate", "panel", "removed"]


@dataclass(frozen=True, slots=True)
class _Reader:
    """Someone an interview email goes to."""

    person: Attendee
    role: Role

    @property
    def key(self) -> str:
        """Tells this reader's notices of one event apart (`Notification.part`)."""
        if self.role == "candidate":
            return "candidate"
        who = self.person.person_id or (self.person.email or "").strip().lower()
        return f"{self.role}:{who[:150]}"

    @property
    def email(self) -> str | None:
        value = (self.person.email or "").strip()
        return value or None


def _candidate_id(details: InterviewDetails) -> str:
    return details.candidate.person_id or f"application:{details.application_id}"


def _scorecard_url(state: NotifyState, reader: _Reader, details: InterviewDetails) -> str:
    """Where a panel member scores this interview in the console ("" for anyone else)."""
    return state.links.scorecard(details.interview_id) if reader.role == "panel" else ""


def _readers(people: Sequence[Attendee], role: Role) -> list[_Reader]:
    """Panel members with an address (until the staff directory knows one, there is no
    one to invite), each once."""
    seen: set[str] = set()
    out = []
    for person in people:
        reader = _Reader(person, role)
        if reader.email is None or reader.key in seen:
            continue
        seen.add(reader.key)
        out.append(reader)
    return out


async def _advance_slot(
    uow: UnitOfWork, details: InterviewDetails, *, status: str, event_id: str
) -> bool:
    """Record the interview at the event's sequence (the row stays locked until commit);
    False when the event is older than what was applied, or the interview was cancelled."""
    session = uow.session
    await session.execute(
        insert(InterviewSlot)
        .values(
            interview_id=details.interview_id,
            candidate_id=_candidate_id(details),
            sequence=-1,
            start=details.start,
            duration_minutes=details.duration_minutes,
            status="new",
        )
        .on_conflict_do_nothing(index_elements=[InterviewSlot.interview_id])
    )
    slot = await session.scalar(
        select(InterviewSlot)
        .where(InterviewSlot.interview_id == details.interview_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert slot is not None  # inserted above or before
    if slot.status == "cancelled" or details.sequence <= slot.sequence:
        log.info(
            "interview.event_outdated",
            interview_id=details.interview_id,
            event_id=event_id,
            sequence=details.sequence,
            applied_sequence=slot.sequence,
            applied_status=slot.status,
        )
        return False
    slot.sequence = details.sequence
    slot.start = details.start
    slot.duration_minutes = details.duration_minutes
    slot.status = status
    slot.updated_at = uow.clock.now()
    return True


async def _cancel_pending(uow: UnitOfWork, interview_id: str, reason: str) -> int:
    """Cancel the interview's notices that have not gone out (reminders of the old slot,
    an invitation still waiting for a retry or a review); how many."""
    result = await uow.session.execute(
        update(Notification)
        .where(
            Notification.interview_id == interview_id,
            Notification.status.in_(sorted(HOLDABLE)),
        )
        .values(status="cancelled", status_reason=reason, send_at=None, updated_at=func.now())
        .returning(Notification.id),
        execution_options={"synchronize_session": False},
    )
    return len(result.all())


@dataclass
class _Event:
    """What every notice of one interview event shares."""

    details: InterviewDetails
    event_id: str
    now: datetime
    settings: NoticeSettings

    def notice(self, reader: _Reader, kind: str, *, part: str, send_at: datetime) -> Notification:
        """A new, not yet rendered email notice to `reader`."""
        d = self.details
        return Notification(
            id=uuid.uuid4(),
            kind=kind,
            source_event_id=self.event_id,
            application_id=d.application_id,
            interview_id=d.interview_id,
            part=part,
            candidate_id=_candidate_id(d),
            position_id=d.position.id,
            job_family=d.position.job_family,
            stage="interview",
            locale=try_canonical_locale(reader.person.locale) or DEFAULT_LOCALE,
            timezone=reader.person.timezone or "UTC",
            channel="email",
            recipient=reader.email,
            cc=None,
            flags=[],
            occurred_at=self.now,
            send_at=send_at,
            attempts=0,
        )

    @property
    def over(self) -> bool:
        """Whether the interview has ended: an event about it (a late one, or replayed from
        the dead-letter queue) invites nobody and plans no reminder."""
        d = self.details
        if d.start + timedelta(minutes=d.duration_minutes) > self.now:
            return False
        log.info("interview.already_over", interview_id=d.interview_id, event_id=self.event_id)
        return True

    def organizer(self, sender: str) -> domain.CalendarPerson:
        """Who the invitation is from: the person who scheduled it, else our sender."""
        org = self.details.organizer
        if org is not None and org.email:
            return domain.CalendarPerson(org.email, org.name)
        address, name = domain.sender_address(sender)
        return domain.CalendarPerson(address, name or self.settings.company_name)


def _inputs(details: InterviewDetails, reason: str | None) -> list[tuple[str, str]]:
    """Free text typed by people, for the compliance guard."""
    out = []
    if details.notes_for_candidate:
        out.append(("notes_for_candidate", details.notes_for_candidate))
    if reason:
        out.append(("reason", reason))
    return out


async def _write_emails(
    uow: UnitOfWork,
    event: _Event,
    readers: Sequence[_Reader],
    *,
    kind: str,
    method: Method,
    panel: Sequence[_Reader],
    previous_start: datetime | None = None,
    reason: str | None = None,
) -> list[Notification]:
    """An email with a calendar part to each reader; rendered, not yet added."""
    state = notify_state(uow)
    templates = await state.templates.of_kind(uow, kind)
    details = event.details
    organizer = event.organizer(state.settings.smtp_from)
    notices = []
    for reader in readers:
        notice = event.notice(reader, kind, part=f"{kind}/{reader.key}", send_at=event.now)
        context = domain.interview_context(
            details,
            reader=reader.person,
            is_candidate=reader.role == "candidate",
            company_name=event.settings.company_name,
            previous_start=previous_start,
            reason=reason,
            removed=reader.role == "removed",
            scorecard_url=_scorecard_url(state, reader, details),
        )
        await _fill(
            uow,
            notice,
            templates=templates,
            context=context,
            input_texts=_inputs(details, reason),
            hold_for_review=False,  # like invitations: only flagged wording holds them
        )
        if notice.recipient is not None and notice.subject is not None:
            # The candidate's calendar names only them (the panel's addresses are not
            # theirs to see); a panel member's lists the panel.
            attendees = [reader] if reader.role != "panel" else list(panel)
            notice.calendar = domain.build_calendar(
                method=method,
                interview_id=details.interview_id,
                sequence=details.sequence,
                start=details.start,
                duration_minutes=details.duration_minutes,
                stamp=event.now,
                summary=notice.subject,
                description=notice.body_text or "",
                organizer=organizer,
                attendees=[
                    domain.CalendarPerson(r.email or "", r.person.name)
                    for r in attendees
                    if r.email
                ],
                location=details.location,
                url=details.video_url,
            )
            notice.calendar_method = method
        notices.append(notice)
    return notices


async def _write_reminders(
    uow: UnitOfWork, event: _Event, readers: Sequence[_Reader]
) -> list[Notification]:
    """The reminders of the interview's current slot for each reader; not yet added."""
    leads = notify_state(uow).settings.interview_reminder_minutes
    if not leads:
        return []
    templates = await notify_state(uow).templates.of_kind(uow, "interview_reminder")
    details, settings = event.details, event.settings
    notices = []
    for reader in readers:
        if reader.email is None:
            continue
        planned: set[datetime] = set()
        for lead in leads:
            at = domain.reminder_send_at(
                details.start,
                lead_minutes=lead,
                now=event.now,
                tz=reader.person.timezone,
                quiet_start=settings.quiet_start,
                quiet_end=settings.quiet_end,
            )
            if at is None or at in planned:
                continue  # too late for this one, or it fell on another's time
            planned.add(at)
            part = f"interview_reminder/{reader.key}/{lead}"
            notices.append(
                await _reminder(uow, event, reader, templates, part=part, at=at, lead=lead)
            )
    return notices


async def _reminder(
    uow: UnitOfWork,
    event: _Event,
    reader: _Reader,
    templates: Sequence[TemplateRow],
    *,
    part: str,
    at: datetime,
    lead: int | None = None,
) -> Notification:
    """One reminder (the kind is the part's first segment) to `reader`, rendered, due `at`;
    not yet added. `lead`: minutes before the interview, for a reminder of it."""
    notice = event.notice(reader, part.split("/", 1)[0], part=part, send_at=at)
    context = domain.interview_context(
        event.details,
        reader=reader.person,
        is_candidate=reader.role == "candidate",
        company_name=event.settings.company_name,
        lead_minutes=lead,
        scorecard_url=_scorecard_url(notify_state(uow), reader, event.details),
    )
    await _fill(
        uow,
        notice,
        templates=templates,
        context=context,
        input_texts=_inputs(event.details, None),
        hold_for_review=False,
    )
    return notice


def _member(who: str) -> str:
    """A panel member as scorecards and reminders match them: the interview's id for them
    (a person id, or a free id such as an email), trimmed and lower-cased."""
    return who.strip().lower()[:200]


def _reader_member(reader: _Reader) -> str:
    return _member(reader.person.person_id or reader.person.email or "")


async def _write_scorecard_reminders(
    uow: UnitOfWork, event: _Event, panel: Sequence[_Reader]
) -> list[Notification]:
    """For each panel member whose scorecard is not in, the reminders to submit it after
    the interview ends; not yet added. The slot is locked (`_advance_slot`), so a scorecard
    arriving meanwhile is seen here or cancels what this writes."""
    afters = notify_state(uow).settings.scorecard_reminder_minutes
    if not afters or not panel:
        return []
    details, settings = event.details, event.settings
    scored = set(
        await uow.session.scalars(
            select(ScorecardReceived.member).where(
                ScorecardReceived.interview_id == details.interview_id
            )
        )
    )
    templates = await notify_state(uow).templates.of_kind(uow, "scorecard_due")
    ends = details.start + timedelta(minutes=details.duration_minutes)
    notices = []
    for reader in panel:
        member = _reader_member(reader)
        if reader.email is None or member in scored:
            continue
        planned: set[datetime] = set()
        for after in afters:
            at = domain.compute_send_at(
                ends,
                delay_minutes=after,
                tz=reader.person.timezone,
                quiet_start=settings.quiet_start,
                quiet_end=settings.quiet_end,
            )
            if at in planned:
                continue  # two reminders moved to the same morning: one is enough
            planned.add(at)
            part = f"scorecard_due/{member}/{after}"
            notices.append(await _reminder(uow, event, reader, templates, part=part, at=at))
    return notices


async def scorecard_submitted(uow: UnitOfWork, payload: EvaluationSubmitted) -> int:
    """A panel member's scorecard is in: remember it, and cancel their reminders to submit
    it that have not gone out; how many were cancelled (does not commit)."""
    member = _member(payload.interviewer.id)
    # The interview's slot first, as every interview event takes it: a move being applied
    # now either sees this scorecard or has its new reminders cancelled here.
    await uow.session.execute(
        select(InterviewSlot.interview_id)
        .where(InterviewSlot.interview_id == payload.interview_id)
        .with_for_update()
    )
    await uow.session.execute(
        insert(ScorecardReceived)
        .values(interview_id=payload.interview_id, member=member, received_at=payload.submitted_at)
        .on_conflict_do_nothing()
    )
    result = await uow.session.execute(
        update(Notification)
        .where(
            Notification.interview_id == payload.interview_id,
            Notification.kind == "scorecard_due",
            Notification.part.startswith(f"scorecard_due/{member}/", autoescape=True),
            Notification.status.in_(sorted(HOLDABLE)),
        )
        .values(
            status="cancelled",
            status_reason="cancelled: the scorecard was submitted",
            send_at=None,
            updated_at=func.now(),
        )
        .returning(Notification.id),
        execution_options={"synchronize_session": False},
    )
    cancelled = len(result.all())
    log.info(
        "interview.scorecard_received",
        interview_id=payload.interview_id,
        cancelled_reminders=cancelled,
    )
    return cancelled


async def _store(uow: UnitOfWork, notices: Sequence[Notification]) -> None:
    for notice in notices:
        uow.session.add(notice)
        log.info(
            "notice.created",
            notification_id=str(notice.id),
            kind=notice.kind,
            interview_id=notice.interview_id,
            status=notice.status,
            send_at=notice.send_at.isoformat() if notice.send_at else None,
        )
    await uow.flush()
    if any(n.status == "scheduled" for n in notices):
        await wake_dispatchers(uow)


async def _start(
    uow: UnitOfWork, details: InterviewDetails, *, status: str, event_id: str, kind: str
) -> _Event | None:
    """The shared first steps: skip an erased candidate, apply the sequence."""
    candidate_id = _candidate_id(details)
    if await ErasureRepository(uow.session).is_erased(candidate_id):
        log.info(
            "notice.skipped_erased_candidate",
            candidate_id=candidate_id,
            kind=kind,
            event_id=event_id,
        )
        return None
    if not await _advance_slot(uow, details, status=status, event_id=event_id):
        return None
    settings = await SettingsRepository(uow.session).get()
    return _Event(details, event_id, uow.clock.now(), settings)


async def _start_change(
    uow: UnitOfWork, details: InterviewDetails, *, status: str, event_id: str, kind: str
) -> tuple[_Event, int] | None:
    """The first steps of a move (`status` scheduled) or a cancellation: `_start`, then the
    notices still pending for the old slot are cancelled (`MOVED_REASON`, `CANCELLED_REASON`)
    and counted. None when there is nothing to send: the event was skipped, or the
    interview is over."""
    event = await _start(uow, details, status=status, event_id=event_id, kind=kind)
    if event is None:
        return None
    reason = MOVED_REASON if status == "scheduled" else CANCELLED_REASON
    cancelled = await _cancel_pending(uow, details.interview_id, reason)
    return None if event.over else (event, cancelled)


async def interview_scheduled(
    uow: UnitOfWork, *, payload: InterviewScheduled, event_id: str
) -> list[Notification]:
    """Invitations and reminders for a new interview (does not commit)."""
    event = await _start(
        uow, payload, status="scheduled", event_id=event_id, kind="interview_invitation"
    )
    if event is None or event.over:
        return []
    panel = _readers(payload.panel, "panel")
    readers = [_Reader(payload.candidate, "candidate"), *panel]
    notices = await _write_emails(
        uow, event, readers, kind="interview_invitation", method="REQUEST", panel=panel
    )
    notices += await _write_reminders(uow, event, readers)
    notices += await _write_scorecard_reminders(uow, event, panel)
    await _store(uow, notices)
    return notices


async def interview_rescheduled(
    uow: UnitOfWork, *, payload: InterviewRescheduled, event_id: str
) -> list[Notification]:
    """Updates to everyone still invited, cancellations to those removed, new reminders
    instead of the old slot's (does not commit)."""
    started = await _start_change(
        uow, payload, status="scheduled", event_id=event_id, kind="interview_update"
    )
    if started is None:
        return []
    event, superseded = started
    panel = _readers(payload.panel, "panel")
    still = {r.key.split(":", 1)[1] for r in panel}
    removed = [
        r for r in _readers(payload.removed, "removed") if r.key.split(":", 1)[1] not in still
    ]
    readers = [_Reader(payload.candidate, "candidate"), *panel]
    notices = await _write_emails(
        uow,
        event,
        readers,
        kind="interview_update",
        method="REQUEST",
        panel=panel,
        previous_start=payload.previous_start,
    )
    notices += await _write_emails(
        uow, event, removed, kind="interview_cancellation", method="CANCEL", panel=panel
    )
    notices += await _write_reminders(uow, event, readers)
    notices += await _write_scorecard_reminders(uow, event, panel)
    log.info(
        "interview.rescheduled",
        interview_id=payload.interview_id,
        sequence=payload.sequence,
        superseded_notices=superseded,
    )
    await _store(uow, notices)
    return notices


async def interview_cancelled(
    uow: UnitOfWork, *, payload: InterviewCancelled, event_id: str
) -> list[Notification]:
    """A cancellation to everyone invited; pending reminders cancelled (does not commit)."""
    started = await _start_change(
        uow, payload, status="cancelled", event_id=event_id, kind="interview_cancellation"
    )
    if started is None:
        return []
    event, cancelled = started
    panel = _readers(payload.panel, "panel")
    readers = [_Reader(payload.candidate, "candidate"), *panel]
    notices = await _write_emails(
        uow,
        event,
        readers,
        kind="interview_cancellation",
        method="CANCEL",
        panel=panel,
        reason=payload.reason,
    )
    log.info(
        "interview.cancelled",
        interview_id=payload.interview_id,
        sequence=payload.sequence,
        cancelled_notices=cancelled,
    )
    await _store(uow, notices)
    return notices
