"""Notice lists over HTTP: keyset pages, and cursors the service never issued."""

from __future__ import annotations

import uuid

from notify_testkit import hand_made_cursors, notices_of, publish, rejection

from notify_service.service.alerts import alert_templates_to_review


async def test_pages_follow_the_cursor_newest_first(svc, client, auth, amqp_url, clock):
    h = auth("recruiter")
    payload = rejection(phone="+8613800000000", channels=["email", "sms"], delay_minutes=600)
    await publish(svc, amqp_url, payload)
    both = await notices_of(client, h, payload.application_id, count=2)
    params = {"application_id": payload.application_id, "limit": 1}
    first = (await client.get("/api/v1/notifications", params=params, headers=h)).json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = (
        await client.get(
            "/api/v1/notifications", params={**params, "cursor": first["next_cursor"]}, headers=h
        )
    ).json()
    assert second["next_cursor"] is None
    seen = [first["items"][0]["id"], second["items"][0]["id"]]
    assert sorted(seen) == sorted(n["id"] for n in both)
    assert first["items"][0]["created_at"] >= second["items"][0]["created_at"]
    for n in both:
        await client.post(f"/api/v1/notifications/{n['id']}/cancel", headers=auth("hr_admin"))


async def test_a_hand_made_cursor_is_a_422_never_a_500(client, auth):
    for cursor in hand_made_cursors():
        r = await client.get(
            "/api/v1/notifications", params={"cursor": cursor}, headers=auth("integration")
        )
        assert r.status_code == 422, (cursor, r.text)
        assert r.json()["errors"] == [{"loc": ["query", "cursor"], "msg": "invalid cursor"}]


async def test_staff_alerts_are_listed_apart_from_candidates_notices(svc, client, auth, amqp_url):
    """`kind=alert.*` lists every staff alert and nothing else; a kind lists that kind;
    the family's characters are taken literally."""
    h = auth("hr_admin")
    payload = rejection(delay_minutes=600)
    await publish(svc, amqp_url, payload)
    [notice] = await notices_of(client, h, payload.application_id, count=1)
    async with svc.runtime.uow_factory() as uow:
        alert = await alert_templates_to_review(uow, ["listed-apart"], release=uuid.uuid4().hex)
        await uow.commit()
    assert alert is not None

    async def kinds(kind: str) -> set[str]:
        r = await client.get(
            "/api/v1/notifications", params={"kind": kind, "limit": 200}, headers=h
        )
        assert r.status_code == 200, r.text
        return {n["kind"] for n in r.json()["items"]}

    staff = await client.get(
        "/api/v1/notifications", params={"kind": "alert.*", "limit": 200}, headers=h
    )
    ids = {n["id"] for n in staff.json()["items"]}
    assert str(alert.id) in ids and notice["id"] not in ids
    assert all(k.startswith("alert.") for k in await kinds("alert.*"))
    assert await kinds("rejection") == {"rejection"}
    assert await kinds("alert%.*") == set()  # % is no wildcard
    await client.post(f"/api/v1/notifications/{notice['id']}/cancel", headers=h)
