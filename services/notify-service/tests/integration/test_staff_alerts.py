"""Alerts to staff through the notice pipeline: real RabbitMQ, PostgreSQL, SMTP sink and
local team-chat robot servers."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from chat_testkit import DINGTALK_SECRET, FEISHU_SECRET, message_text, robot_servers
from notify_testkit import as_awaitable, mails_to, notices_of, publish, rejection
from sqlalchemy import select

from notify_service.db.alert_models import PositionUnit
from notify_service.db.models import Notification
from notify_service.service.state import notify_state
from talentloop_shared.events.payloads import (
    CandidateErased,
    CandidateHired,
    DecisionPending,
    MatchesFound,
    PositionChanged,
    PositionOwners,
)
from talentloop_shared.testing.harness import applied
from talentloop_shared.testing.plugin import eventually


def _person(role: str, *, locale: str = "en", timezone: str = "UTC", email: bool = True) -> dict:
    uid = uuid.uuid4().hex[:8]
    return {
        "id": f"person-{uid}",
        "name": f"{role.title()} {uid}",
        "email": f"{role}-{uid}@acme.example" if email else None,
        "locale": locale,
        "timezone": timezone,
        "subject": f"{role}-{uid}",
    }


def _position(recruiter: dict | None = None, manager: dict | None = None, **extra: Any) -> dict:
    uid = uuid.uuid4().hex[:8]
    owners = {"recruiter": recruiter, "hiring_manager": manager} if recruiter or manager else None
    return {
        "id": f"pos-{uid}",
        "version": 1,
        "title": "Backend Engineer",
        "titles": {"zh-CN": "后端工程师"},
        "job_family": "engineering",
        "owners": owners,
        **extra,
    }


def _matches(position: dict, count: int = 3) -> MatchesFound:
    return MatchesFound.model_validate(
        {
            "position": position,
            "count": count,
            "top": [
                {"talent_id": "t-1", "name": "Li Na", "score": 8.7, "explanation": "Go, Kafka"},
                {"talent_id": "t-2", "name": "Chen Jie", "score": 7.9, "explanation": "Go"},
            ],
        }
    )


async def _alerts(svc, position_id: str) -> list[Notification]:
    async with svc.runtime.session_factory() as session:
        rows = await session.scalars(
            select(Notification).where(
                Notification.position_id == position_id, Notification.kind.like("alert.%")
            )
        )
        return list(rows)


async def _mail(sink, address: str, count: int = 1):
    return await eventually(
        lambda: as_awaitable(
            mails_to(sink, address) if len(mails_to(sink, address)) >= count else None
        ),
        timeout=15,
        message=f"{count} alert(s) to {address}",
    )


async def test_matches_found_sends_one_alert_to_the_recruiter_with_count_and_top_matches(
    svc, amqp_url, mail_sink
):
    recruiter = _person("recruiter")
    # The recruiter is also the hiring manager: one person, one alert.
    position = _position(recruiter, dict(recruiter))
    await publish(svc, amqp_url, _matches(position), event_type="matches-found")
    [mail] = await _mail(mail_sink, recruiter["email"])
    text = mail.text()
    assert "3 candidates in the pool match Backend Engineer" in mail.subject
    assert "Li Na (8.7): Go, Kafka" in text and "Chen Jie (7.9): Go" in text
    assert f"/talent/matches?opening={position['id']}" in text  # the console's page
    alerts = await _alerts(svc, position["id"])
    assert [(a.kind, a.channel, a.recipient) for a in alerts] == [
        ("alert.matches_found", "email", recruiter["email"])
    ]
    assert alerts[0].cc is None  # HR's copy of candidate notices is not for alerts


async def test_decision_pending_tells_each_owner_the_deadline_in_their_time_zone(
    svc, amqp_url, mail_sink
):
    recruiter = _person("recruiter", locale="zh-CN", timezone="Asia/Shanghai")
    manager = _person("manager", locale="en", timezone="America/New_York")
    payload = DecisionPending.model_validate(
        {
            "application_id": f"app-{uuid.uuid4().hex[:8]}",
            "decides_at": "2026-12-01T02:00:00+00:00",
            "mode": "unanimous_no_hire",
            "candidate_name": "Zhang Wei",
            "position": _position(recruiter, manager),
            "strengths": ["clear algorithm design"],
            "reasons": [{"code": "missing_experience", "text": "no Go in production"}],
        }
    )
    await publish(svc, amqp_url, payload, event_type="decision-pending")
    [zh] = await _mail(mail_sink, recruiter["email"])
    [en] = await _mail(mail_sink, manager["email"])
    assert "2026-12-01 10:00 (Asia/Shanghai)" in zh.subject and "待定决定" in zh.subject
    assert "后端工程师" in zh.text() and "面试官一致不通过" in zh.text()
    assert "2026-11-30 21:00 (America/New_York)" in en.subject
    for mail in (zh, en):
        assert "no Go in production" in mail.text()
        # The console's pages: the review queue (confirm, edit, overturn) and the application.
        decision = f"http://127.0.0.1:8000/decisions?application={payload.application_id}"
        assert f"{decision}\n" in mail.text()
        assert f"/pipeline/applications/{payload.application_id}" in mail.text()
        assert "POST" not in mail.text()


async def test_a_kind_switched_off_sends_that_person_no_email(
    svc, client, auth, amqp_url, mail_sink
):
    recruiter, manager = _person("recruiter"), _person("manager")
    off = {"preferences": {"matches_found": {"email": False}}}
    response = await client.put(
        "/api/v1/alert-preferences", json=off, headers=auth("interviewer", sub=manager["subject"])
    )
    assert response.status_code == 200, response.text
    assert response.json()["preferences"]["matches_found"] == {"email": False}
    assert response.json()["preferences"]["decision_pending"] == {"email": True}
    position = _position(recruiter, manager)
    await publish(svc, amqp_url, _matches(position), event_type="matches-found")
    await _mail(mail_sink, recruiter["email"])
    # Both alerts would have been written in one transaction: the recruiter's arrived,
    # so the manager's does not exist.
    alerts = await _alerts(svc, position["id"])
    assert [a.recipient for a in alerts] == [recruiter["email"]]
    assert mails_to(mail_sink, manager["email"]) == []


@pytest.fixture
def hr_alert_address(svc) -> Iterator[str]:
    settings = notify_state(svc.runtime).settings
    address = f"hr-alerts-{uuid.uuid4().hex[:6]}@acme.example"
    settings.hr_alert_email, before = address, settings.hr_alert_email
    yield address
    settings.hr_alert_email = before


async def test_a_position_without_owners_alerts_hr_in_its_language(
    svc, amqp_url, mail_sink, hr_alert_address
):
    position = _position()
    await publish(svc, amqp_url, _matches(position, count=1), event_type="matches-found")
    [mail] = await _mail(mail_sink, hr_alert_address)
    assert mail.subject == "人才库中有 1 位候选人匹配 后端工程师"  # NOTIFY_HR_ALERT_LOCALE zh-CN


async def test_a_held_rejection_notice_alerts_the_owners_with_the_flagged_phrase(
    svc, amqp_url, mail_sink
):
    recruiter = _person("recruiter")
    payload = rejection(reasons=["too old for this team"])
    payload.position.owners = PositionOwners.model_validate({"recruiter": recruiter})
    await publish(svc, amqp_url, payload)
    [mail] = await _mail(mail_sink, recruiter["email"])
    assert "held for review" in mail.subject and payload.candidate.name in mail.subject
    assert "too old" in mail.text()
    async with svc.runtime.session_factory() as session:
        held = await session.scalars(
            select(Notification.id).where(
                Notification.application_id == payload.application_id,
                Notification.kind == "rejection",
            )
        )
        ids = list(held)
    assert ids and all(f"http://127.0.0.1:8000/notices/{i}" in mail.text() for i in ids)
    assert "POST" not in mail.text()  # a person reads it: the console's page, not the API
    assert mails_to(mail_sink, payload.candidate.email) == []  # the notice itself is held


async def test_a_hire_alerts_the_owners_with_the_gaps_and_the_plan(svc, amqp_url, mail_sink):
    manager = _person("manager")
    payload = CandidateHired.model_validate(
        {
            "application_id": f"app-{uuid.uuid4().hex[:8]}",
            "hired_at": datetime.now(UTC).isoformat(),
            "decided_by": "hr-1",
            "candidate": {"id": f"cand-{uuid.uuid4().hex[:8]}", "name": "Wang Fang"},
            "position": _position(None, manager),
            "gaps": [{"dimension": "system_design", "text": "distributed tracing"}],
        }
    )
    await publish(svc, amqp_url, payload, event_type="candidate-hired")
    [mail] = await _mail(mail_sink, manager["email"])
    assert "New hire: Wang Fang" in mail.subject
    assert "distributed tracing" in mail.text()
    assert f"/talent/plans?application={payload.application_id}" in mail.text()


async def _robot(client, auth, **body: Any) -> dict:
    response = await client.post("/api/v1/chat-robots", json=body, headers=auth("hr_admin"))
    assert response.status_code == 201, response.text
    return response.json()


async def test_alerts_reach_the_position_robot_and_the_org_unit_robot_signed(
    svc, client, auth, amqp_url, mail_sink
):
    with robot_servers() as servers:
        direct = _position(_person("recruiter"))
        ding = await _robot(
            client,
            auth,
            name="后端招聘群",
            scope="position",
            scope_id=direct["id"],
            provider="dingtalk",
            webhook_url=servers.url("dingtalk"),
            secret=DINGTALK_SECRET,
        )
        assert "secret" not in ding and ding["has_secret"] is True
        assert ding["webhook_host"] == "127.0.0.1" and "access_token" not in str(ding)

        unit_id = f"unit-{uuid.uuid4().hex[:8]}"
        in_unit = _position(_person("recruiter"))
        snapshot = {
            **in_unit,
            "status": "open",
            "org_unit": {"id": unit_id, "name": "Platform"},
            "owners": in_unit["owners"],
        }
        await publish(
            svc,
            amqp_url,
            PositionChanged.model_validate({"change": "created", "position": snapshot}),
            event_type="position-changed",
        )
        await _robot(
            client,
            auth,
            name="Platform 飞书群",
            scope="org_unit",
            scope_id=unit_id,
            provider="feishu",
            webhook_url=servers.url("feishu"),
            secret=FEISHU_SECRET,
            locale="en",
        )

        async def unit_known() -> bool | None:
            async with svc.runtime.session_factory() as session:
                return (await session.get(PositionUnit, in_unit["id"])) is not None or None

        await eventually(unit_known, timeout=10, message="position-changed recorded")
        await publish(svc, amqp_url, _matches(direct), event_type="matches-found")
        await publish(svc, amqp_url, _matches(in_unit, count=5), event_type="matches-found")

        def both() -> Any:
            return as_awaitable(
                servers.received if servers.of("dingtalk") and servers.of("feishu") else None
            )

        await eventually(both, timeout=15, message="both robots posted to")
        assert servers.refused == []  # every signature verified
        [ding_msg] = servers.of("dingtalk")
        [feishu_msg] = servers.of("feishu")
        assert "人才库中有 3 位候选人匹配 后端工程师" in message_text(ding_msg)  # robot: zh-CN
        assert "5 candidates in the pool match Backend Engineer" in message_text(feishu_msg)

        async def recorded() -> list[tuple[str | None, str]] | None:
            chats = [a for a in await _alerts(svc, direct["id"]) if a.channel == "chat"]
            return [(a.recipient, a.status) for a in chats] if chats[0].status == "sent" else None

        assert await eventually(recorded, timeout=10, message="sent") == [(ding["id"], "sent")]


async def test_sms_notices_carry_template_params_and_an_erasure_clears_them(
    svc, client, auth, amqp_url
):
    payload = rejection(channels=["sms"], phone="+8613800138000", name="王小明", delay_minutes=120)
    payload.position.titles = {"zh-CN": "后端工程师"}
    payload.candidate.locale = "zh-CN"
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, auth("hr_admin"), payload.application_id)

    async def row() -> Notification | None:
        async with svc.runtime.session_factory() as session:
            return await session.get(Notification, uuid.UUID(notice["id"]))

    found = await row()
    assert found is not None and found.params is not None
    assert found.params["name"] == "王小明" and found.params["position"] == "后端工程师"
    assert found.params["survey_link"] == found.survey_url
    erased = CandidateErased(
        candidate_id=payload.candidate.id, erased_at=datetime.now(UTC), reason="consent withdrawn"
    )
    await publish(svc, amqp_url, erased, event_type="candidate-erased")

    async def params_gone() -> bool | None:
        current = await row()
        return (
            current is not None and current.status == "cancelled" and current.params is None
        ) or None

    await eventually(params_gone, timeout=10, message="the erasure clears the SMS parameters")


def _pending(position: dict, candidate_id: str, name: str) -> DecisionPending:
    return DecisionPending.model_validate(
        {
            "application_id": f"app-{uuid.uuid4().hex[:8]}",
            "decides_at": "2026-12-01T02:00:00+00:00",
            "mode": "unanimous_no_hire",
            "candidate_id": candidate_id,
            "candidate_name": name,
            "position": position,
            "reasons": [{"code": "missing_experience", "text": "no Go in production"}],
        }
    )


async def _erase(svc, amqp_url, candidate_id: str) -> None:
    erased = CandidateErased(candidate_id=candidate_id, erased_at=datetime.now(UTC), reason="asked")
    await applied(svc, await publish(svc, amqp_url, erased, event_type="candidate-erased"))


async def test_an_erasure_scrubs_the_pending_decision_alerts_about_the_candidate(
    svc, amqp_url, mail_sink
):
    recruiter = _person("recruiter")
    position = _position(recruiter)
    candidate_id, name = f"c-{uuid.uuid4().hex[:8]}", f"Zhao {uuid.uuid4().hex[:6]}"
    await publish(
        svc, amqp_url, _pending(position, candidate_id, name), event_type="decision-pending"
    )
    [mail] = await _mail(mail_sink, recruiter["email"])
    assert name in mail.text()
    [alert] = await _alerts(svc, position["id"])
    assert alert.candidate_id == candidate_id

    await _erase(svc, amqp_url, candidate_id)
    [alert] = await _alerts(svc, position["id"])
    assert alert.subject is None and alert.body_text is None and alert.recipient is None
    # A pending decision about them that arrives later tells nobody.
    other = _position(recruiter)
    await applied(
        svc,
        await publish(
            svc, amqp_url, _pending(other, candidate_id, name), event_type="decision-pending"
        ),
    )
    assert await _alerts(svc, other["id"]) == []


async def test_an_erasure_takes_the_person_out_of_match_alerts_sent_and_later(
    svc, amqp_url, mail_sink
):
    recruiter = _person("recruiter")
    position = _position(recruiter)
    payload = _matches(position, count=3)
    gone = payload.top[0].talent_id = f"t-{uuid.uuid4().hex[:8]}"
    await publish(svc, amqp_url, payload, event_type="matches-found")
    [mail] = await _mail(mail_sink, recruiter["email"])
    assert "Li Na" in mail.text()

    await _erase(svc, amqp_url, gone)
    [alert] = await _alerts(svc, position["id"])
    assert alert.status == "sent" and alert.recipient == recruiter["email"]
    assert "Li Na" not in (alert.body_text or "") and "Chen Jie (7.9): Go" in (
        alert.body_text or ""
    )
    assert "2 candidates in the pool match Backend Engineer" in (alert.subject or "")
    assert gone not in str(alert.params) and "Li Na" not in str(alert.params)

    # A match alert that arrives after the erasure leaves them out (and does not count them).
    later = _position(recruiter)
    await publish(
        svc,
        amqp_url,
        _matches(later, count=3).model_copy(update={"top": payload.top}),
        event_type="matches-found",
    )
    [_, second] = await _mail(mail_sink, recruiter["email"], 2)
    assert "Li Na" not in second.text() and "Chen Jie" in second.text()
    assert "2 candidates in the pool match" in second.subject
