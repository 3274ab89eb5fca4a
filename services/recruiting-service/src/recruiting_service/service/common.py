"""Small pieces several use cases share: error mapping, screening records, read models."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, cast

from recruiting_service.api.schemas import (
    ApplicationRead,
    ApplicationSummary,
    FlagRead,
    RejectionRead,
    ScreeningRead,
    StatusChangeRead,
)
from recruiting_service.db.models import Application, ApplicationStatusChange, Candidate, Opening
from recruiting_service.domain.decisions import allowed_actions
from recruiting_service.domain.errors import DomainValidationError, IllegalTransition
from recruiting_service.domain.screening import CandidateProfile, ScreeningResult, Unmet
from talentloop_shared.events.payloads import CandidateInfo, Education, PositionRef, Requirements
from talentloop_shared.http.pagination import decode_cursor
from talentloop_shared.http.problems import ProblemError, conflict, unprocessable


def domain_problem(exc: IllegalTransition | DomainValidationError) -> ProblemError:
    """The HTTP problem for a domain error: illegal move → 409, bad value → 422."""
    if isinstance(exc, IllegalTransition):
        return conflict(str(exc), type_="illegal-transition")
    return unprocessable(str(exc), errors=[{"loc": ["body", exc.field], "msg": exc.msg}])


def erased_problem(candidate: Candidate) -> ProblemError | None:
    """409 when the candidate was erased: nothing personal is written to them again."""
    if candidate.erased_at is None:
        return None
    return conflict(
        f"candidate {candidate.id} was erased on {candidate.erased_at.isoformat()} at the "
        "person's request; their data cannot be written again (register a new candidate "
        "if they apply anew)",
        type_="candidate-erased",
    )


def as_uuid(value: str | uuid.UUID) -> uuid.UUID | None:
    """The UUID in `value`, or None when it is not one."""
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def profile_of(candidate: Candidate) -> CandidateProfile:
    """What screening looks at in a stored candidate."""
    return CandidateProfile(
        years_experience=candidate.years_experience,
        skills=candidate.skills,
        industries=candidate.industries,
        education=cast(Education, candidate.education),
        languages=candidate.languages,
    )


def requirements_of(opening: Opening) -> Requirements:
    """The opening's current requirements as the shared model."""
    return Requirements.model_validate(opening.requirements)


def screening_record(result: ScreeningResult) -> dict[str, Any]:
    """The stored form of a screening result (API shape + matched skills for notices)."""
    return {**result.as_dict(), "matched_skills": list(result.matched_skills)}


def unmet_of(screening: dict[str, Any]) -> list[Unmet]:
    """The unmet requirements of a stored screening."""
    return [Unmet(u["requirement"], u.get("expected"), u.get("actual")) for u in screening["unmet"]]


def screening_reason(result: ScreeningResult) -> str:
    """One phrase for the history: passed with score, or which requirements are unmet."""
    if result.passed:
        return f"screening passed (score {result.score})"
    names = ", ".join(dict.fromkeys(u.requirement for u in result.unmet))
    return f"screened out: unmet {names}"


def candidate_info(candidate: Candidate) -> CandidateInfo:
    """The candidate as events carry it."""
    return CandidateInfo(
        id=str(candidate.id),
        name=candidate.name,
        email=candidate.email,
        phone=candidate.phone,
        locale=candidate.locale,
        timezone=candidate.timezone,
        talent_pool_consent=candidate.talent_pool_consent,
        skills=list(candidate.skills),
        years_experience=candidate.years_experience,
        industries=list(candidate.industries),
    )


def position_ref(opening: Opening) -> PositionRef:
    """The position as events carry it."""
    return PositionRef(
        id=str(opening.position_id),
        version=opening.version,
        title=opening.title,
        job_family=opening.job_family,
        org_unit_name=opening.org_unit_name,
    )


def summary_of(app: Application) -> ApplicationSummary:
    """An application as lists show it."""
    return ApplicationSummary(
        id=app.id,
        candidate_id=app.candidate_id,
        position_id=app.position_id,
        source=app.source,
        status=app.status,
        screening=ScreeningRead.model_validate(app.screening),
        flags=[FlagRead.model_validate(f) for f in app.flags],
        created_at=app.created_at,
        updated_at=app.updated_at,
    )


def read_of(app: Application, history: list[ApplicationStatusChange]) -> ApplicationRead:
    """An application with history, allowed moves and decision."""
    return ApplicationRead(
        **summary_of(app).model_dump(),
        allowed_actions=list(allowed_actions(app.status)),
        history=[
            StatusChangeRead(
                from_status=h.from_status,
                to_status=h.to_status,
                reason=h.reason,
                by=h.actor,
                at=h.at,
            )
            for h in history
        ],
        rejection=RejectionRead.model_validate(app.rejection) if app.rejection else None,
    )


def flag(code: str, detail: str, version: int, at: datetime) -> dict[str, Any]:
    """A review flag on an application."""
    return {"code": code, "detail": detail, "position_version": version, "at": at.isoformat()}


def decode_keyset(cursor: str | None, *parsers: Any) -> list[Any] | None:
    """The typed sort-key values of a cursor; 422 naming `cursor` when it is not ours."""
    values = decode_cursor(cursor, arity=len(parsers))
    if values is None:
        return None
    try:
        return [parse(v) for parse, v in zip(parsers, values, strict=True)]
    except (ValueError, TypeError):
        raise ProblemError(
            422,
            "Unprocessable Content",
            "cursor: not a cursor this list returned",
            type_="validation",
            errors=[{"loc": ["query", "cursor"], "msg": "invalid cursor"}],
        ) from None
