"""Org units over HTTP: tree, restructures that republish positions, delete rules."""

from __future__ import annotations

from org_testkit import all_pages, make_position, make_unit, unique

from talentloop_shared.testing.harness import event_probe


async def test_moving_a_division_republishes_its_positions_with_the_new_path(
    client, hr, amqp_url, ns
):
    acme = await make_unit(client, hr, unique("Acme"), "company")
    marketing = await make_unit(client, hr, "Marketing", "business_unit", acme["id"])
    east = await make_unit(client, hr, "East China Division", "business_unit", acme["id"])
    division = await make_unit(client, hr, "Brand", "division", marketing["id"])
    sub = await make_unit(client, hr, "Live Commerce", "department", division["id"])
    in_div = [await make_position(client, hr, division["id"]) for _ in range(2)]
    in_sub = await make_position(client, hr, sub["id"])
    outside = await make_position(client, hr, marketing["id"])
    moved_ids = {p["id"] for p in [*in_div, in_sub]}

    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await client.post(
            f"/api/v1/org-units/{division['id']}/move", json={"parent_id": east["id"]}, headers=hr
        )
        assert r.status_code == 200, r.text
        assert r.json()["positions_republished"] == 3
        assert r.json()["path"] == [acme["id"], east["id"], division["id"]]
        await probe.wait_for(3)
        await probe.settle(0.5)
    events = {e.data["position"]["id"]: e.data for e in probe.events}
    assert set(events) == moved_ids  # the position outside the subtree is untouched
    for pid in moved_ids:
        assert events[pid]["change"] == "moved"
        assert events[pid]["changed_fields"] == ["org_unit"]
        assert events[pid]["position"]["version"] == 2
    assert events[in_sub["id"]]["position"]["org_unit"]["path"] == [
        acme["name"],
        "East China Division",
        "Brand",
        "Live Commerce",
    ]
    assert events[in_div[0]["id"]]["position"]["org_unit"]["path"] == [
        acme["name"],
        "East China Division",
        "Brand",
    ]
    r = await client.get(f"/api/v1/org-units/{sub['id']}", headers=hr)
    assert r.json()["path"] == [acme["id"], east["id"], division["id"], sub["id"]]
    r = await client.get(f"/api/v1/positions/{outside['id']}", headers=hr)
    assert r.json()["version"] == 1
    r = await client.get(f"/api/v1/positions/{in_sub['id']}/history", headers=hr)
    last = r.json()["items"][-1]
    assert last["change"] == "moved"
    assert last["changes"][0]["old"]["path"][1] == "Marketing"

    # moving the division under its own sub-department would close a cycle
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await client.post(
            f"/api/v1/org-units/{division['id']}/move", json={"parent_id": sub["id"]}, headers=hr
        )
        assert r.status_code == 409
        assert "cycle" in r.json()["detail"]
        r = await client.post(
            f"/api/v1/org-units/{division['id']}/move",
            json={"parent_id": division["id"]},
            headers=hr,
        )
        assert r.status_code == 409
        await probe.settle(0.7)
    assert probe.events == []
    r = await client.get(f"/api/v1/org-units/{division['id']}", headers=hr)
    assert r.json()["parent_id"] == east["id"]


async def test_rename_republishes_positions_below_as_updated(client, hr, amqp_url, ns):
    acme = await make_unit(client, hr, unique("Acme"), "company")
    div = await make_unit(client, hr, "Sales", "division", acme["id"])
    team = await make_unit(client, hr, "Key Accounts", "team", div["id"])
    position = await make_position(client, hr, team["id"])
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await client.patch(
            f"/api/v1/org-units/{div['id']}", json={"name": "Sales East"}, headers=hr
        )
        assert r.status_code == 200 and r.json()["name"] == "Sales East"
        (event,) = await probe.wait_for(1)
    assert event.data["change"] == "updated"
    assert event.data["changed_fields"] == ["org_unit"]
    assert event.data["position"]["id"] == position["id"]
    assert event.data["position"]["org_unit"]["path"] == [
        acme["name"],
        "Sales East",
        "Key Accounts",
    ]
    r = await client.get(f"/api/v1/org-units/{team['id']}", headers=hr)
    assert r.json()["path_names"] == [acme["name"], "Sales East", "Key Accounts"]


async def test_delete_only_an_empty_unit(client, hr):
    acme = await make_unit(client, hr, unique("Acme"), "company")
    div = await make_unit(client, hr, "Ops", "division", acme["id"])
    await make_unit(client, hr, "Logistics", "team", div["id"])
    await make_position(client, hr, div["id"])
    await make_position(client, hr, div["id"])
    r = await client.delete(f"/api/v1/org-units/{div['id']}", headers=hr)
    assert r.status_code == 409
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "1 child unit and 2 positions" in r.json()["detail"]
    empty = await make_unit(client, hr, "Empty", "team", acme["id"])
    r = await client.delete(f"/api/v1/org-units/{empty['id']}", headers=hr)
    assert r.status_code == 204
    assert (await client.get(f"/api/v1/org-units/{empty['id']}", headers=hr)).status_code == 404


async def test_tree_and_validation(client, hr, auth):
    acme = await make_unit(client, hr, unique("Acme"), "company", code=unique("ERP"))
    b = await make_unit(client, hr, "B-team", "team", acme["id"])
    a = await make_unit(client, hr, "A-dept", "Department", acme["id"])
    assert a["kind"] == "department"
    r = await client.get("/api/v1/org-units/tree", headers=auth("interviewer"))
    assert r.status_code == 200
    (node,) = [n for n in r.json() if n["id"] == acme["id"]]
    assert [c["id"] for c in node["children"]] == [a["id"], b["id"]]
    r = await client.post("/api/v1/org-units", json={"name": "X", "kind": "tribe"}, headers=hr)
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "kind"]
    r = await client.post(
        "/api/v1/org-units", json={"name": "X", "kind": "team", "colour": "red"}, headers=hr
    )
    assert r.status_code == 422
    r = await client.post(
        "/api/v1/org-units", json={"name": "X", "kind": "team", "code": acme["code"]}, headers=hr
    )
    assert r.status_code == 409
    r = await client.get(
        "/api/v1/org-units", headers=hr, params={"parent_id": acme["id"], "limit": 1}
    )
    assert [u["id"] for u in r.json()["items"]] == [a["id"]]
    r = await client.get(
        "/api/v1/org-units",
        headers=hr,
        params={"parent_id": acme["id"], "limit": 1, "cursor": r.json()["next_cursor"]},
    )
    assert [u["id"] for u in r.json()["items"]] == [b["id"]]
    assert r.json()["next_cursor"] is None


async def test_paging_through_units_with_the_same_name_loses_none(client, hr):
    # Every company has its "Engineering": the cursor's id must decide between equal names.
    acme = await make_unit(client, hr, unique("Acme"), "company")
    ids = {(await make_unit(client, hr, "Engineering", "team", acme["id"]))["id"] for _ in range(3)}
    items = await all_pages(client, hr, "/api/v1/org-units", parent_id=acme["id"], limit=1)
    seen = [u["id"] for u in items]
    assert len(seen) == 3 and set(seen) == ids


async def test_searching_units_by_name_code_or_path(client, hr):
    # The console's department picker searches as HR types: a name, the ERP code, or the
    # path it shows ("Acme / R&D / Platform").
    tag = unique("Q")
    acme = await make_unit(client, hr, f"Acme {tag}", "company", code=f"{tag}-ERP")
    rd = await make_unit(client, hr, "R&D", "division", acme["id"])
    platform = await make_unit(client, hr, "Platform", "team", rd["id"])
    await make_unit(client, hr, "Sales_50%", "division", acme["id"])

    async def found(q: str) -> list[str]:
        return [u["name"] for u in await all_pages(client, hr, "/api/v1/org-units", q=q, limit=1)]

    assert await found(f"acme {tag.lower()}") == [f"Acme {tag}", "Platform", "R&D", "Sales_50%"]
    assert await found(f"{tag}-erp") == [f"Acme {tag}"]
    path = f"Acme {tag} / R&D / Platform"
    assert await found(path) == ["Platform"]
    assert platform["path_names"] == path.split(" / ")
    assert await found(f"  {tag}  /   r&d ") == ["Platform", "R&D"]  # spaces folded
    # % and _ are searched for as themselves
    assert await found(f"{tag} / Sales_50%") == ["Sales_50%"]
    assert await found(f"{tag} / Sales%") == []
    r = await client.get("/api/v1/org-units", headers=hr, params={"q": "x" * 201})
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["query", "q"]
