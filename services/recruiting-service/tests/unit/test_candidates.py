from __future__ import annotations

import pytest

from recruiting_service.domain.candidates import (
    normalise_education,
    normalise_email,
    normalise_languages,
    normalise_phone,
    normalise_skills,
    validate_timezone,
)
from talentloop_shared.errors import FieldInvalid
from talentloop_shared.i18n import canonical_locale


def test_email_is_trimmed_and_lower_cased() -> None:
    assert normalise_email("  Li.Na@Example.COM ") == "li.na@example.com"


@pytest.mark.parametrize("value", ["", "   ", "not-an-email", "a@b", "two@@example.com"])
def test_invalid_email_names_the_field(value: str) -> None:
    with pytest.raises(FieldInvalid) as exc:
        normalise_email(value)
    assert exc.value.field == "email"


def test_email_validation_needs_no_dns() -> None:
    # A domain that surely has no MX record still passes: deliverability is not checked.
    assert normalise_email("x@no-such-domain-talentloop.example") == (
        "x@no-such-domain-talentloop.example"
    )


@pytest.mark.parametrize(
    "value",
    [
        "+86 138 0013 8000",
        "+86-138-0013-8000",
        "13800138000",
        "138 0013 8000",
        "0086 138 0013 8000",
    ],
)
def test_phone_is_e164(value: str) -> None:
    assert normalise_phone(value) == "+8613800138000"


def test_phone_without_plus_uses_the_given_region() -> None:
    assert normalise_phone("020 7946 0958", default_region="GB") == "+442079460958"
    assert normalise_phone("+44 20 7946 0958") == "+442079460958"


@pytest.mark.parametrize("value", ["", "12345", "hello", "+86 138"])
def test_invalid_phone_names_the_field(value: str) -> None:
    with pytest.raises(FieldInvalid) as exc:
        normalise_phone(value)
    assert exc.value.field == "phone"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("Asia/Shanghai", "Asia/Shanghai"), (" asia/shanghai ", "Asia/Shanghai"), ("UTC", "UTC")],
)
def test_timezone_is_canonical_iana_name(value: str, expected: str) -> None:
    assert validate_timezone(value) == expected


@pytest.mark.parametrize("value", ["", "Mars/Olympus", "Asia", "../etc/passwd", "GMT+25"])
def test_unknown_timezone_names_the_field(value: str) -> None:
    with pytest.raises(FieldInvalid) as exc:
        validate_timezone(value)
    assert exc.value.field == "timezone"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("zh-cn", "zh-CN"),
        ("en", "en"),
        ("en_us", "en-US"),
        ("ZH_hans_cn", "zh-Hans-CN"),
        (" es-419 ", "es-419"),
    ],
)
def test_locale_is_normalised(value: str, expected: str) -> None:
    # Recruiting stores the shared canonical form (talentloop_shared.i18n).
    assert canonical_locale(value) == expected


@pytest.mark.parametrize("value", ["", "english", "zh-", "e", "zh-CN-extra-stuff"])
def test_bad_locale_names_the_field(value: str) -> None:
    with pytest.raises(FieldInvalid) as exc:
        canonical_locale(value)
    assert exc.value.field == "locale"


def test_skills_are_trimmed_lowered_collapsed_and_deduped_in_order() -> None:
    raw = ["  Live-Stream   Marketing ", "SQL", "sql", "", "  ", "Python", "live-stream marketing"]
    assert normalise_skills(raw) == ["live-stream marketing", "sql", "python"]


def test_languages_accept_names_and_codes() -> None:
    assert normalise_languages(["Chinese", "zh", "English", "zh_CN"]) == ["zh", "en", "zh-cn"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, "none"), ("Bachelor's degree", "bachelor"), ("MSc", "master"), ("PhD", "phd")],
)
def test_education_spellings(value: str | None, expected: str) -> None:
    assert normalise_education(value) == expected


def test_unknown_education_names_the_field() -> None:
    with pytest.raises(FieldInvalid) as exc:
        normalise_education("kindergarten")
    assert exc.value.field == "education"
