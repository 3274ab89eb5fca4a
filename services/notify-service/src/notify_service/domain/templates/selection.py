"""Which template a notice is rendered from: the most specific one for its key."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol, TypeVar

from talentloop_shared.i18n import DEFAULT_LOCALE, locale_chain, try_canonical_locale

__all__ = ["ANY", "TemplateKey", "TemplateLike", "select_template"]

ANY: Final = "*"
"""Wildcard for `job_family` and `stage` in a template key."""


@dataclass(frozen=True, slots=True)
class TemplateKey:
    """The five attributes a template is filed under."""

    kind: str
    job_family: str
    stage: str
    locale: str
    channel: str


class TemplateLike(Protocol):
    """Anything with the `TemplateKey` attributes (an ORM row, a schema, a `TemplateKey`)."""

    @property
    def kind(self) -> str: ...
    @property
    def job_family(self) -> str: ...
    @property
    def stage(self) -> str: ...
    @property
    def locale(self) -> str: ...
    @property
    def channel(self) -> str: ...


T = TypeVar("T")


def _attr(item: Any, name: str) -> str:
    # Rows may be ORM objects, pydantic models or plain dicts (see `default_templates`).
    value = item.get(name) if isinstance(item, Mapping) else getattr(item, name)
    return "" if value is None else str(value)


def _locale_of(item: Any) -> str:
    raw = _attr(item, "locale")
    return try_canonical_locale(raw) or raw.strip()


def _language(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def select_template(
    candidates: Iterable[T],
    *,
    kind: str,
    job_family: str | None,
    stage: str | None,
    locale: str | None,
    channel: str,
    default_locale: str = DEFAULT_LOCALE,
) -> T | None:
    """Pick the most specific template for a notice, or None when nothing fits.

    `kind` and `channel` must match exactly. Among the rest, precedence is:

    1. **Locale** (outermost, it matters most): the locales of `locale_chain` (``zh-CN``,
       then ``zh``), then any sibling of that language (``zh-TW`` for ``zh-CN``), then
       `default_locale` and its language. A Chinese candidate therefore never gets an
       English notice while any Chinese template of the kind and channel exists, even a
       general one.
    2. **Job family**: the exact family before ``*``.
    3. **Stage**: the exact stage before ``*``.

    So within one locale the order is (family, stage) → (family, *) → (*, stage) → (*, *).
    Job family outranks stage because family templates carry the domain-specific wording;
    they are written to read correctly at every stage. Ties keep the iteration order, so
    pass candidates newest/preferred first. Items may be objects or mappings.
    """
    pool = [c for c in candidates if _attr(c, "kind") == kind and _attr(c, "channel") == channel]
    if not pool:
        return None

    family = (job_family or "").strip().lower()
    wanted_stage = (stage or "").strip().lower()
    spec_order = [(family, wanted_stage), (family, ANY), (ANY, wanted_stage), (ANY, ANY)]

    def rank_in_locale(items: list[T]) -> T | None:
        for fam, stg in spec_order:
            for item in items:
                if _attr(item, "job_family").lower() == fam and _attr(item, "stage").lower() == stg:
                    return item
        return None

    own = try_canonical_locale(locale)
    own_language = _language(own) if own else ""
    steps: list[str | None] = []
    for tag in locale_chain(locale, default_locale):
        steps.append(tag)
        # Right after the candidate's bare language, try its regional siblings: a zh-TW
        # template beats an English one for a zh-CN reader.
        if own_language and tag == own_language:
            steps.append(None)
    for step in steps:
        if step is None:
            matches = [c for c in pool if _language(_locale_of(c)) == own_language]
        else:
            matches = [c for c in pool if _locale_of(c) == step]
        found = rank_in_locale(matches)
        if found is not None:
            return found
    return None
