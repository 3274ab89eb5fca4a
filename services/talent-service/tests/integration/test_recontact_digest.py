"""recontact-due: once a day at 09:00 Shanghai, HR hears who is due for re-contact.

A service of its own (fresh database, its own namespace): the digest counts everyone due
in the pool, so the shared service's pool would make the counts other tests' business.
The clock is moved, never waited for.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio
from sqlalchemy import select
from talent_testkit import Talent, about

from talent_service.config import Settings
from talent_service.db.models import RecontactDigest
from talent_service.domain.digest import parse_slot
from talent_service.main import MIGRATIONS, definition
from talent_service.service import digest as digest_service
from talent_service.service.digest import publish_digest_if_due
from talentloop_shared.events.payloads import RecontactDue
from talentloop_shared.testing.harness import event_probe, service_under_test
from talentloop_shared.testing.plugin import eventually

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest_asyncio.fixture(scope="module")
async def lonely(databases: Any, amqp_url: str, amqp_namespace: str) -> AsyncIterator[Talent]:
    namespace = f"{amqp_namespace}digest."
    async with service_under_test(
        definition,
        Settings,
        databases=databases,
        amqp_url=amqp_url,
        namespace=namespace,
        migrations=MIGRATIONS,
        digest_time="09:00",
        digest_timezone="Asia/Shanghai",
    ) as running:
        yield Talent(svc=running, amqp_url=amqp_url, namespace=namespace)
        running.runtime.clock.reset()


def _set_clock(talent: Talent, local: datetime) -> None:
    """Move the service's clock to the Shanghai wall time `local` (naive)."""
    clock = talent.svc.runtime.clock
    clock.reset()
    clock.advance(local.replace(tzinfo=SHANGHAI) - clock.now())


def _day_in(days: int) -> datetime:
    """Midnight (Shanghai) `days` days from today."""
    today = datetime.now(SHANGHAI).date()
    return datetime.combine(today + timedelta(days=days), datetime.min.time())


async def _run(talent: Talent) -> RecontactDue | None:
    async with talent.svc.uow_factory() as uow:
        return await publish_digest_if_due(uow)


async def _day_row(talent: Talent, local: datetime) -> RecontactDigest | None:
    async with talent.svc.runtime.session_factory() as session:
        return (
            await session.scalars(
                select(RecontactDigest).where(RecontactDigest.day == local.date())
            )
        ).one_or_none()


async def test_nothing_due_publishes_nothing(lonely, ev):
    # Someone pooled today is due in six months, not tomorrow.
    await lonely.consumed(await lonely.publish(ev.rejection(str(uuid.uuid4()), name="Zhou Min")))
    day = _day_in(1)
    subject = f"recontact-digests/{day.date().isoformat()}"
    async with event_probe(lonely.amqp_url, lonely.namespace, ["recontact-due"]) as probe:
        _set_clock(lonely, day.replace(hour=8, minute=30))
        assert await _run(lonely) is None
        assert await _day_row(lonely, day) is None  # before 09:00 nothing is decided
        _set_clock(lonely, day.replace(hour=9, minute=30))
        assert await _run(lonely) is None
        await probe.settle(1.5)
        assert about(probe, "recontact-due", subject) == []
    row = await _day_row(lonely, day)
    assert row is not None and row.count == 0


async def test_one_digest_a_day_with_the_earliest_due_and_no_contact_data(lonely, ev):
    people = [str(uuid.uuid4()) for _ in range(23)]
    events = [
        await lonely.publish(
            ev.rejection(
                pid,
                name=f"候选人 {i:02d}",
                strengths=["沟通能力"],
                skills=["SQL", "Python"],
                # Earlier rejections are due earlier: person 0 first.
                rejected_at=ev.months_ago(1) + timedelta(minutes=i),
            )
        )
        for i, pid in enumerate(people)
    ]
    await lonely.consumed(*events)
    day = _day_in(200)  # six months on: everyone above is due
    subject = f"recontact-digests/{day.date().isoformat()}"
    async with event_probe(lonely.amqp_url, lonely.namespace, ["recontact-due"]) as probe:
        _set_clock(lonely, day.replace(hour=8, minute=59))
        assert await _run(lonely) is None
        _set_clock(lonely, day.replace(hour=9, minute=1))
        # Two replicas at once, then a restart later that day: one digest.
        first, second = await asyncio.gather(_run(lonely), _run(lonely))
        assert [d is not None for d in (first, second)].count(True) == 1
        _set_clock(lonely, day.replace(hour=17))
        assert await _run(lonely) is None
        [event] = await eventually(
            lambda: _some(about(probe, "recontact-due", subject)), timeout=10
        )
        await probe.settle(1.5)
        assert len(about(probe, "recontact-due", subject)) == 1

    assert event.source == "/talent-service"
    digest = RecontactDue.model_validate(event.data)
    assert digest.day == day.date()
    assert digest.timezone == "Asia/Shanghai"
    assert digest.count == 24  # the 23 above and the one pooled in the test before
    assert len(digest.top) == 20
    assert [t.talent_id for t in digest.top] == people[:20]
    top = digest.top[0]
    assert top.name == "候选人 00"
    assert top.tags == ["沟通能力", "sql", "python"]  # skills as the pool keeps them
    assert top.last_position == "Data Analyst"
    assert top.last_contacted_at is None
    # Nothing to reach the person with: HR looks them up through the reminders API.
    assert "email" not in event.data["top"][0] and "phone" not in event.data["top"][0]
    assert "@" not in str(event.data)
    row = await _day_row(lonely, day)
    assert row is not None and row.count == 24


async def _some(events: list[Any]) -> list[Any] | None:
    return events or None


async def test_two_running_loops_publish_one_digest(lonely, monkeypatch: pytest.MonkeyPatch):
    day = _day_in(201)
    subject = f"recontact-digests/{day.date().isoformat()}"
    monkeypatch.setattr(digest_service, "POLL_SECONDS", 0.05)
    rt = lonely.svc.runtime
    async with event_probe(lonely.amqp_url, lonely.namespace, ["recontact-due"]) as probe:
        _set_clock(lonely, day.replace(hour=9, minute=5))
        loops = [asyncio.create_task(digest_service.recontact_digest_loop(rt)) for _ in range(2)]
        try:
            await eventually(lambda: _some(about(probe, "recontact-due", subject)), timeout=10)
            await probe.settle(1.5)  # both loops keep polling meanwhile
        finally:
            for task in loops:
                task.cancel()
            await asyncio.gather(*loops, return_exceptions=True)
        assert len(about(probe, "recontact-due", subject)) == 1
        assert all(not task.done() or task.cancelled() for task in loops)


def test_an_empty_time_switches_the_digest_off() -> None:
    settings = Settings(digest_time="")
    assert parse_slot(settings.digest_time, settings.digest_timezone) is None
    with pytest.raises(ValueError):
        Settings(digest_time="9 o'clock")
