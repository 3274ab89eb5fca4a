from __future__ import annotations

from datetime import UTC, datetime

import pytest

from notify_service.domain.templates import (
    TemplateError,
    first_name_guess,
    invitation_context,
    rejection_context,
    render,
    sample_context,
    text_to_html,
)
from talentloop_shared.events.payloads import CandidateRejected, TalentInvited

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def rejected(**overrides) -> CandidateRejected:
    data = {
        "application_id": "a-1",
        "rejected_at": NOW,
        "stage": "interview",
        "decided_by": "hr-1",
        "candidate": {"id": "c-1", "name": "Jane Doe", "locale": "en"},
        "position": {
            "id": "p-1",
            "title": "Backend Engineer",
            "job_family": "engineering",
            "org_unit_name": "Platform",
        },
        "strengths": ["Your algorithm design was clear and well reasoned.", "calm under pressure"],
        "reasons": [
            {
                "code": "missing_experience",
                "text": "hands-on Go high-concurrency project experience",
            }
        ],
        "suggestions": ["a Go project with real concurrency"],
    } | overrides
    return CandidateRejected.model_validate(data)


def test_rejection_context_maps_the_event():
    ctx = rejection_context(rejected(), survey_url="https://x/s/t", company_name="Acme")
    assert ctx["candidate"]["name"] == "Jane Doe"
    assert ctx["candidate"]["first_name"] == "Jane"
    assert ctx["position"] == {
        "title": "Backend Engineer",
        "org_unit_name": "Platform",
        "job_family": "engineering",
    }
    # Phrased for the reader; trailing punctuation goes: templates add their own full stop.
    assert str(ctx["strength"]) == "your algorithm design was clear and well reasoned"
    assert str(ctx["strengths"][1]) == "calm under pressure"
    assert str(ctx["reason"]) == "hands-on Go high-concurrency project experience"
    assert ctx["reason"].fits and ctx["reason"].form == "phrase"
    assert ctx["reasons"][0].code == "missing_experience"
    assert str(ctx["suggestion"]) == "a Go project with real concurrency"
    assert ctx["survey_url"] == "https://x/s/t"
    assert ctx["company"] == "Acme"
    assert ctx["stage"] == "interview"
    assert "email" not in ctx["candidate"]  # contact details stay out of templates


def test_rejection_context_with_empty_lists():
    ctx = rejection_context(
        rejected(strengths=[], reasons=[], suggestions=["  "]), survey_url="u", company_name="A"
    )
    assert (ctx["strength"], ctx["reason"], ctx["suggestion"]) == ("", "", "")
    assert ctx["strengths"] == ctx["reasons"] == ctx["suggestions"] == []


def test_invitation_context():
    event = TalentInvited.model_validate(
        {
            "invitation_id": "i",
            "match_id": "m",
            "invited_by": "hr",
            "invited_at": NOW,
            "candidate": {"id": "c", "name": "李娜", "locale": "zh-CN"},
            "position": {"id": "p", "title": "医疗数据分析师"},
            "message": " 期待与您再次交流 ",
        }
    )
    ctx = invitation_context(event, company_name="Acme")
    assert ctx["candidate"]["first_name"] == "李娜"
    assert ctx["position"]["title"] == "医疗数据分析师"
    assert ctx["message"] == "期待与您再次交流"
    assert ctx["explanation"] == ""
    assert ctx["respond_url"] == ""


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jane Doe", "Jane"),
        ("  Jane   Q. Doe ", "Jane"),
        ("Doe, Jane", "Jane"),
        ("张伟", "张伟"),
        ("欧阳 娜娜", "欧阳 娜娜"),
        ("Madonna", "Madonna"),
        ("", ""),
    ],
)
def test_first_name_guess(name, expected):
    assert first_name_guess(name) == expected


def test_render_text_and_html_escape_payload_values():
    ctx = {"name": '<script>alert("x")</script>', "url": "https://ex.com/s?a=1&b=2"}
    out = render(
        "Hi {{ name }}", "Dear {{ name }},\nline two\n\n\n\nSee {{ url }}.", ctx, html=True
    )
    assert (
        out.text == 'Dear <script>alert("x")</script>,\nline two\n\nSee https://ex.com/s?a=1&b=2.'
    )
    assert out.html is not None
    assert "<script>" not in out.html
    assert "&lt;script&gt;" in out.html
    assert out.html.count("<p>") == 2
    assert "line two" in out.html and "<br>" in out.html
    assert '<a href="https://ex.com/s?a=1&amp;b=2">' in out.html
    assert out.html.endswith("</a>.</p>")


def test_render_without_html_and_one_line_subject():
    out = render("Hello\r\nBcc: evil@example.com {{ n }}", "x", {"n": "A\nB"}, html=False)
    assert out.html is None
    assert "\n" not in (out.subject or "") and "\r" not in (out.subject or "")
    assert render(None, "sms {{ n }}", {"n": None}, html=False) == render(
        None, "sms ", {}, html=False
    )


def test_render_unknown_variable_raises_template_error():
    with pytest.raises(TemplateError) as info:
        render("s", "{{ candidate.salary }}", {"candidate": {"name": "x"}}, html=False)
    assert info.value.problems[0].field == "body"
    assert "salary" in info.value.problems[0].msg


def test_render_syntax_error_names_the_line():
    with pytest.raises(TemplateError) as info:
        render("ok", "line one\n{% if x %}\nno end", {"x": 1}, html=False)
    assert info.value.problems[0].line is not None


def test_sandbox_blocks_python_internals():
    with pytest.raises(TemplateError):
        render("s", "{{ ''.__class__.__mro__[1].__subclasses__() }}", {}, html=False)
    with pytest.raises(TemplateError):
        render("s", "{{ xs.append(1) }}", {"xs": []}, html=False)


def test_text_to_html_paragraphs():
    assert text_to_html("a\nb\n\n  \n\nc & d") == "<p>a<br>\nb</p>\n<p>c &amp; d</p>"


def test_sample_context_locales_and_sparse():
    assert sample_context("rejection", locale="zh-CN")["candidate"]["name"] == "张伟"
    sparse = sample_context("rejection", sparse=True)
    assert sparse["strengths"] == [] and sparse["stage"] == "screening"
    assert sample_context("invitation")["respond_url"].startswith("https://")
    with pytest.raises(ValueError):
        sample_context("offer")


def test_templates_may_read_the_phrased_items_and_typos_are_named():
    from notify_service.domain.templates import validate_template

    body = (
        "{% if reason %}{% if reason.fits %}needs {{ reason.need }} ({{ reason.form }}, "
        "{{ reason.code }}){% else %}{{ reason.sentence }}{% endif %}{% endif %} {{ survey_url }}"
    )
    assert validate_template("Hi", body, kind="rejection", channel="email") == []
    [problem] = validate_template("Hi", "{{ reason.nede }}", kind="rejection", channel="email")
    assert "reason.nede" in problem.msg


def test_the_title_and_phrases_are_in_the_readers_language():
    event = rejected(
        candidate={"id": "c", "name": "张伟", "locale": "zh-CN"},
        position={
            "id": "p",
            "title": "Clinical Data Manager",
            "titles": {"zh-CN": "临床数据经理", "zh-TW": "臨床資料經理"},
            "job_family": "general",
        },
        reasons=[{"code": "gap", "text": "缺乏团队管理经验"}],
    )
    ctx = rejection_context(event, survey_url="u", company_name="A")
    assert ctx["position"]["title"] == "临床数据经理"
    assert ctx["reason"].need == "团队管理经验" and ctx["reason"].form == "deficit"
    tw = rejection_context(event, survey_url="u", company_name="A", locale="zh-Hant-HK")
    assert tw["position"]["title"] == "臨床資料經理"
    en = rejection_context(event, survey_url="u", company_name="A", locale="en")
    assert en["position"]["title"] == "Clinical Data Manager"
