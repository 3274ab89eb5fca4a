"""Issue 14 item 1: the panel's "not hired" starts the notice. A complete panel's
scorecards go through the decision policy; a rejection it decides waits for HR's review
window (or goes out at once), exactly once; and item 5: a hire publishes
`candidate-hired` with the gaps."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

from talentloop_shared.events.payloads import PersonRef, PositionOwners
from talentloop_shared.testing.harness import event_probe

REJECTED = ["candidate-rejected", "decision-pending"]


def _mine(probe, event_type: str, application_id: str) -> list:
    """This test's events only (the clock is shared: others' decisions may fall due)."""
    return [e for e in probe.of_type(event_type) if e.data["application_id"] == application_id]


async def _policy(recruiting, position_id: str, **body: Any) -> dict:
    r = await recruiting.svc.client.put(
        f"/api/v1/decision-policy/positions/{position_id}",
        headers=recruiting.auth("hr_admin", sub="hr-boss"),
        json=body,
    )
    assert r.status_code == 200, r.text
    return r.json()


async def _opening(recruiting, **policy: Any) -> tuple[str, Any]:
    panel = recruiting.Panel()
    owners = PositionOwners(
        recruiter=PersonRef(id=str(uuid.uuid4()), name="Zhao Min", email="zhao@acme.example")
    )
    position_id = await recruiting.new_opening(panel=panel, owners=owners)
    if policy:
        await _policy(recruiting, position_id, **policy)
    return position_id, panel


async def _panel(
    recruiting,
    position_id: str,
    panel,
    recommendations: tuple[str, str, str],
    scores: tuple[int, int, int] = (8, 4, 7),
    *,
    submit: int = 3,
) -> tuple[dict, list[dict]]:
    """An application whose three interviews (technical, business, culture) are scored by
    `submit` of the panel: the technical interviewer names a strength, the business one a
    concern."""
    person = await recruiting.candidate()
    application = await recruiting.apply(person["id"], position_id)
    tag = uuid.uuid4().hex[:6]
    interviews = []
    for who, department in (
        ("tech", panel.technical),
        ("biz", panel.business),
        ("cul", panel.culture),
    ):
        r = await recruiting.svc.client.post(
            f"/api/v1/applications/{application['id']}/interviews",
            headers=recruiting.hr,
            json={
                "interviewer_id": f"{who}-{tag}",
                "department_id": department,
                "start": "2026-12-01T09:00:00Z",
                "allow_overlap": True,
            },
        )
        assert r.status_code == 201, r.text
        interviews.append(r.json())
    words = {
        "tech": {"strengths": ["数据分析能力扎实，方法清晰"]},
        "biz": {"concerns": ["缺少华东区域渠道管理经验"]},
        "cul": {},
    }
    for interview, recommendation, score in list(
        zip(interviews, recommendations, scores, strict=True)
    )[:submit]:
        who = interview["interviewer_id"].split("-")[0]
        r = await recruiting.svc.client.post(
            f"/api/v1/interviews/{interview['id']}/evaluation",
            headers=recruiting.auth("interviewer", sub=interview["interviewer_id"]),
            json={
                "scores": [
                    {"dimension": d["key"], "score": score} for d in interview["dimensions"]
                ],
                "recommendation": recommendation,
                **words[who],
            },
        )
        assert r.status_code == 201, r.text
    return application, interviews


NO_HIRE = ("no_hire", "no_hire", "strong_no_hire")


async def test_review_0_a_unanimous_no_hire_rejects_at_once_exactly_once(
    recruiting, amqp_url
) -> None:
    position_id, panel = await _opening(recruiting, review_minutes=0)
    async with event_probe(amqp_url, recruiting.ns, REJECTED) as probe:
        application, _ = await _panel(recruiting, position_id, panel, NO_HIRE)
        await probe.wait_for(1, event_type="candidate-rejected")
        await probe.settle(1.0)
        rejected = _mine(probe, "candidate-rejected", application["id"])
        assert len(rejected) == 1
        assert _mine(probe, "decision-pending", application["id"]) == []
    data = rejected[0].data
    assert data["decided_by"] == "policy"
    assert data["notify"]["delay_minutes"] == 0
    assert data["stage"] == "interview"
    assert data["strengths"][0] == "数据分析能力扎实，方法清晰"
    assert {"code": "interview_concern", "text": "华东区域渠道管理经验"} in data["reasons"]
    assert data["scorecard"]["dimensions"] == {"technical": 8.0, "business": 4.0, "culture": 7.0}
    after = await recruiting.application(application["id"])
    assert after["status"] == "rejected" and after["rejection"]["decided_by"] == "policy"
    assert after["decision"]["status"] == "decided"


async def test_review_120_hr_overturns_inside_the_window_and_nothing_is_sent(
    recruiting, amqp_url
) -> None:
    clock = recruiting.svc.runtime.clock
    position_id, panel = await _opening(recruiting, review_minutes=120)
    try:
        async with event_probe(amqp_url, recruiting.ns, REJECTED) as probe:
            application, _ = await _panel(recruiting, position_id, panel, NO_HIRE)
            (pending,) = await probe.wait_for(1, event_type="decision-pending")
            assert pending.data["application_id"] == application["id"]
            assert pending.data["mode"] == "unanimous_no_hire"
            assert pending.data["position"]["owners"]["recruiter"]["email"] == "zhao@acme.example"
            assert pending.data["reasons"] and pending.data["strengths"]

            url = f"/api/v1/applications/{application['id']}/decision"
            decision = await recruiting.svc.client.get(url, headers=recruiting.hr)
            assert decision.json()["status"] == "pending"
            assert decision.json()["decides_at"] == pending.data["decides_at"]
            clock.advance(minutes=60)
            overturned = await recruiting.svc.client.post(
                f"{url}/overturn", headers=recruiting.hr, json={"reason": "strong on data"}
            )
            assert overturned.status_code == 200, overturned.text
            assert overturned.json()["status"] == "overturned"
            clock.advance(minutes=120)
            await probe.settle(1.0)
            assert _mine(probe, "candidate-rejected", application["id"]) == []
        again = await recruiting.svc.client.post(f"{url}/confirm", headers=recruiting.hr)
        assert again.status_code == 409
        assert (await recruiting.application(application["id"]))["status"] == "interviewing"
    finally:
        clock.reset()


async def test_review_120_passes_and_the_policy_rejects_exactly_once(recruiting, amqp_url) -> None:
    clock = recruiting.svc.runtime.clock
    position_id, panel = await _opening(recruiting, review_minutes=120)
    try:
        async with event_probe(amqp_url, recruiting.ns, REJECTED) as probe:
            application, _ = await _panel(recruiting, position_id, panel, NO_HIRE)
            await probe.wait_for(1, event_type="decision-pending")
            clock.advance(minutes=119)
            await probe.settle(1.0)
            assert _mine(probe, "candidate-rejected", application["id"]) == []
            clock.advance(minutes=2)

            async def rejected() -> list | None:
                return _mine(probe, "candidate-rejected", application["id"]) or None

            from talentloop_shared.testing.plugin import eventually

            (event,) = await eventually(rejected, timeout=10)
            await probe.settle(1.0)
            assert len(_mine(probe, "candidate-rejected", application["id"])) == 1
        assert event.data["decided_by"] == "policy"
        assert event.data["notify"]["delay_minutes"] == 0
        decision = await recruiting.svc.client.get(
            f"/api/v1/applications/{application['id']}/decision", headers=recruiting.hr
        )
        assert decision.json()["status"] == "decided"
        assert decision.json()["application_status"] == "rejected"
    finally:
        clock.reset()


async def test_two_replicas_racing_on_a_due_decision_publish_one_rejection(
    recruiting, amqp_url
) -> None:
    from recruiting_service.service.policy import settle_due

    clock = recruiting.svc.runtime.clock
    position_id, panel = await _opening(recruiting, review_minutes=30)
    try:
        async with event_probe(amqp_url, recruiting.ns, REJECTED) as probe:
            application, _ = await _panel(recruiting, position_id, panel, NO_HIRE)
            await probe.wait_for(1, event_type="decision-pending")
            clock.advance(minutes=31)

            async def replica() -> int:
                async with recruiting.svc.uow_factory() as uow:
                    return await settle_due(uow)

            reading = recruiting.svc.client.get(
                f"/api/v1/applications/{application['id']}", headers=recruiting.hr
            )
            *_, read = await asyncio.gather(replica(), replica(), replica(), reading)
            assert read.json()["status"] == "rejected"
            await probe.wait_for(1, event_type="candidate-rejected")
            await probe.settle(1.5)
            assert len(_mine(probe, "candidate-rejected", application["id"])) == 1
    finally:
        clock.reset()


async def test_hr_edits_then_confirms_the_pending_decision(recruiting, amqp_url) -> None:
    position_id, panel = await _opening(recruiting, review_minutes=120)
    application, _ = await _panel(recruiting, position_id, panel, NO_HIRE)
    url = f"/api/v1/applications/{application['id']}/decision"
    current = await recruiting.svc.client.get(url, headers=recruiting.hr)
    queue = await recruiting.svc.client.get(
        "/api/v1/decisions?status=pending", headers=recruiting.hr
    )
    assert application["id"] in {d["application_id"] for d in queue.json()["items"]}
    # An alert's link names the one application: the queue narrows to its decision.
    one = await recruiting.svc.client.get(
        "/api/v1/decisions",
        params={"status": "pending", "application_id": application["id"]},
        headers=recruiting.hr,
    )
    assert [d["application_id"] for d in one.json()["items"]] == [application["id"]]
    bad = await recruiting.svc.client.get(
        "/api/v1/decisions", params={"application_id": "not-a-uuid"}, headers=recruiting.hr
    )
    assert bad.status_code == 422
    edited = await recruiting.svc.client.patch(
        url,
        headers={**recruiting.hr, "If-Match": current.headers["etag"]},
        json={"strengths": ["您的数据分析思路清晰"], "suggestions": ["多参与区域渠道项目"]},
    )
    assert edited.status_code == 200, edited.text
    stale = await recruiting.svc.client.patch(
        url, headers={**recruiting.hr, "If-Match": current.headers["etag"]}, json={}
    )
    assert stale.status_code == 412
    async with event_probe(amqp_url, recruiting.ns, ["candidate-rejected"]) as probe:
        confirmed = await recruiting.svc.client.post(f"{url}/confirm", headers=recruiting.hr)
        assert confirmed.status_code == 200, confirmed.text
        (event,) = await probe.wait_for(1)
    assert confirmed.json()["status"] == "confirmed"
    assert event.data["decided_by"] == "recruiter-1"
    assert event.data["strengths"] == ["您的数据分析思路清晰"]
    assert event.data["suggestions"] == ["多参与区域渠道项目"]
    assert event.data["reasons"] == current.json()["reasons"]
    assert event.data["notify"]["delay_minutes"] == 0


async def test_hr_rejecting_by_hand_supersedes_the_pending_decision(recruiting, amqp_url) -> None:
    position_id, panel = await _opening(recruiting, review_minutes=120)
    application, _ = await _panel(recruiting, position_id, panel, NO_HIRE)
    async with event_probe(amqp_url, recruiting.ns, ["candidate-rejected"]) as probe:
        r = await recruiting.svc.client.post(
            f"/api/v1/applications/{application['id']}/reject", headers=recruiting.hr
        )
        assert r.status_code == 200, r.text
        await probe.wait_for(1)
        await probe.settle()
        assert len(_mine(probe, "candidate-rejected", application["id"])) == 1
    decision = await recruiting.svc.client.get(
        f"/api/v1/applications/{application['id']}/decision", headers=recruiting.hr
    )
    assert decision.json()["status"] == "superseded"


async def test_majority_mode_and_the_unanimous_default(recruiting, amqp_url) -> None:
    split = ("no_hire", "hire", "no_hire")
    majority, m_panel = await _opening(recruiting, mode="majority_no_hire", review_minutes=0)
    unanimous, u_panel = await _opening(recruiting, review_minutes=0)
    async with event_probe(amqp_url, recruiting.ns, REJECTED) as probe:
        by_majority, _ = await _panel(recruiting, majority, m_panel, split)
        not_unanimous, _ = await _panel(recruiting, unanimous, u_panel, split)
        await probe.wait_for(1, event_type="candidate-rejected")
        await probe.settle(1.0)
        assert len(_mine(probe, "candidate-rejected", by_majority["id"])) == 1
        assert _mine(probe, "candidate-rejected", not_unanimous["id"]) == []
    assert (await recruiting.application(not_unanimous["id"]))["status"] == "interviewing"


async def test_composite_below_rejects_a_weak_composite_whatever_the_votes(
    recruiting, amqp_url
) -> None:
    below, b_panel = await _opening(
        recruiting, mode="composite_below", threshold=7.5, review_minutes=0
    )
    above, a_panel = await _opening(
        recruiting, mode="composite_below", threshold=7.0, review_minutes=0
    )
    hires = ("hire", "hire", "strong_hire")
    async with event_probe(amqp_url, recruiting.ns, REJECTED) as probe:
        weak, _ = await _panel(recruiting, below, b_panel, hires, scores=(8, 6, 7))  # 7.1
        fine, _ = await _panel(recruiting, above, a_panel, hires, scores=(8, 6, 7))
        await probe.wait_for(1, event_type="candidate-rejected")
        await probe.settle(1.0)
        (event,) = _mine(probe, "candidate-rejected", weak["id"])
        assert _mine(probe, "candidate-rejected", fine["id"]) == []
    assert event.data["scorecard"]["composite"] == 7.1


async def test_an_incomplete_panel_decides_nothing_until_the_rest_is_cancelled(
    recruiting, amqp_url
) -> None:
    position_id, panel = await _opening(recruiting, review_minutes=0)
    async with event_probe(amqp_url, recruiting.ns, REJECTED) as probe:
        application, interviews = await _panel(recruiting, position_id, panel, NO_HIRE, submit=2)
        await probe.settle(1.0)
        assert _mine(probe, "candidate-rejected", application["id"]) == []
        r = await recruiting.svc.client.post(
            f"/api/v1/interviews/{interviews[2]['id']}/cancel", headers=recruiting.hr
        )
        assert r.status_code == 200, r.text
        await probe.wait_for(1, event_type="candidate-rejected")
        await probe.settle()
        assert len(_mine(probe, "candidate-rejected", application["id"])) == 1


async def test_decision_policy_is_hr_admins_and_checked(recruiting) -> None:
    client = recruiting.svc.client
    admin = recruiting.auth("hr_admin", sub="hr-boss")
    assert (await client.get("/api/v1/decision-policy", headers=recruiting.hr)).status_code == 403
    current = await client.get("/api/v1/decision-policy", headers=admin)
    assert current.status_code == 200
    assert current.json()["scope"] == "default"
    before = {k: current.json()[k] for k in ("mode", "threshold", "review_minutes")}
    bad = [
        {"mode": "composite_below"},
        {"mode": "composite_below", "threshold": 12},
        {"mode": "majority_no_hire", "threshold": 5},
        {"review_minutes": -5},
        {"mode": "never"},
        {"mode": "off", "extra": 1},
    ]
    for body in bad:
        r = await client.put("/api/v1/decision-policy", headers=admin, json=body)
        assert r.status_code == 422, (body, r.text)
    r = await client.put(
        "/api/v1/decision-policy",
        headers={**admin, "If-Match": current.headers["etag"]},
        json={"mode": "majority_no_hire", "review_minutes": 60},
    )
    assert r.status_code == 200, r.text
    assert r.json()["mode"] == "majority_no_hire" and r.json()["updated_by"] == "hr-boss"
    stale = await client.put(
        "/api/v1/decision-policy",
        headers={**admin, "If-Match": current.headers["etag"]},
        json=before,
    )
    assert stale.status_code == 412
    restored = await client.put("/api/v1/decision-policy", headers=admin, json=before)
    assert restored.status_code == 200

    position_id, _ = await _opening(recruiting)
    url = f"/api/v1/decision-policy/positions/{position_id}"
    assert (await client.get(url, headers=admin)).json()["scope"] == "default"
    await _policy(recruiting, position_id, mode="off")
    assert (await client.get(url, headers=admin)).json()["mode"] == "off"
    assert (await client.delete(url, headers=admin)).status_code == 204
    assert (await client.get(url, headers=admin)).json()["scope"] == "default"
    assert (await client.delete(url, headers=admin)).status_code == 404
    unknown = f"/api/v1/decision-policy/positions/{uuid.uuid4()}"
    assert (await client.put(unknown, headers=admin, json={"mode": "off"})).status_code == 404


async def test_hire_publishes_candidate_hired_with_the_gaps(recruiting, amqp_url) -> None:
    position_id, panel = await _opening(recruiting, mode="off")
    application, _ = await _panel(
        recruiting, position_id, panel, ("hire", "hire", "strong_hire"), scores=(8, 5, 7)
    )
    url = f"/api/v1/applications/{application['id']}/hire"
    async with event_probe(amqp_url, recruiting.ns, ["candidate-hired"]) as probe:
        r = await recruiting.svc.client.post(url, headers=recruiting.hr)
        assert r.status_code == 200, r.text
        (event,) = await probe.wait_for(1)
        again = await recruiting.svc.client.post(url, headers=recruiting.hr)
        assert again.status_code == 409
        await probe.settle()
        assert len(probe.events) == 1
    assert r.json()["status"] == "hired"
    data = event.data
    assert data["application_id"] == application["id"] and data["decided_by"] == "recruiter-1"
    assert data["scorecard"]["dimensions"] == {"technical": 8.0, "business": 5.0, "culture": 7.0}
    assert data["position"]["owners"]["recruiter"]["email"] == "zhao@acme.example"
    # Business is below a strength and named in the business interviewer's concern.
    assert data["gaps"] == [
        {
            "dimension": "business",
            "name": "Business understanding",
            "score": 5.0,
            "text": "缺少华东区域渠道管理经验",
        }
    ]


async def test_an_application_reads_as_its_record_does_byte_for_byte(recruiting) -> None:
    """The read by id (one statement, no session) answers exactly what the application's
    record read in a unit of work makes of it: screening, history, pending and then
    superseded decision, rejection; and a list shows it as its row does."""
    from pydantic import TypeAdapter

    from recruiting_service.api.schemas import ApplicationRead, ApplicationSummary
    from recruiting_service.db.repositories import ApplicationRepository
    from recruiting_service.service.policy import read_application

    position_id, panel = await _opening(recruiting, review_minutes=120)
    application, _ = await _panel(recruiting, position_id, panel, NO_HIRE)
    application_id = uuid.UUID(application["id"])
    as_json = TypeAdapter(ApplicationRead).dump_json

    async def compare() -> dict:
        r = await recruiting.svc.client.get(
            f"/api/v1/applications/{application_id}", headers=recruiting.hr
        )
        assert r.status_code == 200, r.text
        async with recruiting.svc.uow_factory() as uow:
            record = await read_application(uow, application_id=application_id)
            assert r.content == as_json(ApplicationRead.from_record(record))
            row = await ApplicationRepository(uow.session).get(application_id)
            summary = ApplicationSummary.from_row(row).model_dump(mode="json")
        listed = await recruiting.svc.client.get(
            "/api/v1/applications", params={"position_id": position_id}, headers=recruiting.hr
        )
        assert listed.status_code == 200, listed.text
        assert listed.json()["items"] == [summary]
        return r.json()

    pending = await compare()
    assert pending["decision"]["status"] == "pending" and pending["rejection"] is None
    r = await recruiting.svc.client.post(
        f"/api/v1/applications/{application_id}/reject", headers=recruiting.hr
    )
    assert r.status_code == 200, r.text
    answered = r.json()
    assert answered.pop("notice_preview")["reasons"]
    rejected = await compare()
    # The rejection answers with what it committed: state, the new history line, the
    # superseded decision.
    assert answered == rejected
    assert rejected["status"] == "rejected" and rejected["rejection"]["reasons"]
    assert rejected["decision"]["status"] == "superseded"
    assert [h["to_status"] for h in rejected["history"]][-1] == "rejected"
    assert len(rejected["history"]) >= 3


async def test_a_decision_that_cannot_be_published_waits_for_hr_and_holds_back_no_other(
    recruiting, amqp_url, monkeypatch
) -> None:
    """A due decision whose rejection cannot be published (content stored before a rule it
    breaks; here any failure of its own) stays pending for HR, who can still read and
    overturn it; the others due with it go out, this round and later."""
    from recruiting_service.service import policy
    from talentloop_shared.events.payloads import CandidateRejected
    from talentloop_shared.testing.plugin import eventually

    clock = recruiting.svc.runtime.clock
    position_id, panel = await _opening(recruiting, review_minutes=30)
    held: set[uuid.UUID] = set()
    publish = policy._reject

    async def unpublishable(uow, decision, application, *args, **kwargs):
        await publish(uow, decision, application, *args, **kwargs)  # the writes, undone
        if str(application.id) == broken["id"]:
            CandidateRejected.model_validate({"stage": "phone-screen"})  # raises
        return None

    try:
        async with event_probe(amqp_url, recruiting.ns, REJECTED) as probe:
            broken, _ = await _panel(recruiting, position_id, panel, NO_HIRE)
            other, _ = await _panel(recruiting, position_id, panel, NO_HIRE)
            await probe.wait_for(2, event_type="decision-pending")
            monkeypatch.setattr(policy, "_reject", unpublishable)
            clock.advance(minutes=31)
            async with recruiting.svc.uow_factory() as uow:
                await policy.settle_due(uow, held=held)
            later, _ = await _panel(recruiting, position_id, panel, NO_HIRE)
            await probe.wait_for(3, event_type="decision-pending")
            clock.advance(minutes=31)

            async def both() -> list | None:
                mine = [_mine(probe, "candidate-rejected", a["id"]) for a in (other, later)]
                return mine if all(mine) else None

            await eventually(both, timeout=10)  # the service's own loop settles `later`
            await probe.settle(1.0)
            assert _mine(probe, "candidate-rejected", broken["id"]) == []
            assert [len(_mine(probe, "candidate-rejected", a["id"])) for a in (other, later)] == [
                1,
                1,
            ]
        url = f"/api/v1/applications/{broken['id']}/decision"
        decision = await recruiting.svc.client.get(url, headers=recruiting.hr)
        assert decision.status_code == 200, decision.text
        assert decision.json()["status"] == "pending"
        assert decision.json()["application_status"] == "interviewing"
        assert uuid.UUID(decision.json()["id"]) in held
        queue = await recruiting.svc.client.get(
            "/api/v1/decisions", params={"status": "pending"}, headers=recruiting.hr
        )
        assert broken["id"] in {d["application_id"] for d in queue.json()["items"]}
        metrics = (await recruiting.svc.client.get("/metrics")).text
        assert "talentloop_policy_decisions_held_total" in metrics
        # HR is told why confirming cannot work, and overturns it instead.
        confirmed = await recruiting.svc.client.post(f"{url}/confirm", headers=recruiting.hr)
        assert confirmed.status_code == 409, confirmed.text
        assert "overturn" in confirmed.json()["detail"]
        overturned = await recruiting.svc.client.post(
            f"{url}/overturn", headers=recruiting.hr, json={"reason": "to be checked"}
        )
        assert overturned.status_code == 200, overturned.text
        assert overturned.json()["status"] == "overturned"
    finally:
        clock.reset()
