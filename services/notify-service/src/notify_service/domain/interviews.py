"""Interview invitations, pure rules: the iCalendar part, times on the reader's clock, and
when reminders go out.

The calendar part follows RFC 5545 (iCalendar) and RFC 5546 (iTIP): one stable `UID` per
interview (`<interview_id>@talentloop`), `SEQUENCE` as recruiting-service raised it (every
reschedule or cancellation raises it), `METHOD:REQUEST` for an invitation or an update,
`METHOD:CANCEL` (with `STATUS:CANCELLED`) for a cancellation, times in UTC. It is built
with the `icalendar` library, never by formatting strings, so values are escaped and folded
as the RFC says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from email.utils import parseaddr
from typing import Final, Literal

from icalendar import Calendar, Event, vCalAddress, vText

from notify_service.domain.schedule import compute_send_at, in_quiet_hours
from talentloop_shared.i18n import language_of, try_canonical_locale, zone_or_utc

__all__ = [
    "INTERVIEW_KINDS",
    "CalendarPerson",
    "Method",
    "build_calendar",
    "calendar_uid",
    "format_lead",
    "format_slot",
    "parse_offsets",
    "reminder_send_at",
    "sender_address",
]

INTERVIEW_KINDS: Final = (
    "interview_invitation",
    "interview_update",
    "interview_cancellation",
    "interview_reminder",
    "scorecard_due",
)
"""Template kinds of interview notices (same template library as rejections)."""

Method = Literal["REQUEST", "CANCEL"]

_PRODID: Final = "-//Talentloop//notify-service//EN"
_OFFSET = re.compile(r"^\s*(\d+)\s*([dhm])\s*$", re.IGNORECASE)
_UNIT_MINUTES: Final = {"d": 24 * 60, "h": 60, "m": 1}


def parse_offsets(spec: str) -> tuple[int, ...]:
    """Reminder lead times in minutes from ``"24h,1h"`` (units d, h, m), longest first.

    Empty means no reminders. A zero, a negative or an unreadable item is a `ValueError`
    naming it; duplicates are dropped.
    """
    minutes: set[int] = set()
    for item in spec.split(","):
        if not item.strip():
            continue
        match = _OFFSET.match(item)
        if match is None:
            raise ValueError(f"'{item.strip()}' is not a lead time such as 24h, 90m or 1d")
        value = int(match.group(1)) * _UNIT_MINUTES[match.group(2).lower()]
        if value <= 0 or value > 30 * 24 * 60:
            raise ValueError(f"'{item.strip()}' must be more than 0 and at most 30 days")
        minutes.add(value)
    return tuple(sorted(minutes, reverse=True))


def calendar_uid(interview_id: str) -> str:
    """The calendar UID of an interview: the same for every message about it."""
    return f"{interview_id}@talentloop"


def sender_address(sender: str) -> tuple[str, str]:
    """(address, display name) of an RFC 5322 ``From`` value."""
    name, address = parseaddr(sender)
    return address, name


@dataclass(frozen=True, slots=True)
class CalendarPerson:
    """An organizer or attendee in the calendar part."""

    email: str
    name: str


def _address(person: CalendarPerson, **params: str) -> vCalAddress:
    address = vCalAddress(f"mailto:{person.email}")
    address.params["cn"] = vText(person.name)
    for key, value in params.items():
        address.params[key] = vText(value)
    return address


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def build_calendar(
    *,
    method: Method,
    interview_id: str,
    sequence: int,
    start: datetime,
    duration_minutes: int,
    stamp: datetime,
    summary: str,
    description: str,
    organizer: CalendarPerson,
    attendees: Sequence[CalendarPerson],
    location: str | None = None,
    url: str | None = None,
) -> str:
    """The iCalendar text (one VEVENT) of an invitation, update or cancellation."""
    cal = Calendar()
    cal.add("prodid", _PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    event = Event()
    event.add("uid", calendar_uid(interview_id))
    event.add("sequence", sequence)
    event.add("dtstamp", _utc(stamp))
    begin = _utc(start)
    event.add("dtstart", begin)
    event.add("dtend", begin + timedelta(minutes=duration_minutes))
    event.add("summary", summary)
    if description:
        event.add("description", description)
    where = location or url
    if where:
        event.add("location", where)
    if url:
        event.add("url", url)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event["organizer"] = _address(organizer)
    for person in attendees:
        event.add(
            "attendee",
            _address(
                person,
                role="REQ-PARTICIPANT",
                partstat="NEEDS-ACTION",
                rsvp="TRUE" if method == "REQUEST" else "FALSE",
            ),
        )
    cal.add_component(event)
    return cal.to_ical().decode("utf-8")


_WEEKDAYS_EN: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS_ZH: Final = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")


@dataclass(frozen=True, slots=True)
class Slot:
    """An interview's time as one reader reads it (their zone, their language)."""

    when: str  # "Tuesday, 1 December 2026, 10:00–11:00 (Asia/Shanghai)"
    date: str
    start_time: str
    end_time: str
    timezone: str


def format_slot(start: datetime, duration_minutes: int, *, tz: str | None, locale: str) -> Slot:
    """`start` for `duration_minutes` on the reader's clock, written in their language."""
    zone = zone_or_utc(tz)
    zone_name = zone.key
    begin = _utc(start).astimezone(zone)
    end = (_utc(start) + timedelta(minutes=duration_minutes)).astimezone(zone)
    start_time, end_time = begin.strftime("%H:%M"), end.strftime("%H:%M")
    if language_of(try_canonical_locale(locale) or "en") == "zh":
        date = f"{begin.year}年{begin.month}月{begin.day}日（{_WEEKDAYS_ZH[begin.weekday()]}）"
        span = f"{start_time}–{end_time}"
        if end.date() != begin.date():
            span = f"{start_time}–{end.month}月{end.day}日 {end_time}"
        when = f"{date}{span}（{zone_name}）"
    else:
        date = (
            f"{_WEEKDAYS_EN[begin.weekday()]}, {begin.day} "
            f"{_MONTHS_EN[begin.month - 1]} {begin.year}"
        )
        span = f"{start_time}–{end_time}"
        if end.date() != begin.date():
            span = f"{start_time}–{end.day} {_MONTHS_EN[end.month - 1]} {end_time}"
        when = f"{date}, {span} ({zone_name})"
    return Slot(when, date, start_time, end_time, zone_name)


def format_lead(minutes: int, *, locale: str) -> str:
    """How long before the interview a reminder goes out: "24 hours", "1 小时"."""
    tag = try_canonical_locale(locale) or "en"
    zh = language_of(tag) == "zh"
    traditional = tag in {"zh-TW", "zh-HK", "zh-MO", "zh-Hant"}
    if minutes % 60 == 0:
        hours = minutes // 60
        if zh:
            return f"{hours} {'小時' if traditional else '小时'}"
        return f"{hours} hour{'s' if hours != 1 else ''}"
    if zh:
        return f"{minutes} {'分鐘' if traditional else '分钟'}"
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _quiet_window_start(moment: datetime, zone_tz: str | None, quiet_start: time) -> datetime:
    """The UTC instant at which the quiet window holding `moment` began."""
    zone = zone_or_utc(zone_tz)
    local = moment.astimezone(zone)
    day = local.date()
    if local.time().replace(tzinfo=None) < quiet_start:
        day -= timedelta(days=1)  # a window that crossed midnight began the evening before
    return datetime.combine(day, quiet_start, tzinfo=zone).astimezone(UTC)


def reminder_send_at(
    start: datetime,
    *,
    lead_minutes: int,
    now: datetime,
    tz: str | None,
    quiet_start: time,
    quiet_end: time,
) -> datetime | None:
    """When a reminder `lead_minutes` before `start` goes out, or None when it should not.

    Outside the reader's quiet hours it is exactly `lead_minutes` before. Inside them it
    moves to the end of the quiet window when that is still before the interview (a
    07:00 reminder for a 09:00 interview goes at 08:00), else to the last minute before
    the window began (a 07:00 reminder for an 08:00 interview goes the evening before).
    None when that time has passed already (the interview is nearer than the lead).
    """
    begin, current = _utc(start), _utc(now)
    due = begin - timedelta(minutes=lead_minutes)
    zone = zone_or_utc(tz)
    if not in_quiet_hours(
        due.astimezone(zone).time(), quiet_start=quiet_start, quiet_end=quiet_end
    ):
        return due if due >= current else None
    later = compute_send_at(
        due, delay_minutes=0, tz=tz, quiet_start=quiet_start, quiet_end=quiet_end
    )
    if current <= later < begin:
        return later
    earlier = _quiet_window_start(due, tz, quiet_start) - timedelta(minutes=1)
    return earlier if current <= earlier < begin else None
