"""HR's vocabularies at org-service: the skills synonym table and the education spellings.

Each test uses skill names no other test uses (the database is shared by the session); the
event assertions look at their own skill's events only.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import httpx
from org_testkit import wait_for_events

from talentloop_shared.events import CloudEvent
from talentloop_shared.language.vocabulary import SkillVocabulary
from talentloop_shared.testing.harness import event_probe

SKILLS = "/api/v1/vocabularies/skills"


def fresh(prefix: str = "skill") -> str:
    return f"{prefix} {uuid.uuid4().hex[:8]}"


def of_key(key: str) -> Callable[[CloudEvent], bool]:
    return lambda e: e.type == "vocabulary-changed" and e.data.get("key") == key


async def put(
    client: httpx.AsyncClient, headers: dict[str, str], name: str, **body: Any
) -> httpx.Response:
    return await client.put(f"{SKILLS}/{name}", json=body, headers=headers)


async def test_hr_extends_a_shipped_skill_and_the_event_carries_the_whole_table(
    client: httpx.AsyncClient, hr: dict[str, str], amqp_url: str, ns: str
) -> None:
    alias = fresh("容器编排")
    async with event_probe(amqp_url, ns, ["vocabulary-changed"]) as probe:
        # named by a shipped spelling ("K8s"): HR's entry extends the shipped skill
        r = await put(
            client, hr, "K8s", aliases=[alias, "Ｋ８Ｓ集群"], labels={"zh_cn": "容器编排"}
        )
        assert r.status_code in (200, 201), r.text
        body = r.json()
        assert body["key"] == "kubernetes"
        assert body["source"] == "custom"
        assert alias in body["aliases"] and "k8s" in body["aliases"]  # shipped ones stay
        assert body["labels"]["zh-CN"] == "容器编排" and body["labels"]["en"] == "Kubernetes"
        assert r.headers["ETag"] == f'"{body["custom"]["version"]}"'
        [event] = await wait_for_events(probe, 1, of_key("kubernetes"))
    assert event.source == "/org-service"
    data = event.data
    assert data["kind"] == "skills" and data["change"] == "upserted" and data["version"] >= 1
    # a consumer rebuilds the vocabulary from the event alone
    table = SkillVocabulary.from_json(data["table"])
    assert table.canonical(alias) == "kubernetes"
    assert table.same("K8s", "Kubernetes")

    # read back by any spelling; the list filters HR's entries
    r = await client.get(f"{SKILLS}/{alias}", headers=hr)
    assert r.status_code == 200 and r.json()["key"] == "kubernetes"
    r = await client.get(SKILLS, params={"custom_only": "true", "q": alias}, headers=hr)
    assert [s["key"] for s in r.json()["items"]] == ["kubernetes"]


async def test_new_skill_created_then_updated_then_unchanged_then_deleted(
    client: httpx.AsyncClient, hr: dict[str, str], amqp_url: str, ns: str
) -> None:
    name = fresh("拉新")
    async with event_probe(amqp_url, ns, ["vocabulary-changed"]) as probe:
        r = await put(client, hr, name, aliases=[f"user acquisition {name[-8:]}"])
        assert r.status_code == 201, r.text
        key = r.json()["key"]
        assert key == f"拉新{name[-8:]}"  # normalised: no space between Han and Latin
        assert unquote(r.headers["Location"]).endswith(key)
        assert r.json()["custom"]["version"] == 1
        # stale If-Match: 412; current one: 200 and version 2
        r = await client.put(
            f"{SKILLS}/{name}",
            json={"aliases": ["x" + key[-8:]]},
            headers={**hr, "If-Match": '"7"'},
        )
        assert r.status_code == 412, r.text
        r = await client.put(
            f"{SKILLS}/{name}",
            json={"aliases": ["x" + key[-8:]]},
            headers={**hr, "If-Match": '"1"'},
        )
        assert r.status_code == 200, r.text
        assert r.json()["custom"]["version"] == 2
        assert r.json()["aliases"] == ["x" + key[-8:]]  # the whole entry: the old alias is gone
        # the same again: nothing changes, no event
        r = await put(client, hr, name, aliases=["x" + key[-8:]])
        assert r.status_code == 200 and r.json()["custom"]["version"] == 2
        r = await client.delete(f"{SKILLS}/{name}", headers=hr)
        assert r.status_code == 204, r.text
        events = await wait_for_events(probe, 3, of_key(key))
        await probe.settle()
    events = [e for e in probe.events if of_key(key)(e)]
    assert [e.data["change"] for e in events] == ["upserted", "upserted", "deleted"]
    versions = [e.data["version"] for e in events]
    assert versions == sorted(versions) and len(set(versions)) == 3  # monotonic
    assert all(e["key"] != key for e in events[-1].data["table"]["entries"])
    r = await client.get(f"{SKILLS}/{name}", headers=hr)
    assert r.status_code == 404
    r = await client.delete(f"{SKILLS}/{name}", headers=hr)
    assert r.status_code == 404


async def test_an_alias_of_another_skill_is_a_409_naming_it(
    client: httpx.AsyncClient, hr: dict[str, str]
) -> None:
    # a shipped spelling of PostgreSQL
    r = await put(client, hr, fresh("db"), aliases=["Postgres"])
    assert r.status_code == 409, r.text
    problem = r.json()
    assert problem["type"].endswith("alias-taken")
    assert problem["owner"] == "postgresql" and "postgresql" in problem["detail"]
    # an alias HR gave another skill
    first, second = fresh("first"), fresh("second")
    shared = fresh("shared alias")
    assert (await put(client, hr, first, aliases=[shared])).status_code == 201
    r = await put(client, hr, second, aliases=[shared.upper()])  # case does not matter
    assert r.status_code == 409, r.text
    assert r.json()["owner"] == first
    # nothing half-written: the second skill does not exist
    assert (await client.get(f"{SKILLS}/{second}", headers=hr)).status_code == 404


async def test_sizes_are_bounded_with_clear_422s(
    client: httpx.AsyncClient, hr: dict[str, str]
) -> None:
    name = fresh()
    r = await put(client, hr, name, aliases=[f"a{i}" for i in range(21)])
    assert r.status_code == 422 and "20" in r.text
    r = await put(client, hr, name, aliases=["x" * 81])
    assert r.status_code == 422 and "80" in r.text
    r = await put(client, hr, name, aliases=["  "])
    assert r.status_code == 422
    r = await put(client, hr, name, labels={"not a locale!": "x"})
    assert r.status_code == 422 and "locale" in r.text
    r = await put(client, hr, name, aliases=["a"], unknown=1)
    assert r.status_code == 422
    r = await client.put(f"{SKILLS}/{'y' * 81}", json={}, headers=hr)
    assert r.status_code == 422
    # A name that is only quotes or punctuation has no key (the fuzzer's «»): 422, not 500.
    for nothing in ("«»", "…", "“”"):
        r = await client.put(f"{SKILLS}/{nothing}", json={}, headers=hr)
        assert r.status_code == 422, (nothing, r.text)
        assert r.json()["errors"][0]["loc"] == ["path", "skill"]


async def test_roles_reader_reads_only_hr_admin_writes(
    client: httpx.AsyncClient, auth: Callable[..., dict[str, str]]
) -> None:
    recruiter = auth("recruiter")
    r = await client.get(SKILLS, params={"limit": 2}, headers=recruiter)
    assert r.status_code == 200 and len(r.json()["items"]) == 2
    assert r.json()["next_cursor"]
    nxt = await client.get(
        SKILLS, params={"limit": 2, "cursor": r.json()["next_cursor"]}, headers=recruiter
    )
    assert nxt.json()["items"][0]["key"] > r.json()["items"][-1]["key"]
    assert (await put(client, recruiter, fresh(), aliases=["z"])).status_code == 403
    assert (await put(client, auth("integration"), fresh(), aliases=["z"])).status_code == 403


async def test_education_spellings(
    client: httpx.AsyncClient, hr: dict[str, str], amqp_url: str, ns: str
) -> None:
    spelling = fresh("统招本科")
    async with event_probe(amqp_url, ns, ["vocabulary-changed"]) as probe:
        r = await client.put(
            "/api/v1/vocabularies/education/bachelor", json={"aliases": [spelling]}, headers=hr
        )
        assert r.status_code in (200, 201), r.text
        assert spelling.replace(" ", "") in r.json()["spellings"]  # as normalised
        [event] = await wait_for_events(probe, 1, of_key("bachelor"))
    assert event.data["kind"] == "education"
    assert spelling in event.data["table"]["aliases"]["bachelor"]
    # 硕士 already means master
    r = await client.put(
        "/api/v1/vocabularies/education/bachelor", json={"aliases": ["硕士"]}, headers=hr
    )
    assert r.status_code == 409 and r.json()["owner"] == "master"
    r = await client.put("/api/v1/vocabularies/education/doctor", json={}, headers=hr)
    assert r.status_code == 422
    r = await client.get("/api/v1/vocabularies/education", headers=hr)
    levels = [level["level"] for level in r.json()]
    assert levels == ["none", "secondary", "associate", "bachelor", "master", "phd"]


async def test_concurrent_changes_get_distinct_versions_and_the_last_table_has_them_all(
    client: httpx.AsyncClient, hr: dict[str, str], amqp_url: str, ns: str
) -> None:
    names = [fresh("concurrent") for _ in range(5)]
    async with event_probe(amqp_url, ns, ["vocabulary-changed"]) as probe:
        answers = await asyncio.gather(
            *(put(client, hr, name, aliases=[f"{name} alias"]) for name in names)
        )
        assert [a.status_code for a in answers] == [201] * 5, [a.text for a in answers]
        keys = {a.json()["key"] for a in answers}
        events = await wait_for_events(probe, 5, lambda e: e.data.get("key") in keys)
    versions = sorted(e.data["version"] for e in events)
    assert versions == list(range(versions[0], versions[0] + 5))  # one each, no gaps
    # Each change locked the table: the newest event's table holds all five entries, so a
    # consumer that only ever sees that one converges.
    newest = max(events, key=lambda e: e.data["version"])
    assert keys <= {entry["key"] for entry in newest.data["table"]["entries"]}


async def test_a_skill_whose_key_outgrows_its_column_is_a_422_naming_the_path(
    client: httpx.AsyncClient, hr: dict[str, str]
) -> None:
    # Eight characters as typed (the path allows 80), 144 once normalised: NFKC spells
    # U+FDFA out in 18. The key's column holds 120, and the database refused it, a 422
    # that named nothing.
    name = "\ufdfa" * 8 + uuid.uuid4().hex[:4]
    r = await put(client, hr, name, aliases=["a spelling"])
    assert r.status_code == 422, r.text
    [error] = r.json()["errors"]
    assert error["loc"] == ["path", "skill"]
    assert "120 characters" in error["msg"]
    # Deleting it is still "no such skill": nothing that long was ever stored.
    r = await client.delete(f"{SKILLS}/{name}", headers=hr)
    assert r.status_code == 404, r.text
