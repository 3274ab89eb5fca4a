"""Training courses for a talent's gaps and for a new hire's development plan.

Both texts are folded first: Unicode NFKC (full-width "ＳＱＬ" is "SQL"), case-folded,
whitespace collapsed. Then matching is by content words: the texts are split into words
(letters and digits; "live-stream" is "live" + "stream"), and filler words such as "lacks",
"experience", "hands-on" or "the" are dropped. A course skill covers a gap when all of its
words appear in the gap, or all of the gap's words appear in the skill: "team management"
covers "lacks team management experience", and "clinical research" covers "lacks clinical
experience". Word order and extra words do not matter; spelling variants ("analysis" vs
"analytics") do not match. Chinese and Japanese are written without spaces, so a skill
also covers a gap when it appears in the gap's text as it is ("临床研究" in "缺乏临床研究经验"),
never inside a longer word of a spaced script ("sql" is not in "nosql").

A new hire's gap is a scorecard dimension (`Gap`): a course covers it when one of its
skills covers the panel's text, the dimension's key ("data_analysis" reads "data
analysis") or the dimension's name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Protocol

from talent_service.domain.tags import dimension_label, normalise

_WORD = re.compile(r"[^\W_]+")

# Words that describe the shape of a gap rather than its subject; keeping them would let
# any "…experience" course cover any "…experience" gap.
_FILLER_WORDS: Final = frozenset(
    {
        "a", "an", "and", "any", "as", "at", "basic", "basics", "by", "enough", "experience",
        "experienced", "for", "from", "hands", "in", "insufficient", "is", "lack", "lacking",
        "lacks", "limited", "little", "more", "needs", "no", "not", "of", "on", "or", "real",
        "skill", "skills", "solid", "some", "the", "to", "weak", "with", "year", "years",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Course:
    """A course in the catalogue and the skills it builds (any sequence; stored as a tuple)."""

    id: str
    title: str
    provider: str
    url: str
    skills: tuple[str, ...]

    def __post_init__(self) -> None:
        # A tuple keeps the frozen course hashable even when built from a list.
        object.__setattr__(self, "skills", tuple(self.skills))


@dataclass(frozen=True, slots=True)
class CourseSuggestion:
    """A course and the gaps (normalised) it covers."""

    course: Course
    covers: tuple[str, ...]


def fold(text: str) -> str:
    """A text as matching compares it: NFKC, case-folded, normalised (`tags.normalise`)."""
    return normalise(unicodedata.normalize("NFKC", text).casefold())


def content_words(text: str) -> frozenset[str]:
    """Return the subject words of a skill or gap text, without filler words."""
    return frozenset(_WORD.findall(fold(text))) - _FILLER_WORDS


def _unspaced(char: str) -> bool:
    """Whether a character belongs to a script written without spaces between words."""
    code = ord(char)
    return (
        0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xF900 <= code <= 0xFAFF  # CJK compatibility ideographs
        or 0x20000 <= code <= 0x3134F  # CJK extensions B–G
    )


def _joins(a: str, b: str) -> bool:
    """Whether `a` next to `b` continues one word (two letters/digits of a spaced script)."""
    return a.isalnum() and b.isalnum() and not _unspaced(a) and not _unspaced(b)


def appears_in(phrase: str, text: str) -> bool:
    """Whether the folded `phrase` occurs in the folded `text` without cutting a word of a
    spaced script in two ("临床" in "缺乏临床经验", "go" in "hands-on go", not in "good")."""
    return _appears(fold(phrase), fold(text))


def _appears(phrase: str, text: str) -> bool:
    if not phrase:
        return False
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if (start == 0 or not _joins(text[start - 1], phrase[0])) and (
            end == len(text) or not _joins(phrase[-1], text[end])
        ):
            return True
        start = text.find(phrase, start + 1)
    return False


@dataclass(frozen=True, slots=True)
class _Text:
    """A skill or gap text, folded once, with its content words."""

    folded: str
    words: frozenset[str]

    @classmethod
    def of(cls, text: str) -> _Text:
        return cls(folded=fold(text), words=content_words(text))


def covers_gap(skill: str, gap: str) -> bool:
    """Whether a course skill covers a gap text: word containment in either direction, or
    the skill written as it is inside the gap (scripts without spaces)."""
    return _covers(_Text.of(skill), _Text.of(gap))


def _covers(skill: _Text, gap: _Text) -> bool:
    if not skill.words or not gap.words:
        return False  # filler only ("experience") covers nothing
    return (
        skill.words <= gap.words or gap.words <= skill.words or _appears(skill.folded, gap.folded)
    )


def _ranked(suggestions: list[CourseSuggestion]) -> list[CourseSuggestion]:
    """Most gaps covered first, then by title, then by id."""
    return sorted(suggestions, key=lambda s: (-len(s.covers), fold(s.course.title), s.course.id))


def suggest_courses(gaps: Sequence[str], courses: Iterable[Course]) -> list[CourseSuggestion]:
    """Return courses covering any gap, most gaps covered first, then by title."""
    texts = {gap: _Text.of(gap) for gap in dict.fromkeys(normalise(g) for g in gaps) if gap}
    suggestions: list[CourseSuggestion] = []
    for course in courses:
        skills = [_Text.of(skill) for skill in course.skills]
        covered = tuple(
            gap for gap, text in texts.items() if any(_covers(skill, text) for skill in skills)
        )
        if covered:
            suggestions.append(CourseSuggestion(course=course, covers=covered))
    return _ranked(suggestions)


class DimensionGap(Protocol):
    """A scorecard dimension where someone fell short (`events.payloads.Gap` is one)."""

    @property
    def dimension(self) -> str: ...

    @property
    def name(self) -> str | None: ...

    @property
    def text(self) -> str | None: ...


def covers_dimension_gap(skill: str, gap: DimensionGap) -> bool:
    """Whether a course skill covers a dimension gap: the panel's text, the dimension's key
    or its name."""
    skill_text = _Text.of(skill)
    return any(_covers(skill_text, text) for text in _gap_texts(gap))


def _gap_texts(gap: DimensionGap) -> list[_Text]:
    texts = [gap.text, dimension_label(gap.dimension), gap.name]
    return [_Text.of(t) for t in texts if t and t.strip()]


def courses_for_dimension_gaps(
    gaps: Sequence[DimensionGap], courses: Iterable[Course]
) -> list[CourseSuggestion]:
    """Courses covering any of the gaps (`covers` names their dimension keys, in the gaps'
    order), most gaps covered first, then by title: a new hire's development plan."""
    texts: dict[str, list[_Text]] = {}
    for gap in gaps:
        texts.setdefault(gap.dimension, []).extend(_gap_texts(gap))
    suggestions: list[CourseSuggestion] = []
    for course in courses:
        skills = [_Text.of(skill) for skill in course.skills]
        covered = tuple(
            dimension
            for dimension, gap_texts in texts.items()
            if any(_covers(skill, text) for skill in skills for text in gap_texts)
        )
        if covered:
            suggestions.append(CourseSuggestion(course=course, covers=covered))
    return _ranked(suggestions)
