"""Interview emails (issue 15): invitations with a calendar part on `interview-scheduled`,
updates and cancellations on reschedule and cancel, reminders driven by the clock, in each
reader's language and time zone; erasure. Real PostgreSQL, RabbitMQ and SMTP sink."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest_asyncio
from interview_testkit import (
    advance_to,
    attendees,
    calendar_of,
    cancelled,
    day_at,
    event_of,
    everything_in,
    mail_to,
    moved,
    notices,
    notices_written,
    people_of,
    scheduled,
    send,
)
from notify_testkit import HR_COPY, as_awaitable, mails_to, wake_dispatcher
from sqlalchemy import update

from notify_service.db.models import Notification
from talentloop_shared.events import new_event
from talentloop_shared.events.payloads import (
    CandidateErased,
    EvaluationSubmitted,
)
from talentloop_shared.testing.harness import RunningService, publish_event
from talentloop_shared.testing.plugin import eventually


@pytest_asyncio.fixture
async def known_settings(svc: RunningService, client: Any, auth: Any) -> AsyncIterator[None]:
    """Default quiet hours (21:00-08:00), whatever an earlier test left; and no reminder of
    this test left to fire in a later one that moves the clock."""
    response = await client.put(
        "/api/v1/settings",
        headers=auth("hr_admin"),
        json={"cc_hr": HR_COPY, "company_name": "Acme"},
    )
    assert response.status_code == 200, response.text
    yield
    async with svc.runtime.session_factory() as session:
        await session.execute(
            update(Notification)
            .where(
                Notification.kind.in_(["interview_reminder", "scorecard_due"]),
                Notification.status == "scheduled",
            )
            .values(status="cancelled", status_reason="test over", send_at=None)
        )
        await session.commit()


# --- invitations -------------------------------------------------------------------------


async def test_scheduling_invites_the_candidate_and_each_panel_member_once(
    svc, amqp_url, mail_sink, clock, known_settings
):
    start = day_at(3, 2)  # 10:00 in Shanghai, 02:00 in London, 21:00 the day before in New York
    payload = scheduled(start=start)
    candidate, li, maria = payload.candidate, payload.panel[0], payload.panel[1]
    event_id = uuid.uuid4()
    # The same event three times (a redelivery, a relay replay): applied once.
    for _ in range(3):
        await send(svc, amqp_url, payload, event_id=event_id)
    invitations = await notices_written(svc, payload.interview_id, 3, kind="interview_invitation")
    assert {n.recipient for n in invitations} == {candidate.email, li.email, maria.email}
    for person in (candidate, li, maria):
        await mail_to(mail_sink, person.email or "")
    await asyncio.sleep(1.0)  # let the duplicates be consumed (and ignored)
    for person in (candidate, li, maria):
        [mail] = mails_to(mail_sink, person.email or "")
        assert mail.rcpt_tos == [person.email]  # no HR copy on calendar invitations
        part, cal = calendar_of(mail)
        assert part.get_param("method") == "REQUEST"
        assert str(cal["method"]) == "REQUEST"
        event = event_of(cal)
        assert str(event["uid"]) == f"{payload.interview_id}@talentloop"
        assert int(event["sequence"]) == 0
        dtstart = event.decoded("dtstart")
        assert dtstart == start and dtstart.utcoffset() == timedelta(0)
        assert event.decoded("dtend") == start + timedelta(minutes=60)
        assert str(event["organizer"]) == "mailto:rita@acme.example"
        assert person.email in attendees(event)
        attached = [p for p in mail.message.walk() if p.get_filename() == "invite.ics"]
        assert len(attached) == 1 and attached[0].get_content_type() == "application/ics"
    assert len(await notices(svc, payload.interview_id, kind="interview_invitation")) == 3

    # The candidate's: Chinese, Shanghai time, where to go, the link, the notes, the panel's
    # names and never their addresses.
    [to_candidate] = mails_to(mail_sink, candidate.email or "")
    text = to_candidate.text()
    assert "面试" in to_candidate.subject and "面试" in text
    assert "10:00–11:00" in text and "Asia/Shanghai" in text
    assert "Acme Tower, 12F, Room Everest" in text and (payload.video_url or "") in text
    assert "请携带身份证件" in text
    assert "Li Lei" in text and "Maria Garcia" in text
    seen = everything_in(to_candidate)
    assert li.email not in seen and maria.email not in seen
    assert "/interviews/" not in text  # the scorecard link is the panel's
    assert attendees(event_of(calendar_of(to_candidate)[1])) == [candidate.email]

    # A panel member's: English, their own clock.
    [to_li] = mails_to(mail_sink, li.email or "")
    assert "Dear Li" in to_li.text() and "02:00–03:00 (Europe/London)" in to_li.text()
    # Where Li scores it afterwards: the console's form for this interview.
    scorecard = f"http://127.0.0.1:8000/interviews/{payload.interview_id}"
    assert f"After the interview, submit your scorecard here: {scorecard}" in to_li.text()
    assert "张伟" in to_li.subject
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in to_li.text().replace("张伟", ""))
    [to_maria] = mails_to(mail_sink, maria.email or "")
    assert "21:00–22:00 (America/New_York)" in to_maria.text()
    assert set(attendees(event_of(calendar_of(to_maria)[1]))) == {li.email, maria.email}

    # Reminders are planned for everyone: 24 h and 1 h before.
    reminders = await notices(svc, payload.interview_id, kind="interview_reminder")
    assert len(reminders) == 6 and {n.status for n in reminders} == {"scheduled"}


async def test_a_panel_member_without_an_address_is_not_invited(
    svc, amqp_url, mail_sink, clock, known_settings
):
    payload = scheduled(start=day_at(4, 6), maria={"email": None})
    await send(svc, amqp_url, payload)
    await notices_written(svc, payload.interview_id, 2, kind="interview_invitation")
    await asyncio.sleep(0.5)
    invitations = await notices(svc, payload.interview_id, kind="interview_invitation")
    assert {n.recipient for n in invitations} == {payload.candidate.email, payload.panel[0].email}


async def test_an_interview_already_over_invites_nobody(
    svc, amqp_url, mail_sink, clock, known_settings
):
    # A scheduled event handled after the interview ended (replayed from the DLQ, say).
    payload = scheduled(start=datetime.now(UTC) - timedelta(hours=2))
    await send(svc, amqp_url, payload)
    marker = scheduled(start=day_at(3, 6), panel=())  # published after: handled after
    await send(svc, amqp_url, marker)
    await mail_to(mail_sink, marker.candidate.email or "")
    assert await notices(svc, payload.interview_id) == []
    assert mails_to(mail_sink, payload.candidate.email or "") == []


# --- reschedule and cancel ---------------------------------------------------------------


async def test_reschedule_updates_the_same_event_and_cancels_for_removed_members(
    svc, amqp_url, mail_sink, clock, known_settings
):
    first = scheduled(start=day_at(3, 6), panel=("li", "maria"))
    await send(svc, amqp_url, first)
    candidate, li, maria = first.candidate, first.panel[0], first.panel[1]
    for person in (candidate, li, maria):
        await mail_to(mail_sink, person.email or "")
    old_reminders = await notices(svc, first.interview_id, kind="interview_reminder")
    assert len(old_reminders) == 6

    olga = people_of("x")["olga"] | {"email": f"olga-{uuid.uuid4().hex[:8]}@acme.example"}
    new_start = day_at(4, 7)
    change = moved(first, start=new_start, panel=[li, olga], removed=[maria])
    await send(svc, amqp_url, change)

    update_mail = (await mail_to(mail_sink, candidate.email or "", 2))[1]
    part, cal = calendar_of(update_mail)
    event = event_of(cal)
    assert part.get_param("method") == "REQUEST" and str(cal["method"]) == "REQUEST"
    assert str(event["uid"]) == f"{first.interview_id}@talentloop"
    assert int(event["sequence"]) == 1
    assert event.decoded("dtstart") == new_start
    assert "15:00–16:00" in update_mail.text()  # 07:00 UTC in Shanghai
    assert "14:00–15:00" in update_mail.text()  # the old time, 06:00 UTC, for reference

    li_update = (await mail_to(mail_sink, li.email or "", 2))[1]
    assert int(event_of(calendar_of(li_update)[1])["sequence"]) == 1
    [olga_invite] = await mail_to(mail_sink, olga["email"])
    assert event_of(calendar_of(olga_invite)[1]).decoded("dtstart") == new_start

    maria_cancel = (await mail_to(mail_sink, maria.email or "", 2))[1]
    part, cal = calendar_of(maria_cancel)
    assert part.get_param("method") == "CANCEL" and str(cal["method"]) == "CANCEL"
    event = event_of(cal)
    assert str(event["uid"]) == f"{first.interview_id}@talentloop"
    assert int(event["sequence"]) == 1 and str(event["status"]) == "CANCELLED"
    assert "no longer needed" in maria_cancel.subject

    # The old slot's reminders are cancelled, the new slot's planned (Maria has none).
    for n in await notices(svc, first.interview_id, kind="interview_reminder"):
        if n.id in {o.id for o in old_reminders}:
            assert n.status == "cancelled" and n.send_at is None
        else:
            assert n.status == "scheduled" and n.send_at is not None
            assert n.send_at > new_start - timedelta(hours=25)
            assert n.recipient != maria.email
    assert len(await notices(svc, first.interview_id, kind="interview_reminder")) == 12

    # A late copy of the original event (another id) changes nothing: sequence 0 < 1.
    await send(svc, amqp_url, first)
    await asyncio.sleep(1.0)
    assert len(mails_to(mail_sink, candidate.email or "")) == 2
    assert len(await notices(svc, first.interview_id, kind="interview_invitation")) == 3


async def test_cancel_sends_a_cancel_to_everyone_and_no_reminder_fires(
    svc, amqp_url, mail_sink, clock, known_settings
):
    start = day_at(3, 14)
    payload = scheduled(start=start, candidate={"timezone": "UTC", "locale": "en"})
    await send(svc, amqp_url, payload)
    everyone = [payload.candidate, *payload.panel]
    for person in everyone:
        await mail_to(mail_sink, person.email or "")
    await send(svc, amqp_url, cancelled(payload))
    for person in everyone:
        mail = (await mail_to(mail_sink, person.email or "", 2))[1]
        part, cal = calendar_of(mail)
        assert part.get_param("method") == "CANCEL" and str(cal["method"]) == "CANCEL"
        event = event_of(cal)
        assert str(event["uid"]) == f"{payload.interview_id}@talentloop"
        assert int(event["sequence"]) == 1 and str(event["status"]) == "CANCELLED"
    assert "the position was filled" in mails_to(mail_sink, payload.candidate.email or "")[1].text()
    reminders = await notices(svc, payload.interview_id, kind="interview_reminder")
    assert len(reminders) == 6 and {n.status for n in reminders} == {"cancelled"}
    # So are the panel's reminders to score it.
    to_score = await notices(svc, payload.interview_id, kind="scorecard_due")
    assert len(to_score) == 4 and {n.status for n in to_score} == {"cancelled"}
    # Past both reminder times: nothing more arrives.
    advance_to(clock, start - timedelta(minutes=30))
    wake_dispatcher(svc)
    await asyncio.sleep(1.0)
    for person in everyone:
        assert len(mails_to(mail_sink, person.email or "")) == 2
    # A reschedule after the cancellation (late, or replayed) does not revive it.
    await send(svc, amqp_url, moved(payload, start=start + timedelta(days=1), panel=[], removed=[]))
    await asyncio.sleep(1.0)
    assert len(await notices(svc, payload.interview_id)) == 3 + 6 + 4 + 3


# --- reminders ---------------------------------------------------------------------------


async def test_reminders_fire_24h_and_1h_before_by_the_clock(
    svc, amqp_url, mail_sink, clock, known_settings
):
    start = day_at(3, 14)
    payload = scheduled(
        start=start, panel=(), candidate={"timezone": "UTC", "locale": "en", "name": "Jane Doe"}
    )
    to = payload.candidate.email or ""
    await send(svc, amqp_url, payload)
    await mail_to(mail_sink, to)  # the invitation
    reminders = await notices_written(svc, payload.interview_id, 2, kind="interview_reminder")
    assert sorted(n.send_at for n in reminders) == [
        start - timedelta(hours=24),
        start - timedelta(hours=1),
    ]
    advance_to(clock, start - timedelta(hours=24, minutes=1))
    wake_dispatcher(svc)
    await asyncio.sleep(0.5)
    assert len(mails_to(mail_sink, to)) == 1
    clock.advance(minutes=2)
    wake_dispatcher(svc)
    [_, first] = await mail_to(mail_sink, to, 2)
    assert first.subject.startswith("Reminder") and "24 hours" in first.text()
    assert not [p for p in first.message.walk() if p.get_content_type() == "text/calendar"]
    advance_to(clock, start - timedelta(hours=1, minutes=1))
    wake_dispatcher(svc)
    await asyncio.sleep(0.5)
    assert len(mails_to(mail_sink, to)) == 2
    clock.advance(minutes=2)
    wake_dispatcher(svc)
    [_, _, second] = await mail_to(mail_sink, to, 3)
    assert "1 hour" in second.text() and "14:00–15:00 (UTC)" in second.text()


async def test_reminders_are_moved_out_of_the_readers_quiet_hours(
    svc, amqp_url, mail_sink, clock, known_settings
):
    # 00:30 UTC is 08:30 in Shanghai: 1 h before is 07:30 there, in the quiet hours
    # (21:00-08:00), so it goes at 08:00 (00:00 UTC). For Olga (UTC) 1 h before is 23:30,
    # quiet until 08:00, after the start: it goes before her quiet hours, at 20:59.
    start = day_at(3, 0, 30)
    payload = scheduled(start=start, panel=("olga",))
    candidate, olga = payload.candidate, payload.panel[0]
    await send(svc, amqp_url, payload)
    reminders = await notices_written(svc, payload.interview_id, 4, kind="interview_reminder")
    one_hour = {n.recipient: n.send_at for n in reminders if n.part.endswith("/60")}
    assert one_hour[candidate.email] == start - timedelta(minutes=30)
    assert one_hour[olga.email] == start - timedelta(hours=3, minutes=31)
    day_before = {n.recipient: n.send_at for n in reminders if n.part.endswith("/1440")}
    # 24 h before is 08:30 in Shanghai (not quiet); 00:30 for Olga: quiet until 08:00.
    assert day_before[candidate.email] == start - timedelta(hours=24)
    assert day_before[olga.email] == start - timedelta(hours=16, minutes=30)

    for person in (candidate, olga):
        await mail_to(mail_sink, person.email or "")  # the invitations
    # At 07:30 in Shanghai (the plain 1 h mark) the candidate gets nothing; at 08:00 she does.
    advance_to(clock, start - timedelta(hours=1, minutes=-1))
    wake_dispatcher(svc)
    await asyncio.sleep(0.5)
    # By now every reminder except the candidate's 08:00 one is due and sent.
    await mail_to(mail_sink, olga.email or "", 3)
    await mail_to(mail_sink, candidate.email or "", 2)  # invitation + 24 h
    await asyncio.sleep(0.5)
    assert len(mails_to(mail_sink, candidate.email or "")) == 2
    advance_to(clock, start - timedelta(minutes=29))
    wake_dispatcher(svc)
    reminder = (await mail_to(mail_sink, candidate.email or "", 3))[2]
    assert "提醒" in reminder.subject and "08:30–09:30" in reminder.text()


# --- scorecards -------------------------------------------------------------------------


def _scorecard_of(details: Any, who: Any) -> EvaluationSubmitted:
    return EvaluationSubmitted.model_validate(
        {
            "evaluation_id": f"ev-{uuid.uuid4().hex[:8]}",
            "interview_id": details.interview_id,
            "application_id": details.application_id,
            "candidate_id": details.candidate.person_id,
            "position_id": details.position.id,
            "interviewer": {"id": who.person_id, "department_id": "d-1"},
            "scores": [{"dimension": "technical", "score": 7, "weight": 1.0}],
            "recommendation": "hire",
            "submitted_at": datetime.now(UTC).isoformat(),
        }
    )


async def test_the_panel_is_reminded_to_score_until_each_scorecard_is_in(
    svc, amqp_url, mail_sink, clock, known_settings
):
    start = day_at(3, 10)  # ends 11:00 UTC: 11:00 in London
    payload = scheduled(start=start, panel=("li", "maria"))
    li, maria = payload.panel
    await send(svc, amqp_url, payload)
    # Two reminders to score for each panel member (2 h and a day after the end, out of
    # their quiet hours); the candidate gets none.
    due = await notices_written(svc, payload.interview_id, 4, kind="scorecard_due")
    ends = start + timedelta(hours=1)
    assert {n.recipient for n in due} == {li.email, maria.email}
    li_due = sorted(n.send_at for n in due if n.recipient == li.email)
    assert li_due == [ends + timedelta(hours=2), ends + timedelta(days=1)]
    assert all(n.send_at >= ends + timedelta(hours=2) for n in due)

    # Li scores: Li's reminders are cancelled, Maria's stay.
    await send(svc, amqp_url, _scorecard_of(payload, li))

    async def li_cancelled() -> list[Notification] | None:
        rows = await notices(svc, payload.interview_id, kind="scorecard_due")
        mine = [n for n in rows if n.recipient == li.email]
        return rows if all(n.status == "cancelled" for n in mine) else None

    rows = await eventually(li_cancelled, timeout=15, message="Li's reminders cancelled")
    for n in rows:
        if n.recipient == li.email:
            assert n.status_reason == "cancelled: the scorecard was submitted"
        else:
            assert n.status == "scheduled"

    # Two hours after the end, Maria is reminded, with the link to her form; Li is not.
    subject = "Your scorecard for 张伟 (Backend Engineer) is awaited"

    def to_score(address: str | None) -> list[Any]:
        return [m for m in mails_to(mail_sink, address or "") if m.subject == subject]

    advance_to(clock, ends + timedelta(hours=2, minutes=1))
    wake_dispatcher(svc)
    [reminder] = await eventually(
        lambda: as_awaitable(to_score(maria.email) or None), timeout=15, message="Maria's"
    )
    assert f"http://127.0.0.1:8000/interviews/{payload.interview_id}" in reminder.text()
    assert "Dear Maria" in reminder.text()
    await asyncio.sleep(0.5)
    assert to_score(li.email) == []

    # The interview moves: Maria's pending reminder is replaced, Li (scored) gets none.
    change = moved(payload, start=day_at(4, 10), panel=[li, maria], removed=[])
    await send(svc, amqp_url, change)

    async def replanned() -> list[Notification] | None:
        rows = await notices(svc, payload.interview_id, kind="scorecard_due")
        return rows if len(rows) >= 6 else None

    rows = await eventually(replanned, timeout=15, message="reminders of the new slot")
    pending = [n for n in rows if n.status == "scheduled"]
    assert {n.recipient for n in pending} == {maria.email} and len(pending) == 2
    assert min(n.send_at for n in pending) == day_at(4, 11) + timedelta(hours=2)


# --- erasure -----------------------------------------------------------------------------


async def test_erasure_clears_interview_notices_and_later_events_write_none(
    svc, amqp_url, mail_sink, clock, known_settings
):
    payload = scheduled(start=day_at(5, 6))
    await send(svc, amqp_url, payload)
    await notices_written(svc, payload.interview_id, 9)
    await mail_to(mail_sink, payload.candidate.email or "")
    candidate_id = payload.candidate.person_id or ""
    erased = new_event(
        type="candidate-erased",
        source="/talent-service",
        data=CandidateErased(
            candidate_id=candidate_id, erased_at=datetime.now(UTC), reason="consent withdrawn"
        ),
    )
    await publish_event(amqp_url, svc.runtime.settings.amqp_namespace, erased)

    async def scrubbed() -> list[Notification] | None:
        rows = await notices(svc, payload.interview_id)
        return rows if all(n.recipient is None for n in rows) else None

    rows = await eventually(scrubbed, timeout=15, message="interview notices erased")
    for n in rows:
        assert n.calendar is None and n.subject is None and n.body_text is None
        assert n.body_html is None and n.candidate_id == candidate_id
        if n.kind == "interview_reminder":
            assert n.status == "cancelled"
    # A late reschedule for the erased candidate writes nothing, to anyone.
    await send(svc, amqp_url, moved(payload, start=day_at(6, 6), panel=payload.panel, removed=[]))
    await asyncio.sleep(1.0)
    assert len(await notices(svc, payload.interview_id)) == len(rows)
    assert len(mails_to(mail_sink, payload.panel[0].email or "")) <= 1
