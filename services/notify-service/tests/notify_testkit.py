"""Helpers for the notify-service tests (imported by test modules as `notify_testkit`)."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import httpx

from notify_service.service.state import notify_state
from talentloop_shared.events import new_event
from talentloop_shared.events.payloads import CandidateRejected
from talentloop_shared.events.registry import publisher_source
from talentloop_shared.testing.harness import RunningService, publish_event
from talentloop_shared.testing.plugin import eventually
from talentloop_shared.testing.smtp import ReceivedMail, SMTPSink

HR_COPY = "hr-copy@acme.example"

# What interviewers write, in the notice's language: a note in another language than the
# candidate's is flagged by the phrasing step and holds the notice for review.
_WORDS: dict[str, tuple[str, str, str]] = {
    "en": (
        "clear algorithm design",
        "hands-on Go high-concurrency experience",
        "build a Go crawler",
    ),
    "zh-CN": ("算法设计思路清晰", "Go语言高并发项目的实战经验", "做一个带限流的Go爬虫项目"),
    "zh-TW": ("演算法設計思路清楚", "Go語言高並發專案的實戰經驗", "做一個具備限流機制的Go爬蟲專案"),
}


def _words(locale: str) -> tuple[str, str, str]:
    if locale.lower().replace("_", "-") in ("zh-tw", "zh-hk", "zh-hant"):
        return _WORDS["zh-TW"]
    return _WORDS["zh-CN"] if locale.lower().startswith("zh") else _WORDS["en"]


def wake_dispatcher(svc: RunningService) -> None:
    """Have the service's dispatcher look for due notices now (after moving the clock)."""
    notify_state(svc.runtime).dispatcher.wake()


def noon_zone() -> str:
    """An IANA zone where it is about noon now, so tests stay clear of quiet hours."""
    offset = (12 - datetime.now(UTC).hour) % 24
    if offset > 14:
        offset -= 24
    # Etc/GMT signs are inverted: Etc/GMT-5 is UTC+5.
    return "UTC" if offset == 0 else f"Etc/GMT{-offset:+d}"


def rejection(
    *,
    locale: str = "en",
    timezone: str | None = None,
    email: str | None = "auto",
    phone: str | None = None,
    name: str = "Jane Doe",
    job_family: str = "engineering",
    stage: str = "interview",
    strengths: list[str] | None = None,
    reasons: list[str] | None = None,
    suggestions: list[str] | None = None,
    channels: list[str] | None = None,
    delay_minutes: int | None = 0,
    send: bool = True,
    rejected_at: datetime | None = None,
    band: str | None = None,
    background: str | None = None,
    titles: dict[str, str] | None = None,
) -> CandidateRejected:
    """A candidate-rejected payload with unique ids (and a unique email unless given);
    strengths, reasons and suggestions default to a note in the candidate's language."""
    uid = uuid.uuid4().hex[:10]
    strength, reason, suggestion = _words(locale)
    return CandidateRejected.model_validate(
        {
            "application_id": f"app-{uid}",
            "rejected_at": (rejected_at or datetime.now(UTC)).isoformat(),
            "stage": stage,
            "decided_by": "hr-1",
            "candidate": {
                "id": f"cand-{uid}",
                "name": name,
                "email": f"cand-{uid}@example.com" if email == "auto" else email,
                "phone": phone,
                "locale": locale,
                "timezone": timezone or noon_zone(),
                "talent_pool_consent": True,
                "background": background,
            },
            "position": {
                "id": f"pos-{uid}",
                "version": 1,
                "title": "Backend Engineer",
                "job_family": job_family,
                "org_unit_name": "Platform",
                "titles": titles or {},
            },
            "strengths": strengths if strengths is not None else [strength],
            "reasons": [
                {"code": "missing_experience", "text": r}
                for r in (reasons if reasons is not None else [reason])
            ],
            "suggestions": suggestions if suggestions is not None else [suggestion],
            "scorecard": None
            if band is None
            else {"composite": 7.0 if band == "close" else 4.0, "band": band},
            "notify": {
                "send": send,
                "channels": channels or ["email"],
                "delay_minutes": delay_minutes,
            },
        }
    )


async def publish(
    svc: RunningService,
    amqp_url: str,
    payload: Any,
    *,
    event_type: str = "candidate-rejected",
    event_id: uuid.UUID | None = None,
) -> str:
    """Publish one event to the service's namespace; returns the event id."""
    ns = svc.runtime.settings.amqp_namespace
    event = new_event(
        type=event_type, source=publisher_source(event_type), data=payload, event_id=event_id
    )
    await publish_event(amqp_url, ns, event)
    return event.id


async def notices_of(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    application_id: str,
    count: int = 1,
    timeout: float = 10.0,
) -> list[dict[str, Any]]:
    """Wait until `count` notices exist for an application; return them."""

    async def probe() -> list[dict[str, Any]] | None:
        r = await client.get(
            "/api/v1/notifications", params={"application_id": application_id}, headers=headers
        )
        items = r.json()["items"]
        return items if len(items) >= count else None

    return await eventually(probe, timeout=timeout, message=f"{count} notices")


async def notice_in(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    notification_id: str,
    status: str,
    timeout: float = 10.0,
) -> dict[str, Any]:
    """Wait until a notice reaches `status`; return it."""

    async def probe() -> dict[str, Any] | None:
        r = await client.get(f"/api/v1/notifications/{notification_id}", headers=headers)
        body = r.json()
        return body if body["status"] == status else None

    return await eventually(probe, timeout=timeout, message=f"notice {status}")


def mails_to(sink: SMTPSink, address: str) -> list[ReceivedMail]:
    """Messages the sink received for `address`."""
    return [m for m in sink.messages if address in m.rcpt_tos]


async def as_awaitable(value: Any) -> Any:
    """Wrap a value for `eventually`."""
    return value


def hand_made_cursors() -> list[str]:
    """Cursors this service never issued: wrong types, naive times, wrong arity, not JSON."""
    import base64
    import json

    def encode(value: Any) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")

    some_id = "00000000-0000-0000-0000-000000000001"
    return [
        encode(["2026-01-01T00:00:00+00:00", 5]),  # the probe from issue 11
        encode(["2026-01-01T00:00:00", some_id]),  # naive time
        encode(["not a time", some_id]),
        encode([some_id, "2026-01-01T00:00:00+00:00"]),  # keys swapped
        encode(["2026-01-01T00:00:00+00:00"]),
        encode({"created_at": "2026-01-01T00:00:00+00:00"}),
        encode(["99999-01-01T00:00:00+00:00", some_id]),
        "%%%",
        "nonsense",
    ]


def survey_token_in(text: str) -> str:
    """The survey token in a message's text (as the candidate receives it)."""
    link = next(w for w in text.split() if "/survey/" in w)
    return link.split("/survey/")[1].rstrip(".。，,)")


async def survey_token_mailed_to(sink: SMTPSink, address: str) -> str:
    """The survey token of the (first) notice mailed to `address`, once it arrived."""
    mails = await eventually(
        lambda: as_awaitable(mails_to(sink, address)), timeout=10, message="the notice arrives"
    )
    return survey_token_in(mails[0].text())


def self_signed_certificate(directory: Any) -> tuple[str, str]:
    """A certificate for 127.0.0.1 and localhost, and its key (PEM files in `directory`);
    the certificate doubles as the CA bundle a client trusts it with."""
    import datetime as dt
    import ipaddress
    from pathlib import Path

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "notify test SMTP")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = Path(directory) / "smtp-cert.pem", Path(directory) / "smtp-key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_file), str(key_file)


@asynccontextmanager
async def raw_receiver(answer: bytes, *, per_byte_seconds: float = 0.0) -> AsyncIterator[str]:
    """An HTTP receiver on loopback that reads a request and answers `answer` as it is
    (a byte every `per_byte_seconds` when given: a receiver dripping its answer); its base
    URL. Closed on exit, so the same address then refuses connections."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(65536)
        try:
            if per_byte_seconds:
                for byte in answer:
                    writer.write(bytes([byte]))
                    await writer.drain()
                    await asyncio.sleep(per_byte_seconds)
            else:
                writer.write(answer)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"
    finally:
        server.close()  # stops listening now; a drip still running ends with its client
