"""The candidate survey and the HR feedback summary."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from notify_testkit import notice_in, notices_of, publish, rejection, survey_token_mailed_to
from sqlalchemy import event

from notify_service.domain import make_token
from notify_service.service.state import notify_state
from notify_service.service.survey_limits import SurveyRateLimiter
from talentloop_shared.testing.harness import event_probe


async def _sent_notice(svc, client, auth, amqp_url, mail_sink, **kw):
    payload = rejection(**kw)
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, auth("hr_admin"), payload.application_id)
    notice = await notice_in(client, auth("hr_admin"), notice["id"], "sent")
    # The link as the candidate gets it: staff views never show it.
    return notice, await survey_token_mailed_to(mail_sink, payload.candidate.email)


async def test_answers_publish_feedback_and_reach_the_summary(
    svc, client, auth, amqp_url, mail_sink, clock
):
    family = "survey-fam"
    notice, token = await _sent_notice(svc, client, auth, amqp_url, mail_sink, job_family=family)
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


async def test_form_post_validates_and_thanks(svc, client, auth, amqp_url, mail_sink, clock):
    _, token = await _sent_notice(svc, client, auth, amqp_url, mail_sink)
    bad = await client.post(f"/survey/{token}", data={"tone": "9"})
    assert bad.status_code == 422 and 'role="alert"' in bad.text and "tone" in bad.text
    ok = await client.post(f"/survey/{token}", data={"tone": "3", "comment": "ok"})
    assert ok.status_code == 200 and "Thank you" in ok.text
    page = await client.get(f"/survey/{token}")
    assert 'id="tone-3" name="tone" value="3" checked' in page.text
    # A body that is not the form is refused and changes nothing: it was read as an empty
    # form, stored over the answer above and published.
    for body in ({"json": {"tone": 1}}, {"content": b"tone=1", "headers": {}}):
        wrong = await client.post(f"/survey/{token}", **body)
        assert wrong.status_code == 415, wrong.text
        assert wrong.headers["content-type"].startswith("application/problem+json")
    page = await client.get(f"/survey/{token}")
    assert 'id="tone-3" name="tone" value="3" checked' in page.text


async def test_a_form_that_leaves_future_roles_unanswered_says_nothing_about_them(
    svc, client, auth, amqp_url, mail_sink, clock
):
    # "May we contact you about future roles?" is yes, no, or not answered: a candidate who
    # only rates the notice has not said no (talent-service takes a no out of matching).
    notice, token = await _sent_notice(svc, client, auth, amqp_url, mail_sink)
    page = await client.get(f"/survey/{token}")
    assert 'type="radio" id="open_to_future_roles-yes" name="open_to_future_roles"' in page.text
    assert 'id="open_to_future_roles-no" name="open_to_future_roles" value="no"' in page.text
    ns = svc.runtime.settings.amqp_namespace
    async with event_probe(amqp_url, ns, ["feedback-received"]) as probe:
        assert (await client.post(f"/survey/{token}", data={"tone": "4"})).status_code == 200
        page = await client.get(f"/survey/{token}")
        assert "checked" not in page.text.split('name="open_to_future_roles"', 1)[1][:40]
        no = {"tone": "4", "open_to_future_roles": "no"}
        assert (await client.post(f"/survey/{token}", data=no)).status_code == 200
        page = await client.get(f"/survey/{token}")
        assert 'id="open_to_future_roles-no" name="open_to_future_roles" value="no" checked' in (
            page.text
        )
        events = await probe.wait_for(2, event_type="feedback-received")
    mine = [e for e in events if e.data["notification_id"] == notice["id"]]
    assert [e.data["open_to_future_roles"] for e in mine] == [None, False]


async def test_forged_and_expired_links(svc, client, auth, amqp_url, mail_sink, clock):
    notice, token = await _sent_notice(svc, client, auth, amqp_url, mail_sink)
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


# --- the candidate's surface (issue 11, item 6) -----------------------------------------


async def test_staff_see_whether_the_survey_was_sent_and_answered_never_the_link(
    svc, client, auth, amqp_url, mail_sink, clock
):
    notice, token = await _sent_notice(svc, client, auth, amqp_url, mail_sink)
    for role in ("hr_admin", "recruiter", "integration"):
        h = auth(role)
        detail = (await client.get(f"/api/v1/notifications/{notice['id']}", headers=h)).json()
        [listed] = (
            await client.get(
                "/api/v1/notifications",
                params={"application_id": notice["application_id"]},
                headers=h,
            )
        ).json()["items"]
        for shown in (detail, listed):
            assert token not in str(shown)
            assert (
                "/survey/[hidden]" in shown["body_text"]
                and "/survey/[hidden]" in shown["body_html"]
            )
            assert shown["survey"] == {
                "included": True,
                "sent": True,
                "answered": False,
                "answered_at": None,
            }
    r = await client.post(f"/api/v1/surveys/{token}", json={"tone": 4})
    assert r.status_code == 200
    detail = (
        await client.get(f"/api/v1/notifications/{notice['id']}", headers=auth("recruiter"))
    ).json()
    assert detail["survey"]["answered"] is True
    assert detail["survey"]["answered_at"] == r.json()["answered_at"]


async def test_feedback_is_published_only_when_the_answer_changes(
    svc, client, auth, amqp_url, mail_sink, clock
):
    notice, token = await _sent_notice(svc, client, auth, amqp_url, mail_sink)
    ns = svc.runtime.settings.amqp_namespace
    yes = {"tone": 5, "comment": "Kind", "open_to_future_roles": True}
    no = {**yes, "open_to_future_roles": False}
    async with event_probe(amqp_url, ns, ["feedback-received"]) as probe:
        # Two identical first answers at once: one answer, one event.
        first = await asyncio.gather(
            *(client.post(f"/api/v1/surveys/{token}", json=yes) for _ in range(2))
        )
        assert [r.status_code for r in first] == [200, 200]
        again = await client.post(
            f"/survey/{token}",
            data={"tone": "5", "comment": "Kind ", "open_to_future_roles": "yes"},
        )
        assert again.status_code == 200
        changed = await client.post(f"/api/v1/surveys/{token}", json=no)
        same = await client.post(f"/api/v1/surveys/{token}", json=no)
        assert same.json()["times_answered"] == 5  # every submission counts...
        events = await probe.wait_for(2, event_type="feedback-received")
        await probe.settle(1.0)
    mine = [
        e for e in probe.of_type("feedback-received") if e.data["notification_id"] == notice["id"]
    ]
    assert len(mine) == 2  # ...but only a changed answer is news
    assert [e.data["open_to_future_roles"] for e in mine] == [True, False]
    assert mine[1].data["answered_at"] == changed.json()["answered_at"]
    assert same.json()["answered_at"] == changed.json()["answered_at"]
    assert events[0].data["answered_at"] < events[1].data["answered_at"]


@pytest.fixture
def tight_survey_limits(svc):
    """Survey rate limits small enough to reach in a test (the default is per process)."""
    state = notify_state(svc.runtime)
    default = state.survey_limiter
    state.survey_limiter = SurveyRateLimiter("3/minute", "5/minute")
    yield
    state.survey_limiter = default


def _client_at(svc, address: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=svc.client._transport.app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


async def test_survey_endpoints_are_rate_limited_per_token_and_per_address(
    svc, client, auth, amqp_url, mail_sink, clock, tight_survey_limits
):
    _, token = await _sent_notice(svc, client, auth, amqp_url, mail_sink)
    _, other = await _sent_notice(svc, client, auth, amqp_url, mail_sink)
    async with _client_at(svc, "198.51.100.7") as one, _client_at(svc, "203.0.113.9") as two:
        assert (await one.get(f"/survey/{token}")).status_code == 200
        assert (await one.post(f"/survey/{token}", data={"tone": "4"})).status_code == 200
        assert (await one.post(f"/api/v1/surveys/{token}", json={"tone": 5})).status_code == 200
        # The link has had its three requests a minute, from whichever address.
        for limited in (await one.get(f"/survey/{token}"), await two.get(f"/survey/{token}")):
            assert limited.status_code == 429
            assert limited.headers["content-type"].startswith("application/problem+json")
            assert limited.json()["type"].endswith("too-many-requests")
            assert 1 <= int(limited.headers["Retry-After"]) <= 60
        # One address: five requests a minute, whatever the token (forged ones too).
        assert (await one.get(f"/survey/{other}")).status_code == 200
        assert (await one.get("/survey/not-a-token")).status_code == 404
        r = await one.post(f"/api/v1/surveys/{other}", json={"tone": 3})
        assert r.status_code == 429 and "Retry-After" in r.headers
        assert (await two.get(f"/survey/{other}")).status_code == 200


async def test_the_survey_page_is_served_with_the_security_headers(
    svc, client, auth, amqp_url, mail_sink, clock
):
    _, token = await _sent_notice(svc, client, auth, amqp_url, mail_sink)
    for page in (await client.get(f"/survey/{token}"), await client.get("/survey/not-a-token")):
        csp = page.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "form-action 'self'" in csp
        assert page.headers["referrer-policy"] == "no-referrer"
        assert page.headers["x-content-type-options"] == "nosniff"
        assert page.headers["content-type"].startswith("text/html")


async def test_summary_over_time_and_by_delay_for_one_job_family(
    svc, client, auth, amqp_url, mail_sink, clock
):
    family = "survey-time-fam"
    notice, token = await _sent_notice(svc, client, auth, amqp_url, mail_sink, job_family=family)

    async def summary(group_by: str) -> dict:
        r = await client.get(
            "/api/v1/feedback/summary",
            params={"group_by": group_by, "job_family": family},
            headers=auth("recruiter"),
        )
        assert r.status_code == 200, r.text
        return r.json()

    sent_at = datetime.fromisoformat(notice["sent_at"])
    monday = (sent_at.date() - timedelta(days=sent_at.weekday())).isoformat()
    before = await summary("week")
    assert [(g["group"], g["notices_sent"], g["responses"]) for g in before["groups"]] == [
        (monday, 1, 0)
    ]
    r = await client.post(f"/api/v1/surveys/{token}", json={"tone": 2, "helpfulness": 3})
    assert r.status_code == 200
    after = await summary("week")
    [week] = after["groups"]
    assert week["responses"] == 1 and week["response_rate"] == 1.0
    assert week["mean_ratings"]["tone"] == 2.0 and week["share_satisfied"] == 0.0
    # Sent at once: the under-an-hour bucket; only this family's notice is counted.
    by_delay = await summary("delay")
    assert [g["group"] for g in by_delay["groups"]] == ["under_1h"]
    assert by_delay["overall"]["notices_sent"] == 1
    other = await client.get(
        "/api/v1/feedback/summary",
        params={"group_by": "delay", "job_family": "no-such-family"},
        headers=auth("recruiter"),
    )
    assert other.json()["groups"] == [] and other.json()["overall"]["notices_sent"] == 0
    by_template = await client.get(
        "/api/v1/feedback/summary",
        params={"group_by": "template", "template_id": notice["template_id"]},
        headers=auth("recruiter"),
    )
    assert [g["group"] for g in by_template.json()["groups"]] == [notice["template_id"]]


async def test_the_summary_reads_no_notice_text(svc, client, auth, amqp_url, mail_sink):
    """The summary reads every sent notice of its kind: their subjects and bodies (kilobytes
    each; 20,000 notices were 250 MB and ~1 s read whole) and recipients stay unread."""
    await _sent_notice(svc, client, auth, amqp_url, mail_sink, job_family="survey-text-fam")
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append(statement)

    engine = svc.runtime.engine.sync_engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        for group_by in ("template", "week", "delay"):
            r = await client.get(
                "/api/v1/feedback/summary", params={"group_by": group_by}, headers=auth("hr_admin")
            )
            assert r.status_code == 200, r.text
            assert r.json()["overall"]["notices_sent"] >= 1
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    reads = [s for s in statements if "FROM notifications" in s]
    assert reads, statements
    for read in reads:
        for text in ("body_text", "body_html", "subject", "recipient"):
            assert f"notifications.{text}" not in read, read
