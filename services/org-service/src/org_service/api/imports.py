"""Bulk import endpoint (CSV or XLSX): dry run, all-or-nothing real run, reconciliation."""

from typing import Annotated, Literal

from fastapi import File, Query, UploadFile

from org_service.api.schemas import ImportReportRead
from org_service.domain.errors import ImportRejected
from org_service.domain.imports.org_units import ORG_UNIT_COLUMNS
from org_service.domain.imports.positions import POSITION_COLUMNS
from org_service.service.imports import MAX_IMPORT_ROWS, run_import
from talentloop_shared.auth.roles import Integrator
from talentloop_shared.http import problem_responses
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/imports", tags=["imports"])

_COLUMNS = (
    f"org_units: {', '.join(ORG_UNIT_COLUMNS)}. positions: {', '.join(POSITION_COLUMNS)} "
    "(lists separated by `;`; evaluation_scheme as `key:name:weight:department_code;…`). "
    "Headers are matched without regard to case or spaces (`Org Unit Code` = "
    f"`org_unit_code`); at most {MAX_IMPORT_ROWS:,} rows per file."
)


@router.post(
    "",
    summary="Import org units or positions from CSV or XLSX",
    response_model=ImportReportRead,
    description="`dry_run=true` (the default) validates every row and reports what a real "
    "run would create, update or leave unchanged, writing nothing. `dry_run=false` is "
    "all-or-nothing: any bad row → 422 with the report and nothing written; otherwise rows "
    "are upserted by `code` (identical rows are not changes) and the reconciliation report "
    "gives counts before/after and a checksum of the key fields. Columns: " + _COLUMNS,
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def import_file(
    uow: UowDep,
    principal: Integrator,
    file: Annotated[UploadFile, File(description="CSV (UTF-8 or GB 18030) or XLSX")],
    kind: Annotated[Literal["org_units", "positions"], Query()],
    dry_run: Annotated[bool, Query(description="Validate and preview only")] = True,
) -> ImportReportRead:
    outcome = await run_import(uow, kind=kind, upload=file.file, dry_run=dry_run, by=principal.sub)
    report = ImportReportRead.from_outcome(outcome)
    if not outcome.ok and not dry_run:
        raise ImportRejected(
            outcome.problems,
            total_rows=outcome.total_rows,
            rows_with_problems=outcome.rows_with_problems,
            report=report.model_dump(mode="json"),
        )
    return report
