"""The candidate survey: signed links, the questions, and the dashboard aggregation.

Survey links carry a token instead of a login: it names the notification, expires, and is
signed with HMAC-SHA256 so it cannot be guessed or altered. Tokens are kept short
(about 50 characters for a UUID id) because they also travel in SMS.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import struct
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "RATING_QUESTIONS",
    "SATISFIED_THRESHOLD",
    "SURVEY_QUESTIONS",
    "ExpiredToken",
    "FeedbackSummary",
    "GroupSummary",
    "GroupTotals",
    "InvalidToken",
    "SurveyAnswers",
    "hide_survey_links",
    "make_token",
    "read_token",
    "summary_of",
]

# --- tokens -----------------------------------------------------------------------------

_FORMAT_UUID: Final = 1  # id stored as its 16 raw bytes
_FORMAT_TEXT: Final = 2  # id stored as UTF-8
_HEADER: Final = struct.Struct(">BI")  # format, expiry (unix seconds; fits until 2106)
_MAC_BYTES: Final = 16  # 128-bit truncated HMAC-SHA256: unforgeable, and SMS-friendly
_CONTEXT: Final = b"talentloop/notify/survey-token/v1\x00"


class InvalidToken(Exception):
    """The survey token is malformed or its signature does not match (forged, mangled)."""


class ExpiredToken(InvalidToken):
    """The survey token is genuine but past its expiry; `notification_id` says whose."""

    def __init__(self, notification_id: str, expired_at: datetime) -> None:
        self.notification_id = notification_id
        self.expired_at = expired_at
        super().__init__(f"survey link expired at {expired_at.isoformat()}")


def _mac(secret: str, message: bytes) -> bytes:
    if not secret:
        raise ValueError("a survey token secret is required")
    # The context prefix keeps this MAC from being valid for any other use of the secret.
    digest = hmac.new(secret.encode(), _CONTEXT + message, hashlib.sha256).digest()
    return digest[:_MAC_BYTES]


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(token: str) -> bytes:
    try:
        padded = token + "=" * (-len(token) % 4)
        raw = base64.urlsafe_b64decode(padded.encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
        raise InvalidToken("malformed survey token") from exc
    # Unused low bits in the last character would let several strings decode to the same
    # token; accept only the canonical spelling so one notice has exactly one valid link.
    if _b64encode(raw) != token:
        raise InvalidToken("malformed survey token")
    return raw


def _timestamp(moment: datetime) -> int:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return int(aware.timestamp())


def make_token(notification_id: str, *, secret: str, expires_at: datetime) -> str:
    """A URL-safe, signed token naming `notification_id`, valid until `expires_at`."""
    if not notification_id:
        raise ValueError("notification_id is required")
    try:
        as_uuid = uuid.UUID(notification_id)
    except ValueError:
        as_uuid = None
    if as_uuid is not None and str(as_uuid) == notification_id:
        fmt, id_bytes = _FORMAT_UUID, as_uuid.bytes
    else:
        fmt, id_bytes = _FORMAT_TEXT, notification_id.encode("utf-8")
    message = _HEADER.pack(fmt, _timestamp(expires_at)) + id_bytes
    return _b64encode(message + _mac(secret, message))


def read_token(token: str, *, secret: str, now: datetime) -> str:
    """The notification id inside a genuine, unexpired token.

    Raises `InvalidToken` when the token is malformed or forged, and `ExpiredToken` (a
    subclass, so catch it first) when it is genuine but expired.
    """
    raw = _b64decode(token.strip())
    if len(raw) <= _HEADER.size + _MAC_BYTES:
        raise InvalidToken("malformed survey token")
    message, mac = raw[:-_MAC_BYTES], raw[-_MAC_BYTES:]
    # Check the signature before looking at anything else in the token.
    if not hmac.compare_digest(mac, _mac(secret, message)):
        raise InvalidToken("survey token signature does not match")
    fmt, expires = _HEADER.unpack_from(message)
    id_bytes = message[_HEADER.size :]
    if fmt == _FORMAT_UUID and len(id_bytes) == 16:
        notification_id = str(uuid.UUID(bytes=id_bytes))
    elif fmt == _FORMAT_TEXT:
        notification_id = id_bytes.decode("utf-8", errors="strict")
    else:
        raise InvalidToken("unknown survey token format")
    if _timestamp(now) >= expires:
        raise ExpiredToken(notification_id, datetime.fromtimestamp(expires, tz=UTC))
    return notification_id


_LINK_TOKEN: Final = re.compile(r"(/survey/)[A-Za-z0-9_\-]{16,}")
HIDDEN_TOKEN: Final = "[hidden]"


def hide_survey_links(text: str) -> str:
    """`text` with the token of every survey link replaced: the token is the candidate's
    credential, so staff (and integrations) reading a notice see where the link goes but
    cannot answer in the candidate's name."""
    return _LINK_TOKEN.sub(lambda m: m.group(1) + HIDDEN_TOKEN, text)


# --- questions --------------------------------------------------------------------------

RATING_QUESTIONS: Final = ("tone", "detail", "timeliness", "helpfulness")
"""The four 1–5 ratings, in the order they are asked."""

SURVEY_QUESTIONS: Final = (*RATING_QUESTIONS, "comment", "open_to_future_roles")
"""Every question of the survey page, by key. Their wording, per language, is in the
language packs' `survey` section (`questions`), with the rest of the page's words."""


class SurveyAnswers(BaseModel):
    """One candidate's answers. Ratings are 1–5 and optional: a partial answer still counts."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    tone: int | None = Field(default=None, ge=1, le=5)
    detail: int | None = Field(default=None, ge=1, le=5)
    timeliness: int | None = Field(default=None, ge=1, le=5)
    helpfulness: int | None = Field(default=None, ge=1, le=5)
    comment: str | None = Field(default=None, max_length=4000)
    # Yes, no, or None: the question was left unanswered (which is not a no).
    open_to_future_roles: bool | None = None

    def ratings(self) -> dict[str, int]:
        """The given ratings by question, as the `feedback-received` event carries them."""
        return {q: v for q in RATING_QUESTIONS if (v := getattr(self, q)) is not None}


# --- dashboard aggregation --------------------------------------------------------------

SATISFIED_THRESHOLD: Final = 4
"""A response is "satisfied" when the mean of its given ratings is at least this (4–5)."""


@dataclass(frozen=True, slots=True)
class GroupTotals:
    """What the database counts for one group of notices (a template, job family, stage,
    week or delay bucket) or for all of them; the dashboard's figures are their ratios.

    A notice counts as sent when it was sent or answered (an answer proves it went out even
    where the send time was never recorded)."""

    group: str
    notices_sent: int
    responses: int
    rating_sums: Mapping[str, int]
    """Per rating question: the sum of the ratings given."""
    rating_counts: Mapping[str, int]
    """Per rating question: how many responses gave it."""
    rated: int
    """Responses with at least one rating."""
    satisfied: int
    """Rated responses whose mean given rating is at least `SATISFIED_THRESHOLD`."""
    open_to_future_roles: int
    """Responses that said yes to future roles."""
    future_answered: int
    """Responses that answered the future-roles question, yes or no."""
    median_minutes_to_send: float | None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class GroupSummary:
    """Survey results for one group (a template, job family or stage) or for all notices."""

    group: str
    notices_sent: int
    responses: int
    response_rate: float | None
    mean_ratings: dict[str, float | None]
    share_satisfied: float | None
    share_open_to_future_roles: float | None
    median_minutes_to_send: float | None
    label: str | None = None  # how to show the group where its key does not read well


@dataclass(frozen=True, slots=True)
class FeedbackSummary:
    """Per-group summaries and the same figures over all notices."""

    groups: list[GroupSummary]
    overall: GroupSummary


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def summary_of(totals: GroupTotals) -> GroupSummary:
    """The dashboard's figures for a group: response rate (responses / sent), the mean of
    each rating, the share satisfied (of the responses that gave a rating), the share open
    to future roles (of those who answered that question) and the median minutes from the
    decision to sending. A figure with nothing to divide by is None."""
    return GroupSummary(
        group=totals.group,
        notices_sent=totals.notices_sent,
        responses=totals.responses,
        response_rate=_share(totals.responses, totals.notices_sent),
        mean_ratings={
            q: _share(totals.rating_sums.get(q, 0), totals.rating_counts.get(q, 0))
            for q in RATING_QUESTIONS
        },
        share_satisfied=_share(totals.satisfied, totals.rated),
        share_open_to_future_roles=_share(totals.open_to_future_roles, totals.future_answered),
        median_minutes_to_send=totals.median_minutes_to_send,
        label=totals.label,
    )
