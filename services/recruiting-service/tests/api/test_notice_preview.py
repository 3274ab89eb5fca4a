"""HR sees the sentence before it is sent (issue 19): the rejection's answer carries each
strength, reason and suggestion as the candidate will read it, and what to review."""

from __future__ import annotations

from typing import Any

from talentloop_shared.testing.harness import event_probe


async def _reject(recruiting, application_id: str, body: dict[str, Any] | None = None) -> Any:
    return await recruiting.svc.client.post(
        f"/api/v1/applications/{application_id}/reject",
        headers=recruiting.hr,
        json=body,
    )


async def test_the_reject_answer_shows_the_phrased_sentences(recruiting, amqp_url) -> None:
    person = await recruiting.candidate(locale="zh-CN")
    application = await recruiting.apply(person["id"], await recruiting.new_opening())
    body = {
        "strengths": ["沟通表达清晰"],
        "reasons": [
            {"code": "interview_concern", "text": "需要有 Go 语言高并发项目的实际经验"},
            {"code": "interview_concern", "text": "缺乏团队管理经验"},
            {"code": "fit", "text": "与岗位要求不匹配"},
        ],
        "suggestions": ["建议参与开源项目"],
    }
    async with event_probe(amqp_url, recruiting.ns, ["candidate-rejected"]) as probe:
        r = await _reject(recruiting, application["id"], body)
        (event,) = await probe.wait_for(1)
    # Flags never hold the rejection back: notify holds a flagged notice for review.
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["status"] == "rejected"
    preview = answer["notice_preview"]
    assert preview["locale"] == "zh-CN"
    assert [item["sentence"] for item in preview["reasons"]] == [
        "这个岗位需要有 Go 语言高并发项目的实际经验。",
        "这个岗位需要团队管理经验。",
        "面试官的主要意见是：与岗位要求不匹配。",
    ]
    assert [item["fits"] for item in preview["reasons"]] == [True, True, False]
    assert preview["reasons"][1]["form"] == "deficit"
    assert preview["suggestions"][0]["need"] == "参与开源项目"
    assert preview["strengths"][0]["sentence"].endswith("沟通表达清晰。")
    # The phrase that could not be fitted is flagged, with why, for HR to reword.
    assert preview["flagged"] is True
    (review,) = preview["review"]
    assert (review["kind"], review["code"], review["source"]) == (
        "reason",
        "fit",
        "与岗位要求不匹配",
    )
    assert review["notes"] == ["vague", "quoted"] and len(review["why"]) == 2
    # HR's words still travel verbatim: notify phrases them for the notice itself.
    assert event.data["reasons"] == body["reasons"]


async def test_default_content_is_previewed_in_the_candidates_language(recruiting) -> None:
    person = await recruiting.candidate(locale="en", years_experience=3)
    application = await recruiting.apply(person["id"], await recruiting.new_opening())
    assert application["status"] == "screened_out"
    r = await _reject(recruiting, application["id"])
    assert r.status_code == 200, r.text
    preview = r.json()["notice_preview"]
    assert preview["locale"] == "en"
    assert preview["reasons"][0]["code"] == "missing_experience"
    assert preview["reasons"][0]["sentence"] == (
        "This role needs at least 5 years of relevant experience."
    )
    assert preview["review"] == [] and preview["flagged"] is False
    # A read of the application is the plain application.
    again = await recruiting.application(application["id"])
    assert "notice_preview" not in again and again["status"] == "rejected"


async def test_a_strength_that_reads_as_a_gap_is_flagged(recruiting) -> None:
    person = await recruiting.candidate(locale="en")
    application = await recruiting.apply(person["id"], await recruiting.new_opening())
    r = await _reject(
        recruiting,
        application["id"],
        {"strengths": ["lacks leadership experience"], "reasons": [], "suggestions": []},
    )
    assert r.status_code == 200, r.text
    preview = r.json()["notice_preview"]
    assert [(i["kind"], i["notes"]) for i in preview["review"]] == [
        ("strength", ["gap_as_strength"])
    ]
