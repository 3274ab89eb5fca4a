"""Rejections (one or many), the decision policy and its decisions, the suggestion
library."""

import uuid
from typing import Annotated

from fastapi import Query
from pydantic import BaseModel

from recruiting_service.api.schemas import (
    BulkRejectResult,
    DecisionPolicyRead,
    DecisionRead,
    DecisionStatus,
    RejectedApplicationRead,
    RejectionDraftRead,
    SuggestionRead,
)
from recruiting_service.service import decisions, policy, suggestions
from recruiting_service.service.inputs import (
    BulkRejectRequest,
    DecisionEdit,
    DecisionPolicyUpdate,
    Locale,
    OverturnRequest,
    RejectRequest,
    SuggestionUpdate,
)
from talentloop_shared.auth.roles import HrAdmin, Recruiter
from talentloop_shared.http import problem_responses
from talentloop_shared.http.codes import code_path
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["decisions"])


rejection = Resource(
    router,
    RejectedApplicationRead.from_rejected,
    writers=Recruiter,
    item="/applications/{application_id}",
)
rejection.action(
    "reject",
    decisions.reject,
    body=RejectRequest | None,
    summary="Reject; publishes candidate-rejected with strengths, reasons and suggestions",
    description="The answer's `notice_preview` shows each strength, reason and suggestion "
    "as the candidate will read it, phrased for their locale, and `review` lists what could "
    "not be fitted into the notice safely (quoted remarks, vague reasons, gaps written as "
    "strengths, filler advice), each explained. The rejection is not held for them: "
    "notify-service holds a flagged notice for review before it is sent.",
    errors=(404, 409),
)


@router.get(
    "/applications/{application_id}/rejection-draft",
    summary="What rejecting now would say: the pending decision's words, or the default draft",
    description="The strengths, reasons and suggestions a rejection without HR's own words "
    "would carry (a pending policy decision's, else drafted from screening and the panel in "
    "the candidate's language), with the stage and the panel's scores. A form starts from "
    "it, HR edits it and sends it back to `reject`; notify's `POST /api/v1/notices/preview` "
    "shows the notice it makes. Nothing changes; 409 when the application cannot be "
    "rejected.",
    response_model=RejectionDraftRead,
    responses=problem_responses(401, 403, 404, 409),
)
async def rejection_draft(
    application_id: uuid.UUID, uow: UowDep, principal: Recruiter
) -> RejectionDraftRead:
    record = await decisions.rejection_draft(uow, application_id=application_id)
    return RejectionDraftRead.from_record(application_id, record)


@router.post(
    "/applications/bulk-reject",
    summary="Reject many applications; one candidate-rejected each",
    response_model=BulkRejectResult,
    responses=problem_responses(401, 403, 422),
)
async def bulk_reject(
    body: BulkRejectRequest, uow: UowDep, principal: Recruiter
) -> BulkRejectResult:
    return BulkRejectResult.of(await decisions.bulk_reject(uow, request=body, by=principal.sub))


LocaleQuery = Annotated[
    Locale | None,
    Query(max_length=35, description="BCP 47 locale of the templates, e.g. 'zh-CN'"),
]


@router.get(
    "/suggestions",
    summary="The suggestion library of rejection notices (all locales, or one)",
    response_model=list[SuggestionRead],
    responses=problem_responses(401, 403, 422),
)
async def list_suggestions(
    uow: UowDep, principal: Recruiter, locale: LocaleQuery = None
) -> list[SuggestionRead]:
    rows = await suggestions.list_suggestions(uow, locale=locale)
    return [SuggestionRead.model_validate(s) for s in rows]


# A suggestion's code is a key like a rejection reason's code: checked as any code in a path.
SuggestionCode = code_path("The code of the unmet requirement it suggests for", max_length=100)


@router.put(
    "/suggestions/{code}",
    summary="Create or replace a suggestion template in one locale (default 'en')",
    response_model=SuggestionRead,
    responses=problem_responses(401, 403, 422),
)
async def put_suggestion(
    code: SuggestionCode,  # type: ignore[valid-type]  # a type built by code_path
    body: SuggestionUpdate,
    uow: UowDep,
    principal: HrAdmin,
    locale: LocaleQuery = None,
) -> SuggestionRead:
    suggestion = await suggestions.put_suggestion(
        uow, code=code, locale=locale or "en", text=body.text, by=principal.sub
    )
    return SuggestionRead.model_validate(suggestion)


# --- the decision policy ------------------------------------------------------------------

default_policy = Resource(
    router, DecisionPolicyRead.from_view, readers=HrAdmin, writers=HrAdmin, item="/decision-policy"
)
position_policy = Resource(
    router,
    DecisionPolicyRead.from_view,
    readers=HrAdmin,
    writers=HrAdmin,
    item="/decision-policy/positions/{position_id}",
)
default_policy.get(
    policy.get_policy,
    name="get_decision_policy",
    summary="The default decision policy (what a complete panel's no-hire leads to)",
    errors=(),
)
default_policy.replace(
    policy.put_policy,
    DecisionPolicyUpdate,
    name="put_decision_policy",
    summary="Set the default decision policy (mode, threshold, review_minutes)",
)
position_policy.get(
    policy.get_position_policy,
    name="get_position_decision_policy",
    summary="The decision policy in force for a position (its override, or the default)",
)
position_policy.replace(
    policy.put_position_policy,
    DecisionPolicyUpdate,
    name="put_position_decision_policy",
    summary="Override the default decision policy for one position",
    errors=(404,),
)
position_policy.delete(
    policy.delete_position_policy,
    name="delete_position_decision_policy",
    summary="Drop a position's override: the default policy applies to it again",
)


# --- the policy's decisions ---------------------------------------------------------------

decision = Resource(
    router,
    DecisionRead.from_record,
    readers=Recruiter,
    writers=Recruiter,
    item="/applications/{application_id}/decision",
    collection="/decisions",
)


class DecisionFilters(BaseModel):
    """Which decisions to list."""

    status: DecisionStatus | None = None
    application_id: uuid.UUID | None = None


decision.page(
    policy.list_decisions,
    DecisionFilters,
    summary="The policy's decisions by deadline (status=pending: HR's review queue)",
)
decision.get(policy.get_decision, summary="The policy's latest decision on an application")
decision.update(
    policy.edit_decision,
    DecisionEdit,
    summary="Edit a pending decision's strengths, reasons or suggestions",
    errors=(404, 409),
)
decision.action(
    "confirm",
    policy.confirm_decision,
    summary="Confirm a pending decision: the rejection goes out now",
    errors=(404, 409),
)
decision.action(
    "overturn",
    policy.overturn_decision,
    body=OverturnRequest | None,
    summary="Overturn a pending decision: the candidate stays, nothing is sent",
    errors=(404, 409),
)
