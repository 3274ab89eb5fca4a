"""The webhook subscription API: HR administrators only, paginated, If-Match on changes,
Idempotency-Key on create, the secret shown once."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from notify_testkit import hand_made_cursors

Auth = Callable[..., dict[str, str]]
URL = "/api/v1/webhook-subscriptions"


@pytest.fixture(autouse=True)
async def _remove_subscriptions(client: httpx.AsyncClient, auth: Auth) -> AsyncIterator[None]:
    """These subscriptions point nowhere: gone after each test, so the events of other
    tests are not delivered (and retried) to them."""
    yield
    hr = auth("hr_admin")
    while items := (await client.get(URL, headers=hr, params={"limit": 500})).json()["items"]:
        for sub in items:
            await client.delete(f"{URL}/{sub['id']}", headers=hr)


async def _create(client: httpx.AsyncClient, hr: dict[str, str], **body: object) -> dict:
    r = await client.post(URL, headers=hr, json={"url": "http://127.0.0.1:9/hook", **body})
    assert r.status_code == 201, r.text
    return dict(r.json())


async def test_create_shows_the_secret_once(client: httpx.AsyncClient, auth: Auth) -> None:
    hr = auth("hr_admin")
    created = await _create(
        client, hr, event_types=["candidate-rejected", "position-changed"], description="OA"
    )
    assert created["secret"].startswith("whsec_")
    assert created["event_types"] == ["candidate-rejected", "position-changed"]
    assert created["active"] is True and created["version"] == 1
    r = await client.get(f"{URL}/{created['id']}", headers=hr)
    assert r.status_code == 200 and r.headers["ETag"] == '"1"'
    assert "secret" not in r.json()
    listed = await client.get(URL, headers=hr, params={"limit": 500})
    assert created["secret"] not in listed.text
    assert created["id"] in listed.text


async def test_idempotency_key_on_create_gives_one_subscription(
    client: httpx.AsyncClient, auth: Auth
) -> None:
    hr = auth("hr_admin") | {"Idempotency-Key": f"wh-{uuid.uuid4()}"}
    body = {"url": "http://127.0.0.1:9/idem", "description": f"idem-{uuid.uuid4()}"}
    first = await client.post(URL, headers=hr, json=body)
    again = await client.post(URL, headers=hr, json=body)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    listed = await client.get(URL, headers=auth("hr_admin"), params={"limit": 500})
    assert [s["description"] for s in listed.json()["items"]].count(body["description"]) == 1


async def test_if_match_guards_changes(client: httpx.AsyncClient, auth: Auth) -> None:
    hr = auth("hr_admin")
    sub = await _create(client, hr)
    r = await client.patch(
        f"{URL}/{sub['id']}",
        headers=hr | {"If-Match": '"1"'},
        json={"description": "changed", "event_types": ["candidate-hired"]},
    )
    assert r.status_code == 200, r.text
    assert r.headers["ETag"] == '"2"' and r.json()["event_types"] == ["candidate-hired"]
    stale = await client.patch(
        f"{URL}/{sub['id']}", headers=hr | {"If-Match": '"1"'}, json={"description": "x"}
    )
    assert stale.status_code == 412
    r = await client.patch(f"{URL}/{sub['id']}", headers=hr, json={"all_event_types": True})
    assert r.json()["event_types"] is None
    r = await client.patch(f"{URL}/{sub['id']}", headers=hr, json={"active": False})
    assert r.json()["active"] is False and "disabled by" in r.json()["disabled_reason"]
    r = await client.delete(f"{URL}/{sub['id']}", headers=hr)
    assert r.status_code == 204
    assert (await client.get(f"{URL}/{sub['id']}", headers=hr)).status_code == 404


async def test_pages_and_cursors(client: httpx.AsyncClient, auth: Auth) -> None:
    hr = auth("hr_admin")
    ids = {(await _create(client, hr))["id"] for _ in range(3)}
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, object] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get(URL, headers=hr, params=params)).json()
        seen += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert ids <= set(seen) and len(seen) == len(set(seen))
    for bad in hand_made_cursors():
        r = await client.get(URL, headers=hr, params={"cursor": bad})
        assert r.status_code == 422, bad
        sub = next(iter(ids))
        r = await client.get(f"{URL}/{sub}/deliveries", headers=hr, params={"cursor": bad})
        assert r.status_code == 422, bad


async def test_bad_input_is_422_naming_the_field(client: httpx.AsyncClient, auth: Auth) -> None:
    hr = auth("hr_admin")
    for body in [
        {"url": "http://127.0.0.1:9/x", "event_types": ["no-such-event"]},
        {"url": "http://127.0.0.1:9/x", "event_types": []},
        {"url": "gopher://127.0.0.1/x"},
        {"url": "http://user:pw@127.0.0.1/x"},
        {"url": "not a url"},
    ]:
        r = await client.post(URL, headers=hr, json=body)
        assert r.status_code == 422, (body, r.text)
    sub = await _create(client, hr)
    missing = uuid.uuid4()
    r = await client.post(f"{URL}/{sub['id']}/deliveries/{missing}/redeliver", headers=hr)
    assert r.status_code == 404


async def test_only_hr_admins(client: httpx.AsyncClient, auth: Auth) -> None:
    for role in ("recruiter", "interviewer", "integration"):
        headers = auth(role)
        assert (await client.get(URL, headers=headers)).status_code == 403
        r = await client.post(URL, headers=headers, json={"url": "http://127.0.0.1:9/x"})
        assert r.status_code == 403
    assert (await client.get(URL)).status_code == 401
