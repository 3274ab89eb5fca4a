"""Template library use cases: create, edit (new version), preview, seed the defaults."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, literal, select, text, tuple_

from notify_service import domain
from notify_service.db.models import NoticeTemplate, TemplateVersion
from notify_service.db.repositories import TemplateRepository
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import CandidateRejected, TalentInvited
from talentloop_shared.http.problems import ProblemError, not_found, unprocessable
from talentloop_shared.logging import get_logger

log = get_logger(__name__)
_SEED_LOCK = 0x6E6F7469  # advisory lock: two replicas starting at once seed only once


def _problems_to_422(
    problems: Sequence[domain.TemplateProblem], *, where: str = "body"
) -> ProblemError:
    errors = [
        {"loc": [where, p.field], "msg": p.msg + (f" (line {p.line})" if p.line else "")}
        for p in problems
    ]
    detail = "; ".join(f"{p.field}: {p.msg}" for p in problems[:3])
    return unprocessable(f"the template has problems: {detail}", errors)


def check_template(subject: str | None, body: str, *, kind: str, channel: str) -> None:
    """422 naming every problem (syntax, unknown variable) in a template."""
    if channel == "sms" and subject:
        raise unprocessable(
            "subject: SMS templates have no subject",
            [{"loc": ["body", "subject"], "msg": "SMS templates have no subject"}],
        )
    problems = domain.validate_template(subject, body, kind=kind, channel=channel)
    if problems:
        raise _problems_to_422(problems)


def default_name(kind: str, job_family: str, stage: str, locale: str, channel: str) -> str:
    """A readable name for a template key."""
    fam = "general" if job_family == "*" else job_family
    stg = "any" if stage == "*" else stage
    return f"{kind}-{fam}-{stg}-{locale}-{channel}"


async def create_template(uow: UnitOfWork, *, data: dict[str, Any], by: str) -> NoticeTemplate:
    """Add a template (version 1) after validating it."""
    check_template(data.get("subject"), data["body"], kind=data["kind"], channel=data["channel"])
    repo = TemplateRepository(uow.session)
    name = data.get("name") or default_name(
        data["kind"], data["job_family"], data["stage"], data["locale"], data["channel"]
    )
    template = NoticeTemplate(
        id=uuid.uuid4(),
        name=name,
        kind=data["kind"],
        job_family=data["job_family"],
        stage=data["stage"],
        locale=data["locale"],
        channel=data["channel"],
        subject=data.get("subject"),
        body=data["body"],
        version=1,
        updated_by=by,
    )
    exists = await uow.session.scalar(
        select(NoticeTemplate.id).where(
            NoticeTemplate.kind == template.kind,
            NoticeTemplate.job_family == template.job_family,
            NoticeTemplate.stage == template.stage,
            NoticeTemplate.locale == template.locale,
            NoticeTemplate.channel == template.channel,
        )
    )
    if exists is not None:
        raise ProblemError(
            409,
            "Conflict",
            f"a template for this kind, job family, stage, locale and channel exists: {exists}; "
            "edit it instead (PATCH creates a new version)",
            type_="conflict",
        )
    repo.add(template)
    await uow.flush()
    uow.session.add(_version_of(template, by))
    await uow.commit()
    return template


def _version_of(t: NoticeTemplate, by: str) -> TemplateVersion:
    return TemplateVersion(
        template_id=t.id,
        version=t.version,
        name=t.name,
        subject=t.subject,
        body=t.body,
        created_by=by,
    )


async def get_template(uow: UnitOfWork, template_id: uuid.UUID) -> NoticeTemplate:
    """A template, or 404."""
    template = await TemplateRepository(uow.session).get(template_id)
    if template is None:
        raise not_found("template", template_id)
    return template


async def list_templates(
    uow: UnitOfWork, *, filters: dict[str, str | None], limit: int, after: list[Any] | None
) -> list[NoticeTemplate]:
    """Templates matching `filters`, in creation order, `limit + 1` rows from `after`."""
    stmt = select(NoticeTemplate)
    for field, value in filters.items():
        if value:
            stmt = stmt.where(getattr(NoticeTemplate, field) == value)
    if after:
        stmt = stmt.where(
            tuple_(NoticeTemplate.created_at, NoticeTemplate.id)
            > tuple_(literal(_parse_time(after[0])), literal(_parse_uuid(after[1])))
        )
    stmt = stmt.order_by(NoticeTemplate.created_at, NoticeTemplate.id).limit(limit + 1)
    return list((await uow.session.scalars(stmt)).all())


def _parse_time(value: Any) -> datetime:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise _bad_cursor() from None


def _parse_uuid(value: Any) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise _bad_cursor() from None


def _bad_cursor() -> ProblemError:
    return unprocessable(
        "cursor: not a cursor this list returned",
        [{"loc": ["query", "cursor"], "msg": "invalid cursor"}],
    )


async def update_template(
    uow: UnitOfWork,
    *,
    template_id: uuid.UUID,
    changes: dict[str, Any],
    if_match: int | None,
    by: str,
) -> NoticeTemplate:
    """Edit a template: a text change creates a new version; old versions are kept."""
    template = await TemplateRepository(uow.session).get_for_update(template_id)
    if template is None:
        raise not_found("template", template_id)
    if if_match is not None and if_match != template.version:
        raise ProblemError(
            412,
            "Precondition Failed",
            f"the template is at version {template.version}, not {if_match}; reload and retry",
            type_="precondition-failed",
        )
    subject = changes.get("subject", template.subject)
    body = changes.get("body", template.body) or template.body
    name = changes.get("name") or template.name
    if (subject, body, name) == (template.subject, template.body, template.name):
        return template
    check_template(subject, body, kind=template.kind, channel=template.channel)
    template.subject, template.body, template.name = subject, body, name
    template.version += 1
    template.updated_by = by
    template.updated_at = func.now()
    uow.session.add(_version_of(template, by))
    await uow.commit()
    await uow.session.refresh(template)
    return template


async def template_versions(uow: UnitOfWork, template_id: uuid.UUID) -> list[TemplateVersion]:
    """Every version of a template."""
    await get_template(uow, template_id)
    return list(await TemplateRepository(uow.session).versions(template_id))


def _payload_context(kind: str, payload: dict[str, Any], company: str) -> dict[str, Any]:
    try:
        if kind == "invitation":
            return domain.invitation_context(
                TalentInvited.model_validate(payload), company_name=company
            )
        return domain.rejection_context(
            CandidateRejected.model_validate(payload),
            survey_url="https://example.com/survey/PREVIEW",
            company_name=company,
        )
    except ValidationError as exc:
        errors = [{"loc": ["body", "payload", *e["loc"]], "msg": e["msg"]} for e in exc.errors()]
        raise unprocessable(
            "payload: not a valid "
            + ("talent-invited" if kind == "invitation" else "candidate-rejected")
            + " payload",
            errors,
        ) from None


async def preview_template(
    uow: UnitOfWork,
    *,
    template_id: uuid.UUID,
    payload: dict[str, Any] | None,
    subject: str | None,
    body: str | None,
    company: str,
) -> tuple[domain.Rendered, list[dict[str, Any]]]:
    """Render a template (or unsaved text) against a payload or the sample; flags too."""
    template = await get_template(uow, template_id)
    subject = subject if subject is not None else template.subject
    body = body if body is not None else template.body
    if payload is not None:
        context = _payload_context(template.kind, payload, company)
    else:
        context = domain.sample_context(template.kind, locale=template.locale)
    try:
        rendered = domain.render(
            subject if template.channel == "email" else None,
            body,
            context,
            html=template.channel == "email",
        )
    except domain.TemplateError as exc:
        raise _problems_to_422(exc.problems) from None
    from notify_service.service.notices import flags_for

    return rendered, flags_for([], rendered)


async def seed_default_templates(uow: UnitOfWork) -> int:
    """Load the shipped templates when the library is empty; returns how many were added."""
    await uow.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SEED_LOCK})
    repo = TemplateRepository(uow.session)
    if await repo.count() > 0:
        await uow.rollback()
        return 0
    added = 0
    for item in domain.default_templates():
        template = NoticeTemplate(
            id=uuid.uuid4(),
            name=item["name"],
            kind=item["kind"],
            job_family=item["job_family"],
            stage=item["stage"],
            locale=item["locale"],
            channel=item["channel"],
            subject=item.get("subject"),
            body=item["body"],
            version=1,
            updated_by="defaults",
        )
        repo.add(template)
        uow.session.add(_version_of(template, "defaults"))
        added += 1
    await uow.commit()
    log.info("templates.seeded", count=added)
    return added
