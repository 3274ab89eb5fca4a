"""Template library endpoints."""

import uuid

from pydantic import BaseModel, Field

from notify_service.api.schemas import (
    ShippedTemplateRead,
    TemplatePreview,
    TemplateRead,
    TemplateVersionRead,
)
from notify_service.service import templates as use_cases
from notify_service.service.inputs import TemplateCreate, TemplatePreviewRequest, TemplateUpdate
from talentloop_shared.auth.roles import HrAdmin, Reader
from talentloop_shared.http import problem_responses
from talentloop_shared.http.routes import Resource
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/templates", tags=["templates"])
templates = Resource(router, TemplateRead, readers=Reader, writers=HrAdmin, item="/{template_id}")


class TemplateFilters(BaseModel):
    """Which templates to list."""

    kind: str | None = None
    job_family: str | None = None
    stage: str | None = None
    band: str | None = None
    background: str | None = None
    locale: str | None = None
    channel: str | None = None
    shipped_changed: bool | None = Field(
        default=None, description="true: the edited templates whose shipped text changed"
    )


templates.create(use_cases.create_template, TemplateCreate, summary="Add a template", errors=(409,))
templates.page(use_cases.list_templates, TemplateFilters, summary="List templates")
templates.get(use_cases.get_template, summary="Read a template")
templates.get(
    use_cases.shipped_text,
    path="/{template_id}/shipped",
    read=ShippedTemplateRead.model_validate,
    etag=False,
    summary="The text this release ships for the template's key (404: the company's own)",
)
templates.update(
    use_cases.update_template,
    TemplateUpdate,
    summary="Edit a template (creates a new version)",
    errors=(404, 409),
)


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


templates.action(
    "preview",
    use_cases.preview_template,
    role=Reader,
    body=TemplatePreviewRequest,
    read=TemplatePreview.from_result,
    etag=False,
    summary="Render a template against a sample or a payload",
    errors=(404,),
)
