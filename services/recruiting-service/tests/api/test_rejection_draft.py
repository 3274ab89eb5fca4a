"""The rejection draft: what rejecting now would say without HR's own words, so a form can
start from it; rejecting without words then sends exactly that."""

from __future__ import annotations

import uuid

from recruiting_testkit import Panel


async def _scored(recruiting, recommendations: tuple[str, str, str], *, review_minutes=120):
    """An application scored by a technical, a business and a culture interviewer."""
    panel = Panel()
    position_id = await recruiting.new_opening(panel=panel)
    r = await recruiting.svc.client.put(
        f"/api/v1/decision-policy/positions/{position_id}",
        headers=recruiting.auth("hr_admin", sub="hr-boss"),
        json={"mode": "unanimous_no_hire", "review_minutes": review_minutes},
    )
    assert r.status_code == 200, r.text
    person = await recruiting.candidate()
    application = await recruiting.apply(person["id"], position_id)
    tag = uuid.uuid4().hex[:6]
    words = {
        "tech": {"strengths": ["数据分析能力扎实，方法清晰"]},
        "biz": {"concerns": ["缺少华东区域渠道管理经验"]},
        "cul": {},
    }
    for (who, department), recommendation, score in zip(
        (("tech", panel.technical), ("biz", panel.business), ("cul", panel.culture)),
        recommendations,
        (8, 4, 7),
        strict=True,
    ):
        r = await recruiting.svc.client.post(
            f"/api/v1/applications/{application['id']}/interviews",
            headers=recruiting.hr,
            json={
                "interviewer_id": f"{who}-{tag}",
                "department_id": department,
                "start": "2026-12-01T09:00:00Z",
                "allow_overlap": True,
            },
        )
        assert r.status_code == 201, r.text
        interview = r.json()
        r = await recruiting.svc.client.post(
            f"/api/v1/interviews/{interview['id']}/evaluation",
            headers=recruiting.auth("interviewer", sub=f"{who}-{tag}"),
            json={
                "scores": [
                    {"dimension": d["key"], "score": score} for d in interview["dimensions"]
                ],
                "recommendation": recommendation,
                **words[who],
            },
        )
        assert r.status_code == 201, r.text
    return application


async def test_the_draft_is_what_a_rejection_without_words_sends(recruiting) -> None:
    application = await _scored(recruiting, ("hire", "no_hire", "hire"))
    url = f"/api/v1/applications/{application['id']}"
    r = await recruiting.svc.client.get(url + "/rejection-draft", headers=recruiting.hr)
    assert r.status_code == 200, r.text
    draft = r.json()
    assert draft["source"] == "drafted" and draft["stage"] == "interview"
    assert "数据分析能力扎实，方法清晰" in draft["strengths"]
    assert {"code": "interview_concern", "text": "华东区域渠道管理经验"} in draft["reasons"]
    assert draft["suggestions"]
    assert draft["scorecard"]["composite"] is not None and draft["scorecard"]["band"]
    # Reading it changed nothing.
    assert (await recruiting.svc.client.get(url, headers=recruiting.hr)).json()[
        "status"
    ] == "interviewing"

    r = await recruiting.svc.client.post(url + "/reject", headers=recruiting.hr, json={})
    assert r.status_code == 200, r.text
    rejection = r.json()["rejection"]
    for part in ("strengths", "reasons", "suggestions"):
        assert rejection[part] == draft[part], part
    r = await recruiting.svc.client.get(url + "/rejection-draft", headers=recruiting.hr)
    assert r.status_code == 409


async def test_a_pending_decision_is_the_draft_with_hrs_edits(recruiting) -> None:
    application = await _scored(recruiting, ("no_hire", "no_hire", "strong_no_hire"))
    url = f"/api/v1/applications/{application['id']}"
    decision = await recruiting.svc.client.get(url + "/decision", headers=recruiting.hr)
    assert decision.json()["status"] == "pending"
    edited = await recruiting.svc.client.patch(
        url + "/decision",
        headers={**recruiting.hr, "If-Match": decision.headers["etag"]},
        json={"suggestions": ["多参与区域渠道项目"]},
    )
    assert edited.status_code == 200, edited.text
    r = await recruiting.svc.client.get(url + "/rejection-draft", headers=recruiting.hr)
    draft = r.json()
    assert draft["source"] == "pending_decision"
    assert draft["suggestions"] == ["多参与区域渠道项目"]
    assert draft["reasons"] == edited.json()["reasons"]
    unknown = f"/api/v1/applications/{uuid.uuid4()}/rejection-draft"
    assert (await recruiting.svc.client.get(unknown, headers=recruiting.hr)).status_code == 404
    assert (
        await recruiting.svc.client.get(
            url + "/rejection-draft", headers=recruiting.auth("interviewer")
        )
    ).status_code == 403
