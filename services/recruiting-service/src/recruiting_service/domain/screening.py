"""Automatic screening of a candidate against a position's requirements (scenario S1).

A screening names every unmet requirement, so a rejected candidate and HR both see why.

Score (0-100, an int, also given to failed screenings so HR can rank near misses):

* up to 60 for the requirements: ``60 x met_checks / all_checks``, where each check is
  one of: the minimum years (if > 0), each required skill, the industry list (if any),
  the education level (if above ``none``), each language. No checks → the full 60.
* up to 20 for preferred skills: ``20 x covered / listed`` (the full 20 if none listed,
  so a perfect fit scores 100 whatever the position asks for).
* up to 20 for experience beyond the minimum: 4 points a year, capped at 5 years;
  unknown experience earns nothing.

The sum is rounded half up. Skills and industries are compared by the synonym table's key
on both sides (`talentloop_shared.language.canonical_skill`: "Postgres" meets "PostgreSQL",
"JS" meets "JavaScript", "数据分析" meets "data analysis", full-width "Ｐｙｔｈｏｎ" meets
"python"), so rows stored before the table existed match too; the table is the shipped one
plus HR's synonyms in force (`vocabulary`, from `vocabulary-changed`: "K8s", "容器编排" meet
"Kubernetes" once HR says so). Spoken
languages are compared by code (`candidates.spoken_language`: "普通话" meets "zh"); a
required language without a region (`zh`) is met by any regional variant. Education is the
ladder none < secondary < associate < bachelor < master < phd (`meets`): a level is met by
itself or any level above it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from recruiting_service.domain.candidates import spoken_language
from talentloop_shared.events.payloads import Education, Requirements
from talentloop_shared.language import canonical_skill, canonical_skills, meets
from talentloop_shared.language.vocabulary import SkillVocabulary, skill_vocabulary

BASE_POINTS = 60
PREFERRED_POINTS = 20
EXPERIENCE_POINTS_PER_YEAR = 4
EXPERIENCE_BONUS_CAP_YEARS = 5

MISSING = "missing"

UnmetValue = float | str | list[str] | None


@dataclass(frozen=True, slots=True)
class CandidateProfile:
    """What screening looks at in a candidate; list fields may be raw or normalised."""

    years_experience: float | None = None
    skills: Sequence[str] = ()
    industries: Sequence[str] = ()
    education: Education | None = None
    languages: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class Unmet:
    """One requirement the candidate does not meet: what was expected and what they have.

    `requirement` is the `Requirements` field name. `actual` is `"missing"` for a missing
    skill or language and `None` when the candidate did not state their experience.
    """

    requirement: str
    expected: UnmetValue
    actual: UnmetValue

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON shape used by the API (`requirement`, `expected`, `actual`)."""
        return {"requirement": self.requirement, "expected": self.expected, "actual": self.actual}

    @classmethod
    def from_dict(cls, value: Mapping[str, Any]) -> Unmet:
        """Read back the JSON shape of `as_dict` (a stored screening's `unmet` entries)."""
        return cls(value["requirement"], value.get("expected"), value.get("actual"))


@dataclass(frozen=True, slots=True)
class ScreeningResult:
    """Outcome of screening one candidate against one version of the requirements."""

    passed: bool
    score: int
    unmet: tuple[Unmet, ...]
    position_version: int
    # Required and preferred skills the candidate has, as the position words them;
    # rejection notices use them as strengths.
    matched_skills: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        """Return the JSON shape of `screening` in the applications API."""
        return {
            "passed": self.passed,
            "score": self.score,
            "unmet": [u.as_dict() for u in self.unmet],
            "position_version": self.position_version,
        }

    def record(self) -> dict[str, Any]:
        """Return the stored form: the API shape plus the matched skills notices use."""
        return {**self.as_dict(), "matched_skills": list(self.matched_skills)}

    def summary(self) -> str:
        """Return one phrase for the history: passed with score, or which are unmet."""
        if self.passed:
            return f"screening passed (score {self.score})"
        names = ", ".join(dict.fromkeys(u.requirement for u in self.unmet))
        return f"screened out: unmet {names}"


def _display(value: str) -> str:
    # Shown to candidates, so keep the position's own casing ("Go"), only tidy spaces.
    return " ".join(value.split())


def _unique_by_key(values: Iterable[str], key: Callable[[str], str]) -> tuple[tuple[str, str], ...]:
    """Pairs (normalised key, display form), deduplicated by key, blanks dropped."""
    seen: dict[str, str] = {}
    for value in values:
        k = key(value)
        if k and k not in seen:
            seen[k] = _display(value)
    return tuple(seen.items())


def _language_met(
    required: str, primary: str, spoken: frozenset[str], primaries: frozenset[str]
) -> bool:
    if required in spoken:
        return True
    # "zh" is met by "zh-cn"; "zh-tw" is only met by "zh-tw" itself.
    return required == primary and primary in primaries


# Stored values repeat across thousands of candidates (a re-screen compares them all), so
# their keys are memoised, by vocabulary too: HR's synonyms (`vocabulary-changed`) give a
# new vocabulary object, built once per custom table, so a memo never answers for an old one.
@lru_cache(maxsize=65_536)
def _skill_key(value: str, vocabulary: SkillVocabulary) -> str:
    return canonical_skill(value, vocabulary=vocabulary)


@lru_cache(maxsize=4_096)
def _language_key(value: str) -> str:
    return spoken_language(value) if value.strip() else ""


@dataclass(frozen=True, slots=True)
class Screener:
    """Screens candidates against one version of a position's requirements.

    Built once per requirements version by `make_screener`; every set the checks need
    is precomputed, so screening a whole batch of applications is cheap.
    """

    requirements: Requirements
    position_version: int
    _min_years: float
    _required: tuple[tuple[str, str], ...]
    _preferred: tuple[tuple[str, str], ...]
    _industries: frozenset[str]
    _industries_display: tuple[str, ...]
    _education: Education
    _languages: tuple[tuple[str, str, str], ...]  # (normalised, primary subtag, display)
    _checks: int
    _vocabulary: SkillVocabulary

    def __call__(self, candidate: CandidateProfile) -> ScreeningResult:
        """Screen one candidate."""
        unmet: list[Unmet] = []
        vocabulary = self._vocabulary
        skills = {_skill_key(s, vocabulary) for s in candidate.skills}
        years = candidate.years_experience

        if self._min_years > 0 and (years is None or years < self._min_years):
            unmet.append(Unmet("min_years_experience", self._min_years, years))

        matched: list[str] = []
        for key, display in self._required:
            if key in skills:
                matched.append(display)
            else:
                unmet.append(Unmet("required_skills", display, MISSING))

        if self._industries:
            industries = {_skill_key(i, vocabulary) for i in candidate.industries}
            if self._industries.isdisjoint(industries):
                unmet.append(
                    Unmet(
                        "industries",
                        list(self._industries_display),
                        canonical_skills(candidate.industries, vocabulary=vocabulary),
                    )
                )

        education = candidate.education or "none"
        if self._education != "none" and not meets(education, self._education):
            unmet.append(Unmet("education", self._education, education))

        if self._languages:
            spoken = frozenset(_language_key(lang) for lang in candidate.languages) - {""}
            primaries = frozenset(lang.split("-", 1)[0] for lang in spoken)
            for required, primary, display in self._languages:
                if not _language_met(required, primary, spoken, primaries):
                    unmet.append(Unmet("languages", display, MISSING))

        covered = 0
        for key, display in self._preferred:
            if key in skills:
                covered += 1
                matched.append(display)

        met_checks = self._checks - len(unmet)
        points = BASE_POINTS * met_checks / self._checks if self._checks else BASE_POINTS
        points += (
            PREFERRED_POINTS * covered / len(self._preferred)
            if self._preferred
            else PREFERRED_POINTS
        )
        if years is not None and years > self._min_years:
            extra = min(years - self._min_years, EXPERIENCE_BONUS_CAP_YEARS)
            points += EXPERIENCE_POINTS_PER_YEAR * extra
        score = max(0, min(100, math.floor(points + 0.5)))

        return ScreeningResult(
            passed=not unmet,
            score=score,
            unmet=tuple(unmet),
            position_version=self.position_version,
            matched_skills=tuple(dict.fromkeys(matched)),
        )

    def screen_many(self, candidates: Iterable[CandidateProfile]) -> list[ScreeningResult]:
        """Screen a batch of candidates (e.g. every open application after a change)."""
        return [self(c) for c in candidates]


def make_screener(
    requirements: Requirements,
    position_version: int,
    *,
    vocabulary: SkillVocabulary | None = None,
) -> Screener:
    """Precompute the checks of one requirements version; the result screens candidates.

    Skills and industries are compared by `vocabulary`'s keys (the shipped table, or the
    one with HR's synonyms in force)."""
    vocabulary = vocabulary or skill_vocabulary()

    def key(value: str) -> str:
        return _skill_key(value, vocabulary)

    required = _unique_by_key(requirements.required_skills, key)
    required_keys = {k for k, _ in required}
    # A skill listed as both required and preferred counts once, as required.
    preferred = tuple(
        (k, d)
        for k, d in _unique_by_key(requirements.preferred_skills, key)
        if k not in required_keys
    )
    industries = _unique_by_key(requirements.industries, key)
    languages = tuple(
        (k, k.split("-", 1)[0], d) for k, d in _unique_by_key(requirements.languages, _language_key)
    )
    min_years: float = float(requirements.min_years_experience or 0)
    if min_years.is_integer():
        # Report "expected": 5, not 5.0, in the API and in reasons.
        min_years = int(min_years)
    checks = (
        (1 if min_years > 0 else 0)
        + len(required)
        + (1 if industries else 0)
        + (1 if requirements.education != "none" else 0)
        + len(languages)
    )
    return Screener(
        requirements=requirements,
        position_version=position_version,
        _min_years=min_years,
        _required=required,
        _preferred=preferred,
        _industries=frozenset(k for k, _ in industries),
        _industries_display=tuple(d for _, d in industries),
        _education=requirements.education,
        _languages=languages,
        _checks=checks,
        _vocabulary=vocabulary,
    )


def screen(
    candidate: CandidateProfile,
    requirements: Requirements,
    *,
    position_version: int,
    vocabulary: SkillVocabulary | None = None,
) -> ScreeningResult:
    """Screen one candidate against the requirements of one position version."""
    return make_screener(requirements, position_version, vocabulary=vocabulary)(candidate)


# --- requirement changes ----------------------------------------------------------------

_LIST_FIELDS: dict[str, Callable[[str], str]] = {
    "required_skills": canonical_skill,
    "preferred_skills": canonical_skill,
    "industries": canonical_skill,
    "languages": _language_key,
}


def _keys(values: Iterable[str], key: Callable[[str], str]) -> list[str]:
    return list(dict.fromkeys(k for k in map(key, values) if k))


def requirements_diff(old: Requirements, new: Requirements) -> list[str]:
    """Name the requirement fields whose meaning changed (list order and case are ignored)."""
    changed: list[str] = []
    for name in Requirements.model_fields:
        before, after = getattr(old, name), getattr(new, name)
        key = _LIST_FIELDS.get(name)
        if key is not None:
            if set(_keys(before, key)) != set(_keys(after, key)):
                changed.append(name)
        elif before != after:
            changed.append(name)
    return changed


def _fmt_value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def describe_requirements_change(old: Requirements, new: Requirements, *, version: int) -> str:
    """Describe a requirements change in one sentence for the position/application history."""
    parts: list[str] = []
    for name in requirements_diff(old, new):
        key = _LIST_FIELDS.get(name)
        if key is not None:
            before, after = _keys(getattr(old, name), key), _keys(getattr(new, name), key)
            items = [f"+{v}" for v in after if v not in before]
            items += [f"-{v}" for v in before if v not in after]
            parts.append(f"{name} {', '.join(items)}")
        else:
            before_s, after_s = _fmt_value(getattr(old, name)), _fmt_value(getattr(new, name))
            parts.append(f"{name} from {before_s} to {after_s}")
    if not parts:
        return f"requirements unchanged at version {version}"
    return f"requirements changed to version {version}: {'; '.join(parts)}"
