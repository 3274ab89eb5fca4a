"""From candidate-rejected to an email in the candidate's inbox (real broker, DB, SMTP)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

from notify_testkit import (
    HR_COPY,
    as_awaitable,
    mails_to,
    notice_in,
    notices_of,
    publish,
    rejection,
    wake_dispatcher,
)
from sqlalchemy import func, select

from notify_service.db.models import DeliveryAttempt
from notify_service.service.dispatch import dispatch_due
from talentloop_shared.testing.plugin import eventually


async def test_zh_engineering_rejection_is_mailed_once_in_chinese_with_hr_copy(
    svc, client, auth, amqp_url, mail_sink, clock
):
    payload = rejection(
        locale="zh-CN",
        name="张伟",
        strengths=["算法设计思路清晰"],
        reasons=["Go语言高并发项目的实战经验"],
        suggestions=["参与一个有真实并发场景的Go项目"],
    )
    await publish(svc, amqp_url, payload)
    to = payload.candidate.email
    mails = await eventually(
        lambda: as_awaitable(mails_to(mail_sink, to)), timeout=10, message="the notice arrives"
    )
    [notice] = await notices_of(client, auth("recruiter"), payload.application_id)
    notice = await notice_in(client, auth("recruiter"), notice["id"], "sent")
    mail = mails[0]
    text = mail.text()
    assert "张伟" in text and "算法设计思路清晰" in text
    assert "Go语言高并发项目的实战经验" in text and "参与一个有真实并发场景的Go项目" in text
    assert HR_COPY in mail.rcpt_tos and HR_COPY in mail.message["Cc"]
    assert mail.message.get_content_type() == "multipart/alternative"
    assert mail.html() is not None and "张伟" in mail.html()
    assert notice["template_name"].startswith("rejection-engineering")
    assert notice["template_version"] == 1 and notice["sent_at"] is not None
    assert [a["outcome"] for a in notice["delivery_attempts"]] == ["sent"]
    assert mail.message["Message-ID"] == f"<{notice['id']}@notify.talentloop>"

    # The survey link in the mail works: a Chinese page, and the form takes answers.
    link = next(w for w in text.split() if "/survey/" in w)
    path = "/survey/" + link.split("/survey/")[1].rstrip("。.，,)")
    page = await client.get(path)
    assert page.status_code == 200 and 'lang="zh-CN"' in page.text
    assert "<fieldset>" in page.text and "语气" in page.text
    answered = await client.post(
        path,
        data={
            "tone": "5",
            "detail": "4",
            "timeliness": "5",
            "helpfulness": "4",
            "comment": "谢谢",
            "open_to_future_roles": "yes",
        },
    )
    assert answered.status_code == 200 and "感谢" in answered.text
    await asyncio.sleep(0.3)
    assert len(mails_to(mail_sink, to)) == 1


async def test_the_same_event_three_times_gives_one_email(
    svc, client, auth, amqp_url, mail_sink, clock
):
    payload = rejection()
    event_id = uuid.uuid4()
    for _ in range(3):
        await publish(svc, amqp_url, payload, event_id=event_id)
    to = payload.candidate.email
    await eventually(lambda: as_awaitable(mails_to(mail_sink, to)), timeout=10, message="mail")
    await asyncio.sleep(1.0)  # let the duplicates be consumed (and ignored)
    assert len(mails_to(mail_sink, to)) == 1
    assert len(await notices_of(client, auth("hr_admin"), payload.application_id)) == 1


async def test_two_dispatchers_at_once_send_each_notice_once(
    svc, client, auth, amqp_url, mail_sink, clock
):
    payloads = [rejection(delay_minutes=120) for _ in range(12)]
    for p in payloads:
        await publish(svc, amqp_url, p)
    for p in payloads:
        [n] = await notices_of(client, auth("hr_admin"), p.application_id)
        assert n["status"] == "scheduled"
    clock.advance(minutes=121)
    await asyncio.gather(
        dispatch_due(svc.runtime), dispatch_due(svc.runtime), dispatch_due(svc.runtime, limit=3)
    )
    for p in payloads:
        to = p.candidate.email
        await eventually(
            lambda to=to: as_awaitable(mails_to(mail_sink, to)), timeout=10, message="mail"
        )
    await asyncio.sleep(0.5)
    for p in payloads:
        assert len(mails_to(mail_sink, p.candidate.email)) == 1


async def test_delay_is_honoured_by_the_clock_not_by_sleeping(
    svc, client, auth, amqp_url, mail_sink, clock
):
    payload = rejection(delay_minutes=120)
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, auth("hr_admin"), payload.application_id)
    assert notice["status"] == "scheduled"
    send_at = datetime.fromisoformat(notice["send_at"])
    expected = payload.rejected_at + timedelta(minutes=120)
    assert abs((send_at - expected).total_seconds()) < 1
    wake_dispatcher(svc)
    await asyncio.sleep(0.5)
    assert mails_to(mail_sink, payload.candidate.email) == []
    clock.advance(minutes=119)
    wake_dispatcher(svc)
    await asyncio.sleep(0.5)
    assert mails_to(mail_sink, payload.candidate.email) == []
    clock.advance(minutes=2)
    wake_dispatcher(svc)
    await notice_in(client, auth("hr_admin"), notice["id"], "sent")
    assert len(mails_to(mail_sink, payload.candidate.email)) == 1


async def test_default_delay_comes_from_settings(svc, client, auth, amqp_url, clock):
    payload = rejection(delay_minutes=None)
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, auth("hr_admin"), payload.application_id)
    delay = datetime.fromisoformat(notice["send_at"]) - payload.rejected_at
    assert notice["status"] == "scheduled" and delay == timedelta(minutes=120)
    await client.post(f"/api/v1/notifications/{notice['id']}/cancel", headers=auth("hr_admin"))


async def test_quiet_hours_in_the_candidates_zone(svc, client, auth, amqp_url, clock):
    # 14:30 UTC is 22:30 in Shanghai: the notice waits for 08:00 there (00:00 UTC next day).
    day = datetime.now(UTC).date() + timedelta(days=2)
    at = datetime(day.year, day.month, day.day, 14, 30, tzinfo=UTC)
    payload = rejection(timezone="Asia/Shanghai", locale="zh-CN", rejected_at=at)
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, auth("hr_admin"), payload.application_id)
    assert notice["status"] == "scheduled"
    assert datetime.fromisoformat(notice["send_at"]) == at.replace(hour=0, minute=0) + timedelta(
        days=1
    )
    # The same local evening in London (14:30 UTC = 14:30 GMT) is not quiet.
    london = rejection(timezone="Europe/London", rejected_at=at)
    await publish(svc, amqp_url, london)
    [other] = await notices_of(client, auth("hr_admin"), london.application_id)
    assert datetime.fromisoformat(other["send_at"]) == at
    for n in (notice, other):
        r = await client.post(f"/api/v1/notifications/{n['id']}/cancel", headers=auth("hr_admin"))
        assert r.status_code == 200 and r.json()["status"] == "cancelled"


async def test_smtp_down_is_retried_then_sent_once_when_back(
    svc, client, auth, amqp_url, mail_sink, clock
):
    mail_sink.stop()
    try:
        payload = rejection()
        await publish(svc, amqp_url, payload)
        [notice] = await notices_of(client, auth("hr_admin"), payload.application_id)

        async def retried() -> dict | None:
            r = await client.get(f"/api/v1/notifications/{notice['id']}", headers=auth("hr_admin"))
            body = r.json()
            return body if body["attempts"] >= 1 and body["status"] == "scheduled" else None

        first = await eventually(retried, timeout=15, message="a failed attempt")
        assert first["last_error"] and first["delivery_attempts"][0]["outcome"] == "retry"
        clock.advance(seconds=31)
        wake_dispatcher(svc)

        async def twice() -> dict | None:
            r = await client.get(f"/api/v1/notifications/{notice['id']}", headers=auth("hr_admin"))
            body = r.json()
            return body if body["attempts"] >= 2 and body["status"] == "scheduled" else None

        await eventually(twice, timeout=15, message="a second failed attempt")
    finally:
        mail_sink.start()
    clock.advance(minutes=5)
    wake_dispatcher(svc)
    sent = await notice_in(client, auth("hr_admin"), notice["id"], "sent", timeout=15)
    assert [a["outcome"] for a in sent["delivery_attempts"]] == ["retry", "retry", "sent"]
    await asyncio.sleep(0.5)
    assert len(mails_to(mail_sink, payload.candidate.email)) == 1
    async with svc.runtime.session_factory() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(DeliveryAttempt)
            .where(DeliveryAttempt.notification_id == uuid.UUID(notice["id"]))
        )
    assert count == 3


async def test_missing_contact_is_recorded_not_sent(svc, client, auth, amqp_url, clock):
    payload = rejection(email=None, channels=["email", "sms"])
    await publish(svc, amqp_url, payload)
    notices = await notices_of(client, auth("hr_admin"), payload.application_id, count=2)
    assert {n["status"] for n in notices} == {"cancelled"}
    reasons = " ".join(n["status_reason"] for n in notices)
    assert "no email address" in reasons and "no phone number" in reasons


async def test_sms_without_a_provider_fails_with_a_clear_error(svc, client, auth, amqp_url, clock):
    payload = rejection(phone="+8613800000000", channels=["sms"])
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, auth("hr_admin"), payload.application_id)
    failed = await notice_in(client, auth("hr_admin"), notice["id"], "failed")
    assert "NOTIFY_SMS_URL" in failed["last_error"]
    assert len(failed["body_text"]) < 400


async def test_notify_send_false_records_nothing(svc, client, auth, amqp_url, clock):
    payload = rejection(send=False)
    marker = rejection()
    await publish(svc, amqp_url, payload)
    await publish(svc, amqp_url, marker)
    await notices_of(client, auth("hr_admin"), marker.application_id)
    r = await client.get(
        "/api/v1/notifications",
        params={"application_id": payload.application_id},
        headers=auth("hr_admin"),
    )
    assert r.json()["items"] == []
