"""Signed webhooks out: events from the bus reach the subscriptions that want them, signed
per Standard Webhooks, at a real HTTP receiver on loopback that verifies every signature
with the `standardwebhooks` library."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from notify_testkit import as_awaitable, mails_to, publish, rejection
from notify_webhooks_kit import HR_ALERTS, Receiver, deliveries, subscribe, wait_received
from sqlalchemy import func, select, update

from notify_service.db.webhooks import WebhookDelivery, WebhookSubscription
from notify_service.service.webhooks import record_deliveries
from talentloop_shared.events import new_event
from talentloop_shared.events.payloads import (
    CandidateErased,
    CandidateHired,
    FeedbackReceived,
    InterviewScheduled,
    PositionChanged,
)
from talentloop_shared.events.registry import publisher_source
from talentloop_shared.testing.harness import RunningService, applied
from talentloop_shared.testing.plugin import eventually
from talentloop_shared.testing.smtp import SMTPSink

Auth = Callable[..., dict[str, str]]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver()
    r.start()
    yield r
    r.stop()


@pytest.fixture(autouse=True)
async def _remove_subscriptions(svc: RunningService, auth: Auth) -> AsyncIterator[None]:
    """Each test's subscriptions are gone after it: later tests' events go nowhere."""
    yield
    await _stop_all(svc.client, auth("hr_admin"))


def position_changed(uid: str) -> PositionChanged:
    return PositionChanged.model_validate(
        {
            "change": "created",
            "position": {
                "id": f"pos-{uid}",
                "version": 1,
                "title": "Backend Engineer",
                "status": "open",
                "org_unit": {"id": "ou-1", "name": "Platform"},
            },
        }
    )


def candidate_hired(uid: str) -> CandidateHired:
    return CandidateHired.model_validate(
        {
            "application_id": f"app-{uid}",
            "hired_at": datetime.now(UTC).isoformat(),
            "decided_by": "hr-1",
            "candidate": {"id": f"cand-{uid}", "name": "Jane Doe", "email": "j@example.com"},
            "position": {"id": f"pos-{uid}", "title": "Backend Engineer"},
        }
    )


def interview_scheduled(application_id: str) -> InterviewScheduled:
    return InterviewScheduled.model_validate(
        {
            "interview_id": f"iv-{uuid.uuid4().hex[:8]}",
            "application_id": application_id,
            "start": (datetime.now(UTC) + timedelta(days=2)).isoformat(),
            "duration_minutes": 45,
            "candidate": {"name": "Jane Doe", "email": "jane.doe@example.com"},
            "position": {"id": "pos-1", "title": "Backend Engineer"},
        }
    )


def path() -> str:
    return f"/hooks/{uuid.uuid4().hex[:10]}"


async def _stop_all(client: Any, hr: dict[str, str]) -> None:
    """Subscriptions of earlier tests stop receiving (each test makes its own)."""
    url = "/api/v1/webhook-subscriptions"
    while items := (await client.get(url, headers=hr, params={"limit": 500})).json()["items"]:
        for sub in items:
            await client.delete(f"{url}/{sub['id']}", headers=hr)


async def test_each_kind_reaches_who_wants_it_signed(
    svc: RunningService, amqp_url: str, auth: Auth, receiver: Receiver
) -> None:
    hr = auth("hr_admin")
    client = svc.client
    await _stop_all(client, hr)
    wants = path()
    other = path()
    everything = path()
    await subscribe(client, hr, receiver, wants, ["position-changed", "candidate-rejected"])
    await subscribe(client, hr, receiver, other, ["candidate-hired"])
    await subscribe(client, hr, receiver, everything, None)

    uid = uuid.uuid4().hex[:8]
    pos_id = await publish(svc, amqp_url, position_changed(uid), event_type="position-changed")
    rej_id = await publish(svc, amqp_url, rejection())
    # notify's own type comes back to it through the bus (events/webhooks.py)
    feedback = FeedbackReceived.model_validate(
        {
            "notification_id": str(uuid.uuid4()),
            "application_id": f"app-{uid}",
            "candidate_id": f"cand-{uid}",
            "ratings": {"tone": 5},
            "answered_at": datetime.now(UTC).isoformat(),
        }
    )
    fb_id = await publish(svc, amqp_url, feedback, event_type="feedback-received")

    got = await wait_received(receiver, wants, 2)
    assert sorted(r.event["id"] for r in got) == sorted([pos_id, rej_id])
    for r in got:
        assert r.verified_with == receiver.secrets[wants], "signature verifies with the library"
        assert r.webhook_id == f"msg_{r.event['id']}"
        assert r.headers["content-type"] == "application/cloudevents+json"
        assert r.event["specversion"] == "1.0"
        assert r.event["source"] == publisher_source(r.event["type"])
    assert {r.event["type"] for r in got} == {"position-changed", "candidate-rejected"}

    every = await wait_received(receiver, everything, 3)
    assert {r.event["id"] for r in every} == {pos_id, rej_id, fb_id}
    assert all(r.verified_with for r in every)

    # the one that wants only candidate-hired got none of them; a hire then reaches it
    assert receiver.at(other) == []
    hire_id = await publish(svc, amqp_url, candidate_hired(uid), event_type="candidate-hired")
    (hire,) = await wait_received(receiver, other, 1)
    assert hire.event["id"] == hire_id and hire.verified_with
    assert [r.event["type"] for r in receiver.at(other)] == ["candidate-hired"]
    assert not [r for r in receiver.at(wants) if r.event["id"] == hire_id]


async def test_duplicate_event_from_the_broker_is_one_webhook(
    svc: RunningService, amqp_url: str, auth: Auth, receiver: Receiver
) -> None:
    hr = auth("hr_admin")
    client = svc.client
    await _stop_all(client, hr)
    p = path()
    sub = await subscribe(client, hr, receiver, p, ["position-changed"])
    uid = uuid.uuid4().hex[:8]
    event_id = uuid.uuid4()
    payload = position_changed(uid)
    await publish(svc, amqp_url, payload, event_type="position-changed", event_id=event_id)
    await publish(svc, amqp_url, payload, event_type="position-changed", event_id=event_id)
    # A later event: the queue is consumed in order, so once it is delivered both copies
    # of the first were consumed.
    marker = await publish(svc, amqp_url, position_changed(uid), event_type="position-changed")
    await wait_received(receiver, p, 2)
    await eventually(
        lambda: as_awaitable(any(r.event["id"] == marker for r in receiver.at(p))),
        message="the marker event arrives",
    )
    assert [r.event["id"] for r in receiver.at(p)].count(str(event_id)) == 1
    log = await deliveries(client, hr, sub["id"])
    assert [d["event_id"] for d in log].count(str(event_id)) == 1

    # Belt and braces: recording the same event twice (past the inbox) makes one delivery.
    event = new_event(type="position-changed", source="/org-service", data=position_changed(uid))
    async with svc.uow_factory() as uow:
        first = await record_deliveries(uow, event)
        again = await record_deliveries(uow, event)
        await uow.commit()
    assert (first, again) == (1, 0)


async def test_receiver_down_for_a_while_then_delivered_once(
    svc: RunningService, amqp_url: str, auth: Auth
) -> None:
    hr = auth("hr_admin")
    client = svc.client
    await _stop_all(client, hr)
    receiver = Receiver()  # not started: connections are refused
    p = path()
    sub = await subscribe(client, hr, receiver, p, ["position-changed"])
    event_id = await publish(
        svc, amqp_url, position_changed(uuid.uuid4().hex[:8]), event_type="position-changed"
    )

    async def failed_twice() -> dict[str, Any] | None:
        log = await deliveries(client, hr, sub["id"])
        return log[0] if log and log[0]["attempts"] >= 2 else None

    failing = await eventually(failed_twice, timeout=15, message="two failed attempts")
    assert failing["status"] in ("pending", "delivering")
    assert failing["last_error"] and failing["last_status_code"] is None
    receiver.start()
    try:
        (got,) = await wait_received(receiver, p, 1)
        assert got.event["id"] == event_id and got.verified_with

        async def delivered() -> dict[str, Any] | None:
            log = await deliveries(client, hr, sub["id"])
            return log[0] if log[0]["status"] == "delivered" else None

        row = await eventually(delivered, message="recorded as delivered")
        assert row["attempts"] >= 3
        assert row["last_status_code"] == 204 and row["last_latency_ms"] is not None
        assert row["webhook_id"] == f"msg_{event_id}" == got.webhook_id
        assert len(receiver.at(p)) == 1, "delivered once"
        sub_now = (
            await client.get(f"/api/v1/webhook-subscriptions/{sub['id']}", headers=hr)
        ).json()
        assert sub_now["active"] is True
    finally:
        receiver.stop()


async def test_410_disables_the_subscription_and_tells_hr(
    svc: RunningService, amqp_url: str, auth: Auth, receiver: Receiver, mail_sink: SMTPSink
) -> None:
    hr = auth("hr_admin")
    client = svc.client
    await _stop_all(client, hr)
    p = path()
    receiver.status[p] = 410
    sub = await subscribe(client, hr, receiver, p, ["position-changed"])
    await publish(svc, amqp_url, position_changed("a"), event_type="position-changed")
    await wait_received(receiver, p, 1)

    async def disabled() -> dict[str, Any] | None:
        r = await client.get(f"/api/v1/webhook-subscriptions/{sub['id']}", headers=hr)
        body = r.json()
        return body if not body["active"] else None

    now = await eventually(disabled, message="subscription disabled")
    assert "410" in now["disabled_reason"]
    (row,) = await deliveries(client, hr, sub["id"])
    assert row["status"] == "failed" and row["last_status_code"] == 410
    assert row["attempts"] == 1, "a 410 is not retried"
    mail = await eventually(
        lambda: as_awaitable([m for m in mails_to(mail_sink, HR_ALERTS) if sub["id"] in m.text()]),
        message="HR is told",
    )
    assert "410" in mail[0].text()

    # Disabled: later events are not delivered (not even recorded).
    later = await publish(svc, amqp_url, position_changed("b"), event_type="position-changed")
    await applied(svc, later)
    assert len(await deliveries(client, hr, sub["id"])) == 1
    assert len(receiver.at(p)) == 1


async def test_retries_spent_disable_with_the_reason_then_reenable_sends_the_rest(
    svc: RunningService, amqp_url: str, auth: Auth, receiver: Receiver, mail_sink: SMTPSink
) -> None:
    hr = auth("hr_admin")
    client = svc.client
    await _stop_all(client, hr)
    p = path()
    receiver.status[p] = 503
    sub = await subscribe(client, hr, receiver, p, ["position-changed"])
    await publish(svc, amqp_url, position_changed("c"), event_type="position-changed")
    schedule = svc.runtime.settings.webhook_retry_schedule_seconds  # type: ignore[attr-defined]

    async def disabled() -> dict[str, Any] | None:
        r = await client.get(f"/api/v1/webhook-subscriptions/{sub['id']}", headers=hr)
        body = r.json()
        return body if not body["active"] else None

    now = await eventually(disabled, timeout=30, message="disabled after the schedule")
    assert f"{len(schedule) + 1} attempts" in now["disabled_reason"]
    assert "HTTP 503" in now["disabled_reason"]
    (row,) = await deliveries(client, hr, sub["id"])
    assert row["status"] == "failed" and row["attempts"] == len(schedule) + 1
    assert len(receiver.at(p)) == len(schedule) + 1
    await eventually(
        lambda: as_awaitable([m for m in mails_to(mail_sink, HR_ALERTS) if sub["id"] in m.text()]),
        message="HR is told",
    )

    # Fixed: HR re-enables it and redelivers the failed one by hand.
    receiver.status[p] = 200
    r = await client.patch(
        f"/api/v1/webhook-subscriptions/{sub['id']}",
        headers=hr | {"If-Match": f'"{now["version"]}"'},
        json={"active": True},
    )
    assert r.status_code == 200, r.text
    assert r.json()["disabled_reason"] is None
    r = await client.post(
        f"/api/v1/webhook-subscriptions/{sub['id']}/deliveries/{row['id']}/redeliver",
        headers=hr,
    )
    assert r.status_code == 200, r.text
    got = await wait_received(receiver, p, len(schedule) + 2)
    assert len({g.webhook_id for g in got}) == 1, "the same webhook-id on every attempt"
    (row,) = await deliveries(client, hr, sub["id"])
    assert row["status"] in ("delivering", "delivered", "pending")


async def test_private_range_refused_outside_dev_at_create_and_at_delivery(
    svc: RunningService, amqp_url: str, auth: Auth, receiver: Receiver
) -> None:
    hr = auth("hr_admin")
    client = svc.client
    await _stop_all(client, hr)
    p = path()
    # Created while loopback is allowed (test), then the deployment's policy is prod's.
    sub = await subscribe(client, hr, receiver, p, ["position-changed"])
    settings = svc.runtime.settings
    settings.webhook_allow_private_targets = False  # type: ignore[attr-defined]
    try:
        for url, rule in [
            ("http://example.com/hook", "https-required"),
            ("https://10.1.2.3/hook", "private"),
            ("https://127.0.0.1:8443/hook", "loopback"),
            ("https://localhost/hook", "loopback"),
            ("https://169.254.169.254/latest/meta-data", "link-local"),
            ("https://[::1]/hook", "loopback"),
            ("https://[::ffff:192.168.0.1]/hook", "private"),
            ("https://0.0.0.0/hook", "unspecified"),
            ("https://224.0.0.1/hook", "multicast"),
            ("ftp://example.com/hook", "url"),
        ]:
            r = await client.post("/api/v1/webhook-subscriptions", headers=hr, json={"url": url})
            assert r.status_code == 422, (url, r.text)
            assert f"(rule: {rule})" in r.json()["detail"], (url, r.json())

        # At delivery time too: the existing loopback subscription gets nothing.
        event_id = await publish(
            svc, amqp_url, position_changed("d"), event_type="position-changed"
        )

        async def refused() -> dict[str, Any] | None:
            log = await deliveries(client, hr, sub["id"])
            return log[0] if log and log[0]["attempts"] >= 1 and log[0]["last_error"] else None

        row = await eventually(refused, message="the attempt is refused")
        assert row["event_id"] == event_id
        assert "loopback" in row["last_error"] and "refused" in row["last_error"]
        assert receiver.at(p) == []
    finally:
        settings.webhook_allow_private_targets = None  # type: ignore[attr-defined]
        await client.delete(f"/api/v1/webhook-subscriptions/{sub['id']}", headers=hr)


async def test_rotated_secret_verifies_with_either_during_the_overlap(
    svc: RunningService, amqp_url: str, auth: Auth, receiver: Receiver
) -> None:
    hr = auth("hr_admin")
    client = svc.client
    await _stop_all(client, hr)
    p = path()
    sub = await subscribe(client, hr, receiver, p, ["position-changed"])
    old = sub["secret"]
    r = await client.post(
        f"/api/v1/webhook-subscriptions/{sub['id']}/rotate-secret",
        headers=hr | {"If-Match": '"1"'},
    )
    assert r.status_code == 200, r.text
    new = r.json()["secret"]
    assert new.startswith("whsec_") and new != old
    assert r.json()["previous_secret_expires_at"] is not None
    receiver.secrets[p] = [old, new]

    await publish(svc, amqp_url, position_changed("e"), event_type="position-changed")
    (got,) = await wait_received(receiver, p, 1)
    assert got.verified_with == [old, new], "either secret verifies during the overlap"
    assert len(got.headers["webhook-signature"].split(" ")) == 2

    # The overlap ends: only the new secret signs.
    async with svc.runtime.session_factory() as session:
        await session.execute(
            update(WebhookSubscription)
            .where(WebhookSubscription.id == uuid.UUID(sub["id"]))
            .values(previous_secret_expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
        await session.commit()
    await publish(svc, amqp_url, position_changed("f"), event_type="position-changed")
    got = await wait_received(receiver, p, 2)
    assert got[1].verified_with == [new]

    # A stale If-Match is refused; the secret is never listed nor read back.
    r = await client.post(
        f"/api/v1/webhook-subscriptions/{sub['id']}/rotate-secret",
        headers=hr | {"If-Match": '"1"'},
    )
    assert r.status_code == 412
    listed = (await client.get("/api/v1/webhook-subscriptions", headers=hr)).text
    read = (await client.get(f"/api/v1/webhook-subscriptions/{sub['id']}", headers=hr)).text
    for secret in (old, new):
        assert secret not in listed and secret not in read


async def test_erasure_scrubs_delivered_bodies_and_cancels_pending(
    svc: RunningService, amqp_url: str, auth: Auth, receiver: Receiver
) -> None:
    hr = auth("hr_admin")
    client = svc.client
    await _stop_all(client, hr)
    p = path()
    sub = await subscribe(client, hr, receiver, p, None)
    payload = rejection(name="Erin Erased")
    candidate_id = payload.candidate.id
    rej = await publish(svc, amqp_url, payload)
    # An interview event names only the application: linked through the rejection.
    iv = await publish(
        svc,
        amqp_url,
        interview_scheduled(payload.application_id),
        event_type="interview-scheduled",
    )
    await wait_received(receiver, p, 2)

    async def both_delivered() -> bool:
        log = await deliveries(client, hr, sub["id"], status="delivered")
        return {d["event_id"] for d in log} >= {rej, iv}

    await eventually(both_delivered, message="both delivered")
    erased = CandidateErased.model_validate(
        {"candidate_id": candidate_id, "erased_at": datetime.now(UTC).isoformat()}
    )
    erase_id = await publish(svc, amqp_url, erased, event_type="candidate-erased")
    await applied(svc, erase_id)

    async with svc.runtime.session_factory() as session:
        rows = {
            d.event_id: d
            for d in await session.scalars(
                select(WebhookDelivery).where(
                    WebhookDelivery.subscription_id == uuid.UUID(sub["id"])
                )
            )
        }
        leftover = await session.scalar(
            select(func.count())
            .select_from(WebhookDelivery)
            .where(WebhookDelivery.body.contains("Erin Erased"))
        )
    assert rows[rej].body is None and rows[rej].scrubbed_at is not None
    assert rows[iv].body is None
    assert rows[rej].status == "delivered", "the log keeps what happened"
    assert leftover == 0
    # The erasure itself goes out (it carries only the opaque id).
    got = await wait_received(receiver, p, 3)
    assert got[-1].event["type"] == "candidate-erased" and got[-1].verified_with
    log = {d["event_id"]: d for d in await deliveries(client, hr, sub["id"])}
    assert log[rej]["scrubbed"] is True and log[erase_id]["scrubbed"] is False
    r = await client.post(
        f"/api/v1/webhook-subscriptions/{sub['id']}/deliveries/{log[rej]['id']}/redeliver",
        headers=hr,
    )
    assert r.status_code == 410

    # A late event about the erased candidate is not sent anywhere.
    late = await publish(
        svc, amqp_url, interview_scheduled(payload.application_id), event_type="interview-scheduled"
    )
    hired = candidate_hired("x")
    hired.candidate.id = candidate_id
    late2 = await publish(svc, amqp_url, hired, event_type="candidate-hired")
    await applied(svc, late, late2)
    ids = {d["event_id"] for d in await deliveries(client, hr, sub["id"])}
    assert late not in ids and late2 not in ids
