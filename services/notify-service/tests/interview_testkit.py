"""Helpers for the interview email tests (payloads of interview-* events, mails, calendars)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from email.message import Message
from typing import Any

import icalendar
from notify_testkit import mails_to, publish
from sqlalchemy import select

from notify_service.db.models import Notification
from talentloop_shared.clock import Clock
from talentloop_shared.events.payloads import (
    InterviewCancelled,
    InterviewRescheduled,
    InterviewScheduled,
)
from talentloop_shared.testing.harness import RunningService
from talentloop_shared.testing.plugin import eventually
from talentloop_shared.testing.smtp import ReceivedMail, SMTPSink


def day_at(days: int, hour: int, minute: int = 0) -> datetime:
    """`days` from today at hour:minute UTC."""
    day = datetime.now(UTC).date() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def people_of(uid: str) -> dict[str, dict[str, Any]]:
    return {
        "candidate": {
            "person_id": f"cand-{uid}",
            "name": "张伟",
            "email": f"cand-{uid}@example.com",
            "locale": "zh-CN",
            "timezone": "Asia/Shanghai",
        },
        "li": {
            "person_id": f"li-{uid}",
            "name": "Li Lei",
            "email": f"li-{uid}@acme.example",
            "locale": "en",
            "timezone": "Europe/London",
        },
        "maria": {
            "person_id": f"maria-{uid}",
            "name": "Maria Garcia",
            "email": f"maria-{uid}@acme.example",
            "locale": "en",
            "timezone": "America/New_York",
        },
        "olga": {
            "person_id": f"olga-{uid}",
            "name": "Olga Petrova",
            "email": f"olga-{uid}@acme.example",
            "locale": "en",
            "timezone": "UTC",
        },
    }


def scheduled(
    *, start: datetime, panel: tuple[str, ...] = ("li", "maria"), **people: dict[str, Any]
) -> InterviewScheduled:
    """An interview-scheduled payload with unique ids and addresses."""
    uid = uuid.uuid4().hex[:10]
    who = people_of(uid)
    for name, overrides in people.items():
        who[name] = who[name] | overrides
    return InterviewScheduled.model_validate(
        {
            "interview_id": f"iv-{uid}",
            "application_id": f"app-{uid}",
            "sequence": 0,
            "start": start.isoformat(),
            "duration_minutes": 60,
            "location": "Acme Tower, 12F, Room Everest",
            "video_url": "https://meet.example.com/iv-" + uid,
            "notes_for_candidate": "请携带身份证件",
            "candidate": who["candidate"],
            "panel": [who[p] for p in panel],
            "position": {
                "id": f"pos-{uid}",
                "version": 1,
                "title": "Backend Engineer",
                "job_family": "engineering",
                "org_unit_name": "Platform",
            },
            "organizer": {
                "id": "hr-1",
                "name": "Rita Recruiter",
                "email": "rita@acme.example",
            },
        }
    )


def _json(person: Any) -> dict[str, Any]:
    return person if isinstance(person, dict) else person.model_dump(mode="json")


def moved(
    first: InterviewScheduled, *, start: datetime, panel: list[Any], removed: list[Any]
) -> InterviewRescheduled:
    data = first.model_dump(mode="json")
    data |= {
        "sequence": first.sequence + 1,
        "start": start.isoformat(),
        "previous_start": first.start.isoformat(),
        "panel": [_json(p) for p in panel],
        "removed": [_json(p) for p in removed],
    }
    return InterviewRescheduled.model_validate(data)


def cancelled(details: Any, *, reason: str = "the position was filled") -> InterviewCancelled:
    data = details.model_dump(mode="json", exclude={"previous_start", "removed"})
    data |= {"sequence": details.sequence + 1, "reason": reason}
    return InterviewCancelled.model_validate(data)


async def send(
    svc: RunningService, amqp_url: str, payload: Any, *, event_id: uuid.UUID | None = None
) -> str:
    return await publish(svc, amqp_url, payload, event_type=payload.EVENT_TYPE, event_id=event_id)


async def notices(svc: RunningService, interview_id: str, **where: Any) -> list[Notification]:
    async with svc.runtime.session_factory() as session:
        stmt = select(Notification).where(Notification.interview_id == interview_id)
        for field, value in where.items():
            stmt = stmt.where(getattr(Notification, field) == value)
        return list(await session.scalars(stmt.order_by(Notification.created_at)))


async def notices_written(
    svc: RunningService, interview_id: str, count: int, **where: Any
) -> list[Notification]:
    async def probe() -> list[Notification] | None:
        found = await notices(svc, interview_id, **where)
        return found if len(found) >= count else None

    return await eventually(probe, timeout=15, message=f"{count} notices {where}")


async def mail_to(sink: SMTPSink, address: str, count: int = 1) -> list[ReceivedMail]:
    async def probe() -> list[ReceivedMail] | None:
        found = mails_to(sink, address)
        return found if len(found) >= count else None

    return await eventually(probe, timeout=15, message=f"{count} mails to {address}")


def calendar_of(mail: ReceivedMail) -> tuple[Message, icalendar.Calendar]:
    """The text/calendar part of a mail, and the calendar parsed with icalendar."""
    [part] = [p for p in mail.message.walk() if p.get_content_type() == "text/calendar"]
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return part, icalendar.Calendar.from_ical(payload.decode("utf-8"))


def event_of(cal: icalendar.Calendar) -> icalendar.Event:
    [event] = cal.walk("VEVENT")
    return event


def attendees(event: icalendar.Event) -> list[str]:
    value = event.get("attendee")
    values = value if isinstance(value, list) else [value] if value is not None else []
    return [str(v).removeprefix("mailto:") for v in values]


def everything_in(mail: ReceivedMail) -> str:
    """Every decoded text part and header of a mail (what the reader can see)."""
    out = [mail.subject, mail.message.get("To", ""), mail.message.get("Cc", "") or ""]
    for part in mail.message.walk():
        if part.get_content_maintype() == "multipart":
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            out.append(payload.decode(part.get_content_charset() or "utf-8"))
    return "\n".join(out)


def advance_to(clock: Clock, moment: datetime) -> None:
    clock.advance(moment - clock.now())
