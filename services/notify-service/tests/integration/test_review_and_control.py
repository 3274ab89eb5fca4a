"""Compliance hold, review_required, HR control, invitations."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime

from notify_testkit import (
    mails_to,
    noon_zone,
    notice_in,
    notices_of,
    publish,
    rejection,
    survey_token_in,
    wake_dispatcher,
)

from talentloop_shared.events.payloads import TalentInvited


async def test_discriminatory_reason_is_held_until_approved(
    svc, client, auth, amqp_url, mail_sink, clock
):
    for reason in ("too old for this team", "年龄偏大"):
        payload = rejection(reasons=[reason])
        await publish(svc, amqp_url, payload)
        [notice] = await notices_of(client, auth("hr_admin"), payload.application_id)
        assert notice["status"] == "pending_review"
        assert any(f["phrase"] in reason for f in notice["flags"])
        assert notice["flags"][0]["source"] in {"reasons", "body"}
        wake_dispatcher(svc)
        await asyncio.sleep(0.4)
        assert mails_to(mail_sink, payload.candidate.email) == []
        send_now = await client.post(
            f"/api/v1/notifications/{notice['id']}/send-now", headers=auth("recruiter")
        )
        assert send_now.status_code == 409
        approved = await client.post(
            f"/api/v1/notifications/{notice['id']}/approve", headers=auth("recruiter")
        )
        assert approved.status_code == 200 and approved.json()["status"] == "scheduled"
        await notice_in(client, auth("hr_admin"), notice["id"], "sent")
        assert len(mails_to(mail_sink, payload.candidate.email)) == 1
        again = await client.post(
            f"/api/v1/notifications/{notice['id']}/cancel", headers=auth("hr_admin")
        )
        assert again.status_code == 409


async def test_review_required_holds_every_rejection(svc, client, auth, amqp_url, clock):
    h = auth("hr_admin")
    current = (await client.get("/api/v1/settings", headers=h)).json()
    body = {
        k: current[k]
        for k in (
            "default_delay_minutes",
            "quiet_hours",
            "cc_hr",
            "company_name",
            "survey_expiry_days",
        )
    }
    r = await client.put("/api/v1/settings", headers=h, json={**body, "review_required": True})
    assert r.status_code == 200 and r.json()["review_required"] is True
    try:
        payload = rejection()
        await publish(svc, amqp_url, payload)
        [notice] = await notices_of(client, h, payload.application_id)
        assert notice["status"] == "pending_review" and notice["flags"] == []
        cancelled = await client.post(f"/api/v1/notifications/{notice['id']}/cancel", headers=h)
        assert cancelled.json()["status"] == "cancelled"
        approve = await client.post(f"/api/v1/notifications/{notice['id']}/approve", headers=h)
        assert approve.status_code == 409
    finally:
        await client.put("/api/v1/settings", headers=h, json={**body, "review_required": False})


async def test_send_now_skips_the_delay(svc, client, auth, amqp_url, mail_sink, clock):
    payload = rejection(delay_minutes=600)
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, auth("recruiter"), payload.application_id)
    r = await client.post(
        f"/api/v1/notifications/{notice['id']}/send-now", headers=auth("recruiter")
    )
    assert r.status_code == 200
    await notice_in(client, auth("recruiter"), notice["id"], "sent")
    assert len(mails_to(mail_sink, payload.candidate.email)) == 1
    assert (
        await client.post(
            f"/api/v1/notifications/{notice['id']}/send-now", headers=auth("recruiter")
        )
    ).status_code == 409


async def test_integration_role_reads_but_cannot_control(svc, client, auth, amqp_url, clock):
    payload = rejection(delay_minutes=600)
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, auth("integration"), payload.application_id)
    r = await client.post(
        f"/api/v1/notifications/{notice['id']}/cancel", headers=auth("integration")
    )
    assert r.status_code == 403
    assert (await client.get("/api/v1/settings", headers=auth("recruiter"))).status_code == 403
    missing = await client.get(f"/api/v1/notifications/{uuid.uuid4()}", headers=auth("hr_admin"))
    assert missing.status_code == 404
    await client.post(f"/api/v1/notifications/{notice['id']}/cancel", headers=auth("hr_admin"))


async def test_talent_invited_sends_an_invitation_in_the_candidates_language(
    svc, client, auth, amqp_url, mail_sink, clock
):
    uid = uuid.uuid4().hex[:8]
    payload = TalentInvited(
        invitation_id=f"inv-{uid}",
        match_id=f"m-{uid}",
        invited_by="hr-1",
        invited_at=datetime.now(UTC),
        candidate={
            "id": f"c-{uid}",
            "name": "李娜",
            "email": f"li-{uid}@example.com",
            "locale": "zh-CN",
            "timezone": noon_zone(),
        },
        position={"id": f"p-{uid}", "title": "医疗数据分析师", "job_family": "data"},
        message="去年和您交流时印象很深",
    )
    await publish(svc, amqp_url, payload, event_type="talent-invited")
    from notify_testkit import as_awaitable

    from talentloop_shared.testing.plugin import eventually

    mails = await eventually(
        lambda: as_awaitable(mails_to(mail_sink, f"li-{uid}@example.com")),
        timeout=10,
        message="invitation mail",
    )
    text = mails[0].text()
    assert "李娜" in text and "医疗数据分析师" in text
    r = await client.get(
        "/api/v1/notifications", params={"candidate_id": f"c-{uid}"}, headers=auth("hr_admin")
    )
    [notice] = r.json()["items"]
    assert notice["kind"] == "invitation" and notice["template_name"].startswith("invitation")


async def test_hr_rewords_a_held_notice_and_the_guard_checks_it_again(
    svc, client, auth, amqp_url, mail_sink, clock
):
    payload = rejection(reasons=["too old for this team"])
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, auth("hr_admin"), payload.application_id)
    assert notice["status"] == "pending_review"
    url = f"/api/v1/notifications/{notice['id']}"
    text = notice["body_text"]
    # Staff see the survey link hidden; the edit keeps it as they see it.
    assert "/survey/[hidden]" in text and "too old" in text
    still = await client.patch(
        url, headers=auth("recruiter"), json={"body_text": text.replace("too old", "too young")}
    )
    assert still.status_code == 200, still.text
    assert still.json()["status"] == "pending_review"
    assert [f["phrase"] for f in still.json()["flags"]] == ["too young"]
    clean = text.replace("too old for this team", "the role needs more people leadership")
    edited = await client.patch(
        url,
        headers=auth("recruiter"),
        json={"body_text": clean, "subject": "About your application"},
    )
    body = edited.json()
    assert edited.status_code == 200 and body["status"] == "pending_review", body
    assert body["flags"] == [] and body["subject"] == "About your application"
    assert body["body_text"] == clean and "/survey/[hidden]" in body["body_html"]
    assert body["status_reason"].startswith("edited by ")
    approved = await client.post(f"{url}/approve", headers=auth("recruiter"))
    assert approved.status_code == 200
    await notice_in(client, auth("hr_admin"), notice["id"], "sent")
    [mail] = mails_to(mail_sink, payload.candidate.email)
    assert mail.subject == "About your application"
    assert "people leadership" in mail.text() and "too old" not in mail.text()
    # The candidate's link came back: it opens their survey.
    assert "[hidden]" not in mail.text()
    token = survey_token_in(mail.text())
    assert (await client.get(f"/survey/{token}")).status_code == 200
    # Once sent (or never held), a notice cannot be reworded; an empty text is refused.
    late = await client.patch(url, headers=auth("recruiter"), json={"body_text": "x"})
    assert late.status_code == 409
    empty = await client.patch(url, headers=auth("recruiter"), json={"body_text": ""})
    assert empty.status_code == 422
