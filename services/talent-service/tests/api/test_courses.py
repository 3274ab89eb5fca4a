"""The course catalogue: versioned courses, If-Match, withdrawal, course-changed."""

from __future__ import annotations

import uuid

from talent_testkit import about, wait_about

from talentloop_shared.events.payloads import CourseChanged
from talentloop_shared.testing.harness import event_probe


def _course(unique, **fields) -> dict:
    return {
        "title": unique("Team management in practice"),
        "provider": "Acme Academy",
        "url": "https://academy.example/team",
        "skills": [unique("team management")],
        **fields,
    }


async def test_create_change_and_withdraw_each_publish_the_whole_course(talent, auth, unique):
    hr = auth("hr_admin")
    async with event_probe(talent.amqp_url, talent.namespace, ["course-changed"]) as probe:
        r = await talent.client.post(
            "/api/v1/courses", json=_course(unique, locales=["zh_cn", "en", "zh-CN"]), headers=hr
        )
        assert r.status_code == 201, r.text
        created = r.json()
        course_id = created["id"]
        assert r.headers["etag"] == '"1"'
        assert created["version"] == 1
        assert created["locales"] == ["zh-CN", "en"]
        assert created["active"] is True

        skills = [unique("team management"), unique("coaching")]
        r = await talent.client.patch(
            f"/api/v1/courses/{course_id}",
            json={"skills": skills, "url": "https://academy.example/team-2"},
            headers={**hr, "If-Match": '"1"'},
        )
        assert r.status_code == 200, r.text
        assert r.headers["etag"] == '"2"'
        assert r.json()["skills"] == skills
        assert r.json()["title"] == created["title"]  # left out: unchanged

        r = await talent.client.post(
            f"/api/v1/courses/{course_id}/withdraw", headers={**hr, "If-Match": '"2"'}
        )
        assert r.status_code == 200, r.text
        assert r.json()["active"] is False
        assert r.json()["version"] == 3

        events = await wait_about(probe, 3, "course-changed", f"courses/{course_id}")
        await probe.settle(0.5)
        assert len(about(probe, "course-changed", f"courses/{course_id}")) == 3

    changes = [CourseChanged.model_validate(e.data) for e in events]
    assert [(c.change, c.version) for c in changes] == [
        ("created", 1),
        ("updated", 2),
        ("withdrawn", 3),
    ]
    assert all(e.subject == f"courses/{course_id}" for e in events)
    assert all(e.source == "/talent-service" for e in events)
    created_info, updated_info, withdrawn_info = (c.course for c in changes)
    assert created_info.id == course_id
    assert created_info.title == created["title"]
    assert created_info.provider == "Acme Academy"
    assert created_info.locales == ["zh-CN", "en"]
    assert updated_info.skills == skills
    assert updated_info.url == "https://academy.example/team-2"
    assert updated_info.active is True
    assert withdrawn_info.active is False
    assert withdrawn_info.skills == skills  # the whole course, every time


async def test_a_stale_if_match_is_412_and_changes_nothing(talent, auth, unique):
    hr = auth("hr_admin")
    created = await talent.client.post("/api/v1/courses", json=_course(unique), headers=hr)
    assert created.status_code == 201, created.text
    course = created.json()
    path = f"/api/v1/courses/{course['id']}"
    assert created.headers["location"] == path  # where the new course is read
    assert (await talent.client.patch(path, json={"title": "B"}, headers=hr)).status_code == 200
    async with event_probe(talent.amqp_url, talent.namespace, ["course-changed"]) as probe:
        r = await talent.client.patch(path, json={"title": "C"}, headers={**hr, "If-Match": '"1"'})
        assert r.status_code == 412, r.text
        assert r.headers["content-type"] == "application/problem+json"
        assert r.headers["etag"] == '"2"'
        r = await talent.client.post(f"{path}/withdraw", headers={**hr, "If-Match": '"1"'})
        assert r.status_code == 412
        await probe.settle(1.0)
        # (versions 1 and 2 may still be on their way from the outbox)
        changes = about(probe, "course-changed", f"courses/{course['id']}")
        assert [e for e in changes if e.data["version"] > 2] == []
    r = await talent.client.get(path, headers=auth("recruiter"))
    assert r.status_code == 200
    assert r.headers["etag"] == '"2"'
    assert r.json()["title"] == "B"


async def test_a_change_that_changes_nothing_keeps_the_version_and_says_nothing(
    talent, auth, unique
):
    hr = auth("hr_admin")
    body = _course(unique)
    course = (await talent.client.post("/api/v1/courses", json=body, headers=hr)).json()
    async with event_probe(talent.amqp_url, talent.namespace, ["course-changed"]) as probe:
        r = await talent.client.patch(
            f"/api/v1/courses/{course['id']}",
            json={"title": body["title"], "skills": body["skills"]},
            headers={**hr, "If-Match": '"1"'},
        )
        assert r.status_code == 200, r.text
        assert r.json()["version"] == 1
        r = await talent.client.patch(f"/api/v1/courses/{course['id']}", json={}, headers=hr)
        assert r.json()["version"] == 1
        await probe.settle(1.0)
        changes = about(probe, "course-changed", f"courses/{course['id']}")
        assert [e for e in changes if e.data["version"] > 1] == []


async def test_a_withdrawn_course_is_suggested_to_nobody_and_frozen(talent, ev, auth, unique):
    hr = auth("hr_admin")
    topic = unique("teammgmt")
    candidate_id = str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.rejection(candidate_id, reasons=[f"lacks {topic} experience"]))
    )
    course = (
        await talent.client.post(
            "/api/v1/courses", json=_course(unique, skills=[topic]), headers=hr
        )
    ).json()

    async def suggested() -> list[str]:
        r = await talent.client.get(f"/api/v1/talents/{candidate_id}/development", headers=hr)
        assert r.status_code == 200, r.text
        return [s["course"]["id"] for s in r.json()["suggestions"]]

    assert await suggested() == [course["id"]]
    path = f"/api/v1/courses/{course['id']}"
    assert (await talent.client.post(f"{path}/withdraw", headers=hr)).status_code == 200
    assert await suggested() == []

    again = await talent.client.post(f"{path}/withdraw", headers=hr)
    assert again.status_code == 409
    assert again.json()["type"].endswith("course-withdrawn")
    assert (await talent.client.patch(path, json={"title": "X"}, headers=hr)).status_code == 409
    assert (await talent.client.get(path, headers=hr)).json()["active"] is False

    listed = await talent.client.get("/api/v1/courses", params={"limit": 500}, headers=hr)
    assert course["id"] not in [c["id"] for c in listed.json()["items"]]
    listed = await talent.client.get(
        "/api/v1/courses", params={"limit": 500, "include_withdrawn": True}, headers=hr
    )
    assert course["id"] in [c["id"] for c in listed.json()["items"]]


async def test_course_changes_are_validated_and_for_hr_only(talent, auth, unique):
    hr = auth("hr_admin")
    r = await talent.client.post(
        "/api/v1/courses", json=_course(unique, locales=["not a locale"]), headers=hr
    )
    assert r.status_code == 422
    assert ["body", "locales", 0] in [e["loc"] for e in r.json()["errors"]]
    course = (await talent.client.post("/api/v1/courses", json=_course(unique), headers=hr)).json()
    path = f"/api/v1/courses/{course['id']}"
    r = await talent.client.patch(path, json={"titel": "typo", "skills": []}, headers=hr)
    assert r.status_code == 422
    assert {"titel", "skills"} <= {e["loc"][-1] for e in r.json()["errors"]}
    r = await talent.client.patch(path, json={"title": "X"}, headers=auth("recruiter"))
    assert r.status_code == 403
    r = await talent.client.post(f"{path}/withdraw", headers=auth("integration"))
    assert r.status_code == 403
    r = await talent.client.get(f"/api/v1/courses/{uuid.uuid4()}", headers=hr)
    assert r.status_code == 404
