"""Default notice templates shipped with notify-service (seeded on first start)."""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["default_templates"]


_FILES = ("default_templates.json", "interview_templates.json")
"""Rejection and invitation templates; interview emails (invitation, update, cancellation,
reminder) in a file of their own."""


@cache
def _load() -> tuple[dict[str, Any], ...]:
    items = []
    for name in _FILES:
        raw = resources.files(__package__).joinpath("data", name)
        items.extend(json.loads(raw.read_text(encoding="utf-8"))["templates"])
    out = []
    for item in items:
        body = item["body"]
        # Bodies are stored as lists of lines so the JSON stays readable and diffable.
        item = {**item, "body": "\n".join(body) if isinstance(body, list) else body}
        out.append(item)
    return tuple(out)


def default_templates() -> list[dict[str, Any]]:
    """The shipped templates as dicts (name, kind, job_family, stage, locale, channel, ...).

    Each also has `subject` (None for SMS) and `body`. Returns fresh copies, so callers
    may mutate them.
    """
    return copy.deepcopy(list(_load()))
