"""Template library endpoints."""

import uuid
from typing import Annotated

from fastapi import Header, Query, Response

from notify_service.api.deps import Admin, Reader
from notify_service.api.schemas import (
    TemplateCreate,
    TemplatePreview,
    TemplatePreviewRequest,
    TemplateRead,
    TemplateUpdate,
    TemplateVersionRead,
)
from notify_service.service import templates as use_cases
from notify_service.service.settings import get_settings
from talentloop_shared.http import Page, ProblemError, problem_responses
from talentloop_shared.http.pagination import CursorQuery, decode_cursor, page_of
from talentloop_shared.service import UowDep, api_router

router = api_router(prefix="/api/v1/templates", tags=["templates"])


def _etag(version: int) -> str:
    return f'"{version}"'


def _if_match(value: str | None) -> int | None:
    if value is None or value.strip() == "*":
        return None
    raw = value.strip().removeprefix("W/").strip('"')
    try:
        return int(raw)
    except ValueError:
        raise ProblemError(
            412,
            "Precondition Failed",
            f"If-Match {value!r} is not a version this API issued",
            type_="precondition-failed",
        ) from None


@router.post(
    "",
    status_code=201,
    summary="Add a template",
    response_model=TemplateRead,
    responses=problem_responses(401, 403, 409, 422),
)
async def create_template(
    body: TemplateCreate, uow: UowDep, principal: Admin, response: Response
) -> TemplateRead:
    template = await use_cases.create_template(uow, data=body.model_dump(), by=principal.sub)
    response.headers["ETag"] = _etag(template.version)
    response.headers["Location"] = f"/api/v1/templates/{template.id}"
    return TemplateRead.model_validate(template)


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
    locale: str | None = None,
    channel: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: CursorQuery = None,
) -> Page[TemplateRead]:
    after = decode_cursor(cursor, arity=2)
    rows = await use_cases.list_templates(
        uow,
        filters={
            "kind": kind,
            "job_family": job_family,
            "stage": stage,
            "locale": locale,
            "channel": channel,
        },
        limit=limit,
        after=after,
    )
    page = page_of(rows, limit, key=lambda t: (t.created_at.isoformat(), t.id))
    return Page[TemplateRead](
        items=[TemplateRead.model_validate(t) for t in page.items], next_cursor=page.next_cursor
    )


@router.get(
    "/{template_id}",
    summary="Read a template",
    response_model=TemplateRead,
    responses=problem_responses(401, 403, 404),
)
async def get_template(
    template_id: uuid.UUID, uow: UowDep, principal: Reader, response: Response
) -> TemplateRead:
    template = await use_cases.get_template(uow, template_id)
    response.headers["ETag"] = _etag(template.version)
    return TemplateRead.model_validate(template)


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
    principal: Admin,
    response: Response,
    if_match: Annotated[str | None, Header()] = None,
) -> TemplateRead:
    template = await use_cases.update_template(
        uow,
        template_id=template_id,
        changes=body.model_dump(exclude_unset=True),
        if_match=_if_match(if_match),
        by=principal.sub,
    )
    response.headers["ETag"] = _etag(template.version)
    return TemplateRead.model_validate(template)


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
    settings = await get_settings(uow)
    rendered, flags = await use_cases.preview_template(
        uow,
        template_id=template_id,
        payload=body.payload,
        subject=body.subject,
        body=body.body,
        company=settings.company_name,
    )
    return TemplatePreview(
        subject=rendered.subject, text=rendered.text, html=rendered.html, flags=flags
    )
