"""People's words in notices, end to end (issues 19 and 14): the phrasing step, templates
by band and background, the candidate's language for titles, and language packs that are
data — a pack folder given to a running service brings a language with no code change."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest_asyncio
from notify_testkit import as_awaitable, mails_to, notice_in, notices_of, publish, rejection

from notify_service.config import Settings
from notify_service.main import MIGRATIONS, definition
from talentloop_shared.testing.harness import RunningService, service_under_test
from talentloop_shared.testing.plugin import eventually

# Characters only Simplified Chinese writes this way (their Traditional forms differ).
SIMPLIFIED_ONLY = "这们馈问请岗给发试团队经验与应聘录"


async def _mailed_text(sink: Any, address: str | None) -> str:
    """The text of the mail the candidate received (notices show HR the link hidden)."""
    mails = await eventually(
        lambda: as_awaitable(mails_to(sink, address or "")), timeout=10, message="the mail"
    )
    text: str = mails[0].text()
    return text


def _survey_path(text: str) -> str:
    """The survey page's path from the link in a notice's text."""
    link = next(w for w in text.replace("：", " ").split() if "/survey/" in w)
    return urlsplit(link.rstrip("。.，,)")).path


async def test_a_close_miss_and_a_far_one_read_differently(svc, client, auth, amqp_url, mail_sink):
    hr = auth("hr_admin")
    close = rejection(band="close")
    far = rejection(band="far")
    unscored = rejection()
    for payload in (close, far, unscored):
        await publish(svc, amqp_url, payload)
    names = {}
    for label, payload in (("close", close), ("far", far), ("unscored", unscored)):
        [notice] = await notices_of(client, hr, payload.application_id)
        names[label] = notice["template_name"]
        sent = await notice_in(client, hr, notice["id"], "sent")
        if label == "close":
            assert "you were close" in sent["body_text"]
            assert "This role needs hands-on Go high-concurrency experience" in sent["body_text"]
        if label == "far":
            assert "not a near miss" in sent["body_text"]
    assert names == {
        "close": "rejection-general-any-close-en-email",
        "far": "rejection-general-any-far-en-email",
        # No scorecard: the stage and family rules as before.
        "unscored": "rejection-engineering-any-en-email",
    }
    assert mails_to(mail_sink, close.candidate.email or "")


async def test_background_templates_are_chosen_before_general_ones(svc, client, auth, amqp_url):
    hr = auth("hr_admin")
    body = "Hi {{ candidate.first_name }}, career changers welcome back. {{ survey_url }}"
    created = await client.post(
        "/api/v1/templates",
        headers=hr,
        json={
            "kind": "rejection",
            "job_family": "*",
            "stage": "*",
            "band": "far",
            "background": "career_change",
            "locale": "en",
            "channel": "email",
            "subject": "About {{ position.title }}",
            "body": body,
        },
    )
    assert created.status_code == 201, created.text
    assert (created.json()["band"], created.json()["background"]) == ("far", "career_change")
    assert created.json()["name"] == "rejection-general-any-far-career_change-en-email"
    taken = await client.post("/api/v1/templates", headers=hr, json=created.json() | {"id": None})
    assert taken.status_code in (409, 422)
    changer = rejection(band="far", background="career_change")
    graduate = rejection(band="far", background="campus")
    for payload in (changer, graduate):
        await publish(svc, amqp_url, payload)
    [a] = await notices_of(client, hr, changer.application_id)
    [b] = await notices_of(client, hr, graduate.application_id)
    assert a["template_name"] == "rejection-general-any-far-career_change-en-email"
    assert b["template_name"] == "rejection-general-any-far-en-email"
    listed = await client.get(
        "/api/v1/templates", headers=hr, params={"background": "career_change"}
    )
    assert [t["id"] for t in listed.json()["items"]] == [created.json()["id"]]


async def test_peoples_words_are_fitted_into_the_notice(svc, client, auth, amqp_url):
    hr = auth("hr_admin")
    en = rejection(
        reasons=["lacks hands-on Kafka experience"],
        strengths=["Strong communication skills."],
        suggestions=["We suggest you take a Kafka course."],
    )
    zh = rejection(
        locale="zh-CN",
        name="张伟",
        reasons=["需要有 Go 语言高并发项目的实际经验"],
        suggestions=["建议参与开源项目。"],
    )
    for payload in (en, zh):
        await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, hr, en.application_id)
    text = (await notice_in(client, hr, notice["id"], "sent"))["body_text"]
    assert "this role needs hands-on Kafka experience, and that is" in text
    assert "needs lacks" not in text and "suggestion from the team, if it helps: take a" in text
    [notice] = await notices_of(client, hr, zh.application_id)
    text = (await notice_in(client, hr, notice["id"], "sent"))["body_text"]
    assert "这个岗位需要有 Go 语言高并发项目的实际经验，" in text
    assert "需要需要" not in text and "我们的建议是：参与开源项目。" in text


async def test_an_empty_suggestion_list_leaves_the_paragraph_out(svc, client, auth, amqp_url):
    hr = auth("hr_admin")
    payload = rejection(locale="zh-CN", name="张伟", suggestions=[])
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, hr, payload.application_id)
    text = (await notice_in(client, hr, notice["id"], "sent"))["body_text"]
    assert "建议" not in text and "\n\n\n" not in text


async def test_a_phrase_that_cannot_be_fitted_holds_the_notice(svc, client, auth, amqp_url):
    hr = auth("hr_admin")
    payload = rejection(
        locale="zh-CN", name="张伟", reasons=["稳定性不足，近三年换了四份工作"], band="far"
    )
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, hr, payload.application_id)
    assert notice["status"] == "pending_review"
    assert "wording to check" in notice["status_reason"]
    [flag] = notice["flags"]
    assert flag["category"] == "phrasing" and flag["source"] == "reasons"
    assert flag["phrase"] == "稳定性不足，近三年换了四份工作"
    # Quoted as a remark, never forced into "这个岗位需要…".
    assert "面试官的主要意见是：稳定性不足，近三年换了四份工作。" in notice["body_text"]
    assert "需要稳定性不足" not in notice["body_text"]
    approved = await client.post(f"/api/v1/notifications/{notice['id']}/approve", headers=hr)
    assert approved.status_code == 200, approved.text
    await notice_in(client, hr, notice["id"], "sent")


async def test_a_zh_tw_candidate_reads_traditional_chinese(svc, client, auth, amqp_url, mail_sink):
    hr = auth("hr_admin")
    payload = rejection(
        locale="zh-TW",
        name="陳怡君",
        titles={"zh-CN": "后端开发工程师", "zh-TW": "後端開發工程師"},
    )
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, hr, payload.application_id)
    assert notice["template_name"] == "rejection-general-any-zh-TW-email"
    sent = await notice_in(client, hr, notice["id"], "sent")
    text = sent["subject"] + sent["body_text"]
    assert "「後端開發工程師」" in text and "Backend Engineer" not in text
    assert "這個職位現階段需要Go語言高並發專案的實戰經驗" in text
    assert not [ch for ch in SIMPLIFIED_ONLY if ch in text], text
    mailed = await _mailed_text(mail_sink, payload.candidate.email)
    page = await client.get(_survey_path(mailed))
    assert page.status_code == 200 and 'lang="zh-TW"' in page.text
    assert "請評價這封通知" in page.text
    assert not [ch for ch in SIMPLIFIED_ONLY if ch in page.text]


async def test_the_title_is_in_the_candidates_language(svc, client, auth, amqp_url):
    hr = auth("hr_admin")
    payload = rejection(locale="zh-CN", name="张伟", titles={"zh-CN": "临床数据经理"})
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, hr, payload.application_id)
    sent = await notice_in(client, hr, notice["id"], "sent")
    assert "「临床数据经理」" in sent["subject"] and "「临床数据经理」" in sent["body_text"]
    assert "Backend Engineer" not in sent["body_text"]


# --- a language pack from a folder -----------------------------------------------------

GERMAN_TEMPLATE: dict[str, Any] = {
    "name": "rejection-general-any-de-email",
    "kind": "rejection",
    "channel": "email",
    "subject": "Ihre Bewerbung als {{ position.title }}",
    "body": [
        "Guten Tag {{ candidate.first_name }},",
        "",
        "vielen Dank für Ihre Bewerbung als {{ position.title }}.",
        "",
        "{% if reason %}{% if reason.fits %}Für diese Stelle brauchen wir {{ reason.need }}."
        "{% else %}{{ reason.sentence }}{% endif %}{% endif %}",
        "",
        "Ihre Meinung: {{ survey_url }}",
    ],
}
GERMAN_SURVEY = {
    "lang": "de",
    "title": "Wie war unsere Nachricht?",
    "questions": {"tone": "Wie respektvoll war die Nachricht?"},
}


@pytest_asyncio.fixture
async def with_a_pack(
    tmp_path: Path, databases: Any, amqp_url: str, amqp_namespace: str, mail_sink: Any, auth: Any
) -> AsyncIterator[RunningService]:
    """A second notify-service given a folder with a German pack (NOTIFY_LANGUAGE_PACKS_DIR)."""
    german = tmp_path / "packs" / "de"
    german.mkdir(parents=True)
    (german / "notice_templates.json").write_text(
        json.dumps({"templates": [GERMAN_TEMPLATE]}), encoding="utf-8"
    )
    (german / "survey.json").write_text(json.dumps(GERMAN_SURVEY), encoding="utf-8")
    async with service_under_test(
        definition,
        Settings,
        databases=databases,
        amqp_url=amqp_url,
        namespace=f"{amqp_namespace}notifypacks.",
        migrations=MIGRATIONS,
        smtp_host="127.0.0.1",
        smtp_port=mail_sink.port,
        dispatch_poll_seconds=0.2,
        smtp_timeout_seconds=2.0,
        language_packs_dir=str(tmp_path / "packs"),
    ) as running:
        yield running


async def test_a_pack_folder_brings_a_language_without_code(with_a_pack, auth, amqp_url, mail_sink):
    svc, client, hr = with_a_pack, with_a_pack.client, auth("hr_admin")
    seeded = await client.get("/api/v1/templates", headers=hr, params={"locale": "de"})
    assert [t["name"] for t in seeded.json()["items"]] == ["rejection-general-any-de-email"]
    payload = rejection(
        locale="de-AT",
        name="Anna Huber",
        reasons=["lacks production Kubernetes experience"],
        titles={"de": "Backend-Entwicklerin"},
    )
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, hr, payload.application_id)
    assert notice["template_name"] == "rejection-general-any-de-email"

    async def sent() -> dict[str, Any] | None:
        body = (await client.get(f"/api/v1/notifications/{notice['id']}", headers=hr)).json()
        return body if body["status"] in ("sent", "pending_review") else None

    done = await eventually(sent, timeout=10.0, message="the German notice")
    assert done["subject"] == "Ihre Bewerbung als Backend-Entwicklerin"
    assert "Für diese Stelle brauchen wir production Kubernetes experience." in done["body_text"]
    assert done["status"] == "sent", done["status_reason"]
    page = await client.get(_survey_path(await _mailed_text(mail_sink, payload.candidate.email)))
    assert 'lang="de"' in page.text and "Wie war unsere Nachricht?" in page.text
    assert "Wie respektvoll war die Nachricht?" in page.text


async def test_the_preview_shows_hr_the_phrasing_and_what_to_check(svc, client, auth):
    hr = auth("hr_admin")
    listed = await client.get(
        "/api/v1/templates",
        headers=hr,
        params={"locale": "zh-CN", "channel": "email", "band": "far", "limit": 5},
    )
    [template] = listed.json()["items"]
    payload = rejection(
        locale="zh-CN", name="张伟", reasons=["与岗位要求不匹配"], band="far"
    ).model_dump(mode="json")
    r = await client.post(
        f"/api/v1/templates/{template['id']}/preview", headers=hr, json={"payload": payload}
    )
    assert r.status_code == 200, r.text
    preview = r.json()
    assert "面试官的主要意见是：与岗位要求不匹配。" in preview["text"]
    [flag] = preview["flags"]
    assert flag["category"] == "phrasing" and "具体差距" in flag["why"]
