"""Compliance check for candidate-facing text: discriminatory or insulting wording.

A rejection notice is built from what interviewers wrote, and interviewers sometimes
write things that must never reach a candidate ("too old for this team", "年龄偏大").
`scan` flags such phrases so a notice can be held for HR review instead of being sent.
It is a safety net, not a judge: flags ask a human to look.

The word lists are data (`data/compliance_terms.json`), in English and Chinese, by
category. English terms match case-insensitively on word boundaries (so "male" does not
fire inside "email" and "race" is not listed at all because of "race condition");
Chinese terms match as substrings, since Chinese has no spaces; `allow` phrases
("垃圾回收", garbage collection) suppress hits inside them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from notify_service.domain.templates.rendering import Rendered

__all__ = ["ComplianceScanner", "Flag", "default_scanner", "flag_notice", "load_terms", "scan"]

_EXCERPT_RADIUS = 30
_LATIN_BOUNDARY_BEFORE = r"(?<![0-9A-Za-z])"
_LATIN_BOUNDARY_AFTER = r"(?![0-9A-Za-z])"


@dataclass(frozen=True, slots=True)
class Flag:
    """One suspicious phrase: its category, the listed term, and where it occurred."""

    category: str
    phrase: str
    text_excerpt: str
    text_index: int = 0


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _latin(term: str) -> str:
    # Line breaks and double spaces inside a phrase must not hide it.
    body = r"\s+".join(re.escape(word) for word in term.split())
    return f"{_LATIN_BOUNDARY_BEFORE}{body}{_LATIN_BOUNDARY_AFTER}"


def _excerpt(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - _EXCERPT_RADIUS), min(len(text), end + _EXCERPT_RADIUS)
    core = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + core + ("…" if hi < len(text) else "")


class ComplianceScanner:
    """Word lists compiled into one regular expression; build once, scan often."""

    def __init__(
        self,
        categories: Mapping[str, Mapping[str, Sequence[str]]],
        *,
        allow: Iterable[str] = (),
    ) -> None:
        self._terms: dict[str, tuple[str, str]] = {}  # normalised text → (category, term)
        self._patterns: list[tuple[re.Pattern[str], str]] = []
        alternatives: list[tuple[int, str]] = []
        latin_firsts: set[str] = set()  # first characters of the English terms
        other_firsts: set[str] = set()  # … and of the Chinese ones
        pattern_sources: list[str] = []
        for category, lists in categories.items():
            for term in lists.get("en", ()):
                self._terms.setdefault(_key(term), (category, term))
                alternatives.append((len(term), _latin(term)))
                if term.split():
                    latin_firsts.add(term.split()[0][0])
            for term in lists.get("zh", ()):
                self._terms.setdefault(_key(term), (category, term))
                alternatives.append((len(term), re.escape(term)))
                if term:
                    other_firsts.add(term[0])
            for source in lists.get("patterns", ()):
                compiled = re.compile(source, re.IGNORECASE)
                self._patterns.append((compiled, category))
                alternatives.append((len(source), f"(?:{source})"))
                pattern_sources.append(source)
        # Longest first, so "外地户口" wins over "户口" and "at your age" over "your age".
        alternatives.sort(key=lambda item: -item[0])
        # `re` tries every alternative (~230) at every position of the text: 2.4 ms for a
        # rejection notice. A lookahead first admits only the positions where one can start:
        # the first character of a listed term (compared as the terms are, ignoring case; an
        # English one only at a word's start, as its boundary requires), or a pattern's
        # match. The same matches (the alternatives and their order are unchanged), 3x faster.
        gate = [
            f"{before}[{''.join(re.escape(c) for c in sorted(chars))}]"
            for before, chars in ((_LATIN_BOUNDARY_BEFORE, latin_firsts), ("", other_firsts))
            if chars
        ]
        gate += [f"(?:{source})" for source in pattern_sources]
        body = "|".join(src for _, src in alternatives)
        self._regex = re.compile(
            f"(?=(?:{'|'.join(gate)}))(?:{body})" if body else r"(?!x)x", re.IGNORECASE
        )
        allowed = [
            _latin(a) if a.isascii() else re.escape(a) for a in sorted(allow, key=len, reverse=True)
        ]
        self._allow = re.compile("|".join(allowed), re.IGNORECASE) if allowed else None

    def _classify(self, matched: str) -> tuple[str, str] | None:
        found = self._terms.get(_key(matched))
        if found is not None:
            return found
        for pattern, category in self._patterns:
            if pattern.fullmatch(matched):
                return category, matched
        return None

    def scan(self, texts: Iterable[str]) -> list[Flag]:
        """Flag every listed phrase in `texts`, once per text, category and term."""
        flags: list[Flag] = []
        for index, text in enumerate(texts):
            if not text:
                continue
            allowed = [m.span() for m in self._allow.finditer(text)] if self._allow else []
            seen: set[tuple[str, str]] = set()
            for match in self._regex.finditer(text):
                start, end = match.span()
                if any(a <= start and end <= b for a, b in allowed):
                    continue
                classified = self._classify(match.group(0))
                if classified is None or classified in seen:
                    continue
                seen.add(classified)
                category, phrase = classified
                flags.append(Flag(category, phrase, _excerpt(text, start, end), index))
        return flags


def load_terms() -> dict[str, Any]:
    """The shipped word lists: ``{"categories": {...}, "allow": [...]}``."""
    raw = resources.files(__package__).joinpath("data", "compliance_terms.json")
    doc: dict[str, Any] = json.loads(raw.read_text(encoding="utf-8"))
    return {"categories": doc["categories"], "allow": doc.get("allow", [])}


@cache
def default_scanner() -> ComplianceScanner:
    """The scanner for the shipped word lists, compiled on first use."""
    terms = load_terms()
    return ComplianceScanner(terms["categories"], allow=terms["allow"])


def scan(texts: Iterable[str]) -> list[Flag]:
    """Flag discriminatory or insulting phrases in `texts` using the shipped word lists."""
    return default_scanner().scan(texts)


def flag_notice(
    inputs: Iterable[tuple[str, str]], rendered: Rendered | None, *, max_chars: int = 50_000
) -> list[dict[str, Any]]:
    """Flags over labelled input texts and a rendered notice, once per category and phrase,
    each naming its source (``reasons``, ``subject``, ``body``…) as notices store them.
    Each text is scanned up to `max_chars` (a rendered notice is no longer than that)."""
    sources: list[tuple[str, str]] = [(label, text[:max_chars]) for label, text in inputs]
    if rendered is not None:
        if rendered.subject:
            sources.append(("subject", rendered.subject[:max_chars]))
        sources.append(("body", rendered.text[:max_chars]))
    flags: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for flag in scan(t for _, t in sources):
        key = (flag.category, flag.phrase)
        if key in seen:
            continue
        seen.add(key)
        flags.append(
            {
                "category": flag.category,
                "phrase": flag.phrase,
                "excerpt": flag.text_excerpt,
                "source": sources[flag.text_index][0],
            }
        )
    return flags
