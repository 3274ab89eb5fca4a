"""The candidate survey and the HR feedback summary."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from notify_testkit import notice_in, notices_of, publish, rejection

from notify_service.domain import make_token
from talentloop_shared.testing.harness import event_probe


async def _sent_notice(svc, client, auth, amqp_url, **kw):
    payload = rejection(**kw)
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, auth("hr_admin"), payload.application_id)
    notice = await notice_in(client, auth("hr_admin"), notice["id"], "sent")
    link = next(w for w in notice["body_text"].split() if "/survey/" in w)
    return notice, link.split("/survey/")[1].rstrip(".。")


async def test_answers_publish_feedback_and_reach_the_summary(svc, client, auth, amqp_url, clock):
    family = "survey-fam"
    notice, token = await _sent_notice(svc, client, auth, amqp_url, job_family=family)
    ns = svc.runtime.settings.amqp_namespace
    async with event_probe(amqp_url, ns, ["feedback-received"]) as probe:
        page = await client.get(f"/survey/{token}")
        assert page.status_code == 200 and 'lang="en"' in page.text
        assert '<label for="tone-5">5</label>' in page.text
        r = await client.post(
            f"/api/v1/surveys/{token}",
            json={
                "tone": 5,
                "detail": 4,
                "timeliness": 5,
                "helpfulness": 4,
                "comment": "Kind and specific",
                "open_to_future_roles": True,
            },
        )
        assert r.status_code == 200 and r.json()["times_answered"] == 1
        # Re-answering updates the one response.
        r = await client.post(f"/api/v1/surveys/{token}", json={"tone": 4, "detail": 4})
        assert r.json()["times_answered"] == 2
        events = await probe.wait_for(2, event_type="feedback-received")
    data = events[0].data
    assert data["notification_id"] == notice["id"] and data["job_family"] == family
    assert data["ratings"]["tone"] == 5 and data["open_to_future_roles"] is True
    assert events[1].data["ratings"] == {"tone": 4, "detail": 4}

    summary = (
        await client.get(
            "/api/v1/feedback/summary", params={"group_by": "job_family"}, headers=auth("recruiter")
        )
    ).json()
    [group] = [g for g in summary["groups"] if g["group"] == family]
    assert group["notices_sent"] == 1 and group["responses"] == 1
    assert group["response_rate"] == 1.0 and group["mean_ratings"]["tone"] == 4.0
    assert group["share_satisfied"] == 1.0
    assert group["median_minutes_to_send"] is not None and group["median_minutes_to_send"] < 1
    by_template = (
        await client.get(
            "/api/v1/feedback/summary", params={"group_by": "template"}, headers=auth("hr_admin")
        )
    ).json()
    assert any(g["label"] == notice["template_name"] for g in by_template["groups"])
    bad = await client.get(
        "/api/v1/feedback/summary", params={"group_by": "colour"}, headers=auth("hr_admin")
    )
    assert bad.status_code == 422


async def test_form_post_validates_and_thanks(svc, client, auth, amqp_url, clock):
    _, token = await _sent_notice(svc, client, auth, amqp_url)
    bad = await client.post(f"/survey/{token}", data={"tone": "9"})
    assert bad.status_code == 422 and 'role="alert"' in bad.text and "tone" in bad.text
    ok = await client.post(f"/survey/{token}", data={"tone": "3", "comment": "ok"})
    assert ok.status_code == 200 and "Thank you" in ok.text
    page = await client.get(f"/survey/{token}")
    assert 'id="tone-3" name="tone" value="3" checked' in page.text


async def test_forged_and_expired_links(svc, client, auth, amqp_url, clock):
    notice, token = await _sent_notice(svc, client, auth, amqp_url)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    r = await client.post(f"/api/v1/surveys/{forged}", json={"tone": 5})
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/problem")
    assert (await client.get(f"/survey/{forged}")).status_code == 404
    assert (await client.get("/survey/not-a-token")).status_code == 404
    secret = svc.runtime.settings.survey_secret
    expired = make_token(
        notice["id"], secret=secret, expires_at=datetime.now(UTC) - timedelta(minutes=1)
    )
    r = await client.post(f"/api/v1/surveys/{expired}", json={"tone": 5})
    assert r.status_code == 410
    page = await client.get(f"/survey/{expired}")
    assert page.status_code == 410 and "expired" in page.text
    # The real link expires too, once the clock passes the expiry (30 days by default).
    clock.advance(days=31)
    assert (await client.get(f"/survey/{token}")).status_code == 410


async def test_settings_validation(client, auth):
    r = await client.put(
        "/api/v1/settings",
        headers=auth("hr_admin"),
        json={"cc_hr": "not-an-email", "default_delay_minutes": -1},
    )
    assert r.status_code == 422
    locs = {tuple(e["loc"]) for e in r.json()["errors"]}
    assert ("body", "cc_hr") in locs and ("body", "default_delay_minutes") in locs
