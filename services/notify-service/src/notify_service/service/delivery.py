"""Delivery adapters: email over SMTP (aiosmtplib) and SMS over a provider's HTTP API.

Adapters know nothing about notices' states; they take ready messages and report, per
message, whether it went out and, if not, whether trying again could help, or whether
nobody can tell: a connection lost or a timeout after the message was handed over (after
SMTP DATA; after an SMS provider got the request) may or may not have delivered it, and
trying again could send it twice (`unknown`: HR decides).
"""

from __future__ import annotations

import asyncio
import time
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import aiosmtplib
import httpx

from notify_service.config import Settings
from notify_service.db.models import Notification
from notify_service.service.mime import EmailWriter
from talentloop_shared.logging import describe_error, get_logger

log = get_logger(__name__)


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    """What happened to one message."""

    ok: bool
    error: str | None = None
    permanent: bool = False  # retrying cannot help (bad address, no provider configured)
    reference: str | None = None
    unknown: bool = False  # it may have gone out: do not retry on our own


class EmailSender(Protocol):
    """Sends a batch of email notices."""

    async def send_batch(self, notices: Sequence[Notification]) -> list[DeliveryResult]: ...


_CONNECTION_ERRORS = (
    aiosmtplib.SMTPConnectError,
    aiosmtplib.SMTPServerDisconnected,
    aiosmtplib.SMTPTimeoutError,
    ConnectionError,
    OSError,
    TimeoutError,
)


# aiosmtplib's start_tls: None upgrades when the server offers STARTTLS, True insists.
_START_TLS: dict[str, bool | None] = {
    "starttls-opportunistic": None,
    "starttls-required": True,
    "tls": False,
    "none": False,
}


class _Connection(aiosmtplib.SMTP):
    """An SMTP connection that knows whether the current message reached DATA: a connection
    lost after that may have delivered it (the server's 250 is what we did not get)."""

    data_sent = False

    async def data(self, message: str | bytes, /, **kwargs: Any) -> aiosmtplib.SMTPResponse:
        self.data_sent = True
        return await super().data(message, **kwargs)


# An address that is not ASCII goes out only to a server that takes it (RFC 6531); aiosmtplib
# raises SMTPNotSupported before MAIL FROM otherwise, and the message fails on its own.
_UTF8 = ["SMTPUTF8"]

# An idle connection used this recently is reused without a NOOP first: a server drops
# idle connections after minutes, not seconds (RFC 5321 asks it to wait 5 minutes).
_CHECK_IDLE_AFTER_SECONDS = 5.0


class SmtpMailer:
    """SMTP through a pool of at most `dispatch_concurrency` connections, kept open between
    messages and batches (one idle longer than a few seconds is checked with NOOP first).

    A batch is split into as many lanes, sent in parallel; each message of a lane takes a
    connection from the pool for itself, so the batches the dispatcher has on their way at
    once (`dispatch_pipeline`) share the connections message by message: a small batch is
    not held up until a large one's lanes are done, and the server never sees more than
    `dispatch_concurrency` connections from a process."""

    def __init__(self, settings: Settings) -> None:
        self.s = settings
        self._idle: list[tuple[_Connection, float]] = []  # and when each was released
        self._slots = asyncio.Semaphore(settings.dispatch_concurrency)
        self._writer = EmailWriter(settings.smtp_from)

    def _client(self) -> _Connection:
        return _Connection(
            hostname=self.s.smtp_host,
            port=self.s.smtp_port,
            use_tls=self.s.smtp_security == "tls",
            start_tls=_START_TLS[self.s.smtp_security],
            cert_bundle=self.s.smtp_ca_file,
            username=self.s.smtp_user,
            password=self.s.smtp_password,
            timeout=self.s.smtp_timeout_seconds,
        )

    async def _acquire(self) -> _Connection:
        """An open connection (under one of the pool's slots, which the caller holds)."""
        now = time.monotonic()
        while self._idle:
            smtp, released = self._idle.pop()
            if not smtp.is_connected:
                smtp.close()
                continue
            if now - released < _CHECK_IDLE_AFTER_SECONDS:
                return smtp
            try:
                # The server may have dropped an idle connection: find out before sending.
                await smtp.noop()
                return smtp
            except Exception:
                smtp.close()
        smtp = self._client()
        await smtp.connect()
        return smtp

    def _release(self, smtp: _Connection, *, healthy: bool) -> None:
        if healthy and smtp.is_connected and len(self._idle) < self.s.dispatch_concurrency:
            self._idle.append((smtp, time.monotonic()))
        else:
            smtp.close()

    async def close(self) -> None:
        """Close pooled connections."""
        while self._idle:
            smtp, _ = self._idle.pop()
            try:
                await smtp.quit()
            except Exception:
                smtp.close()

    async def send_batch(self, notices: Sequence[Notification]) -> list[DeliveryResult]:
        """Send every notice; results in the same order."""
        results: list[DeliveryResult | None] = [None] * len(notices)
        lanes = max(1, min(self.s.dispatch_concurrency, len(notices)))
        chunks = [list(range(i, len(notices), lanes)) for i in range(lanes)]
        await asyncio.gather(*(self._send_lane(notices, idx, results) for idx in chunks))
        return [r or DeliveryResult(False, "not attempted") for r in results]

    async def _send_lane(
        self,
        notices: Sequence[Notification],
        indexes: list[int],
        results: list[DeliveryResult | None],
    ) -> None:
        """Send a lane's messages in order, each on a connection of the pool. A connection
        lost, or none to be had, leaves the rest of the lane for a retry."""
        for n, i in enumerate(indexes):
            async with self._slots:
                try:
                    smtp = await self._acquire()
                except Exception as exc:  # nothing of the rest was handed over: all wait
                    err = f"SMTP server {self.s.smtp_host}:{self.s.smtp_port} unusable: {exc!r}"
                    for j in indexes[n:]:
                        results[j] = DeliveryResult(False, err[:500])
                    return
                healthy = False  # cut off mid-message (cancelled): closed, not pooled
                try:
                    healthy, results[i] = await self._send_one(smtp, notices[i])
                finally:
                    self._release(smtp, healthy=healthy)
            if not healthy:
                for j in indexes[n + 1 :]:
                    results[j] = DeliveryResult(
                        False, "not sent: the SMTP connection was lost before its turn"
                    )
                return

    async def _send_one(
        self, smtp: _Connection, notice: Notification
    ) -> tuple[bool, DeliveryResult]:
        """Send one message; whether the connection is still fit for the next, and the
        outcome."""
        smtp.data_sent = False
        try:
            msg = self._writer.write(notice)
            _refused, response = await smtp.sendmail(
                msg.sender, msg.recipients, msg.data, mail_options=_UTF8 if msg.utf8 else None
            )
            return True, DeliveryResult(True, reference=response[:300])
        except aiosmtplib.SMTPRecipientsRefused as exc:
            codes = [r.code for r in exc.recipients]
            return True, DeliveryResult(
                False,
                f"recipients refused: {exc}"[:500],
                permanent=all(500 <= c < 600 for c in codes),
            )
        except aiosmtplib.SMTPResponseException as exc:
            return True, DeliveryResult(
                False,
                f"SMTP {exc.code}: {exc.message}"[:500],
                permanent=500 <= exc.code < 600,
            )
        except _CONNECTION_ERRORS as exc:
            # The connection is gone. After DATA the server may have taken the message (its
            # reply is what was lost): unknown. Before DATA it was not sent: a retry.
            if smtp.data_sent:
                return False, DeliveryResult(
                    False,
                    "delivery outcome unknown: the SMTP connection was lost after the "
                    f"message was handed over ({exc!r})"[:500],
                    unknown=True,
                )
            return False, DeliveryResult(False, f"SMTP connection lost: {exc!r}"[:500])
        except Exception as exc:
            # This message cannot be sent as it is (a non-ASCII address to a server without
            # SMTPUTF8, a header that cannot be written): it fails on its own, for good, and
            # the lane goes on. Before DATA nothing went out; after it, it may have. The
            # error is described without the values (the address) it quotes.
            result = (
                DeliveryResult(
                    False, f"delivery outcome unknown: {describe_error(exc, 400)}", unknown=True
                )
                if smtp.data_sent
                else DeliveryResult(
                    False, f"cannot be sent: {describe_error(exc, 400)}", permanent=True
                )
            )
            try:
                await smtp.rset()  # back to a clean transaction for the next one
            except Exception:
                return False, result
            return True, result


@dataclass(frozen=True, slots=True)
class SmsMessage:
    """One SMS to send. `kind` and `params` are for providers that send only approved
    templates (service/sms_providers.py): the notice's kind picks the template, `params`
    fill it; free-text providers send `text`."""

    to: str
    text: str
    reference: str
    kind: str | None = None
    params: Mapping[str, Any] | None = None


class SmsGateway(ABC):
    """Sends one SMS; adapters for other providers subclass this and implement `deliver`."""

    async def send(
        self,
        *,
        to: str,
        text: str,
        reference: str,
        kind: str | None = None,
        params: Mapping[str, Any] | None = None,
    ) -> DeliveryResult:
        """Send one message (see SmsMessage)."""
        return await self.deliver(SmsMessage(to, text, reference, kind, params))

    @abstractmethod
    async def deliver(self, message: SmsMessage) -> DeliveryResult:
        """The adapter's own sending."""


class UnconfiguredSms(SmsGateway):
    """No provider set: every SMS fails at once with a message saying what to configure."""

    async def deliver(self, message: SmsMessage) -> DeliveryResult:
        """Refuse: no provider."""
        return DeliveryResult(
            False,
            "no SMS provider configured: set NOTIFY_SMS_URL (and NOTIFY_SMS_TOKEN)",
            permanent=True,
        )


async def post_to_provider(
    client: httpx.AsyncClient, provider: str, url: str, **request: Any
) -> httpx.Response | DeliveryResult:
    """POST to an SMS provider: its answer, or the failure as the delivery's result. When
    the request went out and no answer came back the provider may have sent the message:
    the outcome is unknown (not retried blindly); when it never got there, a transient
    failure."""
    try:
        return await client.post(url, **request)
    except (httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError) as exc:
        unknown = f"delivery outcome unknown: no answer from {provider} ({exc!r})"
        return DeliveryResult(False, unknown[:500], unknown=True)
    except httpx.HTTPError as exc:
        return DeliveryResult(False, f"{provider} unreachable: {exc!r}"[:500])


class JsonSmsGateway(SmsGateway):
    """A generic provider: POST {to, text, reference[, sender]} as JSON with a bearer token."""

    def __init__(self, settings: Settings, client: httpx.AsyncClient | None = None) -> None:
        assert settings.sms_url
        self.url = settings.sms_url
        self.sender = settings.sms_sender
        headers = {"Authorization": f"Bearer {settings.sms_token}"} if settings.sms_token else {}
        self.client = client or httpx.AsyncClient(
            timeout=settings.sms_timeout_seconds, headers=headers
        )

    async def deliver(self, message: SmsMessage) -> DeliveryResult:
        """Hand one message to the provider (free text: `kind` and `params` unused)."""
        body = {"to": message.to, "text": message.text, "reference": message.reference}
        if self.sender:
            body["sender"] = self.sender
        response = await post_to_provider(self.client, "the SMS provider", self.url, json=body)
        if isinstance(response, DeliveryResult):
            return response
        if response.is_success:
            ref = None
            try:
                data = response.json()
                ref = str(data.get("id") or data.get("message_id") or "") or None
            except ValueError:
                pass
            return DeliveryResult(True, reference=ref)
        permanent = 400 <= response.status_code < 500 and response.status_code not in (408, 429)
        return DeliveryResult(
            False,
            f"SMS provider answered {response.status_code}: {response.text[:200]}",
            permanent=permanent,
        )


def sms_gateway(settings: Settings) -> SmsGateway:
    """The configured SMS adapter (NOTIFY_SMS_PROVIDER)."""
    if settings.sms_provider != "generic":
        # Imported here: the provider adapters build on this module's DeliveryResult.
        from notify_service.service.sms_providers import provider_gateway

        return provider_gateway(settings)
    return JsonSmsGateway(settings) if settings.sms_url else UnconfiguredSms()


async def send_sms_batch(
    gateway: SmsGateway, notices: Sequence[Notification], *, concurrency: int
) -> list[DeliveryResult]:
    """Send SMS notices with bounded concurrency."""
    sem = asyncio.Semaphore(max(1, concurrency))

    async def one(n: Notification) -> DeliveryResult:
        async with sem:
            return await gateway.send(
                to=n.recipient or "",
                text=n.body_text or "",
                reference=str(n.id),
                kind=n.kind,
                params=n.params,
            )

    return list(await asyncio.gather(*(one(n) for n in notices)))
