"""Sending over real SMTP servers (aiosmtpd on loopback): the security modes, and what
happens when the outcome of a send is unknown (issue 11, item 7)."""

from __future__ import annotations

import asyncio
import contextlib
import re
import ssl
import threading
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from notify_testkit import (
    as_awaitable,
    mails_to,
    notice_in,
    notices_of,
    publish,
    rejection,
    self_signed_certificate,
    wake_dispatcher,
)

from notify_service.config import Settings
from notify_service.db.models import Notification
from notify_service.service.delivery import SmtpMailer
from notify_service.service.metrics import refresh as refresh_notice_metrics
from notify_service.service.state import notify_state
from talentloop_shared.testing.plugin import eventually
from talentloop_shared.testing.smtp import _Handler, free_port


def _notice(recipient: str) -> Notification:
    return Notification(
        id=uuid.uuid4(),
        recipient=recipient,
        cc=None,
        locale="en",
        subject="About your application",
        body_text="Dear Jane,\n\nThank you.",
        body_html="<p>Dear Jane,</p><p>Thank you.</p>",
    )


def _mailer(port: int, **settings: Any) -> SmtpMailer:
    return SmtpMailer(
        Settings(smtp_host="127.0.0.1", smtp_port=port, smtp_timeout_seconds=1.0, **settings)
    )


class _AfterData(_Handler):
    """Keeps the message, then never says so: drops the connection, or stays silent."""

    def __init__(self, *, silent: bool = False) -> None:
        super().__init__()
        self.silent = silent

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await super().handle_DATA(server, session, envelope)
        if self.silent:
            await asyncio.sleep(5)  # longer than the client waits
        else:
            server.transport.abort()
        return "250 OK"


class _Held(_Handler):
    """Takes every message, but holds the reply to one addressed to `held` until released."""

    def __init__(self, held: str) -> None:
        super().__init__()
        self.held = held
        self.release = threading.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.held in envelope.rcpt_tos:
            while not self.release.is_set():  # the server's own loop, in its own thread
                await asyncio.sleep(0.01)
        return await super().handle_DATA(server, session, envelope)


class _Peers(_Handler):
    """Notes the connection (the client's address and port) each message came on."""

    def __init__(self) -> None:
        super().__init__()
        self.peers: list[Any] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.peers.append(session.peer)
        await asyncio.sleep(0.01)  # a server that takes a moment: the lanes overlap
        return await super().handle_DATA(server, session, envelope)


class _AtRcpt(_Handler):
    """Drops the connection at RCPT: nothing was handed over."""

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        server.transport.abort()
        return "250 OK"


@pytest.fixture
def sink_with() -> Iterator[Any]:
    """Start an aiosmtpd server with a given handler and options; stopped after the test."""
    controllers: list[Controller] = []

    def start(handler: _Handler, **kwargs: Any) -> int:
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        controllers.append(controller)
        return port

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def certificate(tmp_path) -> tuple[str, ssl.SSLContext]:
    cert, key = self_signed_certificate(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return cert, context


# --- security ---------------------------------------------------------------------------


async def test_opportunistic_starttls_sends_to_a_plain_server_required_refuses(sink_with):
    handler = _Handler()
    port = sink_with(handler)
    [sent] = await _mailer(port).send_batch([_notice("a@example.com")])  # the default
    assert sent.ok and len(handler.messages) == 1
    [refused] = await _mailer(port, smtp_security="starttls-required").send_batch(
        [_notice("b@example.com")]
    )
    assert not refused.ok and not refused.unknown and "STARTTLS" in (refused.error or "")
    [plain] = await _mailer(port, smtp_security="none").send_batch([_notice("c@example.com")])
    assert plain.ok
    assert [m.rcpt_tos for m in handler.messages] == [["a@example.com"], ["c@example.com"]]


async def test_starttls_is_used_when_the_server_offers_it(sink_with, certificate):
    cert, context = certificate
    handler = _Handler()
    port = sink_with(handler, tls_context=context, require_starttls=True)
    for security in ("starttls-opportunistic", "starttls-required"):
        mailer = _mailer(port, smtp_security=security, smtp_ca_file=cert)
        [sent] = await mailer.send_batch([_notice(f"{security}@example.com")])
        assert sent.ok, sent.error
    # Without STARTTLS, this server takes no mail.
    [plain] = await _mailer(port, smtp_security="none").send_batch([_notice("x@example.com")])
    assert not plain.ok and "530" in (plain.error or "")
    # An unknown certificate is not trusted (no silent fallback to plaintext).
    [untrusted] = await _mailer(port).send_batch([_notice("y@example.com")])
    assert not untrusted.ok and "CERTIFICATE_VERIFY_FAILED" in (untrusted.error or "")
    assert len(handler.messages) == 2


async def test_implicit_tls(sink_with, certificate):
    cert, context = certificate
    handler = _Handler()
    port = sink_with(handler, ssl_context=context)
    [sent] = await _mailer(port, smtp_security="tls", smtp_ca_file=cert).send_batch(
        [_notice("tls@example.com")]
    )
    assert sent.ok, sent.error
    assert len(handler.messages) == 1


async def test_a_message_the_server_cannot_take_fails_alone_and_the_rest_go_out_once(sink_with):
    # A non-ASCII address to a server without SMTPUTF8: aiosmtplib refuses it before MAIL.
    # It used to escape the lane, and the dispatcher then retried the whole batch: every
    # other candidate got their rejection again on each round.
    handler = _Handler()
    port = sink_with(handler, enable_SMTPUTF8=False)
    addresses = ["a@example.com", "josé@example.com", "c@example.com", "d@example.com"]
    results = await _mailer(port, dispatch_concurrency=1).send_batch(
        [_notice(a) for a in addresses]
    )
    assert [r.ok for r in results] == [True, False, True, True]
    refused = results[1]
    assert refused.permanent and not refused.unknown, refused
    assert "josé" not in (refused.error or "")
    assert [m.rcpt_tos for m in handler.messages] == [
        ["a@example.com"],
        ["c@example.com"],
        ["d@example.com"],
    ]


async def test_batches_on_their_way_at_once_share_the_pool_of_connections(sink_with):
    handler = _Peers()
    mailer = _mailer(sink_with(handler), dispatch_concurrency=2)
    batches = [[_notice(f"{b}{i}@example.com") for i in range(6)] for b in "ab"]
    outcomes = await asyncio.gather(*(mailer.send_batch(batch) for batch in batches))
    assert [r.ok for results in outcomes for r in results] == [True] * 12
    assert sorted(m.rcpt_tos[0] for m in handler.messages) == sorted(
        n.recipient for batch in batches for n in batch
    )
    # Never more connections than the setting allows, however many batches are sending.
    assert len(set(handler.peers)) <= 2
    await mailer.close()


async def test_a_connection_cut_off_mid_message_is_closed_not_pooled(sink_with, monkeypatch):
    held = _Held("a@example.com")
    mailer = _mailer(sink_with(held))
    released: list[bool] = []
    release = mailer._release

    def spy(smtp: Any, *, healthy: bool) -> None:
        released.append(healthy)
        release(smtp, healthy=healthy)

    monkeypatch.setattr(mailer, "_release", spy)
    sending = asyncio.create_task(mailer.send_batch([_notice("a@example.com")]))
    await asyncio.sleep(0.3)  # at DATA, waiting for the held reply
    sending.cancel()
    with pytest.raises(asyncio.CancelledError):
        await sending
    held.release.set()
    assert released == [False] and mailer._idle == []


# --- unknown outcomes -------------------------------------------------------------------


@pytest.mark.parametrize("silent", [False, True], ids=["dropped after DATA", "timeout after DATA"])
async def test_a_send_lost_after_data_is_unknown_not_retried(sink_with, silent):
    handler = _AfterData(silent=silent)
    port = sink_with(handler)
    first, second = await _mailer(port, dispatch_concurrency=1).send_batch(
        [_notice("a@example.com"), _notice("b@example.com")]
    )
    assert len(handler.messages) == 1  # the server did take the first one
    assert not first.ok and first.unknown and "outcome unknown" in (first.error or "")
    assert not second.ok and not second.unknown  # never handed over: retried as usual


async def test_a_connection_lost_before_data_is_retried(sink_with):
    handler = _AtRcpt()
    port = sink_with(handler)
    [result] = await _mailer(port).send_batch([_notice("a@example.com")])
    assert not result.ok and not result.unknown and not result.permanent
    assert handler.messages == []


def _unknown_count(exposition: str, channel: str) -> float:
    found = re.search(
        rf'^talentloop_notices_delivered_total{{channel="{channel}",outcome="unknown"}} (\S+)$',
        exposition,
        re.MULTILINE,
    )
    return float(found.group(1)) if found else 0.0


@contextlib.contextmanager
def _holding_the_first(svc: Any, sink_with: Any) -> Iterator[tuple[Any, Any, _Held]]:
    """Two rejections, and the service's mail going to a server that holds its reply to
    the first one's email until released (released and put back on exit)."""
    first, second = rejection(), rejection()
    held = _Held(first.candidate.email)
    state = notify_state(svc.runtime)
    mailer = state.mailer
    state.mailer = SmtpMailer(
        Settings(smtp_host="127.0.0.1", smtp_port=sink_with(held), smtp_timeout_seconds=30)
    )
    try:
        yield first, second, held
    finally:
        held.release.set()
        state.mailer = mailer


async def test_a_notice_due_while_a_batch_is_on_its_way_does_not_wait_for_it(
    svc, client, auth, amqp_url, sink_with
):
    """A slow reply to one email (a busy mail server, a greylisting pause) holds up only
    its own batch: a notice that becomes due meanwhile is claimed and sent beside it."""
    with _holding_the_first(svc, sink_with) as (first, second, held):
        await publish(svc, amqp_url, first)
        [slow] = await notices_of(client, auth("hr_admin"), first.application_id)
        await notice_in(client, auth("hr_admin"), slow["id"], "sending")
        await publish(svc, amqp_url, second)
        [quick] = await notices_of(client, auth("hr_admin"), second.application_id)
        await notice_in(client, auth("hr_admin"), quick["id"], "sent")
        assert [m.rcpt_tos[0] for m in held.messages] == [second.candidate.email]
        held.release.set()
        await notice_in(client, auth("hr_admin"), slow["id"], "sent")
    assert sorted(m.rcpt_tos[0] for m in held.messages) == sorted(
        [first.candidate.email, second.candidate.email]
    )


async def test_a_failed_claim_does_not_cut_off_the_batch_on_its_way(
    svc, client, auth, amqp_url, sink_with, monkeypatch
):
    """The database away for a moment while a batch is being sent: the next claim fails,
    the batch goes on and is recorded as sent (cut off, it would be an unknown for HR)."""
    from notify_service.service import dispatch

    claims: list[str] = []

    async def database_away(*args: Any, **kwargs: Any) -> Any:
        claims.append("failed")
        raise ConnectionError("the database went away")

    with _holding_the_first(svc, sink_with) as (first, second, held):
        await publish(svc, amqp_url, first)
        [slow] = await notices_of(client, auth("hr_admin"), first.application_id)
        await notice_in(client, auth("hr_admin"), slow["id"], "sending")
        monkeypatch.setattr(dispatch, "_claim", database_away)
        await publish(svc, amqp_url, second)  # its commit wakes the dispatcher: a claim
        await eventually(lambda: as_awaitable(claims or None), timeout=10, message="a claim")
        monkeypatch.undo()
        held.release.set()
        await notice_in(client, auth("hr_admin"), slow["id"], "sent")
        [other] = await notices_of(client, auth("hr_admin"), second.application_id)
        wake_dispatcher(svc)
        await notice_in(client, auth("hr_admin"), other["id"], "sent")


async def test_the_dispatcher_marks_it_unknown_for_hr_who_can_resend(
    svc, client, auth, amqp_url, mail_sink, clock, sink_with
):
    state = notify_state(svc.runtime)
    dropping = _AfterData()
    mailer = state.mailer
    state.mailer = _mailer(sink_with(dropping))
    before = _unknown_count((await client.get("/metrics")).text, "email")
    try:
        payload = rejection()
        await publish(svc, amqp_url, payload)
        [notice] = await notices_of(client, auth("hr_admin"), payload.application_id)
        unknown = await notice_in(client, auth("hr_admin"), notice["id"], "unknown")
    finally:
        state.mailer = mailer
    assert [a["outcome"] for a in unknown["delivery_attempts"]] == ["unknown"]
    assert "outcome unknown" in unknown["last_error"] and "/resend" in unknown["last_error"]
    assert payload.candidate.email not in unknown["last_error"]
    await refresh_notice_metrics(svc.runtime)  # the gauge HR's alert watches
    metrics = (await client.get("/metrics")).text
    assert _unknown_count(metrics, "email") == before + 1
    assert re.search(r'^talentloop_notices{status="unknown"} [1-9]', metrics, re.MULTILINE)
    # Nothing retries it on its own, however much time passes.
    clock.advance(hours=3)
    wake_dispatcher(svc)
    await asyncio.sleep(0.5)
    again = (
        await client.get(f"/api/v1/notifications/{notice['id']}", headers=auth("hr_admin"))
    ).json()
    assert again["status"] == "unknown" and again["attempts"] == 1
    assert mails_to(mail_sink, payload.candidate.email) == []
    # send-now is for notices that did not go out; resend is HR's decision after checking.
    h = auth("recruiter")
    send_now = await client.post(f"/api/v1/notifications/{notice['id']}/send-now", headers=h)
    assert send_now.status_code == 409 and "resend" in send_now.json()["detail"]
    assert (
        await client.post(
            f"/api/v1/notifications/{notice['id']}/resend", headers=auth("integration")
        )
    ).status_code == 403
    resent = await client.post(f"/api/v1/notifications/{notice['id']}/resend", headers=h)
    assert resent.status_code == 200 and resent.json()["status"] in {"scheduled", "sending", "sent"}
    sent = await notice_in(client, h, notice["id"], "sent")
    assert [a["outcome"] for a in sent["delivery_attempts"]] == ["unknown", "sent"]
    [mail] = mails_to(mail_sink, payload.candidate.email)
    assert mail.message["Message-ID"] == f"<{notice['id']}@notify.talentloop>"
    assert [m.message["Message-ID"] for m in dropping.messages] == [mail.message["Message-ID"]]
    twice = await client.post(f"/api/v1/notifications/{notice['id']}/resend", headers=h)
    assert twice.status_code == 409
