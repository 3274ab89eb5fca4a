"""Hiring data in from an ERP or ATS (issue 13): the `integration` role creates candidates
and applications, every create is safe to retry with `Idempotency-Key`, and candidates are
upserted by the integration's own id."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from sqlalchemy import func, select

from recruiting_service.db.models import Application, Candidate
from talentloop_shared.testing.typing_modes import full_width

PROBLEM = "application/problem+json"


def _erp(recruiting) -> dict[str, str]:
    return recruiting.auth("integration", sub="erp-sync")  # type: ignore[no-any-return]


def _person(tag: str, **overrides: Any) -> dict[str, Any]:
    return {
        "name": "Zhao Min",
        "email": f"zhao.min.{tag}@example.com",
        "phone": "13900139000",
        "locale": "zh-CN",
        "timezone": "Asia/Shanghai",
        "years_experience": 6,
        "skills": ["Live-Stream Marketing", "SQL"],
        "industries": ["快消"],
        "education": "本科",
        "languages": ["普通话"],
        **overrides,
    }


async def _count(recruiting, model: Any, *where: Any) -> int:
    async with recruiting.svc.uow_factory() as uow:
        return int(await uow.session.scalar(select(func.count()).select_from(model).where(*where)))


async def test_integration_creates_a_candidate_and_an_application(recruiting) -> None:
    client, erp = recruiting.svc.client, _erp(recruiting)
    opening = await recruiting.new_opening()
    body = _person(uuid.uuid4().hex[:8])
    created = await client.post("/api/v1/candidates", headers=erp, json=body)
    assert created.status_code == 201, created.text
    candidate = created.json()
    assert candidate["education"] == "bachelor" and candidate["languages"] == ["zh"]
    assert created.headers["location"] == f"/api/v1/candidates/{candidate['id']}"

    applied = await client.post(
        "/api/v1/applications",
        headers=erp,
        json={"candidate_id": candidate["id"], "position_id": opening, "source": "erp"},
    )
    assert applied.status_code == 201, applied.text
    application = applied.json()
    assert application["status"] == "screening" and application["source"] == "erp"
    assert application["history"][0]["by"] == "erp-sync"

    # Interviewers still cannot bring people in.
    interviewer = recruiting.auth("interviewer", sub="iv-1")
    other = _person(uuid.uuid4().hex[:8])
    assert (
        await client.post("/api/v1/candidates", headers=interviewer, json=other)
    ).status_code == 403


async def test_the_same_idempotency_key_twice_gives_one_record(recruiting) -> None:
    client, erp = recruiting.svc.client, _erp(recruiting)
    body = _person(uuid.uuid4().hex[:8])
    headers = {**erp, "Idempotency-Key": f"cand-{uuid.uuid4()}"}
    first = await client.post("/api/v1/candidates", headers=headers, json=body)
    second = await client.post("/api/v1/candidates", headers=headers, json=body)
    assert first.status_code == second.status_code == 201, second.text
    assert second.headers.get("idempotent-replayed") == "true"
    assert first.headers.get("idempotent-replayed") is None
    assert second.json() == first.json()
    assert second.headers["location"] == first.headers["location"]
    assert await _count(recruiting, Candidate, Candidate.email == body["email"]) == 1
    # Without the key, the same body is a second registration attempt: refused (409).
    again = await client.post("/api/v1/candidates", headers=erp, json=body)
    assert again.status_code == 409

    opening = await recruiting.new_opening()
    apply = {"candidate_id": first.json()["id"], "position_id": opening}
    key = {**erp, "Idempotency-Key": f"app-{uuid.uuid4()}"}
    one = await client.post("/api/v1/applications", headers=key, json=apply)
    two = await client.post("/api/v1/applications", headers=key, json=apply)
    assert one.status_code == two.status_code == 201, two.text
    assert two.headers.get("idempotent-replayed") == "true"
    assert two.json()["id"] == one.json()["id"]
    assert (
        await _count(
            recruiting, Application, Application.candidate_id == uuid.UUID(first.json()["id"])
        )
        == 1
    )
    # The same key with another body is refused rather than replayed.
    reused = await client.post(
        "/api/v1/applications",
        headers=key,
        json={**apply, "position_id": await recruiting.new_opening()},
    )
    assert reused.status_code == 422 and reused.json()["type"].endswith("idempotency-key-reused")


async def test_upsert_by_external_id(recruiting) -> None:
    client, erp = recruiting.svc.client, _erp(recruiting)
    external_id = f"ERP-{uuid.uuid4().hex[:8]}"
    url = f"/api/v1/candidates/by-external-id/{external_id}"
    body = _person(uuid.uuid4().hex[:8])

    created = await client.put(url, headers=erp, json=body)
    assert created.status_code == 201, created.text
    candidate = created.json()
    assert candidate["external_id"] == external_id and candidate["version"] == 1
    assert candidate["education"] == "bachelor"
    assert created.headers["etag"] == '"1"'
    assert created.headers["location"] == f"/api/v1/candidates/{candidate['id']}"

    # The same body again changes nothing: same version, same updated_at.
    same = await client.put(url, headers=erp, json=body)
    assert same.status_code == 200, same.text
    assert same.json() == candidate
    # Other spellings of the same values are the same values.
    spelled = await client.put(
        url,
        headers=erp,
        json={"education": "Bachelor's degree", "skills": ["live-stream marketing", "SQL "]},
    )
    assert spelled.status_code == 200 and spelled.json()["version"] == 1

    # A change bumps the version; fields left out keep their value.
    changed = await client.put(url, headers=erp, json={"education": "硕士", "years_experience": 7})
    assert changed.status_code == 200
    assert changed.json()["version"] == 2 and changed.json()["education"] == "master"
    assert changed.json()["phone"] == candidate["phone"]

    # If-Match is optional; a stale one is a 412, the current one passes.
    stale = await client.put(url, headers={**erp, "If-Match": '"1"'}, json={"name": "Late"})
    assert stale.status_code == 412 and stale.headers["etag"] == '"2"'
    current = await client.put(url, headers={**erp, "If-Match": '"2"'}, json={"name": "赵敏"})
    assert current.status_code == 200 and current.json()["version"] == 3
    star = await client.put(url, headers={**erp, "If-Match": "*"}, json={"name": "赵敏"})
    assert star.status_code == 200 and star.json()["version"] == 3

    read = await client.get(url, headers=erp)
    assert read.status_code == 200 and read.json()["id"] == candidate["id"]
    assert read.headers["etag"] == '"3"'

    # A version of something that does not exist yet cannot match; nothing is created.
    missing_url = f"/api/v1/candidates/by-external-id/ERP-{uuid.uuid4().hex[:8]}"
    nothing = await client.put(
        missing_url, headers={**erp, "If-Match": '"1"'}, json=_person(uuid.uuid4().hex[:8])
    )
    assert nothing.status_code == 412
    assert (await client.get(missing_url, headers=erp)).status_code == 404
    # A new candidate needs a name and an email.
    incomplete = await client.put(missing_url, headers=erp, json={"name": "No Mail"})
    assert incomplete.status_code == 422
    assert [e["loc"] for e in incomplete.json()["errors"]] == [["body", "email"]]
    # Bodies are checked as on create: unknown fields and nulls where a value is required.
    typo = await client.put(url, headers=erp, json={"emial": "x@example.com"})
    assert typo.status_code == 422
    null = await client.put(url, headers=erp, json={"name": None})
    assert null.status_code == 422 and null.json()["errors"][0]["loc"] == ["body", "name"]
    blank = await client.put("/api/v1/candidates/by-external-id/%20x", headers=erp, json=body)
    assert blank.status_code == 422


async def test_upsert_links_a_candidate_registered_by_email(recruiting) -> None:
    client, erp = recruiting.svc.client, _erp(recruiting)
    registered = await recruiting.candidate()  # registered by a recruiter, no external id
    assert registered["external_id"] is None
    url = f"/api/v1/candidates/by-external-id/ATS-{uuid.uuid4().hex[:8]}"
    linked = await client.put(
        url, headers=erp, json={"name": registered["name"], "email": registered["email"]}
    )
    assert linked.status_code == 200, linked.text  # not a second candidate
    assert linked.json()["id"] == registered["id"]
    assert linked.json()["external_id"] == url.rsplit("/", 1)[1]
    assert linked.json()["version"] == registered["version"] + 1  # the link is a change

    # The email now belongs to that external id: another one may not take it.
    other = await client.put(
        f"/api/v1/candidates/by-external-id/ATS-{uuid.uuid4().hex[:8]}",
        headers=erp,
        json={"name": "Someone", "email": registered["email"]},
    )
    assert other.status_code == 409 and other.json()["type"].endswith("duplicate-email")
    # Nor may an upsert move its candidate onto another candidate's email.
    taken = await client.put(
        url, headers=erp, json={"email": (await recruiting.candidate())["email"]}
    )
    assert taken.status_code == 409


async def test_an_erased_candidate_stays_refused(recruiting) -> None:
    client, erp = recruiting.svc.client, _erp(recruiting)
    admin = recruiting.auth("hr_admin", sub="hr-admin-1")
    external_id = f"ERP-{uuid.uuid4().hex[:8]}"
    url = f"/api/v1/candidates/by-external-id/{external_id}"
    body = _person(uuid.uuid4().hex[:8])
    created = (await client.put(url, headers=erp, json=body)).json()
    erased = await client.delete(f"/api/v1/candidates/{created['id']}", headers=admin)
    assert erased.status_code == 204

    again = await client.put(url, headers=erp, json=body)
    assert again.status_code == 409, again.text
    assert again.headers["content-type"] == PROBLEM
    assert again.json()["type"].endswith("candidate-erased")
    anonymised = (await client.get(url, headers=erp)).json()
    assert anonymised["erased_at"] is not None and anonymised["email"] is None
    assert anonymised["name"] == "(erased)"
    assert await _count(recruiting, Candidate, Candidate.external_id == external_id) == 1


async def test_concurrent_upserts_of_a_new_id_create_one_candidate(recruiting) -> None:
    client, erp = recruiting.svc.client, _erp(recruiting)
    external_id = f"ERP-{uuid.uuid4().hex[:8]}"
    url = f"/api/v1/candidates/by-external-id/{external_id}"
    body = _person(uuid.uuid4().hex[:8])
    answers = await asyncio.gather(*(client.put(url, headers=erp, json=body) for _ in range(5)))
    assert sorted(r.status_code for r in answers) == [200, 200, 200, 200, 201]
    assert {r.json()["id"] for r in answers} == {answers[0].json()["id"]}
    assert {r.json()["version"] for r in answers} == {1}
    assert await _count(recruiting, Candidate, Candidate.external_id == external_id) == 1


async def test_an_external_id_typed_in_full_width_finds_the_same_candidate(recruiting) -> None:
    """`ＡＴＳ－０１` is `ATS-01` typed with the input method left in full-width mode: the
    same candidate, not a second one, stored as the ATS spells it."""
    client, erp = recruiting.svc.client, _erp(recruiting)
    tag = uuid.uuid4().hex[:8]
    external_id = f"ATS-{tag}"
    typed = full_width(external_id)
    url = "/api/v1/candidates/by-external-id/"
    created = await client.put(url + typed, headers=erp, json=_person(tag))
    assert created.status_code == 201, created.text
    assert created.json()["external_id"] == external_id
    again = await client.put(url + external_id, headers=erp, json=_person(tag))
    assert again.status_code == 200 and again.json()["id"] == created.json()["id"]
    found = await client.get(url + typed, headers=erp)
    assert found.status_code == 200 and found.json()["id"] == created.json()["id"]
    assert await _count(recruiting, Candidate, Candidate.external_id == external_id) == 1
