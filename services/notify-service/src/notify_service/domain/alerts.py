"""Staff alerts: who gets one, and what it says in the reader's language and time zone.

Pure: the service layer (`service/alerts.py`) turns these messages into notification rows
addressed to staff, and the dispatcher delivers them like any notice. Texts live in
the language packs' `alerts` sections, one per locale, looked up through `locale_chain`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, Final, Literal, get_args
from urllib.parse import quote

from talentloop_shared.events.payloads import PersonRef, PositionRef
from talentloop_shared.i18n import DEFAULT_LOCALE, locale_chain, zone_or_utc
from talentloop_shared.language import default_packs

AlertKind = Literal[
    "decision_pending",
    "matches_found",
    "new_hire",
    "notice_held",
    "recontact_due",
    "templates_to_review",
]
ALERT_KINDS: tuple[AlertKind, ...] = get_args(AlertKind)
"""Every alert kind; a notification of one has kind `alert.<kind>`."""
PersonalAlertKind = Literal["decision_pending", "matches_found", "new_hire", "notice_held"]
PERSONAL_ALERT_KINDS: tuple[PersonalAlertKind, ...] = get_args(PersonalAlertKind)
"""The kinds addressed to a position's owners, which each person may switch off; the
others (the re-contact digest, templates to review) go to HR's alert address only."""
ALERT_CHANNELS: tuple[str, ...] = ("email",)
"""The channels a person receives alerts over (team chat is per group, not per person)."""
NOTIFICATION_KIND_PREFIX = "alert."


def notification_kind(kind: AlertKind) -> str:
    """The `kind` of an alert's notification rows."""
    return NOTIFICATION_KIND_PREFIX + kind


@cache
def _texts() -> dict[str, dict[str, Any]]:
    # Each language pack's `alerts` section (a new language is a pack, no code change).
    return {
        locale: {k: v for k, v in section.items() if not k.startswith("_")}
        for locale, section in default_packs().every("alerts").items()
    }


def text(locale: str | None, key: str) -> str:
    """The text `key` in the first locale of the chain that has it (lists become lines)."""
    texts = _texts()
    for tag in (*locale_chain(locale), DEFAULT_LOCALE):
        value = texts.get(tag, {}).get(key)
        if value is not None:
            # Packs are frozen: a JSON list of lines arrives as a tuple.
            return "\n".join(value) if isinstance(value, list | tuple) else str(value)
    raise KeyError(key)


def pack_locale(locale: str | None) -> str:
    """The locale whose texts a reader of `locale` gets."""
    texts = _texts()
    return next((t for t in locale_chain(locale) if t in texts), DEFAULT_LOCALE)


@dataclass(frozen=True, slots=True)
class Reader:
    """Someone an alert is addressed to (a person, or HR's shared address)."""

    email: str
    locale: str
    timezone: str
    subject: str | None = None  # their JWT subject: whose preferences apply


def readers(
    position: PositionRef, *, hr_email: str | None, hr_locale: str, hr_timezone: str
) -> list[Reader]:
    """The position's owners with an address (recruiter first, one entry per person), or
    HR's address when none has one; empty when there is nobody to tell."""
    people: list[PersonRef] = []
    if position.owners:
        people = [p for p in (position.owners.recruiter, position.owners.hiring_manager) if p]
    out: dict[str, Reader] = {}
    for person in people:
        email = (person.email or "").strip()
        if not email:
            continue
        key = person.subject or email.lower()
        if key in out or any(r.email.lower() == email.lower() for r in out.values()):
            continue
        out[key] = Reader(email, person.locale, person.timezone, person.subject)
    if not out and hr_email:
        return [Reader(hr_email, hr_locale, hr_timezone)]
    return list(out.values())


def local_time(moment: datetime, timezone: str) -> str:
    """`moment` as the reader reads it: "2026-11-27 18:30 (Asia/Shanghai)"."""
    zone = zone_or_utc(timezone)
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M} ({zone.key})"


def position_title(position: PositionRef, locale: str) -> str:
    """The position's title in the reader's language when org gave one."""
    for tag in locale_chain(locale):
        if position.titles.get(tag):
            return position.titles[tag]
    return position.title


def _bullets(items: Iterable[str], locale: str) -> str:
    lines = [f"- {item}" for item in items if item]
    return "\n".join(lines) if lines else text(locale, "none")


@dataclass(frozen=True, slots=True)
class AlertMessage:
    """One alert in one language: a title and a plain-text body (links on their own lines,
    so it reads as Markdown in a team chat too)."""

    subject: str
    body: str


class Links:
    """Links in staff emails (alerts, a panel's interview emails): to the HR console's pages
    where the reader acts on them (a person reads these; the API resources behind the pages
    are in the API docs)."""

    def __init__(self, console_url: str) -> None:
        self.base = console_url.rstrip("/")

    def application(self, application_id: str) -> str:
        return f"{self.base}/pipeline/applications/{quote(application_id)}"

    def decision(self, application_id: str) -> str:
        """The review queue narrowed to the application's pending decision, where it is
        confirmed, edited or overturned."""
        return f"{self.base}/decisions?application={quote(application_id)}"

    def matches(self, position_id: str) -> str:
        return f"{self.base}/talent/matches?opening={quote(position_id)}"

    def development_plans(self, application_id: str) -> str:
        return f"{self.base}/talent/plans?application={quote(application_id)}"

    def notification(self, notification_id: str) -> str:
        return f"{self.base}/notices/{quote(notification_id)}"

    def reminders(self) -> str:
        return f"{self.base}/talent/reminders"

    def talent(self, talent_id: str) -> str:
        return f"{self.base}/talent/{quote(talent_id)}"

    def scorecard(self, interview_id: str) -> str:
        """A panel member's scorecard form for the interview."""
        return f"{self.base}/interviews/{quote(interview_id)}"

    def templates_to_review(self) -> str:
        """The template library narrowed to the templates whose shipped text changed."""
        return f"{self.base}/notices/templates?shipped_changed=true"


def _message(
    locale: str, kind: str, values: Mapping[str, Any], subject_key: str | None = None
) -> AlertMessage:
    return AlertMessage(
        subject=text(locale, subject_key or f"{kind}.subject").format_map(values),
        body=text(locale, f"{kind}.body").format_map(values),
    )


@dataclass(frozen=True, slots=True)
class ApplicationAlert:
    """Whom and what an alert about one application names, and where its links point."""

    links: Links
    application_id: str
    candidate_name: str
    position: PositionRef

    def values(self, locale: str) -> dict[str, Any]:
        """The candidate and the position title, for the alert's text."""
        return {
            "candidate": self.candidate_name,
            "position": position_title(self.position, locale),
        }


def decision_pending(
    locale: str,
    timezone: str,
    about: ApplicationAlert,
    *,
    mode: str,
    decides_at: datetime,
    reasons: Sequence[str],
    strengths: Sequence[str],
) -> AlertMessage:
    """A policy will reject an application at `decides_at` unless HR acts."""
    links, application_id = about.links, about.application_id
    return _message(
        locale,
        "decision_pending",
        {
            **about.values(locale),
            "mode": text(locale, f"mode.{mode}"),
            "deadline": local_time(decides_at, timezone),
            "reasons": _bullets(reasons, locale),
            "strengths": _bullets(strengths, locale),
            "application_url": links.application(application_id),
            "decisions_url": links.decision(application_id),
        },
    )


def matches_found(
    locale: str,
    *,
    links: Links,
    position: PositionRef,
    count: int,
    top: Sequence[tuple[str, float, str]],
) -> AlertMessage:
    """N people in the pool match an opening; `top` is (name, score, explanation)."""
    lines = [
        f"{name} ({score:.1f}): {explanation}" if explanation else f"{name} ({score:.1f})"
        for name, score, explanation in top
    ]
    return _message(
        locale,
        "matches_found",
        {
            "count": count,
            "position": position_title(position, locale),
            "top": _bullets(lines, locale),
            "matches_url": links.matches(position.id),
        },
        subject_key="matches_found.subject_one" if count == 1 else None,
    )


def new_hire(
    locale: str,
    timezone: str,
    about: ApplicationAlert,
    *,
    hired_at: datetime,
    gaps: Sequence[str],
) -> AlertMessage:
    """An application ended in a hire; talent seeds the development plan."""
    return _message(
        locale,
        "new_hire",
        {
            **about.values(locale),
            "hired_at": local_time(hired_at, timezone),
            "gaps": _bullets(gaps, locale),
            "plan_url": about.links.development_plans(about.application_id),
        },
    )


def notice_held(
    locale: str,
    *,
    links: Links,
    candidate_name: str,
    position: PositionRef,
    flagged: bool,
    phrases: Sequence[str],
    notices: Sequence[tuple[str, str]],
) -> AlertMessage:
    """A rejection notice waits for review; `notices` is (channel, notification id)."""
    lines = [
        text(locale, "notice_held.notice").format(
            channel=text(locale, f"channel.{channel}"),
            notice_url=links.notification(nid),
        )
        for channel, nid in notices
    ]
    return _message(
        locale,
        "notice_held",
        {
            "candidate": candidate_name,
            "position": position_title(position, locale),
            "why": text(locale, "why.flagged" if flagged else "why.review_required"),
            "phrases": ", ".join(phrases) if phrases else text(locale, "none"),
            "notices": "\n".join(lines),
        },
    )


@dataclass(frozen=True, slots=True)
class DuePerson:
    """One person of a re-contact digest, as talent named them."""

    talent_id: str
    name: str
    due_since: datetime
    last_contacted_at: datetime | None
    last_position: str | None
    tags: Sequence[str]


def recontact_due(
    locale: str,
    timezone: str,
    *,
    links: Links,
    day: str,
    count: int,
    people: Sequence[DuePerson],
) -> AlertMessage:
    """The daily digest: how many are due for re-contact, the earliest of them (dates in
    the reader's time zone) with a link to each profile, and the reminders list (where the
    call is recorded)."""

    def day_of(moment: datetime) -> str:
        return f"{moment.astimezone(zone_or_utc(timezone)):%Y-%m-%d}"

    lines: list[str] = []
    for p in people:
        lines.append(
            "- "
            + text(locale, "recontact_due.person").format(
                name=p.name,
                due_since=day_of(p.due_since),
                last_contacted=(
                    day_of(p.last_contacted_at)
                    if p.last_contacted_at
                    else text(locale, "recontact_due.never")
                ),
                position=(
                    text(locale, "recontact_due.position").format(position=p.last_position)
                    if p.last_position
                    else ""
                ),
                tags=(
                    text(locale, "recontact_due.tags").format(tags=", ".join(p.tags))
                    if p.tags
                    else ""
                ),
            )
        )
        lines.append(
            text(locale, "recontact_due.profile").format(talent_url=links.talent(p.talent_id))
        )
    if count > len(people):
        lines.append(text(locale, "recontact_due.more").format(more=count - len(people)))
    return _message(
        locale,
        "recontact_due",
        {
            "count": count,
            "day": day,
            "people": "\n".join(lines) if lines else text(locale, "none"),
            "reminders_url": links.reminders(),
        },
        subject_key="recontact_due.subject_one" if count == 1 else None,
    )


def switched_on(preferences: Mapping[str, Any] | None, kind: str, channel: str) -> bool:
    """Whether a person's preferences let alerts of `kind` through `channel` (default on)."""
    if not preferences:
        return True
    return bool((preferences.get(kind) or {}).get(channel, True))


TEMPLATES_LISTED: Final = 20
"""How many templates an alert names; the library link lists them all."""


def templates_to_review(locale: str, *, links: Links, names: Sequence[str]) -> AlertMessage:
    """After an update: the templates HR edited whose shipped text the release changed
    (HR's texts are kept and still used), the first of them by name, and where to compare
    them."""
    listed = sorted(names)[:TEMPLATES_LISTED]
    more = len(names) - len(listed)
    lines = [f"- {name}" for name in listed]
    if more:
        lines.append(text(locale, "templates_to_review.more").format(more=more))
    return _message(
        locale,
        "templates_to_review",
        {
            "count": len(names),
            "templates": "\n".join(lines),
            "templates_url": links.templates_to_review(),
        },
        subject_key="templates_to_review.subject_one" if len(names) == 1 else None,
    )
