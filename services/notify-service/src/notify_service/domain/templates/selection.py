"""Which template a notice is rendered from: the most specific one for its key."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Protocol, TypeVar

from talentloop_shared.i18n import DEFAULT_LOCALE, locale_chain, try_canonical_locale

__all__ = ["ANY", "BACKGROUNDS", "BANDS", "TemplateKey", "TemplateLike", "select_template"]

ANY: Final = "*"
"""Wildcard for `job_family`, `stage`, `band` and `background` in a template key."""

BANDS: Final = ("close", "far")
"""How close a rejected candidate came (the scorecard's band): a template may be written
for a close miss or a far one; ``*`` serves both and candidates without a scorecard."""

BACKGROUNDS: Final = ("campus", "experienced", "career_change")
"""The candidate's background a template may be written for (``*``: any)."""


@dataclass(frozen=True, slots=True)
class TemplateKey:
    """The attributes a template is filed under."""

    kind: str
    job_family: str
    stage: str
    locale: str
    channel: str
    band: str = ANY
    background: str = ANY


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
    value = item.get(name) if isinstance(item, Mapping) else getattr(item, name, None)
    return "" if value is None else str(value)


def _wild(item: Any, name: str) -> str:
    # Band and background are optional on a template (older rows, plain dicts): "*".
    return (_attr(item, name) or ANY).lower()


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
    band: str | None = None,
    background: str | None = None,
    default_locale: str = DEFAULT_LOCALE,
) -> T | None:
    """Pick the most specific template for a notice, or None when nothing fits.

    `kind` and `channel` must match exactly. Among the rest, precedence is:

    1. **Locale** (outermost, it matters most): the locales of `locale_chain` (``zh-CN``,
       then ``zh``), then any sibling of that language (``zh-TW`` for ``zh-CN``), then
       `default_locale` and its language. A Chinese candidate therefore never gets an
       English notice while any Chinese template of the kind and channel exists, even a
       general one.
    2. **Band** (how close the candidate came: ``close``/``far`` from the scorecard): the
       exact band before ``*``; no band (no scorecard) → only ``*`` templates, so the
       stage rules decide.
    3. **Job family**: the exact family before ``*``.
    4. **Background** (``campus``, ``experienced``, ``career_change``): exact before ``*``.
    5. **Stage**: the exact stage before ``*``.

    Each attribute is tried exact-then-``*`` in that order of importance, so within one
    locale a close-miss engineering template beats a close-miss general one, which beats
    an engineering template written for every band; without band and background templates
    the order is today's: (family, stage) → (family, *) → (*, stage) → (*, *). Band
    outranks family because a close miss and a far one are different letters; family
    outranks stage because family templates carry the domain-specific wording. Ties keep
    the iteration order, so pass candidates newest/preferred first. Items may be objects
    or mappings (a missing band or background reads as ``*``).
    """
    pool = [c for c in candidates if _attr(c, "kind") == kind and _attr(c, "channel") == channel]
    if not pool:
        return None

    wanted = {
        "band": (band or "").strip().lower() or ANY,
        "job_family": (job_family or "").strip().lower() or ANY,
        "background": (background or "").strip().lower() or ANY,
        "stage": (stage or "").strip().lower() or ANY,
    }
    # Every combination of exact/"*" per attribute, most specific first: the attributes
    # in order of importance, each exact before "*" (a binary count from all-exact down).
    names = list(wanted)
    spec_order: list[tuple[str, ...]] = []
    for mask in range(2 ** len(names) - 1, -1, -1):
        spec = tuple(
            wanted[name] if mask >> (len(names) - 1 - i) & 1 else ANY
            for i, name in enumerate(names)
        )
        if spec not in spec_order:
            spec_order.append(spec)

    def rank_in_locale(items: list[T]) -> T | None:
        keyed = [(tuple(_wild(item, name) for name in names), item) for item in items]
        for spec in spec_order:
            for key, item in keyed:
                if key == spec:
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
