"""Response models of the recruiting API (`*Read`), built by the routers from what the use
cases return. Request bodies live with the use cases (`service/inputs.py`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from recruiting_service.db.models import Application, Evaluation, Interview, Opening
from recruiting_service.domain.applications import ApplicationStatus, allowed_actions
from recruiting_service.service import decisions
from recruiting_service.service.applications import ApplicationRecord
from recruiting_service.service.imports import ImportOutcome
from recruiting_service.service.interviews import ApplicationScorecard, InterviewRecord
from talentloop_shared.events.payloads import (
    EvaluationScheme,
    OrgUnitRef,
    Recommendation,
    Requirements,
    Stage,
)

# --- openings ---------------------------------------------------------------------------


class OpeningRead(BaseModel):
    """The local copy of a position, as org-service last published it."""

    position_id: uuid.UUID
    version: int
    title: str
    status: Literal["open", "closed"]
    headcount: int
    job_family: str
    org_unit: OrgUnitRef
    location: str | None
    responsibilities: list[str]
    requirements: Requirements
    evaluation_scheme: EvaluationScheme
    last_change: str
    updated_at: datetime

    @classmethod
    def from_row(cls, opening: Opening) -> OpeningRead:
        """The API shape of a stored opening."""
        return cls.model_validate(
            {
                "position_id": opening.position_id,
                "version": opening.version,
                "title": opening.title,
                "status": opening.status,
                "headcount": opening.headcount,
                "job_family": opening.job_family,
                "org_unit": {
                    "id": opening.org_unit_id,
                    "name": opening.org_unit_name,
                    "path": opening.org_unit_path,
                },
                "location": opening.location,
                "responsibilities": opening.responsibilities,
                "requirements": opening.requirements,
                "evaluation_scheme": opening.evaluation_scheme,
                "last_change": opening.last_change,
                "updated_at": opening.updated_at,
            }
        )


# --- candidates -------------------------------------------------------------------------


class CandidateRead(BaseModel):
    """A candidate."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    email: str | None
    phone: str | None
    locale: str
    timezone: str
    years_experience: float | None
    skills: list[str]
    industries: list[str]
    education: str
    languages: list[str]
    talent_pool_consent: bool
    version: int
    created_at: datetime
    updated_at: datetime
    erased_at: datetime | None = Field(
        default=None,
        description="when the person's data was erased on their request; null unless erased",
    )


# --- applications -----------------------------------------------------------------------


class UnmetRead(BaseModel):
    """A requirement the candidate does not meet."""

    requirement: str
    expected: Any
    actual: Any


class ScreeningRead(BaseModel):
    """The latest screening of an application, naming each unmet requirement."""

    passed: bool
    score: int
    unmet: list[UnmetRead]
    position_version: int


class FlagRead(BaseModel):
    """Something HR should review (e.g. the requirements changed after screening)."""

    code: Literal["requirements_changed", "position_closed"]
    detail: str
    position_version: int
    at: datetime


class StatusChangeRead(BaseModel):
    """One line of the status history: from, to, why, who, when."""

    from_status: str | None
    to_status: str
    reason: str
    by: str
    at: datetime


class ReasonRead(BaseModel):
    """A reason of a rejection, as the candidate reads it."""

    code: str
    text: str


class ScorecardSummary(BaseModel):
    """The panel's scores a rejection was decided on."""

    composite: float | None = None
    dimensions: dict[str, float] = Field(default_factory=dict)


class RejectionRead(BaseModel):
    """What the rejection notice will say, and how it is sent."""

    stage: Stage
    decided_by: str
    rejected_at: datetime
    strengths: list[str]
    reasons: list[ReasonRead]
    suggestions: list[str]
    scorecard: ScorecardSummary | None
    notify: dict[str, Any]


class ApplicationSummary(BaseModel):
    """An application in a list."""

    id: uuid.UUID
    candidate_id: uuid.UUID
    position_id: uuid.UUID
    source: str
    status: ApplicationStatus
    screening: ScreeningRead
    flags: list[FlagRead]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_row(cls, application: Application) -> ApplicationSummary:
        """An application as lists show it."""
        return cls.model_validate(_summary_fields(application))


def _summary_fields(application: Application) -> dict[str, Any]:
    return {
        "id": application.id,
        "candidate_id": application.candidate_id,
        "position_id": application.position_id,
        "source": application.source,
        "status": application.status,
        "screening": application.screening,
        "flags": application.flags,
        "created_at": application.created_at,
        "updated_at": application.updated_at,
    }


class ApplicationRead(ApplicationSummary):
    """An application with its history, allowed moves and decision."""

    allowed_actions: list[str]
    history: list[StatusChangeRead]
    rejection: RejectionRead | None = None

    @classmethod
    def from_record(cls, record: ApplicationRecord) -> ApplicationRead:
        """An application with history, allowed moves and decision."""
        application = record.application
        return cls.model_validate(
            {
                **_summary_fields(application),
                "allowed_actions": list(allowed_actions(application.status)),
                "history": [
                    {
                        "from_status": h.from_status,
                        "to_status": h.to_status,
                        "reason": h.reason,
                        "by": h.actor,
                        "at": h.at,
                    }
                    for h in record.history
                ],
                "rejection": application.rejection,
            }
        )


class BulkRejectOutcome(BaseModel):
    """What a bulk rejection did with one application."""

    model_config = ConfigDict(from_attributes=True)

    application_id: uuid.UUID
    outcome: Literal["rejected", "not_found", "conflict"]
    detail: str | None = None


class BulkRejectResult(BaseModel):
    """Per-application outcome of a bulk rejection."""

    rejected: int
    failed: int
    items: list[BulkRejectOutcome]

    @classmethod
    def of(cls, outcomes: Sequence[decisions.BulkRejectOutcome]) -> BulkRejectResult:
        """Count the outcomes."""
        rejected = sum(1 for o in outcomes if o.outcome == "rejected")
        return cls(
            rejected=rejected,
            failed=len(outcomes) - rejected,
            items=[BulkRejectOutcome.model_validate(o) for o in outcomes],
        )


# --- interviews and evaluations ---------------------------------------------------------


class DimensionRead(BaseModel):
    """A dimension of the evaluation scheme an interview scores."""

    key: str
    name: str
    weight: float


class ScoreRead(BaseModel):
    """One dimension's score."""

    dimension: str
    score: int
    comment: str | None = None


class EvaluationRead(BaseModel):
    """A submitted scorecard."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    interview_id: uuid.UUID
    application_id: uuid.UUID
    interviewer_id: str
    department_id: str
    scores: list[ScoreRead]
    strengths: list[str]
    concerns: list[str]
    recommendation: Recommendation
    submitted_by: str
    submitted_at: datetime


class InterviewRead(BaseModel):
    """An interview and, once submitted, its evaluation."""

    id: uuid.UUID
    application_id: uuid.UUID
    interviewer_id: str
    department_id: str
    scheduled_at: datetime
    dimensions: list[DimensionRead]
    evaluation: EvaluationRead | None
    created_at: datetime

    @classmethod
    def from_row(cls, interview: Interview, evaluation: Evaluation | None = None) -> InterviewRead:
        """An interview with its evaluation, if submitted."""
        return cls.model_validate(
            {
                "id": interview.id,
                "application_id": interview.application_id,
                "interviewer_id": interview.interviewer_id,
                "department_id": interview.department_id,
                "scheduled_at": interview.scheduled_at,
                "dimensions": interview.dimensions,
                "evaluation": EvaluationRead.model_validate(evaluation) if evaluation else None,
                "created_at": interview.created_at,
            }
        )

    @classmethod
    def from_record(cls, record: InterviewRecord) -> InterviewRead:
        """An interview with its evaluation, if submitted."""
        return cls.from_row(record.interview, record.evaluation)


class ScorecardRead(BaseModel):
    """The panel's view: weighted composite, dimension means, consistency (0–1)."""

    application_id: uuid.UUID
    composite: float | None
    dimensions: dict[str, float]
    consistency: float | None
    evaluations: list[EvaluationRead]

    @classmethod
    def from_scorecard(cls, scorecard: ApplicationScorecard) -> ScorecardRead:
        """The panel's scorecard with the evaluations it rests on."""
        card = scorecard.card
        return cls(
            application_id=scorecard.application_id,
            composite=card.composite,
            dimensions=card.dimensions,
            consistency=card.consistency,
            evaluations=[EvaluationRead.model_validate(e) for e in scorecard.evaluations],
        )


class CalibrationRead(BaseModel):
    """How an interviewer scores compared with co-panelists (positive: higher)."""

    model_config = ConfigDict(from_attributes=True)

    interviewer_id: str
    mean_deviation: float | None
    count: int


# --- suggestions ------------------------------------------------------------------------


class SuggestionRead(BaseModel):
    """A suggestion template by reason code or dimension key and locale; `{subject}` is
    filled in with the skill, industry or language."""

    model_config = ConfigDict(from_attributes=True)

    code: str
    locale: str = Field(description="BCP 47; a reader gets their locale, language, then 'en'")
    text: str
    updated_by: str
    updated_at: datetime


# --- imports ----------------------------------------------------------------------------


class ImportProblem(BaseModel):
    """A problem in the file: its row (1 = the header) and column."""

    model_config = ConfigDict(from_attributes=True)

    row: int
    column: str | None
    msg: str


class ImportRowOutcome(BaseModel):
    """What a valid row does to the candidate its email names."""

    model_config = ConfigDict(from_attributes=True)

    row: int
    email: str
    action: Literal["create", "update", "unchanged"]
    changed_fields: list[str] = Field(default_factory=list)


class Reconciliation(BaseModel):
    """Counts before and after (projected for a dry run) and whether they balance."""

    candidates_before: int
    candidates_after: int
    expected_after: int
    balanced: bool


class ImportReport(BaseModel):
    """Validation report (dry run) or reconciliation report (real run)."""

    kind: Literal["candidates"]
    dry_run: bool
    applied: bool
    rows: int
    valid_rows: int
    created: int
    updated: int
    unchanged: int
    problems: list[ImportProblem]
    outcomes: list[ImportRowOutcome]
    reconciliation: Reconciliation

    @classmethod
    def from_outcome(cls, outcome: ImportOutcome) -> ImportReport:
        """The report of a candidate import."""
        created = outcome.count("create")
        expected = outcome.candidates_before + created
        return cls(
            kind="candidates",
            dry_run=outcome.dry_run,
            applied=outcome.applied,
            rows=outcome.rows,
            valid_rows=len(outcome.outcomes),
            created=created,
            updated=outcome.count("update"),
            unchanged=outcome.count("unchanged"),
            problems=[ImportProblem.model_validate(p) for p in outcome.problems],
            outcomes=[ImportRowOutcome.model_validate(o) for o in outcome.outcomes],
            reconciliation=Reconciliation(
                candidates_before=outcome.candidates_before,
                candidates_after=outcome.candidates_after,
                expected_after=expected,
                balanced=outcome.candidates_after == expected,
            ),
        )
