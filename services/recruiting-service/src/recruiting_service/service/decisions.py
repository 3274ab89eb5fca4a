"""Rejections that publish `candidate-rejected` (S3), one at a time or in bulk."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from recruiting_service.api.schemas import (
    ApplicationRead,
    BulkRejectOutcome,
    BulkRejectRequest,
    BulkRejectResult,
    RejectRequest,
)
from recruiting_service.db.models import Application
from recruiting_service.db.repositories import (
    ApplicationRepository,
    CandidateRepository,
    InterviewRepository,
    OpeningRepository,
    SuggestionRepository,
)
from recruiting_service.domain.decisions import (
    IllegalTransition,
    SuggestionLibrary,
    default_rejection_content,
    rejection_stage,
    transition,
)
from recruiting_service.domain.scorecard import compute_scorecard, dimension_means
from recruiting_service.service.common import (
    candidate_info,
    domain_problem,
    erased_problem,
    position_ref,
    read_of,
    unmet_of,
)
from recruiting_service.service.interviews import scheme_dimensions, submitted
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import CandidateRejected, NotifyRequest, Reason
from talentloop_shared.http.problems import ProblemError, not_found

MAX_BULK = 500


async def _reject_one(
    uow: UnitOfWork,
    application: Application,
    *,
    request: RejectRequest,
    actor: str,
    library: SuggestionLibrary,
) -> None:
    """Reject one locked application and record its event (no commit).

    Every check happens before the first write, so a refused rejection leaves nothing
    behind in the bulk transaction.
    """
    try:
        stage = rejection_stage(application.status)
        new_status = transition(application.status, "reject")
    except IllegalTransition as exc:
        raise domain_problem(exc) from None
    session = uow.session
    candidate = await CandidateRepository(session).get(application.candidate_id)
    opening = await OpeningRepository(session).get(application.position_id)
    assert candidate is not None and opening is not None  # foreign keys
    if (erased := erased_problem(candidate)) is not None:
        # Unreachable through the status machine (erasure closes every application), but a
        # notice must never be written about, or sent to, an erased person.
        raise erased
    evaluations = submitted(
        await InterviewRepository(session).evaluations_of_applications([application.id])
    )
    dimensions = scheme_dimensions(opening)
    content = default_rejection_content(
        stage=stage,
        locale=candidate.locale,
        unmet=unmet_of(application.screening),
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
    now = datetime.now(UTC)
    uow.publish(
        CandidateRejected(
            application_id=str(application.id),
            rejected_at=now,
            stage=stage,
            decided_by=actor,
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
        "decided_by": actor,
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
        actor=actor,
        reason=f"rejected at {stage} stage: "
        + ("; ".join(r.text for r in reasons) or "no reason given"),
    )


async def reject(
    uow: UnitOfWork, *, application_id: uuid.UUID, request: RejectRequest, actor: str
) -> ApplicationRead:
    """Reject an application; publishes exactly one `candidate-rejected`."""
    repo = ApplicationRepository(uow.session)
    application = await repo.get_for_update(application_id)
    if application is None:
        raise not_found("application", application_id)
    library = await SuggestionRepository(uow.session).library()
    await _reject_one(uow, application, request=request, actor=actor, library=library)
    await uow.commit()
    return read_of(application, list(await repo.history(application_id)))


async def bulk_reject(
    uow: UnitOfWork, *, request: BulkRejectRequest, actor: str
) -> BulkRejectResult:
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
            raise ProblemError(
                422,
                "Unprocessable Content",
                f"more than {MAX_BULK} applications match; reject them in smaller batches "
                "(by application_ids)",
                type_="validation",
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
    items: list[BulkRejectOutcome] = []
    for application_id in ids:
        application = locked.get(application_id)
        if application is None:
            items.append(
                BulkRejectOutcome(
                    application_id=application_id,
                    outcome="not_found",
                    detail=f"application {application_id} does not exist",
                )
            )
            continue
        try:
            await _reject_one(uow, application, request=request, actor=actor, library=library)
        except ProblemError as exc:
            items.append(
                BulkRejectOutcome(
                    application_id=application_id, outcome="conflict", detail=exc.detail
                )
            )
            continue
        items.append(BulkRejectOutcome(application_id=application_id, outcome="rejected"))
    await uow.commit()
    rejected = sum(1 for i in items if i.outcome == "rejected")
    return BulkRejectResult(rejected=rejected, failed=len(items) - rejected, items=items)
