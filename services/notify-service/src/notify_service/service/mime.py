"""An email notice as the bytes an SMTP server receives, written directly.

Python's `email` package builds a message as a tree of objects and then serialises it with
a generator that folds and re-encodes every header: for a rejection email that took about
half a millisecond, a third of what the dispatcher spent on each email, and more than the
SMTP conversation itself. What a notice needs is small and fixed (a few headers, UTF-8
parts in base64, one or two multiparts), so it is written here in one pass. The `email`
package still does the parts that have rules of their own: encoded-words for a subject or
a display name that is not ASCII (`Header`), parsing the sender and the addresses of To and
Cc (`parseaddr`, `getaddresses`), and the date (`formatdate`).
Tests read the bytes back with the `email` parser (tests/unit/test_email_wire.py).
"""

from __future__ import annotations

import base64
import re
import uuid
from dataclasses import dataclass
from email.charset import BASE64, Charset
from email.header import Header
from email.utils import formatdate, getaddresses, parseaddr

from notify_service.db.models import Notification
from talentloop_shared.i18n import DEFAULT_LOCALE, try_canonical_locale

__all__ = ["CALENDAR_FILENAME", "EmailWriter", "OutgoingEmail", "message_id_for"]

CALENDAR_FILENAME = "invite.ics"
_LINE = 78  # RFC 5322's recommended line length, which headers are folded to
# A word longer than this cannot be folded within RFC 5322's 998 octets a line: a subject
# holding one is written as encoded-words, which split anywhere.
_LONGEST_WORD = 900
_CRLF = "\r\n"
# A calendar's iTIP method (RFC 5546): REQUEST, CANCEL, …: one token.
_METHOD = re.compile(r"[A-Z][A-Z-]{0,31}")

# Base64 encoded-words for a subject that is not ASCII. The default for UTF-8 ("shortest")
# measures the quoted-printable length of the growing line at every character while it
# folds, which took longer than serialising the rest of an English rejection email.
_UTF8_BASE64 = Charset("utf-8")
_UTF8_BASE64.header_encoding = BASE64


@dataclass(frozen=True, slots=True)
class OutgoingEmail:
    """What an SMTP transaction needs: the envelope and the message."""

    sender: str  # MAIL FROM
    recipients: list[str]  # RCPT TO: the notice's recipient, then its copy
    data: bytes  # the message, CRLF line endings
    utf8: bool  # an address is not ASCII: the server must offer SMTPUTF8 (RFC 6531)


def message_id_for(notice: Notification) -> str:
    """A stable Message-ID per notice, so a receiving system can drop a duplicate."""
    return f"<{notice.id}@notify.talentloop>"


def _one_line(value: str, what: str) -> str:
    if "\r" in value or "\n" in value:
        # Addresses are validated where they are stored; a line break here would start
        # another header (a Bcc of someone's choosing): refused, never written.
        raise ValueError(f"the {what} holds a line break")
    return value


def _fold(name: str, value: str) -> str:
    """`Name: value` folded at spaces into lines of at most 78 characters where a word
    allows (a longer word keeps a line of its own)."""
    words = value.split(" ")
    lines = [f"{name}: {words[0]}"]
    for word in words[1:]:
        if len(lines[-1]) + 1 + len(word) > _LINE:
            lines.append(f" {word}")
        else:
            lines[-1] += f" {word}"
    return _CRLF.join(lines)


def _subject(subject: str | None) -> str:
    """The Subject header: one line; as it is when ASCII (readable in any mail client's
    source view) and foldable, else as RFC 2047 base64 encoded-words."""
    line = " ".join((subject or "").split())
    if line.isascii() and all(len(word) <= _LONGEST_WORD for word in line.split(" ")):
        return _fold("Subject", line)
    return "Subject: " + Header(line, _UTF8_BASE64, header_name="Subject").encode(linesep=_CRLF)


def _base64(data: bytes) -> str:
    """Base64 in lines of 76 characters, each ended by CRLF (RFC 2045)."""
    return base64.encodebytes(data).decode("ascii").replace("\n", _CRLF)


def _text_part(text: str | None, subtype: str, *params: str) -> str:
    extra = "".join(f"; {p}" for p in params)
    return (
        f'Content-Type: text/{subtype}; charset="utf-8"{extra}{_CRLF}'
        f"Content-Transfer-Encoding: base64{_CRLF}{_CRLF}" + _base64((text or "").encode("utf-8"))
    )


def _multipart(subtype: str, *parts: str) -> str:
    """A multipart with a boundary of our own. Every part is base64, whose alphabet has no
    "_", so "=_…" cannot occur inside one."""
    boundary = f"=_{uuid.uuid4().hex}"
    body = "".join(f"--{boundary}{_CRLF}{part}{_CRLF}" for part in parts)
    return (
        f'Content-Type: multipart/{subtype};{_CRLF} boundary="{boundary}"{_CRLF}{_CRLF}'
        f"{body}--{boundary}--{_CRLF}"
    )


def _html_document(notice: Notification) -> str:
    lang = try_canonical_locale(notice.locale) or DEFAULT_LOCALE
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8"></head>'
        f"<body>\n{notice.body_html}\n</body></html>\n"
    )


def _body(notice: Notification) -> str:
    """The message's content headers and body: the text, an HTML alternative when there is
    one, and for an interview email its calendar (multipart/mixed: the alternatives text,
    HTML and text/calendar, then the same calendar as an .ics attachment for clients that
    only offer attachments; RFC 6047)."""
    alternatives = [_text_part(notice.body_text, "plain")]
    if notice.body_html:
        alternatives.append(_text_part(_html_document(notice), "html"))
    if not notice.calendar:
        if len(alternatives) == 1:
            return alternatives[0]
        return _multipart("alternative", *alternatives)
    method = notice.calendar_method or "REQUEST"
    if not _METHOD.fullmatch(method):
        raise ValueError("the calendar's method is not an iTIP method")
    ics = notice.calendar.encode("utf-8")
    alternatives.append(_text_part(notice.calendar, "calendar", f'method="{method}"'))
    attachment = (
        f'Content-Type: application/ics; name="{CALENDAR_FILENAME}"{_CRLF}'
        f"Content-Transfer-Encoding: base64{_CRLF}"
        f'Content-Disposition: attachment; filename="{CALENDAR_FILENAME}"{_CRLF}{_CRLF}'
        + _base64(ics)
    )
    return _multipart("mixed", _multipart("alternative", *alternatives), attachment)


# A display name holding one of these is written as a quoted string (RFC 5322 specials).
_SPECIALS = re.compile(r'[][\\()<>@,:;".]')


def _mailbox(name: str, address: str, header: str) -> str:
    """`name <address>` as a header writes it: a name that is not ASCII as base64
    encoded-words (split so none is longer than RFC 2047's 75 characters), one with
    specials quoted; the address as it is (UTF-8 when it is not ASCII: SMTPUTF8)."""
    if not name:
        return address
    if not name.isascii():
        shown = Header(name, _UTF8_BASE64, header_name=header).encode(linesep=_CRLF)
    elif _SPECIALS.search(name):
        shown = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    else:
        shown = name
    return f"{shown} <{address}>"


def _mailboxes(header: str, value: str) -> tuple[str, list[str]]:
    """The header (`To`, `Cc`) for a list of addresses as stored or configured, folded, and
    the addresses alone, for the envelope."""
    parsed = [(name, address) for name, address in getaddresses([value]) if address]
    if not parsed or any("@" not in address for _name, address in parsed):
        raise ValueError(f"the {header} header holds something that is not an address")
    line = ", ".join(_mailbox(name, address, header) for name, address in parsed)
    return _fold(header, line), [address for _name, address in parsed]


class EmailWriter:
    """Writes email notices from one sender (`NOTIFY_SMTP_FROM`, parsed once)."""

    def __init__(self, sender: str) -> None:
        name, address = parseaddr(_one_line(sender, "sender"))
        if not address or "@" not in address:
            raise ValueError(f"the sender {sender!r} has no email address")
        self.sender = address
        self._from = "From: " + _mailbox(name, address, "From")

    def write(self, notice: Notification) -> OutgoingEmail:
        """The notice as an SMTP transaction: To and Cc as headers and as the envelope's
        recipients; ValueError when it cannot be written (a line break in an address, no
        recipient)."""
        to = _one_line(notice.recipient or "", "recipient")
        if not to.strip():
            raise ValueError("the notice has no recipient")
        to_header, recipients = _mailboxes("To", to)
        headers = [self._from, to_header]
        if notice.cc:
            cc_header, copied = _mailboxes("Cc", _one_line(notice.cc, "copy address"))
            headers.append(cc_header)
            recipients += copied
        headers += [
            _subject(notice.subject),
            f"Date: {formatdate(usegmt=True)}",
            f"Message-ID: {message_id_for(notice)}",
            # What the message is (rejection, invitation, interview_invitation, alert.…), so
            # a mail system can file or route it without reading the text.
            f"X-Talentloop-Notice: {_one_line(notice.kind or '', 'kind')}",
            "MIME-Version: 1.0",
        ]
        head = _CRLF.join(headers) + _CRLF
        # Names and the subject are encoded-words: only an address that is not ASCII puts
        # UTF-8 in the headers, and then the server must take it (SMTPUTF8).
        utf8 = not all(address.isascii() for address in [self.sender, *recipients])
        return OutgoingEmail(self.sender, recipients, (head + _body(notice)).encode(), utf8)
