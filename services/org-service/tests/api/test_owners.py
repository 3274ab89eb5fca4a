"""Position owners: carried whole in `position-changed`, kept current when an owner changes
(republished in the person's own transaction), merged on PATCH, and who may become one."""

from __future__ import annotations

from org_testkit import about, make_person, make_position, make_unit, unique, wait_for_events

from talentloop_shared.events.payloads import PositionChanged
from talentloop_shared.testing.harness import event_probe


def ref(person: dict) -> dict:
    """What position-changed says of an owner."""
    return {k: person[k] for k in ("id", "name", "email", "locale", "timezone", "subject")}


async def test_owners_are_published_and_kept_current(client, hr, amqp_url, ns):
    unit = await make_unit(client, hr, unique("Co"), "company")
    recruiter = await make_person(
        client,
        hr,
        name="Chen Jing",
        email="chen.jing@example.com",
        locale="zh-CN",
        timezone="Asia/Shanghai",
        subject=unique("chen"),
    )
    manager = await make_person(client, hr, name="Tom Brown", email="tom@example.com")
    async with event_probe(amqp_url, ns, ["position-changed", "person-changed"]) as probe:
        owned = [
            await make_position(
                client,
                hr,
                unit["id"],
                owners={"recruiter_id": recruiter["id"], "hiring_manager_id": manager["id"]},
            ),
            await make_position(client, hr, unit["id"], owners={"recruiter_id": recruiter["id"]}),
        ]
        other = await make_position(client, hr, unit["id"])
        assert owned[0]["owners"] == {"recruiter": ref(recruiter), "hiring_manager": ref(manager)}
        assert owned[1]["owners"] == {"recruiter": ref(recruiter), "hiring_manager": None}
        assert other["owners"] == {"recruiter": None, "hiring_manager": None}
        await wait_for_events(probe, 3, about(*(p["id"] for p in owned), other["id"]))

        # a phone number is not in the owner's ref: the positions stay as they are
        r = await client.patch(
            f"/api/v1/people/{recruiter['id']}", headers=hr, json={"phone": "+8613900000000"}
        )
        assert r.status_code == 200
        # a new name is: both positions she owns get a new version, with the person change
        r = await client.patch(
            f"/api/v1/people/{recruiter['id']}",
            headers=hr,
            json={"name": "Chen Jing (HR)", "email": "jing.chen@example.com"},
        )
        assert r.status_code == 200
        renamed = r.json()
        await wait_for_events(
            probe,
            2,
            lambda e: about(*(p["id"] for p in owned))(e) and e.data["change"] == "updated",
        )
        await wait_for_events(probe, 2, about(recruiter["id"]))
        await probe.settle(0.5)

    created = [
        e
        for e in probe.of_type("position-changed")
        if e.data["change"] == "created" and about(owned[0]["id"])(e)
    ]
    first = PositionChanged.model_validate(created[0].data)
    assert first.position.owners.recruiter is not None
    assert first.position.owners.recruiter.model_dump() == ref(recruiter)
    assert first.position.owners.hiring_manager is not None
    assert first.position.owners.hiring_manager.name == "Tom Brown"
    assert "owners" in first.changed_fields

    republished = [
        e.data
        for e in probe.of_type("position-changed")
        if e.data["change"] == "updated" and about(*(p["id"] for p in owned), other["id"])(e)
    ]
    assert sorted(e["position"]["id"] for e in republished) == sorted(p["id"] for p in owned)
    for e in republished:
        assert e["changed_fields"] == ["owners"]
        assert e["position"]["version"] == 2
        assert e["position"]["owners"]["recruiter"] == ref(renamed)
    assert republished[0]["position"]["id"] != other["id"]
    # the person change and its republications went out of the same transaction, person first
    ours = {recruiter["id"], *(p["id"] for p in owned)}
    kinds = [
        e.type
        for e in probe.events
        if e.data.get("change") != "created"
        and (e.data.get("person") or e.data.get("position"))["id"] in ours
    ]
    assert kinds == ["person-changed", "person-changed", "position-changed", "position-changed"]

    history = await client.get(f"/api/v1/positions/{owned[0]['id']}/history", headers=hr)
    last = history.json()["items"][-1]
    assert last["changed_fields"] == ["owners"] and last["changed_by"] == "hr-anna"
    assert last["changes"][0]["old"]["recruiter"]["name"] == "Chen Jing"
    r = await client.get(f"/api/v1/positions/{owned[0]['id']}", headers=hr)
    assert r.json()["owners"]["recruiter"]["name"] == "Chen Jing (HR)"


async def test_owners_patch_merges_and_a_deactivated_person_stays_but_cannot_be_added(
    client, hr, amqp_url, ns
):
    unit = await make_unit(client, hr, unique("Co"), "company")
    a = await make_person(client, hr)
    b = await make_person(client, hr)
    position = await make_position(
        client, hr, unit["id"], owners={"recruiter_id": a["id"], "hiring_manager_id": b["id"]}
    )
    pid = position["id"]
    r = await client.patch(
        f"/api/v1/positions/{pid}", headers=hr, json={"owners": {"recruiter_id": b["id"]}}
    )
    assert r.status_code == 200
    assert r.json()["owners"]["recruiter"]["id"] == b["id"]
    assert r.json()["owners"]["hiring_manager"]["id"] == b["id"]  # left out: kept
    r = await client.patch(
        f"/api/v1/positions/{pid}", headers=hr, json={"owners": {"hiring_manager_id": None}}
    )
    assert r.json()["owners"]["hiring_manager"] is None and r.json()["version"] == 3

    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await client.post(f"/api/v1/people/{b['id']}/deactivate", headers=hr)
        assert r.status_code == 200
        await probe.settle(0.5)
    # the position keeps its recruiter; nothing it says changed
    assert [e for e in probe.events if about(pid)(e) and e.data["position"]["version"] > 3] == []
    r = await client.get(f"/api/v1/positions/{pid}", headers=hr)
    assert r.json()["owners"]["recruiter"]["id"] == b["id"] and r.json()["version"] == 3
    # saving the position unchanged is fine even though its recruiter has left …
    r = await client.patch(f"/api/v1/positions/{pid}", headers=hr, json={"headcount": 2})
    assert r.status_code == 200
    # … but nobody who has left can be made an owner
    r = await client.patch(
        f"/api/v1/positions/{pid}", headers=hr, json={"owners": {"hiring_manager_id": b["id"]}}
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "owners", "hiring_manager_id"]
    assert "deactivated" in r.json()["errors"][0]["msg"]
    r = await client.post(
        "/api/v1/positions",
        headers=hr,
        json={
            "title": "T",
            "org_unit_id": unit["id"],
            "owners": {"recruiter_id": "6f1c2b1e-6c59-4a53-9a66-1c1c1b0d9d11"},
        },
    )
    assert r.status_code == 422 and "unknown person" in r.json()["errors"][0]["msg"]
    r = await client.patch(f"/api/v1/positions/{pid}", headers=hr, json={"owners": None})
    assert r.status_code == 422
