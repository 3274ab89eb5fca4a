"""Hostile input (issue 11) gets a 4xx problem, never a 500: hand-made cursors on every list."""

from __future__ import annotations

import base64
import json

import pytest
from org_testkit import make_position, make_unit, unique


def hand_made_cursor(values: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


# The probe from issue 11: the right shape for (created_at, id), but 5 is no UUID.
FORGED = hand_made_cursor(["2026-01-01T00:00:00+00:00", 5])


def assert_cursor_refused(r) -> None:
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["errors"] == [{"loc": ["query", "cursor"], "msg": "invalid cursor"}]


@pytest.mark.parametrize(
    "cursor",
    [
        FORGED,
        hand_made_cursor(["2026-01-01T00:00:00", "6f1c2b1e-6c59-4a53-9a66-1c1c1b0d9d11"]),  # naive
        hand_made_cursor([5, "6f1c2b1e-6c59-4a53-9a66-1c1c1b0d9d11"]),
        hand_made_cursor(["2026-01-01T00:00:00+00:00"]),
        hand_made_cursor({"created_at": "2026-01-01T00:00:00+00:00"}),
        "garbage",
    ],
)
async def test_a_hand_made_cursor_on_positions_is_422_not_500(client, hr, cursor):
    assert_cursor_refused(
        await client.get("/api/v1/positions", headers=hr, params={"cursor": cursor})
    )


@pytest.mark.parametrize(
    "cursor",
    [
        FORGED,
        hand_made_cursor(["Sales", "not-a-uuid"]),
        hand_made_cursor([None, "6f1c2b1e-6c59-4a53-9a66-1c1c1b0d9d11"]),
        hand_made_cursor(["Sales\u0000", "6f1c2b1e-6c59-4a53-9a66-1c1c1b0d9d11"]),
    ],
)
async def test_a_hand_made_cursor_on_org_units_is_422(client, hr, cursor):
    assert_cursor_refused(
        await client.get("/api/v1/org-units", headers=hr, params={"cursor": cursor})
    )


@pytest.mark.parametrize(
    "cursor", [FORGED, hand_made_cursor(["3"]), hand_made_cursor([2**70]), hand_made_cursor([True])]
)
async def test_a_hand_made_cursor_on_history_is_422(client, hr, cursor):
    unit = await make_unit(client, hr, unique("Co"), "company")
    position = await make_position(client, hr, unit["id"])
    r = await client.get(
        f"/api/v1/positions/{position['id']}/history", headers=hr, params={"cursor": cursor}
    )
    assert_cursor_refused(r)


async def test_the_cursors_a_list_returns_still_page_through_it(client, hr):
    unit = await make_unit(client, hr, unique("Co"), "company")
    position = await make_position(client, hr, unit["id"])
    for headcount in (2, 3, 4):
        r = await client.patch(
            f"/api/v1/positions/{position['id']}", headers=hr, json={"headcount": headcount}
        )
        assert r.status_code == 200
    versions, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        r = await client.get(
            f"/api/v1/positions/{position['id']}/history", headers=hr, params=params
        )
        assert r.status_code == 200, r.text
        versions += [v["version"] for v in r.json()["items"]]
        cursor = r.json()["next_cursor"]
        if cursor is None:
            break
    assert versions == [1, 2, 3, 4]
