"""HR's vocabularies: rules for the skills synonym table and the education spellings.

HR extends the shipped tables (`talentloop_shared.language.vocabulary`): a skill entry names
a skill (a shipped one, by any of its spellings, or a new one) with extra aliases and labels
per locale; an education entry adds spellings to a ladder level. A spelling belongs to one
skill (or level) only: an alias another skill already has is refused, naming that skill,
rather than silently moved (HR would lose a shipped synonym without noticing).

Pure: the use cases pass the stored entries in and write what these rules return.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from org_service.domain import lengths
from talentloop_shared.errors import Conflict, FieldInvalid, Invalid, ProblemError
from talentloop_shared.language._text import fold_width, term_key
from talentloop_shared.language.vocabulary import (
    EducationVocabulary,
    SkillEntry,
    SkillVocabulary,
    education_to_json,
)

# Bounds: what a company plausibly needs, and what one event can carry comfortably
# (500 skills x 20 aliases x 80 characters is under a megabyte).
MAX_CUSTOM_SKILLS: Final = 500
MAX_ALIASES: Final = 20
MAX_EDUCATION_ALIASES: Final = 50
MAX_TERM_LENGTH: Final = 80
MAX_LABELS: Final = 10
MAX_FAMILY_LENGTH: Final = lengths.VOCABULARY_FAMILY


@dataclass(frozen=True, slots=True)
class CustomEntry:
    """One stored entry of HR's, as the rules see it."""

    key: str
    aliases: tuple[str, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)
    family: str = ""

    def skill(self) -> SkillEntry:
        """The entry as the skills table takes it."""
        return SkillEntry(self.key, dict(self.labels), self.aliases, self.family, "custom")


class AliasTaken(Conflict):
    """409: a spelling that already belongs to another skill or level, named."""

    def __init__(self, spelling: str, owner: str, what: str) -> None:
        super().__init__(
            f"{spelling!r} already belongs to the {what} {owner!r}; remove it there first or "
            f"add your spellings to {owner!r}",
            type_="alias-taken",
            spelling=spelling,
            owner=owner,
        )


class NoSuchEntry(ProblemError):
    """412: If-Match names a version of an entry HR has not written yet."""

    def __init__(self, what: str) -> None:
        super().__init__(
            412,
            "Precondition Failed",
            f"{what} has no custom entry yet, so If-Match cannot name a version of it; send "
            "no If-Match (or `*`) to create it",
            type_="precondition-failed",
        )


def normalised(text: str) -> str:
    """A spelling as the tables compare it (NFKC, full width folded, case-folded, spaced)."""
    return term_key(fold_width(text))


def unique_spellings(values: Iterable[str]) -> tuple[str, ...]:
    """Spellings trimmed, blanks dropped, one of each normalised form, order kept."""
    seen: dict[str, str] = {}
    for value in values:
        text = " ".join(value.split())
        key = normalised(text)
        if key and key not in seen:
            seen[key] = text
    return tuple(seen.values())


def skill_table(entries: Iterable[CustomEntry]) -> SkillVocabulary:
    """The shipped skills table with these custom entries over it."""
    return SkillVocabulary.default().with_entries([e.skill() for e in entries])


def skill_target(entries: Sequence[CustomEntry], name: str) -> str:
    """The key an entry named `name` is stored under: the skill that has exactly this
    spelling ("K8s" → "kubernetes", shipped or HR's), else the new skill's own key."""
    owner = skill_table(entries).owner(name)
    if owner is not None:
        return owner
    key = normalised(name)
    if not key:  # "«»", "…": nothing left to compare once quotes and punctuation go
        raise FieldInvalid(
            ("path", "skill"), "a skill's name needs a letter or digit, not only punctuation"
        )
    return key


def check_skill_entry(
    entries: Sequence[CustomEntry], entry: CustomEntry, *, creating: bool
) -> None:
    """Refuse (409) a spelling of `entry` another skill has; (422) one skill too many, or a
    key longer than its column."""
    if len(entry.key) > lengths.VOCABULARY_KEY:
        # The name fits the path's 80 characters, but NFKC can spell it out longer ("ﷺ" is
        # 18 characters once normalised); the database refused it, naming no field.
        raise FieldInvalid(
            ("path", "skill"),
            f"the skill's key (its name normalised, {len(entry.key)} characters) is longer "
            f"than {lengths.VOCABULARY_KEY} characters; use a shorter name",
        )
    if creating and len(entries) >= MAX_CUSTOM_SKILLS:
        raise Invalid(
            f"at most {MAX_CUSTOM_SKILLS} custom skills; delete one or extend an existing skill"
        )
    others = skill_table(e for e in entries if e.key != entry.key)
    for spelling in (*entry.aliases, *entry.labels.values()):
        owner = others.owner(spelling)
        if owner is not None and owner != entry.key:
            raise AliasTaken(spelling, owner, "skill")


def skills_json(entries: Iterable[CustomEntry]) -> dict[str, Any]:
    """The custom skills table as `vocabulary-changed` carries it (`SkillVocabulary.to_json`)."""
    return skill_table(entries).to_json()


def check_education_entry(
    base: EducationVocabulary, entries: Sequence[CustomEntry], entry: CustomEntry
) -> None:
    """Refuse (409) a spelling that already means another level (shipped or HR's)."""
    others = base.with_aliases({e.key: e.aliases for e in entries if e.key != entry.key})
    for spelling in entry.aliases:
        owner = others.owner(spelling)
        if owner is not None and owner != entry.key:
            raise AliasTaken(spelling, owner, "education level")


def education_json(entries: Iterable[CustomEntry]) -> dict[str, Any]:
    """The custom education spellings as `vocabulary-changed` carries them."""
    return education_to_json({e.key: e.aliases for e in entries})


def same_entry(a: CustomEntry, b: CustomEntry) -> bool:
    """Whether writing `b` over `a` would change nothing (then no version, no event)."""
    return a.aliases == b.aliases and dict(a.labels) == dict(b.labels) and a.family == b.family
