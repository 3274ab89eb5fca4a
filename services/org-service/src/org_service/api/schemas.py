"""Request and response models of the org-service API."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from talentloop_shared.events.payloads import Education, OrgUnitRef
from talentloop_shared.http import RequestModel

Name = Field(min_length=1, max_length=200)
Code = Field(default=None, min_length=1, max_length=64, description="External (ERP) id; unique")


# --- org units ------------------------------------------------------------------------------


class OrgUnitCreate(RequestModel):
    """A new org unit; without `parent_id` it is a root (a company)."""

    name: str = Name
    kind: str = Field(description="company, business_unit, division, department or team")
    parent_id: uuid.UUID | None = None
    code: str | None = Code


class OrgUnitUpdate(RequestModel):
    """Fields to change; `parent_id` moves the unit (same rules as POST …/move)."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    kind: str | None = None
    parent_id: uuid.UUID | None = None
    code: str | None = Code


class OrgUnitMove(RequestModel):
    """The new parent; `null` makes the unit a root."""

    parent_id: uuid.UUID | None


class OrgUnitRead(BaseModel):
    """An org unit with its materialised path."""

    id: uuid.UUID
    code: str | None
    name: str
    kind: str
    parent_id: uuid.UUID | None
    path: list[uuid.UUID] = Field(description="Ids root first, ending with this unit")
    path_names: list[str] = Field(description="Names along `path`")
    depth: int
    created_at: datetime
    updated_at: datetime


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


class EvaluationSchemeIn(RequestModel):
    """Dimensions with weights that sum to 1."""

    dimensions: list[DimensionIn] = Field(default_factory=list)


class PositionCreate(RequestModel):
    """A new position (version 1)."""

    title: str = Name
    org_unit_id: uuid.UUID
    code: str | None = Code
    job_family: str = Field(default="general", min_length=1, max_length=100)
    headcount: int = Field(default=1, ge=1, le=10_000)
    status: Literal["open", "closed"] = "open"
    location: str | None = Field(default=None, max_length=200)
    reports_to_position_id: uuid.UUID | None = None
    responsibilities: list[str] = Field(default_factory=list)
    requirements: RequirementsIn = Field(default_factory=RequirementsIn)
    evaluation_scheme: EvaluationSchemeIn = Field(default_factory=EvaluationSchemeIn)


class PositionUpdate(RequestModel):
    """Fields to change. `requirements` merges; `evaluation_scheme` is replaced as a whole.

    Open/closed is changed with POST …/close and …/reopen, so the change is explicit in the
    event (`closed`/`reopened`).
    """

    title: str | None = Field(default=None, min_length=1, max_length=200)
    org_unit_id: uuid.UUID | None = None
    code: str | None = Code
    job_family: str | None = Field(default=None, min_length=1, max_length=100)
    headcount: int | None = Field(default=None, ge=1, le=10_000)
    location: str | None = Field(default=None, max_length=200)
    reports_to_position_id: uuid.UUID | None = None
    responsibilities: list[str] | None = None
    requirements: RequirementsPatch | None = None
    evaluation_scheme: EvaluationSchemeIn | None = None


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
    created_at: datetime
    updated_at: datetime


class FieldChangeRead(BaseModel):
    field: str
    old: Any
    new: Any


class PositionVersionRead(BaseModel):
    """One version: what changed, who changed it and when, and the snapshot after it."""

    version: int
    change: str
    changed_by: str
    changed_at: datetime
    changed_fields: list[str]
    changes: list[FieldChangeRead]
    snapshot: dict[str, Any]


# --- imports --------------------------------------------------------------------------------


class RowProblemRead(BaseModel):
    row: int = Field(description="Spreadsheet row number (header = 1)")
    column: str
    problem: str


class Counts(BaseModel):
    org_units: int
    positions: int


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

    kind: Literal["org_units", "positions"]
    dry_run: bool
    ok: bool
    written: bool = Field(description="True when the import was committed")
    total_rows: int
    valid_rows: int
    rows_with_problems: int
    problems: list[RowProblemRead]
    reconciliation: Reconciliation | None = Field(
        description="What was (or, in a dry run, would be) written"
    )
    events_published: int
