"""Applications and their moves through the status machine."""

import uuid

from fastapi import Response

from recruiting_service.api.schemas import ApplicationRead, ApplicationSummary
from recruiting_service.domain.applications import ApplicationStatus
from recruiting_service.service import applications
from recruiting_service.service.inputs import ApplicationCreate, TransitionRequest
from talentloop_shared.auth.roles import Reader, Recruiter
from talentloop_shared.http import CursorQuery, LimitQuery, Page, problem_responses
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
    body: ApplicationCreate, uow: UowDep, principal: Recruiter, response: Response
) -> ApplicationRead:
    record = await applications.apply(uow, request=body, by=principal.sub)
    response.headers["Location"] = f"/api/v1/applications/{record.application.id}"
    return ApplicationRead.from_record(record)


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
    page = await applications.list_applications(
        uow,
        position_id=position_id,
        candidate_id=candidate_id,
        status=status,
        limit=limit,
        cursor=cursor,
    )
    return page.map(ApplicationSummary.from_row)


@router.get(
    "/applications/{application_id}",
    summary="Read an application with screening and history",
    response_model=ApplicationRead,
    responses=problem_responses(401, 403, 404),
)
async def get_application(
    application_id: uuid.UUID, uow: UowDep, principal: Reader
) -> ApplicationRead:
    record = await applications.get_application(uow, application_id=application_id)
    return ApplicationRead.from_record(record)


MOVES = {
    "advance": "Advance to the next stage",
    "hire": "Hire (closes the application)",
    "withdraw": "Record that the candidate withdrew",
}


def _move_route(action: str, summary: str) -> None:
    async def move(
        application_id: uuid.UUID,
        uow: UowDep,
        principal: Recruiter,
        body: TransitionRequest | None = None,
    ) -> ApplicationRead:
        record = await applications.move(
            uow,
            application_id=application_id,
            action=action,
            by=principal.sub,
            reason=body.reason if body else None,
        )
        return ApplicationRead.from_record(record)

    move.__name__ = action  # the OpenAPI operation id, as before
    router.add_api_route(
        f"/applications/{{application_id}}/{action}",
        move,
        methods=["POST"],
        summary=summary,
        response_model=ApplicationRead,
        responses=problem_responses(401, 403, 404, 409, 422),
    )


for _action, _summary in MOVES.items():
    _move_route(_action, _summary)
