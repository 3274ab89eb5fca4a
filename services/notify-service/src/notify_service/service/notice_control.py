"""HR's control over notices: cancel, approve or send now before they go out; resend one
whose delivery outcome is unknown."""

from __future__ import annotations

import re
import uuid
from datetime import datetime

from notify_service import domain
from notify_service.db.models import Notification
from notify_service.db.repositories import NotificationRepository, SettingsRepository
from notify_service.domain.survey import HIDDEN_TOKEN
from notify_service.domain.templates import text_to_html
from notify_service.service.inputs import NoticeEdit
from notify_service.service.wakeups import wake_dispatchers
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import Conflict

HOLDABLE = frozenset({"scheduled", "pending_review", "failed"})
"""Statuses of a notice that has not gone out and may still be cancelled."""


class IllegalNoticeState(Conflict):
    """409: the notice's status does not allow the action (e.g. cancelling a sent one)."""

    def __init__(self, notice: Notification, action: str, hint: str = "") -> None:
        super().__init__(
            f"cannot {action} a notice that is {notice.status}" + (f": {hint}" if hint else ""),
            type_="illegal-state",
        )


async def _locked(uow: UnitOfWork, notification_id: uuid.UUID) -> Notification:
    return await NotificationRepository(uow.session).get_or_raise(notification_id, for_update=True)


async def cancel_notice(uow: UnitOfWork, *, notification_id: uuid.UUID, by: str) -> Notification:
    """Stop a notice that has not gone out yet."""
    notice = await _locked(uow, notification_id)
    if notice.status not in HOLDABLE:
        raise IllegalNoticeState(notice, "cancel")
    notice.status = "cancelled"
    notice.status_reason = f"cancelled by {by}"
    notice.reviewed_by = by
    notice.updated_at = uow.clock.now()
    await uow.commit()
    return notice


async def approve_notice(uow: UnitOfWork, *, notification_id: uuid.UUID, by: str) -> Notification:
    """Release a notice held for review; it goes out at its time (or now, quiet hours kept)."""
    notice = await _locked(uow, notification_id)
    if notice.status != "pending_review":
        raise IllegalNoticeState(notice, "approve", "only notices pending review can be approved")
    settings = await SettingsRepository(uow.session).get()
    now = uow.clock.now()
    notice.send_at = domain.compute_send_at(
        max(notice.send_at or now, now),
        delay_minutes=0,
        tz=notice.timezone,
        quiet_start=settings.quiet_start,
        quiet_end=settings.quiet_end,
    )
    _release(notice, reason=f"approved by {by}", now=now)
    notice.reviewed_by = by
    await wake_dispatchers(uow, broadcast=True)
    await uow.commit()
    return notice


async def edit_notice(
    uow: UnitOfWork, *, notification_id: uuid.UUID, edit: NoticeEdit, by: str
) -> Notification:
    """Reword a notice held for review. The compliance guard checks the new text again: the
    notice stays held (approval still releases it), with the flags of the new wording."""
    notice = await _locked(uow, notification_id)
    if notice.status != "pending_review":
        raise IllegalNoticeState(notice, "edit", "only notices held for review can be edited")
    if notice.body_text is None:
        raise IllegalNoticeState(notice, "edit", "it has no text")
    if edit.subject is not None and notice.channel != "email":
        raise IllegalNoticeState(notice, "edit the subject of", f"a {notice.channel} has none")
    subject = notice.subject if edit.subject is None else _with_link(notice, edit.subject)
    text = notice.body_text if edit.body_text is None else _with_link(notice, edit.body_text)
    rendered = domain.Rendered(
        subject=subject,
        text=text,
        html=text_to_html(text) if notice.body_html is not None else None,
    )
    flags = domain.flag_notice([], rendered)
    notice.subject, notice.body_text, notice.body_html = subject, text, rendered.html
    notice.flags = flags
    phrases = ", ".join(sorted({f["phrase"] for f in flags}))
    notice.status_reason = (
        f"edited by {by}; still flagged ({phrases})" if flags else f"edited by {by}; to approve"
    )
    notice.reviewed_by = by
    notice.updated_at = uow.clock.now()
    await uow.commit()
    return notice


def _with_link(notice: Notification, text: str) -> str:
    """`text` with a hidden survey link (as staff read it) back to the candidate's own."""
    hidden = f"/survey/{HIDDEN_TOKEN}"
    if notice.survey_url is None or hidden not in text:
        return text
    url = notice.survey_url
    return re.sub(r"\S*" + re.escape(hidden), lambda _: url, text)


async def send_notice_now(uow: UnitOfWork, *, notification_id: uuid.UUID, by: str) -> Notification:
    """Send a scheduled (or failed) notice right away, ignoring delay and quiet hours."""
    notice = await _locked(uow, notification_id)
    if notice.status == "pending_review":
        raise IllegalNoticeState(notice, "send", "approve it first")
    if notice.status == "unknown":
        raise IllegalNoticeState(
            notice, "send", "it may have gone out; check, then resend it if it did not"
        )
    if notice.status not in {"scheduled", "failed"}:
        raise IllegalNoticeState(notice, "send")
    return await _send_again(uow, notice, reason=f"send-now by {by}")


async def resend_notice(uow: UnitOfWork, *, notification_id: uuid.UUID, by: str) -> Notification:
    """Send again a notice whose delivery outcome is unknown (HR checked it did not arrive);
    same Message-ID, so a receiving system that got it the first time can drop it."""
    notice = await _locked(uow, notification_id)
    if notice.status != "unknown":
        raise IllegalNoticeState(
            notice,
            "resend",
            "only a notice whose delivery outcome is unknown is resent; "
            "send-now sends a scheduled or failed one",
        )
    return await _send_again(uow, notice, reason=f"resent by {by} after an unknown outcome")


async def _send_again(uow: UnitOfWork, notice: Notification, *, reason: str) -> Notification:
    if notice.template_id is None or notice.body_text is None or notice.recipient is None:
        why = notice.last_error or notice.status_reason or "no content"
        raise IllegalNoticeState(notice, "send", f"there is nothing to send ({why})")
    now = uow.clock.now()
    notice.send_at = now
    _release(notice, reason=reason, now=now)
    await wake_dispatchers(uow, broadcast=True)
    await uow.commit()
    return notice


def _release(notice: Notification, *, reason: str, now: datetime) -> None:
    notice.status = "scheduled"
    notice.status_reason = reason
    notice.updated_at = now
