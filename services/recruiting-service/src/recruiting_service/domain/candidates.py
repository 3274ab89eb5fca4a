"""Normalisation and validation of candidate fields (email, phone, time zone, skills, education).

Every function returns the canonical form that is stored and compared, or raises
`FieldInvalid` naming the field, so imports and the API report the same errors. Locales are
`talentloop_shared.i18n.canonical_locale`'s job, as in every service.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import get_args
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from talentloop_shared.errors import FieldInvalid
from talentloop_shared.events.payloads import Education

EDUCATION_LEVELS: tuple[Education, ...] = get_args(Education)

# Spoken-language names people type in forms, mapped to the ISO 639-1 codes positions use.
LANGUAGE_ALIASES: dict[str, str] = {
    "chinese": "zh",
    "mandarin": "zh",
    "中文": "zh",
    "普通话": "zh",
    "english": "en",
    "英语": "en",
    "japanese": "ja",
    "korean": "ko",
    "french": "fr",
    "german": "de",
    "spanish": "es",
    "cantonese": "yue",
    "粤语": "yue",
}

_EDUCATION_ALIASES: dict[str, Education] = {
    "": "none",
    "none": "none",
    "bachelor": "bachelor",
    "bachelors": "bachelor",
    "bachelor's": "bachelor",
    "ba": "bachelor",
    "bsc": "bachelor",
    "bs": "bachelor",
    "master": "master",
    "masters": "master",
    "master's": "master",
    "ma": "master",
    "msc": "master",
    "ms": "master",
    "mba": "master",
    "phd": "phd",
    "ph.d.": "phd",
    "ph.d": "phd",
    "doctorate": "phd",
}


def normalise_email(value: str) -> str:
    """Return the email trimmed and lower-cased; raise if it is not a valid address."""
    candidate = (value or "").strip()
    if not candidate:
        raise FieldInvalid("email", "must not be empty")
    try:
        # No DNS lookup: validation must be pure and work offline (imports, tests).
        result = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError as exc:
        raise FieldInvalid("email", str(exc)) from exc
    # The whole address is lower-cased (not just the domain) so email stays a unique key.
    return result.normalized.lower()


def normalise_phone(value: str, *, default_region: str = "CN") -> str:
    """Return the number in E.164 (`+8613800138000`); numbers without `+` use default_region."""
    raw = (value or "").strip()
    if not raw:
        raise FieldInvalid("phone", "must not be empty")
    region = None if raw.startswith("+") else default_region
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise FieldInvalid("phone", f"not a phone number: {exc}") from exc
    if not phonenumbers.is_valid_number(number):
        hint = "" if region is None else f" (read as a {default_region} number; add +country)"
        raise FieldInvalid("phone", f"not a valid phone number{hint}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=1)
def _timezones_by_lower_key() -> dict[str, str]:
    # available_timezones() scans the tz database; do it once per process.
    return {key.lower(): key for key in available_timezones()}


def validate_timezone(value: str) -> str:
    """Return the canonical IANA time zone name (`asia/shanghai` → `Asia/Shanghai`) or raise."""
    raw = (value or "").strip()
    if not raw:
        raise FieldInvalid("timezone", "must not be empty")
    canonical = _timezones_by_lower_key().get(raw.lower())
    if canonical is not None:
        return canonical
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise FieldInvalid(
            "timezone", f"unknown IANA time zone {raw!r} (e.g. 'Asia/Shanghai', 'UTC')"
        ) from exc
    return raw


def normalise_skill(value: str) -> str:
    """Return one skill trimmed, lower-cased and with inner whitespace collapsed."""
    return " ".join(value.split()).lower()


def normalise_skills(values: Iterable[str]) -> list[str]:
    """Return skills normalised, without blanks and duplicates, in their first-seen order."""
    # dict keeps insertion order: dedupe without losing the order the candidate gave.
    return list(dict.fromkeys(s for s in map(normalise_skill, values) if s))


def normalise_language(value: str) -> str:
    """Return a spoken language as a lower-case code (`Chinese` → `zh`, `zh_CN` → `zh-cn`)."""
    key = " ".join(value.split()).lower().replace("_", "-")
    return LANGUAGE_ALIASES.get(key, key)


def normalise_languages(values: Iterable[str]) -> list[str]:
    """Return spoken languages normalised, without blanks and duplicates, in order."""
    return list(dict.fromkeys(s for s in map(normalise_language, values) if s))


def normalise_education(value: str | None) -> Education:
    """Return the education level (`none`/`bachelor`/`master`/`phd`) from common spellings."""
    key = " ".join((value or "").split()).lower()
    key = key.removesuffix(" degree")
    level = _EDUCATION_ALIASES.get(key)
    if level is None:
        raise FieldInvalid(
            "education", f"unknown level {value!r}; expected one of {', '.join(EDUCATION_LEVELS)}"
        )
    return level
