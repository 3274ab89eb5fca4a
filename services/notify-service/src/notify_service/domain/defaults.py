"""Default notice templates (seeded into the library on start).

Two sources, loaded the same way:

- the language packs (`talentloop_shared.language`): each pack's `notice_templates`
  section holds that language's templates (the rejection notices in en, zh-CN and zh-TW,
  by job family, stage, band and background), so a new language brings its own templates
  as a folder of data, no code;
- notify's own `data/default_templates.json`, for the kinds that live with the service.

A pack's template wins over a built-in one with the same key. Any kind is accepted: a new
kind is a new entry in either file (its context builder lives in `templates.contexts`).
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any, Final

from talentloop_shared.language import LanguagePacks, default_packs

__all__ = [
    "KEY_FIELDS",
    "PACK_SECTION",
    "default_templates",
    "shipped_template",
    "template_key",
    "text_digest",
]

PACK_SECTION: Final = "notice_templates"
"""The language-pack section that holds a language's default templates."""

KEY_FIELDS: Final = ("kind", "job_family", "stage", "band", "background", "locale", "channel")
"""The fields of a template's key in the library, in this order."""


def template_key(item: Mapping[str, Any]) -> tuple[str, ...]:
    """The library key of a template dict (band and background default to ``*``)."""
    return tuple(str(item.get(f) or "*") for f in KEY_FIELDS)


def _normalised(item: Mapping[str, Any], *, locale: str | None = None) -> dict[str, Any]:
    body = item["body"]
    out = {
        **item,
        # Bodies are stored as lists of lines so the JSON stays readable and diffable.
        "body": "\n".join(body) if isinstance(body, list | tuple) else body,
        "job_family": item.get("job_family") or "*",
        "stage": item.get("stage") or "*",
        "band": item.get("band") or "*",
        "background": item.get("background") or "*",
        "subject": item.get("subject"),
    }
    if locale is not None:
        out["locale"] = locale  # a pack's templates are in the pack's language
    return json.loads(json.dumps(out))  # plain dicts and lists, whatever the pack holds


_FILES = ("default_templates.json",)
"""Notify's own defaults (talent invitations); rejections and interview emails (invitation,
update, cancellation, reminder) come from the language packs' `notice_templates`."""


@cache
def _builtin() -> tuple[dict[str, Any], ...]:
    out: list[dict[str, Any]] = []
    for name in _FILES:
        raw = resources.files(__package__).joinpath("data", name)
        doc = json.loads(raw.read_text(encoding="utf-8"))
        out.extend(_normalised(item) for item in doc["templates"])
    return tuple(out)


def _from_packs(packs: LanguagePacks) -> Iterable[dict[str, Any]]:
    for locale, section in packs.every(PACK_SECTION).items():
        for item in section.get("templates", ()):
            yield _normalised(item, locale=locale)


@cache
def _load(packs: LanguagePacks) -> tuple[dict[str, Any], ...]:
    merged: dict[tuple[str, ...], dict[str, Any]] = {}
    for item in (*_builtin(), *_from_packs(packs)):
        merged[template_key(item)] = item
    return tuple(merged.values())


def default_templates(packs: LanguagePacks | None = None) -> list[dict[str, Any]]:
    """The shipped templates as dicts (name, kind, job_family, stage, band, background,
    locale, channel, subject, body): notify's own and every language pack's.

    `subject` is None for SMS. Returns fresh copies, so callers may mutate them.
    """
    return copy.deepcopy(list(_load(packs or default_packs())))


@cache
def _by_key(packs: LanguagePacks) -> dict[tuple[str, ...], dict[str, Any]]:
    return {template_key(item): item for item in _load(packs)}


def shipped_template(
    key: tuple[str, ...], packs: LanguagePacks | None = None
) -> Mapping[str, Any] | None:
    """The template this release ships for a library key, or None (a company's own key).
    Read-only: `default_templates` gives copies to change."""
    return _by_key(packs or default_packs()).get(key)


def text_digest(subject: str | None, body: str) -> str:
    """A short fingerprint of a template's text (subject and body), to tell whether the
    shipped text changed since a template was last set against it."""
    data = f"{subject or ''}\x00{body}".encode()
    return hashlib.sha256(data).hexdigest()[:32]
