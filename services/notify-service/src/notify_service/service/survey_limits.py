"""How often the public survey endpoints answer one link and one client address.

The token is the only credential of the survey, so its endpoints are public; a per-token
limit keeps one link from being hammered, a per-address limit keeps one client from
trying tokens or flooding the service. In memory, per process (`limits`' moving window):
N replicas allow up to N times as much, which is the point of a per-process limit's
simplicity, not a hole: the per-token answers are idempotent anyway.
"""

from __future__ import annotations

import hashlib
import math
import time

from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from talentloop_shared.errors import ProblemError


class TooManySurveyRequests(ProblemError):
    """429: this survey link or this client asked too often; Retry-After says when to."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            429,
            "Too Many Requests",
            f"too many requests for this survey; try again in {retry_after} s",
            type_="too-many-requests",
            headers={"Retry-After": str(retry_after)},
        )


class SurveyRateLimiter:
    """Per-token and per-address limits, e.g. ``"20/minute;200/day"`` and ``"120/minute"``."""

    def __init__(self, per_token: str, per_address: str) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._rules: list[tuple[str, list[RateLimitItem]]] = [
            ("token", parse_many(per_token)),
            ("address", parse_many(per_address)),
        ]

    def hit(self, *, token: str, address: str) -> None:
        """Count one request, or refuse it (429) without counting when a limit is reached."""
        # The token is a credential: keep a digest of it, not the token.
        keys = {"token": hashlib.sha256(token.encode()).hexdigest()[:32], "address": address}
        checks = [(item, kind, keys[kind]) for kind, items in self._rules for item in items]
        for item, kind, key in checks:
            if not self._limiter.test(item, "survey", kind, key):
                reset_at, _ = self._limiter.get_window_stats(item, "survey", kind, key)
                raise TooManySurveyRequests(max(1, math.ceil(reset_at - time.time())))
        for item, kind, key in checks:
            self._limiter.hit(item, "survey", kind, key)
