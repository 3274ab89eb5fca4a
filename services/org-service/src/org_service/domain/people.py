"""Staff directory rules: normalising a person's fields, what changed, the manager line.

Each normaliser returns the canonical form that is stored, compared and published, or raises
`ValueError` with a message for the person who typed it; the API (request validation) and the
people import turn that into a 422 or a row problem, so both say the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final, Literal

from org_service.domain.errors import FieldError
from org_service.domain.hierarchy import creates_cycle
from talentloop_shared.characters import fold_width

PersonChange = Literal["created", "updated", "deactivated", "reactivated"]

# The fields of the `person-changed` snapshot that can change, in snapshot order.
PERSON_FIELDS: Final[tuple[str, ...]] = (
    "external_code",
    "name",
    "email",
    "phone",
    "locale",
    "timezone",
    "org_unit_id",
    "manager_id",
    "subject",
    "active",
)
# What a new staff member starts with, until the request or the imported row says otherwise.
NEW_PERSON_DEFAULTS: Final[Mapping[str, Any]] = {
    "email": None,
    "phone": None,
    "locale": "en",
    "timezone": "UTC",
    "org_unit_id": None,
    "manager_id": None,
    "subject": None,
    "active": True,
}
# What a position carries of its owners (`PersonRef`): a change of one of these republishes
# the positions the person owns, so consumers' copies of the owners stay current.
OWNER_REF_FIELDS: Final[tuple[str, ...]] = ("name", "email", "locale", "timezone", "subject")

_WHITESPACE_RE = re.compile(r"\s+")
_PHONE_SEPARATORS_RE = re.compile(r"[\s\-.()/]")
_PHONE_RE = re.compile(r"^\+?[0-9]{5,20}$")

_ACTIVE_WORDS: Final[Mapping[str, bool]] = {
    "true": True,
    "yes": True,
    "y": True,
    "1": True,
    "active": True,
    "在职": True,
    "是": True,
    "false": False,
    "no": False,
    "n": False,
    "0": False,
    "inactive": False,
    "离职": False,
    "否": False,
}


def normalise_name(value: str) -> str:
    """Trimmed, inner whitespace collapsed; empty stays empty (callers say it is required)."""
    return _WHITESPACE_RE.sub(" ", value).strip()


def normalise_phone(value: str) -> str:
    """Digits with an optional leading `+` (`+86 138-0013-8000` → `+8613800138000`)."""
    # Full-width digits (an input method in full-width mode) are the digits they stand for.
    raw = _PHONE_SEPARATORS_RE.sub("", fold_width(value).strip())
    if raw.startswith("00"):
        raw = "+" + raw[2:]  # the international prefix dialled from most countries
    if not _PHONE_RE.fullmatch(raw):
        raise ValueError(f"not a phone number: {value[:40]!r} (digits, optionally +country)")
    return raw


def parse_active(value: str) -> bool:
    """An imported active flag: true/false, yes/no, 1/0, active/inactive, 在职/离职."""
    flag = _ACTIVE_WORDS.get(value.strip().lower())
    if flag is None:
        raise ValueError(f"must be true or false (or 在职/离职), got {value[:40]!r}")
    return flag


def changed_fields(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """The snapshot fields whose values differ, in snapshot order."""
    return [name for name in PERSON_FIELDS if old.get(name) != new.get(name)]


def change_kind(changed: list[str], *, active: bool) -> PersonChange:
    """`deactivated`/`reactivated` when the active flag changed (the fact consumers act on),
    `updated` otherwise."""
    if "active" in changed:
        return "reactivated" if active else "deactivated"
    return "updated"


def validate_manager(
    person_id: str,
    manager_id: str | None,
    manager_of: Mapping[str, str | None],
    *,
    loc: tuple[str | int, ...] = ("manager_id",),
) -> list[FieldError]:
    """The manager line stays a tree: nobody manages themselves, directly or through others.

    `manager_of` maps the new manager and everyone above them to their manager.
    """
    if manager_id is None:
        return []
    if manager_id == person_id:
        return [FieldError(loc, "a person cannot be their own manager")]
    if creates_cycle(person_id, manager_id, manager_of):
        return [FieldError(loc, "would create a management cycle")]
    return []
