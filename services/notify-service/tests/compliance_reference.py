"""The compliance scanner as it was before its prefilter, kept (for the tests and nothing
else) as the reference the new one must agree with, flag for flag, on every input.

A verbatim copy of `ComplianceScanner` from notify_service/domain/compliance.py at main
115ed86, renamed `RegexScanner`; the expression builders, `Flag` and `_excerpt` are the
production ones (unchanged by the prefilter), so the flags of both compare equal.
Do not "fix" or speed it up: it is the specification.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from notify_service.domain.compliance import (
    _LATIN_BOUNDARY_BEFORE,
    Flag,
    _alternation,
    _Alternative,
    _excerpt,
    _key,
)

__all__ = ["RegexScanner"]


class RegexScanner:
    """The scanner as it was before the prefilter (main at 115ed86): word lists compiled into
    one regular expression, searched with `finditer` over the whole text."""

    def __init__(
        self,
        categories: Mapping[str, Mapping[str, Sequence[str]]],
        *,
        allow: Iterable[str] = (),
    ) -> None:
        self._terms: dict[str, tuple[str, str]] = {}  # normalised text → (category, term)
        self._patterns: list[tuple[re.Pattern[str], str]] = []
        alternatives: list[tuple[int, _Alternative]] = []
        latin_firsts: set[str] = set()  # first characters of the English terms
        other_firsts: set[str] = set()  # … and of the Chinese ones
        pattern_sources: list[str] = []
        for category, lists in categories.items():
            for term in lists.get("en", ()):
                self._terms.setdefault(_key(term), (category, term))
                alternatives.append((len(term), ("en", term)))
                if term.split():
                    latin_firsts.add(term.split()[0][0])
            for term in lists.get("zh", ()):
                self._terms.setdefault(_key(term), (category, term))
                alternatives.append((len(term), ("zh", term)))
                if term:
                    other_firsts.add(term[0])
            for source in lists.get("patterns", ()):
                compiled = re.compile(source, re.IGNORECASE)
                self._patterns.append((compiled, category))
                alternatives.append((len(source), ("re", source)))
                pattern_sources.append(source)
        # Longest first, so "外地户口" wins over "户口" and "at your age" over "your age".
        alternatives.sort(key=lambda item: -item[0])
        # `re` tries every alternative (~230) at every position of the text: 2.4 ms for a
        # rejection notice. A lookahead first admits only the positions where one can start:
        # the first character of a listed term (compared as the terms are, ignoring case; an
        # English one only at a word's start, as its boundary requires), or a pattern's
        # match. The same matches (the alternatives and their order are unchanged), 3x faster.
        # The listed terms are then merged into prefix trees (`_alternation`): the same
        # matches again, with a few branches to try at a position instead of every term.
        gate = [
            f"{before}[{''.join(re.escape(c) for c in sorted(chars))}]"
            for before, chars in ((_LATIN_BOUNDARY_BEFORE, latin_firsts), ("", other_firsts))
            if chars
        ]
        gate += [f"(?:{source})" for source in pattern_sources]
        body = _alternation([alternative for _, alternative in alternatives])
        self._regex = re.compile(
            f"(?=(?:{'|'.join(gate)}))(?:{body})" if body else r"(?!x)x", re.IGNORECASE
        )
        allowed = _alternation(
            [("en" if a.isascii() else "zh", a) for a in sorted(allow, key=len, reverse=True)]
        )
        self._allow = re.compile(allowed, re.IGNORECASE) if allowed else None

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
            allowed: list[tuple[int, int]] | None = None  # read once a match needs them
            seen: set[tuple[str, str]] = set()
            for match in self._regex.finditer(text):
                start, end = match.span()
                if allowed is None:
                    allow = self._allow
                    allowed = [m.span() for m in allow.finditer(text)] if allow else []
                if any(a <= start and end <= b for a, b in allowed):
                    continue
                classified = self._classify(match.group(0))
                if classified is None or classified in seen:
                    continue
                seen.add(classified)
                category, phrase = classified
                flags.append(Flag(category, phrase, _excerpt(text, start, end), index))
        return flags
