"""What an interview's invitation says, and the interviews a decided application leaves.

The `interview-*` events carry everything notify-service needs to invite people without
another lookup: the candidate's and each panel member's name, address, language and time
zone, the position's title with its translations, the organiser. A panel member the staff
directory does not know is still listed, by the id the interview names them with; they
get an invitation only if that id is an email address.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from recruiting_service.db.models import Candidate, Interview, PanelSeat, Person
from recruiting_service.db.repositories import (
    AnyApplication,
    CandidateRepository,
    InterviewRepository,
    OpeningRepository,
    PersonRepository,
)
from recruiting_service.service.people import people_signed_in_as, person_ref
from recruiting_service.service.positions import position_ref
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import Attendee, InterviewCancelled
from talentloop_shared.models import from_attributes

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True, slots=True)
class Calendar:
    """An interview with its panel and the people the staff copy knows on it."""

    interview: Interview
    seats: Sequence[PanelSeat]
    people: Mapping[uuid.UUID, Person]

    def attendee(self, seat: PanelSeat) -> Attendee:
        """A panel member as the invitation addresses them."""
        person = self.people.get(seat.person_id) if seat.person_id else None
        if person is not None:
            return attendee_of(person)
        email = seat.member_id if _EMAIL.match(seat.member_id) else None
        return Attendee(name=seat.member_id, email=email)

    def name_of(self, seat: PanelSeat) -> str:
        """How the panel member is called (their name, or the id they were named by)."""
        return self.attendee(seat).name


async def calendars(uow: UnitOfWork, interviews: Sequence[Interview]) -> list[Calendar]:
    """The panels of these interviews and the people on them (two queries)."""
    panels = await InterviewRepository(uow.session).seats([i.id for i in interviews])
    person_ids = list({s.person_id for seats in panels.values() for s in seats if s.person_id})
    people = await PersonRepository(uow.session).by_ids(person_ids)
    return [Calendar(i, panels[i.id], people) for i in interviews]


def attendee_of(who: Candidate | Person) -> Attendee:
    """The candidate, or a panel member of the directory, as the invitation addresses them."""
    return from_attributes(Attendee, who, person_id=str(who.id))


async def interview_details(
    uow: UnitOfWork, calendar: Calendar, application: AnyApplication
) -> dict[str, Any]:
    """The `InterviewDetails` fields of an interview, as of now."""
    interview = calendar.interview
    candidate = await CandidateRepository(uow.session).get(application.candidate_id)
    opening = await OpeningRepository(uow.session).get(application.position_id)
    assert candidate is not None and opening is not None  # foreign keys
    organizers = await people_signed_in_as(uow, interview.created_by)
    return {
        "interview_id": str(interview.id),
        "application_id": str(application.id),
        "sequence": interview.sequence,
        "start": interview.scheduled_at,
        "duration_minutes": interview.duration_minutes,
        "location": interview.location,
        "video_url": interview.video_url,
        "notes_for_candidate": interview.notes_for_candidate,
        "candidate": attendee_of(candidate),
        "panel": [calendar.attendee(s) for s in calendar.seats],
        "position": await position_ref(uow, opening),
        "organizer": person_ref(organizers[0]) if organizers else None,
    }


def cancel(interview: Interview, *, reason: str | None, by: str, now: Any) -> None:
    """Mark an interview cancelled: a new calendar sequence and version."""
    interview.status = "cancelled"
    interview.cancelled_at = now
    interview.cancelled_by = by
    interview.cancel_reason = reason
    interview.sequence += 1
    interview.version += 1
    interview.updated_at = now


async def cancel_upcoming(
    uow: UnitOfWork, application: AnyApplication, *, reason: str, by: str
) -> int:
    """Cancel the application's interviews that have not started yet and tell everyone
    invited (`interview-cancelled`); how many. A decided or withdrawn application keeps no
    appointment in anyone's calendar. The caller holds the application locked."""
    now = uow.clock.now()
    repository = InterviewRepository(uow.session)
    upcoming = [
        i
        for i in await repository.of_application(application.id, for_update=True)
        if i.status == "scheduled" and i.scheduled_at > now
    ]
    if not upcoming:  # most decisions: nothing booked (and no second query to learn it)
        return 0
    # An interview someone has already scored took place (early, or was recorded after the
    # fact): it is history, not an appointment, and nobody is told it was cancelled.
    scored = {
        e.interview_id for e in await repository.evaluations_of_applications([application.id])
    }
    interviews = [i for i in upcoming if i.id not in scored]
    for calendar in await calendars(uow, interviews):
        cancel(calendar.interview, reason=reason, by=by, now=now)
        uow.publish(
            InterviewCancelled(
                **await interview_details(uow, calendar, application), reason=reason
            ),
            subject=f"interviews/{calendar.interview.id}",
        )
    return len(interviews)
