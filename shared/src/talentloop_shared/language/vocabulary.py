"""Vocabularies that accept what people type: education, spoken languages, skills, headers.

- **Education**: a ladder `none < secondary < associate < bachelor < master < phd`, with the
  spellings people use in every pack (本科, 学士, 大专, 高职, 硕士, MBA, Bachelor's, BSc, 大學,
  副學士…), requirements as written ("本科及以上", "大专以上学历", "master preferred") and
  `meets()`. An unknown spelling is a 422 that lists what is accepted.
- **Spoken languages**: names and codes in every pack ("普通话", "Mandarin", "國語" → `zh`).
- **Skills**: a cross-language synonym table (`data/skills.json` plus the packs' `skills`
  sections), keyed NFKC-normalised and case-folded, which HR extends at run time with
  `SkillVocabulary.with_entries` and which serialises for an event.
- **Import headers**: the zh and en column headers old systems export, per import kind, for
  `talentloop_shared.tabular.read_table(..., aliases=header_aliases(kind))`.

Spellings are accepted from every pack whatever the reader's language; labels are shown in
the reader's language along `locale_chain`. Pure: only the packaged JSON is read.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, Literal, get_args

from talentloop_shared.errors import FieldInvalid
from talentloop_shared.language._text import (
    HAN,
    collapse_spaces,
    fold_width,
    has_han,
    strip_trailing,
    term_key,
)
from talentloop_shared.language.packs import LanguagePacks, PackError, default_packs
from talentloop_shared.tabular import normalise_header

__all__ = [
    "EDUCATION_LADDER",
    "EDUCATION_SCHEMA",
    "IMPORT_COLUMNS",
    "IMPORT_KINDS",
    "SKILLS_FILE",
    "SKILLS_SCHEMA",
    "EducationLevel",
    "EducationRequirement",
    "EducationVocabulary",
    "ImportKind",
    "LanguageVocabulary",
    "SkillEntry",
    "SkillVocabulary",
    "UnknownTerm",
    "canonical_skill",
    "canonical_skills",
    "canonical_value",
    "education_from_json",
    "education_level",
    "education_rank",
    "education_requirement",
    "education_to_json",
    "education_vocabulary",
    "header_aliases",
    "language_code",
    "language_name",
    "language_vocabulary",
    "meets",
    "skill_vocabulary",
    "value_aliases",
]

EducationLevel = Literal["none", "secondary", "associate", "bachelor", "master", "phd"]
EDUCATION_LADDER: Final[tuple[EducationLevel, ...]] = get_args(EducationLevel)
_RANK: Final[Mapping[str, int]] = {level: rank for rank, level in enumerate(EDUCATION_LADDER)}

# What a student of a level already holds: an undergraduate has finished secondary school.
_ENTRY_LEVEL: Final[Mapping[str, EducationLevel]] = {
    "none": "none",
    "secondary": "none",
    "associate": "secondary",
    "bachelor": "secondary",
    "master": "bachelor",
    "phd": "master",
}

ImportKind = Literal["org_units", "positions", "people", "candidates"]
IMPORT_KINDS: Final[tuple[ImportKind, ...]] = get_args(ImportKind)
# The columns each import reads today (org-service's ORG_UNIT_COLUMNS / POSITION_COLUMNS,
# recruiting-service's CandidateCreate fields, and the staff directory's PersonSnapshot).
IMPORT_COLUMNS: Final[Mapping[str, tuple[str, ...]]] = {
    "org_units": ("code", "name", "kind", "parent_code"),
    "positions": (
        "code",
        "title",
        "org_unit_code",
        "job_family",
        "headcount",
        "status",
        "location",
        "min_years_experience",
        "required_skills",
        "preferred_skills",
        "industries",
        "education",
        "languages",
        "responsibilities",
        "evaluation_scheme",
    ),
    "people": (
        "external_code",
        "name",
        "email",
        "phone",
        "locale",
        "timezone",
        "org_unit_code",
        "manager_code",
        "subject",
        "active",
    ),
    "candidates": (
        "name",
        "email",
        "phone",
        "locale",
        "timezone",
        "years_experience",
        "skills",
        "industries",
        "education",
        "languages",
        "talent_pool_consent",
        "background",
    ),
}

SKILLS_FILE: Final = Path(__file__).resolve().parent / "data" / "skills.json"
SKILLS_SCHEMA: Final = "talentloop.skills/1"
_MAX_EXAMPLES: Final = 6
_EXAMPLES_PER_PACK: Final = 2
_BRACKETS_RE: Final = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_LIST_SPLIT_RE: Final = re.compile(
    rf"[;,|/，、；／]|\s+(?:or|and)\s+|\s*(?<=[{HAN}])(?:或者|或|和|与|與)(?=[{HAN}])\s*"
)


class UnknownTerm(FieldInvalid):
    """422: a spelling no vocabulary knows, naming the field and what is accepted."""

    def __init__(self, field_name: str, value: str, kind: str, accepted: Iterable[str]) -> None:
        self.value = value
        self.accepted: tuple[str, ...] = tuple(accepted)
        super().__init__(
            field_name,
            f"unknown {kind} {value[:60]!r}; accepted: {', '.join(self.accepted)}",
        )


def _packs(packs: LanguagePacks | None) -> LanguagePacks:
    return packs if packs is not None else default_packs()


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value if str(v).strip())


# --- education ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EducationRequirement:
    """A position's education requirement: a level, whether it filters, and a preference.

    `minimum` is True when candidates below `level` do not qualify ("本科及以上", "bachelor's
    degree"); False when the level is only preferred ("master preferred", "硕士优先").
    `preferred` is a level the position favours on top ("本科及以上，硕士优先" → master).
    """

    level: EducationLevel
    minimum: bool = True
    preferred: EducationLevel | None = None

    def accepts(self, candidate: str | None) -> bool:
        """Whether a candidate's level passes (always, when the level is only preferred)."""
        return not self.minimum or meets(candidate or "none", self.level)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready view."""
        return {"level": self.level, "minimum": self.minimum, "preferred": self.preferred}


class EducationVocabulary:
    """Education spellings of every pack, mapped onto the ladder."""

    def __init__(self, packs: LanguagePacks) -> None:
        self.packs = packs
        self._aliases: dict[str, EducationLevel] = {level: level for level in EDUCATION_LADDER}
        self._examples: dict[str, list[str]] = {level: [] for level in EDUCATION_LADDER}
        self._per_pack: dict[tuple[str, str], int] = {}
        markers: dict[str, list[str]] = {
            "minimum_markers": [],
            "preferred_markers": [],
            "any_markers": [],
            "in_progress_markers": [],
            "noise": [],
        }
        for locale, section in packs.every("vocabulary").items():
            education = section.get("education", {})
            for level, spec in education.get("levels", {}).items():
                if level not in _RANK:
                    raise PackError(f"pack {locale}: unknown education level {level!r}")
                for spelling in (spec.get("label", ""), *_strings(spec.get("aliases"))):
                    self._add(spelling, level, locale)
            for key, found in markers.items():
                found.extend(term_key(m) for m in _strings(education.get(key)) if term_key(m))
        self._markers = {
            key: tuple(sorted(set(found), key=len, reverse=True)) for key, found in markers.items()
        }

    def _add(self, spelling: str, level: str, locale: str) -> None:
        key = term_key(spelling)
        if not key:
            return
        known = self._aliases.get(key)
        if known is not None and known != level:
            raise PackError(
                f"pack {locale}: education spelling {spelling!r} is both {known} and {level}"
            )
        if known is None:
            self._aliases[key] = level  # type: ignore[assignment]  # checked against _RANK
            shown = self._per_pack.get((level, locale), 0)
            if shown < _EXAMPLES_PER_PACK and len(self._examples[level]) < _MAX_EXAMPLES:
                self._examples[level].append(spelling)
                self._per_pack[(level, locale)] = shown + 1

    def with_aliases(self, aliases: Mapping[str, Iterable[str]]) -> EducationVocabulary:
        """A copy that also accepts HR's spellings (level → spellings); HR's win."""
        copy = EducationVocabulary.__new__(EducationVocabulary)
        copy.packs = self.packs
        copy._aliases = dict(self._aliases)
        copy._examples = {k: list(v) for k, v in self._examples.items()}
        copy._per_pack = dict(self._per_pack)
        copy._markers = self._markers
        for level, spellings in aliases.items():
            if level not in _RANK:
                raise UnknownTerm("education", level, "education level", EDUCATION_LADDER)
            for spelling in _strings(spellings):
                if term_key(spelling):
                    copy._aliases[term_key(spelling)] = level  # type: ignore[assignment]
        return copy

    def owner(self, text: str) -> EducationLevel | None:
        """The level that has exactly this spelling (normalised), or None."""
        return self._aliases.get(term_key(text))

    def spellings(self) -> dict[str, list[str]]:
        """Level → every spelling it accepts (normalised), ladder order, spellings sorted."""
        found: dict[str, list[str]] = {level: [] for level in EDUCATION_LADDER}
        for spelling, level in sorted(self._aliases.items()):
            found[level].append(spelling)
        return found

    def accepted(self) -> tuple[str, ...]:
        """Every accepted spelling (normalised), for an error or a form's hints."""
        return tuple(sorted(self._aliases))

    def hint(self) -> tuple[str, ...]:
        """The levels with a few example spellings each: "bachelor (本科, 学士, BSc…)"."""
        return tuple(
            f"{level} ({', '.join(self._examples[level][:_MAX_EXAMPLES])})"
            if self._examples[level]
            else level
            for level in EDUCATION_LADDER
        )

    def level(self, text: str | None, *, field_name: str = "education") -> EducationLevel:
        """The ladder level of a spelling ("本科" → bachelor); `UnknownTerm` (422) if none."""
        found = self._lookup(text or "")
        if found is None:
            if not (text or "").strip():
                return "none"
            raise UnknownTerm(field_name, text or "", "education level", self.hint())
        return found

    def find(self, text: str | None) -> EducationLevel | None:
        """The ladder level of a spelling, or None when it is unknown."""
        return self._lookup(text or "") if (text or "").strip() else "none"

    def _lookup(self, text: str) -> EducationLevel | None:
        key = term_key(text)
        if key in self._aliases:
            return self._aliases[key]
        # "硕士在读", "本科（在读）", "PhD candidate": a student holds what the studies require.
        rest, studying = self._cut(self._strip(key, "noise"), "in_progress_markers")
        if studying:
            level = self._lookup(rest)
            return None if level is None else _ENTRY_LEVEL[level]
        stripped = _BRACKETS_RE.sub("", key).strip() or key
        for attempt in (stripped, self._strip(stripped, "noise")):
            if attempt in self._aliases:
                return self._aliases[attempt]
        return None

    def _strip(self, key: str, marker: str) -> str:
        for word in self._markers[marker]:
            key = _remove_word(key, word)
        return collapse_spaces(key)

    def _cut(self, key: str, marker: str) -> tuple[str, bool]:
        """The key without one marker at its start or end, and whether one was there."""
        for word in self._markers[marker]:
            if key.endswith(word) and len(key) > len(word):
                return key[: -len(word)].strip(" -"), True
            if key.startswith(word) and len(key) > len(word):
                return key[len(word) :].strip(" -"), True
        return key, False

    def requirement(
        self, text: str | None, *, field_name: str = "education"
    ) -> EducationRequirement:
        """A requirement as written ("本科及以上，硕士优先", "bachelor's or above")."""
        raw = term_key(text or "")
        if not raw or raw in self._markers["any_markers"]:
            return EducationRequirement("none")
        if self._strip(raw, "noise") in self._markers["any_markers"]:
            return EducationRequirement("none")
        parts = [p.strip() for p in re.split(r"[,;，；、。]|\s+but\s+", raw) if p.strip()]
        required: EducationLevel | None = None
        preferred: EducationLevel | None = None
        for part in parts:
            rest, is_preferred = self._cut(part, "preferred_markers")
            rest, _minimum = self._cut(rest, "minimum_markers")
            rest, again = self._cut(rest, "preferred_markers")
            is_preferred = is_preferred or again
            level = self._lookup(rest) or self._lookup(self._strip(rest, "minimum_markers"))
            if level is None:
                level = self._any_level(rest)
            if level is None:
                raise UnknownTerm(field_name, text or "", "education requirement", self.hint())
            if is_preferred:
                preferred = level if preferred is None else _higher(preferred, level)
            elif required is None:
                required = level
            else:
                # "本科或硕士" / "bachelor or master": the lowest named level is the minimum.
                required = _lower(required, level)
        if required is None:
            assert preferred is not None  # parts is non-empty and each part set one of them
            return EducationRequirement(preferred, minimum=False, preferred=preferred)
        return EducationRequirement(required, minimum=True, preferred=preferred)

    def _any_level(self, text: str) -> EducationLevel | None:
        """The lowest level named anywhere in `text` ("统招本科/硕士" → bachelor)."""
        levels: list[EducationLevel] = []
        for piece in _LIST_SPLIT_RE.split(text):
            level = self._lookup(piece) if piece.strip() else None
            if level is not None:
                levels.append(level)
        return sorted(levels, key=_RANK.__getitem__)[0] if levels else None

    def label(self, level: str, locale: str | None) -> str:
        """The level as a reader in `locale` calls it ("本科", "bachelor's degree")."""
        spec = self.packs.get(locale, "vocabulary", "education", "levels", level, default={})
        return str(spec.get("label") or level)

    def requirement_text(self, level: str, locale: str | None) -> str:
        """What a notice says the role needs ("本科及以上学历", "a bachelor's degree or higher")."""
        spec = self.packs.get(locale, "vocabulary", "education", "levels", level, default={})
        return str(spec.get("requirement") or spec.get("label") or level)


EDUCATION_SCHEMA: Final = "talentloop.education/1"


def education_to_json(aliases: Mapping[str, Iterable[str]]) -> dict[str, Any]:
    """HR's education spellings as they travel in `vocabulary-changed` (level → spellings)."""
    return {
        "schema": EDUCATION_SCHEMA,
        "aliases": {
            level: list(_strings(aliases[level]))
            for level in EDUCATION_LADDER
            if level in aliases and _strings(aliases[level])
        },
    }


def education_from_json(
    data: Mapping[str, Any], *, packs: LanguagePacks | None = None
) -> EducationVocabulary:
    """The education vocabulary an `education_to_json` table describes (over the packs')."""
    if data.get("schema") != EDUCATION_SCHEMA:
        raise ValueError(f"not an education vocabulary: schema {data.get('schema')!r}")
    return education_vocabulary(packs).with_aliases(data.get("aliases") or {})


def _higher(a: EducationLevel, b: EducationLevel) -> EducationLevel:
    return a if _RANK[a] >= _RANK[b] else b


def _lower(a: EducationLevel, b: EducationLevel) -> EducationLevel:
    return a if _RANK[a] <= _RANK[b] else b


def _remove_word(key: str, word: str) -> str:
    if has_han(word) or not word[:1].isalnum():
        return key.replace(word, " ")
    return re.sub(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", " ", key)


@lru_cache(maxsize=8)
def education_vocabulary(packs: LanguagePacks | None = None) -> EducationVocabulary:
    """The education vocabulary of the packs in force (cached)."""
    return EducationVocabulary(_packs(packs))


def education_level(text: str | None, *, packs: LanguagePacks | None = None) -> EducationLevel:
    """The ladder level of a spelling ("本科", "BSc", "大學" → bachelor); 422 when unknown."""
    return education_vocabulary(packs).level(text)


def education_requirement(
    text: str | None, *, packs: LanguagePacks | None = None
) -> EducationRequirement:
    """A position's requirement as written ("大专以上学历" → associate, minimum)."""
    return education_vocabulary(packs).requirement(text)


def education_rank(level: str) -> int:
    """The rank of a ladder level (none = 0 … phd = 5); a spelling is read first."""
    if level in _RANK:
        return _RANK[level]
    return _RANK[education_level(level)]


def meets(candidate_level: str | None, required_level: str | None) -> bool:
    """Whether a candidate's level is at least the required one (spellings accepted)."""
    return education_rank(candidate_level or "none") >= education_rank(required_level or "none")


# --- spoken languages -----------------------------------------------------------------------


class LanguageVocabulary:
    """Spoken-language names and codes of every pack ("普通话", "Mandarin" → `zh`)."""

    def __init__(self, packs: LanguagePacks) -> None:
        self.packs = packs
        self._codes: dict[str, str] = {}
        levels: set[str] = set()
        for locale, section in packs.every("vocabulary").items():
            languages = section.get("languages", {})
            for code, name in languages.get("names", {}).items():
                self._add(str(name), str(code), locale)
                self._codes.setdefault(term_key(str(code)), str(code))
            for code, aliases in languages.get("aliases", {}).items():
                for alias in _strings(aliases):
                    self._add(alias, str(code), locale)
            levels.update(term_key(w) for w in _strings(languages.get("level_words")))
        self._levels = tuple(sorted((w for w in levels if w), key=len, reverse=True))

    def _add(self, spelling: str, code: str, locale: str) -> None:
        key = term_key(spelling)
        known = self._codes.get(key)
        if known is not None and known != code:
            raise PackError(f"pack {locale}: language {spelling!r} is both {known} and {code}")
        self._codes[key] = code

    def code(self, text: str, *, strict: bool = True, field_name: str = "languages") -> str:
        """The language code of a name or tag ("英语六级" → en, "zh_CN" → zh).

        Unknown names raise `UnknownTerm` when `strict`, else come back normalised.
        """
        key = term_key(text)
        if not key:
            raise UnknownTerm(field_name, text, "language", self.hint())
        found = self._find(key)
        if found is not None:
            return found
        if strict:
            raise UnknownTerm(field_name, text, "language", self.hint())
        return key.replace("_", "-")

    def _find(self, key: str) -> str | None:
        if key in self._codes:
            return self._codes[key]
        tag = re.fullmatch(r"([a-z]{2,3})(?:[-_ ][a-z0-9]{2,8})*", key)
        if tag and tag.group(1) in self._codes.values():
            return tag.group(1)
        bare = _BRACKETS_RE.sub("", key)
        for word in self._levels:
            bare = _remove_word(bare, word)
        bare = collapse_spaces(re.sub(r"[\d.:：]+", " ", bare)).strip(" -")
        if bare in self._codes:
            return self._codes[bare]
        return None

    def codes(self, texts: Iterable[str], *, strict: bool = True) -> list[str]:
        """Codes of several names, blanks dropped, duplicates removed, order kept."""
        return list(dict.fromkeys(self.code(t, strict=strict) for t in texts if t.strip()))

    def hint(self) -> tuple[str, ...]:
        """The codes with their English names, for an error message."""
        names = self.packs.get("en", "vocabulary", "languages", "names", default={})
        return tuple(f"{code} ({name})" for code, name in sorted(names.items()))

    def name(self, code: str, locale: str | None) -> str:
        """A language's name for a reader ("en" → "英语" for zh-CN, "英文" for zh-TW)."""
        primary = self.code(code, strict=False).split("-", 1)[0]
        names = self.packs.get(locale, "vocabulary", "languages", "names", default={})
        return str(names.get(primary) or code)


@lru_cache(maxsize=8)
def language_vocabulary(packs: LanguagePacks | None = None) -> LanguageVocabulary:
    """The spoken-language vocabulary of the packs in force (cached)."""
    return LanguageVocabulary(_packs(packs))


def language_code(text: str, *, strict: bool = True, packs: LanguagePacks | None = None) -> str:
    """The code of a spoken language as people write it ("普通话", "Mandarin" → zh)."""
    return language_vocabulary(packs).code(text, strict=strict)


def language_name(code: str, locale: str | None, *, packs: LanguagePacks | None = None) -> str:
    """A language's name in the reader's language ("ja" → "日语", "Japanese", "日文")."""
    return language_vocabulary(packs).name(code, locale)


# --- skills ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SkillEntry:
    """One skill: its stored key, labels by locale, other spellings, and where it came from."""

    key: str
    labels: Mapping[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    family: str = ""
    source: str = "default"

    def as_dict(self) -> dict[str, Any]:
        """The entry as it travels in JSON (see `SkillVocabulary.to_json`)."""
        data: dict[str, Any] = {"key": self.key, "labels": dict(self.labels)}
        data["aliases"] = list(self.aliases)
        if self.family:
            data["family"] = self.family
        return data


class SkillVocabulary:
    """The skills synonym table: every spelling → one key, labels per language.

    `canonical(text)` is what services store and compare; unknown skills come back
    normalised (NFKC, case-folded, spacing collapsed), so they still match each other.
    """

    def __init__(
        self,
        entries: Iterable[SkillEntry],
        *,
        qualifiers: Mapping[str, Iterable[str]] | None = None,
        not_in_text: Iterable[str] = (),
        base: str = "",
        custom: Iterable[SkillEntry] = (),
        packs: LanguagePacks | None = None,
    ) -> None:
        self.packs = packs
        self.base = base
        self._entries: dict[str, SkillEntry] = {}
        self._index: dict[str, str] = {}
        self._custom: dict[str, SkillEntry] = {}
        spec = qualifiers or {}
        self._prefixes = tuple(
            sorted({term_key(q) for q in spec.get("prefix", ())}, key=len, reverse=True)
        )
        self._suffixes = tuple(
            sorted({term_key(q) for q in spec.get("suffix", ())}, key=len, reverse=True)
        )
        self._not_in_text = frozenset(term_key(w) for w in not_in_text)
        for entry in entries:
            self._put(entry, strict=True)
        for entry in custom:
            self._merge_custom(entry)
        self._finder: re.Pattern[str] | None = None

    # -- building ----------------------------------------------------------------------------

    def _spellings(self, entry: SkillEntry) -> Iterator[str]:
        yield entry.key
        yield from entry.labels.values()
        yield from entry.aliases

    def _put(self, entry: SkillEntry, *, strict: bool) -> None:
        key = term_key(entry.key)
        if not key:
            raise PackError(f"skill entry without a key: {entry!r}")
        if strict and key in self._entries:
            raise PackError(f"skill {key!r} is listed twice")
        entry = SkillEntry(key, dict(entry.labels), entry.aliases, entry.family, entry.source)
        self._entries[key] = entry
        for spelling in self._spellings(entry):
            k = term_key(spelling)
            if not k:
                continue
            owner = self._index.get(k)
            if owner is not None and owner != key:
                if strict:
                    raise PackError(f"skill spelling {spelling!r} is both {owner!r} and {key!r}")
                self._drop_alias(owner, k)
            self._index[k] = key

    def _drop_alias(self, owner: str, spelling_key: str) -> None:
        entry = self._entries[owner]
        kept = tuple(a for a in entry.aliases if term_key(a) != spelling_key)
        self._entries[owner] = SkillEntry(entry.key, entry.labels, kept, entry.family, entry.source)

    def _merge_custom(self, entry: SkillEntry) -> None:
        """HR's entry over the table: extends the skill it names, or adds a new one."""
        target = self._index.get(term_key(entry.key)) or term_key(entry.key)
        existing = self._entries.get(target)
        if existing is None:
            labels = dict(entry.labels) or {"und": entry.key.strip()}
            merged = SkillEntry(target, labels, entry.aliases, entry.family, "custom")
        else:
            aliases = tuple(dict.fromkeys((*existing.aliases, *entry.aliases)))
            labels = {**existing.labels, **entry.labels}
            merged = SkillEntry(target, labels, aliases, existing.family or entry.family, "custom")
        self._put(merged, strict=False)
        previous = self._custom.get(target)
        aliases = tuple(dict.fromkeys((*(previous.aliases if previous else ()), *entry.aliases)))
        labels = {**(previous.labels if previous else {}), **entry.labels}
        self._custom[target] = SkillEntry(target, labels, aliases, entry.family, "custom")

    @classmethod
    def default(cls, packs: LanguagePacks | None = None) -> SkillVocabulary:
        """The shipped table plus the packs' `vocabulary.skills` sections (cached)."""
        return skill_vocabulary(packs)

    def with_entries(self, entries: Mapping[str, Any] | Iterable[SkillEntry]) -> SkillVocabulary:
        """A copy with HR's entries merged over it; HR's spellings win.

        `entries` maps a skill (a key, a label or any spelling of it, or a new skill) to its
        extra spellings: `{"postgresql": ["PG库"], "拉新": ["用户拉新", "user acquisition"]}`;
        a value may also be `{"aliases": [...], "labels": {"zh-CN": …}, "family": …}`.
        """
        items: list[SkillEntry] = []
        if isinstance(entries, Mapping):
            for name, value in entries.items():
                items.append(_custom_entry(str(name), value))
        else:
            items.extend(entries)
        defaults = [e for e in self._entries.values()]
        copy = SkillVocabulary.__new__(SkillVocabulary)
        copy.packs = self.packs
        copy.base = self.base
        copy._entries = {}
        copy._index = {}
        copy._custom = {}
        copy._prefixes = self._prefixes
        copy._suffixes = self._suffixes
        copy._not_in_text = self._not_in_text
        copy._finder = None
        for entry in defaults:
            copy._put(entry, strict=False)
        copy._custom = dict(self._custom)
        for entry in items:
            copy._merge_custom(entry)
        return copy

    # -- lookups -----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[SkillEntry]:
        return iter(self._entries.values())

    def entry(self, text: str) -> SkillEntry | None:
        """The entry a spelling belongs to, or None for an unknown skill."""
        key = self._key_of(term_key(fold_width(text)))
        return self._entries.get(key) if key else None

    def _key_of(self, key: str) -> str | None:
        if not key:
            return None
        if key in self._index:
            return self._index[key]
        # "熟练使用Excel", "strong SQL skills", "Python开发": qualifiers around a known skill.
        for _ in range(3):
            before = key
            for prefix in self._prefixes:
                if key.startswith(prefix) and len(key) > len(prefix):
                    key = key[len(prefix) :].strip()
                    break
            for suffix in self._suffixes:
                if key.endswith(suffix) and len(key) > len(suffix):
                    key = key[: -len(suffix)].strip()
                    break
            if key in self._index:
                return self._index[key]
            if key == before:
                break
        return None

    def owner(self, text: str) -> str | None:
        """The key of the skill that has exactly this spelling (no qualifiers stripped)."""
        return self._index.get(term_key(fold_width(text)))

    def canonical(self, text: str) -> str:
        """The key to store and compare: the known skill's, else the normalised text."""
        normalised = term_key(fold_width(text))
        return self._key_of(normalised) or normalised

    def canonical_all(self, texts: Iterable[str]) -> list[str]:
        """Keys of several skills, blanks dropped, duplicates removed, order kept."""
        return list(dict.fromkeys(k for k in map(self.canonical, texts) if k))

    def is_known(self, text: str) -> bool:
        """Whether the table knows this spelling."""
        return self._key_of(term_key(fold_width(text))) is not None

    def same(self, a: str, b: str) -> bool:
        """Whether two spellings name the same skill ("Postgres", "PostgreSQL")."""
        return self.canonical(a) == self.canonical(b)

    def label(self, text: str, locale: str | None) -> str:
        """The skill as a reader in `locale` sees it; an unknown skill as written."""
        entry = self.entry(text)
        if entry is None:
            return strip_trailing(collapse_spaces(text))
        packs = self.packs or default_packs()
        for tag in (*packs.chain(locale), *entry.labels):
            if tag in entry.labels:
                return entry.labels[tag]
        return entry.key

    def find_in(self, text: str) -> list[str]:
        """The keys of the known skills a free text mentions, in order of appearance.

        "缺乏数据分析经验" → ["data analysis"]; ambiguous short spellings ("go", "pr") are
        only matched as a whole value, never inside a sentence.
        """
        finder = self._compiled_finder()
        key = term_key(fold_width(text))
        found = [self._index[m.group(0)] for m in finder.finditer(key) if m.group(0) in self._index]
        return list(dict.fromkeys(found))

    def _compiled_finder(self) -> re.Pattern[str]:
        if self._finder is None:
            spellings = sorted(
                (
                    s
                    for s in self._index
                    if s not in self._not_in_text and (has_han(s) or len(s) > 2)
                ),
                key=len,
                reverse=True,
            )
            parts = []
            for spelling in spellings:
                body = re.escape(spelling)
                if re.match(r"[a-z0-9]", spelling):
                    body = r"(?<![a-z0-9])" + body
                if re.search(r"[a-z0-9+#]$", spelling):
                    body += r"(?![a-z0-9+#])"
                parts.append(body)
            self._finder = re.compile("|".join(parts) or r"(?!)")
        return self._finder

    def proper_words(self) -> frozenset[str]:
        """Words that keep their capital inside a sentence ("Kafka", "Excel", "PostgreSQL").

        A name kept in Latin letters by a label in another language ("Kafka", "Excel", "Go
        语言": what Chinese text does not translate is a name), or a word with a capital or
        digit inside ("PostgreSQL", "K8s"); not "Marketing" or "Good Clinical Practice".
        """
        words: set[str] = set()
        for entry in self._entries.values():
            for locale, label in entry.labels.items():
                tokens = re.findall(r"[A-Za-z][A-Za-z0-9.+#'’\-]*", label)
                if locale != "en" and len(tokens) == 1 and tokens[0][0].isupper():
                    words.add(tokens[0].casefold())
                for token in tokens:
                    # all capitals ("SQL", "RED") never need keeping: only "Kafka" would be lowered
                    if (re.search(r".[A-Z]", token) and not token.isupper()) or re.search(
                        r"\d", token
                    ):
                        words.add(token.casefold())
        return frozenset(words)

    # -- serialising -------------------------------------------------------------------------

    def custom_entries(self) -> tuple[SkillEntry, ...]:
        """HR's entries (what they added or changed over the shipped table)."""
        return tuple(self._custom.values())

    def to_json(self, *, include_defaults: bool = False) -> dict[str, Any]:
        """The vocabulary as JSON: HR's entries over a named base, or every entry.

        `{"schema": "talentloop.skills/1", "base": "<sha256 of the shipped table>",
        "entries": [{"key", "labels", "aliases", "family"?}, …], "complete": false}`.
        A consumer with the same base rebuilds it with `SkillVocabulary.from_json`.
        """
        entries = self._entries.values() if include_defaults else self._custom.values()
        return {
            "schema": SKILLS_SCHEMA,
            "base": self.base,
            "complete": include_defaults,
            "entries": [e.as_dict() for e in entries],
        }

    @classmethod
    def from_json(
        cls, data: Mapping[str, Any], *, packs: LanguagePacks | None = None
    ) -> SkillVocabulary:
        """The vocabulary a `to_json` payload describes (HR's entries over the shipped table)."""
        if data.get("schema") != SKILLS_SCHEMA:
            raise ValueError(f"not a skills vocabulary: schema {data.get('schema')!r}")
        entries = [
            SkillEntry(
                key=str(e["key"]),
                labels={str(k): str(v) for k, v in (e.get("labels") or {}).items()},
                aliases=_strings(e.get("aliases")),
                family=str(e.get("family") or ""),
                source="custom",
            )
            for e in data.get("entries", ())
        ]
        if data.get("complete"):
            return cls(entries, base=str(data.get("base", "")), packs=packs)
        return skill_vocabulary(packs).with_entries(entries)


def _custom_entry(name: str, value: Any) -> SkillEntry:
    if isinstance(value, Mapping):
        return SkillEntry(
            key=name,
            labels={str(k): str(v) for k, v in (value.get("labels") or {}).items()},
            aliases=_strings(value.get("aliases")),
            family=str(value.get("family") or ""),
            source="custom",
        )
    return SkillEntry(key=name, aliases=_strings(value), source="custom")


@lru_cache(maxsize=1)
def _skills_file() -> tuple[Mapping[str, Any], str]:
    raw = SKILLS_FILE.read_bytes()
    data: Mapping[str, Any] = json.loads(raw.decode("utf-8"))
    return data, hashlib.sha256(raw).hexdigest()


@lru_cache(maxsize=8)
def skill_vocabulary(packs: LanguagePacks | None = None) -> SkillVocabulary:
    """The shipped skills table with the packs' `vocabulary.skills` sections (cached)."""
    packs = _packs(packs)
    data, digest = _skills_file()
    entries = [
        SkillEntry(
            key=str(e["key"]),
            labels=dict(e.get("labels") or {}),
            aliases=_strings(e.get("aliases")),
            family=str(e.get("family") or ""),
        )
        for e in data.get("skills", ())
    ]
    vocabulary = SkillVocabulary(
        entries,
        qualifiers=data.get("qualifiers", {}),
        not_in_text=_strings(data.get("not_in_text")),
        base=digest,
        packs=packs,
    )
    extra: list[SkillEntry] = []
    for locale, section in packs.every("vocabulary").items():
        for key, value in (section.get("skills") or {}).items():
            entry = _custom_entry(str(key), value)
            labels = dict(entry.labels)
            if isinstance(value, Mapping) and value.get("label"):
                labels[locale] = str(value["label"])
            extra.append(SkillEntry(entry.key, labels, entry.aliases, entry.family, "pack"))
    if not extra:
        return vocabulary
    merged = vocabulary.with_entries(extra)
    merged._custom = {}  # pack entries are part of the base, not HR's edits
    return merged


def canonical_skill(text: str, *, vocabulary: SkillVocabulary | None = None) -> str:
    """The key a skill is stored and compared by ("Postgres" → "postgresql")."""
    return (vocabulary or skill_vocabulary()).canonical(text)


def canonical_skills(
    texts: Iterable[str], *, vocabulary: SkillVocabulary | None = None
) -> list[str]:
    """Keys of several skills, blanks and duplicates dropped, order kept."""
    return (vocabulary or skill_vocabulary()).canonical_all(texts)


# --- import headers and values --------------------------------------------------------------


def _check_kind(kind: str) -> None:
    if kind not in IMPORT_COLUMNS:
        raise ValueError(f"unknown import kind {kind!r}; expected one of {', '.join(IMPORT_KINDS)}")


@lru_cache(maxsize=32)
def _header_aliases(kind: str, packs: LanguagePacks) -> Mapping[str, str]:
    _check_kind(kind)
    columns = set(IMPORT_COLUMNS[kind])
    aliases: dict[str, str] = {}
    for locale, section in packs.every("imports").items():
        for column, spellings in (section.get("headers", {}).get(kind) or {}).items():
            if column not in columns:
                raise PackError(f"pack {locale}: {kind} has no column {column!r}")
            for spelling in _strings(spellings):
                header = normalise_header(spelling)
                known = aliases.get(header)
                if known is not None and known != column:
                    raise PackError(
                        f"pack {locale}: {kind} header {spelling!r} is both {known} and {column}"
                    )
                aliases[header] = column
    return aliases


def header_aliases(kind: str, *, packs: LanguagePacks | None = None) -> dict[str, str]:
    """Header spellings of every pack → the column an import reads (for `read_table`)."""
    return dict(_header_aliases(kind, _packs(packs)))


@lru_cache(maxsize=64)
def _value_aliases(kind: str, column: str, packs: LanguagePacks) -> Mapping[str, str]:
    _check_kind(kind)
    values: dict[str, str] = {}
    for locale, section in packs.every("imports").items():
        for canonical, spellings in (
            section.get("values", {}).get(f"{kind}.{column}") or {}
        ).items():
            for spelling in (canonical, *_strings(spellings)):
                key = term_key(spelling)
                known = values.get(key)
                if known is not None and known != canonical:
                    raise PackError(
                        f"pack {locale}: {kind}.{column} value {spelling!r} is both "
                        f"{known} and {canonical}"
                    )
                values[key] = str(canonical)
    return values


def value_aliases(kind: str, column: str, *, packs: LanguagePacks | None = None) -> dict[str, str]:
    """Cell spellings of an enumerated column → its value ("事业部" → "division")."""
    return dict(_value_aliases(kind, column, _packs(packs)))


def canonical_value(
    kind: str, column: str, value: str, *, packs: LanguagePacks | None = None
) -> str:
    """A cell of an enumerated column as the service reads it; unknown cells unchanged."""
    return _value_aliases(kind, column, _packs(packs)).get(term_key(value), value.strip())
