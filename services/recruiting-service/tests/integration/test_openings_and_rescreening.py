"""S1: position-changed reaches screening; re-screening on requirement changes."""

from __future__ import annotations

import uuid

from talentloop_shared.events.payloads import Requirements
from talentloop_shared.testing.plugin import eventually

EAST_CHINA = Requirements(
    min_years_experience=5,
    required_skills=["live-stream marketing", "East China FMCG market"],
    industries=["FMCG"],
)


async def test_s1_screening_and_rescreening_on_new_requirements(recruiting) -> None:
    position_id = await recruiting.new_opening()
    opening = await recruiting.opening(position_id)
    assert opening["requirements"]["min_years_experience"] == 5
    assert opening["status"] == "open"

    junior = await recruiting.candidate(years_experience=3)
    senior = await recruiting.candidate(years_experience=7)
    interviewing = await recruiting.candidate(years_experience=8)
    out = await recruiting.apply(junior["id"], position_id)
    ok = await recruiting.apply(senior["id"], position_id)
    busy = await recruiting.apply(interviewing["id"], position_id)

    assert out["status"] == "screened_out"
    assert out["screening"]["passed"] is False
    assert out["screening"]["unmet"] == [
        {"requirement": "min_years_experience", "expected": 5, "actual": 3}
    ]
    assert out["screening"]["position_version"] == 1
    assert ok["status"] == "screening" and ok["screening"]["passed"] is True
    assert ok["screening"]["unmet"] == []

    r = await recruiting.svc.client.post(
        f"/api/v1/applications/{busy['id']}/advance", headers=recruiting.hr
    )
    assert r.status_code == 200 and r.json()["status"] == "interviewing"

    # Restructure: the job now needs the East China FMCG market.
    await recruiting.publish_position(recruiting.position(position_id, 2, requirements=EAST_CHINA))
    await recruiting.wait_opening(position_id, 2)

    ok_after = await recruiting.application(ok["id"])
    out_after = await recruiting.application(out["id"])
    busy_after = await recruiting.application(busy["id"])

    assert ok_after["status"] == "screened_out"
    assert ok_after["screening"]["position_version"] == 2
    assert ok_after["screening"]["unmet"] == [
        {
            "requirement": "required_skills",
            "expected": "East China FMCG market",
            "actual": "missing",
        }
    ]
    last = ok_after["history"][-1]
    assert (last["from_status"], last["to_status"], last["by"]) == (
        "screening",
        "screened_out",
        "system",
    )
    assert "requirements changed to version 2" in last["reason"]

    assert out_after["status"] == "screened_out"
    assert {u["requirement"] for u in out_after["screening"]["unmet"]} == {
        "min_years_experience",
        "required_skills",
    }
    assert "requirements changed to version 2" in out_after["history"][-1]["reason"]

    # Already interviewing: not re-screened, flagged for HR.
    assert busy_after["status"] == "interviewing"
    assert busy_after["screening"]["position_version"] == 1
    assert [f["code"] for f in busy_after["flags"]] == ["requirements_changed"]
    assert "east china fmcg market" in busy_after["flags"][0]["detail"]

    # The candidate gains the skill, and version 3 relaxes nothing: re-applying the skill
    # via a new version brings a newly passing application back to screening.
    await recruiting.publish_position(recruiting.position(position_id, 3))
    await recruiting.wait_opening(position_id, 3)
    back = await recruiting.application(ok["id"])
    assert back["status"] == "screening"
    assert back["history"][-1]["from_status"] == "screened_out"
    assert "requirements changed to version 3" in back["history"][-1]["reason"]


async def test_stale_and_duplicate_position_changed_change_nothing(recruiting) -> None:
    position_id = str(uuid.uuid4())
    v2 = recruiting.position(position_id, 2, title="Brand Manager v2")
    event_id = await recruiting.publish_position(v2)
    await recruiting.wait_opening(position_id, 2)

    # The same event again (redelivery) and an older snapshot arriving late.
    from talentloop_shared.events import new_event
    from talentloop_shared.testing.harness import publish_event

    again = new_event(
        type="position-changed", source="/org-service", data=v2, event_id=uuid.UUID(event_id)
    )
    await publish_event(recruiting.amqp_url, recruiting.ns, again)
    await recruiting.publish_position(
        recruiting.position(position_id, 1, title="Brand Manager v1", status="closed")
    )
    await recruiting.publish_position(
        recruiting.position(position_id, 2, title="Same version, other title")
    )
    # A later marker event proves the three above were consumed (one queue, in order).
    marker = str(uuid.uuid4())
    await recruiting.publish_position(recruiting.position(marker, 1))
    await recruiting.wait_opening(marker, 1)

    opening = await recruiting.opening(position_id)
    assert opening["version"] == 2
    assert opening["title"] == "Brand Manager v2"
    assert opening["status"] == "open"


async def test_closing_flags_open_applications_and_refuses_new_ones(recruiting) -> None:
    position_id = await recruiting.new_opening()
    candidate = await recruiting.candidate()
    application = await recruiting.apply(candidate["id"], position_id)

    await recruiting.publish_position(
        recruiting.position(position_id, 2, status="closed", change="closed")
    )
    await recruiting.wait_opening(position_id, 2)

    after = await recruiting.application(application["id"])
    assert [f["code"] for f in after["flags"]] == ["position_closed"]

    other = await recruiting.candidate()
    r = await recruiting.svc.client.post(
        "/api/v1/applications",
        json={"candidate_id": other["id"], "position_id": position_id},
        headers=recruiting.hr,
    )
    assert r.status_code == 409

    listed = await recruiting.svc.client.get("/api/v1/openings?limit=500", headers=recruiting.hr)
    assert position_id not in {o["position_id"] for o in listed.json()["items"]}


async def test_openings_list_paginates(recruiting) -> None:
    ids = {await recruiting.new_opening(title=f"Paged {uuid.uuid4().hex[:6]}") for _ in range(3)}
    seen: set[str] = set()
    cursor = None
    while True:
        url = "/api/v1/openings?limit=2" + (f"&cursor={cursor}" if cursor else "")
        r = await recruiting.svc.client.get(url, headers=recruiting.hr)
        assert r.status_code == 200
        page = r.json()
        assert len(page["items"]) <= 2
        seen |= {o["position_id"] for o in page["items"]}
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert ids <= seen

    bad = await recruiting.svc.client.get("/api/v1/openings?cursor=nonsense", headers=recruiting.hr)
    assert bad.status_code == 422


async def test_talent_invited_creates_a_talent_pool_application(recruiting) -> None:
    from talentloop_shared.events import new_event
    from talentloop_shared.events.payloads import CandidateInfo, PositionRef, TalentInvited
    from talentloop_shared.testing.harness import publish_event

    position_id = await recruiting.new_opening()
    unknown_id = str(uuid.uuid4())  # recruiting never held this person
    email = f"pooled.{uuid.uuid4().hex[:8]}@example.com"
    invited = TalentInvited(
        invitation_id=str(uuid.uuid4()),
        match_id=str(uuid.uuid4()),
        invited_by="hr-7",
        invited_at="2026-11-25T10:00:00Z",
        candidate=CandidateInfo(
            id=unknown_id,
            name="Zhang Min",
            email=email,
            locale="zh-CN",
            timezone="Asia/Shanghai",
            talent_pool_consent=True,
            skills=["live-stream marketing"],
            years_experience=6,
            industries=["fmcg"],
        ),
        position=PositionRef(id=position_id, title="Marketing Manager"),
    )
    event = new_event(type="talent-invited", source="/talent-service", data=invited)
    await publish_event(recruiting.amqp_url, recruiting.ns, event)
    await publish_event(recruiting.amqp_url, recruiting.ns, event)  # duplicate delivery

    async def applications() -> list[dict] | None:
        r = await recruiting.svc.client.get(
            f"/api/v1/applications?candidate_id={unknown_id}", headers=recruiting.hr
        )
        return r.json()["items"] or None

    items = await eventually(applications, message="talent_pool application created")
    # A closed opening is skipped, not an error; the marker proves everything was consumed.
    closed = await recruiting.new_opening()
    await recruiting.publish_position(recruiting.position(closed, 2, status="closed"))
    await recruiting.wait_opening(closed, 2)
    late = invited.model_copy(
        update={
            "invitation_id": str(uuid.uuid4()),
            "position": PositionRef(id=closed, title="Marketing Manager"),
        }
    )
    await publish_event(
        recruiting.amqp_url,
        recruiting.ns,
        new_event(type="talent-invited", source="/talent-service", data=late),
    )
    marker = str(uuid.uuid4())
    await recruiting.publish_position(recruiting.position(marker, 1))
    await recruiting.wait_opening(marker, 1)

    items = (
        await recruiting.svc.client.get(
            f"/api/v1/applications?candidate_id={unknown_id}", headers=recruiting.hr
        )
    ).json()["items"]
    assert len(items) == 1
    assert items[0]["source"] == "talent_pool"
    assert items[0]["position_id"] == position_id
    assert items[0]["status"] == "screening"
    candidate = await recruiting.svc.client.get(
        f"/api/v1/candidates/{unknown_id}", headers=recruiting.hr
    )
    assert candidate.status_code == 200 and candidate.json()["email"] == email
    history = (await recruiting.application(items[0]["id"]))["history"]
    assert history[0]["by"] == "hr-7"
