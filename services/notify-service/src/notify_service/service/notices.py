"""Notices: created from events (rejections, invitations), then held, cancelled, approved.

A notice is rendered when it is created, so HR sees (and the compliance guard checks)
exactly the text the candidate will get; the dispatcher only delivers it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, literal, select, text, tuple_

from notify_service import domain
from notify_service.config import Settings
from notify_service.db.models import NoticeSettings, NoticeTemplate, Notification
from notify_service.db.repositories import (
    ErasureRepository,
    NotificationRepository,
    SettingsRepository,
    TemplateRepository,
)
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import CandidateInfo, CandidateRejected, TalentInvited
from talentloop_shared.http.problems import ProblemError, conflict, not_found, unprocessable
from talentloop_shared.logging import get_logger

log = get_logger(__name__)

WAKE_CHANNEL = "notify_dispatch"
"""LISTEN/NOTIFY channel: a commit that makes a notice due wakes every dispatcher."""

HOLDABLE = {"scheduled", "pending_review", "failed"}


@dataclass(frozen=True, slots=True)
class NoticeConfig:
    """What rendering needs from the process settings (not from HR's settings row)."""

    survey_secret: str
    public_base_url: str

    @classmethod
    def from_settings(cls, settings: Settings) -> NoticeConfig:
        """Read the survey secret and public base URL."""
        return cls(settings.survey_secret, settings.public_base_url.rstrip("/"))

    def survey_url(self, notification_id: uuid.UUID, expires_at: datetime) -> str:
        """The signed, expiring survey link of a notice."""
        token = domain.make_token(
            str(notification_id), secret=self.survey_secret, expires_at=expires_at
        )
        return f"{self.public_base_url}/survey/{token}"


def flags_for(
    inputs: Iterable[tuple[str, str]], rendered: domain.Rendered | None
) -> list[dict[str, Any]]:
    """Compliance flags over labelled input texts and the rendered notice (deduplicated)."""
    sources: list[tuple[str, str]] = list(inputs)
    if rendered is not None:
        if rendered.subject:
            sources.append(("subject", rendered.subject))
        sources.append(("body", rendered.text))
    flags: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for flag in domain.scan(t for _, t in sources):
        key = (flag.category, flag.phrase)
        if key in seen:
            continue
        seen.add(key)
        flags.append(
            {
                "category": flag.category,
                "phrase": flag.phrase,
                "excerpt": flag.text_excerpt,
                "source": sources[flag.text_index][0],
            }
        )
    return flags


async def wake_dispatchers(uow: UnitOfWork, *, broadcast: bool = False) -> None:
    """Wake the dispatcher once this transaction commits (`broadcast`: other processes too)."""
    dispatcher = uow.extras.get("dispatcher")
    if dispatcher is not None:
        # Only after the commit: a dispatcher woken earlier would not see the new rows.
        uow.after_commit(dispatcher.wake)
    if broadcast or dispatcher is None:
        # NOTIFY is transactional (heard only when the commit lands) but serialises commits
        # in PostgreSQL, so the busy event path wakes in-process and other replicas poll.
        await uow.session.execute(text(f"NOTIFY {WAKE_CHANNEL}"))


@dataclass(frozen=True, slots=True)
class TemplateSnapshot:
    """A template's current version, detached from the session (cached between events)."""

    id: uuid.UUID
    name: str
    version: int
    kind: str
    job_family: str
    stage: str
    locale: str
    channel: str
    subject: str | None
    body: str


async def current_templates(uow: UnitOfWork, kind: str) -> list[TemplateSnapshot]:
    """The templates of `kind`, from the per-process cache while the library is unchanged."""
    stamp = tuple(
        (
            await uow.session.execute(
                select(
                    func.count(),
                    func.sum(NoticeTemplate.version),
                    func.max(NoticeTemplate.updated_at),
                ).where(NoticeTemplate.kind == kind)
            )
        ).one()
    )
    cache: dict[str, tuple[tuple[Any, ...], list[TemplateSnapshot]]] | None = uow.extras.get(
        "template_cache"
    )
    if cache is not None and kind in cache and cache[kind][0] == stamp:
        return cache[kind][1]
    rows = await TemplateRepository(uow.session).of_kind(kind)
    snapshot = [
        TemplateSnapshot(
            t.id,
            t.name,
            t.version,
            t.kind,
            t.job_family,
            t.stage,
            t.locale,
            t.channel,
            t.subject,
            t.body,
        )
        for t in rows
    ]
    if cache is not None:
        cache[kind] = (stamp, snapshot)
    return snapshot


def _contact(candidate: CandidateInfo, channel: str) -> str | None:
    value = candidate.email if channel == "email" else candidate.phone
    return value.strip() if value and value.strip() else None


@dataclass
class _Draft:
    kind: str
    event_id: str
    candidate: CandidateInfo
    occurred_at: datetime
    send_at: datetime
    job_family: str | None
    stage: str | None
    position_id: str | None
    application_id: str | None = None
    invitation_id: str | None = None


def _new_notice(d: _Draft, channel: str, settings: NoticeSettings) -> Notification:
    return Notification(
        id=uuid.uuid4(),
        kind=d.kind,
        source_event_id=d.event_id,
        application_id=d.application_id,
        invitation_id=d.invitation_id,
        candidate_id=d.candidate.id,
        position_id=d.position_id,
        job_family=d.job_family,
        stage=d.stage,
        locale=d.candidate.locale or "en",
        timezone=d.candidate.timezone or "UTC",
        channel=channel,
        recipient=_contact(d.candidate, channel),
        cc=settings.cc_hr if channel == "email" else None,
        flags=[],
        occurred_at=d.occurred_at,
        send_at=d.send_at,
        attempts=0,
    )


def _fill(
    notice: Notification,
    *,
    templates: Sequence[TemplateSnapshot],
    context: dict[str, Any],
    input_texts: list[tuple[str, str]],
    hold_for_review: bool,
) -> None:
    """Pick the template, render, run the compliance guard and set the notice's status."""
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
    )
    if template is None:
        notice.status = "failed"
        notice.last_error = f"no {notice.kind} template for channel {notice.channel}"
        return
    notice.template_id, notice.template_version = template.id, template.version
    notice.template_name = template.name
    try:
        rendered = domain.render(
            template.subject if notice.channel == "email" else None,
            template.body,
            context,
            html=notice.channel == "email",
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
    notice.flags = flags_for(input_texts, rendered)
    if notice.flags:
        notice.status = "pending_review"
        phrases = ", ".join(sorted({f["phrase"] for f in notice.flags}))
        notice.status_reason = f"held for review: flagged wording ({phrases})"
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
    uow: UnitOfWork, *, payload: CandidateRejected, event_id: str, config: NoticeConfig
) -> list[Notification]:
    """One notice per requested channel for a rejected candidate (does not commit)."""
    if not payload.notify.send:
        # HR chose not to notify; recruiting-service keeps that decision, we record nothing.
        log.info("notice.not_requested", application_id=payload.application_id)
        return []
    if await _erased(uow, payload.candidate.id, kind="rejection", event_id=event_id):
        return []
    settings = await SettingsRepository(uow.session).get()
    templates = await current_templates(uow, "rejection")
    delay = (
        payload.notify.delay_minutes
        if payload.notify.delay_minutes is not None
        else settings.default_delay_minutes
    )
    send_at = domain.compute_send_at(
        payload.rejected_at,
        delay_minutes=delay,
        tz=payload.candidate.timezone,
        quiet_start=settings.quiet_start,
        quiet_end=settings.quiet_end,
    )
    draft = _Draft(
        kind="rejection",
        event_id=event_id,
        candidate=payload.candidate,
        occurred_at=payload.rejected_at,
        send_at=send_at,
        job_family=payload.position.job_family,
        stage=payload.stage,
        position_id=payload.position.id,
        application_id=payload.application_id,
    )
    inputs = (
        [("strengths", s) for s in payload.strengths]
        + [("reasons", r.text) for r in payload.reasons]
        + [("suggestions", s) for s in payload.suggestions]
    )
    notices = []
    for channel in dict.fromkeys(payload.notify.channels):
        notice = _new_notice(draft, channel, settings)
        notice.survey_url = config.survey_url(
            notice.id, send_at + timedelta(days=settings.survey_expiry_days)
        )
        context = domain.rejection_context(
            payload, survey_url=notice.survey_url, company_name=settings.company_name
        )
        _fill(
            notice,
            templates=templates,
            context=context,
            input_texts=inputs,
            hold_for_review=settings.review_required,
        )
        notices.append(notice)
    return await _store(uow, notices)


async def create_invitation_notices(
    uow: UnitOfWork, *, payload: TalentInvited, event_id: str
) -> list[Notification]:
    """An invitation by email (and SMS when there is a phone number); does not commit."""
    if await _erased(uow, payload.candidate.id, kind="invitation", event_id=event_id):
        return []
    settings = await SettingsRepository(uow.session).get()
    templates = await current_templates(uow, "invitation")
    send_at = domain.compute_send_at(
        payload.invited_at,
        delay_minutes=0,
        tz=payload.candidate.timezone,
        quiet_start=settings.quiet_start,
        quiet_end=settings.quiet_end,
    )
    draft = _Draft(
        kind="invitation",
        event_id=event_id,
        candidate=payload.candidate,
        occurred_at=payload.invited_at,
        send_at=send_at,
        job_family=payload.position.job_family,
        stage=None,
        position_id=payload.position.id,
        invitation_id=payload.invitation_id,
    )
    context = domain.invitation_context(payload, company_name=settings.company_name)
    inputs = [("message", payload.message)] if payload.message else []
    channels = ["email"] + (["sms"] if _contact(payload.candidate, "sms") else [])
    notices = []
    for channel in channels:
        notice = _new_notice(draft, channel, settings)
        # Invitations are good news: only flagged wording holds them, not review_required.
        _fill(
            notice, templates=templates, context=context, input_texts=inputs, hold_for_review=False
        )
        notices.append(notice)
    return await _store(uow, notices)


async def _store(uow: UnitOfWork, notices: list[Notification]) -> list[Notification]:
    for notice in notices:
        uow.session.add(notice)
        log.info(
            "notice.created",
            notification_id=str(notice.id),
            kind=notice.kind,
            channel=notice.channel,
            status=notice.status,
        )
    await uow.flush()
    if any(n.status == "scheduled" for n in notices):
        await wake_dispatchers(uow)
    return notices


# --- reading ------------------------------------------------------------------------------


async def get_notice(uow: UnitOfWork, notification_id: uuid.UUID) -> Notification:
    """A notice, or 404."""
    notice = await NotificationRepository(uow.session).get(notification_id)
    if notice is None:
        raise not_found("notification", notification_id)
    return notice


async def notice_attempts(uow: UnitOfWork, notification_id: uuid.UUID) -> list[Any]:
    """Delivery attempts of a notice."""
    return list(await NotificationRepository(uow.session).attempts(notification_id))


async def list_notices(
    uow: UnitOfWork, *, filters: dict[str, str | None], limit: int, after: list[Any] | None
) -> list[Notification]:
    """Notices matching `filters`, newest first, `limit + 1` rows after the cursor."""
    stmt = NotificationRepository(uow.session).filtered(**filters)
    if after:
        try:
            at, nid = datetime.fromisoformat(str(after[0])), uuid.UUID(str(after[1]))
        except ValueError:
            raise unprocessable(
                "cursor: not a cursor this list returned",
                [{"loc": ["query", "cursor"], "msg": "invalid cursor"}],
            ) from None
        stmt = stmt.where(
            tuple_(Notification.created_at, Notification.id) < tuple_(literal(at), literal(nid))
        )
    stmt = stmt.order_by(Notification.created_at.desc(), Notification.id.desc()).limit(limit + 1)
    return list((await uow.session.scalars(stmt)).all())


# --- HR control ---------------------------------------------------------------------------


async def _locked(uow: UnitOfWork, notification_id: uuid.UUID) -> Notification:
    notice = await NotificationRepository(uow.session).get_for_update(notification_id)
    if notice is None:
        raise not_found("notification", notification_id)
    return notice


def _illegal(notice: Notification, action: str, hint: str = "") -> ProblemError:
    return conflict(
        f"cannot {action} a notice that is {notice.status}" + (f": {hint}" if hint else ""),
        type_="illegal-state",
    )


async def cancel_notice(uow: UnitOfWork, *, notification_id: uuid.UUID, by: str) -> Notification:
    """Stop a notice that has not gone out yet."""
    notice = await _locked(uow, notification_id)
    if notice.status not in HOLDABLE:
        raise _illegal(notice, "cancel")
    notice.status = "cancelled"
    notice.status_reason = f"cancelled by {by}"
    notice.reviewed_by = by
    notice.updated_at = datetime.now(UTC)
    await uow.commit()
    return notice


async def approve_notice(
    uow: UnitOfWork, *, notification_id: uuid.UUID, by: str, now: datetime
) -> Notification:
    """Release a notice held for review; it goes out at its time (or now, quiet hours kept)."""
    notice = await _locked(uow, notification_id)
    if notice.status != "pending_review":
        raise _illegal(notice, "approve", "only notices pending review can be approved")
    settings = await SettingsRepository(uow.session).get()
    base = max(notice.send_at or now, now)
    notice.send_at = domain.compute_send_at(
        base,
        delay_minutes=0,
        tz=notice.timezone,
        quiet_start=settings.quiet_start,
        quiet_end=settings.quiet_end,
    )
    notice.status = "scheduled"
    notice.status_reason = f"approved by {by}"
    notice.reviewed_by = by
    notice.updated_at = now
    await wake_dispatchers(uow, broadcast=True)
    await uow.commit()
    return notice


async def send_notice_now(
    uow: UnitOfWork, *, notification_id: uuid.UUID, by: str, now: datetime
) -> Notification:
    """Send a scheduled (or failed) notice right away, ignoring delay and quiet hours."""
    notice = await _locked(uow, notification_id)
    if notice.status == "pending_review":
        raise _illegal(notice, "send", "approve it first")
    if notice.status not in {"scheduled", "failed"}:
        raise _illegal(notice, "send")
    if notice.template_id is None or notice.body_text is None:
        raise _illegal(notice, "send", "it was never rendered (" + (notice.last_error or "") + ")")
    notice.status = "scheduled"
    notice.send_at = now
    notice.status_reason = f"send-now by {by}"
    notice.updated_at = now
    await wake_dispatchers(uow, broadcast=True)
    await uow.commit()
    return notice


async def due_count(uow: UnitOfWork, now: datetime) -> int:
    """How many notices are due (for metrics and tests)."""
    from sqlalchemy import func

    return int(
        await uow.session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.status == "scheduled", Notification.send_at <= now)
        )
        or 0
    )
