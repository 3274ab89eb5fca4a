"""An ERP's nightly sync is a loop of PUTs by code: run twice, the second run changes
nothing and publishes nothing (issue 13)."""

from __future__ import annotations

import time

from org_testkit import erp_snapshot, run_sync, unique
from sqlalchemy import func, select

from talentloop_shared.db.tables import outbox
from talentloop_shared.testing.harness import event_probe


async def outbox_rows(svc) -> int:
    async with svc.runtime.session_factory() as session:
        return int(await session.scalar(select(func.count()).select_from(outbox)) or 0)


async def test_a_sync_run_twice_changes_nothing_the_second_time(svc, client, auth, amqp_url, ns):
    erp = auth("integration", sub="erp-nightly")
    waves = erp_snapshot(unique("erp"))
    assert [len(w) for w in waves] == [1, 4, 45, 1, 10, 489, 10, 190]

    started = time.perf_counter()
    async with event_probe(amqp_url, ns, ["person-changed", "position-changed"]) as probe:
        first = await run_sync(client, erp, waves, concurrency=6)
        first_seconds = time.perf_counter() - started
        await probe.wait_for(700, timeout=30)
    assert {status for _, status, _ in first} == {201}
    assert len(probe.of_type("person-changed")) == 500
    assert len(probe.of_type("position-changed")) == 200
    assert all(version == 1 for _, _, version in first)

    before = await outbox_rows(svc)
    started = time.perf_counter()
    async with event_probe(amqp_url, ns, ["person-changed", "position-changed"]) as probe:
        second = await run_sync(client, erp, waves, concurrency=6)
        second_seconds = time.perf_counter() - started
        await probe.settle(1.0)
    assert probe.events == []
    assert await outbox_rows(svc) == before  # not even an event waiting in the outbox
    assert {status for _, status, _ in second} == {200}
    assert second == [(path, 200, version) for path, _, version in first]  # no version bumped
    print(
        f"sync 50 units + 500 people + 200 positions: {first_seconds:.2f}s, "
        f"re-run (no-op): {second_seconds:.2f}s"
    )
