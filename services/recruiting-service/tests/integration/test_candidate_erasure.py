"""`candidate-erased`: the person's data goes, the statistics stay, nothing comes back."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import text

from recruiting_service.service.erasure import erase_candidate
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import CandidateErased, CloudEvent, new_event
from talentloop_shared.events.payloads import (
    CandidateInfo,
    PositionRef,
    Requirements,
    TalentInvited,
)
from talentloop_shared.testing.harness import publish_event
from talentloop_shared.testing.plugin import eventually

ERASED_AT = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
COMMENT = "Li Wei walked us through her FMCG live-stream campaign in Hangzhou"
PROBLEM = "application/problem+json"


async def _publish_erased(
    recruiting, candidate_id: str, *, erased_at: datetime = ERASED_AT, event_id=None
) -> CloudEvent:
    event = new_event(
        type="candidate-erased",
        source="/talent-service",
        data=CandidateErased(
            candidate_id=candidate_id, erased_at=erased_at, reason="consent withdrawn"
        ),
        event_id=event_id,
    )
    await publish_event(recruiting.amqp_url, recruiting.ns, event)
    return event


async def _interview(recruiting, application_id: str, interviewer: str, department: str) -> dict:
    r = await recruiting.svc.client.post(
        f"/api/v1/applications/{application_id}/interviews",
        headers=recruiting.hr,
        json={
            "interviewer_id": interviewer,
            "department_id": department,
            "scheduled_at": "2026-12-01T09:00:00Z",
        },
    )
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


async def _evaluate(recruiting, interview: dict, score: int) -> Any:
    return await recruiting.svc.client.post(
        f"/api/v1/interviews/{interview['id']}/evaluation",
        headers=recruiting.auth("interviewer", sub=interview["interviewer_id"]),
        json={
            "scores": [
                {"dimension": d["key"], "score": score, "comment": COMMENT}
                for d in interview["dimensions"]
            ],
            "strengths": ["Li Wei's campaign analysis was sharp"],
            "concerns": ["she has not managed a team in East China"],
            "recommendation": "hire",
        },
    )


async def _rows(recruiting, sql: str, **params: Any) -> list[Any]:
    async with recruiting.svc.uow_factory() as uow:
        return list((await uow.session.execute(text(sql), params)).all())


async def _candidate(recruiting, candidate_id: str) -> dict:
    r = await recruiting.svc.client.get(f"/api/v1/candidates/{candidate_id}", headers=recruiting.hr)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


async def test_erasure_anonymises_the_candidate_and_keeps_the_statistics(recruiting) -> None:
    client, hr = recruiting.svc.client, recruiting.hr
    panel = recruiting.Panel()
    open_position = await recruiting.new_opening(panel=panel)
    # Asks for 8 years: the candidate (6) is screened out there.
    other_position = await recruiting.new_opening(
        requirements=Requirements(min_years_experience=8, industries=["FMCG"])
    )
    later_position = await recruiting.new_opening()
    person = await recruiting.candidate()
    email = person["email"]
    assert person["erased_at"] is None

    # An open application in interviews (HR typed why it advanced), with one scored
    # interview (with comments) and one pending.
    open_app = await recruiting.apply(person["id"], open_position)
    r = await client.post(
        f"/api/v1/applications/{open_app['id']}/advance",
        headers=hr,
        json={"reason": "Li Wei told us she has a competing offer from Acme"},
    )
    assert r.status_code == 200, r.text
    scored = await _interview(recruiting, open_app["id"], "tech-erasure", panel.technical)
    pending = await _interview(recruiting, open_app["id"], "biz-erasure", panel.business)
    r = await _evaluate(recruiting, scored, 8)
    assert r.status_code == 201, r.text
    card_before = (
        await client.get(f"/api/v1/applications/{open_app['id']}/scorecard", headers=hr)
    ).json()
    screening_before = (await recruiting.application(open_app["id"]))["screening"]

    # A rejected application whose notice has content; its screening names her 6 years.
    rejected_app = await recruiting.apply(person["id"], other_position)
    assert rejected_app["screening"]["unmet"] == [
        {"requirement": "min_years_experience", "expected": 8, "actual": 6}
    ]
    r = await client.post(
        f"/api/v1/applications/{rejected_app['id']}/reject",
        headers=hr,
        json={
            "reasons": [{"code": "missing_experience", "text": "team lead experience"}],
            "strengths": ["Your FMCG campaign in Hangzhou was impressive"],
            "suggestions": ["Lead a small team on your next campaign"],
            "notify": {"send": False},
        },
    )
    assert r.status_code == 200, r.text
    assert r.json()["rejection"]["strengths"]

    event = await _publish_erased(recruiting, person["id"])

    async def erased() -> dict | None:
        c = await _candidate(recruiting, person["id"])
        return c if c["erased_at"] else None

    candidate = await eventually(erased, message="candidate erased")
    await recruiting.all_applied(event.id)

    # The candidate: anonymised in place, same id, erased_at from the event, version bumped.
    assert datetime.fromisoformat(candidate["erased_at"]) == ERASED_AT
    assert candidate["name"] == "(erased)"
    assert candidate["email"] is None and candidate["phone"] is None
    assert candidate["skills"] == [] and candidate["industries"] == []
    assert candidate["languages"] == []
    assert candidate["years_experience"] is None
    assert candidate["education"] == "none"
    assert candidate["talent_pool_consent"] is False
    assert candidate["version"] == person["version"] + 1
    assert candidate["updated_at"] > person["updated_at"]

    # The open application is withdrawn by the system with a history line saying why.
    after_open = await recruiting.application(open_app["id"])
    assert after_open["status"] == "withdrawn"
    last = after_open["history"][-1]
    assert (last["from_status"], last["to_status"], last["by"]) == (
        "interviewing",
        "withdrawn",
        "system",
    )
    assert "erased" in last["reason"]
    assert [h["reason"] for h in after_open["history"]][1] == "(erased)"  # HR's words
    assert after_open["screening"] == screening_before

    # The rejected application stays rejected; the notice content (also copied into the
    # history) goes; screening keeps outcome, score and what the role asked, not her 6 years.
    after_rejected = await recruiting.application(rejected_app["id"])
    assert after_rejected["status"] == "rejected"
    assert after_rejected["rejection"] is None
    reasons = [h["reason"] for h in after_rejected["history"]]
    assert not any("team lead experience" in r for r in reasons), reasons
    assert reasons[-1] == "rejected at screening stage: (erased)"
    assert [h["to_status"] for h in after_rejected["history"]] == ["screened_out", "rejected"]
    assert after_rejected["screening"] == {
        **rejected_app["screening"],
        "unmet": [{"requirement": "min_years_experience", "expected": 8, "actual": None}],
    }

    # Evaluations keep every score (the scorecard is unchanged), not the words.
    interview = (await client.get(f"/api/v1/interviews/{scored['id']}", headers=hr)).json()
    evaluation = interview["evaluation"]
    assert [s["score"] for s in evaluation["scores"]] == [8]
    assert all(s["comment"] is None for s in evaluation["scores"])
    assert evaluation["strengths"] == [] and evaluation["concerns"] == []
    assert evaluation["recommendation"] == "hire"
    card_after = (
        await client.get(f"/api/v1/applications/{open_app['id']}/scorecard", headers=hr)
    ).json()
    assert card_after["composite"] == card_before["composite"]
    assert card_after["dimensions"] == card_before["dimensions"]

    # The rows themselves: SQL NULLs, and no trace of the person's words anywhere.
    (row,) = await _rows(
        recruiting,
        "SELECT name, email, phone, erased_at FROM candidates WHERE id = :id",
        id=uuid.UUID(person["id"]),
    )
    assert tuple(row) == ("(erased)", None, None, ERASED_AT)
    apps = await _rows(
        recruiting,
        "SELECT rejection IS NULL, screening::text FROM applications WHERE candidate_id = :id",
        id=uuid.UUID(person["id"]),
    )
    assert len(apps) == 2 and all(cleared for cleared, _ in apps)
    assert not any("matched_skills" in screening for _, screening in apps)
    (scores,) = await _rows(
        recruiting,
        "SELECT scores::text || strengths::text || concerns::text FROM evaluations"
        " WHERE interview_id = :id",
        id=uuid.UUID(scored["id"]),
    )
    assert "Li Wei" not in scores[0] and "Hangzhou" not in scores[0]

    history_before = await _rows(
        recruiting,
        "SELECT h.id, h.reason FROM application_history h JOIN applications a"
        " ON a.id = h.application_id WHERE a.candidate_id = :id ORDER BY h.id",
        id=uuid.UUID(person["id"]),
    )

    # The same event again (redelivery), and a second erasure of the same person: no change.
    redelivered = await _publish_erased(recruiting, person["id"], event_id=uuid.UUID(event.id))
    second = await _publish_erased(
        recruiting, person["id"], erased_at=datetime(2027, 1, 1, tzinfo=UTC)
    )
    await recruiting.all_applied(redelivered.id, second.id)
    assert await _candidate(recruiting, person["id"]) == candidate
    assert await recruiting.application(open_app["id"]) == after_open
    assert await recruiting.application(rejected_app["id"]) == after_rejected
    assert (
        await _rows(
            recruiting,
            "SELECT h.id, h.reason FROM application_history h JOIN applications a"
            " ON a.id = h.application_id WHERE a.candidate_id = :id ORDER BY h.id",
            id=uuid.UUID(person["id"]),
        )
        == history_before
    )

    # Nobody writes personal data back to the erased candidate.
    r = await client.patch(
        f"/api/v1/candidates/{person['id']}", headers=hr, json={"name": "Li Wei", "email": email}
    )
    assert r.status_code == 409, r.text
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["type"].endswith("/candidate-erased") and "erased" in r.json()["detail"]
    r = await client.post(
        "/api/v1/applications",
        headers=hr,
        json={"candidate_id": person["id"], "position_id": later_position},
    )
    assert r.status_code == 409 and r.json()["type"].endswith("/candidate-erased")
    r = await _evaluate(recruiting, pending, 6)
    assert r.status_code == 409 and r.json()["type"].endswith("/candidate-erased")
    assert (await client.get(f"/api/v1/interviews/{pending['id']}", headers=hr)).json()[
        "evaluation"
    ] is None
    r = await client.post(f"/api/v1/applications/{open_app['id']}/advance", headers=hr)
    assert r.status_code == 409

    # The freed email can be registered again, as a new person.
    again = await recruiting.candidate(email=email)
    assert again["id"] != person["id"] and again["erased_at"] is None

    # A late invitation from the talent pool neither restores the person nor applies them.
    invitation = TalentInvited(
        invitation_id=str(uuid.uuid4()),
        match_id=str(uuid.uuid4()),
        invited_by="hr-7",
        invited_at=datetime(2026, 11, 26, 10, 0, tzinfo=UTC),
        candidate=CandidateInfo(
            id=person["id"],
            name="Li Wei",
            email=email,
            phone="+8613800138000",
            talent_pool_consent=True,
            skills=["live-stream marketing"],
            years_experience=6,
            industries=["fmcg"],
        ),
        position=PositionRef(id=later_position, title="Marketing Manager"),
    )
    invited = new_event(type="talent-invited", source="/talent-service", data=invitation)
    await publish_event(recruiting.amqp_url, recruiting.ns, invited)
    await recruiting.all_applied(invited.id)
    assert await _candidate(recruiting, person["id"]) == candidate
    r = await client.get(f"/api/v1/applications?position_id={later_position}", headers=hr)
    assert r.json()["items"] == []
    r = await client.get(f"/api/v1/applications?candidate_id={person['id']}", headers=hr)
    assert {a["id"] for a in r.json()["items"]} == {open_app["id"], rejected_app["id"]}


async def test_erasing_an_unknown_or_malformed_id_is_a_harmless_no_op(recruiting) -> None:
    bystander = await recruiting.candidate()
    unknown = str(uuid.uuid4())
    events = [
        await _publish_erased(recruiting, unknown),
        await _publish_erased(recruiting, "not-a-uuid"),
    ]
    # Handled and committed (claimed in the inbox), not failing into retries or the DLQ.
    await recruiting.all_applied(*(e.id for e in events))
    r = await recruiting.svc.client.get(f"/api/v1/candidates/{unknown}", headers=recruiting.hr)
    assert r.status_code == 404
    assert await _candidate(recruiting, bystander["id"]) == bystander


async def test_the_applied_check_catches_a_handler_that_raises(recruiting) -> None:
    """`all_applied` is no formality: an event whose handler raised was not applied."""
    # An invitation to an opening recruiting has not heard of: the handler raises
    # (OpeningNotYetKnown), the event goes to a delayed retry queue, a later marker passes.
    invitation = TalentInvited(
        invitation_id=str(uuid.uuid4()),
        match_id=str(uuid.uuid4()),
        invited_by="hr-7",
        invited_at=datetime(2026, 11, 26, 10, 0, tzinfo=UTC),
        candidate=CandidateInfo(id=str(uuid.uuid4()), name="Nobody", talent_pool_consent=True),
        position=PositionRef(id=str(uuid.uuid4()), title="Never published"),
    )
    failing = new_event(type="talent-invited", source="/talent-service", data=invitation)
    await publish_event(recruiting.amqp_url, recruiting.ns, failing)
    with pytest.raises(AssertionError, match="not applied"):
        await recruiting.all_applied(failing.id)


async def _waiting_for(recruiting, pid: int) -> int:
    """How many database sessions wait for a lock the session `pid` holds."""
    (row,) = await _rows(
        recruiting,
        "SELECT count(*) FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid))",
        pid=pid,
    )
    return int(row[0])


async def _import_during(
    recruiting, files: dict, write: Callable[[UnitOfWork], Awaitable[object]]
) -> Any:
    """Apply an import file while a transaction running `write` holds the rows it wrote.

    The import starts after `write` and before its commit: it finds the candidates by email
    as they were, and has to wait for the rows `write` holds until it commits.
    """
    async with recruiting.svc.uow_factory() as uow:
        await write(uow)
        pid = await uow.session.scalar(text("SELECT pg_backend_pid()"))
        upload = asyncio.create_task(
            recruiting.svc.client.post(
                "/api/v1/imports?kind=candidates&dry_run=false",
                headers=recruiting.auth("integration", sub="erp"),
                files=files,
            )
        )
        try:
            await eventually(
                lambda: _waiting_for(recruiting, pid), message="the import waits for the rows"
            )
            await uow.commit()
        except BaseException:
            upload.cancel()
            raise
    return await upload


def _file(*rows: str) -> dict:
    body = "\n".join(("name,email,phone,skills", *rows)).encode()
    return {"file": ("candidates.csv", body, "text/csv")}


async def test_an_import_racing_an_erasure_never_writes_onto_the_erased_row(recruiting) -> None:
    client = recruiting.svc.client
    person = await recruiting.candidate()
    newcomer = f"zhao.min.{uuid.uuid4().hex[:8]}@example.com"
    files = _file(
        f"Li Wei,{person['email']},+86 139 0013 9000,live-stream marketing; excel",
        f"Zhao Min,{newcomer},,",
    )
    erased = CandidateErased(
        candidate_id=person["id"], erased_at=ERASED_AT, reason="consent withdrawn"
    )

    # The erasure runs (the row locked and anonymised) just as the import matched her.
    r = await _import_during(recruiting, files, lambda uow: erase_candidate(uow, payload=erased))

    # The row matched to the now erased candidate is reported; all or nothing, so nothing
    # of the file is written.
    assert r.status_code == 422, r.text
    problem = r.json()
    assert problem["type"].endswith("/import-invalid")
    (error,) = problem["errors"]
    assert error["loc"] == ["file", "row", 2, "email"]
    assert "erased" in error["msg"] and person["id"] in error["msg"], error
    candidate = await _candidate(recruiting, person["id"])
    assert datetime.fromisoformat(candidate["erased_at"]) == ERASED_AT
    assert candidate["name"] == "(erased)"
    assert candidate["email"] is None and candidate["phone"] is None
    assert candidate["skills"] == []
    assert candidate["version"] == person["version"] + 1
    (row,) = await _rows(
        recruiting,
        "SELECT name, phone, skills::text FROM candidates WHERE id = :id",
        id=uuid.UUID(person["id"]),
    )
    assert tuple(row) == ("(erased)", None, "[]")
    r = await client.get(f"/api/v1/candidates?email={newcomer}", headers=recruiting.hr)
    assert r.json()["items"] == []

    # Imported again, the row is a new person, as any file naming a free email would be.
    r = await client.post(
        "/api/v1/imports?kind=candidates&dry_run=true",
        headers=recruiting.auth("integration", sub="erp"),
        files=files,
    )
    assert r.status_code == 200, r.text
    assert r.json()["problems"] == []
    assert [(o["row"], o["action"]) for o in r.json()["outcomes"]] == [
        (2, "create"),
        (3, "create"),
    ]


async def test_an_import_racing_an_email_change_leaves_that_candidate_alone(recruiting) -> None:
    person = await recruiting.candidate()
    moved = f"li.wei.moved.{uuid.uuid4().hex[:8]}@example.com"

    async def change_email(uow: UnitOfWork) -> None:
        await uow.session.execute(
            text("UPDATE candidates SET email = :email, version = version + 1 WHERE id = :id"),
            {"email": moved, "id": uuid.UUID(person["id"])},
        )

    r = await _import_during(
        recruiting, _file(f"Li Wei,{person['email']},+86 139 0013 9000,excel"), change_email
    )
    assert r.status_code == 422, r.text
    (error,) = r.json()["errors"]
    assert error["loc"] == ["file", "row", 2, "email"]
    assert "changed its email" in error["msg"], error
    after = await _candidate(recruiting, person["id"])
    assert (after["email"], after["phone"], after["skills"]) == (
        moved,
        person["phone"],
        person["skills"],
    )


async def test_erasure_and_bulk_reject_lock_applications_in_the_same_order(recruiting) -> None:
    person = await recruiting.candidate()
    apps = [await recruiting.apply(person["id"], await recruiting.new_opening()) for _ in range(2)]
    low, high = sorted(uuid.UUID(a["id"]) for a in apps)
    async with recruiting.svc.uow_factory() as uow:
        # The application with the higher id is the older one, so creation order and id
        # order differ.
        await uow.session.execute(
            text(
                "UPDATE applications SET created_at = CASE WHEN id = :high"
                " THEN now() - interval '1 hour' ELSE now() END WHERE id IN (:low, :high)"
            ),
            {"low": low, "high": high},
        )
        await uow.commit()

    erased = CandidateErased(
        candidate_id=person["id"], erased_at=ERASED_AT, reason="consent withdrawn"
    )

    async def erase() -> Any:
        async with recruiting.svc.uow_factory() as uow:
            outcome = await erase_candidate(uow, payload=erased)
            await uow.commit()
            return outcome

    lock = "SELECT id FROM applications WHERE id = :id FOR UPDATE"
    async with recruiting.svc.uow_factory() as bulk:
        # A bulk rejection locks the applications in id order: the lower id first...
        await bulk.session.execute(text(lock), {"id": low})
        pid = await bulk.session.scalar(text("SELECT pg_backend_pid()"))
        erasure = asyncio.create_task(erase())
        try:
            await eventually(
                lambda: _waiting_for(recruiting, pid), message="the erasure waits for a row"
            )
            # ...then the higher. Had the erasure locked the older application (the higher
            # id) first, each would now wait for the other: a deadlock, one of them aborted.
            await bulk.session.execute(text(lock), {"id": high})
            await bulk.commit()
        except BaseException:
            erasure.cancel()
            raise
    outcome = await erasure
    assert outcome.erased and outcome.applications == 2 and outcome.withdrawn == 2
