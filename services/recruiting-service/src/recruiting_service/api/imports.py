"""Bulk imports (CSV/XLSX)."""

from typing import Annotated, Literal

from fastapi import File, Form, Query, UploadFile

from recruiting_service.api.schemas import ImportReport
from recruiting_service.service import imports
from talentloop_shared.auth.roles import Sourcer
from talentloop_shared.http import problem_responses, uploads
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1", tags=["imports"])

_DESCRIPTION = (
    "`dry_run=true` (the default) validates every row and, when the file has no problem, "
    "runs the whole import in a transaction it rolls back, so the report shows exactly what "
    "a real run would do. `dry_run=false` is all-or-nothing: any problem → 422 listing them, "
    "nothing written. Rows are matched by email (created, updated or unchanged; an empty "
    "cell keeps the stored value). The reconciliation gives the counts before and after and "
    "a checksum of the key fields (email, name, phone) of the file's rows against the same "
    "over what the database holds for them after the run. Columns: "
    + ", ".join(imports.COLUMNS)
    + " (lists separated by `;` `,` `、`). Headers old systems export in Chinese and English "
    "are understood (姓名, 邮箱, 手机, 学历, 技能, 工作年限, Full Name, Mobile, Degree…), and "
    "cells accept what the API accepts (本科, 大专, BSc; Postgres; 普通话; 是/否)."
)
_COLUMN_MAP = (
    'Your own mapping of the file\'s headers to our columns, as JSON: `{"Their header": '
    '"our_column"}` (null leaves a column out); it wins over the known aliases. The '
    "report's `column_mapping` says how each header was understood."
)


@router.post(
    "/imports",
    summary="Import candidates from CSV or XLSX (dry run or all-or-nothing)",
    description=_DESCRIPTION,
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
    column_map: Annotated[str | None, Form(max_length=20_000, description=_COLUMN_MAP)] = None,
    column_map_query: Annotated[
        str | None, Query(alias="column_map", max_length=4_000, description=_COLUMN_MAP)
    ] = None,
) -> ImportReport:
    mapping = uploads.column_map(
        column_map,
        column_map_query,
        kind=kind,
        columns=imports.COLUMNS,
        example='{"候选人": "name"}',
        nulls=True,
    )
    # The upload is spooled by the server; the use case streams it, row-capped.
    outcome = await imports.import_candidates(
        uow, file=file.file, dry_run=dry_run, column_map=mapping
    )
    return ImportReport.from_outcome(outcome)
