"""What the org use cases take: request bodies, validated before a use case runs.

Unknown fields are refused (`RequestModel`). In a PATCH, a field left out keeps its value; a
field that cannot be empty may not be sent as `null` either (422 naming it).
"""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from talentloop_shared.events.payloads import Education
from talentloop_shared.http import RequestModel

Name = Field(min_length=1, max_length=200)
Code = Field(default=None, min_length=1, max_length=64, description="External (ERP) id; unique")


def _not_null(value: object) -> object:
    # Runs only for fields the client sent: defaults are not validated.
    if value is None:
        raise PydanticCustomError("not_null", "must not be null")
    return value


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

    _required = field_validator("name", "kind")(_not_null)


class OrgUnitMove(RequestModel):
    """The new parent; `null` makes the unit a root."""

    parent_id: uuid.UUID | None


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

    _required = field_validator(
        "title",
        "org_unit_id",
        "job_family",
        "headcount",
        "responsibilities",
        "requirements",
        "evaluation_scheme",
    )(_not_null)
