"""Alerts to staff, written as notification rows addressed to them.

An alert is a notice of kind `alert.<kind>` to a position's owners (or HR's address), in
each reader's language and time zone, plus one per team-chat robot that covers the
position (channel `chat`, recipient = the robot's id). The dispatcher delivers them like
any notice: exactly once, with retries, never resent when the outcome is unknown.

One event makes one row per reader and channel; since the table keeps one notice per
event and channel, an alert's `source_event_id` is the event id plus a digest of its
recipient. A person who switched a kind off for a channel gets no row for it. Alerts name
the candidate, so they carry `candidate_id` where the event names one candidate
(`decision_pending`, `new_hire`, …) and an erasure scrubs them with the candidate's
notices; an alert about a candidate already erased here is not written.

Two alerts name several people: the daily re-contact digest (`recontact_due`: about no
position, up to 20 people, to HR's alert address only; none set: nobody) and
`matches_found` (the best matches of an opening). Each keeps in `params` the ids of the
people it names (`talent_ids`) and what its text is made of, so that an erasure of one of
them drops them from it and writes its subject and body again (`scrub_alerts_naming`);
people erased before the event arrived are left out of it (and no longer counted).
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import cast, or_, select
from sqlalchemy.dialects.postgresql import JSONB

from notify_service.db.alert_models import AlertPreference, ChatRobot, PositionUnit
from notify_service.db.models import Notification
from notify_service.db.repositories import ErasureRepository
from notify_service.domain import alerts as texts
from notify_service.domain.alerts import AlertKind, AlertMessage, Links
from notify_service.service.settings import hr_alert_reader
from notify_service.service.state import notify_state
from notify_service.service.wakeups import wake_dispatchers
from talentloop_shared.db import UnitOfWork
from talentloop_shared.events.payloads import (
    CandidateHired,
    CandidateRejected,
    DecisionPending,
    MatchesFound,
    Payload,
    PositionRef,
    RecontactDue,
)
from talentloop_shared.i18n import DEFAULT_LOCALE, try_canonical_locale
from talentloop_shared.logging import get_logger

log = get_logger(__name__)

Compose = Callable[[str, str], AlertMessage]
"""(locale, time zone) → the alert in that reader's language and time."""


def _source_id(event_id: str, channel: str, recipient: str) -> str:
    digest = hashlib.sha256(f"{channel}:{recipient.lower()}".encode()).hexdigest()[:16]
    return f"{event_id}/{digest}"[:100]


@dataclass(frozen=True, slots=True)
class _Alert:
    """What one alert is, whoever reads it: its rows differ by channel, recipient and the
    reader's language and time zone."""

    kind: AlertKind
    source_id: str
    compose: Compose
    params: dict[str, Any] | None
    occurred_at: datetime
    now: datetime
    candidate_id: str = ""
    position: PositionRef | None = None

    def row(self, channel: str, recipient: str, locale: str, timezone: str) -> Notification:
        """The row for one reader, due now; one per event, channel and recipient."""
        tag = try_canonical_locale(locale) or DEFAULT_LOCALE
        message = self.compose(tag, timezone)
        return Notification(
            id=uuid.uuid4(),
            kind=texts.notification_kind(self.kind),
            source_event_id=_source_id(self.source_id, channel, recipient),
            candidate_id=self.candidate_id,
            position_id=self.position.id if self.position else None,
            job_family=self.position.job_family if self.position else None,
            locale=tag,
            timezone=timezone,
            channel=channel,
            recipient=recipient,
            status="scheduled",
            subject=message.subject,
            body_text=message.body,
            params=self.params,
            flags=[],
            occurred_at=self.occurred_at,
            send_at=self.now,
            attempts=0,
        )


async def robots_for(uow: UnitOfWork, position_id: str) -> list[ChatRobot]:
    """The enabled robots that hear about a position: the position's own, else its org
    unit's (from position-changed), else the default ones."""
    unit = await uow.session.get(PositionUnit, position_id)
    conditions = [ChatRobot.scope == "default"]
    conditions.append((ChatRobot.scope == "position") & (ChatRobot.scope_id == position_id))
    if unit is not None:
        in_unit = (ChatRobot.scope == "org_unit") & (ChatRobot.scope_id == unit.org_unit_id)
        conditions.append(in_unit)
    rows = (
        await uow.session.scalars(
            select(ChatRobot)
            .where(ChatRobot.enabled.is_(True), or_(*conditions))
            .order_by(ChatRobot.created_at, ChatRobot.id)
        )
    ).all()
    for scope in ("position", "org_unit", "default"):
        tier = [r for r in rows if r.scope == scope]
        if tier:
            return tier
    return []


async def create_alerts(
    uow: UnitOfWork,
    *,
    kind: AlertKind,
    event_id: str,
    occurred_at: datetime,
    position: PositionRef,
    candidate_id: str | None,
    compose: Compose,
    params: dict[str, Any] | None = None,
) -> list[Notification]:
    """Write the alert's notices (does not commit) and wake the dispatcher; none about a
    candidate erased here."""
    if candidate_id and await ErasureRepository(uow.session).is_erased(candidate_id):
        log.info("alert.candidate_erased", kind=kind)
        return []
    hr = await hr_alert_reader(uow)
    readers = texts.readers(
        position, hr_email=hr.email, hr_locale=hr.locale, hr_timezone=hr.timezone
    )
    subjects = [r.subject for r in readers if r.subject]
    preferences: dict[str, dict[str, Any]] = {}
    if subjects:
        rows = await uow.session.scalars(
            select(AlertPreference).where(AlertPreference.subject.in_(subjects))
        )
        preferences = {row.subject: row.preferences for row in rows}
    alert = _Alert(
        kind=kind,
        source_id=event_id,
        compose=compose,
        params=params,
        occurred_at=occurred_at,
        now=uow.clock.now(),
        candidate_id=candidate_id or "",
        position=position,
    )
    notices: list[Notification] = []
    for reader in readers:
        if reader.subject and not texts.switched_on(preferences.get(reader.subject), kind, "email"):
            log.info("alert.switched_off", kind=kind, subject=reader.subject, channel="email")
            continue
        notices.append(alert.row("email", reader.email, reader.locale, reader.timezone))
    for robot in await robots_for(uow, position.id):
        notices.append(alert.row("chat", str(robot.id), robot.locale, robot.timezone))
    for n in notices:
        uow.session.add(n)
        log.info("alert.created", notification_id=str(n.id), kind=n.kind, channel=n.channel)
    if not notices:
        log.info("alert.nobody_to_tell", kind=kind, position_id=position.id)
        return []
    await uow.flush()
    await wake_dispatchers(uow)
    return notices


def _links(uow: UnitOfWork) -> Links:
    return notify_state(uow).links


async def alert_decision_pending(
    uow: UnitOfWork, payload: DecisionPending, *, event_id: str, occurred_at: datetime
) -> list[Notification]:
    """A policy decision waits: owners learn the deadline (their time) and the reasons."""
    links = _links(uow)
    return await create_alerts(
        uow,
        kind="decision_pending",
        event_id=event_id,
        occurred_at=occurred_at,
        position=payload.position,
        candidate_id=payload.candidate_id,
        compose=lambda locale, tz: texts.decision_pending(
            locale,
            tz,
            texts.ApplicationAlert(
                links, payload.application_id, payload.candidate_name, payload.position
            ),
            mode=payload.mode,
            decides_at=payload.decides_at,
            reasons=[r.text for r in payload.reasons],
            strengths=payload.strengths,
        ),
    )


async def alert_matches_found(
    uow: UnitOfWork, payload: MatchesFound, *, event_id: str, occurred_at: datetime
) -> list[Notification]:
    """N people in the pool match an opening: owners see the count and the top matches
    (people erased here are left out)."""
    kept = await _not_erased(uow, payload.top)
    matches = payload.model_copy(
        update={"top": kept, "count": payload.count - (len(payload.top) - len(kept))}
    )
    if matches.count <= 0:
        return []
    links = _links(uow)
    return await create_alerts(
        uow,
        kind="matches_found",
        event_id=event_id,
        occurred_at=occurred_at,
        position=payload.position,
        candidate_id=None,
        compose=lambda locale, _tz: _matches_message(links, matches, locale),
        params=_naming_params(matches.top, "matches", matches),
    )


def _matches_message(links: Links, matches: MatchesFound, locale: str) -> AlertMessage:
    top = [(m.name, m.score, m.explanation) for m in matches.top]
    return texts.matches_found(
        locale, links=links, position=matches.position, count=matches.count, top=top
    )


async def alert_new_hire(
    uow: UnitOfWork, payload: CandidateHired, *, event_id: str, occurred_at: datetime
) -> list[Notification]:
    """A hire: owners hear who joins and which gaps the development plan covers."""
    links = _links(uow)
    gaps = [g.text or g.name or g.dimension for g in payload.gaps]
    return await create_alerts(
        uow,
        kind="new_hire",
        event_id=event_id,
        occurred_at=occurred_at,
        position=payload.position,
        candidate_id=payload.candidate.id,
        compose=lambda locale, tz: texts.new_hire(
            locale,
            tz,
            texts.ApplicationAlert(
                links, payload.application_id, payload.candidate.name, payload.position
            ),
            hired_at=payload.hired_at,
            gaps=gaps,
        ),
    )


async def alert_notices_held(
    uow: UnitOfWork,
    payload: CandidateRejected,
    notices: Sequence[Notification],
    *,
    event_id: str,
) -> list[Notification]:
    """Rejection notices held for review (flagged wording, or HR approves every notice):
    owners get the flagged phrases and the links to review and approve."""
    held = [n for n in notices if n.status == "pending_review"]
    if not held:
        return []
    links = _links(uow)
    phrases = sorted({str(f["phrase"]) for n in held for f in n.flags if f.get("phrase")})
    flagged = any(n.flags for n in held)
    refs = [(n.channel, str(n.id)) for n in held]
    return await create_alerts(
        uow,
        kind="notice_held",
        event_id=event_id,
        occurred_at=payload.rejected_at,
        position=payload.position,
        candidate_id=payload.candidate.id,
        compose=lambda locale, _tz: texts.notice_held(
            locale,
            links=links,
            candidate_name=payload.candidate.name,
            position=payload.position,
            flagged=flagged,
            phrases=phrases,
            notices=refs,
        ),
    )


RECONTACT_DUE = texts.notification_kind("recontact_due")


def _digest_message(
    uow: UnitOfWork, digest: RecontactDue, locale: str, timezone: str
) -> AlertMessage:
    people = [
        texts.DuePerson(
            talent_id=t.talent_id,
            name=t.name,
            due_since=t.due_since,
            last_contacted_at=t.last_contacted_at,
            last_position=t.last_position,
            tags=t.tags,
        )
        for t in digest.top
    ]
    return texts.recontact_due(
        locale,
        timezone,
        links=_links(uow),
        day=digest.day.isoformat(),
        count=digest.count,
        people=people,
    )


class _Named(Protocol):
    talent_id: str


_N = TypeVar("_N", bound=_Named)


async def _not_erased(uow: UnitOfWork, people: Sequence[_N]) -> list[_N]:
    """`people` without those erased here."""
    erasures = ErasureRepository(uow.session)
    return [p for p in people if not await erasures.is_erased(p.talent_id)]


def _naming_params(people: Sequence[_Named], key: str, payload: Payload) -> dict[str, Any]:
    """What an alert naming several people keeps: their ids (an erasure finds the alert by
    them) and, under `key`, the event its text is written from."""
    return {"talent_ids": [p.talent_id for p in people], key: payload.model_dump(mode="json")}


async def _to_hr_address(
    uow: UnitOfWork,
    *,
    kind: AlertKind,
    source_id: str,
    occurred_at: datetime,
    compose: Compose,
    params: dict[str, Any] | None = None,
) -> Notification | None:
    """An alert to HR's alert address in its language and time zone (unset: nobody;
    does not commit) and the dispatcher woken."""
    hr = await hr_alert_reader(uow)
    recipient = hr.email
    if not recipient:
        log.info("alert.nobody_to_tell", kind=kind)
        return None
    alert = _Alert(
        kind=kind,
        source_id=source_id,
        compose=compose,
        params=params,
        occurred_at=occurred_at,
        now=uow.clock.now(),
    )
    notice = alert.row("email", recipient, hr.locale, hr.timezone)
    uow.session.add(notice)
    await uow.flush()
    log.info("alert.created", notification_id=str(notice.id), kind=notice.kind, channel="email")
    await wake_dispatchers(uow)
    return notice


async def alert_recontact_due(
    uow: UnitOfWork, payload: RecontactDue, *, event_id: str, occurred_at: datetime
) -> Notification | None:
    """The daily re-contact digest, to HR's alert address in its language (unset: nobody).
    People erased here before the digest arrived are left out (and no longer counted)."""
    if not (await hr_alert_reader(uow)).email:
        log.info("alert.nobody_to_tell", kind="recontact_due")
        return None
    kept = await _not_erased(uow, payload.top)
    digest = payload.model_copy(
        update={"top": kept, "count": payload.count - (len(payload.top) - len(kept))}
    )
    if digest.count <= 0:
        return None
    return await _to_hr_address(
        uow,
        kind="recontact_due",
        source_id=event_id,
        occurred_at=occurred_at,
        compose=lambda locale, timezone: _digest_message(uow, digest, locale, timezone),
        params=_naming_params(digest.top, "digest", digest),
    )


async def alert_templates_to_review(
    uow: UnitOfWork, names: Sequence[str], *, release: str
) -> Notification | None:
    """After an update, the templates HR edited whose shipped text changed, to HR's alert
    address; `release` tells one release's shipped texts from another's (one alert each)."""
    if not names:
        return None
    source_id = f"templates-to-review:{release}"
    sent_before = await uow.session.scalar(
        select(Notification.id)
        .where(Notification.source_event_id.startswith(f"{source_id}/"))
        .limit(1)
    )
    if sent_before is not None:  # the same marks again (a release rolled back and redone)
        log.info("alert.already_written", kind="templates_to_review")
        return None
    links = _links(uow)
    return await _to_hr_address(
        uow,
        kind="templates_to_review",
        source_id=source_id,
        occurred_at=uow.clock.now(),
        compose=lambda locale, _tz: texts.templates_to_review(locale, links=links, names=names),
    )


NAMING_SEVERAL = (RECONTACT_DUE, texts.notification_kind("matches_found"))
"""The alert kinds that name several people, by their ids in `params`."""


def alerts_naming(candidate_id: str) -> Any:
    """The condition on notifications: an alert that names `candidate_id` among others."""
    return Notification.kind.in_(NAMING_SEVERAL) & cast(Notification.params, JSONB).contains(
        {"talent_ids": [candidate_id]}
    )


async def scrub_alerts_naming(uow: UnitOfWork, candidate_id: str) -> int:
    """Drop an erased person from the re-contact digests and match alerts that name them,
    sent or not, and write their subject and body again (rows already locked by the
    erasure); one left naming nobody keeps no text."""
    rows = (
        await uow.session.scalars(
            select(Notification).where(alerts_naming(candidate_id)).order_by(Notification.id)
        )
    ).all()
    for row in rows:
        written: AlertMessage | None = None
        if row.kind == RECONTACT_DUE:
            digest = _without(RecontactDue, (row.params or {}).get("digest"), candidate_id)
            row.params = _naming_params(digest.top, "digest", digest)
            if digest.count and row.recipient is not None:
                written = _digest_message(uow, digest, row.locale, row.timezone)
        else:
            matches = _without(MatchesFound, (row.params or {}).get("matches"), candidate_id)
            row.params = _naming_params(matches.top, "matches", matches)
            if matches.count and row.recipient is not None:
                written = _matches_message(_links(uow), matches, row.locale)
        row.subject = written.subject if written else None
        row.body_text = written.body if written else None
    if rows:
        await uow.flush()
    return len(rows)


_Several = TypeVar("_Several", RecontactDue, MatchesFound)


def _without(kind: type[_Several], stored: dict[str, Any] | None, candidate_id: str) -> _Several:
    """The stored event an alert was written from, without the erased person."""
    event = kind.model_validate(stored or {})
    kept = [p for p in event.top if p.talent_id != candidate_id]
    return event.model_copy(
        update={"top": kept, "count": max(event.count - (len(event.top) - len(kept)), 0)}
    )
