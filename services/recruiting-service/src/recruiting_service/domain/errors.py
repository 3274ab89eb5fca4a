"""Errors raised by the recruiting domain; the API layer maps them to problem responses."""

from __future__ import annotations

from collections.abc import Sequence


class DomainError(Exception):
    """Base class of every error the recruiting domain raises."""


class DomainValidationError(DomainError, ValueError):
    """A value is not acceptable; `field` names the offending input (maps to 422)."""

    def __init__(self, field: str, msg: str) -> None:
        super().__init__(f"{field}: {msg}")
        self.field = field
        self.msg = msg


class IllegalTransition(DomainError):
    """An application cannot make this move from its current status (maps to 409)."""

    def __init__(self, current: str, action: str, allowed_actions: Sequence[str]) -> None:
        self.current = current
        self.action = action
        self.allowed_actions = tuple(allowed_actions)
        if self.allowed_actions:
            allowed = "allowed from here: " + ", ".join(self.allowed_actions)
        else:
            allowed = f"'{current}' is final, no further moves are allowed"
        super().__init__(f"cannot {action} an application in status '{current}'; {allowed}")
