"""The application status machine (S1–S3).

::

    screening    --advance--> interviewing --advance--> offer --hire--> hired
    screening    <--screen_in-- screened_out           (system: re-screening passed)
    screening    --screen_out--> screened_out          (system: (re-)screening failed)
    interviewing --hire--> hired                       (hire without a formal offer stage)
    screening | screened_out | interviewing | offer --reject--> rejected
    screening | screened_out | interviewing | offer --withdraw--> withdrawn

`hired`, `rejected` and `withdrawn` are final. Hiring straight from `interviewing` is
allowed on purpose: many HR teams make and track the offer in their ERP, and the
`/hire` endpoint must still close the loop for them. Screening moves (`screen_in`,
`screen_out`) belong to the system's (re-)screening, never to a person.
"""

from __future__ import annotations

from typing import Literal, get_args

from recruiting_service.domain.errors import IllegalTransition
from talentloop_shared.errors import FieldInvalid
from talentloop_shared.events.payloads import Stage

__all__ = [
    "ACTIONS",
    "FINAL_STATUSES",
    "STATUSES",
    "SYSTEM_ACTIONS",
    "ApplicationAction",
    "ApplicationStatus",
    "IllegalTransition",
    "allowed_actions",
    "is_final",
    "rejection_stage",
    "status_after_screening",
    "transition",
]

ApplicationStatus = Literal[
    "screening", "screened_out", "interviewing", "offer", "hired", "rejected", "withdrawn"
]
ApplicationAction = Literal["advance", "hire", "reject", "withdraw", "screen_in", "screen_out"]

STATUSES: tuple[ApplicationStatus, ...] = get_args(ApplicationStatus)
ACTIONS: tuple[ApplicationAction, ...] = get_args(ApplicationAction)
SYSTEM_ACTIONS: frozenset[str] = frozenset({"screen_in", "screen_out"})

_TRANSITIONS: dict[str, dict[str, ApplicationStatus]] = {
    "screening": {
        "advance": "interviewing",
        "reject": "rejected",
        "withdraw": "withdrawn",
        "screen_out": "screened_out",
    },
    "screened_out": {"reject": "rejected", "withdraw": "withdrawn", "screen_in": "screening"},
    "interviewing": {
        "advance": "offer",
        "hire": "hired",
        "reject": "rejected",
        "withdraw": "withdrawn",
    },
    "offer": {"hire": "hired", "reject": "rejected", "withdraw": "withdrawn"},
    "hired": {},
    "rejected": {},
    "withdrawn": {},
}

FINAL_STATUSES: frozenset[str] = frozenset(s for s, moves in _TRANSITIONS.items() if not moves)

_REJECTION_STAGE: dict[str, Stage] = {
    "screening": "screening",
    "screened_out": "screening",
    "interviewing": "interview",
    "offer": "offer",
}


def _check_status(current: str) -> None:
    if current not in _TRANSITIONS:
        raise FieldInvalid("status", f"unknown application status {current!r}")


def allowed_actions(current: str, *, by_system: bool = False) -> tuple[str, ...]:
    """Return the actions allowed from a status (system screening moves only if by_system)."""
    _check_status(current)
    return tuple(a for a in _TRANSITIONS[current] if by_system or a not in SYSTEM_ACTIONS)


def transition(current: str, action: str, *, by_system: bool = False) -> ApplicationStatus:
    """Return the status after `action`, or raise `IllegalTransition` listing allowed moves."""
    allowed = allowed_actions(current, by_system=by_system)
    if action not in allowed:
        raise IllegalTransition(current, action, allowed)
    return _TRANSITIONS[current][action]


def is_final(status: str) -> bool:
    """Return True when the application is decided (`hired`, `rejected`, `withdrawn`)."""
    _check_status(status)
    return status in FINAL_STATUSES


def status_after_screening(current: str, *, passed: bool) -> ApplicationStatus:
    """Return the status after a (re-)screening result.

    Only applications still at the screening step move (`screening` ↔ `screened_out`).
    Later statuses keep their place: a candidate already interviewing is not silently
    dropped because the requirements changed; HR sees the new result and decides.
    """
    _check_status(current)
    if current == "screening" and not passed:
        return transition(current, "screen_out", by_system=True)
    if current == "screened_out" and passed:
        return transition(current, "screen_in", by_system=True)
    return current  # type: ignore[return-value]  # checked by _check_status


def rejection_stage(current: str) -> Stage:
    """Return the notice stage of a rejection from this status, or raise if not rejectable."""
    stage = _REJECTION_STAGE.get(current)
    if stage is None:
        raise IllegalTransition(current, "reject", allowed_actions(current))
    return stage
