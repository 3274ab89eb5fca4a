"""Bulk import endpoint (CSV or XLSX): dry run, all-or-nothing real run, reconciliation."""

from typing import Annotated, Any, Literal

from fastapi import File, Query, UploadFile

from org_service.api.deps import Importer
from org_service.api.schemas import ImportReportRead
from org_service.service.imports import ImportOutcome, run_import
from talentloop_shared.http import problem_responses
from talentloop_shared.http.problems import ProblemError
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/imports", tags=["imports"])

_EXAMPLE_COLUMNS = (
    "org_units: code, name, kind, parent_code. positions: code, title, org_unit_code, "
    "job_family, headcount, status, location, min_years_experience, required_skills, "
    "preferred_skills, industries, education, languages, responsibilities (lists separated by "
    "`;`), evaluation_scheme (`key:name:weight:department_code;…`)."
)


def to_report(outcome: ImportOutcome) -> ImportReportRead:
    """The API shape of an import outcome."""
    return ImportReportRead.model_validate(
        {
            "kind": outcome.kind,
            "dry_run": outcome.dry_run,
            "ok": outcome.ok,
            "written": outcome.written,
            "total_rows": outcome.total_rows,
            "valid_rows": outcome.valid_rows,
            "rows_with_problems": outcome.rows_with_problems,
            "problems": [p.as_dict() for p in outcome.problems],
            "reconciliation": outcome.reconciliation,
            "events_published": outcome.events_published,
        }
    )


@router.post(
    "",
    summary="Import org units or positions from CSV or XLSX",
    response_model=ImportReportRead,
    description="`dry_run=true` (the default) validates every row and reports what a real "
    "run would create, update or leave unchanged, writing nothing. `dry_run=false` is "
    "all-or-nothing: any bad row → 422 with the report and nothing written; otherwise rows "
    "are upserted by `code` (identical rows are not changes) and the reconciliation report "
    "gives counts before/after and a checksum of the key fields. Columns: " + _EXAMPLE_COLUMNS,
    responses=problem_responses(401, 403, 422),
)
async def import_file(
    uow: UowDep,
    principal: Importer,
    file: Annotated[UploadFile, File(description="CSV (UTF-8) or XLSX")],
    kind: Annotated[Literal["org_units", "positions"], Query()],
    dry_run: Annotated[bool, Query(description="Validate and preview only")] = True,
) -> Any:
    content = await file.read()
    outcome = await run_import(uow, kind=kind, content=content, dry_run=dry_run, by=principal.sub)
    report = to_report(outcome)
    if not outcome.ok and not dry_run:
        raise ProblemError(
            422,
            "Unprocessable Content",
            f"{outcome.rows_with_problems} of {outcome.total_rows} rows have problems; "
            "nothing was imported",
            type_="import-rejected",
            errors=[
                {"loc": ["file", "row", p.row, p.column], "msg": p.problem}
                for p in outcome.problems
            ],
            extensions={"report": report.model_dump(mode="json")},
        )
    return report
