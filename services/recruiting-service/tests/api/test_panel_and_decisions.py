"""S2 (panel scorecards) and S3 (rejections that publish candidate-rejected)."""

from __future__ import annotations

import re
import uuid
from typing import Any

from talentloop_shared.testing.harness import event_probe


async def _interviewing(recruiting, panel: Any = None, **candidate: Any) -> tuple[dict, Any, dict]:
    panel = panel or recruiting.Panel()
    position_id = await recruiting.new_opening(panel=panel)
    person = await recruiting.candidate(**candidate)
    application = await recruiting.apply(person["id"], position_id)
    return application, panel, person


async def _interview(recruiting, application_id: str, interviewer: str, department: str) -> dict:
    r = await recruiting.svc.client.post(
        f"/api/v1/applications/{application_id}/interviews",
        headers=recruiting.hr,
        json={
            "interviewer_id": interviewer,
            "department_id": department,
            "scheduled_at": "2026-12-01T09:00:00Z",
        },
    )
    assert r.status_code == 201, r.text
    return r.json()


async def _score(
    recruiting,
    interview: dict,
    score: int,
    *,
    recommendation: str = "hire",
    strengths: list[str] | None = None,
    concerns: list[str] | None = None,
):
    return await recruiting.svc.client.post(
        f"/api/v1/interviews/{interview['id']}/evaluation",
        headers=recruiting.auth("interviewer", sub=interview["interviewer_id"]),
        json={
            "scores": [{"dimension": d["key"], "score": score} for d in interview["dimensions"]],
            "strengths": strengths or [],
            "concerns": concerns or [],
            "recommendation": recommendation,
        },
    )


async def _panel_of_three(
    recruiting, scores=(8, 6, 7), panel: Any = None, **kw: Any
) -> tuple[dict, list[dict]]:
    application, panel, _ = await _interviewing(recruiting, panel)
    tag = uuid.uuid4().hex[:6]
    interviews = [
        await _interview(recruiting, application["id"], f"tech-{tag}", panel.technical),
        await _interview(recruiting, application["id"], f"biz-{tag}", panel.business),
        await _interview(recruiting, application["id"], f"culture-{tag}", panel.culture),
    ]
    for interview, score in zip(interviews, scores, strict=True):
        r = await _score(
            recruiting, interview, score, **kw.get(interview["interviewer_id"][:3], {})
        )
        assert r.status_code == 201, r.text
    return application, interviews


async def test_s2_three_departments_weighted_composite(recruiting, amqp_url) -> None:
    async with event_probe(amqp_url, recruiting.ns, ["evaluation-submitted"]) as probe:
        application, interviews = await _panel_of_three(recruiting)
        events = await probe.wait_for(3)
    assert [i["dimensions"][0]["key"] for i in interviews] == ["technical", "business", "culture"]
    assert {e.data["application_id"] for e in events} == {application["id"]}
    tech = next(e for e in events if e.data["interviewer"]["id"].startswith("tech"))
    assert tech.data["scores"] == [{"dimension": "technical", "score": 8, "comment": None}]
    assert tech.data["interviewer"]["department_id"] == interviews[0]["department_id"]

    r = await recruiting.svc.client.get(
        f"/api/v1/applications/{application['id']}/scorecard", headers=recruiting.hr
    )
    card = r.json()
    assert card["composite"] == 7.1
    assert card["dimensions"] == {"technical": 8.0, "business": 6.0, "culture": 7.0}
    assert len(card["evaluations"]) == 3
    after = await recruiting.application(application["id"])
    assert after["status"] == "interviewing"


async def test_s2_consistency_drops_when_the_panel_disagrees(recruiting) -> None:
    async def consistency(first: int, second: int) -> float:
        application, panel, _ = await _interviewing(recruiting)
        tag = uuid.uuid4().hex[:6]
        a = await _interview(recruiting, application["id"], f"a-{tag}", panel.technical)
        b = await _interview(recruiting, application["id"], f"b-{tag}", panel.technical)
        assert (await _score(recruiting, a, first)).status_code == 201
        assert (await _score(recruiting, b, second)).status_code == 201
        r = await recruiting.svc.client.get(
            f"/api/v1/applications/{application['id']}/scorecard", headers=recruiting.hr
        )
        return r.json()["consistency"]

    assert await consistency(2, 9) < await consistency(7, 8)


async def test_evaluation_rules(recruiting) -> None:
    client = recruiting.svc.client
    application, panel, _ = await _interviewing(recruiting)
    no_dims = await client.post(
        f"/api/v1/applications/{application['id']}/interviews",
        headers=recruiting.hr,
        json={
            "interviewer_id": "x",
            "department_id": str(uuid.uuid4()),
            "scheduled_at": "2026-12-01T09:00:00Z",
        },
    )
    assert no_dims.status_code == 422
    interview = await _interview(recruiting, application["id"], "iv-owner", panel.technical)
    other = await _interview(recruiting, application["id"], "iv-other", panel.business)
    url = f"/api/v1/interviews/{interview['id']}/evaluation"
    body = {"scores": [{"dimension": "technical", "score": 8}], "recommendation": "hire"}

    # Someone else's interview: 403, both to score and to read.
    intruder = recruiting.auth("interviewer", sub="iv-other")
    assert (await client.post(url, headers=intruder, json=body)).status_code == 403
    assert (
        await client.get(f"/api/v1/interviews/{interview['id']}", headers=intruder)
    ).status_code == 403
    own = await client.get("/api/v1/interviews", headers=intruder)
    assert [i["id"] for i in own.json()["items"]] == [other["id"]]
    assert (
        await client.get("/api/v1/interviews?interviewer_id=iv-owner", headers=intruder)
    ).status_code == 403

    owner = recruiting.auth("interviewer", sub="iv-owner")
    wrong = await client.post(
        url,
        headers=owner,
        json={"scores": [{"dimension": "culture", "score": 8}], "recommendation": "hire"},
    )
    assert wrong.status_code == 422
    assert "technical" in wrong.json()["detail"] and "culture" in wrong.json()["detail"]
    out_of_range = await client.post(
        url,
        headers=owner,
        json={"scores": [{"dimension": "technical", "score": 11}], "recommendation": "hire"},
    )
    assert out_of_range.status_code == 422

    assert (await client.post(url, headers=owner, json=body)).status_code == 201
    again = await client.post(url, headers=recruiting.auth("hr_admin", sub="boss"), json=body)
    assert again.status_code == 409
    got = await client.get(f"/api/v1/interviews/{interview['id']}", headers=owner)
    assert got.json()["evaluation"]["scores"][0]["score"] == 8

    calibration = await client.get("/api/v1/interviewers/iv-owner/calibration", headers=owner)
    assert calibration.status_code == 200 and calibration.json()["interviewer_id"] == "iv-owner"


async def test_s3_rejection_after_interviews_uses_the_evaluations(recruiting, amqp_url) -> None:
    application, _ = await _panel_of_three(
        recruiting,
        scores=(8, 4, 7),
        recommendation="no_hire",
        tec={"strengths": ["数据分析能力扎实，方法清晰"]},
        biz={"concerns": ["缺少华东区域渠道管理经验"]},
    )
    async with event_probe(amqp_url, recruiting.ns, ["candidate-rejected"]) as probe:
        r = await recruiting.svc.client.post(
            f"/api/v1/applications/{application['id']}/reject",
            headers=recruiting.hr,
            json={"notify": {"send": True, "channels": ["email", "sms"], "delay_minutes": 60}},
        )
        assert r.status_code == 200, r.text
        (event,) = await probe.wait_for(1)
    data = event.data
    assert data["application_id"] == application["id"]
    assert data["stage"] == "interview"
    assert data["decided_by"] == "recruiter-1"
    # The candidate reads Chinese: the interviewer's words first, no scores, and what the
    # role needs rather than what the candidate lacks, with Chinese suggestions.
    assert data["strengths"][0] == "数据分析能力扎实，方法清晰"
    assert not any("/10" in s for s in data["strengths"])
    reasons = {r["code"]: r["text"] for r in data["reasons"]}
    assert reasons["interview_concern"] == "华东区域渠道管理经验"
    assert reasons["low_business"].startswith("更扎实的")
    assert data["suggestions"] and all(
        re.search(r"[\u4e00-\u9fff]", s) for s in data["suggestions"]
    )
    assert data["scorecard"]["dimensions"] == {"technical": 8.0, "business": 4.0, "culture": 7.0}
    assert data["candidate"]["locale"] == "zh-CN"
    assert data["candidate"]["timezone"] == "Asia/Shanghai"
    assert data["position"]["title"] == "Marketing Manager"
    assert data["notify"] == {"send": True, "channels": ["email", "sms"], "delay_minutes": 60}
    body = r.json()
    assert body["status"] == "rejected" and body["rejection"]["stage"] == "interview"


async def test_a_dimension_is_named_in_the_candidates_language_where_the_scheme_has_it(
    recruiting, amqp_url
) -> None:
    panel = recruiting.Panel(business_names={"zh-CN": "华东渠道业务理解", "en": "ignored"})
    application, _ = await _panel_of_three(recruiting, scores=(8, 4, 7), panel=panel)
    async with event_probe(amqp_url, recruiting.ns, ["candidate-rejected"]) as probe:
        r = await recruiting.svc.client.post(
            f"/api/v1/applications/{application['id']}/reject", headers=recruiting.hr
        )
        assert r.status_code == 200, r.text
        (event,) = await probe.wait_for(1)
    reasons = {r["code"]: r["text"] for r in event.data["reasons"]}
    assert reasons["low_business"] == "更扎实的华东渠道业务理解", reasons


async def test_s3_screening_rejection_names_the_unmet_requirement(recruiting, amqp_url) -> None:
    application, _, _ = await _interviewing(recruiting, years_experience=3)
    assert application["status"] == "screened_out"
    url = f"/api/v1/applications/{application['id']}/reject"
    async with event_probe(amqp_url, recruiting.ns, ["candidate-rejected"]) as probe:
        first = await recruiting.svc.client.post(url, headers=recruiting.hr)
        assert first.status_code == 200, first.text
        (event,) = await probe.wait_for(1)
        second = await recruiting.svc.client.post(url, headers=recruiting.hr)
        assert second.status_code == 409
        await probe.settle()
        assert len(probe.of_type("candidate-rejected")) == 1
    data = event.data
    assert data["stage"] == "screening"
    assert data["scorecard"] is None
    assert data["reasons"][0] == {"code": "missing_experience", "text": "5年以上相关工作经验"}
    assert "live-stream marketing" in data["strengths"]
    assert data["notify"]["delay_minutes"] is None


async def test_s3_idempotency_key_replay_publishes_once(recruiting, amqp_url) -> None:
    application, _, _ = await _interviewing(recruiting)
    url = f"/api/v1/applications/{application['id']}/reject"
    headers = {**recruiting.hr, "Idempotency-Key": f"reject-{uuid.uuid4()}"}
    # HR's own words go out verbatim, even where the defaults would rephrase them.
    body = {
        "reasons": [{"code": "position_filled", "text": "no opening left: filled internally"}],
        "strengths": ["Technical ability (8.0/10)"],
        "suggestions": ["缺少的经验可以慢慢积累"],
    }
    async with event_probe(amqp_url, recruiting.ns, ["candidate-rejected"]) as probe:
        first = await recruiting.svc.client.post(url, headers=headers, json=body)
        replay = await recruiting.svc.client.post(url, headers=headers, json=body)
        await probe.wait_for(1)
        await probe.settle()
        events = probe.of_type("candidate-rejected")
    assert first.status_code == 200 and replay.status_code == 200
    assert replay.headers.get("idempotent-replayed") == "true"
    assert replay.json() == first.json()
    assert len(events) == 1
    assert events[0].data["reasons"] == body["reasons"]
    assert events[0].data["strengths"] == body["strengths"]
    assert events[0].data["suggestions"] == body["suggestions"]


async def test_bulk_reject_by_position_and_status(recruiting, amqp_url) -> None:
    position_id = await recruiting.new_opening()
    juniors = [await recruiting.candidate(years_experience=1) for _ in range(3)]
    apps = [await recruiting.apply(c["id"], position_id) for c in juniors]
    senior = await recruiting.apply((await recruiting.candidate())["id"], position_id)
    async with event_probe(amqp_url, recruiting.ns, ["candidate-rejected"]) as probe:
        r = await recruiting.svc.client.post(
            "/api/v1/applications/bulk-reject",
            headers=recruiting.hr,
            json={"position_id": position_id, "status": "screened_out"},
        )
        assert r.status_code == 200, r.text
        events = await probe.wait_for(3)
    assert r.json()["rejected"] == 3
    assert {e.data["application_id"] for e in events} == {a["id"] for a in apps}
    assert (await recruiting.application(senior["id"]))["status"] == "screening"

    missing = str(uuid.uuid4())
    r = await recruiting.svc.client.post(
        "/api/v1/applications/bulk-reject",
        headers=recruiting.hr,
        json={"application_ids": [apps[0]["id"], senior["id"], missing]},
    )
    outcomes = {i["application_id"]: i["outcome"] for i in r.json()["items"]}
    assert outcomes == {apps[0]["id"]: "conflict", senior["id"]: "rejected", missing: "not_found"}


async def test_suggestion_library_is_editable_per_locale_and_used(recruiting, amqp_url) -> None:
    client = recruiting.svc.client
    listed = await client.get("/api/v1/suggestions", headers=recruiting.hr)
    assert {("missing_experience", "en"), ("missing_experience", "zh-CN")} <= {
        (s["code"], s["locale"]) for s in listed.json()
    }
    zh_only = await client.get("/api/v1/suggestions?locale=zh-cn", headers=recruiting.hr)
    assert zh_only.status_code == 200
    assert {s["locale"] for s in zh_only.json()} == {"zh-CN"}
    bad = await client.get("/api/v1/suggestions?locale=not a locale", headers=recruiting.hr)
    assert bad.status_code == 422 and "locale" in bad.text

    text = f"Lead an end-to-end campaign ({uuid.uuid4().hex[:4]})."
    zh_text = f"主动牵头一次完整的营销活动（{uuid.uuid4().hex[:4]}）。"
    url = "/api/v1/suggestions/missing_experience"
    assert (await client.put(url, headers=recruiting.hr, json={"text": text})).status_code == 403
    admin = recruiting.auth("hr_admin", sub="hr-boss")
    for hostile in ("missing%C2%92experience", "missing%0Aexperience", "%20missing"):
        r = await client.put(f"/api/v1/suggestions/{hostile}", headers=admin, json={"text": text})
        assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["path", "code"], r.text
    r = await client.put(url, headers=admin, json={"text": text})
    assert r.status_code == 200 and r.json()["updated_by"] == "hr-boss"
    assert r.json()["locale"] == "en"
    r = await client.put(f"{url}?locale=zh-CN", headers=admin, json={"text": zh_text})
    assert r.status_code == 200 and r.json()["locale"] == "zh-CN"
    assert r.json()["text"] == zh_text
    listed = await client.get("/api/v1/suggestions?locale=en", headers=recruiting.hr)
    assert {"code": "missing_experience", "text": text}.items() <= next(
        s for s in listed.json() if s["code"] == "missing_experience"
    ).items()

    chinese, _, _ = await _interviewing(recruiting, years_experience=2)
    english, _, _ = await _interviewing(recruiting, years_experience=2, locale="en-GB")
    async with event_probe(amqp_url, recruiting.ns, ["candidate-rejected"]) as probe:
        for application in (chinese, english):
            await client.post(
                f"/api/v1/applications/{application['id']}/reject", headers=recruiting.hr
            )
        events = await probe.wait_for(2)
    by_id = {e.data["application_id"]: e.data for e in events}
    assert by_id[chinese["id"]]["suggestions"][0] == zh_text
    assert by_id[english["id"]]["suggestions"][0] == text
    assert by_id[english["id"]]["reasons"][0]["text"] == "at least 5 years of relevant experience"
