"""The rejection notice previewed before the rejection is the one the candidate gets."""

from __future__ import annotations

from notify_testkit import notices_of, publish, rejection


def _fields(payload):
    body = payload.model_dump(mode="json")
    for name in ("application_id", "rejected_at", "decided_by"):
        body.pop(name)
    return body


async def test_the_preview_is_the_notice_the_event_writes(svc, client, auth, amqp_url, clock):
    payload = rejection(
        locale="zh-CN",
        name="王芳",
        strengths=["沟通清晰，逻辑严谨"],
        reasons=["大型活动的统筹经验"],
        suggestions=["多参与跨部门的大型项目，积累统筹经验"],
        delay_minutes=600,  # stays scheduled while the test reads it
    )
    r = await client.post(
        "/api/v1/notices/preview", headers=auth("recruiter"), json=_fields(payload)
    )
    assert r.status_code == 200, r.text
    [preview] = r.json()
    assert preview["channel"] == "email" and preview["locale"] == "zh-CN"
    assert preview["status"] == "scheduled" and preview["flags"] == []
    assert preview["template_name"].startswith("rejection-engineering")
    assert "多参与跨部门的大型项目，积累统筹经验" in preview["body_text"]
    assert "王芳" in preview["body_text"]

    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, auth("recruiter"), payload.application_id)
    for name in ("template_id", "template_version", "subject", "body_text", "body_html"):
        assert preview[name] == notice[name], name
    # Nothing was stored for the preview.
    listed = await client.get(
        "/api/v1/notifications",
        params={"candidate_id": payload.candidate.id},
        headers=auth("recruiter"),
    )
    assert [n["id"] for n in listed.json()["items"]] == [notice["id"]]


async def test_a_preview_shows_why_a_notice_would_be_held_and_refuses_bad_fields(client, auth):
    payload = rejection(locale="en", strengths=["ok"], reasons=["you are too old for us"])
    r = await client.post(
        "/api/v1/notices/preview", headers=auth("hr_admin"), json=_fields(payload)
    )
    assert r.status_code == 200, r.text
    [preview] = r.json()
    assert preview["status"] == "pending_review", preview
    assert preview["status_reason"].startswith("held for review") and preview["flags"]
    bad = await client.post(
        "/api/v1/notices/preview",
        headers=auth("hr_admin"),
        json={**_fields(payload), "tone": "warm"},
    )
    assert bad.status_code == 422
    no_candidate = {k: v for k, v in _fields(payload).items() if k != "candidate"}
    bad = await client.post("/api/v1/notices/preview", headers=auth("hr_admin"), json=no_candidate)
    assert bad.status_code == 422 and "candidate" in bad.text
    assert (
        await client.post("/api/v1/notices/preview", headers=auth("interviewer"), json={})
    ).status_code == 403
