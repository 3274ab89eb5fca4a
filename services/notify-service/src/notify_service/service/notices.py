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
from functools import cached_property
from typing import Any, cast

from sqlalchemy import ColumnDefault, Table, insert

from notify_service import domain
from notify_service.db.models import NoticeSettings, Notification
from notify_service.db.repositories import ErasureRepository, SettingsRepository
from notify_service.domain.alerts import position_title
from notify_service.service.rendering import RenderJob, RenderResult
from notify_service.service.state import notify_state
from notify_service.service.template_cache import TemplateRow
from notify_service.service.wakeups import wake_dispatchers
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events import CloudEvent
from talentloop_shared.events.payloads import (
    CandidateInfo,
    CandidateRejected,
    PositionRef,
    TalentInvited,
)
from talentloop_shared.i18n import DEFAULT_LOCALE, try_canonical_locale
from talentloop_shared.logging import get_logger
from talentloop_shared.messaging import each_event

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

    @cached_property
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


class _Templates:
    """The templates of one kind, and the choice among them for each notice, remembered
    per notice attributes: a batch's notices mostly share them."""

    def __init__(self, rows: Sequence[TemplateRow]) -> None:
        self.rows = rows
        self._chosen: dict[tuple[Any, ...], TemplateRow | None] = {}

    def choose(
        self, notice: Notification, *, band: str | None, background: str | None
    ) -> TemplateRow | None:
        key = (
            notice.kind,
            notice.job_family,
            notice.stage,
            notice.locale,
            notice.channel,
            band,
            background,
        )
        if key not in self._chosen:
            self._chosen[key] = domain.select_template(
                self.rows,
                kind=notice.kind,
                job_family=notice.job_family,
                stage=notice.stage,
                locale=notice.locale,
                channel=notice.channel,
                band=band,
                background=background,
            )
        return self._chosen[key]


@dataclass
class _Job:
    """A notice to render: its template, its context and what decides its status."""

    notice: Notification
    template: TemplateRow
    context: dict[str, Any]
    input_texts: list[tuple[str, str]]
    hold_for_review: bool
    phrasing: Sequence[dict[str, Any]] = ()

    def render_job(self) -> RenderJob:
        email = self.notice.channel == "email"
        subject = self.template.subject if email else None
        return (subject, self.template.body, self.context, email, self.input_texts)


def _choose(
    notice: Notification,
    templates: _Templates,
    *,
    band: str | None = None,
    background: str | None = None,
) -> TemplateRow | None:
    """The notice's template; None, with the notice cancelled (nobody to send it to) or
    failed (no template fits), when it is not to be rendered."""
    if notice.recipient is None:
        notice.status = "cancelled"
        notice.status_reason = (
            "not sent: the candidate has no email address"
            if notice.channel == "email"
            else "not sent: the candidate has no phone number"
        )
        notice.send_at = None
        return None
    template = templates.choose(notice, band=band, background=background)
    if template is None:
        notice.status = "failed"
        notice.last_error = f"no {notice.kind} template for channel {notice.channel}"
        return None
    notice.template_id, notice.template_version = template.id, template.version
    notice.template_name = template.name
    return template


def _settle(job: _Job, result: RenderResult | domain.TemplateError) -> None:
    """Set a rendered notice's text and status from the render and the compliance flags;
    `phrasing` lists the phrases that could not be fitted (they hold the notice too)."""
    notice, template, phrasing = job.notice, job.template, job.phrasing
    if isinstance(result, domain.TemplateError):
        notice.status = "failed"
        notice.last_error = f"template {template.name} v{template.version} failed: {result}"
        return
    rendered, notice.flags = result
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
    elif job.hold_for_review:
        notice.status = "pending_review"
        notice.status_reason = "held for review: settings require HR approval of every notice"
    else:
        notice.status = "scheduled"


async def _render_jobs(uow: UnitOfWork, jobs: Sequence[_Job]) -> None:
    """Render the jobs with one hand-over to the renderer's worker, and settle each."""
    try:
        results = await notify_state(uow).renderer.render_many([j.render_job() for j in jobs])
    except domain.TemplateError as exc:  # past the budget of them all
        results = [exc] * len(jobs)
    for job, result in zip(jobs, results, strict=True):
        _settle(job, result)


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
    template = _choose(notice, _Templates(templates), band=band, background=background)
    if template is not None:
        job = _Job(notice, template, context, input_texts, hold_for_review, phrasing)
        await _render_jobs(uow, [job])


async def _erased(uow: UnitOfWork, candidate_id: str, *, kind: str, event_id: str) -> bool:
    """Whether the candidate was erased: then an event about them (late, or replayed from
    the DLQ) writes no notice, so their address does not come back."""
    if not await ErasureRepository(uow.session).is_erased(candidate_id):
        return False
    _log_erased(candidate_id, kind=kind, event_id=event_id)
    return True


def _log_erased(candidate_id: str, *, kind: str, event_id: str) -> None:
    log.info(
        "notice.skipped_erased_candidate", candidate_id=candidate_id, kind=kind, event_id=event_id
    )


async def create_rejection_notices(
    uow: UnitOfWork, *, payload: CandidateRejected, event_id: str
) -> list[Notification]:
    """One notice per requested channel for a rejected candidate (does not commit)."""
    # Of the envelope only the id (and the traceparent, none here) is read.
    event = CloudEvent(
        id=event_id, source="/recruiting-service", type=CandidateRejected.EVENT_TYPE, time=""
    )
    [notices] = await create_rejection_notices_many(uow, [(payload, event)])
    return notices


async def create_rejection_notices_many(
    uow: UnitOfWork, rejections: Sequence[tuple[CandidateRejected, CloudEvent]]
) -> list[list[Notification]]:
    """`create_rejection_notices` for a run of rejections (a consumer batch), each as if
    alone and in the order given, but what they share is read once (the settings, the
    templates, which of their candidates were erased) and all their notices are written
    with one INSERT. The notices of each rejection, in the order given; does not commit."""
    wanted: list[int] = []  # positions in `rejections` that ask for notices
    for i, (payload, _) in enumerate(each_event(rejections)):
        if payload.notify.send:
            wanted.append(i)
        else:
            # HR chose not to notify; recruiting-service keeps that decision, we record nothing.
            log.info("notice.not_requested", application_id=payload.application_id)
    written: list[list[Notification]] = [[] for _ in rejections]
    if not wanted:
        return written
    erased = await ErasureRepository(uow.session).erased_among(
        [rejections[i][0].candidate.id for i in wanted]
    )
    settings = await SettingsRepository(uow.session).get()
    templates = _Templates(await notify_state(uow).templates.of_kind(uow, "rejection"))
    asking = [rejections[i] for i in wanted]
    jobs: list[_Job] = []
    for i, (payload, event) in zip(wanted, each_event(asking), strict=True):
        if payload.candidate.id in erased:
            _log_erased(payload.candidate.id, kind="rejection", event_id=event.id)
            continue
        rejection = _rejection(uow, payload, event_id=event.id, settings=settings)
        written[i] = rejection.notices()
        jobs += rejection.jobs(templates, hold_for_review=settings.review_required)
    await _render_jobs(uow, jobs)
    for i, _ in zip(wanted, each_event(asking), strict=True):
        _log_created(written[i])
    await _store(uow, [notice for notices in written for notice in notices])
    return written


async def preview_rejection_notice(
    uow: UnitOfWork, *, payload: CandidateRejected
) -> list[Notification]:
    """The notices a `candidate-rejected` with this payload would write, one per channel,
    chosen, rendered and checked by the same code as the real ones, but not stored (their
    survey links lead nowhere): what HR sees before rejecting is what the candidate gets."""
    settings = await SettingsRepository(uow.session).get()
    templates = _Templates(await notify_state(uow).templates.of_kind(uow, "rejection"))
    rejection = _rejection(uow, payload, event_id="preview", settings=settings)
    await _render_jobs(uow, rejection.jobs(templates, hold_for_review=settings.review_required))
    return rejection.notices()


@dataclass
class _Rejection:
    """A rejection's notices before rendering: each with its context and phrasing flags."""

    draft: _Draft
    inputs: list[tuple[str, str]]
    drafts: list[tuple[Notification, dict[str, Any], list[dict[str, Any]]]]

    def notices(self) -> list[Notification]:
        """The notices, one per channel."""
        return [notice for notice, _, _ in self.drafts]

    def jobs(self, templates: _Templates, *, hold_for_review: bool) -> list[_Job]:
        """What to render: each notice that has a recipient and a template (`_choose`)."""
        jobs = []
        band, background = self.draft.band, self.draft.background
        for notice, context, flags in self.drafts:
            template = _choose(notice, templates, band=band, background=background)
            if template is not None:
                jobs.append(_Job(notice, template, context, self.inputs, hold_for_review, flags))
        return jobs


def _rejection(
    uow: UnitOfWork, payload: CandidateRejected, *, event_id: str, settings: NoticeSettings
) -> _Rejection:
    state = notify_state(uow)
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
    return _Rejection(draft, inputs, drafts)


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
    notices = await _render(uow, drafts, templates, inputs, hold_for_review=False)
    await _store(uow, notices)
    return notices


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


async def _render(
    uow: UnitOfWork,
    drafts: list[tuple[Notification, dict[str, Any]]],
    templates: Sequence[TemplateRow],
    inputs: list[tuple[str, str]],
    *,
    hold_for_review: bool,
) -> list[Notification]:
    """Render one event's new notices, each with its context."""
    chosen = _Templates(templates)
    jobs = []
    for notice, context in drafts:
        template = _choose(notice, chosen)
        if template is not None:
            jobs.append(_Job(notice, template, context, inputs, hold_for_review))
    await _render_jobs(uow, jobs)
    notices = [notice for notice, _ in drafts]
    _log_created(notices)
    return notices


def _log_created(notices: Sequence[Notification]) -> None:
    for notice in notices:
        log.info(
            "notice.created",
            notification_id=str(notice.id),
            kind=notice.kind,
            channel=notice.channel,
            status=notice.status,
        )


async def _store(uow: UnitOfWork, notices: Sequence[Notification]) -> None:
    """Write new notices with one Core INSERT and wake the dispatcher if one is due.

    The ORM unit of work (session.add + flush) cost several times the statement itself on
    the consumer's path. The notices are not attached to the session; a later read in this
    transaction finds the rows."""
    if not notices:
        return
    await uow.session.execute(insert(_NOTICES), [_row(notice) for notice in notices])
    if any(n.status == "scheduled" for n in notices):
        await wake_dispatchers(uow)
