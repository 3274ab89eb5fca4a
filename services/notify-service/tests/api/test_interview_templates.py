"""Interview email templates live in the same library as rejections: seeded defaults in
en, zh-CN and zh-TW, validated on save, previewed against a payload, and an edit is what
the next interview email says."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from interview_testkit import mail_to, scheduled
from notify_testkit import as_awaitable, mails_to, publish
from notify_webhooks_kit import HR_ALERTS
from sqlalchemy import func, select, update

from notify_service.db.models import NoticeTemplate, Notification, TemplateVersion
from notify_service.domain import shipped_template, template_key, text_digest
from notify_service.service.templates import seed_default_templates
from talentloop_shared.testing.plugin import eventually

KINDS = (
    "interview_invitation",
    "interview_update",
    "interview_cancellation",
    "interview_reminder",
    "scorecard_due",
)


async def test_every_interview_kind_has_defaults_in_english_and_chinese(client, auth):
    for kind in KINDS:
        r = await client.get(
            "/api/v1/templates", headers=auth("hr_admin"), params={"kind": kind, "limit": 100}
        )
        assert r.status_code == 200
        locales = {t["locale"] for t in r.json()["items"] if t["job_family"] == "*"}
        assert {"en", "zh-CN", "zh-TW"} <= locales, kind


async def test_an_interview_template_is_validated_and_previewed(client, auth):
    h = auth("hr_admin")
    family = f"fam{uuid.uuid4().hex[:8]}"
    base = {
        "kind": "interview_invitation",
        "job_family": family,
        "locale": "en",
        "channel": "email",
        "subject": "Interview on {{ interview.date }}",
    }
    bad = await client.post(
        "/api/v1/templates", headers=h, json=base | {"body": "{{ interview.salary }}"}
    )
    assert bad.status_code == 422 and "interview.salary" in bad.json()["detail"]
    # `interview.panel` is a list of names; in a sparse sample it is empty.
    body = "Hi {{ reader.first_name }}: {{ interview.when }}. {{ interview.panel | join(', ') }}"
    r = await client.post("/api/v1/templates", headers=h, json=base | {"body": body})
    assert r.status_code == 201, r.text
    tid = r.json()["id"]
    payload = scheduled(start=datetime(2026, 12, 1, 2, 0, tzinfo=UTC)).model_dump(mode="json")
    preview = await client.post(
        f"/api/v1/templates/{tid}/preview", headers=h, json={"payload": payload}
    )
    assert preview.status_code == 200, preview.text
    text = preview.json()["text"]
    assert "Hi 张伟" in text and "10:00–11:00（Asia/Shanghai）" in text
    assert "Li Lei, Maria Garcia" in text
    wrong = await client.post(
        f"/api/v1/templates/{tid}/preview", headers=h, json={"payload": {"start": "x"}}
    )
    assert wrong.status_code == 422 and "interview-scheduled" in wrong.json()["detail"]


async def test_an_edited_template_is_what_the_next_invitation_says(
    svc, client, auth, amqp_url, mail_sink
):
    family = f"fam{uuid.uuid4().hex[:8]}"
    r = await client.post(
        "/api/v1/templates",
        headers=auth("hr_admin"),
        json={
            "kind": "interview_invitation",
            "job_family": family,
            "locale": "zh-CN",
            "channel": "email",
            "subject": "{{ company }} 面试：{{ interview.date }}",
            "body": "{{ reader.name }}，专属模板。时间：{{ interview.when }}",
        },
    )
    assert r.status_code == 201, r.text
    # Starts within the hour: no reminder is planned, none is left behind.
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(minutes=30)
    payload = scheduled(start=start, panel=())
    payload.position.job_family = family
    await publish(svc, amqp_url, payload, event_type="interview-scheduled")
    [mail] = await mail_to(mail_sink, payload.candidate.email or "")
    assert "专属模板" in mail.text() and mail.subject.startswith("Acme 面试")
    assert len(mails_to(mail_sink, payload.candidate.email or "")) == 1


async def test_a_default_nobody_edited_follows_the_shipped_text_and_an_edited_one_stays(
    svc, client, auth
):
    """An install seeded by an older release gets a newer shipped text on its next start,
    as a new version, unless HR edited the template since."""
    h = auth("hr_admin")
    found = await client.get(
        "/api/v1/templates",
        headers=h,
        params={"kind": "interview_invitation", "locale": "en", "limit": 100},
    )
    [shipped] = [t for t in found.json()["items"] if t["job_family"] == "*"]
    zh = await client.get(
        "/api/v1/templates",
        headers=h,
        params={"kind": "interview_invitation", "locale": "zh-CN", "limit": 100},
    )
    [edited] = [t for t in zh.json()["items"] if t["job_family"] == "*"]
    # As an older release seeded them: without the scorecard line.
    older = "\n".join(line for line in shipped["body"].split("\n") if "scorecard_url" not in line)
    older_zh = "\n".join(line for line in edited["body"].split("\n") if "scorecard_url" not in line)
    async with svc.runtime.session_factory() as session:
        for template_id, body in ((shipped["id"], older), (edited["id"], older_zh)):
            await session.execute(
                update(NoticeTemplate).where(NoticeTemplate.id == template_id).values(body=body)
            )
        await session.commit()
    # HR edits the Chinese one (a new version by them).
    changed = await client.patch(
        f"/api/v1/templates/{edited['id']}",
        headers={**h, "If-Match": f'"{edited["version"]}"'},
        json={"body": older_zh + "\n\n（HR 修改）"},
    )
    assert changed.status_code == 200, changed.text

    async with svc.runtime.uow_factory() as uow:
        assert await seed_default_templates(uow) >= 1

    after = (await client.get(f"/api/v1/templates/{shipped['id']}", headers=h)).json()
    assert after["body"] == shipped["body"] and "scorecard_url" in after["body"]
    assert after["version"] == shipped["version"] + 1
    versions = (await client.get(f"/api/v1/templates/{shipped['id']}/versions", headers=h)).json()
    assert [v["created_by"] for v in versions][-1] == "defaults"
    kept = (await client.get(f"/api/v1/templates/{edited['id']}", headers=h)).json()
    assert kept["body"].endswith("（HR 修改）") and "scorecard_url" not in kept["body"]
    # Nothing left to do on the next start.
    async with svc.runtime.uow_factory() as uow:
        assert await seed_default_templates(uow) == 0


async def _as_an_older_release_seeded(svc, template: dict, body: str) -> None:
    """The template as a release from before shipped digests were kept seeded it: `body`
    as its text and its seeded version's, no digest."""
    async with svc.runtime.session_factory() as session:
        await session.execute(
            update(NoticeTemplate)
            .where(NoticeTemplate.id == template["id"])
            .values(body=body, shipped_digest=None)
        )
        await session.execute(
            update(TemplateVersion)
            .where(TemplateVersion.template_id == template["id"])
            .values(body=body)
        )
        await session.commit()


async def _review_alert_rows(svc) -> int:
    async with svc.runtime.session_factory() as session:
        return await session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.kind == "alert.templates_to_review")
        )


async def _set(svc, template_id: str, **values) -> None:
    async with svc.runtime.session_factory() as session:
        await session.execute(
            update(NoticeTemplate).where(NoticeTemplate.id == template_id).values(**values)
        )
        await session.commit()


async def _seed(svc) -> int:
    async with svc.runtime.uow_factory() as uow:
        return await seed_default_templates(uow)


def _review_alerts(sink, naming: str):
    """The templates-to-review alerts HR's address got that name `naming` (other tests
    write such alerts too)."""
    return [
        m
        for m in mails_to(sink, HR_ALERTS)
        if m.kind == "alert.templates_to_review" and naming in m.text()
    ]


async def test_hr_is_shown_which_edited_templates_a_release_changed_and_reviews_them(
    svc, client, auth, mail_sink
):
    """HR's edit of a template whose shipped text a release then changed (here: the panel's
    scorecard link added) is kept, and marked for review: HR can list those templates,
    read the shipped text beside theirs, and adopt it or keep theirs; either clears the
    mark until a release ships another text."""
    h = auth("hr_admin")
    listed = await client.get(
        "/api/v1/templates",
        headers=h,
        params={"kind": "interview_invitation", "limit": 100},
    )
    general = {t["locale"]: t for t in listed.json()["items"] if t["job_family"] == "*"}
    en, zh = general["en"], general["zh-CN"]
    assert not en["shipped_changed"] and not zh["shipped_changed"]
    assert en["has_shipped_text"] and zh["has_shipped_text"]
    for t in (en, zh):
        older = "\n".join(x for x in t["body"].split("\n") if "scorecard_url" not in x)
        await _as_an_older_release_seeded(svc, t, older)
        edited = await client.patch(
            f"/api/v1/templates/{t['id']}",
            headers={**h, "If-Match": f'"{t["version"]}"'},
            json={"body": older + "\n\n(HR)"},
        )
        assert edited.status_code == 200, edited.text
        assert not edited.json()["shipped_changed"]

    async with svc.runtime.uow_factory() as uow:
        assert await seed_default_templates(uow) == 2
    # HR's alert address hears of it once, with where to look.
    [alert] = await eventually(
        lambda: as_awaitable(_review_alerts(mail_sink, zh["name"])),
        message="the templates-to-review alert",
    )
    assert alert.subject == "更新后有 2 个通知模板待审阅"  # in HR's alert language
    alerts_written = await _review_alert_rows(svc)
    assert en["name"] in alert.text() and zh["name"] in alert.text()
    assert "/notices/templates?shipped_changed=true" in alert.text()

    marked = await client.get(
        "/api/v1/templates",
        headers=h,
        params={"kind": "interview_invitation", "shipped_changed": "true", "limit": 100},
    )
    assert {t["id"] for t in marked.json()["items"]} == {en["id"], zh["id"]}
    mine = (await client.get(f"/api/v1/templates/{zh['id']}", headers=h)).json()
    assert mine["shipped_changed"] and mine["body"].endswith("(HR)")  # HR's words kept
    shipped = await client.get(f"/api/v1/templates/{zh['id']}/shipped", headers=h)
    assert shipped.status_code == 200
    ships = shipped_template(template_key(zh))
    assert ships is not None and "scorecard_url" in ships["body"]
    assert shipped.json() == {
        "subject": ships["subject"],
        "body": ships["body"],
        "changed": True,
        "digest": text_digest(ships["subject"], ships["body"]),
    }

    # Chinese: HR keeps theirs. English: HR puts the shipped text back.
    kept = await client.patch(
        f"/api/v1/templates/{zh['id']}",
        headers={**h, "If-Match": f'"{mine["version"]}"'},
        json={"shipped_reviewed": True, "shipped_digest": shipped.json()["digest"]},
    )
    assert kept.status_code == 200, kept.text
    assert not kept.json()["shipped_changed"] and kept.json()["body"] == mine["body"]
    assert kept.json()["version"] == mine["version"]  # no new text, no new version
    en_now = (await client.get(f"/api/v1/templates/{en['id']}", headers=h)).json()
    ships_en = shipped_template(template_key(en))
    assert ships_en is not None and en_now["subject"] == ships_en["subject"]
    adopted = await client.patch(
        f"/api/v1/templates/{en['id']}",
        headers={**h, "If-Match": f'"{en_now["version"]}"'},
        json={"body": ships_en["body"]},
    )
    assert adopted.status_code == 200, adopted.text
    assert not adopted.json()["shipped_changed"] and "scorecard_url" in adopted.json()["body"]

    # Reviewed is reviewed: the next start marks nothing again.
    async with svc.runtime.uow_factory() as uow:
        assert await seed_default_templates(uow) == 0
    assert await _review_alert_rows(svc) == alerts_written  # no second alert
    again = await client.get(
        "/api/v1/templates",
        headers=h,
        params={"kind": "interview_invitation", "shipped_changed": "true", "limit": 100},
    )
    assert again.json()["items"] == []


async def test_a_company_template_has_no_shipped_text_to_review(client, auth):
    h = auth("hr_admin")
    created = await client.post(
        "/api/v1/templates",
        headers=h,
        json={
            "kind": "interview_invitation",
            "job_family": "pastry-chef",
            "locale": "en",
            "channel": "email",
            "subject": "Your interview for {{ position.title }}",
            "body": "Dear {{ reader.name }}, see you soon.",
        },
    )
    assert created.status_code == 201, created.text
    own = created.json()
    assert not own["has_shipped_text"] and not own["shipped_changed"]
    shipped = await client.get(f"/api/v1/templates/{own['id']}/shipped", headers=h)
    assert shipped.status_code == 404
    assert shipped.headers["content-type"].startswith("application/problem+json")
    assert "company's own" in shipped.json()["detail"]
    reviewed = await client.patch(
        f"/api/v1/templates/{own['id']}",
        headers={**h, "If-Match": f'"{own["version"]}"'},
        json={"shipped_reviewed": True},
    )
    assert reviewed.status_code == 422
    assert reviewed.json()["errors"][0]["loc"][-1] == "shipped_reviewed"
    reader = await client.get(f"/api/v1/templates/{own['id']}/shipped", headers={})
    assert reader.status_code == 401


async def test_the_seeder_marks_only_what_hr_has_to_compare(svc, client, auth):
    """A later release changing a text HR edited marks it; HR's text that already is the
    new shipped text is not marked; a key no longer shipped drops its mark (there is
    nothing to compare with); the same marks coming back after a rollback and redeploy
    do not alert twice (nor stop notify starting); a review against a shipped text that
    changed since it was read is refused."""
    h = auth("hr_admin")
    found = await client.get(
        "/api/v1/templates",
        headers=h,
        params={"kind": "interview_reminder", "locale": "en", "limit": 100},
    )
    [t] = [x for x in found.json()["items"] if x["job_family"] == "*"]
    ships = shipped_template(template_key(t))
    assert ships is not None
    now = text_digest(ships["subject"], ships["body"])
    edited = await client.patch(
        f"/api/v1/templates/{t['id']}",
        headers={**h, "If-Match": f'"{t["version"]}"'},
        json={"body": ships["body"] + "\n(HR)"},
    )
    assert edited.status_code == 200, edited.text
    alerts_before = await _review_alert_rows(svc)

    # Set against an older shipped text: the release since changed it.
    await _set(svc, t["id"], shipped_digest="older")
    assert await _seed(svc) == 1
    mine = (await client.get(f"/api/v1/templates/{t['id']}", headers=h)).json()
    assert mine["shipped_changed"]
    assert await _review_alert_rows(svc) == alerts_before + 1

    # A review against a text read before another release came: 409, still marked.
    stale = await client.patch(
        f"/api/v1/templates/{t['id']}",
        headers={**h, "If-Match": f'"{mine["version"]}"'},
        json={"shipped_reviewed": True, "shipped_digest": "0" * 32},
    )
    assert stale.status_code == 409, stale.text
    assert "changed since it was compared" in stale.json()["detail"]
    assert (await client.get(f"/api/v1/templates/{t['id']}", headers=h)).json()["shipped_changed"]

    # The same marks again (reviewed, then a rollback and the release once more): marked,
    # no second alert, no failure.
    await _set(svc, t["id"], shipped_digest="older", shipped_changed=False)
    assert await _seed(svc) == 1
    assert await _review_alert_rows(svc) == alerts_before + 1

    # HR's text is the new shipped text: set against it, not marked.
    back = (await client.get(f"/api/v1/templates/{t['id']}", headers=h)).json()
    await _set(svc, t["id"], shipped_digest="older", shipped_changed=False)
    await _set(svc, t["id"], body=ships["body"], subject=ships["subject"])
    assert await _seed(svc) == 0
    row = (await client.get(f"/api/v1/templates/{t['id']}", headers=h)).json()
    assert not row["shipped_changed"] and back["version"] == row["version"]
    async with svc.runtime.session_factory() as session:
        digest = await session.scalar(
            select(NoticeTemplate.shipped_digest).where(NoticeTemplate.id == t["id"])
        )
    assert digest == now

    # A key no release ships (any more): its mark and digest go; it is the company's own.
    own = await client.post(
        "/api/v1/templates",
        headers=h,
        json={
            "kind": "interview_reminder",
            "job_family": f"gone-{uuid.uuid4().hex[:6]}",
            "locale": "en",
            "channel": "email",
            "subject": "Tomorrow: {{ position.title }}",
            "body": "Dear {{ reader.name }}, see you tomorrow.",
        },
    )
    assert own.status_code == 201, own.text
    await _set(svc, own.json()["id"], shipped_digest="older", shipped_changed=True)
    await _seed(svc)
    after = (await client.get(f"/api/v1/templates/{own.json()['id']}", headers=h)).json()
    assert not after["shipped_changed"] and not after["has_shipped_text"]
