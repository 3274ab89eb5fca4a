"""Template library use cases: create, edit (new version), preview, seed the defaults."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select, text

from notify_service import domain
from notify_service.db.models import NoticeTemplate, TemplateVersion
from notify_service.db.repositories import SettingsRepository, TemplateRepository
from notify_service.service.alerts import alert_templates_to_review
from notify_service.service.inputs import TemplateCreate, TemplatePreviewRequest, TemplateUpdate
from notify_service.service.state import notify_state
from talentloop_shared.db import KeysetOrder, UnitOfWork
from talentloop_shared.errors import (
    Conflict,
    ExpectedVersion,
    FieldInvalid,
    Invalid,
    ProblemError,
)
from talentloop_shared.events.payloads import (
    CandidateRejected,
    InterviewCancelled,
    InterviewDetails,
    InterviewRescheduled,
    InterviewScheduled,
    TalentInvited,
)
from talentloop_shared.i18n import try_canonical_locale
from talentloop_shared.logging import get_logger
from talentloop_shared.pagination import Page

log = get_logger(__name__)
_SEED_LOCK = 0x6E6F7469  # advisory lock: two replicas starting at once seed only once

TEMPLATES = KeysetOrder(
    NoticeTemplate.kind,
    NoticeTemplate.job_family,
    NoticeTemplate.stage,
    NoticeTemplate.band,
    NoticeTemplate.background,
    NoticeTemplate.locale,
    NoticeTemplate.channel,
    NoticeTemplate.id,
)
"""The template list's order and cursor: by key (kind, job family, stage, band, background,
language, channel), so a kind's templates stand together, however they were added."""


class TemplateInvalid(Invalid):
    """422 naming every problem (syntax, unknown variable, render limit) in a template;
    `limits` lists the render limits it broke, by name."""

    def __init__(self, problems: Sequence[domain.TemplateProblem]) -> None:
        errors = [
            {"loc": ["body", p.field], "msg": p.msg + (f" (line {p.line})" if p.line else "")}
            for p in problems
        ]
        detail = "; ".join(f"{p.field}: {p.msg}" for p in problems[:3])
        super().__init__(f"the template has problems: {detail}", errors)
        limits = sorted({p.limit for p in problems if p.limit})
        if limits:
            self.extensions = {"limits": limits}


class TemplateKeyTaken(Conflict):
    """409: the library has a template for this key (kind, family, stage, band, background,
    locale and channel)."""

    def __init__(self, existing: uuid.UUID) -> None:
        super().__init__(
            "a template for this kind, job family, stage, band, background, locale and "
            f"channel exists: "
            f"{existing}; edit it instead (PATCH creates a new version)"
        )


@dataclass(frozen=True, slots=True)
class TemplatePreviewResult:
    """A rendered preview and what the compliance guard flagged in it."""

    rendered: domain.Rendered
    flags: list[dict[str, Any]]


async def check_template(
    uow: UnitOfWork, subject: str | None, body: str, *, kind: str, channel: str
) -> None:
    """422 naming every problem (syntax, unknown variable, render limit) in a template."""
    if channel == "sms" and subject:
        raise FieldInvalid("subject", "SMS templates have no subject")
    renderer = notify_state(uow).renderer
    problems = await renderer.validate(subject, body, kind=kind, channel=channel)
    if problems:
        raise TemplateInvalid(problems)


def default_name(
    kind: str,
    job_family: str,
    stage: str,
    locale: str,
    channel: str,
    band: str = "*",
    background: str = "*",
) -> str:
    """A readable name for a template key (band and background only when set)."""
    fam = "general" if job_family == "*" else job_family
    stg = "any" if stage == "*" else stage
    extra = "".join(f"-{v}" for v in (band, background) if v and v != "*")
    return f"{kind}-{fam}-{stg}{extra}-{locale}-{channel}"


def _new_template(uow: UnitOfWork, values: dict[str, Any], *, by: str) -> NoticeTemplate:
    """Version 1 of a template, added to the session with its version row."""
    template = NoticeTemplate(id=uuid.uuid4(), version=1, updated_by=by, **values)
    uow.session.add(template)
    uow.session.add(_version_of(template, by))
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


async def create_template(uow: UnitOfWork, *, data: TemplateCreate, by: str) -> NoticeTemplate:
    """Add a template (version 1) after validating it."""
    await check_template(uow, data.subject, data.body, kind=data.kind, channel=data.channel)
    values = data.model_dump()
    values["name"] = data.name or default_name(
        data.kind,
        data.job_family,
        data.stage,
        data.locale,
        data.channel,
        band=data.band,
        background=data.background,
    )
    exists = await uow.session.scalar(
        select(NoticeTemplate.id).where(
            NoticeTemplate.kind == data.kind,
            NoticeTemplate.job_family == data.job_family,
            NoticeTemplate.stage == data.stage,
            NoticeTemplate.band == data.band,
            NoticeTemplate.background == data.background,
            NoticeTemplate.locale == data.locale,
            NoticeTemplate.channel == data.channel,
        )
    )
    if exists is not None:
        raise TemplateKeyTaken(exists)
    template = _new_template(uow, values, by=by)
    await uow.commit()
    return template


async def get_template(uow: UnitOfWork, template_id: uuid.UUID) -> NoticeTemplate:
    """A template, or 404."""
    return await TemplateRepository(uow.session).get_or_raise(template_id)


async def list_templates(
    uow: UnitOfWork,
    *,
    kind: str | None = None,
    job_family: str | None = None,
    stage: str | None = None,
    band: str | None = None,
    background: str | None = None,
    locale: str | None = None,
    channel: str | None = None,
    shipped_changed: bool | None = None,
    limit: int,
    cursor: str | None = None,
) -> Page[NoticeTemplate]:
    """Templates matching the filters, by key (`TEMPLATES`), one page from `cursor`."""
    filters = {
        "kind": kind,
        "job_family": job_family,
        "stage": stage,
        "band": band,
        "background": background,
        "locale": (try_canonical_locale(locale) or locale) if locale else None,
        "channel": channel,
    }
    stmt = select(NoticeTemplate)
    for field, value in filters.items():
        if value:
            stmt = stmt.where(getattr(NoticeTemplate, field) == value)
    if shipped_changed is not None:
        stmt = stmt.where(NoticeTemplate.shipped_changed.is_(shipped_changed))
    return await TEMPLATES.page(uow.session, stmt, cursor=cursor, limit=limit)


async def update_template(
    uow: UnitOfWork,
    *,
    template_id: uuid.UUID,
    changes: TemplateUpdate,
    expected: ExpectedVersion,
    by: str,
) -> NoticeTemplate:
    """Edit a template: a text change creates a new version; old versions are kept."""
    template = await TemplateRepository(uow.session).get_for_change(template_id, expected)
    given = changes.model_fields_set
    subject = changes.subject if "subject" in given else template.subject
    body = changes.body or template.body
    name = changes.name or template.name
    shipped = _shipped(uow, template)
    if changes.shipped_reviewed and shipped is None:
        raise FieldInvalid(
            "shipped_reviewed", "this template has no shipped text: it is the company's own"
        )
    if (
        changes.shipped_reviewed
        and shipped is not None
        and changes.shipped_digest is not None
        and changes.shipped_digest != _digest_of(shipped)
    ):
        raise Conflict(
            "the shipped text changed since it was compared (a new release): read it again "
            "(GET …/shipped) before keeping yours"
        )
    if changes.shipped_reviewed:
        log.info("templates.shipped_reviewed", template_id=str(template.id), by=by)
    # Reviewed, or set to the shipped text itself: set against this release's text.
    reviewed = shipped is not None and (
        changes.shipped_reviewed or (subject, body) == (shipped.get("subject"), shipped["body"])
    )
    if reviewed and shipped is not None:
        _set_against(template, shipped)
    if (subject, body, name) == (template.subject, template.body, template.name):
        if reviewed:  # no new text, no new version: only the review is written
            await uow.commit()
            await uow.session.refresh(template)
        return template
    await check_template(uow, subject, body, kind=template.kind, channel=template.channel)
    template.subject, template.body, template.name = subject, body, name
    template.version += 1
    template.updated_by = by
    template.updated_at = func.now()
    uow.session.add(_version_of(template, by))
    await uow.commit()
    await uow.session.refresh(template)
    return template


async def template_versions(uow: UnitOfWork, template_id: uuid.UUID) -> Sequence[TemplateVersion]:
    """Every version of a template."""
    await get_template(uow, template_id)
    return await TemplateRepository(uow.session).versions(template_id)


_PREVIEW_EVENTS = {
    "invitation": "talent-invited",
    "interview_invitation": "interview-scheduled",
    "interview_update": "interview-rescheduled",
    "interview_cancellation": "interview-cancelled",
    "interview_reminder": "interview-scheduled",
    "scorecard_due": "interview-scheduled",
}


def _interview_preview(
    uow: UnitOfWork, kind: str, payload: dict[str, Any], company: str
) -> dict[str, Any]:
    """An interview template's context from a payload, as the candidate's email (a
    scorecard reminder: as the first panel member's)."""
    details: InterviewDetails
    if kind == "scorecard_due":
        details = InterviewScheduled.model_validate(payload)
        reader = details.panel[0] if details.panel else details.candidate
        url = notify_state(uow).links.scorecard(details.interview_id)
        return domain.interview_context(
            details, reader=reader, is_candidate=False, company_name=company, scorecard_url=url
        )
    previous_start, reason, lead_minutes = None, None, None
    if kind == "interview_update":
        moved = InterviewRescheduled.model_validate(payload)
        details, previous_start = moved, moved.previous_start
    elif kind == "interview_cancellation":
        cancelled = InterviewCancelled.model_validate(payload)
        details, reason = cancelled, cancelled.reason
    else:
        details = InterviewScheduled.model_validate(payload)
        lead_minutes = 24 * 60 if kind == "interview_reminder" else None
    return domain.interview_context(
        details,
        reader=details.candidate,
        is_candidate=True,
        company_name=company,
        previous_start=previous_start,
        reason=reason,
        lead_minutes=lead_minutes,
    )


def _payload_context(
    uow: UnitOfWork, kind: str, payload: dict[str, Any], company: str, locale: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The context of a payload in the template's language, and the phrasing flags."""
    try:
        if kind in domain.INTERVIEW_KINDS:
            return _interview_preview(uow, kind, payload, company), []
        if kind == "invitation":
            invited = TalentInvited.model_validate(payload)
            return domain.invitation_context(invited, company_name=company, locale=locale), []
        rejected = CandidateRejected.model_validate(payload)
        packs = notify_state(uow).packs
        phrased = domain.phrased_rejection(rejected, locale, packs=packs)
        context = domain.rejection_context(
            rejected,
            survey_url="https://example.com/survey/PREVIEW",
            company_name=company,
            locale=locale,
            packs=packs,
            phrased=phrased,
        )
        return context, domain.phrasing_flags(phrased, packs=packs)
    except ValidationError as exc:
        errors = [{"loc": ["body", "payload", *e["loc"]], "msg": e["msg"]} for e in exc.errors()]
        event = _PREVIEW_EVENTS.get(kind, "candidate-rejected")
        raise Invalid(f"payload: not a valid {event} payload", errors) from None


async def preview_template(
    uow: UnitOfWork, *, template_id: uuid.UUID, request: TemplatePreviewRequest
) -> TemplatePreviewResult:
    """Render a template (or unsaved text) against a payload or the sample; flags too."""
    template = await get_template(uow, template_id)
    subject = request.subject if request.subject is not None else template.subject
    body = request.body if request.body is not None else template.body
    phrasing: list[dict[str, Any]] = []
    if request.payload is not None:
        company = (await SettingsRepository(uow.session).get()).company_name
        context, phrasing = _payload_context(
            uow, template.kind, request.payload, company, template.locale
        )
    else:
        context = domain.sample_context(template.kind, locale=template.locale)
    email = template.channel == "email"
    try:
        rendered, flags = await notify_state(uow).renderer.render(
            subject if email else None, body, context, html=email
        )
    except domain.TemplateError as exc:
        raise TemplateInvalid(exc.problems) from None
    return TemplatePreviewResult(rendered, flags + phrasing)


SEEDED_BY = "defaults"
"""`updated_by` of a template as shipped: seeded, and never edited since."""


@dataclass(frozen=True, slots=True)
class ShippedText:
    """What this release ships for a template's key, and whether it differs from the
    shipped text the template was last set against (only ever for one HR edited)."""

    subject: str | None
    body: str
    changed: bool
    digest: str


def _key_of(template: NoticeTemplate) -> tuple[str, ...]:
    return domain.template_key({f: getattr(template, f) for f in domain.TEMPLATE_KEY_FIELDS})


def _shipped(uow: UnitOfWork, template: NoticeTemplate) -> Mapping[str, Any] | None:
    return domain.shipped_template(_key_of(template), notify_state(uow).packs)


def _digest_of(shipped: Mapping[str, Any]) -> str:
    return domain.text_digest(shipped.get("subject"), shipped["body"])


def _set_against(template: NoticeTemplate, shipped: Mapping[str, Any]) -> None:
    """The template is now set against this shipped text: nothing left to review."""
    template.shipped_digest = _digest_of(shipped)
    template.shipped_changed = False


async def shipped_text(uow: UnitOfWork, template_id: uuid.UUID) -> ShippedText:
    """The text this release ships for a template's key (404 for a company's own key),
    to compare with HR's edit or to put back in the editor."""
    template = await get_template(uow, template_id)
    shipped = _shipped(uow, template)
    if shipped is None:
        raise ProblemError(
            404,
            "Not Found",
            "no shipped text for this template: its kind, job family, stage, band, "
            "background, language and channel are the company's own",
            type_="not-found",
        )
    return ShippedText(
        shipped.get("subject"),
        shipped["body"],
        template.shipped_changed,
        _digest_of(shipped),
    )


async def _digests_of_seeded_versions(
    uow: UnitOfWork, templates: Sequence[NoticeTemplate]
) -> dict[uuid.UUID, str]:
    """For templates kept from before `shipped_digest` existed: the digest of the last
    text seeded into each (the shipped text HR's edit started from)."""
    if not templates:
        return {}
    rows = await uow.session.execute(
        select(TemplateVersion.template_id, TemplateVersion.subject, TemplateVersion.body)
        .where(
            TemplateVersion.template_id.in_([t.id for t in templates]),
            TemplateVersion.created_by == SEEDED_BY,
        )
        .order_by(TemplateVersion.version)
    )
    # In version order, so each template ends with its last seeded text.
    return {r.template_id: domain.text_digest(r.subject, r.body) for r in rows}


async def seed_default_templates(uow: UnitOfWork) -> int:
    """Bring the library up to the shipped templates (notify's own and every language
    pack's); returns how many were added, updated or marked for review. A default whose
    key the library does not hold is added (a new language pack, a new kind). A template
    still as shipped, that nobody edited since it was seeded, follows a newer shipped text
    as a new version (a release's fix or new line reaches it). One HR edited is never
    changed: if the shipped text differs from the one it was set against, it is marked
    `shipped_changed` for HR to review (GET /templates/{id}/shipped)."""
    await uow.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SEED_LOCK})
    # Locked: HR's PATCH on another replica waits, so a mark and a review never interleave.
    rows = await uow.session.scalars(select(NoticeTemplate).with_for_update())
    held = {_key_of(t): t for t in rows}
    defaults = domain.default_templates(notify_state(uow).packs)
    shipped_keys = {domain.template_key(item) for item in defaults}
    unknown = [
        t
        for key, t in held.items()
        if key in shipped_keys
        and t.updated_by != SEEDED_BY
        and t.shipped_digest is None
        and not t.shipped_changed
    ]
    seeded_digests = await _digests_of_seeded_versions(uow, unknown)
    fields = ("name", "kind", "job_family", "stage", "band", "background", "locale")
    keys = (*fields, "channel", "subject", "body")
    added = updated = 0
    to_review: dict[str, str] = {}  # template id and new shipped digest → name
    changed = False  # anything to commit (a digest kept for the first time counts)
    for item in defaults:
        template = held.get(domain.template_key(item))
        digest = _digest_of(item)
        if template is None:
            template = _new_template(uow, {k: item.get(k) for k in keys}, by=SEEDED_BY)
            _set_against(template, item)
            added += 1
        elif template.updated_by == SEEDED_BY:
            if (template.subject, template.body) != (item.get("subject"), item["body"]):
                template.subject, template.body = item.get("subject"), item["body"]
                template.version += 1
                template.updated_at = func.now()
                uow.session.add(_version_of(template, SEEDED_BY))
                updated += 1
            if template.shipped_digest != digest:
                _set_against(template, item)
                changed = True
        elif not template.shipped_changed:
            # HR's template; a row from before digests were kept is set against what was
            # last seeded into it (none: HR wrote it before this key was shipped).
            against = template.shipped_digest or seeded_digests.get(template.id)
            if against != template.shipped_digest:
                template.shipped_digest = against
                changed = True
            if (template.subject, template.body) == (item.get("subject"), item["body"]):
                if against != digest:  # HR's text is what now ships: nothing to review
                    _set_against(template, item)
                    changed = True
            elif against != digest:
                template.shipped_changed = True
                to_review[f"{template.id}:{digest}"] = template.name
    for key, template in held.items():
        if key not in shipped_keys and (template.shipped_digest or template.shipped_changed):
            # No longer shipped: the company's own from now on, nothing to compare with.
            template.shipped_digest, template.shipped_changed = None, False
            changed = True
    if to_review:
        log.info("templates.shipped_changed", templates=len(to_review))
        release = domain.text_digest(None, "\n".join(sorted(to_review)))
        await alert_templates_to_review(uow, list(to_review.values()), release=release)
    if not (added or updated or to_review or changed):
        await uow.rollback()
        return 0
    await uow.commit()
    log.info("templates.seeded", added=added, updated=updated, to_review=len(to_review))
    return added + updated + len(to_review)
