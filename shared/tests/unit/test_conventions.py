"""The conventions every service shares: cursors, If-Match, locales, clock, log redaction."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from talentloop_shared import logging as log_module
from talentloop_shared.clock import Clock
from talentloop_shared.errors import ExpectedVersion, Invalid, PreconditionFailed
from talentloop_shared.i18n import LocaleTag, TimeZoneName, language_of, locale_chain, locale_tag
from talentloop_shared.logging import REDACTED, redact_personal_data, scrub
from talentloop_shared.pagination import Keyset


def _raw_cursor(values: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


KEYSET = Keyset(datetime, uuid.UUID)


def test_a_cursor_round_trips_its_typed_key() -> None:
    at, id_ = datetime(2026, 1, 1, tzinfo=UTC), uuid.uuid4()
    assert KEYSET.decode(KEYSET.encode(at, id_)) == (at, id_)
    assert KEYSET.decode(None) is None


@pytest.mark.parametrize(
    "cursor",
    [
        _raw_cursor(["2026-01-01T00:00:00+00:00", 5]),  # the probe: an int where a UUID goes
        _raw_cursor(["2026-01-01T00:00:00", str(uuid.uuid4())]),  # a naive time
        _raw_cursor([5, str(uuid.uuid4())]),
        _raw_cursor(["2026-01-01T00:00:00+00:00"]),  # too short
        _raw_cursor({"a": 1}),
        _raw_cursor(["2026-01-01T00:00:00+00:00", "not-a-uuid"]),
        _raw_cursor(["2026-01-01T00:00:00+00:00", None]),
        # Valid ISO times that are out of range in UTC (PostgreSQL's driver cannot send them).
        _raw_cursor(["0001-01-01T00:00:00+05:00", str(uuid.uuid4())]),
        _raw_cursor(["9999-12-31T23:00:00-05:00", str(uuid.uuid4())]),
        "!!!not base64!!!",
        "",
        "x" * 5000,
        base64.urlsafe_b64encode(b"\xff\xfe").decode(),
    ],
)
def test_a_cursor_the_list_did_not_issue_is_a_422_naming_the_parameter(cursor: str) -> None:
    if cursor == "":
        assert KEYSET.decode(cursor) is None
        return
    with pytest.raises(Invalid) as caught:
        KEYSET.decode(cursor)
    assert caught.value.status == 422
    assert caught.value.errors == [{"loc": ["query", "cursor"], "msg": "invalid cursor"}]


def test_ints_are_not_bools_and_stay_in_range() -> None:
    keyset = Keyset(int, str)
    with pytest.raises(Exception, match="cursor"):
        keyset.decode(_raw_cursor([True, "a"]))
    with pytest.raises(Exception, match="cursor"):
        keyset.decode(_raw_cursor([2**70, "a"]))
    assert keyset.decode(keyset.encode(3, "a")) == (3, "a")


def test_a_page_cursor_follows_the_last_row_only_when_there_is_more() -> None:
    keyset = Keyset(int)
    page = keyset.page([1, 2, 3], 2, key=lambda r: (r,))
    assert page.items == [1, 2] and keyset.decode(page.next_cursor) == (2,)
    last = keyset.page([1, 2], 2, key=lambda r: (r,))
    assert last.next_cursor is None
    assert page.map(str).items == ["1", "2"]


def test_if_match_has_one_meaning() -> None:
    assert ExpectedVersion.parse(None).matches(7)
    assert ExpectedVersion.parse("*").matches(7)  # RFC 9110: any current representation
    assert ExpectedVersion.parse('"7"').matches(7)
    assert ExpectedVersion.parse('W/"7", "8"').matches(8)
    assert not ExpectedVersion.parse('"6"').matches(7)
    assert not ExpectedVersion.parse("garbage").matches(7)
    # Digits to str.isdigit that int() refuses (a Latin-1 header byte 0xB2): no match, no 500.
    assert not ExpectedVersion.parse('"²"').matches(2)
    assert not ExpectedVersion.parse('"٣", "³"').matches(3)
    with pytest.raises(PreconditionFailed) as caught:
        ExpectedVersion.parse('"6"').check(7, what="position p1")
    assert caught.value.status == 412
    assert caught.value.headers == {"ETag": '"7"'}


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("zh_cn", "zh-CN"), ("ZH-hans-cn", "zh-Hans-CN"), ("en-us", "en-US"), (" en ", "en")],
)
def test_locales_are_stored_in_canonical_form(raw: str, canonical: str) -> None:
    assert locale_tag(raw) == canonical
    assert TypeAdapter(LocaleTag).validate_python(raw) == canonical


def test_a_request_field_says_what_is_wrong_with_a_locale_or_a_time_zone() -> None:
    # every service's request types (org, recruiting, notify, talent) are these two
    with pytest.raises(ValidationError, match=r"not a locale tag: 'klingon!!' \(expected e\.g\."):
        TypeAdapter(LocaleTag).validate_python("klingon!!")
    with pytest.raises(ValidationError, match="unknown IANA time zone 'Mars/Olympus'"):
        TypeAdapter(TimeZoneName).validate_python("Mars/Olympus")
    assert TypeAdapter(TimeZoneName).validate_python("asia/shanghai") == "Asia/Shanghai"


def test_locale_chain_falls_back_through_the_same_script() -> None:
    assert locale_chain("zh-Hant-HK") == ("zh-Hant-HK", "zh-HK", "zh-TW", "zh", "en")
    assert locale_chain("zh") == ("zh", "zh-CN", "en")
    assert locale_chain("zh-TW") == ("zh-TW", "zh", "en")
    assert locale_chain("en-GB") == ("en-GB", "en")
    assert locale_chain(None) == ("en",)
    assert locale_chain("nonsense!!") == ("en",)
    assert language_of("zh-CN") == "zh" and language_of(None) == "en"


def test_the_clock_moves_only_when_told() -> None:
    clock = Clock()
    before = clock.now()
    clock.advance(hours=2)
    assert clock.now() - before >= timedelta(hours=2)
    at = datetime(2030, 1, 1, tzinfo=UTC)
    clock.freeze(at)
    assert clock.now() == at
    clock.advance(minutes=5)
    assert clock() == at + timedelta(minutes=5)
    clock.reset()
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)


def test_log_lines_never_carry_addresses_numbers_or_survey_links() -> None:
    line = redact_personal_data(
        None,
        "info",
        {
            "event": "notice.sent",
            "timestamp": "2026-11-27T10:00:00Z",
            "email": "wang.fang@example.com",
            "name": "王芳",
            "detail": "sent to wang.fang@example.com (+8613800138000), link "
            "https://x.test/survey/AbCdEfGhIjKlMnOpQrSt_-12",
            "nested": {"phone": "13800138000", "note": "call 13800138000"},
            "count": 3,
        },
    )
    text = json.dumps(line, ensure_ascii=False)
    for secret in ("wang.fang@example.com", "王芳", "13800138000", "AbCdEfGhIjKlMnOpQrSt_-12"):
        assert secret not in text
    assert line["timestamp"] == "2026-11-27T10:00:00Z" and line["count"] == 3
    assert line["email"] == REDACTED
    # Ids and times survive: they are what makes a log line useful.
    ident = str(uuid.uuid4())
    assert scrub(f"event {ident} at 2026-11-27T10:00:00+08:00") == (
        f"event {ident} at 2026-11-27T10:00:00+08:00"
    )


def _scrub_every_pattern(text: str) -> str:
    """The four substitutions, each run whatever the text: what `scrub` must equal."""
    text = log_module._SURVEY_RE.sub(r"\1" + REDACTED, text)
    text = log_module._BEARER_RE.sub(r"\1" + REDACTED, text)
    text = log_module._EMAIL_RE.sub(REDACTED, text)
    return log_module._PHONE_RE.sub(REDACTED, text)


_LOG_TEXT = st.lists(
    st.sampled_from(
        [
            "wang.fang@example.com",
            "@",
            "+8613800138000",
            "13800138000",
            "0123456",
            "Bearer ",
            "bEaReR abcdefgh123",
            "/survey/",
            "/surveys/",
            "AbCdEfGhIjKlMnOpQrSt_-12",
            " ",
            ".",
            "/api/v1/positions/{position_id}",
            "GET",
            "x",
            "7",
            "王芳",
        ]
    )
    | st.text(max_size=12),
    max_size=8,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_LOG_TEXT)
def test_scrub_skips_a_pattern_only_where_it_cannot_match(text: str) -> None:
    # `scrub` runs each pattern only where a cheap check says it could match (the log line
    # is on every request's path); what it masks must be exactly what all four would mask.
    assert scrub(text) == _scrub_every_pattern(text)
