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
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from re import _parser  # type: ignore[attr-defined]  # sre's parser: what a pattern starts with
from typing import Any

import ahocorasick_rs

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


# The prefilter (see `ComplianceScanner`) compares text folded as `re.IGNORECASE` compares
# it: lower-cased, and the four non-ASCII characters that match an ASCII letter ignoring
# case folded to that letter ("K", the Kelvin sign, is lower-cased to "k" already; "İ" is
# lower-cased to two characters, so it is folded before). The unit tests check this
# against `re` over every character that matches a listed term's character.
_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s"}
_WHITESPACE_RUN = re.compile(r"\s{2,}")


def _foldable(char: str) -> bool:
    """Whether `char` in a term is compared exactly after folding: ASCII, or without case."""
    return char.isascii() or char.lower() == char.upper() == char


def _fold(text: str) -> str | None:
    """`text` folded for the prefilter, character for character; None if it cannot be."""
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text):
        text = text.translate(_FOLD)
    folded = text.lower()
    return folded if len(folded) == len(text) else None


@cache
def _decimal_digits() -> tuple[str, ...]:
    """Every character `\\d` matches (`str.isdecimal`)."""
    return tuple(c for c in map(chr, range(0x110000)) if c.isdecimal())


def _pattern_keys(source: str) -> tuple[str, ...] | None:
    """Folded strings one of which starts every match of the pattern `source` (ignoring
    case), for the prefilter: its literal prefix after any leading assertion (`\\b`), or
    every decimal digit if it starts with `\\d`; None when the pattern starts otherwise."""
    literal = ""
    first: tuple[Any, Any] | None = None
    for op, av in _parser.parse(source, re.IGNORECASE).data:
        if not literal and op in (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT):
            continue  # zero-width: a match starts where what follows starts
        if op is _parser.LITERAL and _foldable(chr(av)) and not chr(av).isspace():
            literal += chr(av).lower()  # whitespace is collapsed in the prefilter's text
            continue
        first = (op, av)
        break
    if literal:
        return (literal,)
    if first is not None:
        op, av = first
        if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT) and av[0] >= 1:
            op, av = av[2].data[0] if len(av[2].data) == 1 else (None, None)
        if op is _parser.IN and av == [(_parser.CATEGORY, _parser.CATEGORY_DIGIT)]:
            return _decimal_digits()
    return None


def _original_starts(folded: str, normal: str, starts: list[int]) -> list[int]:
    """`starts` (indexes in `normal`: `folded` with each run of whitespace one space, none
    at the ends) as indexes in `folded`."""
    if len(normal) == len(folded):
        return starts  # no whitespace removed: the same indexes
    at: list[int] = []  # index in `normal` from where …
    shift: list[int] = []  # … this many characters were removed before it
    lead = len(folded) - len(folded.lstrip())
    if lead:
        at.append(0)
        shift.append(lead)
    removed = lead
    for run in _WHITESPACE_RUN.finditer(folded):
        begin, end = run.span()
        if begin:
            at.append(begin - removed + 1)
            removed += end - begin - 1
            shift.append(removed)
    return [q + (shift[i - 1] if (i := bisect_right(at, q)) else 0) for q in starts]


class _Folded:
    """A text as the prefilter reads it: folded (`_fold`), and with each run of whitespace
    one space (none at the ends) when first asked."""

    __slots__ = ("_normal", "folded")

    def __init__(self, folded: str) -> None:
        self.folded = folded
        self._normal: str | None = None

    @classmethod
    def of(cls, text: str) -> _Folded | None:
        folded = _fold(text)
        return None if folded is None else cls(folded)

    @property
    def normal(self) -> str:
        if self._normal is None:
            self._normal = " ".join(self.folded.split())
        return self._normal


class _Prefilter:
    """Where a match of `regex` can start, found with Aho-Corasick automata: `regex` is
    then tried there only, as `finditer` would have found its matches."""

    def __init__(
        self, regex: re.Pattern[str], keys: Iterable[str], unanchored: re.Pattern[str] | None
    ) -> None:
        # Keys of one word are looked for in the folded text as it is; those of several
        # words (rarely found) in it with each run of whitespace made one space.
        words = sorted({k for k in keys if " " not in k})
        phrases = sorted({k for k in keys if " " in k})
        self._regex = regex
        self._words = ahocorasick_rs.AhoCorasick(words) if words else None
        self._phrases = ahocorasick_rs.AhoCorasick(phrases) if phrases else None
        self._unanchored = unanchored

    @classmethod
    def build(
        cls,
        regex: re.Pattern[str] | None,
        terms: Sequence[str],
        pattern_keys: Iterable[str],
        unanchored: Sequence[str],
    ) -> _Prefilter | None:
        """The prefilter of `regex` (the alternation of listed `terms` and of patterns,
        some starting with `pattern_keys`, the `unanchored` others); None when the fold
        cannot compare a term exactly (cased non-ASCII letters, leading whitespace)."""
        if regex is None:
            return None
        keys = [" ".join(term.lower().split()) for term in terms]
        if not all(keys) or any(t[0].isspace() or not all(map(_foldable, t)) for t in terms):
            return None
        searched = "|".join(f"(?:{source})" for source in unanchored)
        return cls(
            regex, [*keys, *pattern_keys], re.compile(searched, re.IGNORECASE) if searched else None
        )

    def _starts(self, folded: _Folded) -> list[int]:
        found_at: set[int] = set()
        if self._words is not None:
            hits = self._words.find_matches_as_indexes(folded.folded, True)
            found_at.update(h[1] for h in hits)
        if self._phrases is not None:
            normal = folded.normal
            hits = self._phrases.find_matches_as_indexes(normal, True)
            if hits:
                starts = sorted({h[1] for h in hits})
                found_at.update(_original_starts(folded.folded, normal, starts))
        return sorted(found_at)

    def finditer(self, text: str, folded: _Folded) -> list[re.Match[str]]:
        """What `regex.finditer(text)` finds (`folded` is `text` folded)."""
        starts = self._starts(folded)
        unanchored = self._unanchored
        if not starts and unanchored is None:
            return []
        matches: list[re.Match[str]] = []
        match = self._regex.match
        size = len(text)
        pos = i = 0
        unanchored_at = -1  # where `unanchored` matches next, from `pos` on
        while pos <= size:
            while i < len(starts) and starts[i] < pos:
                i += 1
            at = starts[i] if i < len(starts) else size + 1
            if unanchored is not None:
                if unanchored_at < pos:
                    found = unanchored.search(text, pos)
                    unanchored_at = found.start() if found else size + 1
                at = min(at, unanchored_at)
            if at > size:
                break
            found = match(text, at)
            if found is None:
                pos = at + 1
            elif found.end() == at:  # an empty match: `finditer` has its own rules for them
                return list(self._regex.finditer(text))
            else:
                matches.append(found)
                pos = found.end()
        return matches


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether one of `spans` (`finditer`'s: in order, not overlapping; `starts` their
    starts) holds `start`..`end`. Only the last span starting at or before `start` can hold
    a non-empty one (those before it end where it starts, or earlier): a bisection, not a
    look at every span for every match (quadratic on a long text with many)."""
    if start == end:
        return any(a <= start and end <= b for a, b in spans)
    i = bisect_right(starts, start) - 1
    return i >= 0 and end <= spans[i][1]


def _excerpt(text: str, start: int, end: int) -> str:
    lo, hi = max(0, start - _EXCERPT_RADIUS), min(len(text), end + _EXCERPT_RADIUS)
    core = " ".join(text[lo:hi].split())
    return ("…" if lo > 0 else "") + core + ("…" if hi < len(text) else "")


class ComplianceScanner:
    """Word lists compiled into one regular expression, tried where an Aho-Corasick
    prefilter finds a term or a pattern can start; build once, scan often."""

    def __init__(
        self,
        categories: Mapping[str, Mapping[str, Sequence[str]]],
        *,
        allow: Iterable[str] = (),
        prefilter: bool = True,
    ) -> None:
        """`prefilter=False`: the expression searched over the whole text, as before the
        prefilter (the same flags, slower: `bench/compliance_scan.py`'s baseline)."""
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
        # Even gated, `re` tries the expression at every position of the text (~250 µs for
        # a notice). The prefilter finds in one pass, with an Aho-Corasick automaton, the
        # few positions where a match can start: where a listed term occurs (folded as the
        # expression compares it, whitespace collapsed, boundaries not yet checked) and
        # where a pattern's first characters do (`_pattern_keys`); the expression is tried
        # there only, and says what matches, as `finditer` would. A pattern whose start is
        # not known is searched for as it is. Terms the fold cannot compare exactly (cased
        # non-ASCII letters) leave the whole scan to the expression. The same for the
        # allowed phrases, searched for once a term matches.
        terms = [t for lists in categories.values() for k in ("en", "zh") for t in lists.get(k, ())]
        keys: list[str] = []
        unanchored: list[str] = []
        for source in pattern_sources:
            found = _pattern_keys(source)
            if found is None:
                unanchored.append(source)
            else:
                keys.extend(found)
        self._prefilter = _Prefilter.build(self._regex, terms, keys, unanchored)
        self._allow_prefilter = _Prefilter.build(self._allow, list(allow), [], [])
        if not prefilter:
            self._prefilter = self._allow_prefilter = None

    def _matches(self, text: str, folded: _Folded | None) -> list[re.Match[str]]:
        """What `self._regex.finditer(text)` finds."""
        if folded is None or self._prefilter is None:
            return list(self._regex.finditer(text))
        return self._prefilter.finditer(text, folded)

    def _allowed(self, text: str, folded: _Folded | None) -> list[tuple[int, int]]:
        """The spans of what `self._allow.finditer(text)` finds."""
        if self._allow is None:
            return []
        if folded is None or self._allow_prefilter is None:
            return [m.span() for m in self._allow.finditer(text)]
        return [m.span() for m in self._allow_prefilter.finditer(text, folded)]

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
            allowed_starts: list[int] = []
            seen: set[tuple[str, str]] = set()
            folded = _Folded.of(text)
            for match in self._matches(text, folded):
                start, end = match.span()
                if allowed is None:
                    allowed = self._allowed(text, folded)
                    allowed_starts = [a for a, _ in allowed]
                if _inside(allowed, allowed_starts, start, end):
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
