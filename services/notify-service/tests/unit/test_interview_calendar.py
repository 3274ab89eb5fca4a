"""Interview emails, pure parts: the iCalendar text, the MIME structure that carries it,
times on the reader's clock, reminder times and quiet hours, the reminder setting."""

from __future__ import annotations

import email
import email.policy
import uuid
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from notify_service.config import Settings
from notify_service.db.models import Notification
from notify_service.domain.interviews import (
    CalendarPerson,
    build_calendar,
    format_lead,
    format_slot,
    parse_offsets,
    reminder_send_at,
)
from notify_service.service.mime import EmailWriter


def build_email(notice: Notification) -> email.message.Message:
    """The notice as a mail client reads it back."""
    raw = EmailWriter("Acme <no-reply@acme.example>").write(notice).data
    return email.message_from_bytes(raw, policy=email.policy.compat32)


START = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai, 02:00 in London
QUIET = {"quiet_start": time(21, 0), "quiet_end": time(8, 0)}


def _calendar(method: str = "REQUEST", sequence: int = 0) -> str:
    return build_calendar(
        method=method,  # type: ignore[arg-type]
        interview_id="iv-42",
        sequence=sequence,
        start=START,
        duration_minutes=45,
        stamp=START - timedelta(days=3),
        summary="面试邀请：后端开发工程师; with a comma, and a semicolon",
        description="Line one\nLine two",
        organizer=CalendarPerson("recruiter@acme.example", "Rita Recruiter"),
        attendees=[CalendarPerson("jane@example.com", "Jane Doe")],
        location="Room 3, Building A",
        url="https://meet.example.com/x",
    )


def test_the_calendar_is_an_itip_request_with_a_stable_uid_and_utc_times():
    cal = icalendar.Calendar.from_ical(_calendar())
    assert str(cal["method"]) == "REQUEST"
    [event] = cal.walk("VEVENT")
    assert str(event["uid"]) == "iv-42@talentloop"
    assert int(event["sequence"]) == 0
    assert event.decoded("dtstart") == START and event.decoded("dtstart").tzinfo is not None
    assert event.decoded("dtstart").utcoffset() == timedelta(0)
    assert event.decoded("dtend") == START + timedelta(minutes=45)
    # Values with commas, semicolons and newlines survive (escaped by the library).
    assert str(event["summary"]) == "面试邀请：后端开发工程师; with a comma, and a semicolon"
    assert str(event["description"]) == "Line one\nLine two"
    assert str(event["organizer"]) == "mailto:recruiter@acme.example"
    assert event["organizer"].params["cn"] == "Rita Recruiter"
    attendee = event["attendee"]  # one attendee: a single value, not a list
    assert str(attendee) == "mailto:jane@example.com"
    assert attendee.params["rsvp"] == "TRUE"
    assert str(event["status"]) == "CONFIRMED"
    assert "DTSTART:20261201T020000Z" in _calendar()


def test_a_cancellation_keeps_the_uid_and_says_cancelled():
    cal = icalendar.Calendar.from_ical(_calendar("CANCEL", sequence=3))
    assert str(cal["method"]) == "CANCEL"
    [event] = cal.walk("VEVENT")
    assert str(event["uid"]) == "iv-42@talentloop"
    assert int(event["sequence"]) == 3
    assert str(event["status"]) == "CANCELLED"


def _notice(calendar: str | None, method: str | None = None) -> Notification:
    return Notification(
        id=uuid.uuid4(),
        recipient="jane@example.com",
        cc=None,
        locale="en",
        subject="Interview",
        body_text="Dear Jane",
        body_html="<p>Dear Jane</p>",
        calendar=calendar,
        calendar_method=method,
    )


def test_an_interview_email_carries_the_calendar_inline_and_attached():
    msg = build_email(_notice(_calendar(), "REQUEST"))
    assert msg.get_content_type() == "multipart/mixed"
    alternative, attachment = msg.get_payload()  # type: ignore[misc]
    assert alternative.get_content_type() == "multipart/alternative"
    types = [p.get_content_type() for p in alternative.get_payload()]
    assert types == ["text/plain", "text/html", "text/calendar"]
    inline = alternative.get_payload()[2]
    assert inline.get_param("method") == "REQUEST"
    assert inline.get_content_charset() == "utf-8"
    assert attachment.get_content_type() == "application/ics"
    assert attachment.get_filename() == "invite.ics"
    ics = attachment.get_payload(decode=True).decode()
    assert icalendar.Calendar.from_ical(ics)["method"] == "REQUEST"
    assert inline.get_payload(decode=True).decode() == ics


def test_an_email_without_a_calendar_is_unchanged():
    msg = build_email(_notice(None))
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.get_payload()] == ["text/plain", "text/html"]


def test_times_are_on_the_readers_clock_in_their_language():
    zh = format_slot(START, 60, tz="Asia/Shanghai", locale="zh-CN")
    assert zh.when == "2026年12月1日（星期二）10:00–11:00（Asia/Shanghai）"
    en = format_slot(START, 60, tz="America/New_York", locale="en")
    assert en.when == "Monday, 30 November 2026, 21:00–22:00 (America/New_York)"
    across = format_slot(START - timedelta(hours=3), 120, tz="UTC", locale="en")
    assert across.when == "Monday, 30 November 2026, 23:00–1 December 01:00 (UTC)"
    assert format_slot(START, 30, tz="Not/AZone", locale="en").timezone == "UTC"
    assert format_lead(24 * 60, locale="en") == "24 hours"
    assert format_lead(60, locale="zh-CN") == "1 小时"
    assert format_lead(90, locale="zh-TW") == "90 分鐘"


def test_reminder_lead_times_setting():
    assert parse_offsets("24h,1h") == (1440, 60)
    assert parse_offsets(" 1d , 90m, 1h, 60m ") == (1440, 90, 60)
    assert parse_offsets("") == ()
    for bad in ("24", "0h", "1w", "-1h", "31d"):
        with pytest.raises(ValueError):
            parse_offsets(bad)
    assert Settings(interview_reminders="2h").interview_reminder_minutes == (120,)
    with pytest.raises(ValueError, match="lead time"):
        Settings(interview_reminders="soon")


NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_a_reminder_outside_quiet_hours_goes_exactly_its_lead_before():
    start = datetime(2026, 12, 1, 6, 0, tzinfo=UTC)  # 14:00 in Shanghai
    at = reminder_send_at(start, lead_minutes=60, now=NOW, tz="Asia/Shanghai", **QUIET)
    assert at == start - timedelta(hours=1)


def test_a_reminder_in_quiet_hours_moves_to_their_end_while_before_the_interview():
    start = datetime(2026, 12, 1, 0, 30, tzinfo=UTC)  # 08:30 in Shanghai
    # 1 h before is 07:30 there: quiet until 08:00 (00:00 UTC), still before 08:30.
    at = reminder_send_at(start, lead_minutes=60, now=NOW, tz="Asia/Shanghai", **QUIET)
    assert at == datetime(2026, 12, 1, 0, 0, tzinfo=UTC)


def test_a_reminder_that_would_move_past_the_start_goes_the_evening_before():
    start = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)  # 08:00 in Shanghai
    at = reminder_send_at(start, lead_minutes=60, now=NOW, tz="Asia/Shanghai", **QUIET)
    # The quiet window began 21:00 the evening before (13:00 UTC): a minute earlier.
    assert at == datetime(2026, 11, 30, 12, 59, tzinfo=UTC)
    local = at.astimezone(ZoneInfo("Asia/Shanghai"))
    assert local.time() == time(20, 59)


def test_no_reminder_when_its_time_has_passed():
    start = NOW + timedelta(minutes=30)
    assert reminder_send_at(start, lead_minutes=60, now=NOW, tz="UTC", **QUIET) is None
    assert reminder_send_at(start, lead_minutes=20, now=NOW, tz="UTC", **QUIET) == (
        start - timedelta(minutes=20)
    )
