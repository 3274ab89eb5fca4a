from __future__ import annotations

import re

import pytest

from notify_service.domain.compliance import scan
from notify_service.domain.defaults import default_templates
from notify_service.domain.templates import render, sample_context, validate_template

TEMPLATES = default_templates()
REJECTION_EMAILS = [t for t in TEMPLATES if t["kind"] == "rejection" and t["channel"] == "email"]
SMS = [t for t in TEMPLATES if t["channel"] == "sms"]


def ids(templates):
    return [t["name"] for t in templates]


def test_catalogue_shape():
    keys = {(t["kind"], t["job_family"], t["stage"], t["locale"], t["channel"]) for t in TEMPLATES}
    assert len(keys) == len(TEMPLATES), "duplicate template keys"
    for family in ("engineering", "sales", "campus", "*"):
        for locale in ("zh-CN", "en"):
            for channel in ("email", "sms"):
                assert ("rejection", family, "*", locale, channel) in keys
    for locale in ("zh-CN", "en"):
        assert ("rejection", "*", "screening", locale, "email") in keys
        for channel in ("email", "sms"):
            assert ("invitation", "*", "*", locale, channel) in keys
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
    positions = [text.find(ctx["strength"]), text.find(ctx["reason"]), text.find(ctx["suggestion"])]
    assert all(p >= 0 for p in positions), text
    assert positions == sorted(positions)
    assert ctx["survey_url"] in text
    assert ctx["position"]["title"] in out.subject
    thanks = "感谢" if template["locale"] == "zh-CN" else "Thank you"
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
    if template["locale"] == "zh-CN":
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
            ctx.get("reason"),
        ):
            if value:
                fixed = fixed.replace(value, "")
        limit = 70 if template["locale"] == "zh-CN" else 140
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
}
REJECTIONS = [t for t in TEMPLATES if t["kind"] == "rejection"]


def _realistic(locale: str, strength: str, reason: str, *, org_unit: str | None, stage: str):
    sample = REALISTIC[locale]
    ctx = sample_context("rejection", locale=locale)
    ctx["position"] = ctx["position"] | {
        "title": "Marketing Strategy Manager, East China",
        "org_unit_name": org_unit,
    }
    suggestion = sample["suggestion"].rstrip("。.")
    return ctx | {"strength": strength, "reason": reason, "suggestion": suggestion, "stage": stage}


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
                    if locale == "zh-CN":
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
    assert "What our engineers particularly noted: Technical ability." in text
    assert "this role needs Go high-concurrency project experience," in text


def test_invitation_position_line_separates_unit_and_title():
    t = next(t for t in TEMPLATES if t["name"] == "invitation-general-any-zh-CN-email")
    ctx = sample_context("invitation", locale="zh-CN")
    text = render(t["subject"], t["body"], ctx, html=False).text
    assert "平台技术部的「后端开发工程师」" in text
    ctx["position"] = ctx["position"] | {"org_unit_name": None}
    text = render(t["subject"], t["body"], ctx, html=False).text
    assert "新岗位：「后端开发工程师」" in text
