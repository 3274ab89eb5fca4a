from __future__ import annotations

import pytest
from pydantic import ValidationError

from recruiting_service.domain.candidates import (
    normalise_email,
    normalise_phone,
    spoken_languages,
    validate_timezone,
)
from recruiting_service.service.inputs import CandidateCreate, CandidateUpdate
from talentloop_shared.errors import FieldInvalid
from talentloop_shared.i18n import locale_tag


def test_email_is_trimmed_and_lower_cased() -> None:
    assert normalise_email("  Li.Na@Example.COM ") == "li.na@example.com"
    # Typed in full-width mode: the address it stands for (the duplicate check finds it).
    assert normalise_email("Ｌｉ．Ｎａ＠ｅｘａｍｐｌｅ．ｃｏｍ") == "li.na@example.com"


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


@pytest.mark.parametrize(
    "value", ["", "Mars/Olympus", "Asia", "../etc/passwd", "GMT+25", "Factory", "localtime"]
)
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
    assert locale_tag(value) == expected


@pytest.mark.parametrize("value", ["", "english", "zh-", "e", "zh-CN-extra-stuff"])
def test_bad_locale_says_what_is_wrong(value: str) -> None:
    # tests/api/test_candidates_and_applications.py: the 422 names the field
    with pytest.raises(ValueError, match=r"not a locale tag: .* \(expected e\.g\. 'en'"):
        locale_tag(value)


def _candidate(**fields: object) -> CandidateCreate:
    return CandidateCreate.model_validate({"name": "Li", "email": "li@example.com", **fields})


def test_skills_are_stored_by_the_shared_synonym_key_deduped_in_order() -> None:
    # Changed on purpose (issue 19): skills were only trimmed and lower-cased, so
    # "Postgres" and "PostgreSQL" were two skills; the shared table makes them one.
    raw = ["  Live-Stream   Marketing ", "SQL", "sql", "", "  ", "Ｐｙｔｈｏｎ", "Postgres"]
    more = ["PostgreSQL", "JS", "JavaScript", "数据分析", "data analysis", "python"]
    assert _candidate(skills=raw + more).skills == [
        "live stream marketing",
        "sql",
        "python",
        "postgresql",
        "javascript",
        "data analysis",
    ]
    assert _candidate(industries=["FMCG", "快消", "Healthcare"]).industries == [
        "fmcg",
        "healthcare",
    ]


def test_languages_accept_names_and_codes_in_both_languages() -> None:
    assert spoken_languages(["Chinese", "zh", "English", "zh_CN", "普通话", "英语"]) == ["zh", "en"]
    assert spoken_languages(["粤语", "Cantonese", "", "日语"]) == ["yue", "ja"]
    # A language no pack names is still accepted, as typed (normalised), and matches itself.
    assert spoken_languages(["Swahili", "swahili"]) == ["swahili"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "none"),
        ("", "none"),
        ("Bachelor's degree", "bachelor"),
        ("BSc", "bachelor"),
        ("本科", "bachelor"),
        ("学士", "bachelor"),
        ("MSc", "master"),
        ("硕士", "master"),
        ("MBA", "master"),
        ("大专", "associate"),
        ("高中", "secondary"),
        ("中专", "secondary"),
        ("PhD", "phd"),
        ("博士", "phd"),
        ("associate", "associate"),
    ],
)
def test_education_spellings_become_ladder_levels(value: str | None, expected: str) -> None:
    assert _candidate(education=value).education == expected
    assert CandidateUpdate.model_validate({"education": value}).education == expected


def test_unknown_education_is_a_field_error_listing_the_levels() -> None:
    with pytest.raises(ValidationError) as exc:
        _candidate(education="kindergarten")
    (error,) = exc.value.errors()
    assert error["loc"] == ("education",)
    assert "associate" in error["msg"] and "大专" in error["msg"]
