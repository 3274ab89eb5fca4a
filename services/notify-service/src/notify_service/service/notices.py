"""Notices written from events: a rejection's or an invitation's notice per channel.

A notice is rendered when it is created, so HR sees (and the compliance guard checks)
exactly the text the candidate will get; the dispatcher only delivers it. A rejection's
strengths, reasons and suggestions are phrased for the candidate's language first
(`talentloop_shared.language`); a phrase that could not be fitted into the notice holds
it for review, the way flagged wording does.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import ColumnDefault, Table, insert

from notify_service import domain
from notify_service.db.models import NoticeSettings, Notification
from notify_service.db.repositories import ErasureRepository, SettingsRepository
from notify_service.domain.alerts import position_title
from notify_service.service.state import notify_state
from notify_service.service.template_cache import TemplateRow
from notify_service.service.wakeups import wake_dispatchers
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import (
    CandidateInfo,
    CandidateRejected,
    PositionRef,
    TalentInvited,
)
from talentloop_shared.i18n import DEFAULT_LOCALE, try_canonical_locale
from talentloop_shared.logging import get_logger

log = get_logger(__name__)


def _contact(candidate: CandidateInfo, channel: str) -> str | None:
    value = candidate.email if channel == "email" else candidate.phone
    return value.strip() if value and value.strip() else None


def sms_params(
    candidate: CandidateInfo, position: PositionRef, notice: Notification
) -> dict[str, str]:
    """What a provider-approved SMS template may show (NOTIFY_SMS_TEMPLATES names which):
    the candidate's name, the position's title in their language, the survey link."""
    params = {
        "name": candidate.name,
        "position": position_title(position, notice.locale),
    }
    if notice.survey_url:
        params["survey_link"] = notice.survey_url
    return params


@dataclass
class _Draft:
    """What every notice of one event shares."""

    kind: str
    event_id: str
    occurred_at: datetime
    candidate: CandidateInfo
    position: PositionRef
    settings: NoticeSettings
    stage: str | None = None
    band: str | None = None
    background: str | None = None
    delay_minutes: int = 0
    application_id: str | None = None
    invitation_id: str | None = None

    @property
    def send_at(self) -> datetime:
        """After the delay, outside the candidate's quiet hours."""
        return domain.compute_send_at(
            self.occurred_at,
            delay_minutes=self.delay_minutes,
            tz=self.candidate.timezone,
            quiet_start=self.settings.quiet_start,
            quiet_end=self.settings.quiet_end,
        )

    def notice(self, channel: str) -> Notification:
        """A new, not yet rendered notice over `channel`."""
        return Notification(
            id=uuid.uuid4(),
            kind=self.kind,
            source_event_id=self.event_id,
            application_id=self.application_id,
            invitation_id=self.invitation_id,
            candidate_id=self.candidate.id,
            position_id=self.position.id,
            job_family=self.position.job_family,
            stage=self.stage,
            locale=try_canonical_locale(self.candidate.locale) or DEFAULT_LOCALE,
            timezone=self.candidate.timezone or "UTC",
            channel=channel,
            recipient=_contact(self.candidate, channel),
            cc=self.settings.cc_hr if channel == "email" else None,
            flags=[],
            occurred_at=self.occurred_at,
            send_at=self.send_at,
            attempts=0,
        )


async def _fill(
    uow: UnitOfWork,
    notice: Notification,
    *,
    templates: Sequence[TemplateRow],
    context: dict[str, Any],
    input_texts: list[tuple[str, str]],
    hold_for_review: bool,
    band: str | None = None,
    background: str | None = None,
    phrasing: Sequence[dict[str, Any]] = (),
) -> None:
    """Pick the template, render, run the compliance guard and set the notice's status;
    `phrasing` lists the phrases that could not be fitted (they hold the notice too)."""
    if notice.recipient is None:
        notice.status = "cancelled"
        notice.status_reason = (
            "not sent: the candidate has no email address"
            if notice.channel == "email"
            else "not sent: the candidate has no phone number"
        )
        notice.send_at = None
        return
    template = domain.select_template(
        templates,
        kind=notice.kind,
        job_family=notice.job_family,
        stage=notice.stage,
        locale=notice.locale,
        channel=notice.channel,
        band=band,
        background=background,
    )
    if template is None:
        notice.status = "failed"
        notice.last_error = f"no {notice.kind} template for channel {notice.channel}"
        return
    notice.template_id, notice.template_version = template.id, template.version
    notice.template_name = template.name
    email = notice.channel == "email"
    try:
        rendered, notice.flags = await notify_state(uow).renderer.render(
            template.subject if email else None,
            template.body,
            context,
            html=email,
            inputs=input_texts,
        )
    except domain.TemplateError as exc:
        notice.status = "failed"
        notice.last_error = f"template {template.name} v{template.version} failed: {exc}"
        return
    notice.subject, notice.body_text, notice.body_html = (
        rendered.subject,
        rendered.text,
        rendered.html,
    )
    if notice.flags:
        notice.status = "pending_review"
        phrases = ", ".join(sorted({f["phrase"] for f in notice.flags}))
        notice.status_reason = f"held for review: flagged wording ({phrases})"
        if phrasing:
            notice.flags = [*notice.flags, *phrasing]
    elif phrasing:
        notice.status = "pending_review"
        notice.flags = list(phrasing)
        why = "; ".join(f"{f['source']}: {f['why']}" for f in phrasing)
        notice.status_reason = f"held for review: wording to check before it is sent ({why})"
    elif hold_for_review:
        notice.status = "pending_review"
        notice.status_reason = "held for review: settings require HR approval of every notice"
    else:
        notice.status = "scheduled"


async def _erased(uow: UnitOfWork, candidate_id: str, *, kind: str, event_id: str) -> bool:
    """Whether the candidate was erased: then an event about them (late, or replayed from
    the DLQ) writes no notice, so their address does not come back."""
    if not await ErasureRepository(uow.session).is_erased(candidate_id):
        return False
    log.info(
        "notice.skipped_erased_candidate", candidate_id=candidate_id, kind=kind, event_id=event_id
    )
    return True


async def create_rejection_notices(
    uow: UnitOfWork, *, payload: CandidateRejected, event_id: str
) -> list[Notification]:
    """One notice per requested channel for a rejected candidate (does not commit)."""
    if not payload.notify.send:
        # HR chose not to notify; recruiting-service keeps that decision, we record nothing.
        log.info("notice.not_requested", application_id=payload.application_id)
        return []
    if await _erased(uow, payload.candidate.id, kind="rejection", event_id=event_id):
        return []
    rejection = await _rejection(uow, payload, event_id=event_id)
    return await _write(
        uow,
        [(notice, context) for notice, context, _ in rejection.drafts],
        rejection.templates,
        rejection.inputs,
        hold_for_review=rejection.settings.review_required,
        band=rejection.draft.band,
        background=rejection.draft.background,
        phrasing={notice.channel: flags for notice, _, flags in rejection.drafts},
    )


async def preview_rejection_notice(
    uow: UnitOfWork, *, payload: CandidateRejected
) -> list[Notification]:
    """The notices a `candidate-rejected` with this payload would write, one per channel,
    chosen, rendered and checked by the same code as the real ones, but not stored (their
    survey links lead nowhere): what HR sees before rejecting is what the candidate gets."""
    rejection = await _rejection(uow, payload, event_id="preview")
    notices = []
    for notice, context, flags in rejection.drafts:
        await _fill(
            uow,
            notice,
            templates=rejection.templates,
            context=context,
            input_texts=rejection.inputs,
            hold_for_review=rejection.settings.review_required,
            band=rejection.draft.band,
            background=rejection.draft.background,
            phrasing=flags,
        )
        notices.append(notice)
    return notices


@dataclass
class _Rejection:
    """A rejection's notices before rendering: each with its context and phrasing flags."""

    draft: _Draft
    settings: NoticeSettings
    templates: Sequence[TemplateRow]
    inputs: list[tuple[str, str]]
    drafts: list[tuple[Notification, dict[str, Any], list[dict[str, Any]]]]


async def _rejection(uow: UnitOfWork, payload: CandidateRejected, *, event_id: str) -> _Rejection:
    state = notify_state(uow)
    settings = await SettingsRepository(uow.session).get()
    templates = await state.templates.of_kind(uow, "rejection")
    delay = payload.notify.delay_minutes
    draft = _Draft(
        "rejection",
        event_id,
        payload.rejected_at,
        payload.candidate,
        payload.position,
        settings,
        stage=payload.stage,
        band=payload.scorecard.band if payload.scorecard else None,
        background=payload.candidate.background,
        delay_minutes=settings.default_delay_minutes if delay is None else delay,
        application_id=payload.application_id,
    )
    inputs = (
        [("strengths", s) for s in payload.strengths]
        + [("reasons", r.text) for r in payload.reasons]
        + [("suggestions", s) for s in payload.suggestions]
    )
    drafts = []
    for channel in dict.fromkeys(payload.notify.channels):
        notice = draft.notice(channel)
        expires_at = draft.send_at + timedelta(days=settings.survey_expiry_days)
        notice.survey_url = state.survey_links.url(notice.id, expires_at)
        if channel == "sms":
            notice.params = sms_params(payload.candidate, payload.position, notice)
        phrased = domain.phrased_rejection(payload, notice.locale, packs=state.packs)
        context = domain.rejection_context(
            payload,
            survey_url=notice.survey_url,
            company_name=settings.company_name,
            locale=notice.locale,
            packs=state.packs,
            phrased=phrased,
        )
        drafts.append((notice, context, domain.phrasing_flags(phrased, packs=state.packs)))
    return _Rejection(draft, settings, templates, inputs, drafts)


async def create_invitation_notices(
    uow: UnitOfWork, *, payload: TalentInvited, event_id: str
) -> list[Notification]:
    """An invitation by email (and SMS when there is a phone number); does not commit."""
    if await _erased(uow, payload.candidate.id, kind="invitation", event_id=event_id):
        return []
    settings = await SettingsRepository(uow.session).get()
    templates = await notify_state(uow).templates.of_kind(uow, "invitation")
    draft = _Draft(
        "invitation",
        event_id,
        payload.invited_at,
        payload.candidate,
        payload.position,
        settings,
        invitation_id=payload.invitation_id,
    )
    context = domain.invitation_context(
        payload,
        company_name=settings.company_name,
        locale=try_canonical_locale(payload.candidate.locale) or DEFAULT_LOCALE,
    )
    inputs = [("message", payload.message)] if payload.message else []
    channels = ["email"] + (["sms"] if _contact(payload.candidate, "sms") else [])
    drafts = [(draft.notice(channel), context) for channel in channels]
    for notice, _ in drafts:
        if notice.channel == "sms":
            notice.params = sms_params(payload.candidate, payload.position, notice)
    # Invitations are good news: only flagged wording holds them, not review_required.
    return await _write(uow, drafts, templates, inputs, hold_for_review=False)


_NOTICES = cast(Table, Notification.__table__)  # declared as FromClause; mapped to a Table
_INSERTED = [c for c in _NOTICES.columns if c.server_default is None or c.default is not None]
"""Every column the INSERT names: all but those only the database fills (created_at…)."""


def _row(notice: Notification) -> dict[str, Any]:
    """A new notice's column values, with the column's default where none was set."""
    row: dict[str, Any] = {}
    state = notice.__dict__
    for column in _INSERTED:
        if column.key in state:
            row[column.key] = state[column.key]
        elif isinstance(column.default, ColumnDefault):
            default = column.default
            row[column.key] = default.arg(None) if default.is_callable else default.arg
        else:
            row[column.key] = None
    return row


async def _write(
    uow: UnitOfWork,
    drafts: list[tuple[Notification, dict[str, Any]]],
    templates: Sequence[TemplateRow],
    inputs: list[tuple[str, str]],
    *,
    hold_for_review: bool,
    band: str | None = None,
    background: str | None = None,
    phrasing: dict[str, list[dict[str, Any]]] | None = None,
) -> list[Notification]:
    """Render each new notice with its context, store them, wake the dispatcher."""
    notices = []
    for notice, context in drafts:
        await _fill(
            uow,
            notice,
            templates=templates,
            context=context,
            input_texts=inputs,
            hold_for_review=hold_for_review,
            band=band,
            background=background,
            phrasing=(phrasing or {}).get(notice.channel, ()),
        )
        notices.append(notice)
    for notice in notices:
        log.info(
            "notice.created",
            notification_id=str(notice.id),
            kind=notice.kind,
            channel=notice.channel,
            status=notice.status,
        )
    # One Core INSERT for the event's notices: the ORM unit of work (session.add + flush)
    # cost several times the statement itself on the consumer's path. The notices returned
    # are not attached to the session; a later read in this transaction finds the rows.
    await uow.session.execute(insert(_NOTICES), [_row(notice) for notice in notices])
    if any(n.status == "scheduled" for n in notices):
        await wake_dispatchers(uow)
    return notices
