"""What the org use cases take: request bodies, validated before a use case runs.

Unknown fields are refused (`RequestModel`). In a PATCH, a field left out keeps its value; a
field that cannot be empty may not be sent as `null` either (422 naming it).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from org_service.domain import lengths
from org_service.domain.people import normalise_name, normalise_phone
from org_service.domain.positions import canonical_translations
from org_service.domain.vocabularies import (
    MAX_ALIASES,
    MAX_EDUCATION_ALIASES,
    MAX_FAMILY_LENGTH,
    MAX_LABELS,
    MAX_TERM_LENGTH,
)
from talentloop_shared.contacts import EmailAddress
from talentloop_shared.events.payloads import Education
from talentloop_shared.http import BLANK_IS_NONE, RequestModel
from talentloop_shared.http.codes import FOLDED
from talentloop_shared.i18n import LocaleTag, TimeZoneName, locale_tag

UnitName = Field(min_length=1, max_length=lengths.UNIT_NAME)
CodeText = Annotated[str, Field(min_length=1, max_length=lengths.CODE), FOLDED]
"""An ERP code, folded: `ＤＥＰＴ－００１` typed in full-width mode is `DEPT-001`."""
Code = Field(default=None, description="External (ERP) id; unique")
CodeRef = Field(default=None)


# What a change of a position may leave out but never set to null (beside its unit and, in an
# upsert, its status).
_POSITION_NOT_NULL = (
    "title",
    "job_family",
    "headcount",
    "responsibilities",
    "requirements",
    "evaluation_scheme",
    "titles",
    "owners",
)


def _not_null(value: object) -> object:
    # Runs only for fields the client sent: defaults are not validated.
    if value is None:
        raise PydanticCustomError("not_null", "must not be null")
    return value


def _translations(value: dict[str, str]) -> dict[str, str]:
    try:
        return canonical_translations(value)
    except ValueError as exc:
        raise PydanticCustomError("translations", str(exc)) from None


Translations = Annotated[
    dict[str, str],
    Field(
        max_length=50,
        description='Texts in other languages by locale, e.g. {"zh-CN": "市场经理", "en": …}; '
        "keys are stored canonical (`zh_cn` → `zh-CN`)",
    ),
    AfterValidator(_translations),
]
Locale = LocaleTag
TimeZone = TimeZoneName
Email = Annotated[EmailAddress | None, BLANK_IS_NONE]
Phone = Annotated[
    Annotated[str, Field(max_length=40), AfterValidator(normalise_phone)] | None,
    BLANK_IS_NONE,
]
Subject = Annotated[
    Annotated[str, Field(max_length=lengths.SUBJECT)] | None,
    BLANK_IS_NONE,
    Field(description="The JWT `sub` that signs in as this person; unique"),
]
PersonName = Annotated[
    str, Field(min_length=1, max_length=lengths.PERSON_NAME), AfterValidator(normalise_name)
]


# --- org units ------------------------------------------------------------------------------


class OrgUnitCreate(RequestModel):
    """A new org unit; without `parent_id` it is a root (a company)."""

    name: str = UnitName
    kind: str = Field(description="company, business_unit, division, department or team")
    parent_id: uuid.UUID | None = None
    code: CodeText | None = Code


class OrgUnitUpdate(RequestModel):
    """Fields to change; `parent_id` moves the unit (same rules as POST …/move)."""

    name: str | None = Field(default=None, min_length=1, max_length=lengths.UNIT_NAME)
    kind: str | None = None
    parent_id: uuid.UUID | None = None
    code: CodeText | None = Code

    _required = field_validator("name", "kind")(_not_null)


class OrgUnitMove(RequestModel):
    """The new parent; `null` makes the unit a root."""

    parent_id: uuid.UUID | None


class OrgUnitUpsert(RequestModel):
    """A unit by the ERP's code (PUT …/by-code/{code}).

    Fields you send replace the stored ones; fields you leave out keep their value (a new
    unit needs `name` and `kind`). `parent_code` names the parent by its code; `null` makes
    the unit a root, unless its current parent has no code (the ERP cannot name it): then
    the unit stays where HR put it, as a file import does.
    """

    name: str | None = Field(default=None, min_length=1, max_length=lengths.UNIT_NAME)
    kind: str | None = Field(default=None, description="company, business_unit, division, …")
    parent_code: CodeText | None = CodeRef

    _required = field_validator("name", "kind")(_not_null)


# --- positions ------------------------------------------------------------------------------


class RequirementsIn(RequestModel):
    """What a candidate must bring; skills are normalised (trimmed, lower case, unique)."""

    min_years_experience: float = Field(default=0, ge=0, le=60)
    required_skills: list[str] = Field(default_factory=list)
    preferred_skills: list[str] = Field(default_factory=list)
    industries: list[str] = Field(default_factory=list)
    education: Education = "none"
    languages: list[str] = Field(default_factory=list)


class RequirementsPatch(RequestModel):
    """Requirement fields to change; the others keep their values (merge patch)."""

    min_years_experience: float | None = Field(default=None, ge=0, le=60)
    required_skills: list[str] | None = None
    preferred_skills: list[str] | None = None
    industries: list[str] | None = None
    education: Education | None = None
    languages: list[str] | None = None


class DimensionIn(RequestModel):
    """One scored dimension and the department whose interviewers score it."""

    key: str = Field(min_length=1, max_length=50)
    name: str = Field(min_length=1, max_length=200)
    weight: float
    department_id: uuid.UUID | None = None
    names: Translations = Field(default_factory=dict)


class EvaluationSchemeIn(RequestModel):
    """Dimensions with weights that sum to 1."""

    dimensions: list[DimensionIn] = Field(default_factory=list)


class OwnersIn(RequestModel):
    """Who answers for the position's hiring: people of the directory, by id."""

    recruiter_id: uuid.UUID | None = None
    hiring_manager_id: uuid.UUID | None = None


class OwnersByCodeIn(OwnersIn):
    """Owners by id or by the people's external codes (one of the two per owner)."""

    recruiter_code: CodeText | None = CodeRef
    hiring_manager_code: CodeText | None = CodeRef

    @model_validator(mode="after")
    def _one_way_per_owner(self) -> Self:
        for role in ("recruiter", "hiring_manager"):
            if getattr(self, f"{role}_id") is not None and getattr(self, f"{role}_code"):
                raise PydanticCustomError("owner_twice", f"give {role}_id or {role}_code, not both")
        return self


class PositionCreate(RequestModel):
    """A new position (version 1)."""

    title: str = Field(min_length=1, max_length=lengths.POSITION_TITLE)
    org_unit_id: uuid.UUID
    code: CodeText | None = Code
    job_family: str = Field(default="general", min_length=1, max_length=lengths.JOB_FAMILY)
    headcount: int = Field(default=1, ge=1, le=10_000)
    status: Literal["open", "closed"] = "open"
    location: str | None = Field(default=None, max_length=lengths.LOCATION)
    reports_to_position_id: uuid.UUID | None = None
    responsibilities: list[str] = Field(default_factory=list)
    requirements: RequirementsIn = Field(default_factory=RequirementsIn)
    evaluation_scheme: EvaluationSchemeIn = Field(default_factory=EvaluationSchemeIn)
    titles: Translations = Field(default_factory=dict)
    owners: OwnersIn = Field(default_factory=OwnersIn)


class PositionUpdate(RequestModel):
    """Fields to change. `requirements` merges; `evaluation_scheme` is replaced as a whole.

    Open/closed is changed with POST …/close and …/reopen, so the change is explicit in the
    event (`closed`/`reopened`).
    """

    title: str | None = Field(default=None, min_length=1, max_length=lengths.POSITION_TITLE)
    org_unit_id: uuid.UUID | None = None
    code: CodeText | None = Code
    job_family: str | None = Field(default=None, min_length=1, max_length=lengths.JOB_FAMILY)
    headcount: int | None = Field(default=None, ge=1, le=10_000)
    location: str | None = Field(default=None, max_length=lengths.LOCATION)
    reports_to_position_id: uuid.UUID | None = None
    responsibilities: list[str] | None = None
    requirements: RequirementsPatch | None = None
    evaluation_scheme: EvaluationSchemeIn | None = None
    titles: Translations | None = None
    owners: OwnersIn | None = Field(
        default=None, description="Merges: an owner you leave out keeps; `null` clears one"
    )

    _required = field_validator("org_unit_id", *_POSITION_NOT_NULL)(_not_null)


class DimensionByCodeIn(RequestModel):
    """A dimension whose department is named by its org unit code."""

    key: str = Field(min_length=1, max_length=50)
    name: str = Field(min_length=1, max_length=200)
    weight: float
    department_code: CodeText | None = CodeRef
    names: Translations = Field(default_factory=dict)


class EvaluationSchemeByCodeIn(RequestModel):
    """Dimensions with weights that sum to 1, departments by code."""

    dimensions: list[DimensionByCodeIn] = Field(default_factory=list)


class PositionUpsert(RequestModel):
    """A position by the ERP's code (PUT …/by-code/{code}); references go by code too.

    Fields you send replace the stored ones (`requirements`, `evaluation_scheme` and `owners`
    each as a whole); fields you leave out keep their value, so a sync that only knows the
    structure (title, unit, headcount) never wipes the requirements HR maintains. A new
    position needs `title` and `org_unit_code`.
    """

    title: str | None = Field(default=None, min_length=1, max_length=lengths.POSITION_TITLE)
    org_unit_code: CodeText | None = CodeRef
    job_family: str | None = Field(default=None, min_length=1, max_length=lengths.JOB_FAMILY)
    headcount: int | None = Field(default=None, ge=1, le=10_000)
    status: Literal["open", "closed"] | None = None
    location: str | None = Field(default=None, max_length=lengths.LOCATION)
    reports_to_code: CodeText | None = CodeRef
    responsibilities: list[str] | None = None
    requirements: RequirementsIn | None = None
    evaluation_scheme: EvaluationSchemeByCodeIn | None = None
    titles: Translations | None = None
    owners: OwnersByCodeIn | None = None

    _required = field_validator("org_unit_code", "status", *_POSITION_NOT_NULL)(_not_null)


# --- people ---------------------------------------------------------------------------------


class PersonCreate(RequestModel):
    """A staff member; `subject` is the JWT `sub` that signs in as them."""

    name: PersonName
    external_code: CodeText | None = Code
    email: Email = None
    phone: Phone = None
    locale: Locale = "en"
    timezone: TimeZone = "UTC"
    org_unit_id: uuid.UUID | None = None
    manager_id: uuid.UUID | None = None
    subject: Subject = None


class PersonUpdate(RequestModel):
    """Fields to change; active/inactive is changed with POST …/deactivate and …/reactivate."""

    name: PersonName | None = None
    external_code: CodeText | None = Code
    email: Email = None
    phone: Phone = None
    locale: Locale | None = None
    timezone: TimeZone | None = None
    org_unit_id: uuid.UUID | None = None
    manager_id: uuid.UUID | None = None
    subject: Subject = None

    _required = field_validator("name", "locale", "timezone")(_not_null)


class PersonUpsert(RequestModel):
    """A staff member by the ERP's code (PUT …/by-code/{code}); unit and manager by code.

    Fields you send replace the stored ones; fields you leave out keep their value (a new
    person needs `name`). `active: false` deactivates, `true` reactivates.
    """

    name: PersonName | None = None
    email: Email = None
    phone: Phone = None
    locale: Locale | None = None
    timezone: TimeZone | None = None
    org_unit_code: CodeText | None = CodeRef
    manager_code: CodeText | None = CodeRef
    subject: Subject = None
    active: bool | None = None

    _required = field_validator("name", "locale", "timezone", "active")(_not_null)


# --- vocabularies ---------------------------------------------------------------------------

VocabularyTerm = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TERM_LENGTH),
]


def _locale_keys(labels: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for tag, label in labels.items():
        try:
            out[locale_tag(tag)] = label
        except ValueError as exc:
            raise PydanticCustomError("locale", str(exc)) from None
    return out


class SkillEntryPut(RequestModel):
    """A skill of the company's vocabulary: its extra spellings and per-locale labels.

    The whole custom entry: aliases and labels you leave out are removed from it (the
    shipped ones stay). Aliases may be in any language ("K8s", "容器编排").
    """

    aliases: list[VocabularyTerm] = Field(
        default_factory=list,
        max_length=MAX_ALIASES,
        description=f"Other spellings (at most {MAX_ALIASES}, {MAX_TERM_LENGTH} characters each)",
    )
    labels: Annotated[dict[str, VocabularyTerm], AfterValidator(_locale_keys)] = Field(
        default_factory=dict,
        max_length=MAX_LABELS,
        description='The skill as readers of a locale see it: {"zh-CN": "容器编排"}',
    )
    family: str | None = Field(default=None, max_length=MAX_FAMILY_LENGTH)


class EducationEntryPut(RequestModel):
    """Spellings a ladder level also accepts ("统招本科", "Bachelor (Hons)")."""

    aliases: list[VocabularyTerm] = Field(
        default_factory=list,
        max_length=MAX_EDUCATION_ALIASES,
        description=f"At most {MAX_EDUCATION_ALIASES}, {MAX_TERM_LENGTH} characters each",
    )
