"""Training courses suggested for a talent's gaps.

Matching is by content words. Both texts are normalised and split into words
(letters and digits; "live-stream" is "live" + "stream"), and filler words such as
"lacks", "experience", "hands-on" or "the" are dropped. A course skill covers a gap when
all of its words appear in the gap, or all of the gap's words appear in the skill:
"team management" covers "lacks team management experience", and "clinical research"
covers "lacks clinical experience". Word order and extra words do not matter; spelling
variants ("analysis" vs "analytics") do not match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from talent_service.domain.tags import normalise

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


def content_words(text: str) -> frozenset[str]:
    """Return the subject words of a skill or gap text, without filler words."""
    return frozenset(_WORD.findall(normalise(text))) - _FILLER_WORDS


def covers_gap(skill: str, gap: str) -> bool:
    """Whether a course skill covers a gap by word containment in either direction."""
    return _covers(content_words(skill), content_words(gap))


def _covers(skill_words: frozenset[str], gap_words: frozenset[str]) -> bool:
    if not skill_words or not gap_words:
        return False
    return skill_words <= gap_words or gap_words <= skill_words


def suggest_courses(gaps: Sequence[str], courses: Iterable[Course]) -> list[CourseSuggestion]:
    """Return courses covering any gap, most gaps covered first, then by title."""
    gap_words = {
        gap: content_words(gap) for gap in dict.fromkeys(normalise(g) for g in gaps) if gap
    }
    suggestions: list[CourseSuggestion] = []
    for course in courses:
        skill_words = [content_words(skill) for skill in course.skills]
        covered = tuple(
            gap
            for gap, words in gap_words.items()
            if any(_covers(skill, words) for skill in skill_words)
        )
        if covered:
            suggestions.append(CourseSuggestion(course=course, covers=covered))
    suggestions.sort(key=lambda s: (-len(s.covers), normalise(s.course.title), s.course.id))
    return suggestions
