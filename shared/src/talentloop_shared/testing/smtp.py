"""A real SMTP server (aiosmtpd) on loopback that keeps what it receives."""

from __future__ import annotations

import email
import socket
import time
from dataclasses import dataclass, field
from email.message import Message
from typing import Any

from aiosmtpd.controller import Controller


@dataclass
class ReceivedMail:
    """One message as the SMTP server saw it."""

    mail_from: str
    rcpt_tos: list[str]
    message: Message
    received_at: float = field(default_factory=time.time)  # wall clock, for latency figures

    @property
    def kind(self) -> str | None:
        """The notice kind notify-service stamps on its messages (X-Talentloop-Notice)."""
        return self.message.get("X-Talentloop-Notice")

    @property
    def subject(self) -> str:
        """Decoded subject."""
        from email.header import decode_header, make_header

        return str(make_header(decode_header(self.message.get("Subject", ""))))

    def text(self) -> str:
        """The plain-text part, decoded."""
        for part in self.message.walk():
            if part.get_content_type() == "text/plain":
                payload = part.get_payload(decode=True)
                assert isinstance(payload, bytes)
                return payload.decode(part.get_content_charset() or "utf-8")
        return ""

    def html(self) -> str | None:
        """The HTML part, decoded, if any."""
        for part in self.message.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True)
                assert isinstance(payload, bytes)
                return payload.decode(part.get_content_charset() or "utf-8")
        return None


@dataclass
class _Handler:
    messages: list[ReceivedMail] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = email.message_from_bytes(envelope.original_content or envelope.content)
        self.messages.append(ReceivedMail(envelope.mail_from, list(envelope.rcpt_tos), msg))
        return "250 Message accepted for delivery"


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class SMTPSink:
    """Start/stop an aiosmtpd server on 127.0.0.1; `messages` lists what arrived."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self._handler = _Handler()
        self._controller: Controller | None = None

    @property
    def messages(self) -> list[ReceivedMail]:
        return self._handler.messages

    def start(self) -> None:
        """Accept mail (again, on the same port)."""
        self._controller = Controller(self._handler, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        """Stop accepting mail (the 'SMTP server down' case)."""
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
