"""Template library endpoints."""

import uuid

from fastapi import Response

from notify_service.api.schemas import TemplatePreview, TemplateRead, TemplateVersionRead
from notify_service.db.models import NoticeTemplate
from notify_service.service import templates as use_cases
from notify_service.service.inputs import TemplateCreate, TemplatePreviewRequest, TemplateUpdate
from talentloop_shared.auth.roles import HrAdmin, Reader
from talentloop_shared.http import (
    CursorQuery,
    IfMatch,
    LimitQuery,
    Page,
    problem_responses,
    set_etag,
)
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/templates", tags=["templates"])


def _read(template: NoticeTemplate, response: Response) -> TemplateRead:
    set_etag(response, template.version)
    return TemplateRead.model_validate(template)


@router.post(
    "",
    status_code=201,
    summary="Add a template",
    response_model=TemplateRead,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_template(
    body: TemplateCreate, uow: UowDep, principal: HrAdmin, response: Response
) -> TemplateRead:
    template = await use_cases.create_template(uow, data=body, by=principal.sub)
    response.headers["Location"] = f"/api/v1/templates/{template.id}"
    return _read(template, response)


@router.get(
    "",
    summary="List templates",
    response_model=Page[TemplateRead],
    responses=problem_responses(401, 403, 422),
)
async def list_templates(
    uow: UowDep,
    principal: Reader,
    kind: str | None = None,
    job_family: str | None = None,
    stage: str | None = None,
    band: str | None = None,
    background: str | None = None,
    locale: str | None = None,
    channel: str | None = None,
    limit: LimitQuery = 50,
    cursor: CursorQuery = None,
) -> Page[TemplateRead]:
    page = await use_cases.list_templates(
        uow,
        kind=kind,
        job_family=job_family,
        stage=stage,
        band=band,
        background=background,
        locale=locale,
        channel=channel,
        limit=limit,
        cursor=cursor,
    )
    return page.map(TemplateRead.model_validate)


@router.get(
    "/{template_id}",
    summary="Read a template",
    response_model=TemplateRead,
    responses=problem_responses(401, 403, 404),
)
async def get_template(
    template_id: uuid.UUID, uow: UowDep, principal: Reader, response: Response
) -> TemplateRead:
    return _read(await use_cases.get_template(uow, template_id), response)


@router.patch(
    "/{template_id}",
    summary="Edit a template (creates a new version)",
    response_model=TemplateRead,
    responses=problem_responses(401, 403, 404, 412, 422),
)
async def update_template(
    template_id: uuid.UUID,
    body: TemplateUpdate,
    uow: UowDep,
    principal: HrAdmin,
    response: Response,
    expected: IfMatch,
) -> TemplateRead:
    template = await use_cases.update_template(
        uow, template_id=template_id, changes=body, expected=expected, by=principal.sub
    )
    return _read(template, response)


@router.get(
    "/{template_id}/versions",
    summary="Every version of a template",
    response_model=list[TemplateVersionRead],
    responses=problem_responses(401, 403, 404),
)
async def template_versions(
    template_id: uuid.UUID, uow: UowDep, principal: Reader
) -> list[TemplateVersionRead]:
    versions = await use_cases.template_versions(uow, template_id)
    return [TemplateVersionRead.model_validate(v) for v in versions]


@router.post(
    "/{template_id}/preview",
    summary="Render a template against a sample or a payload",
    response_model=TemplatePreview,
    responses=problem_responses(401, 403, 404, 422),
)
async def preview_template(
    template_id: uuid.UUID, body: TemplatePreviewRequest, uow: UowDep, principal: Reader
) -> TemplatePreview:
    result = await use_cases.preview_template(uow, template_id=template_id, request=body)
    return TemplatePreview.from_result(result)
