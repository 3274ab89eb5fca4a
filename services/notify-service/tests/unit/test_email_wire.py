"""An email notice as the SMTP server receives it: what a mail client reads back."""

from __future__ import annotations

import email
import email.policy
import re
import uuid

import pytest
from aiosmtplib.email import flatten_message

from notify_service.db.models import Notification
from notify_service.service.delivery import build_email


def _wire(subject: str, *, calendar: str | None = None) -> bytes:
    notice = Notification(
        id=uuid.uuid4(),
        kind="rejection",
        recipient="jane@example.com",
        cc="hr@acme.example",
        locale="zh-CN",
        subject=subject,
        body_text="第一行\n--=_ not a boundary\nLine three",
        body_html="<p>第一行</p>",
        calendar=calendar,
    )
    return flatten_message(build_email(notice, sender="Acme <no-reply@acme.example>"))


@pytest.mark.parametrize(
    ("subject", "read"),
    [
        ("Your application at Acme", "Your application at Acme"),
        ("感谢您应聘 Acme：我们的决定与建议", "感谢您应聘 Acme：我们的决定与建议"),
        # a newline from a payload or an edit never starts another header
        ("Hello\r\nBcc: evil@example.com", "Hello Bcc: evil@example.com"),
        ("你好\nBcc: evil@example.com", "你好 Bcc: evil@example.com"),
    ],
)
def test_the_subject_reads_back_as_one_line(subject: str, read: str) -> None:
    raw = _wire(subject)
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == read
    assert parsed["Bcc"] is None
    if subject.isascii() and "\n" not in subject:
        # as it is, readable in a mail client's source view
        assert re.search(rb"^Subject: " + subject.encode() + rb"\r?$", raw, re.MULTILINE)


def test_parts_read_back_whole_with_one_mime_version() -> None:
    raw = _wire("Re: your interview", calendar="BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert raw.count(b"MIME-Version:") == 1 and parsed["MIME-Version"] == "1.0"
    kinds = [part.get_content_type() for part in parsed.walk()]
    assert kinds == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "text/calendar",
        "application/ics",
    ]
    text = next(p for p in parsed.walk() if p.get_content_type() == "text/plain")
    assert text.get_content() == "第一行\n--=_ not a boundary\nLine three"
    assert next(p for p in parsed.walk() if p.get_content_type() == "text/html").get_content()
    boundaries = {p.get_boundary() for p in parsed.walk() if p.is_multipart()}
    assert len(boundaries) == 2  # each multipart has its own
