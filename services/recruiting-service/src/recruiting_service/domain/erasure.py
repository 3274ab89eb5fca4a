"""What erasing a candidate (`candidate-erased`) means for recruiting's records.

Policy: remove everything that identifies or describes the person (name, contact, profile,
free text written to or about them); keep the de-identified records statistics and audits
need (ids, statuses, timestamps, numeric scores). So:

- the candidate row stays (applications reference its id) with its personal fields reset
  to `ANONYMISED` and `erased_at` set;
- applications still open are withdrawn (`status_after_erasure`), decided ones keep their
  status; rejection notice content is dropped; screening keeps passed/score/the unmet
  requirement names but not the candidate's own values (`actual`, matched skills);
- evaluations keep scores, recommendation and timestamps, not comments/strengths/concerns;
- history lines keep who/when/from/to, but a reason typed by a person or copied from a
  rejection notice is replaced (`redacted_reason`).
"""

from __future__ import annotations

import re
from typing import Any

from recruiting_service.domain.applications import (
    ACTIONS,
    STATUSES,
    ApplicationStatus,
    is_final,
    transition,
)

ERASED_NAME = "(erased)"
ERASED_TEXT = "(erased)"
ERASURE_ACTOR = "system"
ERASURE_REASON = "candidate erased: personal data removed on the candidate's request"

# The candidate's personal fields after erasure (id, locale, time zone and timestamps stay).
ANONYMISED: dict[str, Any] = {
    "name": ERASED_NAME,
    "email": None,
    "phone": None,
    "skills": [],
    "industries": [],
    "languages": [],
    "years_experience": None,
    "education": "none",
    "talent_pool_consent": False,
}

# Reasons the system writes itself, which say nothing about the person.
_GENERATED_PREFIXES = ("interview planned with ",)
_REJECTED = re.compile(r"^rejected at (?P<stage>\w+) stage:")


def status_after_erasure(status: str) -> ApplicationStatus | None:
    """The status an application moves to when its candidate is erased, or None to stay.

    Open applications are withdrawn (the person left the process); decided ones
    (`hired`, `rejected`, `withdrawn`) keep their status for the statistics.
    """
    if is_final(status):
        return None
    return transition(status, "withdraw")


OPEN_STATUSES: tuple[ApplicationStatus, ...] = tuple(
    s for s in STATUSES if status_after_erasure(s) is not None
)


def redacted_reason(*, from_status: str | None, to_status: str, by: str, reason: str) -> str | None:
    """The reason a history line keeps after erasure, or None when it can stay as it is.

    Kept: the first line (source and screening outcome, generated), the system's own lines
    (re-screening describes the position, not the person), interview planning, a move
    whose reason is just the action's name, and the erasure line itself. Replaced: the
    rejection reasons copied from the notice (the stage is kept) and any reason a person
    typed for a move, which may describe the candidate.
    """
    if from_status is None or by == ERASURE_ACTOR or reason == ERASURE_REASON:
        return None
    if to_status == "rejected":
        match = _REJECTED.match(reason)
        new = f"rejected at {match['stage']} stage: {ERASED_TEXT}" if match else ERASED_TEXT
    elif reason in ACTIONS or reason.startswith(_GENERATED_PREFIXES):
        return None
    else:
        new = ERASED_TEXT
    return None if new == reason else new
