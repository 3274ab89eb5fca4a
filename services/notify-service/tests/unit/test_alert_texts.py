"""Who an alert goes to and how it reads (pure domain rules)."""

from __future__ import annotations

from datetime import UTC, datetime

from notify_service.domain import alerts
from talentloop_shared.events.payloads import PositionRef


def _position(**owners: dict | None) -> PositionRef:
    return PositionRef.model_validate(
        {"id": "p-1", "title": "Data Engineer", "titles": {"zh-CN": "数据工程师"}, "owners": owners}
    )


def _person(sub: str, email: str | None, locale: str = "en", tz: str = "UTC") -> dict:
    return {
        "id": sub,
        "name": sub,
        "email": email,
        "subject": sub,
        "locale": locale,
        "timezone": tz,
    }


def test_owners_are_deduplicated_and_hr_is_the_fallback():
    same = _person("amy", "Amy@acme.example")
    both = _position(recruiter=same, hiring_manager={**same, "email": "amy@ACME.example"})
    assert [
        r.email for r in alerts.readers(both, hr_email="hr@x", hr_locale="en", hr_timezone="UTC")
    ] == ["Amy@acme.example"]
    two = _position(
        recruiter=_person("amy", "amy@x"), hiring_manager=_person("bo", "bo@x", "zh-CN")
    )
    readers = alerts.readers(two, hr_email="hr@x", hr_locale="en", hr_timezone="UTC")
    assert [(r.email, r.locale) for r in readers] == [("amy@x", "en"), ("bo@x", "zh-CN")]
    no_address = _position(recruiter=_person("cy", None))
    [hr] = alerts.readers(
        no_address, hr_email="hr@x", hr_locale="zh-CN", hr_timezone="Asia/Shanghai"
    )
    assert (hr.email, hr.locale, hr.subject) == ("hr@x", "zh-CN", None)
    assert alerts.readers(_position(), hr_email=None, hr_locale="en", hr_timezone="UTC") == []


def test_texts_fall_back_through_the_locale_chain():
    links = alerts.Links("https://hr.acme.example/")
    msg = alerts.matches_found(
        "zh-Hans-CN", links=links, position=_position(), count=2, top=[("Li", 8.0, "")]
    )
    assert msg.subject == "人才库中有 2 位候选人匹配 数据工程师"
    # The body is its lines (the pack's list), the link on the last one.
    assert msg.body.splitlines()[-1].endswith("https://hr.acme.example/talent/matches?opening=p-1")
    assert msg.body.splitlines()[0].startswith("人才库中有 2 位候选人")
    fallback = alerts.matches_found("fr", links=links, position=_position(), count=1, top=[])
    assert fallback.subject == "1 candidate in the pool matches Data Engineer"
    assert "(none given)" in fallback.body


def test_the_deadline_reads_in_the_readers_zone():
    moment = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    assert alerts.local_time(moment, "Asia/Shanghai") == "2026-12-01 10:00 (Asia/Shanghai)"
    assert alerts.local_time(moment, "Not/AZone") == "2026-12-01 02:00 (UTC)"


def test_preferences_default_to_on():
    assert alerts.switched_on(None, "new_hire", "email")
    assert alerts.switched_on({"matches_found": {"email": False}}, "new_hire", "email")
    assert not alerts.switched_on({"new_hire": {"email": False}}, "new_hire", "email")


def test_links_open_the_consoles_pages_with_ids_escaped():
    links = alerts.Links("https://hr.acme.example/")
    assert links.application("a 1/2") == "https://hr.acme.example/pipeline/applications/a%201/2"
    assert links.talent("t?x") == "https://hr.acme.example/talent/t%3Fx"
    assert (
        links.development_plans("a&b") == "https://hr.acme.example/talent/plans?application=a%26b"
    )
    assert links.decision("a 1") == "https://hr.acme.example/decisions?application=a%201"
