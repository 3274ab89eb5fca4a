"""Rejections that publish `candidate-rejected` (S3), one at a time or in bulk."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select

from recruiting_service.db.models import Application, Candidate, Opening
from recruiting_service.db.repositories import (
    ApplicationRepository,
    CandidateRepository,
    InterviewRepository,
    OpeningRepository,
    SuggestionRepository,
)
from recruiting_service.domain.applications import rejection_stage, transition
from recruiting_service.domain.rejections import SuggestionLibrary, default_rejection_content
from recruiting_service.domain.scorecard import compute_scorecard, dimension_means
from recruiting_service.domain.screening import Unmet
from recruiting_service.service.applications import ApplicationRecord, application_record
from recruiting_service.service.candidates import refuse_if_erased
from recruiting_service.service.inputs import BulkRejectRequest, RejectRequest
from recruiting_service.service.interviews import scheme_dimensions, submitted
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Conflict, Invalid
from talentloop_shared.events.payloads import (
    CandidateInfo,
    CandidateRejected,
    NotifyRequest,
    PositionRef,
    Reason,
)

MAX_BULK = 500


@dataclass(frozen=True, slots=True)
class BulkRejectOutcome:
    """What a bulk rejection did with one of the applications it was given."""

    application_id: uuid.UUID
    outcome: Literal["rejected", "not_found", "conflict"]
    detail: str | None = None


# What `candidate-rejected` tells the other services about the person (stored as is).
_SHARED_CANDIDATE_FIELDS = (
    "name",
    "email",
    "phone",
    "locale",
    "timezone",
    "talent_pool_consent",
    "skills",
    "years_experience",
    "industries",
)


def candidate_info(candidate: Candidate) -> CandidateInfo:
    """The candidate as `candidate-rejected` carries it."""
    values = {name: getattr(candidate, name) for name in _SHARED_CANDIDATE_FIELDS}
    return CandidateInfo(id=str(candidate.id), **values)


def position_ref(opening: Opening) -> PositionRef:
    """The position as `candidate-rejected` carries it."""
    return PositionRef(
        id=str(opening.position_id),
        version=opening.version,
        title=opening.title,
        job_family=opening.job_family,
        org_unit_name=opening.org_unit_name,
    )


async def _reject_one(
    uow: UnitOfWork,
    application: Application,
    *,
    request: RejectRequest,
    by: str,
    library: SuggestionLibrary,
    now: datetime,
) -> None:
    """Reject one locked application and record its event (no commit).

    Every check happens before the first write, so a refused rejection leaves nothing
    behind in the bulk transaction.
    """
    stage = rejection_stage(application.status)
    new_status = transition(application.status, "reject")
    session = uow.session
    candidate = await CandidateRepository(session).get(application.candidate_id)
    opening = await OpeningRepository(session).get(application.position_id)
    assert candidate is not None and opening is not None  # foreign keys
    # Unreachable through the status machine (erasure closes every application), but a
    # notice must never be written about, or sent to, an erased person.
    refuse_if_erased(candidate)
    evaluations = submitted(
        await InterviewRepository(session).evaluations_of_applications([application.id])
    )
    dimensions = scheme_dimensions(opening)
    content = default_rejection_content(
        stage=stage,
        locale=candidate.locale,
        unmet=[Unmet.from_dict(u) for u in application.screening["unmet"]],
        dimension_means=dimension_means(evaluations),
        dimension_names={d.key: d.name for d in dimensions},
        evaluations_strengths=[s for e in evaluations for s in e.strengths],
        evaluations_concerns=[c for e in evaluations for c in e.concerns],
        suggestion_library=library,
        matched_skills=application.screening.get("matched_skills", []),
    )
    # HR's own words win, part by part and verbatim; what HR leaves out comes from the
    # defaults, written in the candidate's language.
    strengths = request.strengths if request.strengths is not None else content.strengths
    reasons = (
        [Reason(code=r.code, text=r.text) for r in request.reasons]
        if request.reasons is not None
        else content.reasons
    )
    suggestions = request.suggestions if request.suggestions is not None else content.suggestions
    notify = NotifyRequest.model_validate(request.notify.model_dump() if request.notify else {})
    scorecard = (
        compute_scorecard(dimensions, evaluations).as_event_scorecard() if evaluations else None
    )
    uow.publish(
        CandidateRejected(
            application_id=str(application.id),
            rejected_at=now,
            stage=stage,
            decided_by=by,
            candidate=candidate_info(candidate),
            position=position_ref(opening),
            strengths=list(strengths),
            reasons=list(reasons),
            suggestions=list(suggestions),
            scorecard=scorecard,
            notify=notify,
        ),
        subject=f"applications/{application.id}",
    )
    before = application.status
    application.status = new_status
    application.updated_at = now
    application.rejection = {
        "stage": stage,
        "decided_by": by,
        "rejected_at": now.isoformat(),
        "strengths": list(strengths),
        "reasons": [r.model_dump() for r in reasons],
        "suggestions": list(suggestions),
        "scorecard": scorecard.model_dump() if scorecard else None,
        "notify": notify.model_dump(),
    }
    ApplicationRepository(session).record_change(
        application,
        from_status=before,
        by=by,
        at=now,
        reason=f"rejected at {stage} stage: "
        + ("; ".join(r.text for r in reasons) or "no reason given"),
    )


async def reject(
    uow: UnitOfWork, *, application_id: uuid.UUID, request: RejectRequest, by: str
) -> ApplicationRecord:
    """Reject an application; publishes exactly one `candidate-rejected`."""
    repo = ApplicationRepository(uow.session)
    application = await repo.get_or_raise(application_id, for_update=True)
    library = await SuggestionRepository(uow.session).library()
    await _reject_one(
        uow, application, request=request, by=by, library=library, now=uow.clock.now()
    )
    await uow.commit()
    return await application_record(uow, application)


async def bulk_reject(
    uow: UnitOfWork, *, request: BulkRejectRequest, by: str
) -> list[BulkRejectOutcome]:
    """Reject many applications in one transaction; one event each; per-application outcome."""
    session = uow.session
    if request.application_ids is not None:
        ids = list(dict.fromkeys(request.application_ids))
    else:
        ids = list(
            (
                await session.scalars(
                    select(Application.id)
                    .where(
                        Application.position_id == request.position_id,
                        Application.status == request.status,
                    )
                    .order_by(Application.created_at, Application.id)
                    .limit(MAX_BULK + 1)
                )
            ).all()
        )
        if len(ids) > MAX_BULK:
            raise Invalid(
                f"more than {MAX_BULK} applications match; reject them in smaller batches "
                "(by application_ids)"
            )
    locked = {
        a.id: a
        for a in (
            await session.scalars(
                select(Application)
                .where(Application.id.in_(ids))
                .order_by(Application.id)
                .with_for_update()
            )
        ).all()
    }
    library = await SuggestionRepository(session).library()
    now = uow.clock.now()
    outcomes: list[BulkRejectOutcome] = []
    for application_id in ids:
        application = locked.get(application_id)
        if application is None:
            outcomes.append(
                BulkRejectOutcome(
                    application_id, "not_found", f"application {application_id} does not exist"
                )
            )
            continue
        try:
            await _reject_one(uow, application, request=request, by=by, library=library, now=now)
        except Conflict as exc:
            outcomes.append(BulkRejectOutcome(application_id, "conflict", exc.detail))
            continue
        outcomes.append(BulkRejectOutcome(application_id, "rejected"))
    await uow.commit()
    return outcomes
