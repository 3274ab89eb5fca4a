"""Bulk imports (CSV/XLSX)."""

from typing import Annotated, Literal

from fastapi import File, Query, UploadFile

from recruiting_service.api.schemas import ImportReport
from recruiting_service.service import imports
from talentloop_shared.auth.roles import Sourcer
from talentloop_shared.http import problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["imports"])


@router.post(
    "/imports",
    summary="Import candidates from CSV or XLSX (dry run or all-or-nothing)",
    response_model=ImportReport,
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def import_file(
    uow: UowDep,
    principal: Sourcer,
    file: Annotated[
        UploadFile, File(description="CSV (UTF-8 or GB 18030) or XLSX; header row first")
    ],
    kind: Annotated[Literal["candidates"], Query(description="what the file holds")],
    dry_run: Annotated[bool, Query(description="validate and report only")] = True,
) -> ImportReport:
    # The upload is spooled by the server; the use case streams it, row-capped.
    outcome = await imports.import_candidates(uow, file=file.file, dry_run=dry_run)
    return ImportReport.from_outcome(outcome)
