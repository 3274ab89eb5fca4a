"""candidate-hired → the new hire's development plan (real PostgreSQL and RabbitMQ)."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from talent_testkit import about, wait_about

from talent_service.db.models import PendingTag
from talentloop_shared.events.payloads import CandidateErased
from talentloop_shared.testing.harness import event_probe


async def _course(talent, auth, title: str, *skills: str) -> str:
    r = await talent.client.post(
        "/api/v1/courses",
        json={
            "title": title,
            "provider": "Acme Academy",
            "url": "https://academy.example/c",
            "skills": list(skills),
        },
        headers=auth("hr_admin"),
    )
    assert r.status_code == 201, r.text
    return r.json()["id"]


async def _plans(talent, auth, **params) -> list[dict]:
    r = await talent.client.get(
        "/api/v1/development-plans", params=params, headers=auth("recruiter")
    )
    assert r.status_code == 200, r.text
    return r.json()["items"]


async def test_a_hire_seeds_a_plan_with_courses_for_its_gaps(talent, ev, auth, unique):
    go, clinical, culture = unique("go"), unique("临床"), unique("culture")
    by_text = await _course(talent, auth, unique("Go in production"), f"{go} concurrency")
    by_name = await _course(talent, auth, unique("临床研究入门"), clinical)
    by_key = await _course(talent, auth, unique("Both"), go, f"{clinical}知识")
    withdrawn = await _course(talent, auth, unique("Old Go"), go)
    r = await talent.client.post(f"/api/v1/courses/{withdrawn}/withdraw", headers=auth("hr_admin"))
    assert r.status_code == 200
    await _course(talent, auth, unique("Knitting"), unique("knitting"))

    person = str(uuid.uuid4())
    hire = ev.hire(
        person,
        gaps=[
            {"dimension": go, "name": "Technical ability", "score": 4.0,
             "text": f"no hands-on {go} concurrency project"},
            {"dimension": "clinical", "name": f"{clinical}知识", "score": 4.5},
            {"dimension": culture, "name": None, "score": 4.8, "text": None},
        ],
    )  # fmt: skip
    await talent.consumed(await talent.publish(hire))

    [plan] = await _plans(talent, auth, person_id=person)
    assert plan["application_id"] == hire.application_id
    assert plan["name"] == "Chen Jing"
    assert plan["position"]["title"] == "Medical Data Analyst"
    # "Both" covers two gaps (the Go key, the clinical name) and comes first.
    # The others cover one gap each and follow by title ("go…" before "临…").
    assert [(c["course"]["id"], c["covers"]) for c in plan["courses"]] == [
        (by_key, [go, "clinical"]),
        (by_text, [go]),
        (by_name, ["clinical"]),
    ]
    assert plan["courses"][0]["course"]["version"] == 1
    gaps = {g["dimension"]: g for g in plan["gaps"]}
    assert set(gaps[go]["course_ids"]) == {by_text, by_key}
    assert set(gaps["clinical"]["course_ids"]) == {by_name, by_key}
    assert gaps[culture]["course_ids"] == []  # nothing in the catalogue fits
    assert gaps[go]["score"] == 4.0

    r = await talent.client.get(
        f"/api/v1/development-plans/{plan['id']}", headers=auth("integration")
    )
    assert r.status_code == 200
    assert r.json() == plan
    assert await _plans(talent, auth, application_id=hire.application_id) == [plan]


async def test_the_same_hire_reported_again_keeps_one_plan(talent, ev, auth, unique):
    person = str(uuid.uuid4())
    hire = ev.hire(person, gaps=[{"dimension": unique("sql")}])
    event_id = uuid.uuid4()
    ids = [await talent.publish(hire, event_id=event_id) for _ in range(2)]
    ids.append(await talent.publish(hire))  # re-published under a new event id
    await talent.consumed(*ids)
    assert len(await _plans(talent, auth, person_id=person)) == 1


async def test_a_pooled_hire_leaves_matching_and_reminders(talent, ev, auth, unique):
    skill = unique("sql")
    person = str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.rejection(person, skills=[skill], rejected_at=ev.months_ago(7)))
    )
    before = str(uuid.uuid4())
    await talent.consumed(await talent.publish(ev.position(before, required=[skill])))

    async def matched(position_id: str) -> list[str]:
        return [m["talent_id"] for m in await talent.matches(position_id, auth("recruiter"))]

    async def due() -> list[str]:
        return await talent.due(auth("recruiter"))

    assert await matched(before) == [person]
    assert person in await due()

    await talent.consumed(await talent.publish(ev.hire(person)))
    assert await matched(before) == []
    after = str(uuid.uuid4())
    async with event_probe(talent.amqp_url, talent.namespace, ["matches-found"]) as probe:
        await talent.consumed(await talent.publish(ev.position(after, required=[skill])))
        await probe.settle(1.0)
        assert about(probe, "matches-found", f"positions/{after}") == []
    assert await matched(after) == []
    assert person not in await due()
    # A later tag no longer brings them back into matching.
    await talent.consumed(
        await talent.publish(ev.evaluation(person, strengths=[skill], scores={"technical": 9}))
    )
    assert await matched(after) == []

    r = await talent.client.get(f"/api/v1/talents/{person}", headers=auth("recruiter"))
    assert r.json()["hired_at"] is not None
    assert "hired" in [h["action"] for h in r.json()["history"]]


async def test_an_erasure_takes_the_plan_with_it(talent, ev, auth, unique):
    erased_elsewhere, erased_here = str(uuid.uuid4()), str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.hire(erased_elsewhere)),
        await talent.publish(ev.hire(erased_here)),
    )
    [plan] = await _plans(talent, auth, person_id=erased_elsewhere)

    await talent.consumed(
        await talent.publish(
            CandidateErased(candidate_id=erased_elsewhere, erased_at=ev.months_ago(0))
        )
    )
    assert await _plans(talent, auth, person_id=erased_elsewhere) == []
    r = await talent.client.get(
        f"/api/v1/development-plans/{plan['id']}", headers=auth("recruiter")
    )
    assert r.status_code == 404
    # A hire reported after the erasure brings nothing back.
    await talent.consumed(await talent.publish(ev.hire(erased_elsewhere)))
    assert await _plans(talent, auth, person_id=erased_elsewhere) == []

    # HR erases a hired person who was never pooled: the plan goes, everyone is told.
    async with event_probe(talent.amqp_url, talent.namespace, ["candidate-erased"]) as probe:
        r = await talent.client.delete(f"/api/v1/talents/{erased_here}", headers=auth("hr_admin"))
        assert r.status_code == 204
        [event] = await wait_about(probe, 1, "candidate-erased", f"talents/{erased_here}")
    assert event.data["candidate_id"] == erased_here
    assert await _plans(talent, auth, person_id=erased_here) == []


async def test_plans_are_read_by_hr_recruiters_and_integrations(talent, auth):
    r = await talent.client.get("/api/v1/development-plans", headers=auth("interviewer"))
    assert r.status_code == 403
    r = await talent.client.get("/api/v1/development-plans")
    assert r.status_code == 401
    r = await talent.client.get(
        f"/api/v1/development-plans/{uuid.uuid4()}", headers=auth("hr_admin")
    )
    assert r.status_code == 404


async def test_a_hire_forgets_what_interviewers_said_of_someone_never_pooled(talent, ev):
    # The interviewers' strengths wait for a pooling that will not come: the person is
    # hired, never rejected with consent. They are dropped at the hire, not kept 90 days.
    person = str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.evaluation(person, strengths=["calm"], scores={"technical": 9}))
    )

    async def pending() -> int:
        async with talent.svc.uow_factory() as uow:
            query = select(func.count()).where(PendingTag.candidate_id == person)
            return int(await uow.session.scalar(query) or 0)

    assert await pending() == 2
    await talent.consumed(await talent.publish(ev.hire(person)))
    assert await pending() == 0
