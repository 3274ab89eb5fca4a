"""`/api/v1/alert-preferences` and `/api/v1/chat-robots`: who may do what, and what
never comes back (robot credentials)."""

from __future__ import annotations

import uuid

import pytest
from notify_testkit import HR_COPY
from notify_webhooks_kit import HR_ALERTS

from notify_service.service.alerts import alert_templates_to_review
from notify_service.service.settings import hr_alert_reader


async def test_a_person_reads_and_replaces_their_own_preferences(client, auth):
    me = f"rec-{uuid.uuid4().hex[:6]}"
    first = await client.get("/api/v1/alert-preferences", headers=auth("recruiter", sub=me))
    assert first.status_code == 200
    assert first.json()["subject"] == me and first.json()["updated_at"] is None
    assert all(v == {"email": True} for v in first.json()["preferences"].values())
    # What goes to HR's alert address only is nobody's to switch off.
    assert set(first.json()["preferences"]) == {
        "decision_pending",
        "matches_found",
        "new_hire",
        "notice_held",
    }
    body = {"preferences": {"new_hire": {"email": False}}}
    put = await client.put(
        "/api/v1/alert-preferences", json=body, headers=auth("recruiter", sub=me)
    )
    assert put.status_code == 200 and put.json()["updated_by"] == me
    again = await client.get("/api/v1/alert-preferences", headers=auth("recruiter", sub=me))
    assert again.json()["preferences"]["new_hire"] == {"email": False}
    assert again.json()["preferences"]["notice_held"] == {"email": True}


async def test_only_hr_admin_manages_someone_elses_preferences(client, auth):
    other = f"mgr-{uuid.uuid4().hex[:6]}"
    body = {"preferences": {"matches_found": {"email": False}}}
    params = {"subject": other}
    denied = await client.put(
        "/api/v1/alert-preferences", params=params, json=body, headers=auth("recruiter")
    )
    assert denied.status_code == 403
    peek = await client.get("/api/v1/alert-preferences", params=params, headers=auth("recruiter"))
    assert peek.status_code == 403
    done = await client.put(
        "/api/v1/alert-preferences", params=params, json=body, headers=auth("hr_admin", sub="hr")
    )
    assert done.status_code == 200 and done.json()["subject"] == other
    assert done.json()["updated_by"] == "hr"
    theirs = await client.get("/api/v1/alert-preferences", headers=auth("interviewer", sub=other))
    assert theirs.json()["preferences"]["matches_found"] == {"email": False}


@pytest.mark.parametrize(
    "body",
    [
        {"preferences": {"no_such_kind": {"email": False}}},
        {"preferences": {"new_hire": {"pigeon": False}}},
        {"preferences": {"new_hire": {"email": "maybe"}}},
        {"preferences": {"recontact_due": {"email": False}}},
    ],
)
async def test_unknown_kinds_and_channels_are_422(client, auth, body):
    response = await client.put("/api/v1/alert-preferences", json=body, headers=auth("hr_admin"))
    assert response.status_code == 422, response.text


async def test_robot_credentials_are_stored_but_never_returned(client, auth):
    hr = auth("hr_admin")
    body = {
        "name": "招聘群",
        "scope": "position",
        "scope_id": f"pos-{uuid.uuid4().hex[:6]}",
        "provider": "wecom",
        "webhook_url": "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=very-secret-key",
    }
    created = await client.post("/api/v1/chat-robots", json=body, headers=hr)
    assert created.status_code == 201, created.text
    robot = created.json()
    assert created.headers["location"] == f"/api/v1/chat-robots/{robot['id']}"
    assert robot["webhook_host"] == "qyapi.weixin.qq.com" and robot["has_secret"] is False
    listed = await client.get("/api/v1/chat-robots", params={"scope": "position"}, headers=hr)
    read = await client.get(f"/api/v1/chat-robots/{robot['id']}", headers=hr)
    for response in (created, listed, read):
        assert "very-secret-key" not in response.text
    # PUT without the URL keeps it; switching to DingTalk needs the signing secret.
    renamed = await client.put(
        f"/api/v1/chat-robots/{robot['id']}",
        json={**{k: v for k, v in body.items() if k != "webhook_url"}, "name": "新名字"},
        headers=hr,
    )
    assert renamed.status_code == 200 and renamed.json()["webhook_host"] == "qyapi.weixin.qq.com"
    unsigned = await client.put(
        f"/api/v1/chat-robots/{robot['id']}", json={**body, "provider": "dingtalk"}, headers=hr
    )
    assert unsigned.status_code == 422 and "secret" in unsigned.text
    gone = await client.delete(f"/api/v1/chat-robots/{robot['id']}", headers=hr)
    assert gone.status_code == 204
    missing = await client.get(f"/api/v1/chat-robots/{robot['id']}", headers=hr)
    assert missing.status_code == 404


@pytest.mark.parametrize(
    "change",
    [
        {"scope": "default", "scope_id": "pos-1"},
        {"scope": "org_unit", "scope_id": None},
        {"provider": "slack"},
        {"webhook_url": "ftp://robots.example/hook"},
        {"timezone": "Mars/Olympus"},
    ],
)
async def test_bad_robots_are_422(client, auth, change):
    body = {
        "name": "x",
        "scope": "position",
        "scope_id": "pos-1",
        "provider": "feishu",
        "webhook_url": "https://open.feishu.cn/open-apis/bot/v2/hook/x",
        "secret": "s",
        **change,
    }
    response = await client.post("/api/v1/chat-robots", json=body, headers=auth("hr_admin"))
    assert response.status_code == 422, response.text


async def test_robots_are_hr_admins_business(client, auth):
    response = await client.get("/api/v1/chat-robots", headers=auth("recruiter"))
    assert response.status_code == 403


async def test_robot_urls_follow_the_webhook_targets_rules(svc, client, auth):
    # A robot's URL is posted to from inside the network: outside dev/test (private
    # targets not allowed) the webhook rules apply, https only and no internal address.
    # They were checked for the scheme only, and a refused answer's text was read back.
    body = {"name": "x", "scope": "position", "scope_id": "pos-1", "provider": "wecom"}
    settings = svc.runtime.settings
    settings.webhook_allow_private_targets = False
    try:
        for url, rule in [
            ("http://93.184.216.34/robot/send", "https-required"),
            ("https://169.254.169.254/latest/meta-data/iam", "link-local"),
            ("https://127.0.0.1:5432/", "loopback"),
            ("https://[::ffff:10.0.0.1]/x", "private"),
            ("https://a..b/hook", "unresolvable"),
        ]:
            r = await client.post(
                "/api/v1/chat-robots", json={**body, "webhook_url": url}, headers=auth("hr_admin")
            )
            assert r.status_code == 422, (url, r.text)
            problem = r.json()
            assert f"(rule: {rule})" in problem["detail"], (url, problem)
            assert problem["errors"][0]["loc"] == ["body", "webhook_url"]
    finally:
        settings.webhook_allow_private_targets = None
    # In dev/test, a local receiver is allowed (the tests' own).
    r = await client.post(
        "/api/v1/chat-robots",
        json={**body, "webhook_url": "http://127.0.0.1:9000/hook"},
        headers=auth("hr_admin"),
    )
    assert r.status_code == 201, r.text
    await client.delete(f"/api/v1/chat-robots/{r.json()['id']}", headers=auth("hr_admin"))


async def test_hr_sets_where_alerts_for_hr_go_and_unset_the_deployment_s_apply(svc, client, auth):
    """HR's alert address, language and time zone are settings HR changes (PUT
    /settings); left out, the deployment's NOTIFY_HR_ALERT_* apply again."""
    h = auth("hr_admin")
    base = {"cc_hr": HR_COPY, "company_name": "Acme"}
    bad = await client.put(
        "/api/v1/settings",
        headers=h,
        json={**base, "hr_alert_timezone": "Factory", "hr_alert_locale": "not a tag!"},
    )
    assert bad.status_code == 422
    assert "unknown IANA time zone 'Factory'" in bad.text  # a tz name, but no place's time
    assert {tuple(e["loc"])[-1] for e in bad.json()["errors"]} == {
        "hr_alert_timezone",
        "hr_alert_locale",
    }
    try:
        put = await client.put(
            "/api/v1/settings",
            headers=h,
            json={
                **base,
                "hr_alert_email": "Talent-Team＠ａｃｍｅ.example",  # full-width mode, capitals
                "hr_alert_locale": "en_us",
                "hr_alert_timezone": "europe/berlin",
            },
        )
        assert put.status_code == 200, put.text
        assert put.json()["hr_alert_locale"] == "en-US"  # stored canonical
        assert put.json()["hr_alert_timezone"] == "Europe/Berlin"
        async with svc.runtime.uow_factory() as uow:
            alert = await alert_templates_to_review(uow, ["x"], release=uuid.uuid4().hex)
            await uow.commit()
        assert alert is not None
        assert (alert.recipient, alert.locale, alert.timezone) == (
            "talent-team@acme.example",
            "en-US",
            "Europe/Berlin",
        )
        assert alert.subject == "1 notice template to review after an update"
    finally:
        reset = await client.put("/api/v1/settings", headers=h, json=base)
        assert reset.status_code == 200 and reset.json()["hr_alert_email"] is None
    async with svc.runtime.uow_factory() as uow:
        assert (await hr_alert_reader(uow)).email == HR_ALERTS  # the deployment's again
