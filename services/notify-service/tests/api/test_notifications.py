"""Notice lists over HTTP: keyset pages, and cursors the service never issued."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from notify_testkit import hand_made_cursors, notices_of, publish, rejection

from notify_service.service.alerts import alert_templates_to_review
from notify_service.service.notice_reads import notices_page
from talentloop_shared.testing.plans import full_sorts


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


async def test_a_page_of_notices_is_read_from_an_index_not_sorted_from_the_whole_table(svc):
    """HR's list, newest first, whole or by status, first page or after a cursor: an index
    yields the rows in order. (Without one, each page sorted every notice: 17 ms at 6,000
    and linear beyond; it was what saturated notify in the ten-minute soak.)"""
    after = (datetime(2026, 11, 29, tzinfo=UTC), uuid.uuid4())
    pages = {
        "all": notices_page(limit=20),
        "all, after a cursor": notices_page(after=after, limit=20),
        "scheduled": notices_page(status="scheduled", limit=20),
        "failed, after a cursor": notices_page(status="failed", after=after, limit=20),
    }
    for name, statement in pages.items():
        async with svc.runtime.session_factory() as session:
            assert await full_sorts(session, statement) == [], name
