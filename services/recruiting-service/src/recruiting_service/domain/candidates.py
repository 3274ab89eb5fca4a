"""Normalisation and validation of candidate fields (email, phone, time zone, languages).

Every function returns the canonical form that is stored and compared, or raises
`FieldInvalid` naming the field, so imports and the API report the same errors. Locales are
`talentloop_shared.i18n.locale_tag`'s job (`LocaleTag` in a request), as in every service;
education levels, skills and spoken languages are the shared vocabularies'
(`talentloop_shared.language`: `education_level`, `canonical_skills`, `language_code`), which
accept the zh and en spellings people type.
"""

from __future__ import annotations

from collections.abc import Iterable

import phonenumbers

from talentloop_shared.contacts import canonical_email
from talentloop_shared.errors import FieldInvalid
from talentloop_shared.i18n import canonical_timezone
from talentloop_shared.language import language_code


def normalise_email(value: str) -> str:
    """The address as stored and compared (`talentloop_shared.contacts.canonical_email`);
    `FieldInvalid` naming the field when it is not one."""
    try:
        return canonical_email(value)
    except ValueError as exc:
        raise FieldInvalid("email", str(exc)) from None


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


def validate_timezone(value: str) -> str:
    """The canonical IANA time zone name (`asia/shanghai` → `Asia/Shanghai`) or raise."""
    try:
        return canonical_timezone(value)
    except ValueError as exc:
        raise FieldInvalid("timezone", str(exc)) from None


def spoken_language(value: str) -> str:
    """A spoken language as its code ("普通话", "Mandarin", "zh_CN" → `zh`).

    A name no language pack knows is kept, normalised (lower case, `_` → `-`), so a rare
    language is still accepted and still matches itself.
    """
    return language_code(value, strict=False)


def spoken_languages(values: Iterable[str]) -> list[str]:
    """Spoken languages as codes, without blanks and duplicates, in their first-seen order."""
    return list(dict.fromkeys(spoken_language(v) for v in values if v.strip()))
