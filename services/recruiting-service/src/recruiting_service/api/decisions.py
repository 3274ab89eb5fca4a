"""Rejections (one or many) and the suggestion library."""

import uuid

from recruiting_service.api.deps import HrAdmin, Manager
from recruiting_service.api.schemas import (
    ApplicationRead,
    BulkRejectRequest,
    BulkRejectResult,
    RejectRequest,
    SuggestionRead,
    SuggestionUpdate,
)
from recruiting_service.service import decisions, suggestions
from talentloop_shared.http import problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["decisions"])


@router.post(
    "/applications/{application_id}/reject",
    summary="Reject; publishes candidate-rejected with strengths, reasons and suggestions",
    response_model=ApplicationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def reject(
    application_id: uuid.UUID,
    uow: UowDep,
    principal: Manager,
    body: RejectRequest | None = None,
) -> ApplicationRead:
    return await decisions.reject(
        uow, application_id=application_id, request=body or RejectRequest(), actor=principal.sub
    )


@router.post(
    "/applications/bulk-reject",
    summary="Reject many applications; one candidate-rejected each",
    response_model=BulkRejectResult,
    responses=problem_responses(401, 403, 422),
)
async def bulk_reject(body: BulkRejectRequest, uow: UowDep, principal: Manager) -> BulkRejectResult:
    return await decisions.bulk_reject(uow, request=body, actor=principal.sub)


@router.get(
    "/suggestions",
    summary="The suggestion library of rejection notices",
    response_model=list[SuggestionRead],
    responses=problem_responses(401, 403),
)
async def list_suggestions(uow: UowDep, principal: Manager) -> list[SuggestionRead]:
    return await suggestions.list_suggestions(uow)


@router.put(
    "/suggestions/{code}",
    summary="Create or replace a suggestion template",
    response_model=SuggestionRead,
    responses=problem_responses(401, 403, 422),
)
async def put_suggestion(
    code: str, body: SuggestionUpdate, uow: UowDep, principal: HrAdmin
) -> SuggestionRead:
    return await suggestions.put_suggestion(uow, code=code, text=body.text, actor=principal.sub)
