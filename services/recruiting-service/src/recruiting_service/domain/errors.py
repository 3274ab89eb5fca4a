"""Errors of the recruiting domain: each carries its HTTP status (one handler renders them).

A value the rules refuse is a `talentloop_shared.errors.FieldInvalid` (422 naming the
field), raised where it is found; the two conflicts below are recruiting's own.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from talentloop_shared.errors import Conflict


class IllegalTransition(Conflict):
    """409: an application cannot make this move from its current status."""

    def __init__(self, current: str, action: str, allowed_actions: Sequence[str]) -> None:
        self.current = current
        self.action = action
        self.allowed_actions = tuple(allowed_actions)
        if self.allowed_actions:
            allowed = "allowed from here: " + ", ".join(self.allowed_actions)
        else:
            allowed = f"'{current}' is final, no further moves are allowed"
        super().__init__(
            f"cannot {action} an application in status '{current}'; {allowed}",
            type_="illegal-transition",
        )


class CandidateIsErased(Conflict):
    """409: the candidate was erased at the person's request; nothing personal is written
    to them again."""

    def __init__(self, candidate_id: uuid.UUID, erased_at: datetime) -> None:
        super().__init__(
            f"candidate {candidate_id} was erased on {erased_at.isoformat()} at the "
            "person's request; their data cannot be written again (register a new candidate "
            "if they apply anew)",
            type_="candidate-erased",
        )
