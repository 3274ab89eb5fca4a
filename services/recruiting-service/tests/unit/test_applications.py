"""The application status machine (domain/applications.py)."""

from __future__ import annotations

import pytest

from recruiting_service.domain.applications import (
    allowed_actions,
    is_final,
    rejection_stage,
    status_after_screening,
    transition,
)
from recruiting_service.domain.errors import IllegalTransition
from talentloop_shared.errors import FieldInvalid

# --- status machine ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "action", "expected"),
    [
        ("screening", "advance", "interviewing"),
        ("interviewing", "advance", "offer"),
        ("offer", "hire", "hired"),
        ("interviewing", "hire", "hired"),
        ("screening", "reject", "rejected"),
        ("screened_out", "reject", "rejected"),
        ("interviewing", "reject", "rejected"),
        ("offer", "reject", "rejected"),
        ("offer", "withdraw", "withdrawn"),
    ],
)
def test_allowed_moves(current: str, action: str, expected: str) -> None:
    assert transition(current, action) == expected


@pytest.mark.parametrize(
    ("current", "action"),
    [
        ("screening", "hire"),
        ("screened_out", "advance"),
        ("offer", "advance"),
        ("hired", "reject"),
        ("rejected", "reject"),
        ("withdrawn", "advance"),
        ("screening", "fly"),
    ],
)
def test_illegal_moves(current: str, action: str) -> None:
    with pytest.raises(IllegalTransition) as exc:
        transition(current, action)
    assert exc.value.current == current
    assert exc.value.action == action
    assert action not in exc.value.allowed_actions


def test_illegal_move_message_says_what_is_allowed() -> None:
    with pytest.raises(IllegalTransition) as exc:
        transition("screening", "hire")
    assert exc.value.allowed_actions == ("advance", "reject", "withdraw")
    assert "allowed from here: advance, reject, withdraw" in str(exc.value)


def test_final_status_message_says_it_is_final() -> None:
    with pytest.raises(IllegalTransition) as exc:
        transition("rejected", "reject")
    assert exc.value.allowed_actions == ()
    assert "final" in str(exc.value)
    assert is_final("rejected") and is_final("hired") and is_final("withdrawn")
    assert not is_final("offer")


def test_screening_moves_are_for_the_system_only() -> None:
    with pytest.raises(IllegalTransition):
        transition("screened_out", "screen_in")
    assert transition("screened_out", "screen_in", by_system=True) == "screening"
    assert transition("screening", "screen_out", by_system=True) == "screened_out"
    assert "screen_out" not in allowed_actions("screening")
    assert "screen_out" in allowed_actions("screening", by_system=True)


@pytest.mark.parametrize(
    ("current", "passed", "expected"),
    [
        ("screening", False, "screened_out"),
        ("screening", True, "screening"),
        ("screened_out", True, "screening"),
        ("screened_out", False, "screened_out"),
        ("interviewing", False, "interviewing"),
        ("rejected", True, "rejected"),
    ],
)
def test_status_after_rescreening(current: str, passed: bool, expected: str) -> None:
    assert status_after_screening(current, passed=passed) == expected


def test_unknown_status_is_a_validation_error() -> None:
    with pytest.raises(FieldInvalid):
        transition("lost", "advance")


@pytest.mark.parametrize(
    ("status", "stage"),
    [
        ("screening", "screening"),
        ("screened_out", "screening"),
        ("interviewing", "interview"),
        ("offer", "offer"),
    ],
)
def test_rejection_stage(status: str, stage: str) -> None:
    assert rejection_stage(status) == stage


def test_no_rejection_stage_once_decided() -> None:
    with pytest.raises(IllegalTransition):
        rejection_stage("hired")


def test_an_illegal_move_is_a_409_conflict() -> None:
    with pytest.raises(IllegalTransition) as exc:
        transition("hired", "withdraw")
    assert (exc.value.status, exc.value.type) == (409, "illegal-transition")
