"""Template library over HTTP: validation, versions, ETag, preview."""

from __future__ import annotations

import asyncio
import time
import uuid

from notify_testkit import hand_made_cursors

from notify_service.domain.defaults import default_templates

SAMPLE_BODY = "Dear {{ candidate.first_name }}, thanks for {{ position.title }}. {{ survey_url }}"


def _new(**overrides):
    body = {
        "kind": "rejection",
        "job_family": f"fam{uuid.uuid4().hex[:8]}",
        "stage": "interview",
        "locale": "en",
        "channel": "email",
        "subject": "About {{ position.title }}",
        "body": SAMPLE_BODY,
    }
    return {**body, **overrides}


async def test_unknown_variable_is_refused_naming_it(client, auth):
    r = await client.post(
        "/api/v1/templates",
        headers=auth("hr_admin"),
        json=_new(body="Hello {{ candidate.salary }}"),
    )
    assert r.status_code == 422
    assert "candidate.salary" in r.json()["detail"]
    assert any("candidate.salary" in e["msg"] for e in r.json()["errors"])


async def test_syntax_error_is_refused_with_its_line(client, auth):
    r = await client.post(
        "/api/v1/templates",
        headers=auth("hr_admin"),
        json=_new(body="Hello\n{% if strength %}no end"),
    )
    assert r.status_code == 422 and "syntax error" in r.json()["detail"]


async def test_create_edit_keeps_every_version_and_checks_if_match(client, auth):
    h = auth("hr_admin")
    r = await client.post("/api/v1/templates", headers=h, json=_new())
    assert r.status_code == 201 and r.headers["ETag"] == '"1"'
    tid = r.json()["id"]
    r = await client.patch(
        f"/api/v1/templates/{tid}",
        headers={**h, "If-Match": '"1"'},
        json={"body": SAMPLE_BODY + " Best, {{ company }}"},
    )
    assert r.status_code == 200 and r.json()["version"] == 2 and r.headers["ETag"] == '"2"'
    stale = await client.patch(
        f"/api/v1/templates/{tid}",
        headers={**h, "If-Match": '"1"'},
        json={"body": "Hi {{ candidate.name }}"},
    )
    assert stale.status_code == 412
    bad = await client.patch(
        f"/api/v1/templates/{tid}", headers=h, json={"body": "{{ candidate.salary }}"}
    )
    assert bad.status_code == 422
    versions = (await client.get(f"/api/v1/templates/{tid}/versions", headers=h)).json()
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[0]["body"] == SAMPLE_BODY
    got = await client.get(f"/api/v1/templates/{tid}", headers=auth("recruiter"))
    assert got.json()["version"] == 2 and got.headers["ETag"] == '"2"'


async def test_duplicate_key_conflicts(client, auth):
    body = _new()
    assert (
        await client.post("/api/v1/templates", headers=auth("hr_admin"), json=body)
    ).status_code == 201
    again = await client.post("/api/v1/templates", headers=auth("hr_admin"), json=body)
    assert again.status_code == 409


async def test_list_filters_and_paginates_the_seeded_defaults(client, auth):
    h = auth("integration")
    r = await client.get("/api/v1/templates", params={"kind": "invitation", "limit": 3}, headers=h)
    page1 = r.json()
    assert len(page1["items"]) == 3 and page1["next_cursor"]
    r = await client.get(
        "/api/v1/templates",
        headers=h,
        params={"kind": "invitation", "limit": 3, "cursor": page1["next_cursor"]},
    )
    page2 = r.json()
    ids = {t["id"] for t in page1["items"] + page2["items"]}
    shipped = [t for t in default_templates() if t["kind"] == "invitation"]
    assert len(shipped) == 6  # email and SMS in en, zh-CN and zh-TW
    assert len(ids) == len(shipped) and all(t["kind"] == "invitation" for t in page2["items"])
    bad = await client.get("/api/v1/templates", params={"cursor": "nonsense"}, headers=h)
    assert bad.status_code == 422


async def test_the_library_lists_a_kinds_templates_together_across_pages(client, auth):
    """HR reads the library by kind and job family, not in the order templates were added
    (the seeded languages, then HR's own): each kind is one run, each page follows the
    last without a gap or a repeat."""
    h = auth("hr_admin")
    mine = await client.post(
        "/api/v1/templates",
        headers=h,
        json={
            "kind": "invitation",
            "job_family": f"fam-{uuid.uuid4().hex[:6]}",
            "locale": "en",
            "channel": "email",
            "subject": "A new opening at {{ company }}",
            "body": "Dear {{ candidate.first_name }}, {{ position.title }} is open.",
        },
    )
    assert mine.status_code == 201, mine.text
    seen: list[dict] = []
    cursor = None
    while True:
        params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/api/v1/templates", headers=h, params=params)).json()
        seen += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len({t["id"] for t in seen}) == len(seen) >= len(default_templates())
    runs = [k for i, k in enumerate(t["kind"] for t in seen) if i == 0 or seen[i - 1]["kind"] != k]
    assert len(runs) == len(set(runs)), runs  # no kind split in two
    invitations = [t for t in seen if t["kind"] == "invitation"]
    families = [t["job_family"] for t in invitations]
    assert families == sorted(families, key=lambda f: families.index(f))  # grouped
    assert mine.json()["id"] in {t["id"] for t in invitations}


async def test_preview_with_sample_and_payload_escapes_html(client, auth):
    h = auth("hr_admin")
    tid = (await client.post("/api/v1/templates", headers=h, json=_new())).json()["id"]
    sample = await client.post(f"/api/v1/templates/{tid}/preview", headers=h, json={})
    assert sample.status_code == 200 and "Jane" in sample.json()["text"]
    payload = {
        "application_id": "a",
        "rejected_at": "2026-11-25T09:00:00Z",
        "stage": "interview",
        "decided_by": "x",
        "candidate": {"id": "c", "name": "<b>Bob</b> Smith", "locale": "en"},
        "position": {"id": "p", "title": "Chef", "job_family": "ops"},
    }
    r = await client.post(f"/api/v1/templates/{tid}/preview", headers=h, json={"payload": payload})
    body = r.json()
    assert r.status_code == 200 and "Chef" in body["subject"]
    assert "&lt;b&gt;Bob&lt;/b&gt;" in body["html"] and "<b>Bob" not in body["html"]
    wrong = await client.post(
        f"/api/v1/templates/{tid}/preview", headers=h, json={"payload": {"stage": "interview"}}
    )
    assert wrong.status_code == 422
    unsaved = await client.post(
        f"/api/v1/templates/{tid}/preview", headers=h, json={"body": "{{ candidate.salary }}"}
    )
    assert unsaved.status_code == 422 and "salary" in unsaved.text


async def test_roles(client, auth):
    assert (await client.get("/api/v1/templates")).status_code == 401
    r = await client.post("/api/v1/templates", headers=auth("recruiter"), json=_new())
    assert r.status_code == 403
    r = await client.post(
        "/api/v1/templates", headers=auth("hr_admin"), json={**_new(), "colour": "red"}
    )
    assert r.status_code == 422


async def test_a_hand_made_cursor_is_a_422_never_a_500(client, auth):
    for cursor in hand_made_cursors():
        r = await client.get(
            "/api/v1/templates", params={"cursor": cursor}, headers=auth("hr_admin")
        )
        assert r.status_code == 422, (cursor, r.text)
        assert r.json()["errors"] == [{"loc": ["query", "cursor"], "msg": "invalid cursor"}]


async def test_if_match_star_edits_the_current_version(client, auth):
    # RFC 9110: `*` matches any current representation (the shared meaning, as before here).
    h = auth("hr_admin")
    tid = (await client.post("/api/v1/templates", headers=h, json=_new())).json()["id"]
    r = await client.patch(
        f"/api/v1/templates/{tid}",
        headers={**h, "If-Match": "*"},
        json={"body": SAMPLE_BODY + " Kind regards."},
    )
    assert r.status_code == 200 and r.json()["version"] == 2
    weak = await client.patch(
        f"/api/v1/templates/{tid}",
        headers={**h, "If-Match": 'W/"2"'},
        json={"body": SAMPLE_BODY + " Best."},
    )
    assert weak.status_code == 200 and weak.json()["version"] == 3
    stale = await client.patch(
        f"/api/v1/templates/{tid}", headers={**h, "If-Match": '"2"'}, json={"name": "x"}
    )
    assert stale.status_code == 412 and stale.headers["ETag"] == '"3"'


async def test_locales_are_stored_canonical(client, auth):
    h = auth("hr_admin")
    r = await client.post("/api/v1/templates", headers=h, json=_new(locale="zh_cn"))
    assert r.status_code == 201 and r.json()["locale"] == "zh-CN"
    found = await client.get(
        "/api/v1/templates",
        headers=h,
        params={"locale": "ZH-cn", "job_family": r.json()["job_family"]},
    )
    assert [t["id"] for t in found.json()["items"]] == [r.json()["id"]]
    bad = await client.post("/api/v1/templates", headers=h, json=_new(locale="english please"))
    assert bad.status_code == 422 and bad.json()["errors"][0]["loc"] == ["body", "locale"]


HOSTILE_BODY = '{{ "x" * 30000000 }}{{ "y" * 30000000 }}'
SLOW_BODY = (
    '{% set s = "x " * 25000 %}{% for i in range(900) %}{% for j in range(10) %}'
    "{% if s|wordcount > 0 %}{% endif %}{% endfor %}{% endfor %}"
)


async def test_preview_and_save_refuse_a_template_that_breaks_a_render_limit(client, auth):
    # Issue 11: this preview answered 200 after 135 s.
    h = auth("hr_admin")
    tid = (await client.post("/api/v1/templates", headers=h, json=_new())).json()["id"]
    started = time.perf_counter()
    r = await client.post(
        f"/api/v1/templates/{tid}/preview", headers=auth("recruiter"), json={"body": HOSTILE_BODY}
    )
    assert time.perf_counter() - started < 5
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem")
    problem = r.json()
    assert problem["limits"] == ["value_chars"] and "value_chars" in problem["detail"]
    assert problem["errors"][0]["loc"] == ["body", "body"]
    saved = await client.post("/api/v1/templates", headers=h, json=_new(body=HOSTILE_BODY))
    assert saved.status_code == 422 and saved.json()["limits"] == ["value_chars"]
    edited = await client.patch(f"/api/v1/templates/{tid}", headers=h, json={"body": SLOW_BODY})
    assert edited.status_code == 422 and edited.json()["limits"] == ["seconds"]
    assert (await client.get(f"/api/v1/templates/{tid}", headers=h)).json()["version"] == 1


async def test_healthz_answers_while_a_hostile_preview_runs(client, auth):
    h = auth("hr_admin")
    tid = (await client.post("/api/v1/templates", headers=h, json=_new())).json()["id"]
    preview = asyncio.create_task(
        client.post(f"/api/v1/templates/{tid}/preview", headers=h, json={"body": SLOW_BODY})
    )
    await asyncio.sleep(0.3)  # the render is under way in a worker thread
    assert not preview.done()
    latencies = []
    for _ in range(3):
        started = time.perf_counter()
        health = await client.get("/healthz")
        latencies.append(time.perf_counter() - started)
        assert health.status_code == 200
        await asyncio.sleep(0.1)
    assert not preview.done(), "the hostile render should still be running"
    # Generous for a busy 2-core machine: on the event loop, the render held it ~2 s.
    assert max(latencies) < 1.0, latencies
    r = await preview
    assert r.status_code == 422 and r.json()["limits"] == ["seconds"]
