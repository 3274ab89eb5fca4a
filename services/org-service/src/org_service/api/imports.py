"""Bulk import endpoint (CSV or XLSX): dry run, all-or-nothing real run, reconciliation."""

from typing import Annotated, Literal

from fastapi import File, Form, Query, UploadFile

from org_service.api.schemas import ImportReportRead
from org_service.domain.errors import ImportRejected
from org_service.domain.imports.org_units import ORG_UNIT_COLUMNS
from org_service.domain.imports.people import PEOPLE_COLUMNS
from org_service.domain.imports.positions import POSITION_COLUMNS
from org_service.service.imports import IMPORT_COLUMNS, MAX_IMPORT_ROWS, run_import
from talentloop_shared.auth.roles import Integrator
from talentloop_shared.http import problem_responses, uploads
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/imports", tags=["imports"])

_COLUMNS = (
    f"org_units: {', '.join(ORG_UNIT_COLUMNS)}. positions: {', '.join(POSITION_COLUMNS)} "
    "(lists separated by `;`; evaluation_scheme as `key:name:weight:department_code;…`). "
    f"people: {', '.join(PEOPLE_COLUMNS)} (upserted by external_code, the employee number; "
    "columns the file lacks keep their stored values; active: true/false, 在职/离职). "
    "Headers are matched without regard to case or spaces (`Org Unit Code` = "
    "`org_unit_code`), and the headers old systems export in Chinese and English are "
    "understood (部门编码, 职位名称, 工号, 姓名, 邮箱, 手机, Employee ID, …); "
    f"at most {MAX_IMPORT_ROWS:,} rows per file."
)
_COLUMN_MAP = (
    'Your own mapping of the file\'s headers to our columns, as JSON: `{"Their header": '
    '"our_column"}`; it wins over the known aliases. The report\'s `column_mapping` says how '
    "each header was understood."
)


@router.post(
    "",
    summary="Import org units, positions or people from CSV or XLSX",
    response_model=ImportReportRead,
    description="`dry_run=true` (the default) validates every row and reports what a real "
    "run would create, update or leave unchanged, writing nothing. `dry_run=false` is "
    "all-or-nothing: any bad row → 422 with the report and nothing written; otherwise rows "
    "are upserted by code (identical rows are not changes) and the reconciliation report "
    "gives counts before/after and a checksum of the key fields. Columns: " + _COLUMNS,
    responses=problem_responses(400, 401, 403, 413, 422),
)
async def import_file(
    uow: UowDep,
    principal: Integrator,
    file: Annotated[UploadFile, File(description="CSV (UTF-8 or GB 18030) or XLSX")],
    kind: Annotated[Literal["org_units", "positions", "people"], Query()],
    dry_run: Annotated[bool, Query(description="Validate and preview only")] = True,
    column_map: Annotated[str | None, Form(max_length=20_000, description=_COLUMN_MAP)] = None,
    column_map_query: Annotated[
        str | None, Query(alias="column_map", max_length=4_000, description=_COLUMN_MAP)
    ] = None,
) -> ImportReportRead:
    mapping = uploads.column_map(
        column_map,
        column_map_query,
        kind=kind,
        columns=IMPORT_COLUMNS[kind],
        example='{"工号": "external_code"}',
        nulls=False,
    )
    outcome = await run_import(
        uow, kind=kind, upload=file.file, dry_run=dry_run, by=principal.sub, column_map=mapping
    )
    report = ImportReportRead.from_outcome(outcome)
    if not outcome.ok and not dry_run:
        raise ImportRejected(
            outcome.problems,
            total_rows=outcome.total_rows,
            rows_with_problems=outcome.rows_with_problems,
            report=report.model_dump(mode="json"),
        )
    return report
