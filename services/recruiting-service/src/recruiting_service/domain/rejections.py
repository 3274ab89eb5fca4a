"""The default content of a rejection notice (S3): strengths, reasons, suggestions.

It follows the notice shape thanks → strength → reason → suggestion: specific (the
interviewers' own words first), taken from the screening result or the evaluations, written
in the candidate's language, phrased neutrally (no scores, no ranking language) and as what
the role needs rather than what the candidate lacks.

The wording is data, next to this module: `data/rejection_phrases.json` (reasons, names of
education levels, languages and dimensions, per language) and `data/default_suggestions.json`
(the suggestion library a new installation starts with; HR edits the database copy).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from recruiting_service.domain.screening import Unmet
from talentloop_shared.events.payloads import Reason, Stage
from talentloop_shared.i18n import language_of

__all__ = [
    "DEFAULT_LOCALE",
    "DEFAULT_SUGGESTIONS",
    "GENERIC_SUGGESTION",
    "GENERIC_SUGGESTION_ZH",
    "RejectionContent",
    "SuggestionLibrary",
    "default_rejection_content",
    "need_phrase",
    "suggestion_locales",
]

STRENGTH_MIN_SCORE = 7.0
WEAK_MAX_SCORE = 6.0  # a dimension mean below this is a reason
MAX_STRENGTHS = 3
MAX_DIMENSION_STRENGTHS = 2
MAX_DIMENSION_REASONS = 2  # leaves room for at least one interviewer's specific concern
MAX_REASONS = 3
MAX_SUGGESTIONS = 3

DEFAULT_LOCALE = "en"

SuggestionLibrary = Mapping[str, Mapping[str, str]]
"""The suggestion library: locale → (reason code or dimension key) → template."""


def _data(name: str) -> dict[str, Any]:
    raw = resources.files(__package__).joinpath("data", name)
    doc: dict[str, Any] = json.loads(raw.read_text(encoding="utf-8"))
    doc.pop("_comment", None)
    return doc


# By locale, then by reason code or dimension key; "{subject}" is replaced by the specific
# skill, industry or language. The migrations seed the database copy HR edits from this.
DEFAULT_SUGGESTIONS: dict[str, dict[str, str]] = _data("default_suggestions.json")
GENERIC_SUGGESTION = DEFAULT_SUGGESTIONS["en"]["generic"]
GENERIC_SUGGESTION_ZH = DEFAULT_SUGGESTIONS["zh-CN"]["generic"]

# Requirement (a `Requirements` field) → the reason code a notice gives for it.
_UNMET_CODES: dict[str, str] = {
    "min_years_experience": "missing_experience",
    "required_skills": "missing_skill",
    "industries": "industry_mismatch",
    "education": "education",
    "languages": "missing_language",
}

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@dataclass(frozen=True, slots=True)
class _Phrases:
    """The wording of one language (a pack of `data/rejection_phrases.json`)."""

    zh: bool
    reasons: Mapping[str, str]
    education_levels: Mapping[str, str]
    language_names: Mapping[str, str]
    dimension_names: Mapping[str, str]
    separator: str
    last_separator: str
    generic_suggestion: str

    def reason(self, key: str, **values: str) -> str:
        return self.reasons[key].format(**values)

    def join(self, items: Sequence[str]) -> str:
        """`a`, `a or b`, `a, b or c` (zh: `a或b`, `a、b或c`)."""
        if len(items) <= 1:
            return "".join(items)
        return f"{self.separator.join(items[:-1])}{self.last_separator}{items[-1]}"


@cache
def _phrase_book() -> tuple[dict[str, _Phrases], tuple[str, ...]]:
    doc = _data("rejection_phrases.json")
    packs = {
        language: _Phrases(
            zh=language == "zh",
            reasons=pack["reasons"],
            education_levels=pack["education_levels"],
            language_names=pack["language_names"],
            dimension_names=pack["dimension_names"],
            separator=pack["list"]["separator"],
            last_separator=pack["list"]["last"],
            generic_suggestion=GENERIC_SUGGESTION_ZH if language == "zh" else GENERIC_SUGGESTION,
        )
        for language, pack in doc.items()
        if language != "deficit_prefixes"
    }
    # Longest first, so "lack of" wins over "lack" (sorted() is stable for equal lengths).
    prefixes = tuple(sorted(doc["deficit_prefixes"], key=len, reverse=True))
    return packs, prefixes


def _phrases(locale: str) -> _Phrases:
    """Chinese for any `zh*` locale, English otherwise."""
    packs, _ = _phrase_book()
    return packs["zh" if language_of(locale) == "zh" else "en"]


class RejectionContent(BaseModel):
    """The specific parts of a rejection notice: strengths, reasons, suggestions."""

    model_config = ConfigDict(frozen=True)

    strengths: list[str] = Field(default_factory=list)
    reasons: list[Reason] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Gap:
    """A reason plus what the suggestion lookup needs (and the wording it came from)."""

    reason: Reason
    dimension_key: str | None = None
    subject: str = ""
    source: str = ""  # the interviewer's own words, before rephrasing


def _norm_locale(locale: str | None) -> str:
    return (locale or "").strip().replace("_", "-").lower()


def _fmt_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _language_name(code: str, phrases: _Phrases) -> str:
    primary = code.split("-", 1)[0].lower()
    return phrases.language_names.get(primary, code)


def _dimension_name(key: str, names: Mapping[str, str], phrases: _Phrases) -> str:
    name = names.get(key) or ""
    # The organisation may name its dimensions in English only; an English word in a
    # Chinese notice reads cold, so the usual dimensions have a name in the reader's words.
    translated = phrases.dimension_names.get(key)
    if translated and not _CJK.search(name):
        return translated
    return name or key.replace("_", " ").capitalize()


def _lower_first(name: str) -> str:
    # "Business understanding" → "business understanding", but "SQL skills" stays.
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


def _dedupe(values: Iterable[str]) -> list[str]:
    """Drop blanks and repeats (ignoring case and spacing), keeping first-seen wording."""
    seen: dict[str, str] = {}
    for value in values:
        text = " ".join(value.split())
        if text and text.lower() not in seen:
            seen[text.lower()] = text
    return list(seen.values())


def need_phrase(concern: str) -> str:
    """Rephrase a concern as what the role needs by dropping a leading negation.

    ``"缺少华东区域渠道管理经验"`` → ``"华东区域渠道管理经验"``, ``"no Go experience"`` →
    ``"Go experience"``. Anything else is kept verbatim, and so is a concern that would be
    left empty.
    """
    text = " ".join(concern.split())
    lowered = text.lower()
    _, prefixes = _phrase_book()
    for prefix in prefixes:
        if lowered.startswith(prefix):
            rest = text[len(prefix) :].strip()
            return rest or text
    return text


def _gap_from_unmet(unmet: Unmet, phrases: _Phrases) -> _Gap:
    code = _UNMET_CODES.get(unmet.requirement, unmet.requirement)
    expected = unmet.expected
    if unmet.requirement == "min_years_experience" and isinstance(expected, int | float):
        key = "min_years_experience_one" if expected == 1 else "min_years_experience"
        text = phrases.reason(key, years=_fmt_number(expected))
        return _Gap(Reason(code=code, text=text))
    if unmet.requirement == "required_skills":
        skill = str(expected)
        text = phrases.reason("required_skills", skill=skill)
        return _Gap(Reason(code=code, text=text), subject=skill)
    if unmet.requirement == "industries":
        wanted = [str(i) for i in expected] if isinstance(expected, list) else [str(expected)]
        industries = phrases.join(wanted)
        text = phrases.reason("industries", industries=industries)
        return _Gap(Reason(code=code, text=text), subject=industries)
    if unmet.requirement == "education":
        level = phrases.education_levels.get(str(expected))
        text = level or phrases.reason("education", level=str(expected))
        return _Gap(Reason(code=code, text=text))
    if unmet.requirement == "languages":
        name = _language_name(str(expected), phrases)
        text = phrases.reason("languages", language=name)
        return _Gap(Reason(code=code, text=text), subject=name)
    return _Gap(Reason(code=code, text=f"{unmet.requirement}: {expected}"))


def _interview_gaps(
    dimension_means: Mapping[str, float],
    names: Mapping[str, str],
    concerns: Sequence[str],
    phrases: _Phrases,
) -> list[_Gap]:
    weakest = sorted(
        (item for item in dimension_means.items() if item[1] < WEAK_MAX_SCORE),
        key=lambda item: item[1],
    )[:MAX_DIMENSION_REASONS]
    gaps: list[_Gap] = []
    for key, _mean in weakest:
        name = _dimension_name(key, names, phrases)
        # The candidate sees this sentence: name the area, never the number.
        text = phrases.reason(
            "weak_dimension", dimension=name if phrases.zh else _lower_first(name)
        )
        gaps.append(_Gap(Reason(code=f"low_{key}", text=text), dimension_key=key, subject=name))
    for concern in _dedupe(concerns):
        need = need_phrase(concern)
        gaps.append(_Gap(Reason(code="interview_concern", text=need), subject=need, source=concern))
    return gaps


def suggestion_locales(locale: str, available: Iterable[str]) -> list[str]:
    """The library locales to try for a reader, best first.

    The exact locale, then its bare language, then other regions of that language
    (``zh-TW`` for ``zh-HK``), then English: a Chinese reader gets a Chinese suggestion
    whenever the library has one, even a less specific one.
    """
    wanted = _norm_locale(locale)
    language = wanted.split("-", 1)[0]
    by_norm = {_norm_locale(a): a for a in sorted(available)}
    order: list[str] = []
    for norm in (wanted, language):
        if norm in by_norm:
            order.append(by_norm[norm])
    order += [a for n, a in by_norm.items() if language and n.split("-", 1)[0] == language]
    if DEFAULT_LOCALE in by_norm:
        order.append(by_norm[DEFAULT_LOCALE])
    return list(dict.fromkeys(order))


def _suggestion(gap: _Gap, libraries: Sequence[Mapping[str, str]], generic: str) -> str:
    for library in libraries:
        for key in (gap.reason.code, gap.dimension_key, "generic"):
            template = library.get(key) if key else None
            if template and (gap.subject or "{subject}" not in template):
                return template.replace("{subject}", gap.subject)
    return generic


def default_rejection_content(
    *,
    stage: Stage,
    locale: str,
    unmet: Sequence[Unmet],
    dimension_means: Mapping[str, float],
    dimension_names: Mapping[str, str],
    evaluations_strengths: Sequence[str],
    evaluations_concerns: Sequence[str],
    suggestion_library: SuggestionLibrary,
    matched_skills: Sequence[str] = (),
) -> RejectionContent:
    """Build the default strengths, reasons and suggestions of a rejection notice.

    Everything generated here is phrased for the candidate's `locale` (Chinese for any
    ``zh*`` locale, English otherwise); the interviewers' own words are kept as written.

    Strengths: the interviewers' written strengths first (they are the specific part),
    then at `screening` the position's skills the candidate has (`matched_skills`), at
    `interview`/`offer` the names of the best dimensions (mean ≥ 7, up to 2, never with
    their scores); 3 in all. Reasons: at `screening` the unmet requirements; at
    `interview`/`offer` the weakest dimensions (mean < 6, up to 2) then the interviewers'
    concerns, rephrased as what the role needs (`need_phrase`). When the stage's own
    source is empty the other one is used; at most 3. Reasons read as need-phrases after
    "this role needs …" / "这个岗位需要……". Suggestions come from `suggestion_library`
    (locale → code → template) in the reader's language first (`suggestion_locales`),
    by reason code, then dimension key, then `generic`; deduplicated, at most 3.
    """
    phrases = _phrases(locale)
    screening_gaps = [_gap_from_unmet(u, phrases) for u in unmet]
    interview_gaps = _interview_gaps(
        dimension_means, dimension_names, evaluations_concerns, phrases
    )
    if stage == "screening":
        gaps = screening_gaps or interview_gaps
        strengths = _dedupe([*evaluations_strengths, *matched_skills])
    else:
        gaps = interview_gaps or screening_gaps
        best = sorted(
            (item for item in dimension_means.items() if item[1] >= STRENGTH_MIN_SCORE),
            key=lambda item: item[1],
            reverse=True,  # sorted() is stable, so ties keep the scheme order
        )[:MAX_DIMENSION_STRENGTHS]
        dimension_strengths = [_dimension_name(key, dimension_names, phrases) for key, _ in best]
        strengths = _dedupe([*evaluations_strengths, *dimension_strengths])

    gaps = gaps[:MAX_REASONS]
    libraries = [suggestion_library[loc] for loc in suggestion_locales(locale, suggestion_library)]
    generic = phrases.generic_suggestion
    if gaps:
        suggestions = _dedupe(_suggestion(g, libraries, generic) for g in gaps)
    else:
        suggestions = [next((lib["generic"] for lib in libraries if lib.get("generic")), generic)]
    return RejectionContent(
        strengths=strengths[:MAX_STRENGTHS],
        reasons=[g.reason for g in gaps],
        suggestions=suggestions[:MAX_SUGGESTIONS],
    )
