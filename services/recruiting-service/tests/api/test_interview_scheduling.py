"""Issue 15: interviews people can attend — a panel from the staff directory, reschedule
and cancel, clashes, an interviewer's own upcoming interviews, and the events notify
needs to invite everyone."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from talentloop_shared.events.payloads import PersonRef, PositionOwners
from talentloop_shared.testing.harness import event_probe

INTERVIEW_EVENTS = ["interview-scheduled", "interview-rescheduled", "interview-cancelled"]


def _at(days: int, hour: int = 9) -> str:
    """A time `days` from now at `hour`:00 UTC (tests move no clock here)."""
    day = datetime.now(UTC).date() + timedelta(days=days)
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC).isoformat()


async def _setting(recruiting, **candidate: Any) -> dict[str, Any]:
    """An application at screening, a panel of two from the directory (technical and
    business), and the position's recruiter."""
    panel = recruiting.Panel()
    recruiter = PersonRef(id=str(uuid.uuid4()), name="Zhao Min", email="zhao@acme.example")
    position_id = await recruiting.new_opening(
        panel=panel,
        titles={"zh-CN": "市场经理"},
        owners=PositionOwners(recruiter=recruiter),
    )
    tech, biz = await recruiting.staff(
        recruiting.member(
            "Wang Fang", org_unit_id=panel.technical, locale="zh-CN", timezone="Asia/Shanghai"
        ),
        recruiting.member("Anna Berg", org_unit_id=panel.business, timezone="Europe/Berlin"),
    )
    person = await recruiting.candidate(**candidate)
    application = await recruiting.apply(person["id"], position_id)
    return {
        "application": application,
        "candidate": person,
        "panel": panel,
        "tech": tech,
        "biz": biz,
        "position_id": position_id,
    }


async def _schedule(recruiting, application_id: str, **body: Any):
    return await recruiting.svc.client.post(
        f"/api/v1/applications/{application_id}/interviews", headers=recruiting.hr, json=body
    )


async def test_scheduling_a_panel_invites_everyone_by_name_and_address(
    recruiting, amqp_url
) -> None:
    s = await _setting(recruiting)
    start = _at(3)
    async with event_probe(amqp_url, recruiting.ns, INTERVIEW_EVENTS) as probe:
        r = await _schedule(
            recruiting,
            s["application"]["id"],
            panel=[s["tech"]["id"], s["biz"]["id"]],
            start=start,
            duration_minutes=45,
            video_url="https://meet.example.com/abc-def",
            notes_for_candidate="请提前10分钟上线",
        )
        assert r.status_code == 201, r.text
        (event,) = await probe.wait_for(1)
    interview = r.json()
    assert r.headers["etag"] == '"1"'
    assert interview["status"] == "scheduled" and interview["sequence"] == 0
    assert [p["name"] for p in interview["panel"]] == ["Wang Fang", "Anna Berg"]
    assert [p["dimensions"][0]["key"] for p in interview["panel"]] == ["technical", "business"]
    assert {d["key"] for d in interview["dimensions"]} == {"technical", "business"}
    assert (await recruiting.application(s["application"]["id"]))["status"] == "interviewing"

    data = event.data
    assert event.type == "interview-scheduled"
    assert data["interview_id"] == interview["id"] and data["sequence"] == 0
    assert data["start"].startswith(start[:19]) and data["duration_minutes"] == 45
    assert data["video_url"] == "https://meet.example.com/abc-def"
    assert data["notes_for_candidate"] == "请提前10分钟上线"
    assert data["candidate"]["email"] == s["candidate"]["email"]
    assert data["candidate"]["locale"] == "zh-CN"
    assert data["candidate"]["timezone"] == "Asia/Shanghai"
    assert [(p["name"], p["email"], p["locale"], p["timezone"]) for p in data["panel"]] == [
        ("Wang Fang", s["tech"]["email"], "zh-CN", "Asia/Shanghai"),
        ("Anna Berg", s["biz"]["email"], "en", "Europe/Berlin"),
    ]
    assert data["position"]["title"] == "Marketing Manager"
    assert data["position"]["titles"] == {"zh-CN": "市场经理"}
    assert data["position"]["owners"]["recruiter"]["email"] == "zhao@acme.example"


async def test_an_interviewer_outside_the_directory_is_a_panel_of_one(recruiting, amqp_url) -> None:
    s = await _setting(recruiting)
    async with event_probe(amqp_url, recruiting.ns, ["interview-scheduled"]) as probe:
        by_id = await _schedule(
            recruiting,
            s["application"]["id"],
            interviewer_id="iv-legacy",
            department_id=s["panel"].technical,
            scheduled_at=_at(4),
        )
        by_email = await _schedule(
            recruiting,
            s["application"]["id"],
            interviewer_id="guest.panelist@partner.example",
            department_id=s["panel"].culture,
            scheduled_at=_at(4, 11),
        )
        events = await probe.wait_for(2)
    assert by_id.status_code == 201 and by_email.status_code == 201, by_email.text
    assert by_id.json()["interviewer_id"] == "iv-legacy"
    panels = {e.data["interview_id"]: e.data["panel"] for e in events}
    # Invited only where an address is known.
    assert panels[by_id.json()["id"]] == [
        {"person_id": None, "name": "iv-legacy", "email": None, "locale": "en", "timezone": "UTC"}
    ]
    assert panels[by_email.json()["id"]][0]["email"] == "guest.panelist@partner.example"


async def test_reschedule_keeps_the_interview_and_raises_the_sequence(recruiting, amqp_url) -> None:
    s = await _setting(recruiting)
    first = _at(5)
    created = await _schedule(
        recruiting,
        s["application"]["id"],
        panel=[s["tech"]["id"], s["biz"]["id"]],
        start=first,
        location="Shanghai HQ, room 3",
    )
    interview = created.json()
    url = f"/api/v1/interviews/{interview['id']}"
    moved_to = _at(6, 14)
    async with event_probe(amqp_url, recruiting.ns, INTERVIEW_EVENTS) as probe:
        r = await recruiting.svc.client.patch(
            url,
            headers={**recruiting.hr, "If-Match": created.headers["etag"]},
            json={"start": moved_to, "panel": [s["tech"]["id"]]},
        )
        assert r.status_code == 200, r.text
        (event,) = await probe.wait_for(1)
        stale = await recruiting.svc.client.patch(
            url,
            headers={**recruiting.hr, "If-Match": created.headers["etag"]},
            json={"duration_minutes": 30},
        )
        # Nothing changes: nothing is published, the sequence stays.
        same = await recruiting.svc.client.patch(
            url, headers=recruiting.hr, json={"location": "Shanghai HQ, room 3"}
        )
        await probe.settle()
        assert len(probe.events) == 1
    assert stale.status_code == 412
    assert same.status_code == 200 and same.json()["sequence"] == 1
    body = r.json()
    assert body["id"] == interview["id"] and body["sequence"] == 1 and body["version"] == 2
    assert r.headers["etag"] == '"2"'
    assert [p["name"] for p in body["panel"]] == ["Wang Fang"]
    assert event.type == "interview-rescheduled"
    assert event.data["interview_id"] == interview["id"]
    assert event.data["sequence"] == 1
    assert event.data["previous_start"].startswith(first[:19])
    assert event.data["start"].startswith(moved_to[:19])
    assert event.data["location"] == "Shanghai HQ, room 3"
    assert [a["name"] for a in event.data["removed"]] == ["Anna Berg"]


async def test_cancel_tells_everyone_and_frees_the_slot(recruiting, amqp_url) -> None:
    s = await _setting(recruiting)
    start = _at(7)
    created = await _schedule(
        recruiting, s["application"]["id"], panel=[s["tech"]["id"]], start=start
    )
    interview = created.json()
    async with event_probe(amqp_url, recruiting.ns, ["interview-cancelled"]) as probe:
        r = await recruiting.svc.client.post(
            f"/api/v1/interviews/{interview['id']}/cancel",
            headers=recruiting.hr,
            json={"reason": "the hiring manager is travelling"},
        )
        assert r.status_code == 200, r.text
        (event,) = await probe.wait_for(1)
    assert r.json()["status"] == "cancelled" and r.json()["sequence"] == 1
    assert event.data["interview_id"] == interview["id"]
    assert event.data["reason"] == "the hiring manager is travelling"
    assert event.data["sequence"] == 1
    assert event.data["panel"][0]["email"] == s["tech"]["email"]
    again = await recruiting.svc.client.post(
        f"/api/v1/interviews/{interview['id']}/cancel", headers=recruiting.hr
    )
    assert again.status_code == 409
    moved = await recruiting.svc.client.patch(
        f"/api/v1/interviews/{interview['id']}", headers=recruiting.hr, json={"start": _at(8)}
    )
    assert moved.status_code == 409
    # The slot is free again.
    rebooked = await _schedule(
        recruiting, s["application"]["id"], panel=[s["tech"]["id"]], start=start
    )
    assert rebooked.status_code == 201, rebooked.text


async def test_a_double_booked_panel_member_is_a_409_naming_the_clash(recruiting) -> None:
    s = await _setting(recruiting)
    other = await _setting(recruiting)
    booked = await _schedule(
        recruiting,
        s["application"]["id"],
        panel=[s["tech"]["id"]],
        start=_at(9, 9),
        duration_minutes=60,
    )
    assert booked.status_code == 201
    # The same person, on another candidate's panel, half an hour later.
    clash = await _schedule(
        recruiting,
        other["application"]["id"],
        panel=[{"person_id": s["tech"]["id"], "department_id": other["panel"].technical}],
        start=_at(9, 9).replace("09:00:00", "09:30:00"),
    )
    assert clash.status_code == 409, clash.text
    problem = clash.json()
    assert problem["type"].endswith("interview-clash")
    assert booked.json()["id"] in problem["detail"] and "Wang Fang" in problem["detail"]
    assert problem["clashes"][0]["interview_id"] == booked.json()["id"]
    # Right after it is fine, and so is an overlap HR asks for.
    after = await _schedule(
        recruiting,
        other["application"]["id"],
        panel=[{"person_id": s["tech"]["id"], "department_id": other["panel"].technical}],
        start=_at(9, 10),
    )
    assert after.status_code == 201, after.text
    allowed = await _schedule(
        recruiting,
        other["application"]["id"],
        panel=[{"person_id": s["tech"]["id"], "department_id": other["panel"].technical}],
        start=_at(9, 9),
        allow_overlap=True,
    )
    assert allowed.status_code == 201, allowed.text
    # Moving an interview onto a booked slot clashes too.
    moved = await recruiting.svc.client.patch(
        f"/api/v1/interviews/{after.json()['id']}",
        headers=recruiting.hr,
        json={"start": _at(9, 9).replace("09:00:00", "09:15:00")},
    )
    assert moved.status_code == 409


async def test_my_interviews_lists_upcoming_seats_and_past_ones_i_have_not_scored(
    recruiting,
) -> None:
    s = await _setting(recruiting, name="Chen Jie")
    client = recruiting.svc.client
    upcoming = await _schedule(
        recruiting, s["application"]["id"], panel=[s["tech"]["id"], s["biz"]["id"]], start=_at(2)
    )
    cancelled = await _schedule(
        recruiting, s["application"]["id"], panel=[s["biz"]["id"]], start=_at(3)
    )
    await client.post(f"/api/v1/interviews/{cancelled.json()['id']}/cancel", headers=recruiting.hr)
    past = await _schedule(
        recruiting, s["application"]["id"], panel=[s["biz"]["id"]], start=_at(-2)
    )
    assert past.status_code == 201

    biz = recruiting.auth("interviewer", sub=s["biz"]["subject"])
    mine = await client.get("/api/v1/my/interviews", headers=biz)
    assert mine.status_code == 200, mine.text
    # The interview two days ago is still mine: I owe its scorecard (the cancelled one is not).
    owed, item = mine.json()["items"]
    assert owed["interview_id"] == past.json()["id"] and owed["submitted"] is False
    assert item["candidate_name"] == "Chen Jie"
    assert item["position_title"] == "Marketing Manager"
    assert [d["key"] for d in item["dimensions"]] == ["business"]
    assert item["panel"] == ["Wang Fang", "Anna Berg"] and item["submitted"] is False

    # Scored, the past one leaves my list; the upcoming one, scored early, stays until it ends.
    for interview in (past, upcoming):
        scored = await client.post(
            f"/api/v1/interviews/{interview.json()['id']}/evaluation",
            headers=biz,
            json={"scores": [{"dimension": "business", "score": 7}], "recommendation": "hire"},
        )
        assert scored.status_code == 201, scored.text
    after = (await client.get("/api/v1/my/interviews", headers=biz)).json()["items"]
    assert [(i["interview_id"], i["submitted"]) for i in after] == [(upcoming.json()["id"], True)]
    # A past interview of a decided application is not asked for any more.
    unscored_past = await _schedule(
        recruiting, s["application"]["id"], panel=[s["tech"]["id"]], start=_at(-1)
    )
    tech = recruiting.auth("interviewer", sub=s["tech"]["subject"])
    listed = (await client.get("/api/v1/my/interviews", headers=tech)).json()["items"]
    assert unscored_past.json()["id"] in [i["interview_id"] for i in listed]
    rejected = await client.post(
        f"/api/v1/applications/{s['application']['id']}/reject", headers=recruiting.hr, json={}
    )
    assert rejected.status_code == 200, rejected.text
    listed = (await client.get("/api/v1/my/interviews", headers=tech)).json()["items"]
    assert unscored_past.json()["id"] not in [i["interview_id"] for i in listed]
    held = await client.get(
        f"/api/v1/interviews/{unscored_past.json()['id']}", headers=recruiting.hr
    )
    assert held.json()["status"] == "scheduled"  # it took place; only the decision ended it

    stranger = await client.get(
        "/api/v1/my/interviews", headers=recruiting.auth("interviewer", sub="nobody-known")
    )
    assert stranger.status_code == 404
    # The directory's person also finds the interview by its id.
    seen = await client.get(
        f"/api/v1/interviews/{upcoming.json()['id']}",
        headers=recruiting.auth("interviewer", sub=s["tech"]["subject"]),
    )
    assert seen.status_code == 200


async def test_each_panel_member_scores_their_own_dimensions(recruiting) -> None:
    s = await _setting(recruiting)
    client = recruiting.svc.client
    interview = (
        await _schedule(
            recruiting,
            s["application"]["id"],
            panel=[s["tech"]["id"], s["biz"]["id"]],
            start=_at(-1),
        )
    ).json()
    url = f"/api/v1/interviews/{interview['id']}/evaluation"
    wang = recruiting.auth("interviewer", sub=s["tech"]["subject"])
    anna = recruiting.auth("interviewer", sub=s["biz"]["subject"])
    wrong = await client.post(
        url,
        headers=wang,
        json={"scores": [{"dimension": "business", "score": 7}], "recommendation": "hire"},
    )
    assert wrong.status_code == 422
    r = await client.post(
        url,
        headers=wang,
        json={"scores": [{"dimension": "technical", "score": 8}], "recommendation": "hire"},
    )
    assert r.status_code == 201, r.text
    assert r.json()["interviewer_id"] == s["tech"]["id"]
    card = await client.get(
        f"/api/v1/applications/{s['application']['id']}/scorecard", headers=recruiting.hr
    )
    assert card.json()["panel_complete"] is False
    assert card.json()["awaiting"] == [s["biz"]["id"]]
    twice = await client.post(
        url,
        headers=wang,
        json={"scores": [{"dimension": "technical", "score": 9}], "recommendation": "hire"},
    )
    assert twice.status_code == 409
    outsider = await client.post(
        url,
        headers=recruiting.auth("interviewer", sub="someone-else"),
        json={"scores": [{"dimension": "technical", "score": 9}], "recommendation": "hire"},
    )
    assert outsider.status_code == 403
    r = await client.post(
        url,
        headers=anna,
        json={"scores": [{"dimension": "business", "score": 7}], "recommendation": "hire"},
    )
    assert r.status_code == 201, r.text
    card = await client.get(
        f"/api/v1/applications/{s['application']['id']}/scorecard", headers=recruiting.hr
    )
    assert card.json()["panel_complete"] is True and card.json()["composite"] is not None
    # A member who scored stays on the panel; a scored interview cannot be cancelled.
    dropped = await client.patch(
        f"/api/v1/interviews/{interview['id']}",
        headers=recruiting.hr,
        json={"panel": [s["tech"]["id"]]},
    )
    assert dropped.status_code == 409
    cancel = await client.post(
        f"/api/v1/interviews/{interview['id']}/cancel", headers=recruiting.hr
    )
    assert cancel.status_code == 409


async def test_a_panel_member_reads_only_their_own_scorecard_and_an_outsider_learns_nothing(
    recruiting,
) -> None:
    s = await _setting(recruiting)
    client = recruiting.svc.client
    interview = (
        await _schedule(
            recruiting,
            s["application"]["id"],
            panel=[s["tech"]["id"], s["biz"]["id"]],
            start=_at(-1),
        )
    ).json()
    wang = recruiting.auth("interviewer", sub=s["tech"]["subject"])
    anna = recruiting.auth("interviewer", sub=s["biz"]["subject"])
    scored = await client.post(
        f"/api/v1/interviews/{interview['id']}/evaluation",
        headers=wang,
        json={
            "scores": [{"dimension": "technical", "score": 3, "comment": "weak SQL"}],
            "concerns": ["vague about the last project"],
            "recommendation": "no_hire",
        },
    )
    assert scored.status_code == 201, scored.text
    # Anna has not scored: she sees that Wang has, never what he wrote (the panel scores
    # independently), on the interview and in the list; HR sees every scorecard.
    one = await client.get(f"/api/v1/interviews/{interview['id']}", headers=anna)
    listed = await client.get(
        "/api/v1/interviews", params={"application_id": s["application"]["id"]}, headers=anna
    )
    for seen in (one.json(), listed.json()["items"][0]):
        assert seen["evaluations"] == [] and seen["evaluation"] is None
        assert {m["member_id"]: m["submitted"] for m in seen["panel"]} == {
            s["tech"]["id"]: True,
            s["biz"]["id"]: False,
        }
    assert "weak SQL" not in one.text + listed.text
    mine = await client.get(f"/api/v1/interviews/{interview['id']}", headers=wang)
    assert [e["recommendation"] for e in mine.json()["evaluations"]] == ["no_hire"]
    hr = await client.get(f"/api/v1/interviews/{interview['id']}", headers=recruiting.hr)
    assert [e["interviewer_id"] for e in hr.json()["evaluations"]] == [s["tech"]["id"]]

    # Someone off the panel is refused before anything else is said: not who sits on it
    # (naming a member or nobody), whatever the candidate's state.
    outsider = recruiting.auth("interviewer", sub="not-on-this-panel")
    for named in ({}, {"interviewer_id": s["biz"]["id"]}, {"interviewer_id": "nobody"}):
        r = await client.post(
            f"/api/v1/interviews/{interview['id']}/evaluation",
            headers=outsider,
            json={"scores": [{"dimension": "business", "score": 7}], "recommendation": "hire"}
            | named,
        )
        assert r.status_code == 403, r.text
        assert s["tech"]["id"] not in r.text and s["biz"]["id"] not in r.text
    # A member naming another member's seat is refused the same way.
    r = await client.post(
        f"/api/v1/interviews/{interview['id']}/evaluation",
        headers=anna,
        json={
            "scores": [{"dimension": "technical", "score": 9}],
            "recommendation": "hire",
            "interviewer_id": s["tech"]["id"],
        },
    )
    assert r.status_code == 403
    await recruiting.svc.client.delete(
        f"/api/v1/candidates/{s['candidate']['id']}", headers=recruiting.auth("hr_admin")
    )
    r = await client.post(
        f"/api/v1/interviews/{interview['id']}/evaluation",
        headers=outsider,
        json={"scores": [{"dimension": "business", "score": 7}], "recommendation": "hire"},
    )
    assert r.status_code == 403


async def test_scheduling_input_is_checked(recruiting) -> None:
    s = await _setting(recruiting)
    app_id = s["application"]["id"]
    cases = [
        {"start": _at(1)},  # nobody on the panel
        {"panel": [s["tech"]["id"]], "interviewer_id": "x", "start": _at(1)},
        {"panel": [s["tech"]["id"]]},  # no time
        {"panel": [s["tech"]["id"]], "start": "2026-12-01T09:00:00"},  # no offset
        {"panel": [s["tech"]["id"], s["tech"]["id"]], "start": _at(1)},
        {"panel": [s["tech"]["id"]], "start": _at(1), "duration_minutes": 0},
        {"panel": [s["tech"]["id"]], "start": _at(1), "video_url": "javascript:alert(1)"},
        # An invisible character disguises where the link goes in the invitation.
        {
            "panel": [s["tech"]["id"]],
            "start": _at(1),
            "video_url": "https://meet.example/\u200bexe",
        },
        {"panel": [s["tech"]["id"]], "start": _at(1), "video_url": "https://meet.example/a\tb"},
        {"panel": ["not-in-directory"], "start": _at(1)},  # no department to score for
        {"panel": [s["tech"]["id"]], "start": "9999-12-31T23:30:00Z", "duration_minutes": 60},
    ]
    for body in cases:
        r = await _schedule(recruiting, app_id, **body)
        assert r.status_code == 422, (body, r.text)
    # A year typed wrong (2062 for 2026) is named, not booked: the invitation would go out.
    typo = await _schedule(recruiting, app_id, panel=[s["tech"]["id"]], start=_at(3 * 365))
    assert typo.status_code == 422 and "is the year right?" in typo.text
    # A right-to-left override would show "exe.gpj" as "jpg.exe": it is dropped (as from
    # every text kept), and the invitation shows where the link really goes.
    booked = await _schedule(
        recruiting,
        app_id,
        panel=[s["tech"]["id"]],
        start=_at(700),
        video_url="https://meet.example/\u202egpj.exe",
    )
    assert booked.status_code == 201, booked.text
    assert booked.json()["video_url"] == "https://meet.example/gpj.exe"
    gone = await recruiting.staff(
        recruiting.member("Left Company", org_unit_id=s["panel"].culture, active=False)
    )
    r = await _schedule(recruiting, app_id, panel=[gone[0]["id"]], start=_at(1))
    assert r.status_code == 422 and "deactivated" in r.text
