"""An email notice as the SMTP server receives it: what a mail client reads back."""

from __future__ import annotations

import email
import email.policy
import re
import uuid
from email.header import decode_header, make_header

import pytest
from pydantic import ValidationError

from notify_service.config import Settings
from notify_service.db.models import Notification
from notify_service.service.mime import EmailWriter, OutgoingEmail

SENDER = "Acme <no-reply@acme.example>"


def _notice(**fields: object) -> Notification:
    values: dict[str, object] = {
        "id": uuid.uuid4(),
        "kind": "rejection",
        "recipient": "jane@example.com",
        "cc": "hr@acme.example",
        "locale": "zh-CN",
        "subject": "Your application",
        "body_text": "第一行\n--=_ not a boundary\nLine three",
        "body_html": "<p>第一行</p>",
    }
    return Notification(**{**values, **fields})


def _email(sender: str = SENDER, **fields: object) -> OutgoingEmail:
    return EmailWriter(sender).write(_notice(**fields))


def _wire(subject: str, *, calendar: str | None = None) -> bytes:
    return _email(subject=subject, calendar=calendar).data


def _read(raw: bytes) -> email.message.EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, email.message.EmailMessage)
    assert not message.defects, message.defects
    return message


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
    parsed = _read(raw)
    assert parsed["Subject"] == read
    assert parsed["Bcc"] is None
    if subject.isascii() and "\n" not in subject:
        # as it is, readable in a mail client's source view
        assert re.search(rb"^Subject: " + subject.encode() + rb"\r?$", raw, re.MULTILINE)


def test_parts_read_back_whole_with_one_mime_version() -> None:
    raw = _wire("Re: your interview", calendar="BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    parsed = _read(raw)
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


def test_the_envelope_is_the_notice_and_its_copy_and_headers_say_what_it_is() -> None:
    sent = _email()
    assert (sent.sender, sent.recipients, sent.utf8) == (
        "no-reply@acme.example",
        ["jane@example.com", "hr@acme.example"],
        False,
    )
    parsed = _read(sent.data)
    assert parsed["From"] == SENDER and parsed["To"] == "jane@example.com"
    assert parsed["Cc"] == "hr@acme.example"
    assert parsed["Message-ID"].endswith("@notify.talentloop>")
    assert parsed["X-Talentloop-Notice"] == "rejection"
    assert parsed["Date"].datetime is not None
    assert [p.get_content_type() for p in parsed.walk()] == [
        "multipart/alternative",
        "text/plain",
        "text/html",
    ]
    html = next(p for p in parsed.walk() if p.get_content_type() == "text/html").get_content()
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">') and "<p>第一行</p>" in html
    without_copy = _email(cc=None)
    assert without_copy.recipients == ["jane@example.com"]
    assert _read(without_copy.data)["Cc"] is None


def test_every_line_ends_in_crlf_and_a_long_subject_is_folded_not_cut() -> None:
    subject = " ".join(f"word{i}" for i in range(60))  # 400 characters
    raw = _wire(subject)
    lines = raw.split(b"\r\n")
    assert b"\n" not in b"".join(lines)  # no bare line feed anywhere
    assert all(len(line) <= 78 for line in lines)
    assert _read(raw)["Subject"] == subject
    chinese = "感谢您应聘 Acme：" * 20
    assert _read(_wire(chinese))["Subject"] == " ".join(chinese.split())
    assert all(len(line) <= 78 for line in _wire(chinese).split(b"\r\n"))


def test_a_text_only_notice_is_one_part() -> None:
    parsed = _read(_email(body_html=None).data)
    assert parsed.get_content_type() == "text/plain"
    assert parsed.get_content() == "第一行\n--=_ not a boundary\nLine three"


def _head(raw: bytes) -> bytes:
    return raw.split(b"\r\n\r\n")[0]


def test_names_that_are_not_ascii_are_encoded_words_and_ask_for_nothing() -> None:
    long_name = "深圳市前海某某科技有限公司 招聘团队"
    sent = _email(f"{long_name} <no-reply@acme.example>", cc="人事部 <hr@acme.example>")
    assert _head(sent.data).isascii() and not sent.utf8  # any server takes it
    assert sent.recipients == ["jane@example.com", "hr@acme.example"]
    parsed = _read(sent.data)
    # RFC 2047: the space between two encoded-words is not text (the stdlib's new parser
    # puts one there all the same; its compat32 decoder, like mail clients, does not)
    raw_from = email.message_from_bytes(sent.data, policy=email.policy.compat32)["From"]
    assert str(make_header(decode_header(raw_from))) == f"{long_name} <no-reply@acme.example>"
    assert parsed["Cc"] == "人事部 <hr@acme.example>"
    words = re.findall(rb"=\?utf-8\?b\?[^?]*\?=", _head(sent.data))
    assert words and all(len(word) <= 75 for word in words)  # RFC 2047


def test_an_address_that_is_not_ascii_asks_for_smtputf8() -> None:
    sent = _email(recipient="张伟@例子.中国")
    assert sent.utf8 and sent.recipients[0] == "张伟@例子.中国"
    assert _read(sent.data)["To"] == "张伟@例子.中国"
    sender = _email("招聘 <no-reply@例子.中国>")  # the service starts with it, and says so
    assert sender.utf8 and sender.sender == "no-reply@例子.中国"
    assert _read(sender.data)["From"] == "招聘 <no-reply@例子.中国>"


def test_every_address_of_to_and_cc_is_a_recipient() -> None:
    # NOTIFY_HR_ALERT_EMAIL may list a team; each of them gets the alert
    sent = _email(recipient="hr@acme.example, Ops Team <ops@acme.example>", cc=None)
    assert sent.recipients == ["hr@acme.example", "ops@acme.example"]
    assert _read(sent.data)["To"] == "hr@acme.example, Ops Team <ops@acme.example>"
    quoted = _read(_email('"Acme, Inc. \\"Hiring\\"" <no-reply@acme.example>').data)
    assert quoted["From"].addresses[0].display_name == 'Acme, Inc. "Hiring"'


def test_a_subject_word_too_long_to_fold_is_split_as_encoded_words() -> None:
    raw = _wire("x" * 2000)
    assert max(len(line) for line in raw.split(b"\r\n")) <= 998
    assert _read(raw)["Subject"] == "x" * 2000


@pytest.mark.parametrize(
    "fields",
    [
        {"recipient": "jane@example.com\r\nBcc: evil@example.com"},
        {"cc": "hr@acme.example\nBcc: evil@example.com"},
        {"recipient": ""},
        {"recipient": "no address here"},
        {"calendar": "BEGIN:VCALENDAR", "calendar_method": 'REQUEST"; x="y'},
    ],
)
def test_a_notice_that_cannot_be_written_safely_is_refused(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        _email(**fields)


@pytest.mark.parametrize("sender", ["no address", "Acme <>", "a@b.example\r\nBcc: x@y.example"])
def test_a_sender_without_an_address_is_refused_at_start(sender: str) -> None:
    with pytest.raises(ValueError):
        EmailWriter(sender)
    with pytest.raises(ValidationError, match="not a sender"):
        Settings(smtp_from=sender)
