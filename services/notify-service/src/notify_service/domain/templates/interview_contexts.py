"""What an interview template sees (kinds `interview_invitation`, `interview_update`,
`interview_cancellation`, `interview_reminder`, and `scorecard_due`: a panel member's
reminder to score it once it is over), built from an `interview-*` event for one reader:
the candidate or a panel member.

Every kind gets the same keys, so one template can be copied to another kind:

- ``reader``: name, first_name, is_candidate (the person the email is for);
- ``candidate``: name, first_name (the panel's emails say whom they meet);
- ``position``: title, org_unit_name, job_family;
- ``interview``: when / date / start_time / end_time / timezone (on the reader's clock,
  in their language), duration_minutes, location, video_url, notes (the notes for the
  candidate), panel (names only, never addresses), previous_when (an update: the old
  time, or ""), reason (a cancellation's, or ""), removed (a cancellation sent because
  the reader was taken off the panel, the interview itself still on), lead (a
  reminder: "24 hours", or ""), scorecard_url (a panel member's: the console's
  scorecard form for this interview; "" for the candidate);
- ``company``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from functools import cache
from importlib import resources
from typing import Any, Final

from notify_service.domain.interviews import format_lead, format_slot
from notify_service.domain.templates.contexts import first_name_guess
from talentloop_shared.events.payloads import Attendee, InterviewDetails, PositionRef

__all__ = ["interview_context", "interview_sample_context"]


def _text(value: str | None) -> str:
    return (value or "").strip()


def interview_context(
    details: InterviewDetails,
    *,
    reader: Attendee,
    is_candidate: bool,
    company_name: str,
    previous_start: datetime | None = None,
    reason: str | None = None,
    removed: bool = False,
    lead_minutes: int | None = None,
    scorecard_url: str = "",
) -> dict[str, Any]:
    """Template variables of one interview email to `reader` (see the module docstring)."""
    slot = format_slot(
        details.start, details.duration_minutes, tz=reader.timezone, locale=reader.locale
    )
    previous = (
        format_slot(
            previous_start, details.duration_minutes, tz=reader.timezone, locale=reader.locale
        ).when
        if previous_start is not None and previous_start != details.start
        else ""
    )
    return {
        "reader": {
            "name": reader.name,
            "first_name": first_name_guess(reader.name),
            "is_candidate": is_candidate,
        },
        "candidate": {
            "name": details.candidate.name,
            "first_name": first_name_guess(details.candidate.name),
        },
        "position": {
            "title": details.position.title,
            "org_unit_name": details.position.org_unit_name,
            "job_family": details.position.job_family,
        },
        "interview": {
            "when": slot.when,
            "date": slot.date,
            "start_time": slot.start_time,
            "end_time": slot.end_time,
            "timezone": slot.timezone,
            "duration_minutes": details.duration_minutes,
            "location": _text(details.location),
            "video_url": _text(details.video_url),
            "notes": _text(details.notes_for_candidate),
            # Names only: a candidate's email never carries the panel's addresses.
            "panel": [p.name for p in details.panel if p.name.strip()],
            "previous_when": previous,
            "reason": _text(reason),
            "removed": removed,
            "lead": format_lead(lead_minutes, locale=reader.locale) if lead_minutes else "",
            "scorecard_url": "" if is_candidate else scorecard_url,
        },
        "company": company_name,
    }


_SAMPLE_START: Final = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


@cache
def _samples() -> dict[str, dict[str, Any]]:
    raw = resources.files(__package__).joinpath("interview_samples.json")
    samples: dict[str, dict[str, Any]] = json.loads(raw.read_text(encoding="utf-8"))["samples"]
    return samples


def interview_sample_context(
    kind: str, *, locale: str, language: str, sparse: bool = False
) -> dict[str, Any]:
    """A realistic context of `kind` for previews and validation (`sparse`: no place, no
    link, no notes, no panel, no reason), through the same builder as real events."""
    data = _samples()["zh" if language == "zh" else "en"]
    candidate = Attendee(**data["candidate"], locale=locale)
    details = InterviewDetails(
        interview_id="iv-1",
        application_id="a-1",
        sequence=1,
        start=_SAMPLE_START,
        duration_minutes=60,
        location=None if sparse else data["location"],
        video_url=None if sparse else data["video_url"],
        notes_for_candidate=None if sparse else data["notes"],
        candidate=candidate,
        panel=[] if sparse else [Attendee(name=n, locale=locale) for n in data["panel"]],
        position=PositionRef(**data["position"], job_family="engineering", version=1),
    )
    if kind == "scorecard_due":  # only the panel gets it
        return interview_context(
            details,
            reader=Attendee(name=data["panel"][0], locale=locale),
            is_candidate=False,
            company_name=data["company"],
            scorecard_url=data["scorecard_url"],
        )
    return interview_context(
        details,
        reader=candidate,
        is_candidate=True,
        company_name=data["company"],
        previous_start=None
        if sparse or kind != "interview_update"
        else _SAMPLE_START - timedelta(days=1),
        reason=data["reason"] if kind == "interview_cancellation" and not sparse else None,
        lead_minutes=24 * 60 if kind == "interview_reminder" else None,
    )
