"""The decision policy and the decisions it makes (issue 14 item 1).

When an application's panel is complete (every planned interview's panel has scored),
`apply_policy` runs in the same transaction as the scorecard that completed it: the
policy in force (the position's override, else the default) may decide a rejection. With
`review_minutes` 0 the rejection goes out at once; otherwise it is a pending decision,
`decision-pending` alerts the owners, and HR can confirm, edit or overturn it until
`decides_at`. Then the decision loop (or any read or action on the decision) makes it a
rejection like HR's, `decided_by: "policy"`, with notify delay 0: the candidate hears
within the article's two hours.

Exactly once: the application row is locked by every writer, each complete set of
scorecards is judged once (`basis`), at most one decision per application is pending (a
unique index), and the loop takes due decisions with SKIP LOCKED and re-reads their
status under the lock, so two replicas never publish the same rejection.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal, cast

from prometheus_client import Counter
from pydantic import ValidationError
from sqlalchemy import select

from recruiting_service.db.models import (
    Application,
    Candidate,
    DecisionPolicyRow,
    PolicyDecision,
)
from recruiting_service.db.reads import application_with_history
from recruiting_service.db.repositories import (
    ApplicationRepository,
    CandidateRepository,
    DecisionPolicyRepository,
    InterviewRepository,
    OpeningRepository,
    PolicyDecisionRepository,
)
from recruiting_service.domain.policy import DecisionPolicy, PolicyMode, rejects
from recruiting_service.domain.scorecard import compute_scorecard
from recruiting_service.service.applications import (
    ApplicationRecord,
    application_record,
    read_values,
    record_values,
    resolve,
)
from recruiting_service.service.candidates import refuse_if_erased
from recruiting_service.service.decisions import (
    Rejection,
    RejectionDraft,
    draft_rejection,
    record_rejection,
)
from recruiting_service.service.inputs import DecisionEdit, DecisionPolicyUpdate, OverturnRequest
from recruiting_service.service.positions import position_ref, scheme_dimensions
from recruiting_service.service.scorecards import panel_progress, submitted
from talentloop_shared.db import KeysetOrder, UnitOfWork, where_given
from talentloop_shared.errors import Conflict, ExpectedVersion, found
from talentloop_shared.events.payloads import (
    DecisionPending,
    NotifyRequest,
    Reason,
    Scorecard,
    Stage,
)
from talentloop_shared.logging import describe_error, get_logger
from talentloop_shared.pagination import Page
from talentloop_shared.service import Runtime

log = get_logger(__name__)

DEFAULT_SCOPE = "default"
POLICY_ACTOR = "policy"
# The candidate hears within the article's two hours: the review window was the delay.
AT_ONCE = NotifyRequest(send=True, channels=["email"], delay_minutes=0)
DUE_BATCH = 50
POLICY_DECISIONS_HELD = Counter(
    "talentloop_policy_decisions_held_total",
    "Times a due policy decision's rejection could not be published (it stays pending for "
    "HR; tried again by the loop hourly, and whenever HR reads it)",
)
# Pending decisions are listed by deadline: (decides_at, id).
DECISIONS = KeysetOrder(PolicyDecision.decides_at, PolicyDecision.id)


@dataclass(frozen=True, slots=True)
class PolicyView:
    """A decision policy as stored (or the built-in default), and where it applies."""

    scope: Literal["default", "position"]
    position_id: uuid.UUID | None
    policy: DecisionPolicy
    version: int
    updated_by: str | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """A policy decision and the application it is about."""

    decision: PolicyDecision
    application: Application


def _view(row: DecisionPolicyRow | None, position_id: uuid.UUID | None = None) -> PolicyView:
    if row is None:
        return PolicyView("default", None, DecisionPolicy(), 0, None, None)
    policy = DecisionPolicy(cast(PolicyMode, row.mode), row.threshold, row.review_minutes)
    scope: Literal["default", "position"] = "default" if row.scope == DEFAULT_SCOPE else "position"
    return PolicyView(
        scope,
        position_id if scope == "position" else None,
        policy,
        row.version,
        row.updated_by,
        row.updated_at,
    )


async def effective_policy(uow: UnitOfWork, position_id: uuid.UUID) -> PolicyView:
    """The policy in force for a position: its override, else the default."""
    repo = DecisionPolicyRepository(uow.session)
    override = await repo.get(str(position_id))
    if override is not None:
        return _view(override, position_id)
    return _view(await repo.get(DEFAULT_SCOPE))


async def get_policy(uow: UnitOfWork) -> PolicyView:
    """The default decision policy (`unanimous_no_hire`, 120 minutes, until HR sets one)."""
    return _view(await DecisionPolicyRepository(uow.session).get(DEFAULT_SCOPE))


async def _put(
    uow: UnitOfWork,
    scope: str,
    body: DecisionPolicyUpdate,
    *,
    expected: ExpectedVersion,
    by: str,
) -> DecisionPolicyRow:
    policy = DecisionPolicy(body.mode, body.threshold, body.review_minutes)  # 422 if unworkable
    repo = DecisionPolicyRepository(uow.session)
    row = await repo.get_for_update(scope)
    now = uow.clock.now()
    if row is None:
        expected.check(0, what=f"decision policy {scope}")
        row = repo.add(
            DecisionPolicyRow(
                scope=scope,
                mode=policy.mode,
                threshold=policy.threshold,
                review_minutes=policy.review_minutes,
                version=1,
                updated_by=by,
                updated_at=now,
            )
        )
    else:
        expected.check(row.version, what=f"decision policy {scope}")
        row.mode = policy.mode
        row.threshold = policy.threshold
        row.review_minutes = policy.review_minutes
        row.version += 1
        row.updated_by = by
        row.updated_at = now
    await uow.commit()
    return row


async def put_policy(
    uow: UnitOfWork, *, body: DecisionPolicyUpdate, expected: ExpectedVersion, by: str
) -> PolicyView:
    """Set the default decision policy (decisions already pending keep their deadline)."""
    return _view(await _put(uow, DEFAULT_SCOPE, body, expected=expected, by=by))


async def get_position_policy(uow: UnitOfWork, *, position_id: uuid.UUID) -> PolicyView:
    """The policy in force for a position (its override, or the default)."""
    await OpeningRepository(uow.session).get_or_raise(position_id)
    return await effective_policy(uow, position_id)


async def put_position_policy(
    uow: UnitOfWork,
    *,
    position_id: uuid.UUID,
    body: DecisionPolicyUpdate,
    expected: ExpectedVersion,
    by: str,
) -> PolicyView:
    """Override the default policy for one position."""
    await OpeningRepository(uow.session).get_or_raise(position_id)
    return _view(await _put(uow, str(position_id), body, expected=expected, by=by), position_id)


async def delete_position_policy(uow: UnitOfWork, *, position_id: uuid.UUID) -> None:
    """Drop a position's override: the default applies to it again."""
    row = found(
        await DecisionPolicyRepository(uow.session).get_for_update(str(position_id)),
        "decision policy override of position",
        position_id,
    )
    await uow.session.delete(row)
    await uow.commit()


async def apply_policy(
    uow: UnitOfWork, application: Application, candidate: Candidate
) -> PolicyDecision | None:
    """Judge a complete panel's scorecards once (no commit; the caller holds the candidate
    and the application locked). Returns the decision made, if the policy rejected."""
    if application.status != "interviewing" or candidate.erased_at is not None:
        return None
    progress = await panel_progress(uow, application.id)
    if not progress.complete:
        return None
    rows = await InterviewRepository(uow.session).evaluations_of_applications([application.id])
    basis = sorted(str(e.id) for e in rows)
    decisions = PolicyDecisionRepository(uow.session)
    if await decisions.judged(application.id, basis):
        return None  # this very panel was judged already
    now = uow.clock.now()
    stale = await decisions.pending(application.id)
    if stale is not None:
        # Another round completed the panel anew: the new verdict replaces the old one.
        resolve(stale, "superseded", by=POLICY_ACTOR, at=now, note="the panel changed")
        await uow.session.flush()
    view = await effective_policy(uow, application.position_id)
    policy = view.policy
    opening = await OpeningRepository(uow.session).get(application.position_id)
    assert opening is not None  # foreign key
    evaluations = submitted(rows)
    card = compute_scorecard(scheme_dimensions(opening), evaluations)
    if not rejects(policy, evaluations, card.composite):
        return None
    draft = await draft_rejection(uow, application, candidate)
    decision = PolicyDecision(
        id=uuid.uuid4(),
        application_id=application.id,
        status="pending",
        mode=policy.mode,
        threshold=policy.threshold,
        review_minutes=policy.review_minutes,
        basis=basis,
        stage=draft.stage,
        strengths=list(draft.strengths),
        reasons=[r.model_dump() for r in draft.reasons],
        suggestions=list(draft.suggestions),
        scorecard=draft.scorecard.model_dump() if draft.scorecard else None,
        created_at=now,
        decides_at=now + timedelta(minutes=policy.review_minutes),
        version=1,
    )
    uow.session.add(decision)
    await uow.session.flush()
    log.info(
        "policy.decided",
        application_id=str(application.id),
        mode=policy.mode,
        review_minutes=policy.review_minutes,
    )
    if policy.review_minutes == 0:
        await _reject(uow, decision, application, candidate, status="decided", by=POLICY_ACTOR)
        return decision
    uow.publish(
        DecisionPending(
            application_id=str(application.id),
            decides_at=decision.decides_at,
            mode=cast(
                Literal["unanimous_no_hire", "majority_no_hire", "composite_below"], policy.mode
            ),
            candidate_id=str(candidate.id),
            candidate_name=candidate.name,
            position=await position_ref(uow, opening),
            strengths=list(draft.strengths),
            reasons=list(draft.reasons),
            suggestions=list(draft.suggestions),
            scorecard=draft.scorecard,
        ),
        subject=f"applications/{application.id}",
    )
    return decision


async def _reject(
    uow: UnitOfWork,
    decision: PolicyDecision,
    application: Application,
    candidate: Candidate,
    *,
    status: Literal["decided", "confirmed"],
    by: str,
) -> None:
    """Publish the decision's rejection (no commit; application and decision locked)."""
    now = uow.clock.now()
    final = RejectionDraft(
        stage=cast(Stage, decision.stage),
        strengths=list(decision.strengths),
        reasons=[Reason.model_validate(r) for r in decision.reasons],
        suggestions=list(decision.suggestions),
        scorecard=Scorecard.model_validate(decision.scorecard) if decision.scorecard else None,
    )
    await record_rejection(uow, application, Rejection(candidate, final, AT_ONCE, now), by=by)
    note = "the review window passed" if status == "decided" else "HR confirmed the decision"
    resolve(decision, status, by=by, at=now, note=note)


async def settle_due(
    uow: UnitOfWork, *, limit: int = DUE_BATCH, held: set[uuid.UUID] | None = None
) -> int:
    """Turn pending decisions whose window has passed into rejections; commits; how many.

    Rows another transaction holds (a replica's loop, HR confirming) are skipped, and
    each taken decision's status is re-read under its lock. Each decision is published in
    a savepoint of its own: one that cannot be (content stored before a rule it breaks,
    a bug) stays pending for HR, who can edit, confirm or overturn it, and is logged; the
    rest of the batch goes out. Its id is added to `held` (when given), and decisions in
    `held` are not taken again: the loop does not retry it every round ahead of the rest.
    """
    now = uow.clock.now()
    query = (
        select(Application, PolicyDecision)
        .join(PolicyDecision, PolicyDecision.application_id == Application.id)
        .where(PolicyDecision.status == "pending", PolicyDecision.decides_at <= now)
    )
    if held:
        query = query.where(PolicyDecision.id.not_in(held))
    rows = (
        await uow.session.execute(
            query.order_by(PolicyDecision.decides_at, PolicyDecision.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
            .execution_options(populate_existing=True)
        )
    ).all()
    settled = 0
    for application, decision in rows:
        if decision.status != "pending" or application.status != "interviewing":
            continue
        candidate = await CandidateRepository(uow.session).get(application.candidate_id)
        assert candidate is not None  # foreign key
        if candidate.erased_at is not None:
            resolve(decision, "superseded", by=POLICY_ACTOR, at=now, note="candidate erased")
            continue
        if not await _decide(uow, decision, application, candidate):
            if held is not None:
                held.add(decision.id)
            continue
        settled += 1
    await uow.commit()
    if settled:
        log.info("policy.settled", rejections=settled)
    return settled


async def _decide(
    uow: UnitOfWork, decision: PolicyDecision, application: Application, candidate: Candidate
) -> bool:
    """Publish a due decision's rejection, in a savepoint: if it cannot be (content stored
    before a rule it breaks, a bug), nothing of it is kept, the decision stays pending for
    HR, and it is logged and counted (an alert tells ops). Whether it was published."""
    ids = {"decision_id": str(decision.id), "application_id": str(application.id)}
    try:
        async with uow.savepoint():
            await _reject(uow, decision, application, candidate, status="decided", by=POLICY_ACTOR)
    except Exception as e:
        POLICY_DECISIONS_HELD.inc()
        log.error("policy.decision_held", **ids, error=describe_error(e, 300))
        # The savepoint's rollback expired what it had changed: read it back as it stands
        # (the rows stay locked: their locks were taken before the savepoint).
        for row in (decision, application, candidate):
            await uow.session.refresh(row)
        return False
    return True


# How long the loop leaves a decision it could not publish before it tries again (HR may
# have edited it meanwhile; an edit or confirmation by HR does not wait for this).
HOLD_SECONDS = 3600.0


async def decision_loop(rt: Runtime) -> None:
    """Publish the policy's rejections whose review window has passed, in every replica
    (SKIP LOCKED shares the work); the interval is `decision_poll_seconds`."""
    interval = float(getattr(rt.settings, "decision_poll_seconds", 5.0))
    held: set[uuid.UUID] = set()
    loop = asyncio.get_running_loop()
    forgotten = loop.time()
    while True:
        if loop.time() - forgotten > HOLD_SECONDS:
            held.clear()
            forgotten = loop.time()
        try:
            while True:
                async with rt.uow_factory() as uow:
                    if await settle_due(uow, held=held) < DUE_BATCH:
                        break
        except Exception as e:  # the database may be away; the next round will do
            log.warning("policy.settle_failed", error=describe_error(e, 300))
        await asyncio.sleep(interval)


async def _locked(uow: UnitOfWork, application_id: uuid.UUID) -> tuple[Candidate, Application]:
    """Lock the candidate, then the application (every writer's order)."""
    repo = ApplicationRepository(uow.session)
    found = await repo.get_or_raise(application_id)
    candidate = await CandidateRepository(uow.session).get_for_update(found.candidate_id)
    assert candidate is not None  # foreign key
    return candidate, await repo.get_or_raise(application_id, for_update=True)


async def _current(
    uow: UnitOfWork, application_id: uuid.UUID
) -> tuple[Candidate, Application, PolicyDecision]:
    """The application's latest decision, locked, after deciding it if its window has
    passed (the loop may not have come round yet)."""
    candidate, application = await _locked(uow, application_id)
    decision = found(
        await PolicyDecisionRepository(uow.session).latest(application_id, for_update=True),
        "policy decision of application",
        application_id,
    )
    if (
        decision.status == "pending"
        and decision.decides_at <= uow.clock.now()
        and application.status == "interviewing"
        and candidate.erased_at is None
    ):
        await _decide(uow, decision, application, candidate)
    return candidate, application, decision


def _refuse_unless_pending(decision: PolicyDecision) -> None:
    if decision.status != "pending":
        by = decision.resolved_by or "someone"
        at = decision.resolved_at.isoformat() if decision.resolved_at else "earlier"
        raise Conflict(
            f"the policy decision is no longer pending: {decision.status} by {by} at {at}",
            type_="decision-closed",
            status=decision.status,
        )


async def get_decision(uow: UnitOfWork, *, application_id: uuid.UUID) -> DecisionRecord:
    """An application's latest policy decision (decided first, if its window passed)."""
    _, application, decision = await _current(uow, application_id)
    await uow.commit()
    return DecisionRecord(decision, application)


async def confirm_decision(
    uow: UnitOfWork, *, application_id: uuid.UUID, by: str
) -> DecisionRecord:
    """HR confirms a pending decision: the rejection goes out now (notify delay 0)."""
    candidate, application, decision = await _current(uow, application_id)
    _refuse_unless_pending(decision)
    refuse_if_erased(candidate)
    try:
        await _reject(uow, decision, application, candidate, status="confirmed", by=by)
    except ValidationError as e:
        raise Conflict(
            "this decision's rejection cannot be published as it is stored "
            f"({describe_error(e, 200)}): overturn it, then reject the application by hand",
            type_="decision-unpublishable",
        ) from e
    await uow.commit()
    return DecisionRecord(decision, application)


async def overturn_decision(
    uow: UnitOfWork, *, application_id: uuid.UUID, request: OverturnRequest, by: str
) -> DecisionRecord:
    """HR keeps the candidate: the decision is dropped and nothing is published."""
    _, application, decision = await _current(uow, application_id)
    _refuse_unless_pending(decision)
    resolve(decision, "overturned", by=by, at=uow.clock.now(), note=request.reason or "overturned")
    await uow.commit()
    return DecisionRecord(decision, application)


async def edit_decision(
    uow: UnitOfWork,
    *,
    application_id: uuid.UUID,
    change: DecisionEdit,
    expected: ExpectedVersion,
    by: str,
) -> DecisionRecord:
    """HR rewrites a pending decision's strengths, reasons or suggestions (verbatim)."""
    candidate, application, decision = await _current(uow, application_id)
    _refuse_unless_pending(decision)
    refuse_if_erased(candidate)
    expected.check(decision.version, what=f"the policy decision of application {application_id}")
    if change.strengths is not None:
        decision.strengths = list(change.strengths)
    if change.reasons is not None:
        decision.reasons = [Reason(code=r.code, text=r.text).model_dump() for r in change.reasons]
    if change.suggestions is not None:
        decision.suggestions = list(change.suggestions)
    decision.edited_by = by
    decision.edited_at = uow.clock.now()
    decision.version += 1
    await uow.commit()
    return DecisionRecord(decision, application)


async def list_decisions(
    uow: UnitOfWork,
    *,
    status: str | None,
    application_id: uuid.UUID | None = None,
    limit: int,
    cursor: str | None,
) -> Page[DecisionRecord]:
    """Policy decisions by deadline (HR's queue: `status=pending`; an alert's link names
    one application)."""
    stmt = where_given(select(PolicyDecision), status=status, application_id=application_id)
    page = await DECISIONS.page(uow.session, stmt, cursor=cursor, limit=limit)
    applications = await ApplicationRepository(uow.session).by_ids(
        {d.application_id for d in page.items}
    )
    return page.map(lambda d: DecisionRecord(d, applications[d.application_id]))


async def get_application(rt: Runtime, *, application_id: uuid.UUID) -> dict[str, Any]:
    """An application with its history and decision, as the API shows it; 404 when missing.

    One statement on `Reads` (no unit of work). Only when its pending policy decision's
    window has passed (the loop may not have come round yet) does the read become a
    change: `read_application` decides it in a unit of work first.
    """
    row = found(
        await application_with_history(rt.reads, application_id), "application", application_id
    )
    if row["decision_status"] == "pending" and row["decision_decides_at"] <= rt.clock.now():
        async with rt.uow_factory() as uow:
            record = await read_application(uow, application_id=application_id)
            return record_values(record)
    return read_values(row)


async def read_application(uow: UnitOfWork, *, application_id: uuid.UUID) -> ApplicationRecord:
    """An application, its pending policy decision decided first if its window passed."""
    # The decision first: an application read after it is at least as new (a replica may
    # decide it in between, and then the application already says so).
    pending = await PolicyDecisionRepository(uow.session).latest(application_id)
    application = await ApplicationRepository(uow.session).get_or_raise(application_id)
    if (
        pending is not None
        and pending.status == "pending"
        and pending.decides_at <= uow.clock.now()
    ):
        _, application, _ = await _current(uow, application_id)
        await uow.commit()
    return await application_record(uow, application)
