"""Response models of the org-service API (request bodies are in `service/inputs.py`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from org_service.db.models import OrgUnit, Person, PositionVersion
from org_service.db.repositories import PositionInUnit
from org_service.service.imports import ImportOutcome
from org_service.service.position_versions import (
    owners_state,
    person_ref,
    position_state,
    position_values,
    unit_ref,
)
from org_service.service.vocabularies import EducationLevelItem, SkillItem
from talentloop_shared.events.payloads import OrgUnitRef, PositionOwners
from talentloop_shared.models import from_attributes

# --- org units ------------------------------------------------------------------------------


class OrgUnitRead(BaseModel):
    """An org unit with its materialised path."""

    id: uuid.UUID
    version: int = Field(description="Rises when the unit's own fields change; the ETag")
    code: str | None
    name: str
    kind: str
    parent_id: uuid.UUID | None
    path: list[uuid.UUID] = Field(description="Ids root first, ending with this unit")
    path_names: list[str] = Field(description="Names along `path`")
    depth: int
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_row(cls, unit: OrgUnit) -> OrgUnitRead:
        """The API shape of a unit."""
        return from_attributes(cls, unit, path_names=unit.name_path, depth=len(unit.path))


class OrgUnitMoved(OrgUnitRead):
    """The moved unit and how many positions got a new version."""

    positions_republished: int


class OrgUnitNode(BaseModel):
    """A unit in the nested tree."""

    id: uuid.UUID
    name: str
    kind: str
    parent_id: uuid.UUID | None
    children: list[OrgUnitNode]


# --- positions ------------------------------------------------------------------------------


class RequirementsRead(BaseModel):
    min_years_experience: float
    required_skills: list[str]
    preferred_skills: list[str]
    industries: list[str]
    education: str
    languages: list[str]


class DimensionRead(BaseModel):
    key: str
    name: str
    weight: float
    department_id: uuid.UUID | None
    names: dict[str, str] = Field(description="`name` in other languages, by locale")


class EvaluationSchemeRead(BaseModel):
    dimensions: list[DimensionRead]


class PositionRead(BaseModel):
    """A position: the `position-changed` snapshot plus code and timestamps."""

    id: uuid.UUID
    version: int
    code: str | None
    title: str
    status: Literal["open", "closed"]
    headcount: int
    job_family: str
    org_unit: OrgUnitRef
    reports_to_position_id: uuid.UUID | None
    location: str | None
    responsibilities: list[str]
    requirements: RequirementsRead
    evaluation_scheme: EvaluationSchemeRead
    titles: dict[str, str] = Field(description="`title` in other languages, by locale")
    owners: PositionOwners = Field(description="Recruiter and hiring manager, as events carry them")
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_row(cls, row: PositionInUnit) -> PositionRead:
        """The API shape of a position in its unit: the event's snapshot, so both agree."""
        position = row.position
        values = position_values(position)
        people = {p.id: person_ref(p) for p in (row.recruiter, row.hiring_manager) if p is not None}
        state = position_state(values, unit_ref(row.unit), owners_state(values, people))
        return cls.model_validate(
            {**state, "created_at": position.created_at, "updated_at": position.updated_at}
        )


class FieldChangeRead(BaseModel):
    field: str
    old: Any
    new: Any


class PositionVersionRead(BaseModel):
    """One version: what changed, who changed it and when, and the snapshot after it."""

    model_config = ConfigDict(from_attributes=True)

    version: int
    change: str
    changed_by: str
    changed_at: datetime
    changes: list[FieldChangeRead]
    snapshot: dict[str, Any]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def changed_fields(self) -> list[str]:
        """The names of the fields this version changed."""
        return [c.field for c in self.changes]

    @classmethod
    def from_row(cls, version: PositionVersion) -> PositionVersionRead:
        """The API shape of one history row."""
        return cls.model_validate(version)


# --- people ---------------------------------------------------------------------------------


class PersonRead(BaseModel):
    """A staff member of the directory (the `person-changed` snapshot plus timestamps)."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    version: int
    external_code: str | None
    name: str
    email: str | None
    phone: str | None
    locale: str
    timezone: str
    org_unit_id: uuid.UUID | None
    manager_id: uuid.UUID | None
    subject: str | None = Field(description="The JWT `sub` that signs in as this person")
    active: bool
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_row(cls, person: Person) -> PersonRead:
        """The API shape of a person."""
        return cls.model_validate(person)


# --- imports --------------------------------------------------------------------------------


class RowProblemRead(BaseModel):
    row: int = Field(description="Spreadsheet row number (header = 1)")
    column: str
    problem: str


class Counts(BaseModel):
    org_units: int
    positions: int
    people: int


class Checksums(BaseModel):
    key_fields: list[str]
    file: str = Field(description="sha256 over the key fields of the imported rows")
    database: str = Field(description="the same checksum over the stored rows with those codes")
    match: bool


class Reconciliation(BaseModel):
    """Before/after counts and checksums so the ERP side can verify the migration."""

    before: Counts
    after: Counts
    created: int
    updated: int
    unchanged: int
    checksum: Checksums


class ImportReportRead(BaseModel):
    """Validation report (per row) and, when the file is valid, the reconciliation."""

    kind: Literal["org_units", "positions", "people"]
    dry_run: bool
    ok: bool
    written: bool = Field(description="True when the import was committed")
    total_rows: int
    valid_rows: int
    rows_with_problems: int
    problems: list[RowProblemRead]
    column_mapping: dict[str, str | None] = Field(
        description="How each header of the file was understood, in file order: the column "
        "it was read as (through the known aliases or your column_map), or null when the "
        "import does not read it"
    )
    reconciliation: Reconciliation | None = Field(
        description="What was (or, in a dry run, would be) written"
    )
    events_published: int

    @classmethod
    def from_outcome(cls, outcome: ImportOutcome) -> ImportReportRead:
        """The API shape of an import outcome (its problems and reconciliation included)."""
        return cls.model_validate(outcome, from_attributes=True)


# --- vocabularies ---------------------------------------------------------------------------


class CustomPart(BaseModel):
    """What HR added to an entry: their spellings and labels, and the entry's version."""

    aliases: list[str]
    labels: dict[str, str] = Field(default_factory=dict)
    version: int = Field(description="Rises with every change of HR's entry; the ETag")
    updated_by: str
    updated_at: datetime


def _custom_part(row: Any) -> CustomPart | None:
    if row is None:
        return None
    return CustomPart(
        aliases=list(row.aliases),
        labels=dict(row.labels),
        version=row.version,
        updated_by=row.updated_by,
        updated_at=row.updated_at,
    )


class SkillRead(BaseModel):
    """A skill of the effective table: every spelling screening and matching accept."""

    key: str = Field(description="What services store and compare ('kubernetes')")
    labels: dict[str, str] = Field(description="The skill per locale (shipped and HR's)")
    aliases: list[str] = Field(description="Every other spelling (shipped and HR's)")
    family: str | None = None
    source: Literal["default", "custom"] = Field(
        description="`custom` when HR added to it or created it"
    )
    custom: CustomPart | None = Field(default=None, description="HR's part, if any")

    @classmethod
    def from_item(cls, item: SkillItem) -> SkillRead:
        """The API shape of an effective entry."""
        return cls(
            key=item.entry.key,
            labels=dict(item.entry.labels),
            aliases=list(item.entry.aliases),
            family=item.entry.family or None,
            source="custom" if item.custom is not None else "default",
            custom=_custom_part(item.custom),
        )


class EducationLevelRead(BaseModel):
    """A ladder level (lowest first) and every spelling it accepts."""

    level: str
    spellings: list[str] = Field(description="Normalised (NFKC, case-folded), shipped and HR's")
    custom: CustomPart | None = None

    @classmethod
    def from_item(cls, item: EducationLevelItem) -> EducationLevelRead:
        """The API shape of a level."""
        return cls(level=item.level, spellings=item.spellings, custom=_custom_part(item.custom))
