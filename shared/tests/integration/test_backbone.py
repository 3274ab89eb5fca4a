"""The backbone's promises, over real PostgreSQL and RabbitMQ (issue: backbone tests 1–8)."""

from __future__ import annotations

import asyncio
import gc
import json
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlparse

import aio_pika
import asyncpg
import pytest
import pytest_asyncio
import toy
from cloudevents.v1.http import from_json as ce_from_json
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import func, insert, select, text, update
from sqlalchemy.exc import IntegrityError
from starlette.requests import Request

from talentloop_shared.config import ServiceSettings
from talentloop_shared.db.tables import idempotency_keys, outbox
from talentloop_shared.events import new_event
from talentloop_shared.events.envelope import CloudEvent
from talentloop_shared.http.idempotency import purge_expired_keys
from talentloop_shared.messaging import BatchHandler, EventConsumer
from talentloop_shared.messaging.consumer import REASON_HEADER
from talentloop_shared.messaging.topology import Topology
from talentloop_shared.service import create_service_app
from talentloop_shared.testing.harness import (
    FAST_MESSAGING,
    RunningService,
    deliver_together,
    event_probe,
    handed_over,
    publish_event,
    publish_events,
    running_service,
)
from talentloop_shared.testing.plugin import delete_namespace, eventually
from talentloop_shared.testing.proxy import TCPProxy


@dataclass
class Pair:
    producer: RunningService
    consumer: RunningService
    producer_proxy: TCPProxy
    consumer_proxy: TCPProxy


async def _proxy_for(amqp_url: str) -> tuple[TCPProxy, str]:
    parsed = urlparse(amqp_url)
    proxy = TCPProxy(parsed.hostname or "127.0.0.1", parsed.port or 5672)
    await proxy.start()
    netloc = f"{parsed.username}:{parsed.password}@127.0.0.1:{proxy.port}"
    return proxy, parsed._replace(netloc=netloc).geturl()


@pytest_asyncio.fixture
async def pair(databases, amqp_url: str, amqp_namespace: str) -> AsyncIterator[Pair]:
    """A producer and a consumer service, each with its own database, each behind a proxy."""
    ns = f"{amqp_namespace}{uuid.uuid4().hex[:6]}."
    prod_db = await databases.create("toy_producer")
    cons_db = await databases.create("toy_consumer")
    await toy.create_schema(prod_db)
    await toy.create_schema(cons_db)
    prod_proxy, prod_url = await _proxy_for(amqp_url)
    cons_proxy, cons_url = await _proxy_for(amqp_url)
    common = {**FAST_MESSAGING, "amqp_namespace": ns}
    async with (
        running_service(
            toy.consumer,
            ServiceSettings(
                service_name="toy-consumer", database_url=cons_db, amqp_url=cons_url, **common
            ),
        ) as consumer,
        running_service(
            toy.producer,
            ServiceSettings(
                service_name="org-service", database_url=prod_db, amqp_url=prod_url, **common
            ),
        ) as producer,
    ):
        yield Pair(producer, consumer, prod_proxy, cons_proxy)
    await prod_proxy.stop()
    await cons_proxy.stop()
    await delete_namespace(amqp_url, ns)


async def _applied(svc: RunningService) -> dict[str, int]:
    async with svc.runtime.session_factory() as s:
        rows = (await s.execute(select(toy.applied))).all()
    return {r.position_id: r.times for r in rows}


async def _outbox_counts(svc: RunningService) -> tuple[int, int]:
    async with svc.runtime.session_factory() as s:
        total = await s.scalar(select(func.count()).select_from(outbox))
        pending = await s.scalar(
            select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
        )
    return int(total or 0), int(pending or 0)


async def test_unit_of_work_commits_state_and_event_together_or_neither(pair: Pair) -> None:
    async with pair.producer.uow_factory() as uow:
        with pytest.raises(RuntimeError):
            await toy.write_thing(uow, "never", fail_after_publish=True)
    async with pair.producer.runtime.session_factory() as s:
        assert await s.scalar(select(func.count()).select_from(toy.things)) == 0
    assert await _outbox_counts(pair.producer) == (0, 0)

    async with pair.producer.uow_factory() as uow:
        thing_id = await toy.write_thing(uow, "kept")
    async with pair.producer.runtime.session_factory() as s:
        assert await s.scalar(select(func.count()).select_from(toy.things)) == 1
        row = (await s.execute(select(outbox))).one()
    assert row.envelope["data"]["position"]["id"] == thing_id
    assert row.envelope["subject"] == f"positions/{thing_id}"


async def test_statements_on_the_driver_connection_commit_or_roll_back_with_the_unit_of_work(
    pair: Pair,
) -> None:
    titles = ["first", "second", "third"]
    for commit in (False, True):
        async with pair.producer.uow_factory() as uow:
            # Sent before any statement of the session: it must still be in the transaction.
            conn = await uow.driver()
            for title in titles:
                thing_id = str(uuid.uuid4())
                await conn.execute(
                    "INSERT INTO things (id, title, version) VALUES ($1, $2, 1)", thing_id, title
                )
                uow.publish(toy.snapshot(thing_id, title, 1), subject=f"positions/{thing_id}")
            await uow.session.execute(text("SELECT 1"))  # the session's own, on the same one
            if commit:
                await uow.commit()
        async with pair.producer.runtime.session_factory() as s:
            stored = (await s.scalars(select(toy.things.c.title))).all()
            envelopes = (await s.scalars(select(outbox.c.envelope).order_by(outbox.c.seq))).all()
        assert sorted(stored) == (sorted(titles) if commit else [])
        # Several events of one unit of work leave in the order they were published.
        assert [e["data"]["position"]["title"] for e in envelopes] == (titles if commit else [])


async def test_a_savepoint_that_fails_undoes_its_rows_and_events_and_the_rest_commits(
    pair: Pair,
) -> None:
    calls: list[str] = []

    async def thing(uow, title: str) -> str:
        thing_id = str(uuid.uuid4())
        await uow.session.execute(insert(toy.things).values(id=thing_id, title=title, version=1))
        uow.publish(toy.snapshot(thing_id, title, 1), subject=f"positions/{thing_id}")
        return thing_id

    async with pair.producer.uow_factory() as uow:
        kept = await thing(uow, "before")
        with pytest.raises(RuntimeError):
            async with uow.savepoint():
                # On the session and on the driver connection, with an event and a callback.
                await thing(uow, "undone")
                conn = await uow.driver()
                await conn.execute(
                    "INSERT INTO things (id, title, version) VALUES ($1, 'undone too', 1)",
                    str(uuid.uuid4()),
                )
                uow.after_commit(lambda: calls.append("undone"))
                raise RuntimeError("this item cannot be applied")
        # A statement the database refuses (the same key again) aborts only the savepoint.
        with pytest.raises(IntegrityError):
            async with uow.savepoint():
                await uow.session.execute(
                    insert(toy.things).values(id=kept, title="the same key", version=1)
                )
        async with uow.savepoint():
            also = await thing(uow, "after")
        uow.after_commit(lambda: calls.append("committed"))
        await uow.commit()
    async with pair.producer.runtime.session_factory() as s:
        titles = (await s.scalars(select(toy.things.c.title).order_by(toy.things.c.title))).all()
        envelopes = (await s.scalars(select(outbox.c.envelope).order_by(outbox.c.seq))).all()
    assert titles == ["after", "before"]
    assert [e["data"]["position"]["id"] for e in envelopes] == [kept, also]
    assert calls == ["committed"]


async def test_after_commit_callbacks_run_once_and_only_when_the_commit_lands(pair: Pair) -> None:
    calls: list[str] = []

    def wake() -> None:
        calls.append("woken")

    async with pair.producer.uow_factory() as uow:
        uow.after_commit(wake)
        uow.after_commit(wake)  # registered twice, called once
        with pytest.raises(RuntimeError):
            await toy.write_thing(uow, "rolled back", fail_after_publish=True)
    assert calls == []
    async with pair.producer.uow_factory() as uow:
        uow.after_commit(wake)
        uow.after_commit(wake)
        await toy.write_thing(uow, "kept")
    assert calls == ["woken"]
    assert uow.extras is pair.producer.runtime.extras


async def test_relay_delivers_to_other_service_and_message_is_a_cloudevent(
    pair: Pair, amqp_url: str
) -> None:
    ns = pair.producer.runtime.settings.amqp_namespace
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        async with pair.producer.uow_factory() as uow:
            thing_id = await toy.write_thing(uow, "Marketing Manager")
        applied = await eventually(lambda: _applied(pair.consumer), message="consumer applied")
        assert applied == {thing_id: 1}
        (event,) = await probe.wait_for(1)
    raw = probe.raw[0]
    assert raw.delivery_mode == aio_pika.DeliveryMode.PERSISTENT
    assert raw.message_id == event.id
    parsed = ce_from_json(raw.body)  # the cloudevents SDK from PyPI reads what we publish
    assert parsed["type"] == "position-changed"
    assert parsed["source"] == "/org-service"
    assert parsed["dataschema"] == "urn:talentloop:events:position-changed:v1"
    assert parsed["traceparent"].startswith("00-")
    assert parsed.data["position"]["title"] == "Marketing Manager"
    assert await _outbox_counts(pair.producer) == (1, 0)


async def test_broker_outage_loses_nothing(pair: Pair) -> None:
    await pair.producer_proxy.stop()  # the producer can no longer reach the broker
    await eventually(lambda: _not(pair.producer.runtime.broker.ready), message="broker down")
    n = 25
    ids = []
    for i in range(n):
        async with pair.producer.uow_factory() as uow:
            ids.append(await toy.write_thing(uow, f"position {i}"))
    await asyncio.sleep(1.0)  # the relay runs and fails to publish during the outage
    assert await _outbox_counts(pair.producer) == (n, n)
    await pair.producer_proxy.start()  # the broker is back
    applied = await eventually(
        lambda: _have(pair.consumer, n), timeout=30, message=f"{n} events consumed"
    )
    assert applied == {i: 1 for i in ids}
    assert await _outbox_counts(pair.producer) == (n, 0)


async def test_same_event_three_times_changes_state_once(pair: Pair, amqp_url: str) -> None:
    ns = pair.consumer.runtime.settings.amqp_namespace
    pid = str(uuid.uuid4())
    event = new_event(
        type="position-changed", source="/org-service", data=toy.snapshot(pid, "Analyst", 1)
    )
    for _ in range(3):
        await publish_event(amqp_url, ns, event)
    later = new_event(
        type="position-changed",
        source="/org-service",
        data=toy.snapshot(str(uuid.uuid4()), "Marker", 1),
    )
    await publish_event(amqp_url, ns, later)  # consumed after the duplicates (one queue)
    await eventually(lambda: _have(pair.consumer, 2), message="both positions applied")
    assert (await _applied(pair.consumer))[pid] == 1


async def test_transient_failures_retry_then_malformed_goes_to_dlq(
    pair: Pair, amqp_url: str
) -> None:
    ns = pair.consumer.runtime.settings.amqp_namespace
    topo = Topology(service="toy-consumer", namespace=ns)
    flaky = str(uuid.uuid4())
    toy.FAILURES[flaky] = 2
    await publish_event(
        amqp_url,
        ns,
        new_event(
            type="position-changed", source="/org-service", data=toy.snapshot(flaky, "Flaky", 1)
        ),
    )
    # a malformed message: valid JSON, but not a position-changed payload
    bad = new_event(type="position-changed", source="/org-service", data={"nonsense": True})
    await publish_event(amqp_url, ns, bad)
    await publish_event(amqp_url, ns, b"{not json", routing_key="position-changed")
    good = str(uuid.uuid4())
    await publish_event(
        amqp_url,
        ns,
        new_event(
            type="position-changed", source="/org-service", data=toy.snapshot(good, "Good", 1)
        ),
    )

    applied = await eventually(
        lambda: _have(pair.consumer, 2),
        timeout=15,
        message="flaky (after retries) and good applied",
    )
    assert applied[flaky] == 1 and applied[good] == 1
    assert toy.FAILURES[flaky] == 0

    connection = await aio_pika.connect(amqp_url)
    try:
        channel = await connection.channel()
        dlq = await channel.declare_queue(topo.dlq, passive=True)
        parked = []
        for _ in range(50):
            msg = await dlq.get(no_ack=False, fail=False, timeout=5)
            if msg is None:
                if len(parked) >= 2:
                    break
                await asyncio.sleep(0.1)
                continue
            parked.append(msg)
            await msg.ack()
    finally:
        await connection.close()
    assert len(parked) == 2
    bodies = {m.body for m in parked}
    assert b"{not json" in bodies
    assert any(json.loads(b).get("id") == bad.id for b in bodies if b != b"{not json")
    for m in parked:
        # Parked with our reason (RabbitMQ's x-death would say only "rejected").
        assert str(m.headers[REASON_HEADER]).startswith("malformed: "), m.headers


async def test_an_event_from_a_service_that_may_not_publish_it_is_parked(
    pair: Pair, amqp_url: str
) -> None:
    """EVENTS.md names who publishes each type; anyone else's event has no effect."""
    ns = pair.consumer.runtime.settings.amqp_namespace
    topo = Topology(service="toy-consumer", namespace=ns)
    forged_pid, genuine_pid = str(uuid.uuid4()), str(uuid.uuid4())
    forged = new_event(
        type="position-changed",
        source="/talent-service",
        data=toy.snapshot(forged_pid, "Forged", 1),
    )
    await publish_event(amqp_url, ns, forged)
    await publish_event(
        amqp_url,
        ns,
        new_event(
            type="position-changed", source="/org-service", data=toy.snapshot(genuine_pid, "G", 1)
        ),
    )
    applied = await eventually(
        lambda: _have(pair.consumer, 1), timeout=10, message="the genuine event applied"
    )
    assert genuine_pid in applied and forged_pid not in applied

    connection = await aio_pika.connect(amqp_url)
    try:
        channel = await connection.channel()
        dlq = await channel.declare_queue(topo.dlq, passive=True)
        found = None
        for _ in range(100):
            msg = await dlq.get(no_ack=False, fail=False, timeout=5)
            if msg is None:
                await asyncio.sleep(0.05)
                continue
            await msg.ack()
            if msg.message_id == forged.id:
                found = msg
                break
    finally:
        await connection.close()
    assert found is not None, "the forged event was not parked"
    assert found.headers[REASON_HEADER] == ("/talent-service may not publish position-changed")
    metrics = (await pair.consumer.client.get("/metrics")).text
    assert (
        'talentloop_events_consumed_total{outcome="wrong_publisher",service="toy-consumer",'
        'type="position-changed"}' in metrics
    )


async def test_a_burst_is_applied_in_batches_and_one_bad_event_holds_back_no_other(
    pair: Pair, amqp_url: str
) -> None:
    ns = pair.consumer.runtime.settings.amqp_namespace
    topo = Topology(service="toy-consumer", namespace=ns)
    ids = [str(uuid.uuid4()) for _ in range(60)]
    toy.FAILURES[ids[17]] = -1  # never applicable
    events = [
        new_event(
            type="position-changed", source="/org-service", data=toy.snapshot(pid, f"burst {i}", 1)
        )
        for i, pid in enumerate(ids)
    ]
    await publish_events(amqp_url, ns, [*events, *events[:10]])  # ten of them twice
    applied = await eventually(lambda: _have(pair.consumer, 59), timeout=20)
    assert pair.consumer.runtime.broker.consumer.batches_committed > 0
    assert ids[17] not in applied
    assert all(applied[pid] == 1 for pid in ids if pid != ids[17])
    connection = await aio_pika.connect(amqp_url)
    try:
        channel = await connection.channel()
        dlq = await channel.declare_queue(topo.dlq, passive=True)
        parked = await eventually(lambda: dlq.get(no_ack=True, fail=False), timeout=10)
    finally:
        await connection.close()
    assert json.loads(parked.body)["id"] == events[17].id


@pytest.fixture
def batch_consumer(pair: Pair) -> Iterator[EventConsumer]:
    """The toy consumer with a batch handler for position-changed and a one-event handler
    for candidate-erased; the runs the batch handler got are in `toy.RUNS`."""
    consumer = pair.consumer.runtime.broker.consumer
    assert consumer is not None
    saved = dict(consumer.subscriptions)
    consumer.subscriptions["position-changed"] = BatchHandler(toy.handle_positions_changed)
    consumer.subscriptions["candidate-erased"] = toy.handle_candidate_erased
    toy.RUNS.clear()
    toy.APPLIED_ORDER.clear()
    yield consumer
    consumer.subscriptions = saved


def _changed(pid: str) -> CloudEvent:
    return new_event(type="position-changed", source="/org-service", data=toy.snapshot(pid, "P", 1))


async def test_each_event_applied_is_aged_once_from_its_time_to_its_effect(pair: Pair) -> None:
    """Ops see how far behind a consumer runs: every event applied, in a batch or alone, is
    observed once in `talentloop_event_age_seconds`, from its `time` (when it happened) to
    its effect committing; a duplicate is not observed again, nor an event whose `time` is
    not a timestamp (it is applied all the same)."""
    late = new_event(
        type="position-changed",
        source="/org-service",
        data=toy.snapshot(str(uuid.uuid4()), "Late", 1),
        time=datetime.now(UTC) - timedelta(seconds=90),
    )
    before = await _event_ages(pair.consumer)
    await deliver_together(pair.consumer, [late, _changed(str(uuid.uuid4())), late])
    await deliver_together(pair.consumer, [_changed(str(uuid.uuid4()))])  # alone
    await deliver_together(pair.consumer, [late])  # again, in a later batch
    odd_pid = str(uuid.uuid4())
    odd = _changed(odd_pid).model_copy(update={"time": "last Tuesday"})
    await deliver_together(pair.consumer, [odd])
    assert (await _applied(pair.consumer))[odd_pid] == 1
    after = await _event_ages(pair.consumer)
    grew = {k: after.get(k, 0) - before.get(k, 0) for k in after}
    assert grew["count"] == 3
    assert grew["bucket le=5.0"] == 2  # the two fresh ones, within seconds
    assert grew["bucket le=60.0"] == 2  # the late one is older than a minute…
    assert grew["bucket le=120.0"] == 3  # …and was applied within its second minute
    assert 90 <= grew["sum"] < 90 + 2 * 60


async def _event_ages(svc: RunningService) -> dict[str, float]:
    """The consumer's `talentloop_event_age_seconds` for position-changed, as scraped."""
    metrics = (await svc.client.get("/metrics")).text
    ages: dict[str, float] = {}
    for family in text_string_to_metric_families(metrics):
        if family.name != "talentloop_event_age_seconds":
            continue
        for sample in family.samples:
            labels = sample.labels
            if labels["service"] != "toy-consumer" or labels["type"] != "position-changed":
                continue
            part = sample.name.removeprefix("talentloop_event_age_seconds_")
            if part == "bucket":
                part = f"bucket le={float(labels['le'])}"
            ages[part] = sample.value
    return ages


async def test_a_batch_handler_gets_a_batch_in_one_call_and_applies_each_event_once(
    pair: Pair, batch_consumer: EventConsumer
) -> None:
    pids = [str(uuid.uuid4()) for _ in range(4)]
    events = [_changed(pid) for pid in pids]
    # The second event twice in one batch: claimed once, applied once, both copies acked.
    await deliver_together(pair.consumer, [events[0], events[1], events[1], events[2]])
    assert toy.RUNS == [[events[0].id, events[1].id, events[2].id]]
    # A redelivery in a later batch is a duplicate too; the batch's new event is applied.
    await deliver_together(pair.consumer, [events[1], events[3]])
    assert toy.RUNS[1:] == [[events[3].id]]
    applied = await _applied(pair.consumer)
    assert [applied.get(pid) for pid in pids] == [1, 1, 1, 1]


async def test_a_poisoned_event_in_a_batch_is_parked_and_the_others_applied_once(
    pair: Pair, amqp_url: str, batch_consumer: EventConsumer
) -> None:
    ns = pair.consumer.runtime.settings.amqp_namespace
    good_before, poisoned, good_after = (str(uuid.uuid4()) for _ in range(3))
    toy.FAILURES[poisoned] = -1  # never applicable
    events = [_changed(good_before), _changed(poisoned), _changed(good_after)]
    await deliver_together(pair.consumer, events)
    # The run failed as a whole and was rolled back, then each event went alone.
    assert toy.RUNS == [[e.id for e in events], [events[0].id], [events[1].id], [events[2].id]]
    applied = await _applied(pair.consumer)
    assert applied.get(good_before) == 1 and applied.get(good_after) == 1
    assert poisoned not in applied
    topo = Topology(service="toy-consumer", namespace=ns)
    connection = await aio_pika.connect(amqp_url)
    try:
        channel = await connection.channel()
        dlq = await channel.declare_queue(topo.dlq, passive=True)
        parked = await eventually(lambda: dlq.get(no_ack=True, fail=False), timeout=10)
    finally:
        await connection.close()
    assert parked.message_id == events[1].id
    assert str(parked.headers[REASON_HEADER]).startswith("cannot apply: ")


async def test_events_of_another_type_split_a_batch_handlers_run_and_keep_the_order(
    pair: Pair, batch_consumer: EventConsumer
) -> None:
    first, second, third = (_changed(str(uuid.uuid4())) for _ in range(3))
    erased = new_event(
        type="candidate-erased",
        source="/recruiting-service",
        data={"candidate_id": "c-1", "erased_at": "2026-11-28T00:00:00Z"},
    )
    await deliver_together(pair.consumer, [first, second, erased, third])
    assert toy.RUNS == [[first.id, second.id], [third.id]]
    assert toy.APPLIED_ORDER == [first.id, second.id, erased.id, third.id]


async def test_a_batch_is_acked_with_one_frame_that_covers_no_delivery_still_being_parked(
    pair: Pair, batch_consumer: EventConsumer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing being parked: the three deliveries of a batch are settled by one ack frame,
    # "up to and including" the last (the broker and the consumer handle one, not three).
    together = await deliver_together(
        pair.consumer, [_changed(str(uuid.uuid4())) for _ in range(3)]
    )
    assert [d.frames for d in together] == [[], [], [True]]

    # A malformed delivery between two good ones is parked (its DLQ copy confirmed, then
    # acked) while the batch of the two others commits: the batch's ack must not cover it,
    # or a crash before its copy is confirmed would lose it.
    release = asyncio.Event()
    park = batch_consumer._park

    async def held(*args: object, **kwargs: object) -> None:
        await release.wait()
        await park(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_consumer, "_park", held)
    first, last = _changed(str(uuid.uuid4())), _changed(str(uuid.uuid4()))
    deliveries = handed_over([first, b"{not json", last])
    arrivals = [asyncio.create_task(batch_consumer.on_message(d)) for d in deliveries]  # type: ignore[arg-type]

    async def good_ones_acked() -> bool:
        return bool(deliveries[0].acks and deliveries[2].acks)

    await eventually(good_ones_acked, timeout=10, message="the batch acked")
    assert deliveries[1].acks == 0
    assert [d.frames for d in (deliveries[0], deliveries[2])] == [[False], [False]]
    release.set()
    await asyncio.gather(*arrivals)
    assert [d.acks for d in deliveries] == [1, 1, 1]
    applied = await _applied(pair.consumer)
    assert applied.get(first.data["position"]["id"]) == 1
    assert applied.get(last.data["position"]["id"]) == 1


async def test_consumer_comes_back_after_its_connection_is_killed(
    pair: Pair, amqp_url: str
) -> None:
    broker = pair.consumer.runtime.broker
    before = broker.connects
    await pair.consumer_proxy.disconnect_all()
    started = time.monotonic()
    await eventually(
        lambda: _true(broker.connects > before and broker.ready),
        timeout=30,
        message="consumer reconnected",
    )
    async with pair.producer.uow_factory() as uow:
        thing_id = await toy.write_thing(uow, "after reconnect")
    applied = await eventually(lambda: _applied(pair.consumer), timeout=30)
    assert applied == {thing_id: 1}
    assert time.monotonic() - started < 30


async def test_auth_rejects_missing_bad_expired_and_wrong_role(pair: Pair, token) -> None:
    client = pair.producer.client
    body = {"title": "x"}
    r = await client.post("/api/v1/things", json=body)
    assert r.status_code == 401
    assert r.headers["content-type"] == "application/problem+json"
    assert r.headers["www-authenticate"].startswith("Bearer")
    r = await client.post(
        "/api/v1/things",
        json=body,
        headers={"Authorization": "Bearer " + token("hr_admin", ttl=-10)},
    )
    assert r.status_code == 401 and "expired" in r.json()["detail"]
    forged = token("hr_admin", secret="not-the-secret-but-long-enough-for-hs256")
    r = await client.post(
        "/api/v1/things", json=body, headers={"Authorization": f"Bearer {forged}"}
    )
    assert r.status_code == 401
    r = await client.post(
        "/api/v1/things", json=body, headers={"Authorization": "Bearer " + token("interviewer")}
    )
    assert r.status_code == 403
    assert "hr_admin" in r.json()["detail"]
    r = await client.post(
        "/api/v1/things", json=body, headers={"Authorization": "Bearer " + token("hr_admin")}
    )
    assert r.status_code == 201


async def test_bad_input_is_422_problem_naming_the_field(pair: Pair, auth) -> None:
    client = pair.producer.client
    h = auth("hr_admin")
    r = await client.post("/api/v1/things", json={"title": "x", "headcount": 0}, headers=h)
    assert r.status_code == 422
    problem = r.json()
    assert r.headers["content-type"] == "application/problem+json"
    assert problem["status"] == 422
    assert ["body", "headcount"] in [e["loc"] for e in problem["errors"]]
    r = await client.post("/api/v1/things", json={"title": "x", "titel": "typo"}, headers=h)
    assert r.status_code == 422
    assert any(
        e["loc"] == ["body", "titel"] and "unknown field" in e["msg"] for e in r.json()["errors"]
    )
    r = await client.post(
        "/api/v1/things", content=b"{broken", headers={**h, "Content-Type": "application/json"}
    )
    assert r.status_code == 422
    r = await client.get("/api/v1/nothing-here")
    assert r.status_code == 404 and r.headers["content-type"] == "application/problem+json"
    async with pair.producer.runtime.session_factory() as s:
        assert await s.scalar(select(func.count()).select_from(toy.things)) == 0


async def test_idempotency_key_replays_first_response_without_second_effect(
    pair: Pair, auth
) -> None:
    client = pair.producer.client
    h = {**auth("hr_admin"), "Idempotency-Key": "create-thing-1"}
    first = await client.post("/api/v1/things", json={"title": "once"}, headers=h)
    second = await client.post("/api/v1/things", json={"title": "once"}, headers=h)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["idempotent-replayed"] == "true"
    other = await client.post("/api/v1/things", json={"title": "different"}, headers=h)
    assert other.status_code == 422
    async with pair.producer.runtime.session_factory() as s:
        assert await s.scalar(select(func.count()).select_from(toy.things)) == 1
    assert (await _outbox_counts(pair.producer))[0] == 1


async def test_the_longest_key_a_long_named_caller_may_send_is_claimed_and_replayed(
    pair: Pair, token
) -> None:
    # A key of the 200 characters allowed, from a caller whose subject is long: together
    # with the path they are longer than the stored scope may be; the request must still
    # go through once and replay after (it failed with a 422, every time, and no effect).
    client = pair.producer.client
    headers = {
        "Idempotency-Key": "k" * 200,
        "Authorization": f"Bearer {token('hr_admin', sub='svc-' + 'x' * 90)}",
    }
    first = await client.post("/api/v1/things", json={"title": "long key"}, headers=headers)
    second = await client.post("/api/v1/things", json={"title": "long key"}, headers=headers)
    assert first.status_code == second.status_code == 201, first.text
    assert second.headers["idempotent-replayed"] == "true"
    assert second.json() == first.json()


async def test_two_requests_with_one_key_at_once_apply_once_and_the_second_is_told_to_retry(
    pair: Pair, auth
) -> None:
    """The first request's claim is not committed yet when the second looks the key up (it
    sees nothing and runs its use case); its claim then waits for the first transaction and,
    once that commits, inserts nothing: the second gets 409 and its change is rolled back."""
    client = pair.producer.client
    h = {**auth("hr_admin", sub="racer"), "Idempotency-Key": "create-thing-race"}
    scope = "sub:racer:POST:/api/v1/things:create-thing-race"
    async with pair.producer.runtime.session_factory() as first:
        # The first request, mid-commit: its claim written, its transaction still open.
        await first.execute(idempotency_keys.insert().values(scope=scope, request_hash="0" * 64))
        second = asyncio.create_task(
            client.post("/api/v1/things", json={"title": "race"}, headers=h)
        )
        await asyncio.sleep(0.5)
        assert not second.done(), "the second claim waits for the first transaction"
        await first.commit()
    r = await second
    assert r.status_code == 409, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["type"].endswith("idempotency-in-progress")
    async with pair.producer.runtime.session_factory() as s:
        titles = (await s.scalars(select(toy.things.c.title))).all()
    assert "race" not in titles


async def test_a_retry_after_the_server_died_between_commit_and_response_says_it_was_applied(
    pair: Pair, auth
) -> None:
    client = pair.producer.client
    h = {**auth("hr_admin"), "Idempotency-Key": "create-thing-crash"}
    first = await client.post("/api/v1/things", json={"title": "crash"}, headers=h)
    assert first.status_code == 201
    async with pair.producer.uow_factory() as uow:
        # What a SIGKILL after the commit leaves: the claimed key, no stored response.
        await uow.session.execute(
            update(idempotency_keys)
            .where(idempotency_keys.c.scope.endswith(":create-thing-crash"))
            .values(status_code=None, response_body=None)
        )
        await uow.commit()

    retry = await client.post("/api/v1/things", json={"title": "crash"}, headers=h)
    assert retry.status_code == 409
    problem = retry.json()
    assert problem["type"].endswith("idempotency-response-pending")
    assert "was applied" in problem["detail"]
    async with pair.producer.runtime.session_factory() as s:
        assert await s.scalar(select(func.count()).select_from(toy.things)) == 1


async def test_idempotency_key_replays_nothing_to_a_forged_token_or_another_caller(
    pair: Pair, auth, token
) -> None:
    client = pair.producer.client
    key = {"Idempotency-Key": "create-thing-forge"}
    genuine = token("hr_admin", sub="alice")
    first = await client.post(
        "/api/v1/things",
        json={"title": "secret"},
        headers={**key, "Authorization": f"Bearer {genuine}"},
    )
    assert first.status_code == 201
    # Same claims, signature replaced: the key's response must not come back.
    head, payload, _ = genuine.split(".")
    forged = f"{head}.{payload}.{'A' * 43}"
    replay = await client.post(
        "/api/v1/things",
        json={"title": "secret"},
        headers={**key, "Authorization": f"Bearer {forged}"},
    )
    assert replay.status_code == 401, replay.text
    assert "secret" not in replay.text and first.json()["id"] not in replay.text
    assert replay.headers["content-type"] == "application/problem+json"
    # No token at all: 401 too; a valid token without the role: 403, before any replay.
    anonymous = await client.post("/api/v1/things", json={"title": "secret"}, headers=key)
    assert anonymous.status_code == 401
    wrong_role = await client.post(
        "/api/v1/things", json={"title": "secret"}, headers={**key, **auth("recruiter")}
    )
    assert wrong_role.status_code == 403
    # Another genuine caller with the same key gets their own request, not alice's record.
    bob = await client.post(
        "/api/v1/things",
        json={"title": "secret"},
        headers={**key, "Authorization": f"Bearer {token('hr_admin', sub='bob')}"},
    )
    assert bob.status_code == 201 and "idempotent-replayed" not in bob.headers
    assert bob.json()["id"] != first.json()["id"]


async def test_oversized_bodies_are_refused_before_they_are_parsed(pair: Pair, auth) -> None:
    client = pair.producer.client
    limit = pair.producer.runtime.settings.max_body_bytes
    huge = b'{"title": "' + b"x" * (limit + 10) + b'"}'
    declared = await client.post(
        "/api/v1/things",
        content=huge,
        headers={**auth("hr_admin"), "Content-Type": "application/json"},
    )
    assert declared.status_code == 413
    assert declared.headers["content-type"] == "application/problem+json"
    assert declared.json()["max_bytes"] == limit

    async def chunks():  # no Content-Length: counted as it streams
        for i in range(0, len(huge), 65536):
            yield huge[i : i + 65536]

    streamed = await client.post(
        "/api/v1/things",
        content=chunks(),
        headers={**auth("hr_admin"), "Content-Type": "application/json"},
    )
    assert streamed.status_code == 413, streamed.text
    assert streamed.headers["content-type"] == "application/problem+json"
    async with pair.producer.runtime.session_factory() as s:
        assert await s.scalar(select(func.count()).select_from(toy.things)) == 0


async def test_a_value_the_database_cannot_take_is_a_422_not_a_5xx(pair: Pair, auth) -> None:
    # PostgreSQL text cannot hold NUL; found by the fuzzer in a query parameter.
    response = await pair.producer.client.post(
        "/api/v1/things", json={"title": "a\u0000b"}, headers=auth("hr_admin")
    )
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"


async def test_a_deadlock_with_another_change_is_a_409_to_send_again(pair: Pair) -> None:
    # A real deadlock between two transactions locking two rows in opposite orders; the
    # one PostgreSQL rolls back reaches the service's handler, which said "the database is
    # not reachable" (503, logged as an error).
    dsn = pair.producer.runtime.settings.database_url.replace("+asyncpg", "")
    a, b = await asyncpg.connect(dsn), await asyncpg.connect(dsn)
    try:
        await a.execute(
            "CREATE TABLE locks (id int PRIMARY KEY); INSERT INTO locks VALUES (1), (2)"
        )
        ta, tb = a.transaction(), b.transaction()
        await ta.start()
        await tb.start()
        await a.execute("SELECT FROM locks WHERE id = 1 FOR UPDATE")
        await b.execute("SELECT FROM locks WHERE id = 2 FOR UPDATE")
        outcomes = await asyncio.gather(
            a.execute("SELECT FROM locks WHERE id = 2 FOR UPDATE"),
            b.execute("SELECT FROM locks WHERE id = 1 FOR UPDATE"),
            return_exceptions=True,
        )
        [deadlock] = [o for o in outcomes if isinstance(o, asyncpg.PostgresError)]
        await ta.rollback()
        await tb.rollback()
    finally:
        await a.execute("DROP TABLE IF EXISTS locks")
        await a.close()
        await b.close()
    app = create_service_app(pair.producer.runtime.definition)
    handler = app.exception_handlers[asyncpg.PostgresError]
    request = Request({"type": "http", "method": "POST", "path": "/api/v1/things", "headers": []})
    response = await handler(request, deadlock)
    assert response.status_code == 409
    body = json.loads(response.body)
    assert body["type"].endswith("concurrent-change") and "send it again" in body["detail"]


async def test_every_response_carries_security_headers_and_cors_is_configured(
    pair: Pair,
) -> None:
    client = pair.producer.client
    health = await client.get("/healthz")
    assert health.headers["x-content-type-options"] == "nosniff"
    # The producer runs with environment=test: no origins allowed unless configured.
    preflight = await client.options(
        "/api/v1/things",
        headers={
            "Origin": "http://127.0.0.1:8000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type",
        },
    )
    assert "access-control-allow-origin" not in preflight.headers


async def test_idempotency_keys_are_forgotten_after_their_retention(pair: Pair, auth) -> None:
    client = pair.producer.client
    h = {**auth("hr_admin"), "Idempotency-Key": "create-thing-old"}
    first = await client.post("/api/v1/things", json={"title": "old"}, headers=h)
    assert first.status_code == 201
    fresh = {**auth("hr_admin"), "Idempotency-Key": "create-thing-new"}
    assert (await client.post("/api/v1/things", json={"title": "new"}, headers=fresh)).is_success
    async with pair.producer.uow_factory() as uow:
        # The first key was stored two days ago.
        await uow.session.execute(
            update(idempotency_keys)
            .where(idempotency_keys.c.scope.endswith(":create-thing-old"))
            .values(created_at=func.now() - text("interval '48 hours'"))
        )
        await uow.commit()

    hours = pair.producer.runtime.settings.idempotency_retention_hours
    async with pair.producer.uow_factory() as uow:
        assert await purge_expired_keys(uow.session, hours=hours) == 1
        await uow.commit()

    # Past its retention the key is new again; the fresh one still replays.
    again = await client.post("/api/v1/things", json={"title": "old"}, headers=h)
    assert again.status_code == 201 and "idempotent-replayed" not in again.headers
    assert again.json()["id"] != first.json()["id"]
    replay = await client.post("/api/v1/things", json={"title": "new"}, headers=fresh)
    assert replay.headers["idempotent-replayed"] == "true"


async def test_ops_endpoints(pair: Pair) -> None:
    client = pair.producer.client
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200, ready.json()
    metrics = await client.get("/metrics")
    assert "talentloop_http_requests_total" in metrics.text
    await pair.producer_proxy.stop()
    await eventually(lambda: _not(pair.producer.runtime.broker.ready))
    not_ready = await client.get("/readyz")
    assert not_ready.status_code == 503
    assert not_ready.json()["checks"]["broker"] == "not connected"
    await pair.producer_proxy.start()


async def test_start_up_objects_are_left_out_of_garbage_collection(pair: Pair) -> None:
    # A running service has frozen what start-up built (modules, models, the app), so a full
    # collection does not walk them again in the middle of a request or an event.
    assert gc.get_freeze_count() > 10_000


async def _have(svc: RunningService, n: int) -> dict[str, int] | None:
    applied = await _applied(svc)
    return applied if len(applied) >= n else None


async def _not(value: bool) -> bool:
    return not value


async def _true(value: bool) -> bool:
    return value


async def test_the_dev_sign_in_exists_only_in_dev(pair: Pair, databases) -> None:
    # The pair runs with environment=test: no such path.
    missing = await pair.producer.client.post("/dev/token", json={"roles": ["hr_admin"]})
    assert missing.status_code == 404
    db = await databases.create("toy_dev")
    await toy.create_schema(db)
    settings = ServiceSettings(
        service_name="org-service",
        database_url=db,
        environment="dev",
        run_background=False,
    )
    async with running_service(toy.producer, settings, wait_ready=False) as dev:
        got = await dev.client.post("/dev/token", json={"roles": ["recruiter"], "sub": "ana"})
        assert got.status_code == 200
        token = got.json()["access_token"]
        me = await dev.client.post(
            "/api/v1/things", json={"title": "x"}, headers={"Authorization": f"Bearer {token}"}
        )
        assert me.status_code == 403  # a genuine recruiter token: authenticated, wrong role
        bad = await dev.client.post("/dev/token", json={"roles": ["superuser"]})
        assert bad.status_code == 422
