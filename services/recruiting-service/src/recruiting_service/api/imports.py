"""Bulk imports (CSV/XLSX)."""

from typing import Annotated, Literal

from fastapi import File, Query, UploadFile

from recruiting_service.api.deps import Importer
from recruiting_service.api.schemas import ImportReport
from recruiting_service.service import imports
from talentloop_shared.http import problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["imports"])


@router.post(
    "/imports",
    summary="Import candidates from CSV or XLSX (dry run or all-or-nothing)",
    response_model=ImportReport,
    responses=problem_responses(401, 403, 422),
)
async def import_file(
    uow: UowDep,
    principal: Importer,
    file: Annotated[UploadFile, File(description="CSV (UTF-8) or XLSX; header row first")],
    kind: Annotated[Literal["candidates"], Query(description="what the file holds")],
    dry_run: Annotated[bool, Query(description="validate and report only")] = True,
) -> ImportReport:
    content = await file.read()
    return await imports.import_candidates(
        uow, content=content, filename=file.filename or "", dry_run=dry_run
    )
