"""Response models of the recruiting API (`*Read`), built by the routers from what the use
cases return. Request bodies live with the use cases (`service/inputs.py`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from recruiting_service.db.models import Application, Opening
from recruiting_service.domain.applications import ApplicationStatus
from recruiting_service.domain.notice_preview import NoticePreview
from recruiting_service.domain.policy import PolicyMode
from recruiting_service.service import applications, decisions, policy
from recruiting_service.service.applications import ApplicationRecord
from recruiting_service.service.decisions import DraftRecord
from recruiting_service.service.evaluations import ApplicationScorecard
from recruiting_service.service.imports import ImportOutcome
from recruiting_service.service.interviews import InterviewRecord, MyInterview
from recruiting_service.service.notice_previews import RejectedRecord
from talentloop_shared.events.payloads import (
    EvaluationScheme,
    OrgUnitRef,
    PositionOwners,
    Recommendation,
    Requirements,
    Stage,
)
from talentloop_shared.models import from_attributes

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
    titles: dict[str, str] = Field(description="the title in other languages, by locale")
    owners: PositionOwners = Field(description="who answers for the position's hiring")
    last_change: str
    updated_at: datetime

    @classmethod
    def from_row(cls, opening: Opening) -> OpeningRead:
        """The API shape of a stored opening."""
        org_unit = {
            "id": opening.org_unit_id,
            "name": opening.org_unit_name,
            "path": opening.org_unit_path,
        }
        return from_attributes(cls, opening, org_unit=org_unit)


# --- candidates -------------------------------------------------------------------------


class CandidateRead(BaseModel):
    """A candidate."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    external_id: str | None = Field(
        default=None, description="the id an integration knows the person by, if any"
    )
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


class DraftScorecardRead(ScorecardSummary):
    """The panel's scores as the rejection would carry them (the band picks the notice's
    template)."""

    band: Literal["close", "far"] | None = None


class RejectionDraftRead(BaseModel):
    """What rejecting the application now would say when HR gives no words of their own:
    edit it and send it back as the rejection's `strengths`, `reasons` and `suggestions`."""

    application_id: uuid.UUID
    source: Literal["pending_decision", "drafted"] = Field(
        description="'pending_decision': the policy's pending decision (as HR may have edited "
        "it); 'drafted': drafted from screening and the panel in the candidate's language"
    )
    stage: Stage
    strengths: list[str]
    reasons: list[ReasonRead]
    suggestions: list[str]
    scorecard: DraftScorecardRead | None

    @classmethod
    def from_record(cls, application_id: uuid.UUID, record: DraftRecord) -> RejectionDraftRead:
        """The API shape of a rejection draft."""
        draft = record.draft
        return cls(
            application_id=application_id,
            source=record.source,
            stage=draft.stage,
            strengths=list(draft.strengths),
            reasons=[ReasonRead(code=r.code, text=r.text) for r in draft.reasons],
            suggestions=list(draft.suggestions),
            scorecard=draft.scorecard
            and DraftScorecardRead.model_validate(draft.scorecard.model_dump()),
        )


DecisionStatus = Literal["pending", "decided", "confirmed", "overturned", "superseded"]


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


class DecisionSummary(BaseModel):
    """The decision policy's latest decision on an application (details:
    `GET /api/v1/applications/{id}/decision`)."""

    status: DecisionStatus
    mode: str
    decides_at: datetime


class ApplicationRead(ApplicationSummary):
    """An application with its history, allowed moves and decision."""

    allowed_actions: list[str]
    history: list[StatusChangeRead]
    rejection: RejectionRead | None = None
    decision: DecisionSummary | None = None

    @classmethod
    def from_record(cls, record: ApplicationRecord) -> ApplicationRead:
        """An application with history, allowed moves and decision."""
        return cls.model_validate(applications.record_values(record))


class PhrasedRead(BaseModel):
    """One strength, reason or suggestion as the candidate will read it (the shared
    phrasing step's view: `sentence` is what the notice says; `need` what a template's
    frame receives when it `fits`)."""

    kind: Literal["strength", "reason", "suggestion"]
    code: str | None = None
    source: str = Field(description="as written by HR or the panel")
    locale: str
    form: str = Field(description="requirement, preference, deficit, phrase, sentence or advice")
    need: str
    fits: bool = Field(description="false: quoted as a remark rather than framed")
    nominal: bool
    sentence: str = Field(description="the sentence the candidate will read")
    flagged: bool
    notes: list[str]


class ReviewRead(BaseModel):
    """A phrase that could not be fitted safely: reword it (notify holds such a notice
    for review)."""

    kind: Literal["strength", "reason", "suggestion"]
    code: str | None = None
    source: str
    sentence: str = Field(description="what would be sent as it stands")
    notes: list[str] = Field(
        description="quoted, too_long, vague, gap_as_strength, generic, other_language, …"
    )
    why: list[str] = Field(description="each note explained, in the notice's language")


class NoticePreviewRead(BaseModel):
    """The rejection notice's phrases for the candidate's locale, and what to review."""

    locale: str
    strengths: list[PhrasedRead]
    reasons: list[PhrasedRead]
    suggestions: list[PhrasedRead]
    review: list[ReviewRead]
    flagged: bool = Field(description="true when `review` is not empty")

    @classmethod
    def from_preview(cls, preview: NoticePreview) -> NoticePreviewRead:
        """The API shape of a notice preview."""
        return cls.model_validate(
            {
                "locale": preview.locale,
                "strengths": preview.strengths,
                "reasons": preview.reasons,
                "suggestions": preview.suggestions,
                "review": preview.review,
                "flagged": preview.flagged,
            }
        )


class RejectedApplicationRead(ApplicationRead):
    """A rejected application, with the notice's sentences for HR to see before sending."""

    notice_preview: NoticePreviewRead

    @classmethod
    def from_rejected(cls, rejected: RejectedRecord) -> RejectedApplicationRead:
        """The rejection's answer: the application and its notice preview (validated once,
        not as an `ApplicationRead` first and then again)."""
        return cls.model_validate(
            {
                **applications.record_values(rejected.record),
                "notice_preview": NoticePreviewRead.from_preview(rejected.preview),
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


class PanelSeatRead(BaseModel):
    """A panel member, the dimensions they score, and whether their scorecard is in."""

    member_id: str = Field(description="how the interview names them (a person id, or a free id)")
    person_id: uuid.UUID | None = Field(description="their person in the staff directory")
    name: str
    department_id: str
    dimensions: list[DimensionRead]
    submitted: bool


class InterviewRead(BaseModel):
    """An interview: when, where, its panel and the scorecards submitted so far."""

    id: uuid.UUID
    application_id: uuid.UUID
    status: Literal["scheduled", "cancelled"]
    start: datetime
    scheduled_at: datetime = Field(description="the same as `start`")
    duration_minutes: int
    ends_at: datetime
    location: str | None
    video_url: str | None
    notes_for_candidate: str | None
    panel: list[PanelSeatRead]
    interviewer_id: str = Field(description="the first panel member")
    department_id: str = Field(description="the first panel member's department")
    dimensions: list[DimensionRead] = Field(description="every dimension the panel scores")
    sequence: int = Field(description="raised on every reschedule (calendar SEQUENCE)")
    version: int
    evaluation: EvaluationRead | None = Field(description="the first panel member's scorecard")
    evaluations: list[EvaluationRead]
    created_by: str
    created_at: datetime
    updated_at: datetime
    cancelled_at: datetime | None
    cancel_reason: str | None

    @classmethod
    def from_record(cls, record: InterviewRecord) -> InterviewRead:
        """An interview with its panel and scorecards."""
        interview = record.interview
        scored = record.submitted
        return cls.model_validate(
            {
                "id": interview.id,
                "application_id": interview.application_id,
                "status": interview.status,
                "start": interview.scheduled_at,
                "scheduled_at": interview.scheduled_at,
                "duration_minutes": interview.duration_minutes,
                "ends_at": interview.ends_at,
                "location": interview.location,
                "video_url": interview.video_url,
                "notes_for_candidate": interview.notes_for_candidate,
                "panel": [
                    {
                        "member_id": seat.member_id,
                        "person_id": seat.person_id,
                        "name": record.calendar.name_of(seat),
                        "department_id": seat.department_id,
                        "dimensions": seat.dimensions,
                        "submitted": seat.member_id in scored,
                    }
                    for seat in record.calendar.seats
                ],
                "interviewer_id": interview.interviewer_id,
                "department_id": interview.department_id,
                "dimensions": interview.dimensions,
                "sequence": interview.sequence,
                "version": interview.version,
                "evaluation": record.evaluation
                and EvaluationRead.model_validate(record.evaluation),
                "evaluations": [EvaluationRead.model_validate(e) for e in record.evaluations],
                "created_by": interview.created_by,
                "created_at": interview.created_at,
                "updated_at": interview.updated_at,
                "cancelled_at": interview.cancelled_at,
                "cancel_reason": interview.cancel_reason,
            }
        )


class MyInterviewRead(BaseModel):
    """One of my upcoming interviews: whom, when, where, and what I will score."""

    interview_id: uuid.UUID
    application_id: uuid.UUID
    candidate_name: str
    position_id: uuid.UUID
    position_title: str
    start: datetime
    duration_minutes: int
    ends_at: datetime
    location: str | None
    video_url: str | None
    member_id: str = Field(description="how this interview names me")
    department_id: str
    dimensions: list[DimensionRead] = Field(description="the dimensions I score")
    panel: list[str] = Field(description="everyone on the panel, by name")
    submitted: bool = Field(description="my scorecard is in")
    sequence: int

    @classmethod
    def from_mine(cls, mine: MyInterview) -> MyInterviewRead:
        """My seat at an interview."""
        interview = mine.record.interview
        calendar = mine.record.calendar
        return cls(
            interview_id=interview.id,
            application_id=interview.application_id,
            candidate_name=mine.candidate_name,
            position_id=mine.position_id,
            position_title=mine.position_title,
            start=interview.scheduled_at,
            duration_minutes=interview.duration_minutes,
            ends_at=interview.ends_at,
            location=interview.location,
            video_url=interview.video_url,
            member_id=mine.seat.member_id,
            department_id=mine.seat.department_id,
            dimensions=[DimensionRead.model_validate(d) for d in mine.seat.dimensions],
            panel=[calendar.name_of(s) for s in calendar.seats],
            submitted=mine.submitted,
            sequence=interview.sequence,
        )


class ScorecardRead(BaseModel):
    """The panel's view: weighted composite, dimension means, consistency (0–1), and
    whether every planned interview's panel has scored."""

    application_id: uuid.UUID
    composite: float | None
    dimensions: dict[str, float]
    consistency: float | None
    band: Literal["close", "far"] | None = Field(description="how close: 'close' from 6.5 up")
    panel_complete: bool
    awaiting: list[str] = Field(description="panel members whose scorecard is not in yet")
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
            band=card.band,
            panel_complete=scorecard.progress.complete,
            awaiting=list(scorecard.progress.awaiting),
            evaluations=[EvaluationRead.model_validate(e) for e in scorecard.evaluations],
        )


class CalibrationRead(BaseModel):
    """How an interviewer scores compared with co-panelists (positive: higher)."""

    model_config = ConfigDict(from_attributes=True)

    interviewer_id: str
    mean_deviation: float | None
    count: int


# --- decision policy and its decisions --------------------------------------------------


class DecisionPolicyRead(BaseModel):
    """A decision policy: when a complete panel's scorecards make a rejection, and how
    long HR has to confirm, edit or overturn it."""

    scope: Literal["default", "position"] = Field(
        description="'position': this position's override; 'default': the default applies"
    )
    position_id: uuid.UUID | None
    mode: PolicyMode
    threshold: float | None
    review_minutes: int
    version: int = Field(description="0 until HR sets the policy (the built-in default)")
    updated_by: str | None
    updated_at: datetime | None

    @classmethod
    def from_view(cls, view: policy.PolicyView) -> DecisionPolicyRead:
        """The API shape of a policy."""
        return cls(
            scope=view.scope,
            position_id=view.position_id,
            mode=view.policy.mode,
            threshold=view.policy.threshold,
            review_minutes=view.policy.review_minutes,
            version=view.version,
            updated_by=view.updated_by,
            updated_at=view.updated_at,
        )


class DecisionRead(BaseModel):
    """A rejection the decision policy made: what the notice will say, the deadline for
    HR, and how it ended."""

    id: uuid.UUID
    application_id: uuid.UUID
    application_status: ApplicationStatus
    status: DecisionStatus
    mode: str
    threshold: float | None
    review_minutes: int
    decides_at: datetime
    stage: Stage
    strengths: list[str]
    reasons: list[ReasonRead]
    suggestions: list[str]
    scorecard: ScorecardSummary | None
    created_at: datetime
    edited_by: str | None
    edited_at: datetime | None
    resolved_by: str | None
    resolved_at: datetime | None
    resolution_note: str | None
    version: int

    @classmethod
    def from_record(cls, record: policy.DecisionRecord) -> DecisionRead:
        """A policy decision with its application's status."""
        d = record.decision
        return cls.model_validate(
            {
                "id": d.id,
                "application_id": d.application_id,
                "application_status": record.application.status,
                "status": d.status,
                "mode": d.mode,
                "threshold": d.threshold,
                "review_minutes": d.review_minutes,
                "decides_at": d.decides_at,
                "stage": d.stage,
                "strengths": d.strengths,
                "reasons": d.reasons,
                "suggestions": d.suggestions,
                "scorecard": d.scorecard,
                "created_at": d.created_at,
                "edited_by": d.edited_by,
                "edited_at": d.edited_at,
                "resolved_by": d.resolved_by,
                "resolved_at": d.resolved_at,
                "resolution_note": d.resolution_note,
                "version": d.version,
            }
        )


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


class ChecksumRead(BaseModel):
    """The file's key fields against what the database holds for those rows after the run."""

    key_fields: list[str]
    file: str = Field(
        description="sha256 over each row's key fields (email, name, and phone when its cell "
        "is filled: an empty cell keeps the stored phone), independent of row order"
    )
    database: str = Field(description="the same checksum over the stored candidates")
    match: bool


class Reconciliation(BaseModel):
    """Counts before and after, whether they balance, and the key fields' checksums."""

    candidates_before: int
    candidates_after: int
    expected_after: int
    balanced: bool
    checksum: ChecksumRead | None = Field(
        default=None, description="null when the file has problems (nothing is written)"
    )


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
    column_mapping: dict[str, str | None] = Field(
        description="How each header of the file was understood, in file order: the column "
        "it was read as (through the known aliases or your column_map), or null when it is "
        "not read"
    )
    reconciliation: Reconciliation

    @classmethod
    def from_outcome(cls, outcome: ImportOutcome) -> ImportReport:
        """The report of a candidate import."""
        created = outcome.count("create")
        expected = outcome.candidates_before + created
        checksum = outcome.checksum
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
            column_mapping=outcome.column_mapping,
            reconciliation=Reconciliation(
                candidates_before=outcome.candidates_before,
                candidates_after=outcome.candidates_after,
                expected_after=expected,
                balanced=outcome.candidates_after == expected,
                checksum=None
                if checksum is None
                else ChecksumRead(
                    key_fields=list(checksum.key_fields),
                    file=checksum.file,
                    database=checksum.database,
                    match=checksum.match,
                ),
            ),
        )
