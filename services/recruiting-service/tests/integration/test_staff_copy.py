"""The staff copy: `person-changed` keeps the newest snapshot of each staff member, and
positions keep their owners and translated titles."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from recruiting_service.db.models import Person
from talentloop_shared.events.payloads import PersonRef, PositionOwners


async def _person(recruiting, person_id: str) -> Person | None:
    async with recruiting.svc.runtime.session_factory() as session:
        return await session.scalar(select(Person).where(Person.id == uuid.UUID(person_id)))


async def test_the_newest_version_of_a_person_wins(recruiting) -> None:
    person_id = str(uuid.uuid4())
    await recruiting.staff(
        recruiting.member("Wang Fang", version=2, person_id=person_id, locale="zh-CN")
    )
    # An older snapshot, arriving late (after a retry), changes nothing.
    await recruiting.staff(
        recruiting.member("Wang F.", version=1, person_id=person_id, email="old@acme.example")
    )
    held = await _person(recruiting, person_id)
    assert held is not None and (held.version, held.name, held.locale) == (2, "Wang Fang", "zh-CN")

    await recruiting.staff(
        recruiting.member(
            "Wang Fang", version=3, person_id=person_id, subject="wang.fang", active=False
        )
    )
    held = await _person(recruiting, person_id)
    assert held is not None and held.version == 3 and held.active is False
    assert held.subject == "wang.fang"


async def test_an_opening_keeps_its_owners_and_translated_titles(recruiting) -> None:
    owner = PersonRef(id=str(uuid.uuid4()), name="Zhao Min", email="zhao@acme.example")
    position_id = await recruiting.new_opening(
        titles={"zh-CN": "市场经理"}, owners=PositionOwners(recruiter=owner)
    )
    opening = await recruiting.opening(position_id)
    assert opening is not None
    assert opening["titles"] == {"zh-CN": "市场经理"}
    assert opening["owners"]["recruiter"]["email"] == "zhao@acme.example"
    assert opening["owners"]["hiring_manager"] is None
