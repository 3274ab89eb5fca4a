"""Rejections (one or many), the decision policy and its decisions, the suggestion
library."""

import uuid
from typing import Annotated

from fastapi import Path, Query, Response

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
from talentloop_shared.http import (
    CursorQuery,
    IfMatch,
    LimitQuery,
    Page,
    problem_responses,
    set_etag,
)
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["decisions"])


@router.post(
    "/applications/{application_id}/reject",
    summary="Reject; publishes candidate-rejected with strengths, reasons and suggestions",
    description="The answer's `notice_preview` shows each strength, reason and suggestion "
    "as the candidate will read it, phrased for their locale, and `review` lists what could "
    "not be fitted into the notice safely (quoted remarks, vague reasons, gaps written as "
    "strengths, filler advice), each explained. The rejection is not held for them: "
    "notify-service holds a flagged notice for review before it is sent.",
    response_model=RejectedApplicationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def reject(
    application_id: uuid.UUID,
    uow: UowDep,
    principal: Recruiter,
    body: RejectRequest | None = None,
) -> RejectedApplicationRead:
    rejected = await decisions.reject(
        uow, application_id=application_id, request=body or RejectRequest(), by=principal.sub
    )
    return RejectedApplicationRead.from_rejected(rejected)


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


@router.put(
    "/suggestions/{code}",
    summary="Create or replace a suggestion template in one locale (default 'en')",
    response_model=SuggestionRead,
    responses=problem_responses(401, 403, 422),
)
async def put_suggestion(
    code: Annotated[str, Path(min_length=1, max_length=100)],
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


def _policy(response: Response, view: policy.PolicyView) -> DecisionPolicyRead:
    set_etag(response, view.version)
    return DecisionPolicyRead.from_view(view)


@router.get(
    "/decision-policy",
    summary="The default decision policy (what a complete panel's no-hire leads to)",
    response_model=DecisionPolicyRead,
    responses=problem_responses(401, 403),
)
async def get_decision_policy(
    uow: UowDep, principal: HrAdmin, response: Response
) -> DecisionPolicyRead:
    return _policy(response, await policy.get_policy(uow))


@router.put(
    "/decision-policy",
    summary="Set the default decision policy (mode, threshold, review_minutes)",
    response_model=DecisionPolicyRead,
    responses=problem_responses(401, 403, 412, 422),
)
async def put_decision_policy(
    body: DecisionPolicyUpdate,
    uow: UowDep,
    principal: HrAdmin,
    expected: IfMatch,
    response: Response,
) -> DecisionPolicyRead:
    view = await policy.put_policy(uow, body=body, expected=expected, by=principal.sub)
    return _policy(response, view)


@router.get(
    "/decision-policy/positions/{position_id}",
    summary="The decision policy in force for a position (its override, or the default)",
    response_model=DecisionPolicyRead,
    responses=problem_responses(401, 403, 404),
)
async def get_position_decision_policy(
    position_id: uuid.UUID, uow: UowDep, principal: HrAdmin, response: Response
) -> DecisionPolicyRead:
    return _policy(response, await policy.get_position_policy(uow, position_id=position_id))


@router.put(
    "/decision-policy/positions/{position_id}",
    summary="Override the default decision policy for one position",
    response_model=DecisionPolicyRead,
    responses=problem_responses(401, 403, 404, 412, 422),
)
async def put_position_decision_policy(
    position_id: uuid.UUID,
    body: DecisionPolicyUpdate,
    uow: UowDep,
    principal: HrAdmin,
    expected: IfMatch,
    response: Response,
) -> DecisionPolicyRead:
    view = await policy.put_position_policy(
        uow, position_id=position_id, body=body, expected=expected, by=principal.sub
    )
    return _policy(response, view)


@router.delete(
    "/decision-policy/positions/{position_id}",
    status_code=204,
    summary="Drop a position's override: the default policy applies to it again",
    responses=problem_responses(401, 403, 404),
)
async def delete_position_decision_policy(
    position_id: uuid.UUID, uow: UowDep, principal: HrAdmin
) -> Response:
    await policy.delete_position_policy(uow, position_id=position_id)
    return Response(status_code=204)


# --- the policy's decisions ---------------------------------------------------------------


def _decision(response: Response, record: policy.DecisionRecord) -> DecisionRead:
    set_etag(response, record.decision.version)
    return DecisionRead.from_record(record)


@router.get(
    "/decisions",
    summary="The policy's decisions by deadline (status=pending: HR's review queue)",
    response_model=Page[DecisionRead],
    responses=problem_responses(401, 403, 422),
)
async def list_decisions(
    uow: UowDep,
    principal: Recruiter,
    status: DecisionStatus | None = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[DecisionRead]:
    page = await policy.list_decisions(uow, status=status, limit=limit, cursor=cursor)
    return page.map(DecisionRead.from_record)


@router.get(
    "/applications/{application_id}/decision",
    summary="The policy's latest decision on an application",
    response_model=DecisionRead,
    responses=problem_responses(401, 403, 404),
)
async def get_decision(
    application_id: uuid.UUID, uow: UowDep, principal: Recruiter, response: Response
) -> DecisionRead:
    return _decision(response, await policy.get_decision(uow, application_id=application_id))


@router.patch(
    "/applications/{application_id}/decision",
    summary="Edit a pending decision's strengths, reasons or suggestions",
    response_model=DecisionRead,
    responses=problem_responses(401, 403, 404, 409, 412, 422),
)
async def edit_decision(
    application_id: uuid.UUID,
    body: DecisionEdit,
    uow: UowDep,
    principal: Recruiter,
    expected: IfMatch,
    response: Response,
) -> DecisionRead:
    record = await policy.edit_decision(
        uow, application_id=application_id, change=body, expected=expected, by=principal.sub
    )
    return _decision(response, record)


@router.post(
    "/applications/{application_id}/decision/confirm",
    summary="Confirm a pending decision: the rejection goes out now",
    response_model=DecisionRead,
    responses=problem_responses(401, 403, 404, 409),
)
async def confirm_decision(
    application_id: uuid.UUID, uow: UowDep, principal: Recruiter, response: Response
) -> DecisionRead:
    record = await policy.confirm_decision(uow, application_id=application_id, by=principal.sub)
    return _decision(response, record)


@router.post(
    "/applications/{application_id}/decision/overturn",
    summary="Overturn a pending decision: the candidate stays, nothing is sent",
    response_model=DecisionRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def overturn_decision(
    application_id: uuid.UUID,
    uow: UowDep,
    principal: Recruiter,
    response: Response,
    body: OverturnRequest | None = None,
) -> DecisionRead:
    record = await policy.overturn_decision(
        uow, application_id=application_id, request=body or OverturnRequest(), by=principal.sub
    )
    return _decision(response, record)
