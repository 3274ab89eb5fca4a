"""candidate-erased: unsent notices are cancelled, personal data is scrubbed, and nothing
about the person comes back (real broker, DB and SMTP sink)."""

from __future__ import annotations

import asyncio
import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from notify_testkit import (
    as_awaitable,
    mails_to,
    noon_zone,
    notice_in,
    notices_of,
    publish,
    rejection,
    survey_token_mailed_to,
    wake_dispatcher,
)
from sqlalchemy import delete, insert, select, text, update

from notify_service.db.models import (
    DeliveryAttempt,
    ErasedCandidate,
    Notification,
    SurveyResponse,
)
from notify_service.service.delivery import DeliveryResult
from notify_service.service.dispatch import _record, recover_stale_claims
from notify_service.service.erasure import ERASED_REASON, erase_candidate
from notify_service.service.notices import create_invitation_notices, create_rejection_notices
from talentloop_shared.events import new_event
from talentloop_shared.events.payloads import CandidateErased, CandidateRejected, TalentInvited
from talentloop_shared.testing.harness import RunningService, applied, publish_event
from talentloop_shared.testing.plugin import eventually

PERSONAL = ("recipient", "subject", "body_text", "body_html", "survey_url")


async def erase(
    svc: RunningService, amqp_url: str, candidate_id: str, *, event_id: uuid.UUID | None = None
) -> str:
    """Publish candidate-erased as talent-service does."""
    event = new_event(
        type="candidate-erased",
        source="/talent-service",
        data=CandidateErased(
            candidate_id=candidate_id, erased_at=datetime.now(UTC), reason="consent withdrawn"
        ),
        event_id=event_id,
    )
    await publish_event(amqp_url, svc.runtime.settings.amqp_namespace, event)
    return event.id


async def rows(svc: RunningService, candidate_id: str) -> list[Notification]:
    """The candidate's notices, straight from the database."""
    async with svc.runtime.session_factory() as session:
        found = await session.scalars(
            select(Notification)
            .where(Notification.candidate_id == candidate_id)
            .order_by(Notification.created_at)
        )
        return list(found)


async def row(svc: RunningService, notification_id: str | uuid.UUID) -> Notification:
    async with svc.runtime.session_factory() as session:
        found = await session.get(Notification, uuid.UUID(str(notification_id)))
        assert found is not None
        return found


async def cancelled_by_erasure(svc: RunningService, notification_id: str) -> Notification:
    async def probe() -> Notification | None:
        n = await row(svc, notification_id)
        return n if n.status == "cancelled" and n.recipient is None else None

    return await eventually(probe, timeout=10, message="notice cancelled by the erasure")


async def duplicates_consumed(client: Any, event_type: str) -> float:
    """How many deliveries of `event_type` notify's consumer acknowledged as duplicates
    (/metrics; the registry is per process, so other services' lines are there too)."""
    exposition = (await client.get("/metrics")).text
    found = re.search(
        r'^talentloop_events_consumed_total{(?=[^}]*service="notify-service")'
        rf'(?=[^}}]*type="{re.escape(event_type)}")'
        rf'(?=[^}}]*outcome="duplicate")[^}}]*}} (\S+)$',
        exposition,
        re.MULTILINE,
    )
    return float(found.group(1)) if found else 0.0


def same_candidate(payload: CandidateRejected, **kw: Any) -> CandidateRejected:
    """Another rejection (new application) of `payload`'s candidate."""
    other = rejection(**kw)
    return other.model_copy(update={"candidate": payload.candidate})


def snapshot(n: Notification) -> dict[str, Any]:
    return {c.key: getattr(n, c.key) for c in Notification.__table__.columns}


async def test_unsent_notices_are_cancelled_and_never_mailed(
    svc, client, auth, amqp_url, mail_sink, clock
):
    h = auth("hr_admin")
    erased = rejection(delay_minutes=120, name="Jane Erased")
    held = same_candidate(erased, delay_minutes=120, reasons=["too old for this team"])
    kept = rejection(delay_minutes=120)
    await applied(svc, *[await publish(svc, amqp_url, p) for p in (erased, held, kept)])
    [scheduled] = await notices_of(client, h, erased.application_id)
    [pending] = await notices_of(client, h, held.application_id)
    [other] = await notices_of(client, h, kept.application_id)
    assert (scheduled["status"], pending["status"], other["status"]) == (
        "scheduled",
        "pending_review",
        "scheduled",
    )
    assert pending["flags"] and "excerpt" in pending["flags"][0]
    other_before = snapshot(await row(svc, other["id"]))

    await applied(svc, await erase(svc, amqp_url, erased.candidate.id))
    for notice in (scheduled, pending):
        n = await cancelled_by_erasure(svc, notice["id"])
        assert n.status_reason == ERASED_REASON
        assert all(getattr(n, f) is None for f in PERSONAL)
        # What the dashboard and audits use stays.
        assert n.kind == "rejection" and n.channel == "email"
        assert n.template_id is not None and n.template_version == 1
        assert n.job_family == "engineering" and n.stage == "interview" and n.locale == "en"
        assert n.application_id == notice["application_id"] and n.cc == notice["cc"]
    flags = (await row(svc, pending["id"])).flags
    assert flags and all(set(f) == {"category", "source"} for f in flags)
    assert flags[0]["category"] == "age"
    # The API shows the same.
    shown = (await client.get(f"/api/v1/notifications/{scheduled['id']}", headers=h)).json()
    assert shown["status"] == "cancelled" and shown["recipient"] is None
    assert shown["body_text"] is None and "Jane Erased" not in str(shown)
    # HR can neither approve nor send what was cancelled.
    for action in ("approve", "send-now"):
        r = await client.post(f"/api/v1/notifications/{pending['id']}/{action}", headers=h)
        assert r.status_code == 409

    assert snapshot(await row(svc, other["id"])) == other_before

    clock.advance(minutes=121)
    wake_dispatcher(svc)
    await notice_in(client, h, other["id"], "sent")
    await eventually(
        lambda: as_awaitable(mails_to(mail_sink, kept.candidate.email)), message="other's mail"
    )
    wake_dispatcher(svc)
    await asyncio.sleep(0.5)
    assert mails_to(mail_sink, erased.candidate.email) == []
    ids = {f"<{scheduled['id']}@notify.talentloop>", f"<{pending['id']}@notify.talentloop>"}
    assert not [m for m in mail_sink.messages if m.message["Message-ID"] in ids]
    about = await rows(svc, erased.candidate.id)
    assert {n.status for n in about if n.kind == "rejection"} == {"cancelled"}
    # Staff alerts about them (the held notice, to HR) went out before; their text is gone.
    for alert in (n for n in about if n.kind != "rejection"):
        assert alert.kind.startswith("alert.") and alert.body_text is None, alert.kind


async def test_sent_notice_keeps_ratings_loses_comment_and_address(
    svc, client, auth, amqp_url, mail_sink, clock
):
    h = auth("hr_admin")
    family = f"erasure-{uuid.uuid4().hex[:6]}"
    payload = rejection(job_family=family, name="Jane Erased")
    await applied(svc, await publish(svc, amqp_url, payload))
    [notice] = await notices_of(client, h, payload.application_id)
    notice = await notice_in(client, h, notice["id"], "sent")
    token = await survey_token_mailed_to(mail_sink, payload.candidate.email)
    answer = {
        "tone": 2,
        "detail": 3,
        "helpfulness": 4,
        "comment": "I am Jane, call me on +86 138 0000 0000",
        "open_to_future_roles": True,
    }
    assert (await client.post(f"/api/v1/surveys/{token}", json=answer)).status_code == 200
    # A delivery error that quoted the address (written before the dispatcher stopped doing so).
    async with svc.runtime.session_factory() as session:
        await session.execute(
            update(DeliveryAttempt)
            .where(DeliveryAttempt.notification_id == uuid.UUID(notice["id"]))
            .values(error=f"recipients refused: {payload.candidate.email} (550)")
        )
        await session.commit()

    await applied(svc, await erase(svc, amqp_url, payload.candidate.id))

    async def scrubbed() -> Notification | None:
        n = await row(svc, notice["id"])
        return n if n.recipient is None else None

    n = await eventually(scrubbed, timeout=10, message="sent notice scrubbed")
    assert n.status == "sent" and n.sent_at is not None and n.status_reason is None
    assert all(getattr(n, f) is None for f in PERSONAL)
    assert n.message_id == f"<{notice['id']}@notify.talentloop>"
    assert n.template_name == notice["template_name"] and n.job_family == family
    async with svc.runtime.session_factory() as session:
        response = await session.get(SurveyResponse, uuid.UUID(notice["id"]))
        [attempt] = await session.scalars(
            select(DeliveryAttempt).where(DeliveryAttempt.notification_id == n.id)
        )
    assert response is not None and response.comment is None
    assert (response.tone, response.detail, response.timeliness, response.helpfulness) == (
        2,
        3,
        None,
        4,
    )
    assert response.open_to_future_roles is True
    assert attempt.error == "recipients refused: [erased] (550)" and attempt.outcome == "sent"

    # The dashboard still counts the notice and its ratings.
    summary = (
        await client.get("/api/v1/feedback/summary", params={"group_by": "job_family"}, headers=h)
    ).json()
    [group] = [g for g in summary["groups"] if g["group"] == family]
    assert group["notices_sent"] == 1 and group["responses"] == 1
    assert group["mean_ratings"]["tone"] == 2.0

    # The survey is closed: no new comment is stored.
    closed = await client.post(f"/api/v1/surveys/{token}", json={"comment": "back again"})
    assert closed.status_code == 410
    assert closed.headers["content-type"].startswith("application/problem+json")
    assert closed.json()["type"].endswith("survey-closed")
    page = await client.get(f"/survey/{token}")
    assert page.status_code == 410 and "Jane" not in page.text
    form = await client.post(f"/survey/{token}", data={"comment": "back again"})
    assert form.status_code == 410
    async with svc.runtime.session_factory() as session:
        again = await session.get(SurveyResponse, uuid.UUID(notice["id"]))
    assert again is not None and again.comment is None and again.times_answered == 1


async def test_twice_changes_nothing_more_and_late_events_write_no_notice(
    svc, client, auth, amqp_url, mail_sink, clock
):
    h = auth("hr_admin")
    payload = rejection(delay_minutes=120)
    await applied(svc, await publish(svc, amqp_url, payload))
    [notice] = await notices_of(client, h, payload.application_id)
    event_id = uuid.uuid4()
    await applied(svc, await erase(svc, amqp_url, payload.candidate.id, event_id=event_id))
    first = await cancelled_by_erasure(svc, notice["id"])
    async with svc.runtime.session_factory() as session:
        record = await session.get(ErasedCandidate, payload.candidate.id)
    assert record is not None

    # The same event redelivered: the consumer acknowledges it as a duplicate.
    duplicates = await duplicates_consumed(client, "candidate-erased")
    await erase(svc, amqp_url, payload.candidate.id, event_id=event_id)

    async def redelivery_seen() -> bool:
        return await duplicates_consumed(client, "candidate-erased") == duplicates + 1

    await eventually(redelivery_seen, timeout=10, message="redelivery acknowledged")
    # A second erasure (a new event) of the same person, a late rejection (a retried
    # delivery) and a late invitation: each handler runs and commits, and writes nothing.
    again_erased = await erase(svc, amqp_url, payload.candidate.id)
    late = same_candidate(payload, delay_minutes=0)
    late_rejected = await publish(svc, amqp_url, late)
    uid = uuid.uuid4().hex[:8]
    invited = TalentInvited(
        invitation_id=f"inv-{uid}",
        match_id=f"m-{uid}",
        invited_by="hr-1",
        invited_at=datetime.now(UTC),
        candidate=payload.candidate,
        position={"id": f"p-{uid}", "title": "Data Analyst", "job_family": "data"},
    )
    late_invited = await publish(svc, amqp_url, invited, event_type="talent-invited")
    await applied(svc, again_erased, late_rejected, late_invited)

    [again] = await rows(svc, payload.candidate.id)
    assert snapshot(again) == snapshot(first)
    async with svc.runtime.session_factory() as session:
        record_again = await session.get(ErasedCandidate, payload.candidate.id)
    assert record_again is not None and record_again.erased_at == record.erased_at
    r = await client.get(
        "/api/v1/notifications", params={"candidate_id": payload.candidate.id}, headers=h
    )
    assert [n["id"] for n in r.json()["items"]] == [notice["id"]]
    await asyncio.sleep(0.3)
    assert mails_to(mail_sink, payload.candidate.email) == []

    # Applied directly once more, the erasure reports that it found nothing left to do.
    async with svc.uow_factory() as uow:
        result = await erase_candidate(
            uow, candidate_id=payload.candidate.id, erased_at=datetime.now(UTC)
        )
        await uow.commit()
    assert not result.first_time
    assert (result.notices_erased, result.notices_cancelled, result.survey_comments_erased) == (
        0,
        0,
        0,
    )


async def test_unknown_candidate_is_a_no_op(svc, client, auth, amqp_url, clock):
    h = auth("hr_admin")
    bystander = rejection(delay_minutes=120)
    await applied(svc, await publish(svc, amqp_url, bystander))
    [notice] = await notices_of(client, h, bystander.application_id)
    before = snapshot(await row(svc, notice["id"]))
    async with svc.runtime.session_factory() as session:
        total = len(list(await session.scalars(select(Notification.id))))
    unknown = f"cand-unknown-{uuid.uuid4().hex[:8]}"
    await applied(svc, await erase(svc, amqp_url, unknown))
    assert snapshot(await row(svc, notice["id"])) == before
    async with svc.runtime.session_factory() as session:
        assert len(list(await session.scalars(select(Notification.id)))) == total
        # The id is remembered, so a rejection still waiting for a retry cannot notify them.
        assert await session.get(ErasedCandidate, unknown) is not None
    await client.post(f"/api/v1/notifications/{notice['id']}/cancel", headers=h)


# --- the dispatcher and the erasure at the same moment ------------------------------------


async def _claimed(svc: RunningService) -> tuple[CandidateRejected, Notification]:
    """A rejection's notice as the dispatcher holds it after claiming it (`sending`)."""
    payload = rejection(delay_minutes=120, timezone=noon_zone())
    async with svc.uow_factory() as uow:
        [notice] = await create_rejection_notices(uow, payload=payload, event_id=str(uuid.uuid4()))
        await uow.commit()
    async with svc.runtime.session_factory() as session:
        claimed = (
            await session.scalars(
                update(Notification)
                .where(Notification.id == notice.id)
                .values(status="sending", attempts=1)
                .returning(Notification),
                execution_options={"synchronize_session": False},
            )
        ).one()
        await session.commit()
    return payload, claimed


async def _erase_now(svc: RunningService, candidate_id: str) -> None:
    async with svc.uow_factory() as uow:
        await erase_candidate(uow, candidate_id=candidate_id, erased_at=datetime.now(UTC))
        await uow.commit()


async def test_a_notice_being_sent_stays_erased_whatever_the_outcome(svc, clock):
    started = datetime.now(UTC)
    cases = {
        "retry": DeliveryResult(False, "SMTP 451: try again later"),
        "failed": DeliveryResult(False, "recipients refused: {addr}", permanent=True),
        "sent": DeliveryResult(True, reference="250 queued"),
    }
    for case, result in cases.items():
        payload, claimed = await _claimed(svc)
        await _erase_now(svc, payload.candidate.id)
        during = await row(svc, claimed.id)
        assert during.status == "sending" and during.recipient is None  # left to the dispatcher
        if result.error:
            result = DeliveryResult(
                False, result.error.format(addr=claimed.recipient), permanent=result.permanent
            )
        await _record(svc.runtime, [claimed], [result], started)
        after = await row(svc, claimed.id)
        assert all(getattr(after, f) is None for f in PERSONAL), case
        if case == "sent":
            assert after.status == "sent" and after.sent_at is not None
        else:
            assert after.status == "cancelled" and after.status_reason == ERASED_REASON, case
            assert payload.candidate.email not in (after.last_error or "")
        async with svc.runtime.session_factory() as session:
            errors = await session.scalars(
                select(DeliveryAttempt.error).where(DeliveryAttempt.notification_id == claimed.id)
            )
            assert all(payload.candidate.email not in (e or "") for e in errors)


async def test_an_erasure_waiting_for_the_dispatchers_retry_cancels_the_notice(svc, clock):
    # The dispatcher records a retry (back to `scheduled`) and has not committed yet when
    # the erasure reaches the row: once it commits, the erasure must cancel the notice.
    payload, claimed = await _claimed(svc)
    async with svc.runtime.session_factory() as dispatcher:
        await dispatcher.execute(
            update(Notification)
            .where(Notification.id == claimed.id)
            .values(status="scheduled", send_at=datetime.now(UTC))
        )
        erasure = asyncio.create_task(_erase_now(svc, payload.candidate.id))
        await asyncio.sleep(0.5)
        assert not erasure.done()  # waiting for the row
        await dispatcher.commit()
    await asyncio.wait_for(erasure, 10)
    after = await row(svc, claimed.id)
    assert after.status == "cancelled" and after.status_reason == ERASED_REASON
    assert after.recipient is None and after.body_text is None


async def test_a_rejection_racing_the_erasure_writes_no_notice(svc, clock):
    payload = rejection(delay_minutes=0)
    async with svc.uow_factory() as erasing:
        await erase_candidate(
            erasing, candidate_id=payload.candidate.id, erased_at=datetime.now(UTC)
        )

        async def reject() -> list[Notification]:
            async with svc.uow_factory() as uow:
                notices = await create_rejection_notices(
                    uow, payload=payload, event_id=str(uuid.uuid4())
                )
                await uow.commit()
                return notices

        rejecting = asyncio.create_task(reject())
        await asyncio.sleep(0.5)
        assert not rejecting.done()  # waits for the erasure to commit or roll back
        await erasing.commit()
    assert await asyncio.wait_for(rejecting, 10) == []
    assert await rows(svc, payload.candidate.id) == []


async def test_rejection_and_erasure_in_one_batch(svc, clock):
    # The consumer applies deliveries that arrive together in one transaction, in order.
    payload = rejection(delay_minutes=120)
    async with svc.uow_factory() as uow:
        [notice] = await create_rejection_notices(uow, payload=payload, event_id=str(uuid.uuid4()))
        await erase_candidate(uow, candidate_id=payload.candidate.id, erased_at=datetime.now(UTC))
        await uow.commit()
    after = await row(svc, notice.id)
    assert after.status == "cancelled" and after.status_reason == ERASED_REASON
    assert all(getattr(after, f) is None for f in PERSONAL)


# --- lock order: the erasure and the dispatcher lock an invitation's notices alike ----------


async def _invitation_being_sent(svc: RunningService) -> tuple[str, uuid.UUID, uuid.UUID]:
    """An invitation's email and SMS notices, both claimed (`sending`), as (candidate id, lo,
    hi): the email has the higher id and the table holds it first, so a scan of the
    candidate's rows meets them against id order."""
    uid = uuid.uuid4().hex[:8]
    payload = TalentInvited(
        invitation_id=f"inv-{uid}",
        match_id=f"m-{uid}",
        invited_by="hr-1",
        invited_at=datetime.now(UTC) + timedelta(days=1),  # not due: the dispatcher waits
        candidate={
            "id": f"cand-{uid}",
            "name": "Jane Erased",
            "email": f"cand-{uid}@example.com",
            "phone": "+8613800000000",
            "timezone": noon_zone(),
        },
        position={"id": f"p-{uid}", "title": "Data Analyst", "job_family": "data"},
    )
    candidate_id = payload.candidate.id
    async with svc.uow_factory() as uow:
        created = await create_invitation_notices(uow, payload=payload, event_id=str(uuid.uuid4()))
        await uow.commit()
    assert sorted(n.channel for n in created) == ["email", "sms"]
    async with svc.runtime.session_factory() as session:
        originals = [snapshot(await session.get(Notification, n.id)) for n in created]
    originals.sort(key=lambda r: r["channel"])  # email, sms: stored in this order
    table = Notification.__table__
    # Where PostgreSQL stores a row is its choice (the second one may land in an earlier
    # page with room): store the pair again until the higher id comes first.
    of_candidate = Notification.candidate_id == candidate_id
    for _ in range(20):
        lo, hi = sorted([uuid.uuid4(), uuid.uuid4()])
        async with svc.runtime.session_factory() as session:
            await session.execute(delete(Notification).where(of_candidate))
            for r, new_id in zip(originals, (hi, lo), strict=True):
                claimed = {"status": "sending", "attempts": 1, "claimed_at": datetime.now(UTC)}
                await session.execute(insert(table).values({**r, **claimed, "id": new_id}))
            await session.commit()
            physical = await session.scalars(
                text("SELECT id FROM notifications WHERE candidate_id = :c ORDER BY ctid"),
                {"c": candidate_id},
            )
            if list(physical) == [hi, lo]:
                return candidate_id, lo, hi
    raise AssertionError("could not store the notices against id order")


async def _waiting_for_locks(svc: RunningService, count: int) -> None:
    """Wait until `count` sessions of the service's database wait for a lock."""

    async def probe() -> bool:
        async with svc.runtime.session_factory() as session:
            waiting = await session.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
                )
            )
        return waiting == count

    await eventually(probe, timeout=10, message=f"{count} sessions waiting for a lock")


@pytest.mark.parametrize("claim_order", ["by_id", "against_id"])
async def test_the_erasure_and_the_dispatcher_lock_notices_in_the_same_order(
    svc, clock, claim_order
):
    # The dispatcher records the outcome of an invitation's email and SMS while the
    # candidate is erased. A third transaction holds the first notice the dispatcher wants,
    # so both queue up behind it: the dispatcher, then the erasure. Were their lock orders
    # to differ, each would end up holding a notice the other waits for, and PostgreSQL
    # would abort one of them (a dispatcher that loses leaves the notices in `sending`).
    # by_id: the batch comes in id order, against the table's order (checks the erasure);
    # against_id: the batch comes against id order (checks the dispatcher).
    candidate_id, lo, hi = await _invitation_being_sent(svc)
    batch_ids = [lo, hi] if claim_order == "by_id" else [hi, lo]
    notices = {n.channel: n for n in [await row(svc, lo), await row(svc, hi)]}
    batch = [next(n for n in notices.values() if n.id == i) for i in batch_ids]
    results = [
        DeliveryResult(True, reference="250 queued")
        if n.channel == "email"
        else DeliveryResult(False, "provider 503: try again later")
        for n in batch
    ]
    async with svc.runtime.session_factory() as holder:
        await holder.execute(
            select(Notification.id).where(Notification.id == batch_ids[0]).with_for_update()
        )
        recording = asyncio.create_task(_record(svc.runtime, batch, results, datetime.now(UTC)))
        await _waiting_for_locks(svc, 1)
        erasing = asyncio.create_task(_erase_now(svc, candidate_id))
        await _waiting_for_locks(svc, 2)
        await holder.rollback()
    done, _ = await asyncio.wait({recording, erasing}, timeout=15)
    assert done == {recording, erasing}
    assert recording.exception() is None and erasing.exception() is None

    email, sms = await row(svc, notices["email"].id), await row(svc, notices["sms"].id)
    assert email.status == "sent" and email.sent_at is not None
    assert sms.status == "cancelled" and sms.status_reason == ERASED_REASON
    for n in (email, sms):
        assert all(getattr(n, f) is None for f in PERSONAL)
    async with svc.runtime.session_factory() as session:
        outcomes = await session.scalars(
            select(DeliveryAttempt.outcome)
            .where(DeliveryAttempt.notification_id.in_([lo, hi]))
            .order_by(DeliveryAttempt.outcome)
        )
        assert list(outcomes) == ["retry", "sent"]


async def test_the_stale_claim_sweep_skips_a_locked_notice_instead_of_waiting(svc, clock):
    # The sweep marks many notices at once; waiting for one while holding others could
    # deadlock with an erasure or a dispatcher recording. It skips a locked notice instead.
    # (A notice stuck in `sending` may have gone out: the sweep marks it `unknown`, which
    # was `failed` before there was a status for it.)
    candidate_id, lo, hi = await _invitation_being_sent(svc)
    async with svc.runtime.session_factory() as session:
        await session.execute(
            update(Notification)
            .where(Notification.candidate_id == candidate_id)
            .values(claimed_at=datetime.now(UTC) - timedelta(days=1))
        )
        await session.commit()
    async with svc.runtime.session_factory() as holder:
        await holder.execute(select(Notification.id).where(Notification.id == lo).with_for_update())
        await asyncio.wait_for(recover_stale_claims(svc.runtime), 5)
        assert (await row(svc, hi)).status == "unknown"
        assert (await row(svc, lo)).status == "sending"
    await recover_stale_claims(svc.runtime)
    stale = await row(svc, lo)
    assert stale.status == "unknown" and "outcome unknown" in (stale.last_error or "")
