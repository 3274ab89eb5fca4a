"""Openings: the local copy of open positions."""

from pydantic import BaseModel

from recruiting_service.api.schemas import OpeningRead
from recruiting_service.service import openings
from talentloop_shared.auth.roles import AnyRole
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import api_router

router = api_router(prefix="/api/v1", tags=["openings"])
# The version is org-service's, of the position: no ETag, nothing here is conditional on it.
opening = Resource(
    router, OpeningRead.from_row, readers=AnyRole, item="/openings/{position_id}", etag=False
)


class OpeningFilters(BaseModel):
    """Which openings to list."""

    job_family: str | None = None


opening.page(openings.list_openings, OpeningFilters, summary="List open openings")
opening.get(openings.get_opening, summary="Read an opening (open or closed)")
