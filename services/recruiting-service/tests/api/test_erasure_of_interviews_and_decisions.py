"""Erasure covers what issues 14 and 15 added: interviews' notes to the candidate and
cancellation reasons, upcoming interviews (cancelled, the panel told), and the content of
the decision policy's decisions."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from recruiting_service.db.models import Interview, PolicyDecision
from talentloop_shared.testing.harness import event_probe


async def test_erasure_scrubs_interviews_and_decisions_and_frees_the_panel(
    recruiting, amqp_url
) -> None:
    client = recruiting.svc.client
    panel = recruiting.Panel()
    position_id = await recruiting.new_opening(panel=panel)
    other_position = await recruiting.new_opening(panel=panel)
    await client.put(
        f"/api/v1/decision-policy/positions/{other_position}",
        headers=recruiting.auth("hr_admin", sub="hr-boss"),
        json={"review_minutes": 120},
    )
    person = await recruiting.candidate()
    upcoming_app = await recruiting.apply(person["id"], position_id)
    decided_app = await recruiting.apply(person["id"], other_position)
    (member,) = await recruiting.staff(recruiting.member("Wang Fang", org_unit_id=panel.technical))
    start = (datetime.now(UTC) + timedelta(days=3)).replace(microsecond=0).isoformat()
    upcoming = await client.post(
        f"/api/v1/applications/{upcoming_app['id']}/interviews",
        headers=recruiting.hr,
        json={"panel": [member["id"]], "start": start, "notes_for_candidate": "Bring your CV"},
    )
    assert upcoming.status_code == 201, upcoming.text
    # A pending policy decision on the other application.
    scored = await client.post(
        f"/api/v1/applications/{decided_app['id']}/interviews",
        headers=recruiting.hr,
        json={
            "interviewer_id": "iv-erase",
            "department_id": panel.technical,
            "start": "2026-01-05T09:00:00Z",
            "notes_for_candidate": "Room 3",
        },
    )
    r = await client.post(
        f"/api/v1/interviews/{scored.json()['id']}/evaluation",
        headers=recruiting.auth("interviewer", sub="iv-erase"),
        json={
            "scores": [{"dimension": "technical", "score": 3}],
            "concerns": ["no SQL"],
            "recommendation": "no_hire",
        },
    )
    assert r.status_code == 201, r.text
    pending = await client.get(
        f"/api/v1/applications/{decided_app['id']}/decision", headers=recruiting.hr
    )
    assert pending.json()["status"] == "pending" and pending.json()["reasons"]

    async with event_probe(amqp_url, recruiting.ns, ["interview-cancelled"]) as probe:
        erased = await client.delete(
            f"/api/v1/candidates/{person['id']}",
            headers=recruiting.auth("hr_admin", sub="hr-boss"),
        )
        assert erased.status_code in (200, 204), erased.text
        (event,) = await probe.wait_for(1)
    assert event.data["interview_id"] == upcoming.json()["id"]
    assert event.data["candidate"]["name"] == "(erased)"
    assert event.data["candidate"]["email"] is None
    assert event.data["notes_for_candidate"] is None
    assert event.data["panel"][0]["email"] == member["email"]

    async with recruiting.svc.runtime.session_factory() as session:
        interviews = (
            await session.scalars(
                select(Interview).where(
                    Interview.application_id.in_(
                        [uuid.UUID(upcoming_app["id"]), uuid.UUID(decided_app["id"])]
                    )
                )
            )
        ).all()
        decision = await session.scalar(
            select(PolicyDecision).where(
                PolicyDecision.application_id == uuid.UUID(decided_app["id"])
            )
        )
    assert {i.notes_for_candidate for i in interviews} == {None}
    assert {i.status for i in interviews} == {"scheduled", "cancelled"}
    assert decision is not None and decision.status == "superseded"
    assert (decision.strengths, decision.reasons, decision.suggestions) == ([], [], [])


async def test_erasure_forgets_stored_responses_that_name_only_the_application(
    recruiting,
) -> None:
    # A scorecard's response (kept for Idempotency-Key replays) names the application and
    # the interview, not the candidate; once the candidate is erased, replaying the key
    # must not hand their interviewer's comments back.
    client = recruiting.svc.client
    panel = recruiting.Panel()
    position_id = await recruiting.new_opening(panel=panel)
    person = await recruiting.candidate()
    application = await recruiting.apply(person["id"], position_id)
    interview = await client.post(
        f"/api/v1/applications/{application['id']}/interviews",
        headers=recruiting.hr,
        json={
            "interviewer_id": "iv-replay",
            "department_id": panel.technical,
            "start": "2026-01-05T09:00:00Z",
        },
    )
    assert interview.status_code == 201, interview.text
    comment = f"talked about a family illness {uuid.uuid4().hex[:6]}"
    scorecard = {
        "scores": [{"dimension": "technical", "score": 3, "comment": comment}],
        "recommendation": "no_hire",
    }
    headers = {
        **recruiting.auth("interviewer", sub="iv-replay"),
        "Idempotency-Key": f"scorecard-{uuid.uuid4()}",
    }
    url = f"/api/v1/interviews/{interview.json()['id']}/evaluation"
    first = await client.post(url, headers=headers, json=scorecard)
    assert first.status_code == 201, first.text
    assert comment in first.text and person["id"] not in first.text

    erased = await client.delete(
        f"/api/v1/candidates/{person['id']}", headers=recruiting.auth("hr_admin", sub="hr")
    )
    assert erased.status_code in (200, 204), erased.text
    replay = await client.post(url, headers=headers, json=scorecard)
    assert replay.headers.get("Idempotent-Replayed") is None
    assert replay.status_code == 409 and comment not in replay.text
