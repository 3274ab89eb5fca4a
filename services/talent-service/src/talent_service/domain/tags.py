"""Tags kept on a pooled candidate (skills, strengths, gaps, industries, contact wish).

Tags are derived from events; each tag remembers the event that produced it (`source`),
so HR can see why a candidate carries it and an erase can be audited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, Literal, get_args

from talentloop_shared.events.payloads import (
    CandidateRejected,
    EvaluationSubmitted,
    FeedbackReceived,
)
from talentloop_shared.language.vocabulary import SkillVocabulary

TagKind = Literal["skill", "strength", "gap", "open_to_contact", "industry"]
TAG_KINDS: Final[frozenset[str]] = frozenset(get_args(TagKind))

# Rejection scorecards are averages (floats), evaluation scores are single 1–10 integers;
# an average of 7.5 already means most interviewers rated the dimension 8 or more.
REJECTION_STRENGTH_MIN: Final = 7.5
EVALUATION_STRENGTH_MIN: Final = 8
DIMENSION_GAP_BELOW: Final = 5.0

# The value of the single open_to_contact tag; its presence is what matters.
OPEN_TO_CONTACT: Final = "yes"

_WHITESPACE = re.compile(r"\s+")
# Trailing sentence punctuation makes "Strong SQL." and "strong sql" different tags.
_TRAILING_PUNCTUATION = ".,;:!"


def normalise(text: str) -> str:
    """Return `text` trimmed, lower-cased, whitespace-collapsed, without trailing punctuation."""
    collapsed = _WHITESPACE.sub(" ", text).strip().lower()
    return collapsed.rstrip(_TRAILING_PUNCTUATION).rstrip()


def dimension_label(key: str) -> str:
    """Return a scorecard dimension key as a tag value ("data_analysis" → "data analysis")."""
    return normalise(key.replace("_", " ").replace("-", " "))


@dataclass(frozen=True, slots=True)
class Tag:
    """One fact about a pooled candidate; `value` is always stored normalised."""

    kind: TagKind
    value: str
    source: str

    def __post_init__(self) -> None:
        if self.kind not in TAG_KINDS:
            raise ValueError(f"unknown tag kind {self.kind!r}")
        value = normalise(self.value)
        if not value:
            raise ValueError("tag value is empty")
        # frozen: the normalised value replaces the raw one exactly once, at construction.
        object.__setattr__(self, "value", value)

    @property
    def key(self) -> tuple[str, str]:
        """Identity of a tag for de-duplication: the source does not count."""
        return (self.kind, self.value)


def _tags(kind: TagKind, values: Iterable[str], source: str) -> list[Tag]:
    """Build tags of one kind, skipping values that normalise to nothing."""
    return [Tag(kind, value, source) for value in values if normalise(value)]


def has_pool_consent(event: CandidateRejected) -> bool:
    """Whether the rejected candidate agreed to be kept in the talent pool."""
    return event.candidate.talent_pool_consent


def skill_values(values: Iterable[str], vocabulary: SkillVocabulary | None) -> list[str]:
    """Skills (or industries) as tags hold them: a spelling the table knows becomes its key
    ("K8s", "Ｋｕｂｅｒｎｅｔｅｓ", and "容器编排" once HR says so → "kubernetes"); anything else
    stays as written (then `normalise`d like every tag, as before the table existed)."""
    if vocabulary is None:
        return list(values)
    return [skill_value(value, vocabulary) for value in values]


def skill_value(value: str, vocabulary: SkillVocabulary) -> str:
    """One skill as a tag holds it (see `skill_values`)."""
    entry = vocabulary.entry(value)
    return entry.key if entry is not None else value


def tags_from_rejection(
    event: CandidateRejected, *, vocabulary: SkillVocabulary | None = None
) -> list[Tag]:
    """Derive skill, industry, strength and gap tags from a rejection (caller checks consent).

    Skills and industries are keyed by `vocabulary` (the shipped table plus HR's synonyms in
    force), so matching compares them with a position's by the same keys."""
    source = f"candidate-rejected:{event.application_id}"
    dimensions = event.scorecard.dimensions if event.scorecard is not None else {}
    strong = [key for key, score in dimensions.items() if score >= REJECTION_STRENGTH_MIN]
    weak = [key for key, score in dimensions.items() if score < DIMENSION_GAP_BELOW]
    tags = [
        *_tags("skill", skill_values(event.candidate.skills, vocabulary), source),
        *_tags("industry", skill_values(event.candidate.industries, vocabulary), source),
        *_tags("strength", event.strengths, source),
        *_tags("strength", (dimension_label(key) for key in strong), source),
        # Reason texts are kept whole (normalised): they are already short phrases written
        # for the candidate, and cutting them would lose what the course matcher needs.
        *_tags("gap", (reason.text for reason in event.reasons), source),
        *_tags("gap", (dimension_label(key) for key in weak), source),
    ]
    return merge_tags([], tags)


def tags_from_evaluation(event: EvaluationSubmitted) -> list[Tag]:
    """Derive strength tags from one interviewer's scorecard."""
    source = f"evaluation-submitted:{event.evaluation_id}"
    strong = (s.dimension for s in event.scores if s.score >= EVALUATION_STRENGTH_MIN)
    tags = [
        *_tags("strength", event.strengths, source),
        *_tags("strength", (dimension_label(key) for key in strong), source),
    ]
    return merge_tags([], tags)


def tags_from_feedback(event: FeedbackReceived) -> list[Tag]:
    """Derive the open_to_contact tag when the candidate said yes to future roles."""
    if not event.open_to_future_roles:
        return []
    return [Tag("open_to_contact", OPEN_TO_CONTACT, f"feedback-received:{event.notification_id}")]


def merge_tags(existing: Iterable[Tag], new: Iterable[Tag]) -> list[Tag]:
    """Return `existing` then `new`, de-duplicated by (kind, value), keeping the first source."""
    seen: set[tuple[str, str]] = set()
    merged: list[Tag] = []
    for tag in (*existing, *new):
        if tag.key not in seen:
            seen.add(tag.key)
            merged.append(tag)
    return merged


def tag_values(tags: Iterable[Tag], kind: TagKind) -> list[str]:
    """Return the values of the tags of one kind, in order."""
    return [tag.value for tag in tags if tag.kind == kind]


@dataclass(frozen=True, slots=True)
class TagMirror:
    """A profile's tags as the indexed columns search and matching read (one row a person)."""

    skills: list[str]
    strengths: list[str]
    industries: list[str]
    gaps: list[str]
    open_to_contact: bool
    # Every tag value of every kind, for `?tag=`.
    tags: list[str]
    # Name plus tag values, for full-text search.
    search_document: str

    def columns(self) -> dict[str, object]:
        """Column name → value, to set on a profile row."""
        return {name: getattr(self, name) for name in self.__slots__}


def mirror_tags(name: str, tags: Sequence[Tag]) -> TagMirror:
    """The indexed columns of a profile called `name` that carries `tags`."""
    return TagMirror(
        skills=tag_values(tags, "skill"),
        strengths=tag_values(tags, "strength"),
        industries=tag_values(tags, "industry"),
        gaps=tag_values(tags, "gap"),
        open_to_contact=bool(tag_values(tags, "open_to_contact")),
        tags=list(dict.fromkeys(t.value for t in tags)),
        search_document=" ".join([name, *(t.value for t in tags if t.kind != "open_to_contact")]),
    )
