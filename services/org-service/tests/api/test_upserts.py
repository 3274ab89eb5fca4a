"""Upserts by the ERP's codes: 201 then 200, If-Match, references by code (unknown → 422
naming them), fields left out keep, and a PUT of what is stored changes nothing."""

from __future__ import annotations

from org_testkit import about, unique, wait_for_events

from talentloop_shared.testing.harness import event_probe
from talentloop_shared.testing.typing_modes import full_width


async def put(client, headers, path: str, body: dict, **extra_headers: str):
    return await client.put(path, headers={**headers, **extra_headers}, json=body)


async def test_org_unit_upsert_by_code(client, auth, amqp_url, ns):
    erp = auth("integration", sub="erp")
    p = unique("U")
    r = await put(
        client, erp, f"/api/v1/org-units/by-code/{p}-CO", {"name": "Acme", "kind": "company"}
    )
    assert r.status_code == 201, r.text
    assert r.headers["ETag"] == '"1"' and r.headers["Location"].endswith(r.json()["id"])
    company = r.json()
    r = await put(
        client,
        erp,
        f"/api/v1/org-units/by-code/{p}-D1",
        {"name": "Sales", "kind": "department", "parent_code": f"{p}-CO"},
    )
    assert r.status_code == 201 and r.json()["parent_id"] == company["id"]
    dept = r.json()
    assert dept["path_names"] == ["Acme", "Sales"]

    # the same again: 200, same version
    r = await put(
        client,
        erp,
        f"/api/v1/org-units/by-code/{p}-D1",
        {"name": "Sales", "kind": "Department", "parent_code": f"{p}-CO"},
    )
    assert r.status_code == 200 and r.json()["version"] == 1
    assert r.json()["updated_at"] == dept["updated_at"]

    r = await put(
        client,
        erp,
        f"/api/v1/org-units/by-code/{p}-D1",
        {"parent_code": f"{p}-NOPE"},
    )
    assert r.status_code == 422
    assert r.json()["errors"] == [
        {"loc": ["body", "parent_code"], "msg": f"unknown org unit code '{p}-NOPE'"}
    ]
    r = await put(client, erp, f"/api/v1/org-units/by-code/{p}-D2", {"name": "No kind"})
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "kind"]
    r = await put(
        client,
        erp,
        f"/api/v1/org-units/by-code/{p}-D9",
        {"name": "X", "kind": "team"},
        **{"If-Match": '"1"'},
    )
    assert r.status_code == 412  # If-Match names a version of something not there yet

    # a position below, then a rename by PUT republishes it; If-Match guards the change
    r = await put(
        client,
        erp,
        f"/api/v1/positions/by-code/{p}-P1",
        {"title": "Rep", "org_unit_code": f"{p}-D1"},
    )
    assert r.status_code == 201, r.text
    rep = r.json()["id"]
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await put(
            client,
            erp,
            f"/api/v1/org-units/by-code/{p}-D1",
            {"name": "Sales East"},
            **{"If-Match": '"3"'},
        )
        assert r.status_code == 412 and r.headers["ETag"] == '"1"'
        r = await put(
            client,
            erp,
            f"/api/v1/org-units/by-code/{p}-D1",
            {"name": "Sales East"},
            **{"If-Match": '"1"'},
        )
        assert r.status_code == 200 and r.json()["version"] == 2
        assert r.json()["parent_id"] == company["id"]  # left out: kept
        (event,) = await wait_for_events(
            probe, 1, lambda e: about(rep)(e) and e.data["change"] != "created"
        )
    assert event.data["change"] == "updated" and event.data["changed_fields"] == ["org_unit"]
    assert event.data["position"]["org_unit"]["path"] == ["Acme", "Sales East"]

    r = await client.get(f"/api/v1/org-units/{dept['id']}", headers=erp)
    assert r.headers["ETag"] == '"2"'
    r = await client.put(
        f"/api/v1/org-units/by-code/{p}-D1", headers=auth("recruiter"), json={"name": "X"}
    )
    assert r.status_code == 403


async def test_a_null_parent_code_keeps_a_parent_the_erp_cannot_name(client, hr, auth):
    erp = auth("integration")
    p = unique("N")
    r = await client.post(
        "/api/v1/org-units", headers=hr, json={"name": "Holding", "kind": "company"}
    )
    holding = r.json()
    r = await put(
        client, erp, f"/api/v1/org-units/by-code/{p}", {"name": "Acme", "kind": "company"}
    )
    r = await client.patch(
        f"/api/v1/org-units/{r.json()['id']}", headers=hr, json={"parent_id": holding["id"]}
    )
    assert r.status_code == 200
    r = await put(
        client, erp, f"/api/v1/org-units/by-code/{p}", {"name": "Acme", "parent_code": None}
    )
    assert r.status_code == 200 and r.json()["parent_id"] == holding["id"]


async def test_position_upsert_by_code(client, auth, hr, amqp_url, ns):
    erp = auth("integration", sub="erp")
    p = unique("Q")
    for code, body in [
        (f"{p}-CO", {"name": "Acme", "kind": "company"}),
        (f"{p}-MKT", {"name": "Marketing", "kind": "department", "parent_code": f"{p}-CO"}),
        (f"{p}-HR", {"name": "People", "kind": "department", "parent_code": f"{p}-CO"}),
    ]:
        assert (
            await put(client, erp, f"/api/v1/org-units/by-code/{code}", body)
        ).status_code == 201
    for code, name in [(f"{p}-E1", "Chen Jing"), (f"{p}-E2", "Zhao Min")]:
        r = await put(client, erp, f"/api/v1/people/by-code/{code}", {"name": name})
        assert r.status_code == 201
    boss = await put(
        client,
        erp,
        f"/api/v1/positions/by-code/{p}-BOSS",
        {"title": "Head", "org_unit_code": f"{p}-CO"},
    )
    body = {
        "title": "Marketing  Manager",
        "titles": {"zh_cn": "市场经理", "EN": "Marketing Manager"},
        "org_unit_code": f"{p}-MKT",
        "reports_to_code": f"{p}-BOSS",
        "job_family": "Marketing",
        "headcount": 2,
        "evaluation_scheme": {
            "dimensions": [
                {
                    "key": "business",
                    "name": "Business",
                    "names": {"zh-CN": "业务理解"},
                    "weight": 0.6,
                    "department_code": f"{p}-MKT",
                },
                {"key": "culture", "name": "Culture", "weight": 0.4, "department_code": f"{p}-HR"},
            ]
        },
        "owners": {"recruiter_code": f"{p}-E1", "hiring_manager_code": f"{p}-E2"},
    }
    path = f"/api/v1/positions/by-code/{p}-P1"
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await put(client, erp, path, body)
        assert r.status_code == 201, r.text
        created = r.json()
        assert created["version"] == 1 and created["code"] == f"{p}-P1"
        assert created["title"] == "Marketing Manager"
        assert created["titles"] == {"en": "Marketing Manager", "zh-CN": "市场经理"}
        assert created["reports_to_position_id"] == boss.json()["id"]
        dims = created["evaluation_scheme"]["dimensions"]
        assert dims[0]["names"] == {"zh-CN": "业务理解"} and dims[1]["names"] == {}
        assert created["owners"]["recruiter"]["name"] == "Chen Jing"
        assert created["owners"]["hiring_manager"]["name"] == "Zhao Min"
        (event,) = await wait_for_events(probe, 1, about(created["id"]))

        # HR refines the requirements; a sync that does not know them leaves them alone
        r = await client.patch(
            f"/api/v1/positions/{created['id']}",
            headers=hr,
            json={"requirements": {"required_skills": ["live-stream marketing"]}},
        )
        assert r.json()["version"] == 2
        r = await put(client, erp, path, body)
        assert r.status_code == 200 and r.json()["version"] == 2
        assert r.json()["requirements"]["required_skills"] == ["live-stream marketing"]
        await wait_for_events(probe, 2, about(created["id"]))
        await probe.settle(0.5)
    assert len([e for e in probe.events if about(created["id"])(e)]) == 2  # the no-op: none
    snapshot = event.data["position"]
    assert snapshot["code"] == f"{p}-P1" and snapshot["titles"]["zh-CN"] == "市场经理"
    assert snapshot["evaluation_scheme"]["dimensions"][0]["names"] == {"zh-CN": "业务理解"}
    history = await client.get(f"/api/v1/positions/{created['id']}/history", headers=hr)
    assert [v["version"] for v in history.json()["items"]] == [1, 2]

    r = await put(client, erp, path, {"headcount": 3}, **{"If-Match": '"1"'})
    assert r.status_code == 412
    r = await put(client, erp, path, {"headcount": 3}, **{"If-Match": '"2"'})
    assert r.status_code == 200 and r.json()["version"] == 3
    r = await put(client, erp, path, {"status": "closed"})
    assert r.json()["status"] == "closed" and r.json()["version"] == 4

    r = await put(
        client,
        erp,
        f"/api/v1/positions/by-code/{p}-P2",
        {
            "title": "Analyst",
            "org_unit_code": f"{p}-NOPE",
            "reports_to_code": f"{p}-NOBODY",
            "evaluation_scheme": {
                "dimensions": [
                    {"key": "tech", "name": "Tech", "weight": 1, "department_code": "X9"}
                ]
            },
            "owners": {"recruiter_code": f"{p}-E404"},
        },
    )
    assert r.status_code == 422
    assert {tuple(e["loc"][1:]): e["msg"] for e in r.json()["errors"]} == {
        ("org_unit_code",): f"unknown org unit code '{p}-NOPE'",
        ("reports_to_code",): f"unknown position code '{p}-NOBODY'",
        ("evaluation_scheme", "dimensions", 0, "department_code"): "unknown org unit code 'X9'",
        ("owners", "recruiter_code"): f"unknown person code '{p}-E404'",
    }
    r = await put(client, erp, f"/api/v1/positions/by-code/{p}-P3", {"title": "No unit"})
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "org_unit_code"]
    r = await put(
        client,
        erp,
        f"/api/v1/positions/by-code/{p}-P3",
        {"title": "T", "org_unit_code": f"{p}-MKT", "titles": {"xx yy": "?"}},
    )
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "titles"]


async def test_person_upsert_by_code(client, auth, amqp_url, ns):
    erp = auth("integration", sub="erp")
    p = unique("W")
    await put(client, erp, f"/api/v1/org-units/by-code/{p}-CO", {"name": "Acme", "kind": "company"})
    body = {
        "name": "Sun Li",
        "email": "sun.li@example.com",
        "phone": "13800138000",
        "locale": "zh-CN",
        "timezone": "Asia/Shanghai",
        "org_unit_code": f"{p}-CO",
        "subject": f"{p}-sun",
    }
    async with event_probe(amqp_url, ns, ["person-changed"]) as probe:
        r = await put(client, erp, f"/api/v1/people/by-code/{p}-M", {"name": "Boss"})
        assert r.status_code == 201
        boss = r.json()
        r = await put(
            client, erp, f"/api/v1/people/by-code/{p}-1", {**body, "manager_code": f"{p}-M"}
        )
        assert r.status_code == 201, r.text
        person = r.json()
        assert person["external_code"] == f"{p}-1" and person["manager_id"] == boss["id"]
        r = await put(
            client, erp, f"/api/v1/people/by-code/{p}-1", {**body, "manager_code": f"{p}-M"}
        )
        assert r.status_code == 200 and r.json()["version"] == 1
        r = await put(client, erp, f"/api/v1/people/by-code/{p}-1", {"active": False})
        assert r.status_code == 200 and r.json()["active"] is False and r.json()["version"] == 2
        r = await put(client, erp, f"/api/v1/people/by-code/{p}-1", {"email": ""})
        assert r.json()["email"] is None  # an ERP's "" is no address
        await probe.wait_for(4)
        await probe.settle(0.4)
    changes = [
        e.data["change"] for e in probe.events if e.data["person"]["external_code"] == f"{p}-1"
    ]
    assert changes == ["created", "deactivated", "updated"]
    r = await put(
        client, erp, f"/api/v1/people/by-code/{p}-2", {"name": "X", "manager_code": "NOPE"}
    )
    assert r.status_code == 422
    assert r.json()["errors"] == [
        {"loc": ["body", "manager_code"], "msg": "unknown person code 'NOPE'"}
    ]
    r = await put(client, erp, f"/api/v1/people/by-code/{p}-2", {"email": "x@example.com"})
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "name"]
    r = await put(
        client, erp, f"/api/v1/people/by-code/{p}-3", {"name": "Y", "subject": f"{p}-sun"}
    )
    assert r.status_code == 409


async def test_codes_typed_in_full_width_are_the_codes_they_stand_for(client, auth, hr):
    """`ＡＣＭＥ－００１` is what `ACME-001` looks like typed with the input method left in
    full-width mode: the same code to whoever typed it, so it finds the same unit, position
    or person (in a path and in a body), and is stored as the ERP spells it."""
    erp = auth("integration", sub="erp")
    p = unique("FW")
    company = await put(
        client,
        erp,
        "/api/v1/org-units/by-code/" + full_width(f"{p}-CO"),
        {"name": "Acme", "kind": "company"},
    )
    assert company.status_code == 201, company.text
    assert company.json()["code"] == f"{p}-CO"
    again = await put(client, erp, f"/api/v1/org-units/by-code/{p}-CO", {"name": "Acme"})
    assert again.status_code == 200 and again.json()["id"] == company.json()["id"]
    # HR types a new unit's code and its parent's in full width, in the console.
    team = await client.post(
        "/api/v1/org-units",
        headers=hr,
        json={
            "name": "Team",
            "kind": "team",
            "parent_id": company.json()["id"],
            "code": full_width(f"{p}-T"),
        },
    )
    assert team.status_code == 201 and team.json()["code"] == f"{p}-T"
    taken = await client.post(
        "/api/v1/org-units", headers=hr, json={"name": "Twin", "kind": "team", "code": f"{p}-T"}
    )
    assert taken.status_code == 409  # not a second unit with a code that looks the same
    hidden = await client.post(
        "/api/v1/org-units",
        headers=hr,
        json={"name": "Twin", "kind": "team", "code": f"{p}-\u200bT"},
    )
    assert hidden.status_code == 422 and "U+200B (ZERO WIDTH SPACE)" in hidden.text
    position = await put(
        client,
        erp,
        f"/api/v1/positions/by-code/{p}-P",
        {"title": "Analyst", "org_unit_code": full_width(f"　{p}-T　")},
    )
    assert position.status_code == 201, position.text
    assert position.json()["org_unit"]["id"] == team.json()["id"]
    person = await put(
        client,
        erp,
        "/api/v1/people/by-code/" + full_width(f"{p}-9"),
        {"name": "Sun Li", "org_unit_code": full_width(f"{p}-CO")},
    )
    assert person.status_code == 201 and person.json()["external_code"] == f"{p}-9"
    assert person.json()["org_unit_id"] == company.json()["id"]
    # A code that begins with a (full-width) space is refused in a path, as an ASCII one is.
    for spaced in (f"%20{p}-CO", f"\u3000{p}-CO"):
        r = await put(client, erp, f"/api/v1/org-units/by-code/{spaced}", {"name": "Acme"})
        assert r.status_code == 422, (spaced, r.text)
