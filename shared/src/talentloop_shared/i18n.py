"""Locales, one way for every service: canonical BCP 47 tags and the fallback chain.

People and systems write `zh_CN`, `zh-cn`, `ZH-Hans-CN` or `en_us`; every service stores
and compares the canonical form (`zh-CN`, `zh-Hans-CN`, `en-US`), and picks texts (templates,
phrase packs, pages) by walking `locale_chain`, most specific first.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from talentloop_shared.errors import FieldInvalid

DEFAULT_LOCALE = "en"

# language[-Script][-REGION]: the subset of BCP 47 that people's locales actually use.
_LOCALE_RE = re.compile(
    r"^(?P<lang>[A-Za-z]{2,3})(?:-(?P<script>[A-Za-z]{4}))?(?:-(?P<region>[A-Za-z]{2}|\d{3}))?$"
)

# Chinese is written in two scripts; a tag may name the script, the region, or neither.
# Traditional: Taiwan, Hong Kong, Macau. Simplified: the mainland, Singapore.
_ZH_TRADITIONAL_REGIONS = frozenset({"TW", "HK", "MO"})


def canonical_locale(value: str, *, field: str = "locale") -> str:
    """The canonical tag (`zh_cn` → `zh-CN`, `en-us` → `en-US`); 422 naming `field`."""
    tag = _canonical(value)
    if tag is None:
        raise FieldInvalid(
            field, f"not a locale tag: {value[:40]!r} (expected e.g. 'en', 'zh-CN', 'zh-TW')"
        )
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
