"""Positions over HTTP: versions, events, If-Match, validation, roles, lists, history."""

from __future__ import annotations

import uuid

from org_testkit import make_position, make_unit, unique

from talentloop_shared.testing.harness import event_probe

SCHEME = {
    "dimensions": [
        {"key": "technical", "name": "Technical ability", "weight": 0.4},
        {"key": "business", "name": "Business understanding", "weight": 0.3},
        {"key": "culture", "name": "Culture fit", "weight": 0.3},
    ]
}


async def test_create_update_close_reopen_publishes_four_versions(client, hr, amqp_url, ns):
    company = await make_unit(client, hr, unique("Acme"), "company")
    division = await make_unit(client, hr, "East China Division", "division", company["id"])
    dept = await make_unit(client, hr, unique("Tech"), "department", company["id"])
    scheme = {"dimensions": [{**d, "department_id": dept["id"]} for d in SCHEME["dimensions"]]}
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await client.post(
            "/api/v1/positions",
            headers=hr,
            json={
                "title": "Marketing Manager",
                "org_unit_id": division["id"],
                "headcount": 2,
                "job_family": "Marketing",
                "location": "Shanghai",
                "requirements": {
                    "min_years_experience": 5,
                    "required_skills": [" Live-Stream Marketing", "live-stream marketing"],
                    "industries": ["FMCG"],
                    "education": "bachelor",
                    "languages": ["zh"],
                },
                "evaluation_scheme": scheme,
            },
        )
        assert r.status_code == 201, r.text
        assert r.headers["ETag"] == '"1"'
        pid = r.json()["id"]
        assert r.json()["requirements"]["required_skills"] == ["live-stream marketing"]

        r = await client.patch(
            f"/api/v1/positions/{pid}",
            headers={**hr, "If-Match": '"1"'},
            json={
                "requirements": {
                    "required_skills": ["live-stream marketing", "East China FMCG market"]
                }
            },
        )
        assert r.status_code == 200, r.text
        assert r.headers["ETag"] == '"2"'
        r = await client.post(f"/api/v1/positions/{pid}/close", headers=hr)
        assert r.status_code == 200 and r.json()["status"] == "closed"
        r = await client.post(f"/api/v1/positions/{pid}/close", headers=hr)
        assert r.status_code == 409
        r = await client.post(f"/api/v1/positions/{pid}/reopen", headers=hr)
        assert r.status_code == 200 and r.json()["version"] == 4

        events = await probe.wait_for(4)
        await probe.settle(0.3)
    mine = [e.data for e in probe.events if e.data["position"]["id"] == pid]
    assert [e["position"]["version"] for e in mine] == [1, 2, 3, 4]
    assert [e["change"] for e in mine] == ["created", "updated", "closed", "reopened"]
    assert "requirements" in mine[0]["changed_fields"] and "title" in mine[0]["changed_fields"]
    assert mine[1]["changed_fields"] == ["requirements"]
    assert mine[2]["changed_fields"] == ["status"] and mine[3]["changed_fields"] == ["status"]
    first = mine[0]["position"]
    assert first["org_unit"] == {
        "id": division["id"],
        "name": "East China Division",
        "path": [company["name"], "East China Division"],
    }
    assert first["job_family"] == "marketing" and first["headcount"] == 2
    assert first["evaluation_scheme"]["dimensions"][0]["department_id"] == dept["id"]
    assert mine[1]["position"]["requirements"]["required_skills"] == [
        "live-stream marketing",
        "east china fmcg market",
    ]
    assert mine[1]["position"]["requirements"]["min_years_experience"] == 5  # merged, kept
    assert [e["position"]["status"] for e in mine] == ["open", "open", "closed", "open"]
    assert len(events) >= 4

    r = await client.get(f"/api/v1/positions/{pid}/history", headers=hr)
    history = r.json()["items"]
    assert [h["version"] for h in history] == [1, 2, 3, 4]
    assert history[1]["changed_by"] == "hr-anna"
    (change,) = history[1]["changes"]
    assert change["field"] == "requirements"
    assert change["old"]["required_skills"] == ["live-stream marketing"]
    assert change["new"]["required_skills"][-1] == "east china fmcg market"


async def test_stale_if_match_is_412_and_changes_nothing(client, hr, amqp_url, ns):
    unit = await make_unit(client, hr, unique("Ops"), "company")
    position = await make_position(client, hr, unit["id"], title="Buyer")
    pid = position["id"]
    r = await client.patch(f"/api/v1/positions/{pid}", headers=hr, json={"headcount": 3})
    assert r.status_code == 200 and r.json()["version"] == 2  # no If-Match: allowed
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await client.patch(
            f"/api/v1/positions/{pid}",
            headers={**hr, "If-Match": '"1"'},
            json={"title": "Senior Buyer"},
        )
        assert r.status_code == 412
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.headers["ETag"] == '"2"'
        r = await client.post(f"/api/v1/positions/{pid}/close", headers={**hr, "If-Match": 'W/"1"'})
        assert r.status_code == 412
        await probe.settle(0.7)
    assert [e for e in probe.events if e.data["position"]["id"] == pid] == []
    r = await client.get(f"/api/v1/positions/{pid}", headers=hr)
    assert r.json()["title"] == "Buyer" and r.json()["version"] == 2
    assert r.json()["status"] == "open"
    assert r.headers["ETag"] == '"2"'


async def test_patch_that_changes_nothing_keeps_the_version(client, hr, amqp_url, ns):
    unit = await make_unit(client, hr, unique("Ops"), "company")
    position = await make_position(
        client, hr, unit["id"], title="Planner", requirements={"required_skills": ["sql"]}
    )
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await client.patch(
            f"/api/v1/positions/{position['id']}",
            headers=hr,
            json={"title": " Planner ", "requirements": {"required_skills": ["SQL"]}},
        )
        assert r.status_code == 200 and r.json()["version"] == 1
        await probe.settle(0.5)
    assert [e for e in probe.events if e.data["position"]["id"] == position["id"]] == []


async def test_bad_scheme_is_422_naming_the_field(client, hr):
    unit = await make_unit(client, hr, unique("Co"), "company")
    r = await client.post(
        "/api/v1/positions",
        headers=hr,
        json={
            "title": "Engineer",
            "org_unit_id": unit["id"],
            "evaluation_scheme": {
                "dimensions": [
                    {"key": "technical", "name": "Technical", "weight": 0.5},
                    {
                        "key": "technical",
                        "name": "Culture",
                        "weight": 0.3,
                        "department_id": str(uuid.uuid4()),
                    },
                ]
            },
        },
    )
    assert r.status_code == 422
    body = r.json()
    locs = {tuple(e["loc"]): e["msg"] for e in body["errors"]}
    assert "sum to 1" in locs[("body", "evaluation_scheme", "dimensions")]
    assert "0.8" in locs[("body", "evaluation_scheme", "dimensions")]
    assert "duplicate" in locs[("body", "evaluation_scheme", "dimensions", 1, "key")]
    assert (
        "unknown department"
        in locs[("body", "evaluation_scheme", "dimensions", 1, "department_id")]
    )
    r = await client.get("/api/v1/positions", headers=hr, params={"org_unit_id": unit["id"]})
    assert r.json()["items"] == []


async def test_reports_to_cycle_is_refused(client, hr):
    unit = await make_unit(client, hr, unique("Co"), "company")
    ceo = await make_position(client, hr, unit["id"], title="CEO")
    cto = await make_position(client, hr, unit["id"], title="CTO", reports_to_position_id=ceo["id"])
    r = await client.patch(
        f"/api/v1/positions/{ceo['id']}", headers=hr, json={"reports_to_position_id": cto["id"]}
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "reports_to_position_id"]
    assert "cycle" in r.json()["errors"][0]["msg"]


async def test_roles(client, auth):
    hr = auth("hr_admin")
    unit = await make_unit(client, hr, unique("Co"), "company")
    position = await make_position(client, hr, unit["id"])
    body = {"title": "X", "org_unit_id": unit["id"]}
    for role in ("recruiter", "interviewer", "integration"):
        r = await client.post("/api/v1/positions", json=body, headers=auth(role))
        assert r.status_code == 403, role
        assert r.headers["content-type"].startswith("application/problem+json")
        r = await client.patch(
            f"/api/v1/positions/{position['id']}", json={"headcount": 2}, headers=auth(role)
        )
        assert r.status_code == 403
        r = await client.get(f"/api/v1/positions/{position['id']}", headers=auth(role))
        assert r.status_code == 200
    r = await client.post(
        "/api/v1/org-units", json={"name": "Y", "kind": "team"}, headers=auth("recruiter")
    )
    assert r.status_code == 403
    assert (await client.get("/api/v1/positions")).status_code == 401


async def test_unknown_ids_are_404_problems(client, hr):
    missing = uuid.uuid4()
    for path in (
        f"/api/v1/positions/{missing}",
        f"/api/v1/positions/{missing}/history",
        f"/api/v1/org-units/{missing}",
    ):
        r = await client.get(path, headers=hr)
        assert r.status_code == 404, path
        assert r.headers["content-type"].startswith("application/problem+json")
        assert str(missing) in r.json()["detail"]
    r = await client.patch(f"/api/v1/positions/{missing}", json={"headcount": 2}, headers=hr)
    assert r.status_code == 404


async def test_list_filters_subtree_and_paginates(client, hr):
    company = await make_unit(client, hr, unique("Co"), "company")
    division = await make_unit(client, hr, "Div", "division", company["id"])
    team = await make_unit(client, hr, "Team", "team", division["id"])
    other = await make_unit(client, hr, "Other", "division", company["id"])
    ids = [(await make_position(client, hr, division["id"]))["id"] for _ in range(3)]
    ids += [(await make_position(client, hr, team["id"]))["id"] for _ in range(2)]
    await make_position(client, hr, other["id"])
    closed = ids[0]
    await client.post(f"/api/v1/positions/{closed}/close", headers=hr)

    seen, cursor = [], None
    while True:
        params = {"org_unit_id": division["id"], "include_subtree": "true", "limit": 2}
        if cursor:
            params["cursor"] = cursor
        r = await client.get("/api/v1/positions", headers=hr, params=params)
        assert r.status_code == 200
        page = r.json()
        assert len(page["items"]) <= 2
        seen += [p["id"] for p in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids
    r = await client.get("/api/v1/positions", headers=hr, params={"org_unit_id": division["id"]})
    assert [p["id"] for p in r.json()["items"]] == ids[:3]
    r = await client.get(
        "/api/v1/positions",
        headers=hr,
        params={"org_unit_id": division["id"], "include_subtree": "true", "status": "open"},
    )
    assert [p["id"] for p in r.json()["items"]] == ids[1:]
    r = await client.get("/api/v1/positions", headers=hr, params={"cursor": "garbage"})
    assert r.status_code == 422


async def test_list_searches_title_and_code(client, hr):
    # The console's position search: part of the title or the code, any case; `%` and `_`
    # are taken literally.
    company = await make_unit(client, hr, unique("Search Co"), "company")
    tag = uuid.uuid4().hex[:8]
    titled = await make_position(client, hr, company["id"], title=f"Data Engineer {tag}")
    coded = await make_position(client, hr, company["id"], code=f"POS-{tag}-7")
    percent = await make_position(client, hr, company["id"], title="100% remote designer")

    async def search(q: str) -> list[str]:
        r = await client.get(
            "/api/v1/positions", headers=hr, params={"org_unit_id": company["id"], "q": q}
        )
        assert r.status_code == 200, r.text
        return [p["id"] for p in r.json()["items"]]

    assert await search(tag.upper()) == [titled["id"], coded["id"]]
    assert await search("data engineer") == [titled["id"]]
    assert await search(f"pos-{tag}") == [coded["id"]]
    assert await search("0%") == [percent["id"]]
    assert await search("_") == []
    assert len(await search("  ")) == 3


async def test_a_nul_character_in_a_list_filter_is_a_422_not_a_500(client, hr):
    # The list reads on asyncpg directly; PostgreSQL refuses a NUL in text (SQLSTATE 22021)
    # and the answer says the input is at fault, as on the ORM path (the fuzzer found it).
    for params in ({"job_family": "a\x00b"}, {"q": "x\x00"}):
        r = await client.get("/api/v1/positions", headers=hr, params=params)
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
