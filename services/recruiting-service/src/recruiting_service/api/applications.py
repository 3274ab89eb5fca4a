"""Applications and their moves through the status machine."""

import uuid
from collections.abc import Awaitable, Callable
from functools import partial

from fastapi import Response
from pydantic import BaseModel

from recruiting_service.api.schemas import ApplicationRead, ApplicationSummary
from recruiting_service.domain.applications import ApplicationStatus
from recruiting_service.service import applications, decisions, policy
from recruiting_service.service.applications import ApplicationRecord
from recruiting_service.service.inputs import ApplicationCreate, TransitionRequest
from talentloop_shared.auth.roles import Reader, Recruiter, Sourcer
from talentloop_shared.db.uow import UnitOfWork
from talentloop_shared.http import (
    model_response,
    problem_responses,
)
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import RuntimeDep, api_router

router = api_router(prefix="/api/v1", tags=["applications"])
application = Resource(
    router,
    ApplicationRead.from_record,
    readers=Reader,
    writers=Recruiter,
    item="/applications/{application_id}",
)

Transition = Callable[..., Awaitable[ApplicationRecord]]


def _given_the_reason(use_case: Transition) -> Transition:
    """The use case, given the reason of the request's optional body."""

    async def run(
        uow: UnitOfWork, *, application_id: uuid.UUID, transition: TransitionRequest, by: str
    ) -> ApplicationRecord:
        return await use_case(uow, application_id=application_id, by=by, reason=transition.reason)

    return run


class ApplicationFilters(BaseModel):
    """Which applications to list."""

    position_id: uuid.UUID | None = None
    candidate_id: uuid.UUID | None = None
    status: ApplicationStatus | None = None


application.create(
    applications.apply,
    ApplicationCreate,
    role=Sourcer,
    name="create_application",
    summary="Apply a candidate to an opening (screened at once)",
    description="HR, recruiters and integrations. `Idempotency-Key` makes a retry safe: the "
    "same key and body return the first response and create one application.",
    errors=(404, 409),
)


application.page(
    applications.list_applications,  # one statement on `Reads`
    ApplicationFilters,
    read=ApplicationSummary,
    summary="List applications",
)


# The read by id: one statement on `Reads`, validated once, serialised once (the route's
# response_model is the schema only).


@router.get(
    "/applications/{application_id}",
    summary="Read an application with screening and history",
    response_model=ApplicationRead,
    responses=problem_responses(401, 403, 404, 422),
)
async def get_application(application_id: uuid.UUID, rt: RuntimeDep, principal: Reader) -> Response:
    values = await policy.get_application(rt, application_id=application_id)
    return model_response(ApplicationRead.model_validate(values))


MOVES = {
    "advance": "Advance to the next stage",
    "withdraw": "Record that the candidate withdrew",
}
for _action, _summary in MOVES.items():
    application.action(
        _action,
        _given_the_reason(partial(applications.move, action=_action)),
        body=TransitionRequest | None,
        name=_action,
        summary=_summary,
        errors=(404, 409),
    )
application.action(
    "hire",
    _given_the_reason(decisions.hire),
    body=TransitionRequest | None,
    name="hire",
    summary="Hire (closes the application); publishes candidate-hired with the gaps",
    errors=(404, 409),
)
