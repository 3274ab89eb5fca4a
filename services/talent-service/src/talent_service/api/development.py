"""Development plans of new hires (seeded by candidate-hired)."""

from typing import Annotated

from fastapi import Query
from pydantic import BaseModel

from talent_service.api.schemas import DevelopmentPlanRead
from talent_service.service import development
from talentloop_shared.auth.roles import Reader
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import api_router

router = api_router(prefix="/api/v1", tags=["development plans"])
plans = Resource(
    router, DevelopmentPlanRead.from_row, readers=Reader, item="/development-plans/{plan_id}"
)


class PlanFilters(BaseModel):
    """Which development plans to list."""

    person_id: Annotated[str | None, Query(max_length=64, description="The person hired")] = None
    application_id: Annotated[
        str | None, Query(max_length=64, description="The application that ended in the hire")
    ] = None


plans.page(
    development.list_plans,
    PlanFilters,
    summary="New hires' development plans",
    description="Plans newest first, of one person or one application if given.",
)
plans.get(
    development.get_plan,
    summary="A new hire's development plan",
    description="The scorecard's gaps and the catalogue courses that cover them.",
)
