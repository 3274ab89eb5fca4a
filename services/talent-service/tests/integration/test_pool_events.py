"""The pool follows the events it consumes (real PostgreSQL and RabbitMQ)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import func, select
from talent_testkit import about

from talent_service.db.models import ErasureAudit, PendingTag, TalentProfile
from talent_service.db.repositories import PendingTagRepository
from talent_service.service.erasure import sweep_expired, talent_id_hash
from talentloop_shared.clock import utcnow
from talentloop_shared.db.tables import outbox
from talentloop_shared.events.envelope import new_event
from talentloop_shared.events.payloads import CandidateErased
from talentloop_shared.events.registry import publisher_source
from talentloop_shared.testing.harness import deliver_together, event_probe
from talentloop_shared.testing.plugin import eventually


async def _matches(talent, auth, position_id: str) -> dict:
    r = await talent.client.get(
        f"/api/v1/positions/{position_id}/matches", headers=auth("recruiter")
    )
    assert r.status_code == 200, r.text
    return r.json()


async def test_consented_rejection_then_opening_gives_explained_match(talent, ev, auth, unique):
    skills = [
        unique(s) for s in ("sql", "python", "tableau", "statistics", "live-stream marketing")
    ]
    candidate_id = str(uuid.uuid4())
    rejected = await talent.publish(
        ev.rejection(candidate_id, skills=skills[:4], years=6, dimensions={"data_analysis": 8.5})
    )
    await talent.consumed(rejected)
    position_id = str(uuid.uuid4())
    opened = await talent.publish(
        ev.position(position_id, title="Medical Data Analyst", required=skills, min_years=5)
    )
    await talent.consumed(opened)

    body = await _matches(talent, auth, position_id)
    assert [m["talent_id"] for m in body["items"]] == [candidate_id]
    match = body["items"][0]
    assert match["explanation"] == (f"4 of 5 required skills; 6 years ≥ 5; gap: {skills[4]}")
    assert 0 <= match["score"] <= 100
    assert body["total"] == 1
    assert body["position"]["status"] == "open"


async def test_unconsented_rejection_leaves_no_profile(talent, ev, auth, unique):
    candidate_id = str(uuid.uuid4())
    name = unique("Zhao")
    event_id = await talent.publish(
        ev.rejection(candidate_id, consent=False, name=name, skills=[unique("go")])
    )
    await talent.consumed(event_id)
    r = await talent.client.get(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
    assert r.status_code == 404
    r = await talent.client.get("/api/v1/talents", params={"q": name}, headers=auth("hr_admin"))
    assert r.json()["items"] == []


async def test_profile_created_later_is_matched_to_an_open_position(talent, ev, auth, unique):
    skill = unique("excel")
    position_id = str(uuid.uuid4())
    await talent.consumed(await talent.publish(ev.position(position_id, required=[skill])))
    candidate_id = str(uuid.uuid4())
    await talent.consumed(await talent.publish(ev.rejection(candidate_id, skills=[skill])))
    body = await _matches(talent, auth, position_id)
    assert [m["talent_id"] for m in body["items"]] == [candidate_id]


async def test_a_pooled_candidate_is_matched_to_every_open_position_at_once(
    talent, ev, auth, unique
):
    # Three openings: one the candidate fits whatever their years, one only with the years
    # it asks for, one not at all. A later rejection with fewer years keeps the first
    # match and drops the second.
    a, b, c, d, z = (unique(s) for s in ("sql", "spark", "flink", "kafka", "cobol"))
    fits, needs_years, never = (str(uuid.uuid4()) for _ in range(3))
    for position_id, required, min_years in (
        (fits, [a], 0),
        (needs_years, [a, b, c, d], 5),
        (never, [z], 0),
    ):
        opened = ev.position(position_id, required=required, min_years=min_years)
        await talent.consumed(await talent.publish(opened))
    candidate_id = str(uuid.uuid4())

    async def matched() -> dict[str, list[str]]:
        return {
            p: [m["talent_id"] for m in (await _matches(talent, auth, p))["items"]]
            for p in (fits, needs_years, never)
        }

    first = ev.rejection(candidate_id, skills=[a], years=6, rejected_at=utcnow())
    await talent.consumed(await talent.publish(first))
    assert await matched() == {fits: [candidate_id], needs_years: [candidate_id], never: []}

    later = ev.rejection(
        candidate_id, skills=[a], years=0, rejected_at=utcnow() + timedelta(minutes=1)
    )
    await talent.consumed(await talent.publish(later))
    assert await matched() == {fits: [candidate_id], needs_years: [], never: []}


async def test_same_rejection_thrice_gives_one_application(talent, ev, auth, unique):
    candidate_id = str(uuid.uuid4())
    event = ev.rejection(candidate_id, skills=[unique("sql")])
    event_id = uuid.uuid4()
    ids = [await talent.publish(event, event_id=event_id) for _ in range(3)]
    # The same rejection re-published by the producer under a new event id, too.
    ids.append(await talent.publish(event))
    await talent.consumed(*ids)
    r = await talent.client.get(f"/api/v1/talents/{candidate_id}", headers=auth("recruiter"))
    assert r.status_code == 200
    body = r.json()
    assert len(body["applications"]) == 1
    assert [h["action"] for h in body["history"]] == ["pooled"]


async def test_stale_position_version_is_ignored(talent, ev, auth, unique):
    new_skill, old_skill = unique("spark"), unique("cobol")
    fits_new, fits_old = str(uuid.uuid4()), str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.rejection(fits_new, skills=[new_skill])),
        await talent.publish(ev.rejection(fits_old, skills=[old_skill])),
    )
    position_id = str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.position(position_id, version=2, required=[new_skill]))
    )
    await talent.consumed(
        await talent.publish(ev.position(position_id, version=1, required=[old_skill]))
    )
    body = await _matches(talent, auth, position_id)
    assert body["position"]["version"] == 2
    assert [m["talent_id"] for m in body["items"]] == [fits_new]


async def test_changed_requirements_rescore_and_closing_keeps_matches(talent, ev, auth, unique):
    a_skill, b_skill = unique("r"), unique("julia")
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.rejection(a, skills=[a_skill])),
        await talent.publish(ev.rejection(b, skills=[b_skill])),
    )
    position_id = str(uuid.uuid4())
    await talent.consumed(await talent.publish(ev.position(position_id, required=[a_skill])))
    first = (await _matches(talent, auth, position_id))["items"][0]
    invited = await talent.client.post(
        f"/api/v1/matches/{first['id']}/invite", headers=auth("recruiter")
    )
    assert invited.status_code == 201
    await talent.consumed(
        await talent.publish(ev.position(position_id, version=2, required=[b_skill]))
    )
    body = await _matches(talent, auth, position_id)
    # The invited match is kept as it was; the others are scored afresh.
    assert {m["talent_id"] for m in body["items"]} == {a, b}
    assert next(m for m in body["items"] if m["talent_id"] == a)["invited_at"] is not None

    await talent.consumed(
        await talent.publish(
            ev.position(position_id, version=3, required=[b_skill], status="closed")
        )
    )
    body = await _matches(talent, auth, position_id)
    assert body["position"]["status"] == "closed"
    assert len(body["items"]) == 2
    other = next(m for m in body["items"] if m["talent_id"] == b)
    r = await talent.client.post(f"/api/v1/matches/{other['id']}/invite", headers=auth("hr_admin"))
    assert r.status_code == 409


async def test_expired_consent_gives_no_match_and_the_sweep_erases_it(talent, ev, auth, unique):
    skill = unique("sas")
    expired, fresh = str(uuid.uuid4()), str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.rejection(expired, skills=[skill], rejected_at=ev.months_ago(25))),
        await talent.publish(ev.rejection(fresh, skills=[skill])),
    )
    position_id = str(uuid.uuid4())
    await talent.consumed(await talent.publish(ev.position(position_id, required=[skill])))
    body = await _matches(talent, auth, position_id)
    assert [m["talent_id"] for m in body["items"]] == [fresh]
    r = await talent.client.get(
        "/api/v1/talents", params={"skill": skill}, headers=auth("hr_admin")
    )
    assert [t["id"] for t in r.json()["items"]] == [fresh]

    async with talent.svc.uow_factory() as uow:
        result = await sweep_expired(uow)
    assert result.erased_profiles >= 1
    async with talent.svc.uow_factory() as uow:
        assert await uow.session.get(TalentProfile, expired) is None
        assert await uow.session.get(TalentProfile, fresh) is not None
        audit = await uow.session.scalar(
            select(ErasureAudit).where(ErasureAudit.talent_id_hash == talent_id_hash(expired))
        )
        assert audit is not None and audit.reason == "talent-pool consent expired"


async def test_a_profile_the_sweep_cannot_erase_holds_back_no_other(
    talent, ev, unique, monkeypatch
):
    # The sweep erased every expired profile in one transaction: one it could not erase
    # rolled back all of them, every sweep, and no one's expired data was erased any more.
    from talent_service.service import erasure

    stuck, gone = str(uuid.uuid4()), str(uuid.uuid4())
    old = ev.months_ago(25)
    await talent.consumed(
        await talent.publish(ev.rejection(stuck, skills=[unique("sas")], rejected_at=old)),
        await talent.publish(ev.rejection(gone, skills=[unique("sas")], rejected_at=old)),
    )
    erase = erasure._erase

    async def failing_for_one(uow, talent_id, **kwargs):
        erased = await erase(uow, talent_id, **kwargs)  # its writes, undone
        if talent_id == stuck:
            raise RuntimeError("a row it trips over")
        return erased

    monkeypatch.setattr(erasure, "_erase", failing_for_one)
    failed = erasure.RETENTION_ERASURES_FAILED._value.get()
    async with talent.svc.uow_factory() as uow:
        result = await sweep_expired(uow)
    assert result.erased_profiles >= 1
    assert erasure.RETENTION_ERASURES_FAILED._value.get() == failed + 1
    async with talent.svc.uow_factory() as uow:
        assert await uow.session.get(TalentProfile, gone) is None
        assert await uow.session.get(TalentProfile, stuck) is not None
        audits = (
            await uow.session.scalars(
                select(ErasureAudit.talent_id_hash).where(
                    ErasureAudit.talent_id_hash.in_([talent_id_hash(stuck), talent_id_hash(gone)])
                )
            )
        ).all()
    assert audits == [talent_id_hash(gone)]  # none for the one not erased
    monkeypatch.undo()
    async with talent.svc.uow_factory() as uow:
        await sweep_expired(uow)  # the next sweep erases it
    async with talent.svc.uow_factory() as uow:
        assert await uow.session.get(TalentProfile, stuck) is None


async def test_erasure_removes_the_person_from_search_and_matches(talent, ev, auth, unique):
    skill = unique("dbt")
    name = unique("Chen")
    candidate_id = str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.rejection(candidate_id, name=name, skills=[skill]))
    )
    position_id = str(uuid.uuid4())
    await talent.consumed(await talent.publish(ev.position(position_id, required=[skill])))
    assert (await _matches(talent, auth, position_id))["total"] == 1

    r = await talent.client.delete(f"/api/v1/talents/{candidate_id}", headers=auth("recruiter"))
    assert r.status_code == 403
    r = await talent.client.delete(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
    assert r.status_code == 204
    assert (await _matches(talent, auth, position_id))["items"] == []
    r = await talent.client.get("/api/v1/talents", params={"q": name}, headers=auth("hr_admin"))
    assert r.json()["items"] == []
    r = await talent.client.get(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
    assert r.status_code == 404
    async with talent.svc.uow_factory() as uow:
        audit = (
            await uow.session.scalars(
                select(ErasureAudit).where(
                    ErasureAudit.talent_id_hash == talent_id_hash(candidate_id)
                )
            )
        ).one()
        # The audit says who and why, nothing about the person.
        assert audit.erased_by == "test-user" and candidate_id not in str(vars(audit))
    r = await talent.client.delete(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
    assert r.status_code == 404


async def test_survey_yes_tags_open_to_contact(talent, ev, auth, unique):
    candidate_id = str(uuid.uuid4())
    name = unique("Wang")
    await talent.consumed(await talent.publish(ev.rejection(candidate_id, name=name)))
    await talent.consumed(
        await talent.publish(ev.feedback(candidate_id, open_to_future_roles=True))
    )
    r = await talent.client.get(f"/api/v1/talents/{candidate_id}", headers=auth("integration"))
    body = r.json()
    assert body["open_to_contact"] is True
    tag = next(t for t in body["tags"] if t["kind"] == "open_to_contact")
    assert tag["source"].startswith("feedback-received:")
    r = await talent.client.get(
        "/api/v1/talents", params={"q": name, "open_to_contact": "true"}, headers=auth("hr_admin")
    )
    assert [t["id"] for t in r.json()["items"]] == [candidate_id]


async def test_evaluation_before_rejection_is_merged_then_pending_is_gone(talent, ev, auth):
    candidate_id = str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(
            ev.evaluation(candidate_id, strengths=["Clear SQL."], scores={"data_analysis": 9})
        )
    )
    async with talent.svc.uow_factory() as uow:
        pending = await uow.session.scalar(
            select(func.count()).where(PendingTag.candidate_id == candidate_id)
        )
    assert pending == 2
    await talent.consumed(await talent.publish(ev.rejection(candidate_id)))
    r = await talent.client.get(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
    assert set(r.json()["strengths"]) >= {"clear sql", "data analysis"}
    async with talent.svc.uow_factory() as uow:
        pending = await uow.session.scalar(
            select(func.count()).where(PendingTag.candidate_id == candidate_id)
        )
    assert pending == 0


async def test_unconsented_rejection_purges_pending_evaluations(talent, ev):
    candidate_id = str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.evaluation(candidate_id, strengths=["calm"], scores={}))
    )
    await talent.consumed(await talent.publish(ev.rejection(candidate_id, consent=False)))

    async def gone() -> bool:
        async with talent.svc.uow_factory() as uow:
            n = await uow.session.scalar(
                select(func.count()).where(PendingTag.candidate_id == candidate_id)
            )
        return n == 0

    assert await eventually(gone, timeout=2)


async def test_a_batch_of_rejections_keeps_their_order(talent, ev, auth, monkeypatch):
    # Rejections that arrive together are applied in one call: those without consent are
    # purged together, but never ahead of a pooling that comes before them: a candidate
    # pooled and then rejected again without consent keeps the strengths that were waiting.
    pooled, others = str(uuid.uuid4()), [str(uuid.uuid4()), str(uuid.uuid4())]
    for candidate_id in (pooled, *others):
        await talent.consumed(
            await talent.publish(
                ev.evaluation(candidate_id, strengths=["Clear SQL."], scores={"sql": 9})
            )
        )
    purges: list[tuple[str, ...]] = []
    purge = PendingTagRepository.purge

    async def counted(self, *candidate_ids: str) -> None:
        purges.append(candidate_ids)
        await purge(self, *candidate_ids)

    monkeypatch.setattr(PendingTagRepository, "purge", counted)
    run = [
        ev.rejection(others[0], consent=False),
        ev.rejection(others[1], consent=False),
        ev.rejection(pooled),
        ev.rejection(pooled, consent=False),
    ]
    source = publisher_source("candidate-rejected")
    await deliver_together(
        talent.svc, [new_event(type="candidate-rejected", source=source, data=p) for p in run]
    )

    assert purges == [tuple(others), (pooled,)]  # one statement a run, in order
    r = await talent.client.get(f"/api/v1/talents/{pooled}", headers=auth("hr_admin"))
    assert r.status_code == 200, r.text
    assert "clear sql" in r.json()["strengths"]
    async with talent.svc.uow_factory() as uow:
        left = await uow.session.scalar(
            select(func.count()).where(PendingTag.candidate_id.in_([pooled, *others]))
        )
        profiles = await uow.session.scalar(
            select(func.count()).where(TalentProfile.id.in_(others))
        )
    assert left == 0
    assert profiles == 0


async def test_a_request_to_be_forgotten_before_the_person_is_pooled_is_kept_and_passed_on(
    talent, ev, auth
):
    # Still in the process (an interviewer's strengths wait for a pooling), the person asks
    # to be forgotten and HR uses the pool's erasure: nothing may be dropped because the
    # pool holds no profile yet.
    candidate_id = str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(
            ev.evaluation(candidate_id, strengths=["Calm under pressure."], scores={"sql": 8})
        )
    )
    async with event_probe(talent.amqp_url, talent.namespace, ["candidate-erased"]) as probe:
        r = await talent.client.delete(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
        assert r.status_code == 204, r.text
        (erased,) = await probe.wait_for(1, timeout=10)
    assert erased.data["candidate_id"] == candidate_id
    async with talent.svc.uow_factory() as uow:
        held = await uow.session.scalar(
            select(func.count()).where(PendingTag.candidate_id == candidate_id)
        )
        audits = await uow.session.scalar(
            select(func.count()).where(ErasureAudit.talent_id_hash == talent_id_hash(candidate_id))
        )
    assert held == 0 and audits == 1
    # Their consented rejection, arriving afterwards, brings nothing back.
    await talent.consumed(await talent.publish(ev.rejection(candidate_id, consent=True)))
    r = await talent.client.get(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
    assert r.status_code == 404
    # Asked again: already erased on request, nothing kept.
    r = await talent.client.delete(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
    assert r.status_code == 404


async def test_erasure_on_request_tells_every_service_but_expiry_does_not(talent, ev, auth):
    asked, expired = str(uuid.uuid4()), str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.rejection(asked)),
        await talent.publish(ev.rejection(expired, rejected_at=ev.months_ago(25))),
    )
    async with event_probe(talent.amqp_url, talent.namespace, ["candidate-erased"]) as probe:
        r = await talent.client.delete(
            f"/api/v1/talents/{asked}",
            params={"reason": "asked by email"},
            headers=auth("hr_admin"),
        )
        assert r.status_code == 204
        async with talent.svc.uow_factory() as uow:
            swept = await sweep_expired(uow)
        assert swept.erased_profiles >= 1
        (erased,) = await probe.wait_for(1, timeout=10)
    assert erased.data["candidate_id"] == asked
    assert erased.data["reason"] == "asked by email"
    # The sweep wrote no event at all (the outbox is where it would be).
    async with talent.svc.uow_factory() as uow:
        about_expired = await uow.session.scalar(
            select(func.count())
            .select_from(outbox)
            .where(outbox.c.envelope["data"]["candidate_id"].astext == expired)
        )
    assert about_expired == 0


async def test_after_an_erasure_on_request_no_event_brings_the_person_back(
    talent, ev, auth, unique
):
    candidate_id = str(uuid.uuid4())
    name = unique("Sun")
    await talent.consumed(await talent.publish(ev.rejection(candidate_id, name=name)))
    r = await talent.client.delete(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
    assert r.status_code == 204

    # A retried rejection, an evaluation and a survey answer, all from before the erasure.
    await talent.consumed(
        await talent.publish(ev.rejection(candidate_id, name=name)),
        await talent.publish(
            ev.evaluation(candidate_id, strengths=["Clear SQL."], scores={"data_analysis": 9})
        ),
        await talent.publish(ev.feedback(candidate_id, open_to_future_roles=True)),
    )
    r = await talent.client.get(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
    assert r.status_code == 404
    r = await talent.client.get("/api/v1/talents", params={"q": name}, headers=auth("hr_admin"))
    assert r.json()["items"] == []
    async with talent.svc.uow_factory() as uow:
        pending = await uow.session.scalar(
            select(func.count()).where(PendingTag.candidate_id == candidate_id)
        )
    assert pending == 0

    # Nor one dated after it: recruiting may reject their open application before it has
    # applied the erasure, and it never uses this candidate id again.
    later = utcnow() + timedelta(seconds=1)
    await talent.consumed(
        await talent.publish(ev.rejection(candidate_id, name=name, rejected_at=later))
    )
    r = await talent.client.get(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
    assert r.status_code == 404


async def test_after_an_expiry_only_older_events_are_ignored(talent, ev, auth, unique):
    candidate_id = str(uuid.uuid4())
    old = ev.rejection(candidate_id, skills=[unique("spss")], rejected_at=ev.months_ago(25))
    await talent.consumed(await talent.publish(old))
    async with talent.svc.uow_factory() as uow:
        await sweep_expired(uow)
    # The expired consent's own rejection, delivered again, brings nothing back...
    await talent.consumed(await talent.publish(old))
    r = await talent.client.get(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
    assert r.status_code == 404
    # ...but a new rejection with fresh consent pools the person anew.
    fresh = ev.rejection(candidate_id, rejected_at=utcnow() + timedelta(seconds=1))
    await talent.consumed(await talent.publish(fresh))
    r = await talent.client.get(f"/api/v1/talents/{candidate_id}", headers=auth("hr_admin"))
    assert r.status_code == 200


async def test_an_erasure_requested_elsewhere_erases_here_and_is_not_announced_again(
    talent, ev, auth
):
    pooled, never_pooled = str(uuid.uuid4()), str(uuid.uuid4())
    await talent.consumed(await talent.publish(ev.rejection(pooled)))
    await talent.consumed(
        *[
            await talent.publish(
                CandidateErased(candidate_id=c, erased_at=utcnow(), reason="asked HR by phone")
            )
            for c in (pooled, never_pooled)
        ]
    )
    r = await talent.client.get(f"/api/v1/talents/{pooled}", headers=auth("hr_admin"))
    assert r.status_code == 404
    async with talent.svc.uow_factory() as uow:
        announced = await uow.session.scalar(
            select(func.count())
            .select_from(outbox)
            .where(outbox.c.event_type == "candidate-erased")
            .where(outbox.c.envelope["data"]["candidate_id"].astext.in_([pooled, never_pooled]))
        )
    assert announced == 0
    # Neither is pooled by a rejection that recruiting sends after the erasure.
    later = utcnow() + timedelta(seconds=1)
    await talent.consumed(
        *[await talent.publish(ev.rejection(c, rejected_at=later)) for c in (pooled, never_pooled)]
    )
    for c in (pooled, never_pooled):
        r = await talent.client.get(f"/api/v1/talents/{c}", headers=auth("hr_admin"))
        assert r.status_code == 404


async def test_a_survey_no_leaves_matching_invitations_and_reminders(talent, ev, auth, unique):
    # The candidate said in the survey they are not open to future roles: HR may not invite
    # them (one by one or in bulk), new openings do not count them, reminders skip them.
    # A later "yes" brings them back; an earlier answer delivered late changes nothing.
    skill = unique("sql")
    person = str(uuid.uuid4())
    await talent.consumed(
        await talent.publish(ev.rejection(person, skills=[skill], rejected_at=ev.months_ago(7)))
    )
    before = str(uuid.uuid4())
    await talent.consumed(await talent.publish(ev.position(before, required=[skill])))

    recruiter = auth("recruiter")
    (match,) = await talent.matches(before, recruiter)
    assert person in await talent.due(recruiter)
    answered = utcnow()
    # The question left unanswered is not a no.
    await talent.consumed(
        await talent.publish(ev.feedback(person, open_to_future_roles=None, answered_at=answered))
    )
    assert [m["id"] for m in await talent.matches(before, recruiter)] == [match["id"]]
    await talent.consumed(
        await talent.publish(ev.feedback(person, open_to_future_roles=False, answered_at=answered))
    )
    r = await talent.client.get(f"/api/v1/talents/{person}", headers=auth("recruiter"))
    assert r.json()["declined_contact_at"] is not None
    assert "not open to future roles" in [h["detail"] for h in r.json()["history"]]
    r = await talent.client.post(f"/api/v1/matches/{match['id']}/invite", headers=auth("hr_admin"))
    assert r.status_code in (404, 409), r.text
    assert await talent.matches(before, recruiter) == []
    r = await talent.client.post(
        f"/api/v1/positions/{before}/matches/invite",
        json={"min_score": 0},
        headers=auth("hr_admin"),
    )
    assert r.status_code == 200 and r.json()["invited"] == [], r.text
    after = str(uuid.uuid4())
    async with event_probe(talent.amqp_url, talent.namespace, ["matches-found"]) as probe:
        await talent.consumed(await talent.publish(ev.position(after, required=[skill])))
        await probe.settle(1.0)
        assert about(probe, "matches-found", f"positions/{after}") == []
    assert person not in await talent.due(recruiter)

    # A "yes" given before the "no", delivered late: the later answer stands.
    await talent.consumed(
        await talent.publish(
            ev.feedback(
                person, open_to_future_roles=True, answered_at=answered - timedelta(hours=1)
            )
        )
    )
    assert await talent.matches(after, recruiter) == []
    r = await talent.client.get(f"/api/v1/talents/{person}", headers=auth("recruiter"))
    assert r.json()["declined_contact_at"] is not None and r.json()["open_to_contact"] is False

    # They change their mind: matched again, and due again.
    await talent.consumed(
        await talent.publish(
            ev.feedback(
                person, open_to_future_roles=True, answered_at=answered + timedelta(hours=1)
            )
        )
    )
    assert [m["talent_id"] for m in await talent.matches(after, recruiter)] == [person]
    assert person in await talent.due(recruiter)
    r = await talent.client.get(f"/api/v1/talents/{person}", headers=auth("recruiter"))
    assert r.json()["declined_contact_at"] is None and r.json()["open_to_contact"] is True
