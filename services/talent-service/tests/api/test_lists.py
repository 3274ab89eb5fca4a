"""The talent lists: pages follow their cursor, a cursor they did not issue is a 422 naming
`cursor` (never a 500), reminders come due on the service clock."""

from __future__ import annotations

import base64
import json
import uuid

import pytest


def _cursor(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


HAND_MADE = [
    # The probe of issue 11: a time and a number where the list's key is something else.
    _cursor(["2026-01-01T00:00:00+00:00", 5]),
    # Values PostgreSQL cannot take: a NUL byte in an id, an integer beyond bigint.
    _cursor(["2026-01-01T00:00:00+00:00", "a\u0000b"]),
    _cursor([2**70, 1.0, "x"]),
    _cursor([2**40, 1.0, "x"]),
    # A time that is before year 1 in UTC.
    _cursor(["0001-01-01T00:00:00+05:00", "x"]),
    _cursor(["2026-01-01T00:00:00", "naive-time"]),
    "nope",
]

LISTS = [
    "/api/v1/talents",
    "/api/v1/reminders",
    "/api/v1/courses",
    "/api/v1/positions/{position_id}/matches",
    "/api/v1/development-plans",
]


@pytest.fixture
async def opening(talent, ev) -> str:
    position_id = str(uuid.uuid4())
    await talent.consumed(await talent.publish(ev.position(position_id)))
    return position_id


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("cursor", HAND_MADE)
async def test_a_hand_made_cursor_is_a_422_naming_cursor(talent, auth, opening, path, cursor):
    r = await talent.client.get(
        path.format(position_id=opening), params={"cursor": cursor}, headers=auth("hr_admin")
    )
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert ["query", "cursor"] in [e["loc"] for e in r.json()["errors"]]


async def _walk(talent, auth, path: str, params: dict) -> list[dict]:
    items, cursor = [], None
    while True:
        r = await talent.client.get(
            path,
            params={**params, **({"cursor": cursor} if cursor else {})},
            headers=auth("hr_admin"),
        )
        assert r.status_code == 200, r.text
        items += r.json()["items"]
        if not (cursor := r.json()["next_cursor"]):
            return items


async def test_talent_pages_follow_their_cursor_newest_first(talent, ev, auth, unique):
    name = unique("Page")
    ids = [str(uuid.uuid4()) for _ in range(3)]
    for candidate_id in ids:  # one by one: created_at orders them
        await talent.consumed(await talent.publish(ev.rejection(candidate_id, name=name)))
    found = await _walk(talent, auth, "/api/v1/talents", {"q": name, "limit": 1})
    assert [t["id"] for t in found] == list(reversed(ids))


async def test_course_pages_follow_their_cursor_in_the_order_added(talent, auth, unique):
    added = []
    for n in range(3):
        r = await talent.client.post(
            "/api/v1/courses",
            json={
                "title": unique(f"course {n}"),
                "provider": "Academy",
                "url": "https://example.com/c",
                "skills": ["sql"],
            },
            headers=auth("hr_admin"),
        )
        assert r.status_code == 201, r.text
        added.append(r.json()["id"])
    found = [c["id"] for c in await _walk(talent, auth, "/api/v1/courses", {"limit": 2})]
    assert [c for c in found if c in added] == added
    assert len(found) == len(set(found))


async def test_development_plan_pages_follow_their_cursor_newest_first(talent, ev, auth):
    person = str(uuid.uuid4())
    applications = []
    for _ in range(3):  # one by one: created_at orders them
        hire = ev.hire(person)
        applications.append(hire.application_id)
        await talent.consumed(await talent.publish(hire))
    found = await _walk(
        talent, auth, "/api/v1/development-plans", {"person_id": person, "limit": 1}
    )
    assert [p["application_id"] for p in found] == list(reversed(applications))
    everyone = await _walk(talent, auth, "/api/v1/development-plans", {"limit": 2})
    assert len(everyone) == len({p["id"] for p in everyone}) >= 3


async def test_reminders_come_due_on_the_service_clock(talent, ev, auth):
    candidate_id = str(uuid.uuid4())
    await talent.consumed(await talent.publish(ev.rejection(candidate_id)))

    async def due_now() -> list[str]:
        reminders = await _walk(talent, auth, "/api/v1/reminders", {"limit": 100})
        return [x["talent_id"] for x in reminders]

    assert candidate_id not in await due_now()
    clock = talent.svc.runtime.clock
    clock.advance(days=200)  # past the six months of the first reminder
    try:
        assert candidate_id in await due_now()
    finally:
        clock.reset()
