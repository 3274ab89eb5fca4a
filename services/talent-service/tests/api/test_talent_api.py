"""talent-service over HTTP: invitations, courses, reminders, roles, validation."""

from __future__ import annotations

import uuid
from datetime import timedelta

from talentloop_shared.clock import utcnow
from talentloop_shared.testing.harness import event_probe


async def _pooled_with_opening(talent, ev, unique, *, n: int = 1):
    skill = unique("sql")
    # A strength only this test's candidates have, echoed in the title ("Insight … Lead").
    strength = unique("insight")
    ids = [str(uuid.uuid4()) for _ in range(n)]
    await talent.consumed(
        *[
            await talent.publish(
                ev.rejection(cid, skills=[skill], dimensions={strength: 9}, years=3 + i)
            )
            for i, cid in enumerate(ids)
        ]
    )
    position_id = str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(
            ev.position(position_id, title=f"{strength.replace('-', ' ')} Lead", required=[skill])
        )
    )
    return ids, position_id, strength.replace("-", " ")


async def test_invite_publishes_talent_invited_and_twice_is_409(talent, ev, auth, unique):
    (candidate_id,), position_id, strength = await _pooled_with_opening(talent, ev, unique)
    r = await talent.client.get(
        f"/api/v1/positions/{position_id}/matches", headers=auth("recruiter")
    )
    body = r.json()
    assert body["strength_counts"] == {strength: 1}
    match = body["items"][0]
    async with event_probe(talent.amqp_url, talent.namespace, ["talent-invited"]) as probe:
        r = await talent.client.post(
            f"/api/v1/matches/{match['id']}/invite",
            json={"message": "We'd love to talk"},
            headers=auth("recruiter", sub="rec-7"),
        )
        assert r.status_code == 201, r.text
        invitation = r.json()
        (event,) = await probe.wait_for(1, event_type="talent-invited")
    data = event.data
    assert data["invitation_id"] == invitation["id"]
    assert data["match_id"] == match["id"]
    assert data["invited_by"] == "rec-7"
    assert data["candidate"]["id"] == candidate_id
    assert data["candidate"]["email"].endswith("@example.com")
    assert data["position"]["id"] == position_id
    assert data["message"] == "We'd love to talk"
    assert data["explanation"] == match["explanation"]

    r = await talent.client.post(f"/api/v1/matches/{match['id']}/invite", headers=auth("hr_admin"))
    assert r.status_code == 409
    assert r.headers["content-type"] == "application/problem+json"
    r = await talent.client.post(f"/api/v1/matches/{uuid.uuid4()}/invite", headers=auth("hr_admin"))
    assert r.status_code == 404


async def test_bulk_invite_by_min_score_skips_already_invited(talent, ev, auth, unique):
    _, position_id, _ = await _pooled_with_opening(talent, ev, unique, n=3)
    items = (
        await talent.client.get(
            f"/api/v1/positions/{position_id}/matches", headers=auth("hr_admin")
        )
    ).json()["items"]
    assert len(items) == 3
    # Ranked: equal scores, more experience first.
    assert [m["years_experience"] for m in items] == [5, 4, 3]
    await talent.client.post(f"/api/v1/matches/{items[0]['id']}/invite", headers=auth("hr_admin"))
    r = await talent.client.post(
        f"/api/v1/positions/{position_id}/matches/invite",
        json={"min_score": 0},
        headers=auth("hr_admin"),
    )
    assert r.status_code == 200, r.text
    assert {i["match_id"] for i in r.json()["invited"]} == {items[1]["id"], items[2]["id"]}
    r = await talent.client.post(
        f"/api/v1/positions/{position_id}/matches/invite",
        json={"match_ids": [items[0]["id"], str(uuid.uuid4())]},
        headers=auth("hr_admin"),
    )
    reasons = sorted(s["reason"] for s in r.json()["skipped"])
    assert r.json()["invited"] == []
    assert reasons == ["already invited", "not a match of this position"]
    r = await talent.client.post(
        f"/api/v1/positions/{position_id}/matches/invite", json={}, headers=auth("hr_admin")
    )
    assert r.status_code == 422


async def test_match_pages_follow_the_cursor(talent, ev, auth, unique):
    ids, position_id, _ = await _pooled_with_opening(talent, ev, unique, n=3)
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        r = await talent.client.get(
            f"/api/v1/positions/{position_id}/matches", params=params, headers=auth("hr_admin")
        )
        body = r.json()
        seen += [m["talent_id"] for m in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == list(reversed(ids))
    r = await talent.client.get(
        f"/api/v1/positions/{position_id}/matches",
        params={"cursor": "nope"},
        headers=auth("hr_admin"),
    )
    assert r.status_code == 422


async def test_development_suggests_the_course_covering_the_gap(talent, ev, auth, unique):
    topic = unique("teammgmt")
    candidate_id = str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.rejection(candidate_id, reasons=[f"lacks {topic} experience"]))
    )
    r = await talent.client.post(
        "/api/v1/courses",
        json={
            "title": "In practice",
            "provider": "Academy",
            "url": "https://example.com/c",
            "skills": [topic],
        },
        headers=auth("recruiter"),
    )
    assert r.status_code == 403
    r = await talent.client.post(
        "/api/v1/courses",
        json={
            "title": f"{topic} in practice",
            "provider": "Academy",
            "url": "https://example.com/c",
            "skills": [topic],
        },
        headers=auth("hr_admin"),
    )
    assert r.status_code == 201, r.text
    course_id = r.json()["id"]
    r = await talent.client.get(
        f"/api/v1/talents/{candidate_id}/development", headers=auth("recruiter")
    )
    assert r.status_code == 200
    body = r.json()
    assert body["gaps"] == [f"lacks {topic} experience"]
    assert [s["course"]["id"] for s in body["suggestions"]] == [course_id]
    assert body["suggestions"][0]["covers"] == [f"lacks {topic} experience"]
    r = await talent.client.get(
        "/api/v1/courses", params={"limit": 500}, headers=auth("integration")
    )
    assert course_id in [c["id"] for c in r.json()["items"]]


async def test_course_validation_names_the_field(talent, auth):
    r = await talent.client.post(
        "/api/v1/courses",
        json={"title": "X", "provider": "Y", "url": "not a url", "skills": [], "extra": 1},
        headers=auth("hr_admin"),
    )
    assert r.status_code == 422
    fields = {e["loc"][-1] for e in r.json()["errors"]}
    assert {"url", "skills", "extra"} <= fields


async def test_reminders_come_due_and_contacted_moves_them_on(talent, ev, auth):
    due, later = str(uuid.uuid4()), str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.rejection(due, rejected_at=ev.months_ago(7))),
        await talent.publish(ev.rejection(later)),
    )
    now = utcnow()

    async def due_ids(before):
        ids, cursor = [], None
        while True:
            params = {"due_before": before.isoformat(), "limit": 500}
            if cursor:
                params["cursor"] = cursor
            r = await talent.client.get(
                "/api/v1/reminders", params=params, headers=auth("recruiter")
            )
            assert r.status_code == 200, r.text
            ids += [x["talent_id"] for x in r.json()["items"]]
            cursor = r.json()["next_cursor"]
            if not cursor:
                return ids

    assert due in await due_ids(now)
    assert later not in await due_ids(now)
    assert later in await due_ids(now + timedelta(days=200))

    r = await talent.client.post(f"/api/v1/talents/{due}/contacted", headers=auth("integration"))
    assert r.status_code == 403
    r = await talent.client.post(f"/api/v1/talents/{due}/contacted", headers=auth("recruiter"))
    assert r.status_code == 200
    assert r.json()["last_contacted_at"] is not None
    assert due not in await due_ids(now + timedelta(days=1))


async def test_roles(talent, auth, token):
    r = await talent.client.get("/api/v1/talents")
    assert r.status_code == 401
    r = await talent.client.get("/api/v1/talents", headers=auth("interviewer"))
    assert r.status_code == 403
    r = await talent.client.get("/api/v1/talents", headers=auth("integration"))
    assert r.status_code == 200
    r = await talent.client.get(
        f"/api/v1/positions/{uuid.uuid4()}/matches", headers=auth("hr_admin")
    )
    assert r.status_code == 404
