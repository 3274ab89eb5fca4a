"""matches-found: HR hears once that pooled people match a new or changed opening."""

from __future__ import annotations

import uuid

from talent_testkit import about, owner, wait_about

from talentloop_shared.events.payloads import MatchesFound
from talentloop_shared.testing.harness import event_probe


async def _pool(talent, ev, *people: tuple[str, list[str], float]) -> None:
    """Pool consented candidates: (id, skills, years)."""
    await talent.consumed(
        *[
            await talent.publish(ev.rejection(pid, skills=skills, years=years, name=f"N {pid[:4]}"))
            for pid, skills, years in people
        ]
    )


async def test_a_new_opening_that_matches_the_pool_is_announced_once(talent, ev, unique):
    sql, python, excel = unique("sql"), unique("python"), unique("excel")
    people = [str(uuid.uuid4()) for _ in range(7)]
    await _pool(
        talent,
        ev,
        *[(pid, [sql, python] if i < 3 else [sql], 10 - i) for i, pid in enumerate(people)],
    )
    recruiter, manager = owner("Wang Fang"), owner("Li Lei", locale="en")
    position_id = str(uuid.uuid4())
    opening = ev.position(
        position_id,
        title="Data Analyst",
        required=[sql, python],
        preferred=[excel],
        min_years=2,
        owners={"recruiter": recruiter, "hiring_manager": manager},
    )
    async with event_probe(talent.amqp_url, talent.namespace, ["matches-found"]) as probe:
        first = await talent.publish(opening)
        # The same snapshot again (a retry under a new event id): nothing new to say.
        again = await talent.publish(opening)
        await talent.consumed(first, again)
        subject = f"positions/{position_id}"
        [event] = await wait_about(probe, 1, "matches-found", subject)
        await probe.settle(1.0)
        assert len(about(probe, "matches-found", subject)) == 1

    assert event.source == "/talent-service"
    assert event.subject == f"positions/{position_id}"
    found = MatchesFound.model_validate(event.data)
    assert found.position.id == position_id
    assert found.position.version == 1
    assert found.position.title == "Data Analyst"
    assert found.position.owners is not None
    assert found.position.owners.recruiter is not None
    assert found.position.owners.recruiter.email == recruiter["email"]
    assert found.position.owners.recruiter.locale == "zh-CN"
    assert found.position.owners.hiring_manager is not None
    assert found.position.owners.hiring_manager.name == "Li Lei"
    assert found.count == 7
    # The best five, as GET /positions/{id}/matches ranks them, each explained.
    assert [m.talent_id for m in found.top] == people[:5]
    assert found.top[0].name == f"N {people[0][:4]}"
    assert found.top[0].score > found.top[4].score
    assert found.top[0].explanation.startswith("2 of 2 required skills; 10 years ≥ 2")


async def test_re_scores_announce_only_people_hr_was_not_told_about(talent, ev, unique):
    sql, go = unique("sql"), unique("go")
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    await _pool(talent, ev, (a, [sql], 5), (b, [sql, go], 5))
    position_id = str(uuid.uuid4())
    subject = f"positions/{position_id}"
    async with event_probe(talent.amqp_url, talent.namespace, ["matches-found"]) as probe:
        await talent.consumed(await talent.publish(ev.position(position_id, required=[sql])))
        await wait_about(probe, 1, "matches-found", subject)

        # A move or a new headcount: nothing matching reads changed, nothing is re-scored.
        await talent.consumed(
            await talent.publish(
                ev.position(position_id, version=2, required=[sql], headcount=3, change="moved")
            )
        )
        # New requirements that find the same two people: re-scored, but nobody new.
        await talent.consumed(
            await talent.publish(
                ev.position(position_id, version=3, required=[sql], preferred=[go])
            )
        )
        # Someone pooled later is matched at once, and announced with the next scoring.
        await _pool(talent, ev, (c, [sql], 5))
        await talent.consumed(
            await talent.publish(ev.position(position_id, version=4, required=[sql, go]))
        )
        events = await wait_about(probe, 2, "matches-found", subject)
        await probe.settle(1.0)
        assert len(about(probe, "matches-found", subject)) == 2

    first, second = (MatchesFound.model_validate(e.data) for e in events)
    assert first.position.version == 1 and first.count == 2
    assert second.position.version == 4 and second.count == 3
    # b has both skills; a and c one each, ranked by id at equal score and experience.
    assert [m.talent_id for m in second.top] == [b, *sorted([a, c])]


async def test_an_opening_nobody_matches_announces_nothing(talent, ev, unique):
    position_id = str(uuid.uuid4())
    async with event_probe(talent.amqp_url, talent.namespace, ["matches-found"]) as probe:
        await talent.consumed(
            await talent.publish(ev.position(position_id, required=[unique("cobol")]))
        )
        await probe.settle(1.0)
        assert about(probe, "matches-found", f"positions/{position_id}") == []


async def test_matches_found_carries_the_owners_of_the_latest_snapshot(talent, ev, unique):
    skill = unique("tableau")
    await _pool(talent, ev, (str(uuid.uuid4()), [skill], 3))
    position_id = str(uuid.uuid4())
    old, new = owner("Old Owner"), owner("New Owner")
    async with event_probe(talent.amqp_url, talent.namespace, ["matches-found"]) as probe:
        await talent.consumed(
            await talent.publish(
                ev.position(position_id, status="closed", owners={"recruiter": old})
            ),
            await talent.publish(
                ev.position(position_id, version=2, status="closed", owners={"recruiter": new})
            ),
        )
        await talent.consumed(
            await talent.publish(
                ev.position(position_id, version=3, required=[skill], owners={"recruiter": new})
            )
        )
        [event] = await wait_about(probe, 1, "matches-found", f"positions/{position_id}")
    found = MatchesFound.model_validate(event.data)
    assert found.position.owners is not None and found.position.owners.recruiter is not None
    assert found.position.owners.recruiter.name == "New Owner"


async def test_a_re_score_keeps_the_ids_of_matches_found_again(talent, ev, auth, unique):
    sql, go = unique("sql"), unique("go")
    stays, leaves = str(uuid.uuid4()), str(uuid.uuid4())
    await _pool(talent, ev, (stays, [sql, go], 5), (leaves, [sql], 5))
    position_id = str(uuid.uuid4())

    async def ids() -> dict[str, str]:
        r = await talent.client.get(
            f"/api/v1/positions/{position_id}/matches", headers=auth("recruiter")
        )
        assert r.status_code == 200, r.text
        return {m["talent_id"]: m["id"] for m in r.json()["items"]}

    await talent.consumed(await talent.publish(ev.position(position_id, required=[sql])))
    before = await ids()
    await talent.consumed(await talent.publish(ev.position(position_id, version=2, required=[go])))
    after = await ids()
    assert after == {stays: before[stays]}
