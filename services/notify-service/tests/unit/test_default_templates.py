from __future__ import annotations

import re

import pytest

from notify_service.domain.compliance import scan
from notify_service.domain.defaults import default_templates, template_key
from notify_service.domain.templates import (
    rejection_context,
    render,
    sample_context,
    validate_template,
)
from talentloop_shared.events.payloads import CandidateRejected

TEMPLATES = default_templates()
REJECTION_EMAILS = [t for t in TEMPLATES if t["kind"] == "rejection" and t["channel"] == "email"]
SMS = [t for t in TEMPLATES if t["channel"] == "sms"]


def ids(templates):
    return [t["name"] for t in templates]


def test_catalogue_shape():
    keys = {template_key(t) for t in TEMPLATES}
    assert len(keys) == len(TEMPLATES), "duplicate template keys"
    for family in ("engineering", "sales", "campus", "*"):
        for locale in ("zh-CN", "en"):
            for channel in ("email", "sms"):
                assert ("rejection", family, "*", "*", "*", locale, channel) in keys
    for locale in ("zh-CN", "en", "zh-TW"):
        assert ("rejection", "*", "screening", "*", "*", locale, "email") in keys
        assert ("rejection", "*", "*", "*", "*", locale, "sms") in keys
        for band in ("close", "far"):  # a close miss and a far one read differently
            assert ("rejection", "*", "*", band, "*", locale, "email") in keys
    for locale in ("zh-CN", "en", "zh-TW"):
        for channel in ("email", "sms"):
            assert ("invitation", "*", "*", "*", "*", locale, channel) in keys
    for t in TEMPLATES:
        assert (t["subject"] is None) == (t["channel"] == "sms")


def test_loader_returns_copies():
    first = default_templates()
    first[0]["body"] = "changed"
    assert default_templates()[0]["body"] != "changed"


@pytest.mark.parametrize("template", TEMPLATES, ids=ids(TEMPLATES))
def test_every_default_template_validates(template):
    assert (
        validate_template(
            template["subject"],
            template["body"],
            kind=template["kind"],
            channel=template["channel"],
        )
        == []
    )


@pytest.mark.parametrize("template", REJECTION_EMAILS, ids=ids(REJECTION_EMAILS))
def test_rejection_email_follows_the_article_shape(template):
    ctx = sample_context("rejection", locale=template["locale"])
    out = render(template["subject"], template["body"], ctx, html=True)
    text = out.text
    # thanks → strength → reason → suggestion → reconnect, in that order.
    parts = (ctx["strength"].need, ctx["reason"].need, ctx["suggestion"].need)
    positions = [text.find(part) for part in parts]
    assert all(p >= 0 for p in positions), text
    assert positions == sorted(positions)
    assert ctx["survey_url"] in text
    assert ctx["position"]["title"] in out.subject
    thanks = {"zh-CN": "感谢", "zh-TW": "感謝"}.get(template["locale"], "Thank you")
    assert text.find(thanks) < positions[0]
    assert "{{" not in text and "{%" not in text
    assert "None" not in text
    assert out.html and ctx["survey_url"] in out.html
    assert scan([out.subject, text]) == []


@pytest.mark.parametrize("template", REJECTION_EMAILS, ids=ids(REJECTION_EMAILS))
def test_rejection_email_reads_well_without_strengths_or_suggestions(template):
    ctx = sample_context("rejection", locale=template["locale"], sparse=True)
    text = render(template["subject"], template["body"], ctx, html=False).text
    assert "：。" not in text and ": ." not in text and "\n\n\n" not in text
    assert ctx["survey_url"] in text
    if template["locale"].startswith("zh"):
        assert re.search(r"[\u4e00-\u9fff]", text)
        assert not re.search(r"\b(the|and|your)\b", text)  # no English leaking in


def test_chinese_templates_are_chinese_and_english_are_english():
    for t in TEMPLATES:
        ctx = sample_context(t["kind"], locale=t["locale"])
        text = render(t["subject"], t["body"], ctx, html=False).text
        han = len(re.findall(r"[\u4e00-\u9fff]", text))
        if t["locale"].startswith("zh"):
            assert han > 20, t["name"]
        else:
            assert han == 0, t["name"]


def test_consent_changes_the_promise():
    t = next(
        t
        for t in REJECTION_EMAILS
        if t["job_family"] == "*" and t["locale"] == "en" and t["stage"] == "*"
    )
    ctx = sample_context("rejection")
    with_consent = render(t["subject"], t["body"], ctx, html=False).text
    ctx["candidate"] = ctx["candidate"] | {"talent_pool_consent": False}
    without = render(t["subject"], t["body"], ctx, html=False).text
    assert "keep your profile" in with_consent
    assert "keep your profile" not in without


@pytest.mark.parametrize("template", SMS, ids=ids(SMS))
def test_sms_is_short_and_links_the_next_step(template):
    for sparse in (False, True):
        ctx = sample_context(template["kind"], locale=template["locale"], sparse=sparse)
        text = render(None, template["body"], ctx, html=False).text
        assert "\n" not in text
        link = ctx.get("survey_url") or ctx.get("respond_url")
        if link:
            assert link in text
        # Budget the template's own words; substituted values vary per candidate.
        fixed = text
        for value in (
            ctx.get("survey_url"),
            ctx.get("respond_url"),
            ctx["company"],
            ctx["candidate"]["name"],
            ctx["candidate"]["first_name"],
            ctx["position"]["title"],
            str(ctx.get("reason") or ""),
        ):
            if value:
                fixed = fixed.replace(value, "")
        limit = 70 if template["locale"].startswith("zh") else 140
        assert len(fixed) <= limit, (len(fixed), text)


# --- realistic content -----------------------------------------------------------------
# What recruiting really sends: an interviewer's sentence or a dimension name as the
# strength, a "what the role needs" phrase as the reason, a full sentence as suggestion.

REALISTIC = {
    "zh-CN": {
        "strengths": ["数据分析能力扎实，方法清晰", "专业技术能力"],
        "reasons": ["华东区域渠道管理经验", "更扎实的业务理解能力", "5年以上相关工作经验"],
        "suggestion": "针对上面提到的这一点，可以在实际项目中有意识地多加锻炼。",
    },
    "en": {
        "strengths": [
            "your campaign analysis was rigorous and clearly structured",
            "Technical ability",
        ],
        "reasons": [
            "Go high-concurrency project experience",
            "a stronger level of business understanding",
            "at least 5 years of relevant experience",
        ],
        "suggestion": "A hands-on project or course in live-stream marketing would help.",
    },
    "zh-TW": {
        "strengths": ["資料分析能力紮實，方法清楚", "專業技術能力"],
        "reasons": ["華東區域通路管理經驗", "更扎實的業務理解能力", "5年以上相關工作經驗"],
        "suggestion": "針對上面提到的這一點，可以在實際專案中有意識地多加練習。",
    },
}
REJECTIONS = [t for t in TEMPLATES if t["kind"] == "rejection"]


def _realistic(locale: str, strength: str, reason: str, *, org_unit: str | None, stage: str):
    sample = REALISTIC[locale]
    event = CandidateRejected.model_validate(
        {
            "application_id": "a-1",
            "rejected_at": "2026-11-25T09:30:00Z",
            "stage": stage,
            "decided_by": "hr-1",
            "candidate": {
                "id": "c-1",
                "name": "Jane Doe" if locale == "en" else "张伟",
                "locale": locale,
                "talent_pool_consent": True,
            },
            "position": {
                "id": "p-1",
                "title": "Marketing Strategy Manager, East China",
                "job_family": "marketing",
                "org_unit_name": org_unit,
            },
            "strengths": [strength],
            "reasons": [{"code": "gap", "text": reason}],
            "suggestions": [sample["suggestion"]],
        }
    )
    return rejection_context(event, survey_url="https://x/s/t", company_name="Acme")


@pytest.mark.parametrize("template", REJECTIONS, ids=ids(REJECTIONS))
def test_rejections_read_naturally_with_realistic_content(template):
    locale = template["locale"]
    sample = REALISTIC[locale]
    for strength in sample["strengths"]:
        for reason in sample["reasons"]:
            for org_unit in ("Marketing", None):
                for stage in ("screening", "interview"):
                    ctx = _realistic(locale, strength, reason, org_unit=org_unit, stage=stage)
                    out = render(template["subject"], template["body"], ctx, html=False)
                    text = out.text
                    assert reason in text or template["channel"] == "sms"
                    assert "None" not in text and "None" not in (out.subject or "")
                    if locale.startswith("zh"):
                        # Deficit and double-comparative phrasings read as written by a machine.
                        assert "更看重更" not in text and "需要缺少" not in text
                        assert "「Marketing Strategy Manager, East China」" in text
                        # The org unit never runs into the title.
                        assert "MarketingMarketing" not in text
                    else:
                        assert "MarketingMarketing" not in text
                        assert "Marketing Marketing Strategy" not in text


def test_chinese_position_line_separates_unit_and_title():
    t = next(t for t in REJECTION_EMAILS if t["name"] == "rejection-general-any-zh-CN-email")
    ctx = _realistic(
        "zh-CN",
        "数据分析能力扎实，方法清晰",
        "华东区域渠道管理经验",
        org_unit="Marketing cb0b06",
        stage="interview",
    )
    text = render(t["subject"], t["body"], ctx, html=False).text
    assert "参加Marketing cb0b06「Marketing Strategy Manager, East China」岗位的面试" in text
    assert "面试官特别提到了您的这一点：数据分析能力扎实，方法清晰。" in text
    assert "这个岗位现阶段需要华东区域渠道管理经验。" in text
    ctx["position"] = ctx["position"] | {"org_unit_name": None}
    text = render(t["subject"], t["body"], ctx, html=False).text
    assert "参加「Marketing Strategy Manager, East China」岗位的面试" in text


def test_english_position_line_names_the_unit_after_the_role():
    t = next(t for t in REJECTION_EMAILS if t["name"] == "rejection-engineering-any-en-email")
    ctx = _realistic(
        "en",
        "Technical ability",
        "Go high-concurrency project experience",
        org_unit="Platform",
        stage="interview",
    )
    text = render(t["subject"], t["body"], ctx, html=False).text
    assert "the Marketing Strategy Manager, East China role in our Platform." in text
    # The phrasing step writes a strength after a colon the way a sentence continues.
    assert "What our engineers particularly noted: technical ability." in text
    assert "this role needs Go high-concurrency project experience," in text


def test_invitation_position_line_separates_unit_and_title():
    t = next(t for t in TEMPLATES if t["name"] == "invitation-general-any-zh-CN-email")
    ctx = sample_context("invitation", locale="zh-CN")
    text = render(t["subject"], t["body"], ctx, html=False).text
    assert "平台技术部的「后端开发工程师」" in text
    ctx["position"] = ctx["position"] | {"org_unit_name": None}
    text = render(t["subject"], t["body"], ctx, html=False).text
    assert "新岗位：「后端开发工程师」" in text
