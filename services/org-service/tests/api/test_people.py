"""The staff directory over HTTP: create, edit with If-Match, deactivate, search and pages,
who-am-I, roles, and the `person-changed` events each change publishes."""

from __future__ import annotations

import pytest
from org_testkit import about, all_pages, make_person, make_unit, unique, wait_for_events

from talentloop_shared.events.payloads import PersonChanged
from talentloop_shared.testing.harness import event_probe


async def test_create_edit_deactivate_reactivate_publish_person_changed(client, hr, amqp_url, ns):
    unit = await make_unit(client, hr, unique("Acme"), "company")
    boss = await make_person(client, hr, name="Wang Lei")
    code = unique("E")
    async with event_probe(amqp_url, ns, ["person-changed"]) as probe:
        r = await client.post(
            "/api/v1/people",
            headers=hr,
            json={
                "name": "  Li   Na ",
                "external_code": code,
                "email": "Li.Na@Example.COM",
                "phone": "+86 138-0013-8000",
                "locale": "zh_cn",
                "timezone": "asia/shanghai",
                "org_unit_id": unit["id"],
                "manager_id": boss["id"],
                "subject": f"sub-{code}",
            },
        )
        assert r.status_code == 201, r.text
        assert r.headers["ETag"] == '"1"'
        person = r.json()
        pid = person["id"]
        assert r.headers["Location"] == f"/api/v1/people/{pid}"
        assert (person["name"], person["email"], person["phone"]) == (
            "Li Na",
            "li.na@example.com",
            "+8613800138000",
        )
        assert (person["locale"], person["timezone"], person["active"]) == (
            "zh-CN",
            "Asia/Shanghai",
            True,
        )

        r = await client.patch(
            f"/api/v1/people/{pid}", headers={**hr, "If-Match": '"7"'}, json={"name": "Li Na 2"}
        )
        assert r.status_code == 412 and r.headers["ETag"] == '"1"'
        r = await client.patch(
            f"/api/v1/people/{pid}",
            headers={**hr, "If-Match": '"1"'},
            json={"name": "Li Na", "email": "li.na@example.com", "locale": "zh-CN"},
        )
        assert r.status_code == 200 and r.json()["version"] == 1  # the same values: no change
        r = await client.patch(
            f"/api/v1/people/{pid}", headers={**hr, "If-Match": '"1"'}, json={"phone": None}
        )
        assert r.status_code == 200 and r.json()["version"] == 2 and r.json()["phone"] is None

        r = await client.post(f"/api/v1/people/{pid}/deactivate", headers=hr)
        assert r.status_code == 200 and r.json()["active"] is False
        assert r.json()["version"] == 3
        r = await client.post(f"/api/v1/people/{pid}/deactivate", headers=hr)
        assert r.status_code == 409
        r = await client.post(f"/api/v1/people/{pid}/reactivate", headers={**hr, "If-Match": '"2"'})
        assert r.status_code == 412
        r = await client.post(f"/api/v1/people/{pid}/reactivate", headers=hr)
        assert r.status_code == 200 and r.json()["active"] is True

        events = await wait_for_events(probe, 4, about(pid))
        await probe.settle(0.3)
    mine = [PersonChanged.model_validate(e.data) for e in events]
    assert [(e.change, e.person.version) for e in mine] == [
        ("created", 1),
        ("updated", 2),
        ("deactivated", 3),
        ("reactivated", 4),
    ]
    created = mine[0].person
    assert created.model_dump() == {
        "id": pid,
        "version": 1,
        "external_code": code,
        "name": "Li Na",
        "email": "li.na@example.com",
        "phone": "+8613800138000",
        "locale": "zh-CN",
        "timezone": "Asia/Shanghai",
        "org_unit_id": unit["id"],
        "manager_id": boss["id"],
        "subject": f"sub-{code}",
        "active": True,
    }
    assert set(mine[0].changed_fields) >= {"name", "email", "subject", "manager_id"}
    assert mine[1].changed_fields == ["phone"]
    assert mine[2].changed_fields == ["active"] and mine[2].person.active is False
    assert all(e.source == "/org-service" for e in events)
    assert events[0].subject == f"people/{pid}"
    assert len([e for e in probe.events if about(pid)(e)]) == 4  # the no-op PATCH: nothing


async def test_bad_values_and_taken_keys_are_refused(client, hr):
    first = await make_person(client, hr, subject=unique("sub"), external_code=unique("E"))
    r = await client.post(
        "/api/v1/people",
        headers=hr,
        json={"name": "X", "email": "nope", "locale": "not a locale", "timezone": "Mars/Base"},
    )
    assert r.status_code == 422
    assert {e["loc"][-1] for e in r.json()["errors"]} == {"email", "locale", "timezone"}
    r = await client.post("/api/v1/people", headers=hr, json={"name": "X", "nickname": "x"})
    assert r.status_code == 422  # unknown fields surface typos
    r = await client.post(
        "/api/v1/people", headers=hr, json={"name": "X", "subject": first["subject"]}
    )
    assert r.status_code == 409 and first["subject"] in r.json()["detail"]
    r = await client.post(
        "/api/v1/people", headers=hr, json={"name": "X", "external_code": first["external_code"]}
    )
    assert r.status_code == 409
    r = await client.patch(f"/api/v1/people/{first['id']}", headers=hr, json={"name": None})
    assert r.status_code == 422


async def test_a_unit_with_staff_is_not_deleted(client, hr):
    unit = await make_unit(client, hr, unique("Co"), "company")
    await make_person(client, hr, org_unit_id=unit["id"])
    r = await client.delete(f"/api/v1/org-units/{unit['id']}", headers=hr)
    assert r.status_code == 409 and "1 person" in r.json()["detail"]


async def test_the_manager_line_stays_a_tree(client, hr):
    a = await make_person(client, hr)
    b = await make_person(client, hr, manager_id=a["id"])
    c = await make_person(client, hr, manager_id=b["id"])
    r = await client.patch(f"/api/v1/people/{a['id']}", headers=hr, json={"manager_id": c["id"]})
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["body", "manager_id"]
    assert "cycle" in r.json()["errors"][0]["msg"]
    r = await client.patch(f"/api/v1/people/{a['id']}", headers=hr, json={"manager_id": a["id"]})
    assert r.status_code == 422
    r = await client.patch(
        f"/api/v1/people/{a['id']}",
        headers=hr,
        json={"manager_id": "6f1c2b1e-6c59-4a53-9a66-1c1c1b0d9d11"},
    )
    assert r.status_code == 422 and "unknown person" in r.json()["errors"][0]["msg"]


async def test_search_filters_and_pages(client, hr, auth):
    tag = unique("srch")
    company = await make_unit(client, hr, unique("Co"), "company")
    team = await make_unit(client, hr, unique("Team"), "team", company["id"])
    people = []
    for i in range(5):
        people.append(
            await make_person(
                client,
                hr,
                name=f"Zhang {tag} {i}",
                email=f"z{i}.{tag}@example.com",
                external_code=f"{tag}-{i}",
                org_unit_id=team["id"] if i % 2 else company["id"],
            )
        )
    await make_person(client, hr, name="Someone Else", email=f"{tag}.else@example.com")
    await client.post(f"/api/v1/people/{people[4]['id']}/deactivate", headers=hr)

    def names(items):
        return [p["name"] for p in items]

    found = await all_pages(client, hr, "/api/v1/people", q=f"zhang {tag}", limit=2)
    assert names(found) == [f"Zhang {tag} {i}" for i in range(5)]  # by name, across pages
    by_email = await all_pages(client, hr, "/api/v1/people", q=f"{tag}@EXAMPLE")
    assert len(by_email) == 5
    by_code = await all_pages(client, hr, "/api/v1/people", q=f"{tag}-3")
    assert names(by_code) == [f"Zhang {tag} 3"]
    # % and _ are searched for as themselves, not as wildcards
    assert await all_pages(client, hr, "/api/v1/people", q=f"{tag}%") == []
    assert await all_pages(client, hr, "/api/v1/people", q=f"{tag}_") == []

    in_team = await all_pages(client, hr, "/api/v1/people", org_unit_id=team["id"])
    assert names(in_team) == [f"Zhang {tag} 1", f"Zhang {tag} 3"]
    below = await all_pages(
        client, hr, "/api/v1/people", org_unit_id=company["id"], include_subtree="true"
    )
    assert len(below) == 5
    active = await all_pages(client, hr, "/api/v1/people", q=tag, active="false")
    assert names(active) == [f"Zhang {tag} 4"]

    r = await client.get("/api/v1/people", headers=hr, params={"cursor": "garbage"})
    assert r.status_code == 422
    r = await client.get(
        "/api/v1/people", headers=hr, params={"org_unit_id": "6f1c2b1e-6c59-4a53-9a66-1c1c1b0d9d11"}
    )
    assert r.status_code == 404


async def test_subject_resolves_a_signed_in_user(client, hr, auth):
    sub = unique("alice")
    person = await make_person(client, hr, subject=sub, locale="en-GB")
    found = await all_pages(client, hr, "/api/v1/people", subject=sub)
    assert [p["id"] for p in found] == [person["id"]]
    r = await client.get("/api/v1/people/me", headers=auth("interviewer", sub=sub))
    assert r.status_code == 200 and r.json()["id"] == person["id"]
    r = await client.get("/api/v1/people/me", headers=auth("interviewer", sub=unique("nobody")))
    assert r.status_code == 404


@pytest.mark.parametrize(
    ("role", "read", "write"),
    [("hr_admin", 200, 201), ("integration", 200, 201), ("recruiter", 200, 403)],
)
async def test_who_may_read_and_write_the_directory(client, auth, role, read, write):
    headers = auth(role)
    assert (await client.get("/api/v1/people", headers=headers)).status_code == read
    r = await client.post("/api/v1/people", headers=headers, json={"name": unique("N")})
    assert r.status_code == write


async def test_interviewers_see_only_themselves(client, auth, hr):
    person = await make_person(client, hr)
    interviewer = auth("interviewer")
    assert (await client.get("/api/v1/people", headers=interviewer)).status_code == 403
    r = await client.get(f"/api/v1/people/{person['id']}", headers=interviewer)
    assert r.status_code == 403
