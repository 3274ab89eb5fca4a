"""The notice preview HR sees on a rejection (issue 19): pure, through the shared phrasing."""

from __future__ import annotations

from recruiting_service.domain.notice_preview import phrased_preview
from talentloop_shared.events.payloads import Reason


def test_each_phrase_comes_with_the_sentence_the_candidate_reads() -> None:
    preview = phrased_preview(
        "zh-CN",
        strengths=["沟通表达清晰"],
        reasons=[
            Reason(code="interview_concern", text="需要有 Go 语言高并发项目的实际经验"),
            Reason(code="interview_concern", text="缺乏团队管理经验"),
        ],
        suggestions=["建议参与开源项目"],
    )
    assert preview.locale == "zh-CN"
    assert [r["sentence"] for r in preview.reasons] == [
        "这个岗位需要有 Go 语言高并发项目的实际经验。",
        "这个岗位需要团队管理经验。",
    ]
    assert [(r["code"], r["form"], r["fits"]) for r in preview.reasons] == [
        ("interview_concern", "requirement", True),
        ("interview_concern", "deficit", True),
    ]
    assert preview.strengths[0]["sentence"].endswith("沟通表达清晰。")
    assert preview.suggestions[0]["need"] == "参与开源项目"  # no doubled 建议
    assert preview.review == () and not preview.flagged


def test_what_cannot_be_fitted_is_listed_for_review_with_why() -> None:
    preview = phrased_preview(
        "en",
        strengths=["lacks leadership experience"],
        reasons=["lacks hands-on Kafka experience", "does not meet the requirements"],
        suggestions=["Keep up the good work"],
    )
    assert preview.reasons[0]["sentence"] == "This role needs hands-on Kafka experience."
    vague = preview.reasons[1]
    assert vague["fits"] is False and vague["flagged"] is True
    assert vague["sentence"] == "The panel's main concern: does not meet the requirements."
    review = {item["source"]: item for item in preview.review}
    assert set(review) >= {"does not meet the requirements", "lacks leadership experience"}
    assert review["does not meet the requirements"]["notes"] == ["vague", "quoted"]
    assert all(item["why"] and len(item["why"]) == len(item["notes"]) for item in preview.review)
    assert review["lacks leadership experience"]["kind"] == "strength"
    assert preview.flagged


def test_empty_phrases_are_left_out() -> None:
    preview = phrased_preview("en", strengths=["", "  "], reasons=[], suggestions=[])
    assert preview.strengths == preview.reasons == preview.suggestions == ()
