"""The compliance scanner as it was before its prefilter, kept (for the tests and nothing
else) as the reference the new one must agree with, flag for flag, on every input.

A verbatim copy of `ComplianceScanner` and its expression builders from
notify_service/domain/compliance.py at main 115ed86, renamed `RegexScanner`; `Flag` and
`_excerpt` are the production ones (unchanged), so the flags of both compare equal.
Do not "fix" or speed it up: it is the specification.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from notify_service.domain.compliance import Flag, _excerpt

__all__ = ["RegexScanner"]

_LATIN_BOUNDARY_BEFORE = r"(?<![0-9A-Za-z])"
_LATIN_BOUNDARY_AFTER = r"(?![0-9A-Za-z])"


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _latin(term: str) -> str:
    # Line breaks and double spaces inside a phrase must not hide it.
    body = r"\s+".join(re.escape(word) for word in term.split())
    return f"{_LATIN_BOUNDARY_BEFORE}{body}{_LATIN_BOUNDARY_AFTER}"


_Alternative = tuple[str, str]
"""One alternative of the scanner's regular expression: ("en", term) matches on word
boundaries with any whitespace between its words, ("zh", term) as a substring, ("re",
source) is a regular expression of its own."""

_SPACE = "\\s+"  # the token standing for the whitespace between an English term's words


def _tokens(kind: str, term: str) -> list[str] | None:
    """The term as trie keys (a character, lower-cased when ASCII, or `_SPACE`), or None
    when one of its characters has case variants outside ASCII: such a character could
    match what another key matches (ignoring case), so it is left to a plain alternative."""
    tokens: list[str] = []
    words = term.split() if kind == "en" else [term]
    for i, word in enumerate(words):
        if i:
            tokens.append(_SPACE)
        for char in word:
            if char.isascii():
                tokens.append(char.lower())
            elif char.lower() == char.upper() == char:
                tokens.append(char)
            else:
                return None
    return tokens


def _trie(kind: str, terms: Sequence[str]) -> str:
    """One regular expression for `terms` (all of `kind`, longest first): at any position
    it matches what their alternation matches, because two of them that both match at a
    position are one the other's prefix (their keys cannot match the same character), and
    at every node the longer continuations are tried before the term that ends there."""
    root: dict[str, Any] = {}
    for term in terms:
        node = root
        for token in _tokens(kind, term) or []:
            node = node.setdefault(token, {})
        node[""] = True  # a term ends here
    end = _LATIN_BOUNDARY_AFTER if kind == "en" else ""

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (token if token == _SPACE else re.escape(token)) + emit(child)
            for token, child in node.items()
            if token
        ]
        if "" in node:
            branches.append(end)
        if len(branches) == 1:
            return branches[0]
        return f"(?:{'|'.join(branches)})"

    body = emit(root)
    return f"{_LATIN_BOUNDARY_BEFORE}{body}" if kind == "en" else body


def _alternation(alternatives: Sequence[_Alternative]) -> str:
    """The alternation of `alternatives` (in order: the first that matches at a position
    wins), with each stretch of listed terms between two patterns merged into a prefix
    tree per kind where that cannot change which one wins (`_trie`); otherwise plain."""
    parts: list[str] = []
    stretch: list[_Alternative] = []

    def flush() -> None:
        by_kind: dict[str, list[str]] = {}
        for kind, term in stretch:
            by_kind.setdefault(kind, []).append(term)
        # A tree per kind keeps the order of the terms of one kind; between kinds order
        # matters only if terms of both could match at one position: never when no
        # first key is shared (English and Chinese terms).
        firsts = [{(_tokens(kind, t) or [""])[0] for t in terms} for kind, terms in by_kind.items()]
        shared = len(firsts) > 1 and bool(set.intersection(*firsts))
        if shared or any(_tokens(kind, term) is None for kind, term in stretch):
            parts.extend(_plain(kind, term) for kind, term in stretch)
        else:
            parts.extend(_trie(kind, terms) for kind, terms in by_kind.items())
        stretch.clear()

    for kind, text in alternatives:
        if kind == "re":
            flush()
            parts.append(_plain(kind, text))
        else:
            stretch.append((kind, text))
    flush()
    return "|".join(parts)


def _plain(kind: str, text: str) -> str:
    if kind == "en":
        return _latin(text)
    return re.escape(text) if kind == "zh" else f"(?:{text})"


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
