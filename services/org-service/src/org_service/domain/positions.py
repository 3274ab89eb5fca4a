"""Position rules: normalising requirements, validating schemes, diffing versions, reports-to.

Everything here is pure: callers pass in what the rules need (existing org unit ids, the
reports-to map) and get values back, so the rules are unit-tested without a database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Any, Final, get_args
from uuid import UUID

from pydantic import BaseModel

from org_service.domain.errors import FieldError
from org_service.domain.hierarchy import creates_cycle
from talentloop_shared.events.payloads import (
    Dimension,
    Education,
    EvaluationScheme,
    Requirements,
)
from talentloop_shared.i18n import locale_tag

EDUCATION_LEVELS: Final[tuple[str, ...]] = get_args(Education)
POSITION_STATUSES: Final[tuple[str, ...]] = ("open", "closed")
MAX_YEARS_EXPERIENCE: Final = 60
# Weights are typed by people as 0.4/0.3/0.3 or as thirds; 0.001 absorbs float and rounding noise
# while still catching a forgotten dimension.
WEIGHT_TOLERANCE: Final = 0.001
DIMENSION_KEY_RE: Final = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
MAX_DIMENSION_KEY_LENGTH: Final = 50

# Requirement lists compared and stored case-insensitively: screening matches on these.
SKILL_LIST_FIELDS: Final[tuple[str, ...]] = ("required_skills", "preferred_skills", "industries")

_WHITESPACE_RE = re.compile(r"\s+")


# --- normalisation --------------------------------------------------------------------------


def normalise_skills(values: Iterable[str]) -> list[str]:
    """Trim, lower-case, collapse inner whitespace, drop empties and de-duplicate (order kept)."""
    # dict keeps first-seen order, so this is an O(n) ordered de-duplication.
    seen: dict[str, None] = {}
    for value in values:
        cleaned = _WHITESPACE_RE.sub(" ", value).strip().lower()
        if cleaned:
            seen.setdefault(cleaned, None)
    return list(seen)


def normalise_languages(values: Iterable[str]) -> list[str]:
    """Normalise language codes to lower case (`zh_CN` → `zh-cn`), de-duplicated, order kept."""
    seen: dict[str, None] = {}
    for value in values:
        # Codes carry no spaces; `_` and `-` are both seen in the wild for the region separator.
        cleaned = _WHITESPACE_RE.sub("", value).lower().replace("_", "-")
        if cleaned:
            seen.setdefault(cleaned, None)
    return list(seen)


def normalise_requirements(requirements: Requirements) -> Requirements:
    """Return a copy of `requirements` with every list normalised."""
    return requirements.model_copy(
        update={
            **{name: normalise_skills(getattr(requirements, name)) for name in SKILL_LIST_FIELDS},
            "languages": normalise_languages(requirements.languages),
        }
    )


MAX_TRANSLATION_LENGTH: Final = 200


def canonical_translations(value: Mapping[str, str]) -> dict[str, str]:
    """Texts by canonical locale (`{"zh_cn": " 市场经理 "}` → `{"zh-CN": "市场经理"}`).

    `ValueError` for a key that is no locale tag, an empty or overlong text, or two keys that
    name the same locale (`zh-cn` and `zh_CN`).
    """
    out: dict[str, str] = {}
    for key, text in value.items():
        tag = locale_tag(key)
        cleaned = _WHITESPACE_RE.sub(" ", text).strip()
        if not cleaned:
            raise ValueError(f"the {tag} text must not be empty")
        if len(cleaned) > MAX_TRANSLATION_LENGTH:
            raise ValueError(f"the {tag} text is longer than {MAX_TRANSLATION_LENGTH} characters")
        if tag in out:
            raise ValueError(f"two keys name the locale {tag}")
        out[tag] = cleaned
    return dict(sorted(out.items()))


# --- validation -----------------------------------------------------------------------------


def validate_requirements(
    requirements: Requirements | Mapping[str, Any],
    *,
    loc: tuple[str | int, ...] = ("requirements",),
) -> list[FieldError]:
    """Check the requirement bounds: years of experience in 0..60 and a known education level."""
    data = _as_mapping(requirements)
    errors: list[FieldError] = []
    years = data.get("min_years_experience", 0)
    if isinstance(years, bool) or not isinstance(years, int | float):
        errors.append(FieldError((*loc, "min_years_experience"), "must be a number"))
    elif not 0 <= years <= MAX_YEARS_EXPERIENCE:
        errors.append(
            FieldError(
                (*loc, "min_years_experience"),
                f"must be between 0 and {MAX_YEARS_EXPERIENCE}, got {years:g}",
            )
        )
    education = data.get("education", "none")
    if education not in EDUCATION_LEVELS:
        errors.append(
            FieldError(
                (*loc, "education"),
                f"must be one of {', '.join(EDUCATION_LEVELS)}, got {education!r}",
            )
        )
    return errors


def validate_evaluation_scheme(
    scheme: EvaluationScheme | Mapping[str, Any],
    *,
    existing_unit_ids: Set[str],
    loc: tuple[str | int, ...] = ("evaluation_scheme",),
) -> list[FieldError]:
    """Check weights (positive, sum 1 ± 0.001), key format and uniqueness, known departments."""
    dimensions = _scheme_dimensions(scheme)
    if not dimensions:
        # A position may be created before HR has agreed the panel; an empty scheme is valid.
        return []
    errors: list[FieldError] = []
    first_index_of_key: dict[str, int] = {}
    total = 0.0
    for i, dim in enumerate(dimensions):
        here = (*loc, "dimensions", i)
        if not DIMENSION_KEY_RE.fullmatch(dim.key) or len(dim.key) > MAX_DIMENSION_KEY_LENGTH:
            errors.append(
                FieldError(
                    (*here, "key"),
                    f"key must be lower snake case (e.g. 'technical_depth'), got {dim.key!r}",
                )
            )
        if dim.key in first_index_of_key:
            errors.append(
                FieldError(
                    (*here, "key"),
                    f"duplicate dimension key {dim.key!r} "
                    f"(also at dimensions[{first_index_of_key[dim.key]}])",
                )
            )
        else:
            first_index_of_key[dim.key] = i
        if not dim.name.strip():
            errors.append(FieldError((*here, "name"), "name must not be empty"))
        if dim.weight <= 0:
            errors.append(
                FieldError((*here, "weight"), f"weight must be positive, got {dim.weight:g}")
            )
        total += dim.weight
        # Identifiers arrive as str or UUID depending on the caller; compare their text.
        if dim.department_id is not None and str(dim.department_id) not in existing_unit_ids:
            errors.append(
                FieldError((*here, "department_id"), f"unknown department {dim.department_id!r}")
            )
    if abs(total - 1.0) > WEIGHT_TOLERANCE:
        errors.append(
            FieldError((*loc, "dimensions"), f"weights must sum to 1, got {round(total, 6):g}")
        )
    return errors


def validate_status(status: str, *, loc: tuple[str | int, ...] = ("status",)) -> list[FieldError]:
    """Check that a position status is `open` or `closed`."""
    if status in POSITION_STATUSES:
        return []
    return [FieldError(loc, f"must be one of {', '.join(POSITION_STATUSES)}, got {status!r}")]


# --- history --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One top-level field that differs between two versions of a position (normalised values)."""

    field: str
    old: Any
    new: Any


def diff_positions(
    old: Mapping[str, Any], new: Mapping[str, Any], fields: Iterable[str]
) -> list[FieldChange]:
    """Return the fields (in the order given) whose normalised values differ between versions."""
    changes: list[FieldChange] = []
    for field in fields:
        before = canonical_field_value(field, old.get(field))
        after = canonical_field_value(field, new.get(field))
        if before != after:
            changes.append(FieldChange(field=field, old=before, new=after))
    return changes


def canonical_field_value(field: str, value: Any) -> Any:
    """Return a JSON-ready, normalised form of a position field, so cosmetic edits compare equal."""
    plain = _to_plain(value)
    if field == "requirements" and isinstance(plain, dict):
        plain = dict(plain)
        for name in SKILL_LIST_FIELDS:
            if isinstance(plain.get(name), list):
                plain[name] = normalise_skills(plain[name])
        if isinstance(plain.get("languages"), list):
            plain["languages"] = normalise_languages(plain["languages"])
        if "min_years_experience" in plain and isinstance(plain["min_years_experience"], int):
            # 5 and 5.0 are the same requirement; store one spelling in history.
            plain["min_years_experience"] = float(plain["min_years_experience"])
    elif field == "job_family" and isinstance(plain, str):
        plain = plain.strip().lower()
    return plain


# --- reports-to line ------------------------------------------------------------------------


def reports_to_creates_cycle(
    position_id: str, new_reports_to_id: str | None, reports_to: Mapping[str, str | None]
) -> bool:
    """Return True if `position_id` reporting to `new_reports_to_id` would close a loop."""
    return creates_cycle(position_id, new_reports_to_id, reports_to)


def validate_reports_to(
    position_id: str,
    new_reports_to_id: str | None,
    reports_to: Mapping[str, str | None],
    *,
    loc: tuple[str | int, ...] = ("reports_to_position_id",),
) -> list[FieldError]:
    """Check that the manager position exists and that the reports-to line stays a tree."""
    if new_reports_to_id is None:
        return []
    if new_reports_to_id == position_id:
        return [FieldError(loc, "a position cannot report to itself")]
    if new_reports_to_id not in reports_to:
        return [FieldError(loc, f"unknown position {new_reports_to_id!r}")]
    if reports_to_creates_cycle(position_id, new_reports_to_id, reports_to):
        return [FieldError(loc, "would create a reporting cycle")]
    return []


# --- helpers --------------------------------------------------------------------------------


def _as_mapping(value: BaseModel | Mapping[str, Any]) -> Mapping[str, Any]:
    return value.model_dump() if isinstance(value, BaseModel) else value


def _scheme_dimensions(scheme: EvaluationScheme | Mapping[str, Any]) -> Sequence[Dimension]:
    if isinstance(scheme, EvaluationScheme):
        return scheme.dimensions
    return EvaluationScheme.model_validate(scheme).dimensions


def _to_plain(value: Any) -> Any:
    """Convert models, UUIDs, tuples and strings to comparable JSON-ready values."""
    if isinstance(value, BaseModel):
        return _to_plain(value.model_dump(mode="json"))
    if isinstance(value, Mapping):
        return {str(k): _to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_to_plain(v) for v in value]
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, str):
        return value.strip()
    return value
