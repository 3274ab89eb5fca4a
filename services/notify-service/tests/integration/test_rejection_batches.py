"""Rejections that arrive together are handled together, and each is still applied once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from typing import Any

import aio_pika
import pytest
from notify_testkit import as_awaitable, mails_to, notices_of, rejection
from sqlalchemy import select

from notify_service.db.webhooks import WebhookCandidateLink
from notify_service.events import handlers
from talentloop_shared.events import new_event
from talentloop_shared.events.envelope import CloudEvent
from talentloop_shared.events.payloads import CandidateErased, CandidateRejected
from talentloop_shared.messaging.consumer import REASON_HEADER
from talentloop_shared.messaging.topology import Topology
from talentloop_shared.testing.harness import RunningService, deliver_together
from talentloop_shared.testing.plugin import eventually


def _event(payload: CandidateRejected | CandidateErased) -> CloudEvent:
    source = "/recruiting-service"
    return new_event(type=payload.EVENT_TYPE, source=source, data=payload)


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[list[str]]]:
    """The application ids of each call that wrote rejection notices, in order."""
    calls: list[list[str]] = []
    write = handlers.create_rejection_notices_many

    async def spy(uow: Any, rejections: Sequence[tuple[CandidateRejected, CloudEvent]]) -> Any:
        calls.append([payload.application_id for payload, _ in rejections])
        return await write(uow, rejections)

    monkeypatch.setattr(handlers, "create_rejection_notices_many", spy)
    yield calls


async def _count(client: Any, headers: dict[str, str], application_id: str) -> int:
    r = await client.get(
        "/api/v1/notifications", params={"application_id": application_id}, headers=headers
    )
    return len(r.json()["items"])


async def test_rejections_delivered_together_are_written_in_one_call_each_once(
    svc: RunningService, client, auth, mail_sink, runs
) -> None:
    payloads = [rejection() for _ in range(5)]
    quiet = rejection(send=False)  # HR chose not to notify: no notice
    erased = rejection()  # about someone erased before the rejection arrived
    erasure = CandidateErased.model_validate(
        {"candidate_id": erased.candidate.id, "erased_at": "2026-11-28T00:00:00Z"}
    )
    await deliver_together(svc, [_event(erasure)])
    events = [_event(p) for p in [*payloads, quiet, erased]]
    # The third rejection twice in the batch: claimed once, written once.
    await deliver_together(svc, [*events[:3], events[2], *events[3:]])
    assert runs == [[p.application_id for p in [*payloads, quiet, erased]]]
    hr = auth("hr_admin")
    for p in payloads:
        [notice] = await notices_of(client, hr, p.application_id)
        assert notice["status"] in ("scheduled", "sending", "sent")
        await eventually(
            lambda to=p.candidate.email: as_awaitable(mails_to(mail_sink, to)), message="mail"
        )
    # A redelivery later, alone and within a batch, writes nothing more.
    await deliver_together(svc, [events[0]])
    await deliver_together(svc, [events[1], events[4]])
    assert len(runs) == 1
    await asyncio.sleep(0.5)
    for p in payloads:
        assert await _count(client, hr, p.application_id) == 1
        assert len(mails_to(mail_sink, p.candidate.email)) == 1
    assert await _count(client, hr, quiet.application_id) == 0
    assert await _count(client, hr, erased.application_id) == 0
    # The webhook fan-out linked each application to its candidate, for a later erasure.
    async with svc.runtime.session_factory() as session:
        rows = await session.execute(
            select(WebhookCandidateLink.application_id, WebhookCandidateLink.candidate_id)
        )
        links = {(application, candidate) for application, candidate in rows}
    for p in [*payloads, quiet]:
        assert (p.application_id, p.candidate.id) in links


async def test_a_rejection_that_cannot_be_stored_holds_back_no_other_in_its_batch(
    svc: RunningService, client, auth, amqp_url, runs
) -> None:
    good = [rejection() for _ in range(4)]
    # An application id longer than the column: the batch's one INSERT fails.
    poisoned = rejection().model_copy(update={"application_id": "app-" + "x" * 200})
    events = [_event(p) for p in [good[0], good[1], poisoned, good[2], good[3]]]
    await deliver_together(svc, events)
    ids = [p.application_id for p in [good[0], good[1], poisoned, good[2], good[3]]]
    # The batch failed and was rolled back as a whole; then each went alone.
    assert runs[:6] == [ids, *([i] for i in ids)]
    hr = auth("hr_admin")
    for p in good:
        [notice] = await notices_of(client, hr, p.application_id)
        assert notice["status"] in ("scheduled", "sending", "sent")
    # The poisoned one goes through the retry tiers (applied alone each time) to the DLQ.
    ns = svc.runtime.settings.amqp_namespace
    dlq_name = Topology(service="notify-service", namespace=ns).dlq
    connection = await aio_pika.connect(amqp_url)
    try:
        channel = await connection.channel()
        dlq = await channel.declare_queue(dlq_name, passive=True)

        async def parked() -> aio_pika.abc.AbstractIncomingMessage | None:
            msg = await dlq.get(no_ack=False, fail=False)
            if msg is None:
                return None
            if msg.message_id != events[2].id:
                await msg.nack(requeue=True)  # another test's
                return None
            await msg.ack()
            return msg

        found = await eventually(parked, timeout=20, message="the poisoned event parked")
    finally:
        await connection.close()
    assert str(found.headers[REASON_HEADER]).startswith("failed ")
    assert all(run == [poisoned.application_id] for run in runs[6:])
    for p in good:
        assert await _count(client, hr, p.application_id) == 1
