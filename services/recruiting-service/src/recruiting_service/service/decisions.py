"""Decisions on applications: rejections that publish `candidate-rejected` (S3), one at
a time or in bulk, drafted the same way for HR and for the decision policy; and hires
that publish `candidate-hired` (S6)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import select

from recruiting_service.db.models import Application, PolicyDecision
from recruiting_service.db.repositories import (
    AnyApplication,
    AnyCandidate,
    AnyOpening,
    ApplicationRepository,
    CandidateRepository,
    InterviewRepository,
    OpeningRepository,
    PolicyDecisionRepository,
    RejectionContext,
    RejectionRows,
    SuggestionRepository,
    library_of,
)
from recruiting_service.domain.applications import rejection_stage, transition
from recruiting_service.domain.hires import development_gaps
from recruiting_service.domain.notice_preview import phrased_preview
from recruiting_service.domain.rejections import (
    CourseOption,
    SuggestionLibrary,
    default_rejection_content,
)
from recruiting_service.domain.scorecard import (
    SubmittedEvaluation,
    compute_scorecard,
    dimension_means,
)
from recruiting_service.domain.screening import Unmet
from recruiting_service.service.applications import (
    ApplicationRecord,
    application_record,
    resolve,
)
from recruiting_service.service.candidates import refuse_if_erased
from recruiting_service.service.courses import course_options, courses_on_offer
from recruiting_service.service.inputs import BulkRejectRequest, RejectRequest
from recruiting_service.service.notice_previews import RejectedRecord
from recruiting_service.service.people import owners_refreshed
from recruiting_service.service.positions import position_ref, position_ref_with, scheme_dimensions
from recruiting_service.service.schedule import cancel_upcoming
from recruiting_service.service.scorecards import submitted, submitted_values
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Conflict, Invalid
from talentloop_shared.events.payloads import (
    CandidateHired,
    CandidateInfo,
    CandidateRejected,
    NotifyRequest,
    Reason,
    Scorecard,
    Stage,
)
from talentloop_shared.i18n import translated

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


def candidate_info(candidate: AnyCandidate) -> CandidateInfo:
    """The candidate as `candidate-rejected` carries it."""
    values = {name: getattr(candidate, name) for name in _SHARED_CANDIDATE_FIELDS}
    return CandidateInfo(id=str(candidate.id), **values)


@dataclass(frozen=True, slots=True)
class RejectionDraft:
    """What a rejection notice will say, drafted from screening and the panel (or edited)."""

    stage: Stage
    strengths: list[str]
    reasons: list[Reason]
    suggestions: list[str]
    scorecard: Scorecard | None


async def draft_rejection(
    uow: UnitOfWork,
    application: AnyApplication,
    candidate: AnyCandidate,
    *,
    library: SuggestionLibrary | None = None,
    courses: Sequence[CourseOption] | None = None,
    opening: AnyOpening | None = None,
    evaluations: Sequence[SubmittedEvaluation] | None = None,
) -> RejectionDraft:
    """The default content of a rejection of this application (HR's and the policy's):
    strengths, reasons and suggestions from the screening result and the evaluations, in
    the candidate's language, with courses of the catalogue for the gaps they cover.
    What the caller has read already (`opening`, `evaluations`, …) is not read again."""
    session = uow.session
    stage = rejection_stage(application.status)
    if opening is None:
        opening = await OpeningRepository(session).get(application.position_id)
        assert opening is not None  # foreign key
    if evaluations is None:
        evaluations = submitted(
            await InterviewRepository(session).evaluations_of_applications([application.id])
        )
    dimensions = scheme_dimensions(opening)
    content = default_rejection_content(
        stage=stage,
        locale=candidate.locale,
        unmet=[Unmet.from_dict(u) for u in application.screening["unmet"]],
        dimension_means=dimension_means(evaluations),
        dimension_names={d.key: translated(d.name, d.names, candidate.locale) for d in dimensions},
        evaluations_strengths=[s for e in evaluations for s in e.strengths],
        evaluations_concerns=[c for e in evaluations for c in e.concerns],
        suggestion_library=(
            library if library is not None else await SuggestionRepository(session).library()
        ),
        matched_skills=application.screening.get("matched_skills", []),
        courses=courses if courses is not None else await courses_on_offer(uow),
    )
    scorecard = (
        compute_scorecard(dimensions, evaluations).as_event_scorecard() if evaluations else None
    )
    return RejectionDraft(
        stage=stage,
        strengths=list(content.strengths),
        reasons=list(content.reasons),
        suggestions=list(content.suggestions),
        scorecard=scorecard,
    )


@dataclass(frozen=True, slots=True)
class Rejection:
    """What one rejection will write: to whom, saying what, when; and what was read for it
    (`RejectionRows.context`), if anything."""

    candidate: AnyCandidate
    draft: RejectionDraft
    notify: NotifyRequest
    now: datetime
    context: RejectionContext | None = None


async def record_rejection(
    uow: UnitOfWork, application: Application, it: Rejection, *, by: str
) -> None:
    """Reject a locked application with this content (no commit): status, history, the
    stored notice, `candidate-rejected`; upcoming interviews are cancelled. With the
    context read for it, the opening, its owners and whether any interview exists are
    not read again."""
    new_status = await _publish_rejection(uow, application, it, by=by)
    before = application.status
    application.status = new_status
    application.updated_at = it.now
    application.rejection = rejection_content(it, by=by)
    ApplicationRepository(uow.session).record_change(
        application, from_status=before, by=by, at=it.now, reason=_history_reason(it.draft)
    )
    await _cancel_interviews(uow, application, by=by, context=it.context)


async def _publish_rejection(
    uow: UnitOfWork, application: AnyApplication, it: Rejection, *, by: str
) -> str:
    """Check that the application can be rejected, publish `candidate-rejected`; the
    status it moves to."""
    new_status = transition(application.status, "reject")
    # Unreachable through the status machine (erasure closes every application), but a
    # notice must never be written about, or sent to, an erased person.
    refuse_if_erased(it.candidate)
    context, draft = it.context, it.draft
    if context is not None:
        position = position_ref_with(
            context.opening, owners_refreshed(context.opening.owners, context.owners)
        )
    else:
        opening = await OpeningRepository(uow.session).get(application.position_id)
        assert opening is not None  # foreign key
        position = await position_ref(uow, opening)
    uow.publish(
        CandidateRejected(
            application_id=str(application.id),
            rejected_at=it.now,
            stage=draft.stage,
            decided_by=by,
            candidate=candidate_info(it.candidate),
            position=position,
            strengths=list(draft.strengths),
            reasons=list(draft.reasons),
            suggestions=list(draft.suggestions),
            scorecard=draft.scorecard,
            notify=it.notify,
        ),
        subject=f"applications/{application.id}",
    )
    return new_status


def rejection_content(it: Rejection, *, by: str) -> dict[str, Any]:
    """What a rejected application stores of its notice (`rejection`)."""
    draft, notify, now = it.draft, it.notify, it.now
    return {
        "stage": draft.stage,
        "decided_by": by,
        "rejected_at": now.isoformat(),
        "strengths": list(draft.strengths),
        "reasons": [r.model_dump() for r in draft.reasons],
        "suggestions": list(draft.suggestions),
        "scorecard": draft.scorecard.model_dump() if draft.scorecard else None,
        "notify": notify.model_dump(),
    }


def _history_reason(draft: RejectionDraft) -> str:
    return f"rejected at {draft.stage} stage: " + (
        "; ".join(r.text for r in draft.reasons) or "no reason given"
    )


async def _cancel_interviews(
    uow: UnitOfWork, application: AnyApplication, *, by: str, context: RejectionContext | None
) -> None:
    # An application without any interview has none to cancel, and none can be planned
    # while it is locked (planning locks it too).
    if context is None or context.has_interviews:
        await cancel_upcoming(uow, application, reason="the application was closed", by=by)


def pending_content(decision: PolicyDecision, draft: RejectionDraft) -> RejectionDraft:
    """The draft with a pending policy decision's (possibly HR-edited) content."""
    return RejectionDraft(
        stage=draft.stage,
        strengths=list(decision.strengths),
        reasons=[Reason.model_validate(r) for r in decision.reasons],
        suggestions=list(decision.suggestions),
        scorecard=draft.scorecard,
    )


@dataclass(frozen=True, slots=True)
class DraftRecord:
    """What rejecting an application now would say, and where the words come from."""

    draft: RejectionDraft
    source: Literal["pending_decision", "drafted"]


async def rejection_draft(uow: UnitOfWork, *, application_id: uuid.UUID) -> DraftRecord:
    """The content a rejection of this application would carry if HR gave no words of
    their own: a pending policy decision's (as HR may have edited it), else the default
    drafted from screening and the panel in the candidate's language. Nothing changes;
    409 when the application cannot be rejected."""
    application = await ApplicationRepository(uow.session).get_or_raise(application_id)
    rejection_stage(application.status)
    candidate = await CandidateRepository(uow.session).get(application.candidate_id)
    assert candidate is not None  # foreign key
    refuse_if_erased(candidate)
    draft = await draft_rejection(uow, application, candidate)
    pending = await PolicyDecisionRepository(uow.session).pending(application.id)
    if pending is not None:
        return DraftRecord(pending_content(pending, draft), "pending_decision")
    return DraftRecord(draft, "drafted")


@dataclass(frozen=True, slots=True)
class _Rejecting:
    """What every rejection of one request draws on: the suggestion library, the courses on
    offer and the time."""

    library: SuggestionLibrary
    courses: Sequence[CourseOption]
    now: datetime

    @classmethod
    async def load(cls, uow: UnitOfWork) -> _Rejecting:
        library = await SuggestionRepository(uow.session).library()
        return cls(library, await courses_on_offer(uow), uow.clock.now())

    @classmethod
    def of(cls, uow: UnitOfWork, context: RejectionContext) -> _Rejecting:
        """The library and the courses as `RejectionRows.lock_with_context` read them."""
        assert context.suggestions is not None and context.courses is not None
        return cls(
            library_of(context.suggestions),
            course_options(context.courses),
            uow.clock.now(),
        )


async def _rejection_of(
    uow: UnitOfWork,
    application: AnyApplication,
    *,
    rows: RejectionRows,
    request: RejectRequest,
    by: str,
    batch: _Rejecting | None,
    context: RejectionContext | None = None,
) -> Rejection:
    """What rejecting one locked application says (no write to it yet).

    Every check happens before the first write, so a refused rejection leaves nothing
    behind in the bulk transaction. A pending policy decision is superseded by HR's, and
    its content (as HR may have edited it) is where HR's defaults start. What the
    rejection reads is `context` (read with the lock, and with the suggestion library and
    the courses, by a single rejection), or is read in one statement
    (`RejectionRows.context`) beside the `batch`'s catalogue.
    """
    rejection_stage(application.status)
    transition(application.status, "reject")
    if context is None:
        context = await rows.context(application)
    if batch is None:
        batch = _Rejecting.of(uow, context)
    candidate = context.candidate
    refuse_if_erased(candidate)
    draft = await draft_rejection(
        uow,
        application,
        candidate,
        library=batch.library,
        courses=batch.courses,
        opening=context.opening,
        evaluations=submitted_values(context.evaluations),
    )
    pending = (
        await PolicyDecisionRepository(uow.session).pending(application.id)
        if context.has_pending_decision
        else None  # none can appear: the policy decides under the application's lock too
    )
    if pending is not None:
        draft = pending_content(pending, draft)
        resolve(pending, "superseded", by=by, at=batch.now, note="HR rejected the application")
    # HR's own words win, part by part and verbatim; what HR leaves out comes from the
    # defaults, written in the candidate's language.
    draft = RejectionDraft(
        stage=draft.stage,
        strengths=request.strengths if request.strengths is not None else draft.strengths,
        reasons=(
            [Reason(code=r.code, text=r.text) for r in request.reasons]
            if request.reasons is not None
            else draft.reasons
        ),
        suggestions=(request.suggestions if request.suggestions is not None else draft.suggestions),
        scorecard=draft.scorecard,
    )
    notify = NotifyRequest.model_validate(request.notify.model_dump() if request.notify else {})
    return Rejection(candidate, draft, notify, batch.now, context)


async def reject(
    uow: UnitOfWork, *, application_id: uuid.UUID, request: RejectRequest, by: str
) -> RejectedRecord:
    """Reject an application; publishes exactly one `candidate-rejected`. The answer
    carries the notice's phrases as the candidate will read them, for HR to review.

    The application is read and written as a row, in SQL on the unit of work's driver
    connection (`RejectionRows`: no session object to track and flush, no statement to
    compile): locked and its context read in one statement, then its new state and
    history line written in one statement that answers with the history and decision as
    they will be committed (read in the same transaction, while the application stays
    locked)."""
    rows = RejectionRows(uow)
    application, context = await rows.lock_with_context(application_id)
    it = await _rejection_of(
        uow, application, rows=rows, request=request, by=by, batch=None, context=context
    )
    status = await _publish_rejection(uow, application, it, by=by)
    rejected, history, decision = await rows.reject(
        application,
        status=status,
        rejection=rejection_content(it, by=by),
        at=it.now,
        by=by,
        reason=_history_reason(it.draft),
    )
    await _cancel_interviews(uow, rejected, by=by, context=it.context)
    await uow.commit()
    # The notice's phrases, from the draft the rejection stored (not read back from it).
    draft = it.draft
    preview = phrased_preview(
        it.candidate.locale,
        strengths=draft.strengths,
        reasons=draft.reasons,
        suggestions=draft.suggestions,
    )
    return RejectedRecord(ApplicationRecord(rejected, history, decision), preview)


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
    batch = await _Rejecting.load(uow)
    rows = RejectionRows(uow)
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
            it = await _rejection_of(
                uow, application, rows=rows, request=request, by=by, batch=batch
            )
            await record_rejection(uow, application, it, by=by)
        except Conflict as exc:
            outcomes.append(BulkRejectOutcome(application_id, "conflict", exc.detail))
            continue
        outcomes.append(BulkRejectOutcome(application_id, "rejected"))
    await uow.commit()
    return outcomes


async def hire(
    uow: UnitOfWork, *, application_id: uuid.UUID, by: str, reason: str | None
) -> ApplicationRecord:
    """Hire: the application closes and `candidate-hired` carries the scorecard's
    dimension means and the gaps a development plan starts from (S6)."""
    repo = ApplicationRepository(uow.session)
    found = await repo.get_or_raise(application_id)
    candidate = await CandidateRepository(uow.session).get_for_update(found.candidate_id)
    assert candidate is not None  # foreign key
    application = await repo.get_or_raise(application_id, for_update=True)
    before = application.status
    application.status = transition(before, "hire")
    refuse_if_erased(candidate)
    now = uow.clock.now()
    application.updated_at = now
    repo.record_change(application, from_status=before, by=by, at=now, reason=reason or "hire")
    pending = await PolicyDecisionRepository(uow.session).pending(application.id)
    if pending is not None:
        resolve(pending, "superseded", by=by, at=now, note="the candidate was hired")
    opening = await OpeningRepository(uow.session).get(application.position_id)
    assert opening is not None  # foreign key
    dimensions = scheme_dimensions(opening)
    evaluations = submitted(
        await InterviewRepository(uow.session).evaluations_of_applications([application.id])
    )
    uow.publish(
        CandidateHired(
            application_id=str(application.id),
            hired_at=now,
            decided_by=by,
            candidate=candidate_info(candidate),
            position=await position_ref(uow, opening),
            scorecard=(
                compute_scorecard(dimensions, evaluations).as_event_scorecard()
                if evaluations
                else None
            ),
            gaps=development_gaps(dimensions, {d.key: d.name for d in dimensions}, evaluations),
        ),
        subject=f"applications/{application.id}",
    )
    await cancel_upcoming(uow, application, reason="the application was closed", by=by)
    await uow.commit()
    return await application_record(uow, application)
