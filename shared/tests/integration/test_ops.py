"""Inbox retention and the run-time metrics ops alert on."""

from __future__ import annotations

import asyncio
import contextlib
import uuid

import pytest
import toy
from prometheus_client import generate_latest
from pydantic import ValidationError
from sqlalchemy import insert, select, text

from talentloop_shared.config import ServiceSettings
from talentloop_shared.db import create_engine, create_session_factory
from talentloop_shared.db.tables import inbox
from talentloop_shared.inbox import purge_inbox
from talentloop_shared.ops import monitor
from talentloop_shared.testing.harness import FAST_MESSAGING, running_service
from talentloop_shared.testing.plugin import delete_namespace


async def test_inbox_rows_older_than_the_window_are_purged(databases) -> None:
    url = await databases.create("inbox_retention")
    await toy.create_schema(url)
    engine = create_engine(url)
    sessions = create_session_factory(engine)
    try:
        async with sessions() as s:
            for age_hours in (1, 24 * 29, 24 * 31, 24 * 90):
                await s.execute(
                    insert(inbox).values(
                        event_id=f"e-{age_hours}",
                        event_type="position-changed",
                        source="/org-service",
                        received_at=text(f"now() - interval '{age_hours} hours'"),
                    )
                )
            await s.commit()
        async with sessions() as s:
            assert await purge_inbox(s, hours=24 * 30, batch=1) == 2  # in batches of one
            await s.commit()
            left = sorted((await s.scalars(select(inbox.c.event_id))).all())
        assert left == ["e-1", "e-696"]
    finally:
        await engine.dispose()


def test_the_window_must_outlive_the_longest_redelivery_path() -> None:
    # 20 deliveries × (5 s + 60 s + 600 s) = 3.7 hours
    with pytest.raises(ValidationError, match="TALENTLOOP_INBOX_RETENTION_HOURS"):
        ServiceSettings(inbox_retention_hours=3)
    assert ServiceSettings(inbox_retention_hours=4).inbox_retention_hours == 4
    assert ServiceSettings().inbox_retention_hours == 720


async def test_metrics_show_outbox_lag_parked_messages_and_the_consumer(
    databases, amqp_url: str, amqp_namespace: str
) -> None:
    ns = f"{amqp_namespace}{uuid.uuid4().hex[:6]}."
    url = await databases.create("toy_metrics")
    await toy.create_schema(url)
    settings = ServiceSettings(
        service_name="toy-consumer",
        database_url=url,
        amqp_url=amqp_url,
        **{**FAST_MESSAGING, "amqp_namespace": ns},
    )
    try:
        async with running_service(toy.consumer, settings) as svc:
            rt = svc.runtime
            # An event published with a routing key nobody binds: parked in unrouted.
            await rt.broker.publish(b"{}", message_id="m1", routing_key="nobody-listens")
            await monitor.refresh(rt)
            text_ = generate_latest().decode()
            assert 'talentloop_consumer_connected{service="toy-consumer"} 1.0' in text_
            assert 'talentloop_broker_connected{service="toy-consumer"} 1.0' in text_
            assert 'talentloop_parked_messages{queue="dlq",service="toy-consumer"} 0.0' in text_
            assert 'talentloop_parked_messages{queue="unrouted",service="toy-consumer"} 1.0' in (
                text_
            )
            assert 'talentloop_outbox_oldest_unpublished_seconds{service="toy-consumer"} 0.0' in (
                text_
            )
            # The relay stops (as when it is stuck): an unpublished row ages.
            (relay,) = [t for t in rt.tasks if t.get_name() == "outbox-relay"]
            relay.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await relay
            async with rt.session_factory() as s:
                await s.execute(
                    text(
                        "INSERT INTO outbox (id, event_type, routing_key, envelope, created_at, "
                        "published_at) VALUES (gen_random_uuid(), 'x', 'x', '{}', "
                        "now() - interval '5 minutes', now())"
                    )
                )
                await s.execute(
                    text(
                        "INSERT INTO outbox (id, event_type, routing_key, envelope, created_at) "
                        "VALUES (gen_random_uuid(), 'y', 'y', '{}', now() - interval '90 seconds')"
                    )
                )
                await s.commit()
            await monitor.refresh(rt)
            line = next(
                ln
                for ln in generate_latest().decode().splitlines()
                if ln.startswith('talentloop_outbox_oldest_unpublished_seconds{service="toy-c')
            )
            assert 85 < float(line.split()[-1]) < 3600, line
    finally:
        await delete_namespace(amqp_url, ns)
