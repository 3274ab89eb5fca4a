"""Applications: apply (screened at once), read, list, and the status machine's moves."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from recruiting_service.db.models import (
    Application,
    ApplicationStatusChange,
    Candidate,
    Opening,
    PolicyDecision,
)
from recruiting_service.db.reads import APPLICATION_COLUMNS, applications_query
from recruiting_service.db.repositories import (
    AnyApplication,
    ApplicationRepository,
    CandidateRepository,
    DecisionLine,
    HistoryLine,
    OpeningRepository,
    PolicyDecisionRepository,
)
from recruiting_service.domain.applications import allowed_actions, is_final, transition
from recruiting_service.domain.screening import CandidateProfile, make_screener
from recruiting_service.service.candidates import refuse_if_erased
from recruiting_service.service.inputs import ApplicationCreate
from recruiting_service.service.schedule import cancel_upcoming
from recruiting_service.service.vocabularies import skills_in_force
from talentloop_shared.db import KeysetOrder, Reads, UnitOfWork
from talentloop_shared.errors import Conflict
from talentloop_shared.events.payloads import Education, Requirements
from talentloop_shared.language.vocabulary import SkillVocabulary
from talentloop_shared.pagination import Page

# Applications are listed oldest first: (created_at, id).
APPLICATIONS = KeysetOrder(Application.created_at, Application.id)


@dataclass(frozen=True, slots=True)
class ApplicationRecord:
    """An application with its status history, oldest line first."""

    application: AnyApplication
    history: Sequence[ApplicationStatusChange | HistoryLine]
    decision: PolicyDecision | DecisionLine | None = None  # the policy's latest, if any


def profile_of(candidate: Any) -> CandidateProfile:
    """What screening looks at in a stored candidate (a row, or a row of its columns)."""
    return CandidateProfile(
        years_experience=candidate.years_experience,
        skills=candidate.skills,
        industries=candidate.industries,
        education=cast(Education, candidate.education),
        languages=candidate.languages,
    )


async def application_record(uow: UnitOfWork, application: Application) -> ApplicationRecord:
    """The application with its history, as read after a change (or for a read)."""
    history, decision = await ApplicationRepository(uow.session).history_and_decision(
        application.id
    )
    return ApplicationRecord(application, history, decision)


def open_application(
    uow: UnitOfWork,
    *,
    candidate: Candidate,
    opening: Opening,
    source: str,
    by: str,
    vocabulary: SkillVocabulary | None = None,
) -> ApplicationRecord:
    """Create and screen an application (checks done by the caller; no commit): the new
    application with its first history line (and no policy decision: none exists yet).

    `vocabulary`: the skills table in force (`skills_in_force`), the shipped one if None."""
    requirements = Requirements.model_validate(opening.requirements)
    screener = make_screener(requirements, opening.version, vocabulary=vocabulary)
    result = screener(profile_of(candidate))
    now = uow.clock.now()
    repo = ApplicationRepository(uow.session)
    application = repo.add(
        Application(
            id=uuid.uuid4(),
            candidate_id=candidate.id,
            position_id=opening.position_id,
            source=source,
            status="screening" if result.passed else "screened_out",
            screening=result.record(),
            flags=[],
            rejection=None,
            created_at=now,
            updated_at=now,
        )
    )
    applied = repo.record_change(
        application,
        from_status=None,
        by=by,
        at=now,
        reason=f"applied (source {source}); {result.summary()}",
    )
    return ApplicationRecord(application, [applied])


async def apply(uow: UnitOfWork, *, request: ApplicationCreate, by: str) -> ApplicationRecord:
    """Apply a candidate to an open opening and screen at once (409 if erased)."""
    # Locked: an erasure running at the same time waits, or this sees it.
    candidate = await CandidateRepository(uow.session).get_or_raise(
        request.candidate_id, for_update=True
    )
    refuse_if_erased(candidate)
    opening = await OpeningRepository(uow.session).get_or_raise(request.position_id)
    if opening.status != "open":
        raise Conflict(
            f"opening {request.position_id} is closed for hiring", type_="opening-closed"
        )
    repo = ApplicationRepository(uow.session)
    existing = await repo.for_candidate_and_position(request.candidate_id, request.position_id)
    if existing is not None:
        raise Conflict(
            f"candidate {request.candidate_id} already applied to {request.position_id} "
            f"(application {existing.id})",
            type_="duplicate-application",
        )
    record = open_application(
        uow,
        candidate=candidate,
        opening=opening,
        source=request.source,
        by=by,
        vocabulary=await skills_in_force(uow.session),
    )
    await uow.commit()
    # As committed: nothing else can have been added to a new application (no second
    # transaction to read it again after the commit).
    return record


async def list_applications(
    reads: Reads,
    *,
    position_id: uuid.UUID | None,
    candidate_id: uuid.UUID | None,
    status: str | None,
    limit: int,
    cursor: str | None,
) -> Page[dict[str, Any]]:
    """Applications, oldest first, filtered by position, candidate and status, as lists
    show them. One statement on `Reads` (no unit of work)."""
    rows = await applications_query(
        after=APPLICATIONS.keyset.decode(cursor),
        position_id=position_id,
        candidate_id=candidate_id,
        status=status,
    ).fetch(reads, limit)
    page = APPLICATIONS.keyset.page(rows, limit, key=lambda row: (row["created_at"], row["id"]))
    return page.map(summary_values)


def summary_values(row: Any) -> dict[str, Any]:
    """The API shape's values of an application in a list, from a row of `db.reads`."""
    return {name: row[name] for name in _SUMMARY_FIELDS}


_SUMMARY_FIELDS = (
    "id",
    "candidate_id",
    "position_id",
    "source",
    "status",
    "screening",
    "flags",
    "created_at",
    "updated_at",
)
assert set(_SUMMARY_FIELDS) <= set(APPLICATION_COLUMNS)


def record_values(record: ApplicationRecord) -> dict[str, Any]:
    """The API shape's values of an `ApplicationRecord` (what `read_values` makes of a row
    of `db.reads`)."""
    application = record.application
    values = {name: getattr(application, name) for name in _SUMMARY_FIELDS}
    values["allowed_actions"] = list(allowed_actions(application.status))
    values["history"] = [
        {
            "from_status": h.from_status,
            "to_status": h.to_status,
            "reason": h.reason,
            "by": h.actor,
            "at": h.at,
        }
        for h in record.history
    ]
    values["rejection"] = application.rejection
    values["decision"] = record.decision and {
        "status": record.decision.status,
        "mode": record.decision.mode,
        "decides_at": record.decision.decides_at,
    }
    return values


def read_values(row: Any) -> dict[str, Any]:
    """The API shape's values of an application with its history, allowed moves and
    decision, from `db.reads.application_with_history`'s row (what
    `ApplicationRead.from_record` makes of an `ApplicationRecord`)."""
    values = summary_values(row)
    values["allowed_actions"] = list(allowed_actions(row["status"]))
    values["history"] = [
        {"from_status": from_status, "to_status": to_status, "reason": reason, "by": by, "at": at}
        for from_status, to_status, reason, by, at in row["history"] or ()
    ]
    values["rejection"] = row["rejection"]
    values["decision"] = (
        None
        if row["decision_status"] is None
        else {
            "status": row["decision_status"],
            "mode": row["decision_mode"],
            "decides_at": row["decision_decides_at"],
        }
    )
    return values


def resolve(decision: PolicyDecision, status: str, *, by: str, at: datetime, note: str) -> None:
    """Close a pending policy decision: `confirmed`, `decided`, `overturned`, `superseded`."""
    decision.status = status
    decision.resolved_by = by
    decision.resolved_at = at
    decision.resolution_note = note
    decision.version += 1


async def move(
    uow: UnitOfWork, *, application_id: uuid.UUID, action: str, by: str, reason: str | None
) -> ApplicationRecord:
    """Advance or withdraw through the status machine (409 naming allowed moves).

    HR moving the application decides instead of a pending policy decision (superseded);
    a withdrawn application keeps no upcoming interview (cancelled, everyone told)."""
    repo = ApplicationRepository(uow.session)
    application = await repo.get_or_raise(application_id, for_update=True)
    before = application.status
    application.status = transition(before, action)
    now = uow.clock.now()
    application.updated_at = now
    repo.record_change(application, from_status=before, by=by, at=now, reason=reason or action)
    pending = await PolicyDecisionRepository(uow.session).pending(application.id)
    if pending is not None:
        resolve(pending, "superseded", by=by, at=now, note=f"HR chose to {action} it")
    if is_final(application.status):
        await cancel_upcoming(uow, application, reason="the application was closed", by=by)
    await uow.commit()
    return await application_record(uow, application)
