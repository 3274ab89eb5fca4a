"""DELETE /api/v1/candidates/{id}: HR erases a person at their request, announced to all.

The person need not be in the talent pool: this is where anyone can be erased.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import structlog
from sqlalchemy import text
from structlog.testing import capture_logs

from talentloop_shared.testing.harness import event_probe

PROBLEM = "application/problem+json"
REASON = "asked by email on 2026-11-26"


@contextlib.contextmanager
def _info_logs() -> Iterator[list[dict[str, Any]]]:
    """Capture every log line from INFO up (the service under test logs from WARNING)."""
    wrapper = structlog.get_config()["wrapper_class"]
    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.INFO))
    try:
        with capture_logs() as logs:
            yield logs
    finally:
        structlog.configure(wrapper_class=wrapper)


def _url(candidate_id: str) -> str:
    return f"/api/v1/candidates/{candidate_id}"


async def _rows(recruiting, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    async with recruiting.svc.uow_factory() as uow:
        return [tuple(r) for r in (await uow.session.execute(text(sql), params)).all()]


async def _candidate(recruiting, candidate_id: str) -> dict[str, Any]:
    r = await recruiting.svc.client.get(_url(candidate_id), headers=recruiting.hr)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


async def test_hr_admin_erases_a_candidate_and_announces_it_once(recruiting, amqp_url) -> None:
    client = recruiting.svc.client
    admin = recruiting.auth("hr_admin", sub="hr-admin-1")
    # Never consented to the talent pool: only recruiting can erase them.
    person = await recruiting.candidate(talent_pool_consent=False)
    bystander = await recruiting.candidate()
    application = await recruiting.apply(person["id"], await recruiting.new_opening())
    assert application["status"] == "screening"

    with _info_logs() as logs:
        async with event_probe(amqp_url, recruiting.ns, ["candidate-erased"]) as probe:
            # Only hr_admin may erase: everyone else is refused and nothing changes.
            for role in ("recruiter", "interviewer", "integration"):
                r = await client.delete(
                    _url(person["id"]), headers=recruiting.auth(role, sub=f"{role}-1")
                )
                assert r.status_code == 403, (role, r.text)
                assert r.headers["content-type"] == PROBLEM
            assert await _candidate(recruiting, person["id"]) == person
            assert await recruiting.application(application["id"]) == application

            r = await client.delete(_url(person["id"]), headers=admin, params={"reason": REASON})
            assert r.status_code == 204, r.text
            assert r.content == b""
            (event,) = await probe.wait_for(1, event_type="candidate-erased")

            # Erasing again is refused: the person is gone already.
            again = await client.delete(_url(person["id"]), headers=admin)
            assert again.status_code == 409, again.text
            assert again.headers["content-type"] == PROBLEM
            problem = again.json()
            assert problem["type"].endswith("/candidate-erased") and "erased" in problem["detail"]

            # recruiting subscribes to candidate-erased too: its own announcement comes back
            # and is applied (claimed in the inbox, not retried).
            await recruiting.all_applied(event.id)
            await probe.settle()
            # Exactly one announcement: none for the refused attempts or the second DELETE.
            announced = probe.of_type("candidate-erased")
            assert [e.data["candidate_id"] for e in announced] == [person["id"]]

    # The announcement: who and why, for every other service to erase theirs.
    assert event.source.endswith("recruiting-service")
    assert event.subject == f"candidates/{person['id']}"
    assert event.data["candidate_id"] == person["id"]
    assert event.data["reason"] == REASON

    # The candidate: anonymised in place once (one version step, although the event came
    # back), erased_at as announced.
    candidate = await _candidate(recruiting, person["id"])
    assert candidate["name"] == "(erased)"
    assert candidate["email"] is None and candidate["phone"] is None
    assert candidate["skills"] == [] and candidate["industries"] == []
    assert candidate["languages"] == [] and candidate["years_experience"] is None
    assert candidate["version"] == person["version"] + 1
    (row,) = await _rows(
        recruiting,
        "SELECT name, email, phone, erased_at FROM candidates WHERE id = :id",
        id=uuid.UUID(person["id"]),
    )
    assert row[:3] == ("(erased)", None, None)
    erased_at = datetime.fromisoformat(event.data["erased_at"])
    assert erased_at == datetime.fromisoformat(candidate["erased_at"]) == row[3]

    # The open application: withdrawn by the system, once, with a history line saying why.
    withdrawn = await recruiting.application(application["id"])
    assert withdrawn["status"] == "withdrawn"
    assert [(h["from_status"], h["to_status"], h["by"]) for h in withdrawn["history"][1:]] == [
        ("screening", "withdrawn", "system")
    ]
    assert "erased" in withdrawn["history"][-1]["reason"]

    # The bystander is untouched.
    assert await _candidate(recruiting, bystander["id"]) == bystander

    # The logs: erased once (by the request), the returning event skipped, no error.
    mine = [e for e in logs if e.get("candidate_id") == person["id"]]
    assert [(e["event"], e.get("origin"), e.get("why")) for e in mine] == [
        ("candidate.erased", "request", None),
        ("candidate.erase_skipped", None, "already_erased"),
    ]
    assert mine[0]["by"] == "hr-admin-1" and mine[0]["withdrawn"] == 1
    assert not [
        e
        for e in logs
        if e["log_level"] in ("warning", "error", "critical")
        and (e.get("event_id") == event.id or e.get("type") == "candidate-erased")
    ]


async def test_the_default_reason_is_consent_withdrawn(recruiting, amqp_url) -> None:
    person = await recruiting.candidate()
    admin = recruiting.auth("hr_admin", sub="hr-admin-1")
    async with event_probe(amqp_url, recruiting.ns, ["candidate-erased"]) as probe:
        r = await recruiting.svc.client.delete(_url(person["id"]), headers=admin)
        assert r.status_code == 204, r.text
        (event,) = await probe.wait_for(1)
    assert event.data == {**event.data, "candidate_id": person["id"], "reason": "consent withdrawn"}
    await recruiting.all_applied(event.id)


async def test_erasing_an_unknown_or_malformed_id_is_refused(recruiting) -> None:
    client = recruiting.svc.client
    admin = recruiting.auth("hr_admin", sub="hr-admin-1")
    unknown = str(uuid.uuid4())
    r = await client.delete(_url(unknown), headers=admin)
    assert r.status_code == 404, r.text
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["type"].endswith("/not-found") and unknown in r.json()["detail"]

    r = await client.delete(_url("not-a-uuid"), headers=admin)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == PROBLEM

    person = await recruiting.candidate()
    r = await client.delete(_url(person["id"]), headers=admin, params={"reason": "x" * 201})
    assert r.status_code == 422, r.text
    assert await _candidate(recruiting, person["id"]) == person

    r = await client.delete(_url(person["id"]))
    assert r.status_code == 401
    assert await _candidate(recruiting, person["id"]) == person


async def test_the_endpoint_is_documented(recruiting) -> None:
    spec = (await recruiting.svc.client.get("/openapi.json")).json()
    operation = spec["paths"]["/api/v1/candidates/{candidate_id}"]["delete"]
    assert "erase" in operation["summary"].lower()
    assert "candidate-erased" in operation["description"]
    assert {"204", "401", "403", "404", "409", "422"} <= set(operation["responses"])
    assert PROBLEM in operation["responses"]["409"]["content"]
    reason = next(p for p in operation["parameters"] if p["name"] == "reason")
    assert reason["in"] == "query" and reason["schema"]["default"] == "consent withdrawn"
    assert reason["schema"]["maxLength"] == 200
