"""Applications and their moves through the status machine."""

import uuid

from fastapi import Response

from recruiting_service.api.deps import Manager, Reader
from recruiting_service.api.schemas import (
    ApplicationCreate,
    ApplicationRead,
    ApplicationSummary,
    TransitionRequest,
)
from recruiting_service.domain.decisions import ApplicationStatus
from recruiting_service.service import applications
from talentloop_shared.http import Page, problem_responses
from talentloop_shared.http.pagination import CursorQuery, LimitQuery
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["applications"])


@router.post(
    "/applications",
    status_code=201,
    summary="Apply a candidate to an opening (screened at once)",
    response_model=ApplicationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def create_application(
    body: ApplicationCreate, uow: UowDep, principal: Manager, response: Response
) -> ApplicationRead:
    application = await applications.apply(
        uow,
        candidate_id=body.candidate_id,
        position_id=body.position_id,
        source=body.source,
        actor=principal.sub,
    )
    response.headers["Location"] = f"/api/v1/applications/{application.id}"
    return application


@router.get(
    "/applications",
    summary="List applications",
    response_model=Page[ApplicationSummary],
    responses=problem_responses(401, 403, 422),
)
async def list_applications(
    uow: UowDep,
    principal: Reader,
    position_id: uuid.UUID | None = None,
    candidate_id: uuid.UUID | None = None,
    status: ApplicationStatus | None = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[ApplicationSummary]:
    return await applications.list_applications(
        uow,
        position_id=position_id,
        candidate_id=candidate_id,
        status=status,
        limit=limit,
        cursor=cursor,
    )


@router.get(
    "/applications/{application_id}",
    summary="Read an application with screening and history",
    response_model=ApplicationRead,
    responses=problem_responses(401, 403, 404),
)
async def get_application(
    application_id: uuid.UUID, uow: UowDep, principal: Reader
) -> ApplicationRead:
    return await applications.get_application(uow, application_id=application_id)


async def _move(
    uow: UowDep,
    application_id: uuid.UUID,
    action: str,
    actor: str,
    body: TransitionRequest | None,
) -> ApplicationRead:
    return await applications.move(
        uow,
        application_id=application_id,
        action=action,
        actor=actor,
        reason=body.reason if body else None,
    )


@router.post(
    "/applications/{application_id}/advance",
    summary="Advance to the next stage",
    response_model=ApplicationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def advance(
    application_id: uuid.UUID,
    uow: UowDep,
    principal: Manager,
    body: TransitionRequest | None = None,
) -> ApplicationRead:
    return await _move(uow, application_id, "advance", principal.sub, body)


@router.post(
    "/applications/{application_id}/hire",
    summary="Hire (closes the application)",
    response_model=ApplicationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def hire(
    application_id: uuid.UUID,
    uow: UowDep,
    principal: Manager,
    body: TransitionRequest | None = None,
) -> ApplicationRead:
    return await _move(uow, application_id, "hire", principal.sub, body)


@router.post(
    "/applications/{application_id}/withdraw",
    summary="Record that the candidate withdrew",
    response_model=ApplicationRead,
    responses=problem_responses(401, 403, 404, 409, 422),
)
async def withdraw(
    application_id: uuid.UUID,
    uow: UowDep,
    principal: Manager,
    body: TransitionRequest | None = None,
) -> ApplicationRead:
    return await _move(uow, application_id, "withdraw", principal.sub, body)
