"""Issue 14 item 4: rejections suggest a course of the catalogue that covers the gap, in
the candidate's language; with nothing that fits, the suggestion is left out."""

from __future__ import annotations

import uuid

from recruiting_testkit import Panel

from talentloop_shared.events.payloads import (
    CourseChanged,
    CourseInfo,
    Dimension,
    EvaluationScheme,
    Requirements,
)
from talentloop_shared.testing.harness import applied, event_probe


async def _course(recruiting, *, version: int = 1, change: str = "created", **info) -> str:
    event_id = await recruiting.publish(
        "course-changed", CourseChanged(change=change, version=version, course=CourseInfo(**info))
    )
    await applied(recruiting.svc, event_id)
    return event_id


async def _rejected(recruiting, amqp_url, application_id: str) -> dict:
    async with event_probe(amqp_url, recruiting.ns, ["candidate-rejected"]) as probe:
        r = await recruiting.svc.client.post(
            f"/api/v1/applications/{application_id}/reject", headers=recruiting.hr
        )
        assert r.status_code == 200, r.text
        (event,) = await probe.wait_for(1)
    return event.data


async def test_a_course_whose_skill_names_the_gap_is_suggested(recruiting, amqp_url) -> None:
    skill = f"Douyin live commerce {uuid.uuid4().hex[:6]}"
    course_id = str(uuid.uuid4())
    await _course(
        recruiting,
        id=course_id,
        title="直播电商实战",
        provider="Acme 学院",
        url="https://learn.example.com/live",
        skills=[skill.upper()],
        locales=["zh-CN"],
    )
    position_id = await recruiting.new_opening(requirements=Requirements(required_skills=[skill]))
    person = await recruiting.candidate(skills=["SQL"])
    application = await recruiting.apply(person["id"], position_id)
    assert application["status"] == "screened_out"
    data = await _rejected(recruiting, amqp_url, application["id"])
    assert data["suggestions"] == [
        "推荐学习Acme 学院的课程《直播电商实战》（https://learn.example.com/live），"
        "正好覆盖这方面的内容。"
    ]

    # Withdrawn: no longer suggested (the library's entry serves the gap instead).
    title = "直播电商实战"
    await _course(
        recruiting, version=2, change="withdrawn", id=course_id, title=title, skills=[skill]
    )
    # A late, older snapshot does not bring it back.
    await _course(recruiting, version=1, id=course_id, title=title, skills=[skill])
    someone = await recruiting.candidate(skills=["SQL"])
    again = await recruiting.apply(someone["id"], position_id)
    data = await _rejected(recruiting, amqp_url, again["id"])
    assert data["suggestions"] and "直播电商实战" not in data["suggestions"][0]


async def test_no_course_and_no_library_entry_means_no_suggestion(recruiting, amqp_url) -> None:
    panel = Panel()
    scheme = EvaluationScheme(
        dimensions=[
            Dimension(
                key=f"clinical_{uuid.uuid4().hex[:6]}",
                name="Clinical domain",
                weight=1.0,
                department_id=panel.technical,
            )
        ]
    )
    position_id = await recruiting.new_opening(panel=panel)
    payload = recruiting.position(position_id, 2, panel=panel)
    payload.position.evaluation_scheme = scheme
    await recruiting.publish_position(payload)
    await recruiting.wait_opening(position_id, 2)
    application = await recruiting.apply((await recruiting.candidate())["id"], position_id)
    interview = await recruiting.svc.client.post(
        f"/api/v1/applications/{application['id']}/interviews",
        headers=recruiting.hr,
        json={
            "interviewer_id": "iv-clinic",
            "department_id": panel.technical,
            "start": "2026-12-01T09:00:00Z",
        },
    )
    assert interview.status_code == 201, interview.text
    key = scheme.dimensions[0].key
    r = await recruiting.svc.client.post(
        f"/api/v1/interviews/{interview.json()['id']}/evaluation",
        headers=recruiting.auth("interviewer", sub="iv-clinic"),
        json={"scores": [{"dimension": key, "score": 3}], "recommendation": "hire"},
    )
    assert r.status_code == 201, r.text
    data = await _rejected(recruiting, amqp_url, application["id"])
    assert [x["code"] for x in data["reasons"]] == [f"low_{key}"]
    # Was "请继续发挥您的优势…": nothing specific to suggest, so nothing is suggested.
    assert data["suggestions"] == []
