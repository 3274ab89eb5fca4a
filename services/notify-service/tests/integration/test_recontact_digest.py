"""The daily re-contact digest (talent's recontact-due) as an email to HR's alert address:
real RabbitMQ, PostgreSQL and SMTP sink."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from notify_testkit import as_awaitable, mails_to, publish
from sqlalchemy import select

from notify_service.db.models import Notification
from notify_service.service.state import notify_state
from talentloop_shared.events.payloads import CandidateErased, RecontactDue
from talentloop_shared.testing.harness import applied
from talentloop_shared.testing.plugin import eventually


@pytest.fixture
def hr_alert_address(svc) -> Iterator[str]:
    settings = notify_state(svc.runtime).settings
    address = f"hr-digest-{uuid.uuid4().hex[:6]}@acme.example"
    settings.hr_alert_email, before = address, settings.hr_alert_email
    yield address
    settings.hr_alert_email = before


def _digest(count: int, names: list[str]) -> RecontactDue:
    due = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
    return RecontactDue.model_validate(
        {
            "day": date(2026, 11, 28).isoformat(),
            "timezone": "Asia/Shanghai",
            "count": count,
            "top": [
                {
                    "talent_id": f"talent-{uuid.uuid4().hex[:10]}",
                    "name": name,
                    "due_since": (due + timedelta(days=i)).isoformat(),
                    "last_contacted_at": None if i else "2026-05-20T02:00:00+00:00",
                    "tags": ["沟通能力", "sql"],
                    "last_position": "数据分析师",
                }
                for i, name in enumerate(names)
            ],
        }
    )


async def _mails(sink, address: str, count: int = 1) -> Any:
    return await eventually(
        lambda: as_awaitable(
            mails_to(sink, address) if len(mails_to(sink, address)) >= count else None
        ),
        timeout=15,
        message=f"{count} digest(s) to {address}",
    )


async def _digests(svc) -> list[Notification]:
    async with svc.runtime.session_factory() as session:
        rows = await session.scalars(
            select(Notification).where(Notification.kind == "alert.recontact_due")
        )
        return list(rows)


async def _digest_row(svc, event_id: str) -> Notification | None:
    rows = [n for n in await _digests(svc) if n.source_event_id.startswith(f"{event_id}/")]
    assert len(rows) <= 1
    return rows[0] if rows else None


async def _sent(svc, event_id: str) -> Notification:
    """The digest's notice once the dispatcher has recorded it sent (the mail reaches the
    SMTP server a moment before the dispatcher writes down that it went out)."""

    async def recorded() -> Notification | None:
        row = await _digest_row(svc, event_id)
        return row if row is not None and row.status == "sent" else None

    return await eventually(recorded, timeout=15, message="the digest recorded as sent")


async def test_the_digest_is_one_email_to_hr_in_chinese_with_the_count_and_names(
    svc, amqp_url, mail_sink, hr_alert_address
):
    names = [f"王{uuid.uuid4().hex[:4]}", f"李{uuid.uuid4().hex[:4]}"]
    payload = _digest(23, names)
    event_id = uuid.uuid4()
    first = await publish(svc, amqp_url, payload, event_type="recontact-due", event_id=event_id)
    # The same event delivered again (a relay retry): still one email.
    again = await publish(svc, amqp_url, payload, event_type="recontact-due", event_id=event_id)
    assert first == again
    [mail] = await _mails(mail_sink, hr_alert_address)
    assert mail.subject == "人才库中有 23 位候选人今日需要回访（2026-11-28）"
    text = mail.text()
    assert "人才库中有 23 位候选人今日（2026-11-28）需要回访。" in text
    # Dates in HR's time zone (Asia/Shanghai), a never-contacted person said so.
    assert f"- {names[0]}，自 2026-11-20 起待回访，上次联系：2026-05-20，曾应聘 数据分析师" in text
    assert f"- {names[1]}，自 2026-11-21 起待回访，上次联系：从未联系" in text
    assert "——沟通能力, sql" in text
    assert "……另有 21 位" in text
    talent_id = payload.top[0].talent_id
    assert f"档案：http://127.0.0.1:8000/talent/{talent_id}" in text
    assert "http://127.0.0.1:8000/talent/reminders" in text
    row = await _sent(svc, str(event_id))
    assert row.locale == "zh-CN"
    assert mails_to(mail_sink, hr_alert_address) == [mail]


async def test_without_an_hr_alert_address_nobody_is_told(svc, amqp_url, mail_sink):
    settings = notify_state(svc.runtime).settings
    before, settings.hr_alert_email = settings.hr_alert_email, None
    try:
        event_id = await publish(svc, amqp_url, _digest(1, ["赵一"]), event_type="recontact-due")
        await applied(svc, event_id)
    finally:
        settings.hr_alert_email = before
    assert await _digest_row(svc, event_id) is None


async def test_an_erasure_takes_the_person_out_of_sent_digests_and_later_ones(
    svc, amqp_url, mail_sink, hr_alert_address
):
    gone, stays = f"钱{uuid.uuid4().hex[:4]}", f"孙{uuid.uuid4().hex[:4]}"
    payload = _digest(2, [gone, stays])
    event_id = await publish(svc, amqp_url, payload, event_type="recontact-due")
    [mail] = await _mails(mail_sink, hr_alert_address)
    assert gone in mail.text()
    await _sent(svc, event_id)

    erased = CandidateErased(
        candidate_id=payload.top[0].talent_id, erased_at=datetime.now(UTC), reason="asked"
    )
    await applied(svc, await publish(svc, amqp_url, erased, event_type="candidate-erased"))
    row = await _digest_row(svc, event_id)
    assert row is not None and row.status == "sent"
    assert row.subject == "人才库中有 1 位候选人今日需要回访（2026-11-28）"
    assert gone not in (row.body_text or "") and gone not in str(row.params)
    assert stays in (row.body_text or "")
    assert payload.top[0].talent_id not in str(row.params)

    # A digest that arrives after the erasure (talent had not heard yet) leaves them out.
    later = await publish(svc, amqp_url, payload, event_type="recontact-due")
    [_, second] = await _mails(mail_sink, hr_alert_address, 2)
    assert gone not in second.text() and stays in second.text()
    assert second.subject == "人才库中有 1 位候选人今日需要回访（2026-11-28）"
    assert (await _digest_row(svc, later)) is not None
