"""Locales and time zones, one way for every service.

People and systems write `zh_CN`, `zh-cn`, `ZH-Hans-CN` or `en_us`; every service stores
and compares the canonical form (`zh-CN`, `zh-Hans-CN`, `en-US`), and picks texts (templates,
phrase packs, pages) by walking `locale_chain`, most specific first. Time zones likewise:
`asia/shanghai` is stored as `Asia/Shanghai`, and only a zone that is a place's time is
taken (`canonical_timezone`); a stored one is read back with `zone_or_utc`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Annotated
from zoneinfo import ZoneInfo, available_timezones

from pydantic import AfterValidator, Field

DEFAULT_LOCALE = "en"

# language[-Script][-REGION]: the subset of BCP 47 that people's locales actually use.
_LOCALE_RE = re.compile(
    r"^(?P<lang>[A-Za-z]{2,3})(?:-(?P<script>[A-Za-z]{4}))?(?:-(?P<region>[A-Za-z]{2}|\d{3}))?$"
)

# Chinese is written in two scripts; a tag may name the script, the region, or neither.
# Traditional: Taiwan, Hong Kong, Macau. Simplified: the mainland, Singapore.
_ZH_TRADITIONAL_REGIONS = frozenset({"TW", "HK", "MO"})


def locale_tag(value: str) -> str:
    """The canonical tag (`zh_cn` → `zh-CN`, `en-us` → `en-US`); a ValueError that says
    what is wrong when `value` is not one."""
    tag = _canonical(value)
    if tag is None:
        raise ValueError(f"not a locale tag: {value[:40]!r} (expected e.g. 'en', 'zh-CN', 'zh-TW')")
    return tag


def try_canonical_locale(value: str | None) -> str | None:
    """The canonical tag, or None when `value` is empty or not a locale tag."""
    return _canonical(value) if value else None


@lru_cache(maxsize=256)
def _canonical(value: str | None) -> str | None:
    raw = (value or "").strip().replace("_", "-")
    match = _LOCALE_RE.match(raw)
    if match is None:
        return None
    parts = [match["lang"].lower()]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    return "-".join(parts)


def language_of(locale: str | None) -> str:
    """The primary language subtag (`zh-CN` → `zh`); the default language when unknown."""
    tag = try_canonical_locale(locale)
    return tag.split("-", 1)[0] if tag else DEFAULT_LOCALE


@lru_cache(maxsize=256)
def locale_chain(locale: str | None, default: str = DEFAULT_LOCALE) -> tuple[str, ...]:
    """Locales to try for texts, most specific first, ending with the default language.

    `zh-Hant-HK` → (zh-Hant-HK, zh-HK, zh-TW, zh, en); `zh` → (zh-CN, zh, en);
    `en-GB` → (en-GB, en). Chinese variants fall back to the same script before the bare
    language, so a Hong Kong reader gets Traditional text when a zh-TW pack exists.
    """
    chain: list[str] = []

    def add(tag: str | None) -> None:
        if tag and tag not in chain:
            chain.append(tag)

    tag = try_canonical_locale(locale)
    if tag:
        add(tag)
        parts = tag.split("-")
        lang = parts[0]
        script = next((p for p in parts[1:] if len(p) == 4), None)
        region = next((p for p in parts[1:] if len(p) in (2, 3) and p != lang), None)
        if region:
            add(f"{lang}-{region}")
        if lang == "zh":
            traditional = script == "Hant" or (script is None and region in _ZH_TRADITIONAL_REGIONS)
            add("zh-TW" if traditional else "zh-CN")
        add(lang)
    add(default)
    add(default.split("-", 1)[0])
    return tuple(chain)


def translated(default: str, translations: Mapping[str, str], locale: str | None) -> str:
    """`default` in the reader's language when a translation exists (along the locale
    chain: a zh-Hant-HK reader gets zh-HK, then zh-TW…), else `default` itself."""
    by_tag = {k.casefold(): v for k, v in translations.items() if v and v.strip()}
    for tag in locale_chain(locale):
        found = by_tag.get(tag.casefold())
        if found:
            return found.strip()
    return default


# Names in the tz database that are no place's time: `Factory` shows "-00" for every
# moment, `localtime` is whatever clock the server has, `posixrules` is a template.
_NOT_PLACES = frozenset({"Factory", "localtime", "posixrules"})


@lru_cache(maxsize=1)
def _zones_by_lower_name() -> dict[str, str]:
    # available_timezones() scans the tz database: once per process.
    return {name.lower(): name for name in available_timezones() if name not in _NOT_PLACES}


def try_canonical_timezone(value: str | None) -> str | None:
    """The IANA name in its canonical case (` asia/shanghai` → `Asia/Shanghai`), or None
    when `value` is empty or names no place's time zone."""
    if not value:
        return None
    return _zones_by_lower_name().get(value.strip().lower())


def canonical_timezone(value: str) -> str:
    """The IANA name in its canonical case; a ValueError that says what is wrong when
    `value` is empty or names no place's zone (`China Standard Time`, `GMT+8`, `Factory`)."""
    zone = try_canonical_timezone(value)
    if zone is not None:
        return zone
    raw = (value or "").strip()
    if not raw:
        raise ValueError("must not be empty: an IANA time zone, e.g. 'Asia/Shanghai' or 'UTC'")
    raise ValueError(f"unknown IANA time zone {raw[:40]!r} (e.g. 'Asia/Shanghai', 'UTC')")


def zone_or_utc(name: str | None) -> ZoneInfo:
    """The zone a stored name stands for, UTC when it is empty or no longer one: a bad zone
    on a record must not stop a notice or a digest from going out."""
    return ZoneInfo(try_canonical_timezone(name) or "UTC")


# The request fields every service takes a locale or a time zone in: one rule, one message.
LocaleTag = Annotated[
    str,
    Field(
        min_length=1,
        max_length=35,
        description="BCP 47 tag, stored canonical: `zh_cn` → `zh-CN`",
        examples=["en", "zh-CN"],
    ),
    AfterValidator(locale_tag),
]
TimeZoneName = Annotated[
    str,
    Field(
        min_length=1,
        max_length=64,
        description="IANA time zone, stored in its canonical case: `asia/shanghai` → "
        "`Asia/Shanghai`",
        examples=["Asia/Shanghai"],
    ),
    AfterValidator(canonical_timezone),
]
