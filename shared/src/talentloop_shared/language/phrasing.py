"""The phrasing step: what interviewers and HR wrote, in the shape a notice's frame needs.

A rejection notice drops each reason, strength and suggestion into a fixed frame ("this role
needs {…}", "这个岗位需要{…}", "one concrete suggestion: {…}"). People do not write bare noun
phrases: they write requirements with their own verb ("需要有 Go 语言高并发项目的实际经验",
"The role requires…"), preferences ("更倾向于…", "ideally…"), deficits ("缺乏…", "…不足",
"lacks…", "limited…", "could not…"), whole sentences, and suggestions that already say
"建议…" or "We suggest you…". This module recognises each form and returns a `Phrased`:

- `need`: the text a frame takes (for a reason, the noun phrase after "needs"/"需要";
  "lacks hands-on Kafka experience" → "hands-on Kafka experience");
- `fits`: whether `need` can go into a frame safely;
- `sentence`: a complete sentence in the reader's language, built from the pack's own frames
  (requirement, preference, or a quoted concern such as "面试官的主要意见是：…");
- `form`, `notes` (why HR should look) and `flagged`;
- `str()`: `need` when it fits, else `sentence`, so `{{ reason }}` keeps working.

The engine is generic; every word it knows (verbs, deficit markers, subjects, frames,
intensifiers) is data in the `phrasing` section of the language packs, so a new language
brings its own rules. Pure: no I/O beyond reading the packs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Final, Literal, Protocol

from talentloop_shared.language._text import (
    HAN,
    collapse_spaces,
    fold_width,
    has_han,
    strip_leading,
    strip_quotes,
    strip_trailing,
)
from talentloop_shared.language.packs import LanguagePacks, default_packs

__all__ = [
    "NOTES",
    "Form",
    "Kind",
    "Phrased",
    "PhrasedNotice",
    "Phraser",
    "ReasonLike",
    "phrase",
    "phrase_notice",
    "phrase_reason",
    "phrase_strength",
    "phrase_suggestion",
    "phraser",
]

Kind = Literal["reason", "strength", "suggestion"]
Form = Literal["requirement", "preference", "deficit", "phrase", "sentence", "advice"]

# Why a phrase is flagged for HR; the packs' `phrasing.notes` word them per language.
NOTES: Final[Mapping[str, str]] = {
    "quoted": "could not be fitted into the notice's sentence; it is quoted as a remark",
    "too_long": "too long for the notice's sentence; it is quoted as a remark",
    "other_language": "written in another language than the notice",
    "other_script": "written in another Chinese script than the notice",
    "contrast_dropped": "a contrasting part was left out",
    "gap_as_strength": "reads as a gap, not a strength",
    "generic": "a generic remark rather than a concrete suggestion",
    "vague": "too vague to tell the candidate anything; name the specific gap",
    "empty": "empty",
}

_MAX_PASSES: Final = 6
# Rule forms that mean "quote it, never frame it": a remark ("needs improvement") and a
# vague reason ("与岗位要求不匹配", "does not meet the requirements", flagged as such).
_QUOTED_FORMS: Final = frozenset({"sentence", "vague"})
_BULLET_RE: Final = re.compile(
    r"^\s*(?:[-*•·●○▪◦>]+|\(?\d{1,2}[.)、）]|[（(]\d{1,2}[)）]|[①-⑳])\s*"
)
_ELLIPSIS_RE: Final = re.compile(r"\.{3,}|。{3,}|…+")
_LATIN_WORD_RE: Final = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_SPACE_BEFORE_PUNCT_RE: Final = re.compile(r"\s+([,.;:!?])")
_ASCII_TO_FULL: Final = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_FULL_TO_ASCII: Final = {
    "，": ", ",
    "；": "; ",
    "：": ": ",
    "！": "! ",
    "？": "? ",
    "（": " (",
    "）": ") ",
    "。": ". ",
}
_TERMINALS: Final = ".!?。！？"
_HAN_PUNCT_RE: Final = re.compile(rf"(?<=[{HAN}])\s*([,;:!?])\s*|\s*([,;:!?])\s*(?=[{HAN}])")


class ReasonLike(Protocol):
    """Anything with a reason's code and text (the events' `Reason` payload)."""

    @property
    def code(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Phrased:
    """One reason, strength or suggestion, ready for a notice's frame or as a sentence."""

    kind: Kind
    source: str
    locale: str
    form: Form
    need: str
    sentence: str
    fits: bool
    nominal: bool = True
    notes: tuple[str, ...] = ()
    code: str | None = None

    @property
    def flagged(self) -> bool:
        """Whether HR should review it before it is sent (unfit, or a note says why)."""
        return not self.fits or bool(self.notes)

    @property
    def text(self) -> str:
        """What `{{ reason.text }}` shows: the same as `str()`."""
        return str(self)

    def __str__(self) -> str:
        return self.need if self.fits else self.sentence

    def __bool__(self) -> bool:
        return bool(self.need or self.sentence)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view (for a preview response or an event payload)."""
        return {
            "kind": self.kind,
            "code": self.code,
            "source": self.source,
            "locale": self.locale,
            "form": self.form,
            "need": self.need,
            "fits": self.fits,
            "nominal": self.nominal,
            "sentence": self.sentence,
            "flagged": self.flagged,
            "notes": list(self.notes),
        }


@dataclass(frozen=True, slots=True)
class PhrasedNotice:
    """Every phrase of one notice, phrased for one reader."""

    locale: str
    strengths: tuple[Phrased, ...] = ()
    reasons: tuple[Phrased, ...] = ()
    suggestions: tuple[Phrased, ...] = ()

    @property
    def flagged(self) -> tuple[Phrased, ...]:
        """The phrases HR should review, in notice order."""
        return tuple(p for p in (*self.strengths, *self.reasons, *self.suggestions) if p.flagged)

    def context(self) -> dict[str, Any]:
        """Template variables: `strengths`/`strength`, `reasons`/`reason`, `suggestions`/…"""
        return {
            "strengths": list(self.strengths),
            "strength": self.strengths[0] if self.strengths else "",
            "reasons": list(self.reasons),
            "reason": self.reasons[0] if self.reasons else "",
            "suggestions": list(self.suggestions),
            "suggestion": self.suggestions[0] if self.suggestions else "",
        }


# --- compiled rules -------------------------------------------------------------------------


def _is_latin_edge(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _literal(text: str) -> str:
    """A literal as a pattern whose inner spaces match any run of spaces."""
    return r"\s+".join(re.escape(part) for part in text.split())


def _prefix_pattern(literal: str, *, rest: bool = True) -> str:
    body = _literal(literal)
    tail = r"\s+" if _is_latin_edge(literal.strip()[-1]) else r"\s*"
    if not rest:
        return f"^(?:{body})(?:{tail}|$)"
    return f"^(?:{body}){tail}(?P<rest>.+)$"


def _suffix_pattern(literal: str) -> str:
    body = _literal(literal)
    lead = r"[\s,，]+" if _is_latin_edge(literal.strip()[0]) else r"[\s,，]*"
    return f"^(?P<rest>.+?){lead}(?:{body})$"


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if str(v).strip())


@dataclass(frozen=True, slots=True)
class _Rule:
    form: str
    regex: re.Pattern[str]
    need: str
    length: int
    # The character a clause must start (prefix) or end (suffix) with; "" for a pattern.
    first: str = ""
    last: str = ""


@dataclass(frozen=True, slots=True)
class _Subject:
    regex: re.Pattern[str]
    replacement: str
    singular: bool


@dataclass(slots=True)
class _Grammar:
    """One pack's `phrasing` section, compiled."""

    locale: str
    data: Mapping[str, Any]
    script: str = "latin"
    rules: list[_Rule] = field(default_factory=list)
    by_first: dict[str, list[int]] = field(default_factory=dict)
    by_last: dict[str, list[int]] = field(default_factory=dict)
    patterns: list[int] = field(default_factory=list)
    labels: list[re.Pattern[str]] = field(default_factory=list)
    role_subjects: list[re.Pattern[str]] = field(default_factory=list)
    subjects: list[_Subject] = field(default_factory=list)
    auxiliaries: list[re.Pattern[str]] = field(default_factory=list)
    person_prefixes: list[re.Pattern[str]] = field(default_factory=list)
    person_suffixes: list[re.Pattern[str]] = field(default_factory=list)
    cleanup: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    leads: list[re.Pattern[str]] = field(default_factory=list)
    strength_drops: list[re.Pattern[str]] = field(default_factory=list)
    separators: list[str] = field(default_factory=list)
    contrasts: list[str] = field(default_factory=list)

    @classmethod
    def compile(cls, locale: str, data: Mapping[str, Any]) -> _Grammar:
        """Compile a `phrasing` section."""
        flags = re.IGNORECASE | re.DOTALL
        grammar = cls(locale=locale, data=data, script=str(data.get("script", "latin")))
        rules: list[_Rule] = []
        for spec in data.get("rules", ()):
            form = str(spec.get("form", "requirement"))
            need = str(spec.get("need", "{rest}"))
            for source in _strings(spec.get("pattern")):
                rules.append(_Rule(form, re.compile(source, flags), need, 10_000))
            for literal in _strings(spec.get("prefix")):
                pattern = re.compile(_prefix_pattern(literal), flags)
                first = literal.strip()[0].casefold()
                rules.append(_Rule(form, pattern, need, len(literal), first=first))
            for literal in _strings(spec.get("suffix")):
                pattern = re.compile(_suffix_pattern(literal), flags)
                last = literal.strip()[-1].casefold()
                rules.append(_Rule(form, pattern, need, len(literal), last=last))
        # Patterns first (as listed), then the longest literal wins ("needs improvement in"
        # before "needs"); the sort is stable, so equal lengths keep the pack's order.
        grammar.rules = sorted(rules, key=lambda r: -r.length)
        # Each clause only tries the rules that can match it: patterns, the prefixes that
        # start with its first character and the suffixes that end with its last.
        for index, rule in enumerate(grammar.rules):
            if rule.first:
                grammar.by_first.setdefault(rule.first, []).append(index)
            elif rule.last:
                grammar.by_last.setdefault(rule.last, []).append(index)
            else:
                grammar.patterns.append(index)

        def prefixes(key: str, *, rest: bool = False) -> list[re.Pattern[str]]:
            literals = sorted(_strings(data.get(key)), key=len, reverse=True)
            return [re.compile(_prefix_pattern(lit, rest=rest), flags) for lit in literals]

        grammar.labels = prefixes("labels")
        grammar.role_subjects = prefixes("role_subjects")
        grammar.auxiliaries = prefixes("auxiliaries")
        grammar.leads = [
            re.compile(_prefix_pattern(lit, rest=False), flags)
            for lit in sorted(_strings(data.get("suggestion", {}).get("leads")), key=len)[::-1]
        ]
        grammar.strength_drops = [
            re.compile(_prefix_pattern(lit, rest=False), flags)
            for lit in sorted(_strings(data.get("strength", {}).get("drop")), key=len)[::-1]
        ]
        singular = {s.casefold() for s in _strings(data.get("third_person_singular"))}
        subjects = sorted(
            ((str(p[0]), str(p[1])) for p in data.get("subjects", ())),
            key=lambda p: len(p[0]),
            reverse=True,
        )
        grammar.subjects = [
            _Subject(
                re.compile(_prefix_pattern(spelling, rest=False), flags),
                replacement,
                spelling.casefold() in singular,
            )
            for spelling, replacement in subjects
        ]
        person = data.get("person_phrases", {})
        grammar.person_prefixes = [
            re.compile(_prefix_pattern(lit, rest=False), flags)
            for lit in sorted(_strings(person.get("prefix")), key=len, reverse=True)
        ]
        grammar.person_suffixes = [
            re.compile(_suffix_pattern(lit), flags)
            for lit in sorted(_strings(person.get("suffix")), key=len, reverse=True)
        ]
        grammar.cleanup = [
            (re.compile(_prefix_pattern(str(pair[0]), rest=False), flags), str(pair[1]))
            for pair in data.get("need_cleanup", ())
        ]
        grammar.separators = sorted(_strings(data.get("clause_separators")), key=len, reverse=True)
        grammar.contrasts = sorted(_strings(data.get("contrast")), key=len, reverse=True)
        return grammar

    # -- word lists --------------------------------------------------------------------------

    def words(self, key: str) -> tuple[str, ...]:
        """A word list of the section."""
        return _strings(self.data.get(key))

    def nested(self, section: str, key: str) -> tuple[str, ...]:
        """A word list inside a sub-object of the section."""
        inner = self.data.get(section, {})
        return _strings(inner.get(key)) if isinstance(inner, Mapping) else ()

    @property
    def han(self) -> bool:
        """Whether the language is written without spaces between words."""
        return self.script == "han"

    # -- rules -------------------------------------------------------------------------------

    def match(self, text: str) -> tuple[str, str] | None:
        """The first rule that matches the whole text: (form, need)."""
        if not text:
            return None
        candidates = sorted(
            (
                *self.patterns,
                *self.by_first.get(text[0].casefold(), ()),
                *self.by_last.get(text[-1].casefold(), ()),
            )
        )
        for index in candidates:
            rule = self.rules[index]
            found = rule.regex.match(text)
            if found is None:
                continue
            groups = {k: (v or "").strip() for k, v in found.groupdict().items()}
            rest = groups.get("rest", "")
            if "rest" in groups and not strip_trailing(strip_leading(rest)):
                continue
            need = rule.need
            if "{more}" in need:
                need = need.replace("{more}", self.intensify(strip_trailing(rest)))
            for name, value in groups.items():
                need = need.replace("{" + name + "}", value)
            return rule.form, need
        return None

    def intensify(self, rest: str) -> str:
        """What the role needs where the candidate has too little: "more experience"."""
        spec = self.data.get("intensify", {})
        by_head: Mapping[str, str] = spec.get("by_head", {})
        default = str(spec.get("default", ""))
        template = str(spec.get("template", "{more} {rest}"))
        if self.han:
            rest = rest.rstrip("".join(_strings(spec.get("adverbs"))) + " ")
            for trim in sorted(_strings(spec.get("trim")), key=len, reverse=True):
                if rest.endswith(trim) and len(rest) > len(trim):
                    rest = rest[: -len(trim)].rstrip("的 ")
                    break
            parts = re.split(r"(和|与|與|及|、)", rest)
            if len(parts) > 1 and all(self._head(p, by_head, spec) for p in parts[::2]):
                # "经验和能力都有待提升" → "更丰富的经验和更强的能力"
                return "".join(self.intensify(p) if i % 2 == 0 else p for i, p in enumerate(parts))
        head = self._head(rest, by_head, spec)
        if self.han and not head and spec.get("headless_template"):
            return str(spec["headless_template"]).replace("{rest}", rest)
        more = by_head.get(head, default) if head else default
        if self.han and head:
            inside = _strings(spec.get("inside_prefixes"))
            if rest.startswith(inside) and len(rest) > len(head):
                joiner = str(spec.get("inside_strip", ""))
                return rest[: -len(head)].rstrip(joiner + " ") + more + head
        if not self.han:
            rest = re.sub(r"^(?:a|an|any|some)\s+", "", rest, flags=re.IGNORECASE)
        return template.replace("{more}", more).replace("{rest}", rest).strip()

    def foreign_count(self, text: str) -> int:
        """How many characters of the text belong to another script than this pack's."""
        foreign = str(self.data.get("foreign_chars", ""))
        return sum(1 for ch in text if ch in foreign) if foreign else 0

    def _head(self, rest: str, by_head: Mapping[str, str], spec: Mapping[str, Any]) -> str:
        if self.han:
            ends = [h for h in by_head if rest.endswith(h)]
            return max(ends, key=len) if ends else ""
        cut = rest
        for stop in _strings(spec.get("head_stops")):
            found = re.search(rf"\s{re.escape(stop)}\s", cut, flags=re.IGNORECASE)
            if found:
                cut = cut[: found.start()]
        words = [w.casefold() for w in _LATIN_WORD_RE.findall(cut)]
        for size in (2, 1):
            if len(words) >= size:
                head = " ".join(words[-size:])
                if head in by_head:
                    return head
                if head.endswith("s") and head[:-1] in by_head:
                    return head[:-1]
        return words[-1] if words else ""


# --- the engine -----------------------------------------------------------------------------


class Phraser:
    """The phrasing rules for one reader's locale, compiled once; build with `phraser()`."""

    def __init__(self, locale: str | None, packs: LanguagePacks | None = None) -> None:
        self.packs = packs or default_packs()
        self.locale = self.packs.best_locale(locale)
        own = _Grammar.compile(self.locale, self.packs.section(self.locale, "phrasing"))
        others = [
            _Grammar.compile(tag, self.packs.section(tag, "phrasing"))
            for tag in _strings(own.data.get("also_recognise"))
            if tag in self.packs.locales() and tag != self.locale
        ]
        self.own = own
        self.grammars: tuple[_Grammar, ...] = (own, *others)
        self._proper = frozenset(w.casefold() for w in own.words("proper_words")) | _skill_words(
            self.packs
        )
        self._separator_re = self._split_pattern()
        self._adjacency_re = self._adjacency_pattern()
        self._remembered: dict[tuple[str, str, str | None], Phrased] = {}

    def remembered(self, kind: Kind, text: str, *, code: str | None = None) -> Phrased:
        """`reason`, `strength` or `suggestion` of `text`, kept for the next notice that
        carries the same text: phrasing is a pure function of the text and the compiled
        packs, and rejections repeat their wording (screening reasons, shipped advice)."""
        key = (kind, text, code)
        found = self._remembered.get(key)
        if found is None:
            if kind == "reason":
                found = self.reason(text, code=code)
            elif kind == "strength":
                found = self.strength(text)
            else:
                found = self.suggestion(text)
            if len(self._remembered) >= _MAX_REMEMBERED:
                self._remembered.clear()
            self._remembered[key] = found
        return found

    # -- public ------------------------------------------------------------------------------

    def phrase(self, kind: Kind, text: str, *, code: str | None = None) -> Phrased:
        """Phrase one item of a kind (`reason`, `strength`, `suggestion`)."""
        if kind == "reason":
            return self.reason(text, code=code)
        if kind == "strength":
            return self.strength(text)
        return self.suggestion(text)

    def frame(self, name: str, **values: str) -> str:
        """One of the pack's frames filled in (`{need}`, `{text}`), as a finished sentence."""
        frame = str(self.own.data.get("frames", {}).get(name, "{text}"))
        for key, value in values.items():
            frame = frame.replace("{" + key + "}", value)
        return self._finish(frame)

    def template_frames(self) -> Mapping[str, Any]:
        """The frames the shipped templates use, by slot (for tests and template authors)."""
        frames: Mapping[str, Any] = self.own.data.get("template_frames", {})
        return frames

    def note_text(self, note: str) -> str:
        """A note's explanation for HR in this pack's language (English when it has none)."""
        return str(self.own.data.get("notes", {}).get(note, NOTES.get(note, note)))

    def reason(self, text: str, *, code: str | None = None) -> Phrased:
        """Phrase a reason: what the role needs, or the remark quoted when it cannot fit."""
        source = text
        cleaned = self._tidy(text)
        if not cleaned:
            return self._empty("reason", source, code)
        notes: list[str] = []
        groups = self._groups(cleaned, notes)
        need = ""
        form: Form = "sentence"
        fits = False
        if groups is not None:
            form = groups[0][0]
            need = self._join([g[1] for g in groups])
            need = self._final_need(need)
            fits = self._fits_frame(need, notes)
        nominal = fits and not self._verbal(need)
        if fits:
            if form == "preference":
                name = "preference" if nominal else "preference_verbal"
                sentence = self.frame(name, need=need)
            else:
                sentence = self.frame("requirement", need=need)
        else:
            if "too_long" not in notes:
                notes.append("quoted")
            quote = self._lower_first(self._second_person(cleaned))
            sentence = self.frame("concern", text=self._inner(quote))
            need = need if groups is not None else ""
        self._language_notes(need if fits else sentence, notes)
        return Phrased(
            kind="reason",
            source=source,
            locale=self.locale,
            form=form,
            need=need,
            sentence=sentence,
            fits=fits,
            nominal=nominal,
            notes=tuple(dict.fromkeys(notes)),
            code=code,
        )

    def strength(self, text: str) -> Phrased:
        """Phrase a strength: the praise itself, ready after "what stood out: …"."""
        source = text
        cleaned = self._tidy(text)
        if not cleaned:
            return self._empty("strength", source, None)
        notes: list[str] = []
        parts = self._split_contrast(cleaned)
        if len(parts) > 1:
            cleaned = parts[0]
            notes.append("contrast_dropped")
        cleaned = self._strip_strength_subject(cleaned)
        fits = True
        if self._recognise(cleaned)[0] == "deficit":
            notes.append("gap_as_strength")
            fits = False
        need = self._final_item(cleaned)
        form: Form = "sentence" if self._sentence_like(need) else "phrase"
        if len(need) > self._max_length():
            notes.append("too_long")
        sentence = self.frame("strength", text=self._inner(need))
        self._language_notes(need, notes)
        return Phrased(
            kind="strength",
            source=source,
            locale=self.locale,
            form=form,
            need=need,
            sentence=sentence,
            fits=fits,
            notes=tuple(dict.fromkeys(notes)),
        )

    def suggestion(self, text: str) -> Phrased:
        """Phrase a suggestion: the advice itself, without its own "建议"/"We suggest you"."""
        source = text
        cleaned = self._tidy(text)
        if not cleaned:
            return self._empty("suggestion", source, None)
        notes: list[str] = []
        advice = False
        for _ in range(_MAX_PASSES):
            before = cleaned
            for grammar in self.grammars:
                for lead in grammar.leads:
                    found = lead.match(cleaned)
                    if found and cleaned[found.end() :].strip():
                        cleaned = self._tidy(cleaned[found.end() :])
                        advice = True
                        break
            cleaned = self._second_person(cleaned)
            if cleaned == before:
                break
        need = self._final_item(cleaned)
        key = need.casefold()
        if any(
            key.startswith(f.casefold())
            for g in self.grammars
            for f in g.nested("suggestion", "filler")
        ):
            notes.append("generic")
        form: Form = "advice" if advice else ("sentence" if self._sentence_like(need) else "phrase")
        # Advice is a sentence of its own ("我们的建议是：…"), not a slot in a frame: it may
        # run longer than a need before it reads badly (the pack says how much longer).
        if len(need) > self._max_suggestion_length():
            notes.append("too_long")
        sentence = self.frame("suggestion", text=self._inner(need))
        self._language_notes(need, notes)
        return Phrased(
            kind="suggestion",
            source=source,
            locale=self.locale,
            form=form,
            need=need,
            sentence=sentence,
            fits=True,
            notes=tuple(dict.fromkeys(notes)),
        )

    def breakages(self, rendered: str) -> list[str]:
        """What reads broken in a rendered text: doubled verbs or punctuation, a frame verb
        followed by a negation, a doubled "建议", dangling punctuation (empty when fine)."""
        found: list[str] = []
        for pattern in self.own.words("breakages"):
            hit = re.search(pattern, rendered, flags=re.IGNORECASE)
            if hit:
                found.append(f"{pattern!r} at {hit.group(0)!r}")
        # "不断学习" is no negation; "要求不匹配" has 要求 as a noun ("the requirements").
        exceptions = tuple(
            e.casefold()
            for e in (
                *self.own.words("negation_exceptions"),
                *self.own.words("adjacency_exceptions"),
            )
        )
        for hit in self._adjacency_re.finditer(rendered):
            tail = rendered[hit.end() :].casefold()
            if not tail.startswith(exceptions):
                found.append(
                    "a frame verb followed by a negation or a verb: "
                    f"{rendered[hit.start() : hit.end() + 8]!r}"
                )
        return found

    # -- reasons -----------------------------------------------------------------------------

    def _groups(self, text: str, notes: list[str]) -> list[tuple[Form, str]] | None:
        """The reason's clauses as (form, need) groups, or None when it must be quoted."""
        groups: list[tuple[Form, str]] = []
        contrasts = self._contrast_set()
        pending = ""  # a lead-in with no rule of its own ("Ideally,") joins the next clause
        pending_separator = ""
        for separator, raw in self._clauses(text):
            if not raw:
                continue
            clause = raw
            if pending:
                clause, separator = pending + separator + raw, pending_separator
                pending = ""
            form, need = self._recognise(clause)
            contrast = separator in contrasts
            if form in _QUOTED_FORMS:
                if form == "vague":
                    notes.append("vague")
                return None
            if form is None:
                if contrast and groups:
                    if all(g[0] == "phrase" for g in groups):
                        return None  # "Strong candidate but we hired internally": a remark
                    notes.append("contrast_dropped")  # "lacks Kafka, but eager to learn"
                    continue
                if groups and groups[-1][0] != "phrase":
                    # A continuation ("需要熟悉Go，有高并发经验") stays with its clause; a
                    # remark of its own ("稳定性不足，近三年换了四份工作") cannot be framed.
                    if self._sentence_like(need):
                        return None
                    groups[-1] = (groups[-1][0], groups[-1][1] + separator + self._tidy(clause))
                    continue
                if self._noun_phrase(need):
                    groups.append(("phrase", self._bare(need)))
                    continue
                pending, pending_separator = clause, separator
                continue
            if contrast and groups and all(g[0] == "phrase" for g in groups):
                # "Good culture fit, but lacks Kafka": the praise belongs in strengths.
                groups = []
                notes.append("contrast_dropped")
            groups.append((form, need))
        if pending:
            return None
        return groups or None

    def _recognise(self, clause: str) -> tuple[Form | None, str]:
        """Apply the rules until none applies: the first rule's form and the final need."""
        text = self._lower_first(self._tidy(clause))
        form: Form | None = None
        for _ in range(_MAX_PASSES):
            hit = None
            for variant in self._variants(text):
                for grammar in self._grammars_for(variant):
                    hit = grammar.match(variant)
                    if hit:
                        break
                if hit:
                    break
            if hit is None:
                break
            rule_form, need = hit
            if rule_form in _QUOTED_FORMS:
                return rule_form, text  # type: ignore[return-value]  # see _QUOTED_FORMS
            form = form or _as_form(rule_form)
            cleaned = self._clean_need(need)
            if not cleaned or cleaned == text:
                break
            text = cleaned
        return form, text

    def _grammars_for(self, text: str) -> list[_Grammar]:
        """The grammars to try, those whose script the text is written in first (a Simplified
        remark for a Traditional reader is read with the Simplified rules)."""
        return sorted(self.grammars, key=lambda g: g.foreign_count(text) > 0)

    def _variants(self, text: str) -> Iterator[str]:
        """The text without its subject ("his", "候选人") and auxiliary ("has") first, so a
        suffix rule never takes the subject in ("His SQL was weak"), then as written, then
        without the role ("the role", "本岗位")."""
        seen: set[str] = set()
        subject = self._strip_subject(text)
        candidates = [subject, text] if subject != text else [text]
        role = self._strip_role(text)
        if role != text:
            candidates.append(role)
        for candidate in candidates:
            if candidate and candidate not in seen:
                seen.add(candidate)
                yield candidate
            if candidate == text:
                continue
            for grammar in self.grammars:
                for aux in grammar.auxiliaries:
                    found = aux.match(candidate)
                    if found and candidate[found.end() :].strip():
                        stripped = self._tidy(candidate[found.end() :])
                        if stripped not in seen:
                            seen.add(stripped)
                            yield stripped

    def _clean_need(self, need: str) -> str:
        text = self._tidy(need)
        for _ in range(_MAX_PASSES):
            before = text
            for grammar in self.grammars:
                for prefix in grammar.person_prefixes:
                    found = prefix.match(text)
                    if found and text[found.end() :].strip():
                        text = self._tidy(text[found.end() :])
                for suffix in grammar.person_suffixes:
                    found = suffix.match(text)
                    if found and found.group("rest").strip():
                        text = self._tidy(found.group("rest"))
                stripped = self._strip_subject(text)
                if stripped != text and self._verbal(stripped):
                    text = stripped  # "要求候选人具备…" → "具备…"
                for pattern, replacement in grammar.cleanup:
                    found = pattern.match(text)
                    if found and text[found.end() :].strip():
                        text = self._tidy(replacement + text[found.end() :])
            if text == before:
                break
        return text

    def _final_need(self, need: str) -> str:
        need = strip_trailing(self._clean_need(need))
        return self._lower_first(self._finish_inner(need))

    def _fits_frame(self, need: str, notes: list[str]) -> bool:
        if not need:
            return False
        if len(need) > self._max_length():
            notes.append("too_long")
            return False
        if re.search(r"[。！？]|[.!?]\s", need):
            return False  # more than one sentence
        if self._starts_with_any(need, self.own.words("negations"), exceptions=True):
            return False
        if self._starts_with_any(need, self.own.words("frame_verbs")):
            return False
        # A rule found the need's shape; only a pronoun start ("that you…") betrays a clause.
        return not self._starts_with_any(need, self.own.words("sentence_starts"))

    def _join(self, needs: Sequence[str]) -> str:
        needs = [strip_trailing(n) for n in needs if strip_trailing(n)]
        if len(needs) <= 1:
            return needs[0] if needs else ""
        join = self.own.data.get("join", {})
        verbal = any(self._verbal(n) for n in needs[1:])
        separator = str(join.get("verbal_separator" if verbal else "separator", ", "))
        last = str(join.get("verbal_last" if verbal else "last", " and "))
        return separator.join(needs[:-1]) + last + needs[-1]

    def _noun_phrase(self, text: str) -> bool:
        """Whether an unrecognised clause is a bare noun phrase a frame can take."""
        if not text or self._sentence_like(text) or re.search(r"[:：]", text):
            return False  # "Experience in FMCG: none" is a note, not a phrase
        if self._starts_with_any(text, self.own.words("negations"), exceptions=True):
            return False
        if self._starts_with_any(text, self.own.words("frame_verbs")):
            return False
        if has_han(text):
            heads = (
                *self.own.words("noun_heads"),
                *self.own.data.get("intensify", {}).get("by_head", {}),
            )
            short = len(re.sub(r"[^" + HAN + "]", "", text)) <= int(
                self.own.data.get("short_phrase", 8)
            )
            return text.endswith(tuple(heads)) or short or _skill_words_han(self.packs, text)
        words = _LATIN_WORD_RE.findall(text)
        if not words:
            return True  # digits and symbols ("5+", "C++")
        last = words[-1]
        return not last.casefold().endswith(_strings(self.own.data.get("not_noun_endings")))

    def _bare(self, phrase: str) -> str:
        """A bare topic as what a role needs ("直播营销" → "直播营销方面的能力"), per the pack."""
        template = str(self.own.data.get("bare_template", ""))
        heads = (
            *self.own.words("noun_heads"),
            *self.own.data.get("intensify", {}).get("by_head", {}),
        )
        if not template or phrase.endswith(tuple(heads)):
            return phrase
        return template.replace("{rest}", phrase)

    def _sentence_like(self, text: str) -> bool:
        """Whether the text reads as a sentence of its own rather than a phrase."""
        if self._strip_subject(text) != text:
            return True  # "候选人为大专", "the candidate was late"
        for grammar in self.grammars:
            if grammar.han and has_han(text):
                if re.search(r"[。！？]", strip_trailing(text)):
                    return True
                if self._starts_with_any(text, grammar.words("sentence_starts")):
                    return True
                bare = text
                for exception in grammar.words("predicate_exceptions"):
                    bare = bare.replace(exception, " ")
                if any(m in bare for m in grammar.words("predicate_markers")):
                    return True
            elif not grammar.han:
                if re.search(r"[.!?]\s+\S", text):
                    return True
                words = [w.casefold() for w in _LATIN_WORD_RE.findall(text)]
                if not words:
                    continue
                if words[0] in {w.casefold() for w in grammar.words("sentence_starts")}:
                    return True
                predicates = {
                    w.casefold()
                    for w in (*grammar.words("finite_verbs"), *grammar.words("predicate_markers"))
                }
                if any(w in predicates for w in words):
                    return True
        return False

    def _verbal(self, need: str) -> bool:
        """Whether a need is a clause or verb phrase ("someone who…", "熟悉…"), not a noun."""
        return self._starts_with_any(need, self.own.words("verbal_heads"))

    # -- strengths ---------------------------------------------------------------------------

    def _strip_strength_subject(self, text: str) -> str:
        stripped = self._strip_subject(text)
        if stripped != text:
            for grammar in self.grammars:
                for drop in grammar.strength_drops:
                    found = drop.match(stripped)
                    if found and stripped[found.end() :].strip():
                        return self._tidy(stripped[found.end() :])
        return self._second_person(text)

    def _split_contrast(self, text: str) -> list[str]:
        contrasts = self._contrast_set()
        if not contrasts:
            return [text]
        pattern = "|".join(self._separator_alt(c) for c in sorted(contrasts, key=len, reverse=True))
        parts = [p for p in re.split(pattern, text, maxsplit=1, flags=re.IGNORECASE) if p.strip()]
        return [self._tidy(p) for p in parts] or [text]

    def _final_item(self, text: str) -> str:
        text = strip_trailing(self._finish_inner(self._tidy(text)))
        return self._lower_first(text)

    # -- subjects and persons ----------------------------------------------------------------

    def _strip_role(self, text: str) -> str:
        for _ in range(_MAX_PASSES):
            before = text
            for grammar in self.grammars:
                for role in grammar.role_subjects:
                    found = role.match(text)
                    if found and text[found.end() :].strip():
                        text = self._tidy(text[found.end() :])
                        break
            if text == before:
                break
        return text

    def _strip_subject(self, text: str) -> str:
        for grammar in self.grammars:
            for subject in grammar.subjects:
                found = subject.regex.match(text)
                if found and text[found.end() :].strip():
                    return self._tidy(text[found.end() :])
        return text

    def _second_person(self, text: str) -> str:
        """The remark addressed to the reader: "He lacks…" → "You lack…", "候选人的…" → "您的…"."""
        for grammar in self.grammars:
            for subject in grammar.subjects:
                found = subject.regex.match(text)
                if not found or not text[found.end() :].strip():
                    continue
                rest = text[found.end() :].lstrip()
                if subject.singular and not grammar.han:
                    rest = self._agree(grammar, rest)
                joiner = "" if grammar.han or not subject.replacement else " "
                result = (subject.replacement + joiner + rest).strip()
                return result[:1].upper() + result[1:] if not grammar.han else result
        return text

    @staticmethod
    def _agree(grammar: _Grammar, rest: str) -> str:
        """The verb after a third-person singular subject, for "you": "lacks" → "lack"."""
        match = re.match(r"([A-Za-z'’]+)(.*)$", rest, flags=re.DOTALL)
        if match is None:
            return rest
        verb, tail = match.group(1), match.group(2)
        agreement: Mapping[str, str] = grammar.data.get("agreement", {})
        lowered = verb.casefold()
        if lowered in agreement:
            return agreement[lowered] + tail
        keep = {w.casefold() for w in grammar.words("not_verbs")}
        if lowered in keep or len(lowered) < 4:
            return rest
        if lowered.endswith("ies"):
            return verb[:-3] + "y" + tail
        if lowered.endswith(("sses", "shes", "ches", "xes", "zes", "oes")):
            return verb[:-2] + tail
        if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")):
            return verb[:-1] + tail
        return rest

    # -- text hygiene ------------------------------------------------------------------------

    def _tidy(self, text: str) -> str:
        """Spaces, width, bullets, quotes, labels and edge punctuation normalised away."""
        text = collapse_spaces(fold_width(text or ""))
        text = _ELLIPSIS_RE.sub("…", text)
        # Next to Chinese, "," and ";" are the full-width marks typed on an English keyboard.
        text = _HAN_PUNCT_RE.sub(lambda m: _ASCII_TO_FULL[m.group(1) or m.group(2)], text)
        for _ in range(_MAX_PASSES):
            before = text
            text = _BULLET_RE.sub("", text)
            text = strip_quotes(strip_leading(strip_trailing(text)))
            for grammar in self.grammars:
                for label in grammar.labels:
                    found = label.match(text)
                    if found and text[found.end() :].strip():
                        text = text[found.end() :].strip()
            if text == before:
                break
        return text

    def _finish_inner(self, text: str) -> str:
        """Punctuation inside a phrase, in the reader's style, with no doubles."""
        if self.own.han:
            # "经验,沟通" → "经验，沟通" next to Chinese; ASCII kept between Latin words.
            text = _HAN_PUNCT_RE.sub(lambda m: _ASCII_TO_FULL[m.group(1) or m.group(2)], text)
        elif not has_han(text):
            text = "".join(_FULL_TO_ASCII.get(ch, ch) for ch in text)
            if self.own.data.get("tight_punctuation", True):
                text = _SPACE_BEFORE_PUNCT_RE.sub(r"\1", text)
            text = collapse_spaces(text)
        return _collapse_punctuation(text)

    def _inner(self, text: str) -> str:
        """A remark as it goes inside a frame: own trailing punctuation off (the frame ends it)."""
        return strip_trailing(self._finish_inner(text))

    def _finish(self, sentence: str) -> str:
        # The frame's own spacing is the pack's typography (French writes "conseil : …").
        sentence = _collapse_punctuation(collapse_spaces(sentence))
        if not self.own.han:
            if sentence[:1].islower():
                sentence = sentence[:1].upper() + sentence[1:]
        return sentence

    def _lower_first(self, text: str) -> str:
        """ "Hands-on Kafka experience" → "hands-on Kafka experience"; "Kafka", "SQL", "I" kept."""
        if self.own.han and has_han(text[:1]):
            return text
        match = re.match(r"([A-Za-z][A-Za-z'’\-]*)", text)
        if match is None:
            return text
        word = match.group(1)
        if len(word) < 2 or not word[0].isupper() or not word[1:].islower():
            return text  # "SQL", "iOS", "I"
        base = word.split("-")[0].split("'")[0].split("’")[0]
        if base.casefold() in self._proper or word.casefold() in self._proper:
            return text
        return word[0].lower() + text[1:]

    def _language_notes(self, text: str, notes: list[str]) -> None:
        if not text:
            return
        if self.own.han:
            # "hands-on Kafka experience" in a Chinese notice; "SQL", "Kafka", "K8s" are fine.
            if not has_han(text) and any(
                len(w) >= 4 and w[0].islower() for w in _LATIN_WORD_RE.findall(text)
            ):
                notes.append("other_language")
        elif has_han(text):
            notes.append("other_language")
        if self.own.foreign_count(text):
            notes.append("other_script")

    def _max_length(self) -> int:
        return int(self.own.data.get("max_need_length", 160))

    def _max_suggestion_length(self) -> int:
        return int(self.own.data.get("max_suggestion_length", self._max_length() * 5 // 2))

    def _empty(self, kind: Kind, source: str, code: str | None) -> Phrased:
        return Phrased(
            kind=kind,
            source=source,
            locale=self.locale,
            form="phrase",
            need="",
            sentence="",
            fits=False,
            notes=("empty",),
            code=code,
        )

    # -- clause splitting --------------------------------------------------------------------

    def _contrast_set(self) -> frozenset[str]:
        return frozenset(c for g in self.grammars for c in g.contrasts)

    @staticmethod
    def _separator_alt(separator: str) -> str:
        """A separator as a pattern: a space written around it must be there ("e.g." is no
        sentence end, "5,000" no list), and a word separator needs spaces on both sides."""
        core = separator.strip()
        if not core:
            return r"\s+"
        before = r"\s+" if separator.startswith(" ") or _is_latin_edge(core[0]) else r"\s*"
        after = r"\s+" if separator.endswith(" ") or _is_latin_edge(core[-1]) else r"\s*"
        return before + _literal(core) + after

    def _split_pattern(self) -> re.Pattern[str]:
        separators = {s for g in self.grammars for s in (*g.separators, *g.contrasts)}
        alts = [
            f"(?P<s{i}>{self._separator_alt(s)})"
            for i, s in enumerate(sorted(separators, key=len, reverse=True))
        ]
        self._separator_names = {
            f"s{i}": s for i, s in enumerate(sorted(separators, key=len, reverse=True))
        }
        return re.compile("|".join(alts) or r"(?!)", flags=re.IGNORECASE)

    def _clauses(self, text: str) -> list[tuple[str, str]]:
        """(separator before, clause) pairs; the first separator is ""."""
        out: list[tuple[str, str]] = []
        position = 0
        separator = ""
        for found in self._separator_re.finditer(text):
            if found.start() == 0:
                continue
            out.append((separator, text[position : found.start()].strip()))
            name = found.lastgroup or ""
            separator = self._separator_names.get(name, found.group(0))
            position = found.end()
        out.append((separator, text[position:].strip()))
        return out

    # -- small helpers -----------------------------------------------------------------------

    def _starts_with_any(
        self, text: str, words: Iterable[str], *, exceptions: bool = False
    ) -> bool:
        lowered = text.casefold()
        if exceptions:
            skip = tuple(e.casefold() for e in self.own.words("negation_exceptions"))
            if skip and lowered.startswith(skip):
                return False
        for word in words:
            w = word.casefold().strip()
            if not w or not lowered.startswith(w):
                continue
            after = lowered[len(w) : len(w) + 1]
            if _is_latin_edge(w[-1]) and after and (after.isalnum() or after in "'’"):
                continue  # "no" is not "node.js", "not" is not "notable"
            return True
        return False

    def _adjacency_pattern(self) -> re.Pattern[str]:
        """A frame verb directly followed by a negation, a deficit word or another frame verb
        ("needs lacks", "需要缺乏", "需要需要"), compiled once; the match ends where the
        follower starts, so `negation_exceptions` ("需要不断…") can be checked there."""
        verbs = self.own.words("frame_verbs")
        followers = [*self.own.words("negations"), *verbs]
        alternatives: list[str] = []
        for verb in sorted(verbs, key=len, reverse=True):
            for word in sorted(followers, key=len, reverse=True):
                latin = _is_latin_edge(verb.strip()[-1]) or _is_latin_edge(word.strip()[0])
                if latin:
                    before = r"(?<![A-Za-z])" if _is_latin_edge(verb.strip()[0]) else ""
                    after = r"(?![A-Za-z])" if _is_latin_edge(word.strip()[-1]) else ""
                    alternatives.append(
                        before + _literal(verb) + r"\s+(?=" + _literal(word) + after + ")"
                    )
                else:
                    alternatives.append(re.escape(verb) + r"\s*(?=" + re.escape(word) + ")")
        return re.compile("|".join(alternatives) or r"(?!)", flags=re.IGNORECASE)


def _as_form(value: str) -> Form:
    if value in ("requirement", "preference", "deficit", "phrase", "sentence", "advice"):
        return value  # type: ignore[return-value]  # checked against the literal's values
    return "requirement"


def _collapse_punctuation(text: str) -> str:
    """No doubled punctuation: "。。" → "。", ".." → ".", "，。" → "。", "…." → "…"."""
    text = re.sub(r"([。，、；：！？,;:!?])\1+", r"\1", text)
    text = re.sub(r"(?<!\.)\.\.(?!\.)", ".", text)
    text = re.sub(r"[，、；：,;:]+([。！？])", r"\1", text)
    text = re.sub(r"[,;:]+([.!?])(?=\s|$)", r"\1", text)
    text = re.sub(r"([。！？])[.,，。]+", r"\1", text)
    text = re.sub(r"…[.。]", "…", text)
    text = re.sub(r"([.!?])[.,]+(?=\s|$)", r"\1", text)
    return text


@lru_cache(maxsize=8)
def _skill_words(packs: LanguagePacks) -> frozenset[str]:
    from talentloop_shared.language.vocabulary import skill_vocabulary

    return skill_vocabulary(packs).proper_words()


def _skill_words_han(packs: LanguagePacks, text: str) -> bool:
    from talentloop_shared.language.vocabulary import skill_vocabulary

    return skill_vocabulary(packs).is_known(text)


_PHRASERS: dict[tuple[int, str], Phraser] = {}
_MAX_REMEMBERED: Final = 4096  # phrased items kept per phraser (`Phraser.remembered`)
_MAX_PHRASERS: Final = 64


def phraser(locale: str | None, packs: LanguagePacks | None = None) -> Phraser:
    """The compiled phraser for a reader's locale (cached per packs and locale)."""
    packs = packs or default_packs()
    key = (id(packs), packs.best_locale(locale))
    found = _PHRASERS.get(key)
    if found is None or found.packs is not packs:
        if len(_PHRASERS) >= _MAX_PHRASERS:
            _PHRASERS.clear()  # only tests build many pack sets; a service has one
        found = Phraser(locale, packs)
        _PHRASERS[key] = found
    return found


def build_phrasers(packs: LanguagePacks | None = None) -> None:
    """Build the phraser of every locale the packs have, ahead of use: building one costs
    ≈0.2–0.4 s of regular expressions, which inside the first notice of a locale holds up
    everything else the process has in flight. A service calls it at start-up, in a thread."""
    packs = packs or default_packs()
    for locale in packs.locales():
        phraser(locale, packs)


def phrase(
    kind: Kind, text: str, locale: str | None, *, packs: LanguagePacks | None = None
) -> Phrased:
    """Phrase one reason, strength or suggestion for a reader's locale."""
    return phraser(locale, packs).phrase(kind, text)


def phrase_reason(
    text: str, locale: str | None, *, code: str | None = None, packs: LanguagePacks | None = None
) -> Phrased:
    """Phrase one reason for a reader's locale (see `Phraser.reason`)."""
    return phraser(locale, packs).reason(text, code=code)


def phrase_strength(
    text: str, locale: str | None, *, packs: LanguagePacks | None = None
) -> Phrased:
    """Phrase one strength for a reader's locale (see `Phraser.strength`)."""
    return phraser(locale, packs).strength(text)


def phrase_suggestion(
    text: str, locale: str | None, *, packs: LanguagePacks | None = None
) -> Phrased:
    """Phrase one suggestion for a reader's locale (see `Phraser.suggestion`)."""
    return phraser(locale, packs).suggestion(text)


def phrase_notice(
    locale: str | None,
    *,
    strengths: Iterable[str] = (),
    reasons: Iterable[str | ReasonLike] = (),
    suggestions: Iterable[str] = (),
    packs: LanguagePacks | None = None,
) -> PhrasedNotice:
    """Phrase every item of a notice for its reader; empty items are left out."""
    engine = phraser(locale, packs)
    phrased_reasons: list[Phrased] = []
    for item in reasons:
        if isinstance(item, str):
            phrased_reasons.append(engine.remembered("reason", item))
        else:
            phrased_reasons.append(engine.remembered("reason", item.text, code=item.code))
    return PhrasedNotice(
        locale=engine.locale,
        strengths=tuple(p for t in strengths if (p := engine.remembered("strength", t))),
        reasons=tuple(p for p in phrased_reasons if p),
        suggestions=tuple(p for t in suggestions if (p := engine.remembered("suggestion", t))),
    )
