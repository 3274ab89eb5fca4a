"""Notice lists over HTTP: keyset pages, and cursors the service never issued."""

from __future__ import annotations

from notify_testkit import hand_made_cursors, notices_of, publish, rejection


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
