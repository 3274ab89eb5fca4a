"""Scoring pooled candidates against a newly opened position.

Formula (0–100, rounded half up):

| component        | points | how                                                             |
|------------------|--------|-----------------------------------------------------------------|
| required skills  | 50     | share of the required skills the profile has                    |
| experience       | 20     | full when years ≥ minimum, proportional below, 0 when unknown   |
| preferred skills | 15     | share of the preferred skills the profile has                   |
| industry         | 10     | any of the position's industries among the profile's            |
| strengths        | 5      | any strength tag equal to a required/preferred skill or to a    |
|                  |        | word or phrase of the title ("data analyst" in "Medical Data    |
|                  |        | Analyst")                                                       |

A component whose criterion the position leaves empty (no required skills, no minimum
years, no industries, …) awards its full points: nothing is missing. A profile "has" a
skill when it carries it as a skill tag or as a strength tag, so a candidate praised for
"data analysis" fits a position requiring "data analysis".

A match is kept when the score is at least `MIN_MATCH_SCORE` and, if the position lists
any required or preferred skills, the profile covers at least one of them or has a
matching strength, so nobody is proposed on experience and industry alone.

All values are compared normalised (see `tags.normalise`); profiles must hold normalised
values, which `profile_from_tags` guarantees. Skills and industries are compared by the
synonym table's keys when the service passes the vocabulary in force (HR's synonyms from
`vocabulary-changed` over the shipped table): tags are stored by the same keys.
"""

from __future__ import annotations

import copy
import uuid
from collections import Counter, OrderedDict
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, Final, Protocol

from talent_service.domain.tags import Tag, normalise, skill_values
from talentloop_shared.events.payloads import Requirements
from talentloop_shared.language.vocabulary import SkillVocabulary

MIN_MATCH_SCORE: Final = 40

# Unknown experience ranks after any known experience at the same score (`rank`).
UNKNOWN_YEARS_RANK: Final = -1.0

# A match's id follows from its position and profile (`match_id`), so one person has one
# match per opening by construction, and a match found again keeps its id.
MATCH_ID_NAMESPACE: Final = uuid.UUID("6f1c2d1e-5b0a-4c8e-9d53-3a7e2f4b8c10")


def match_id(position_id: str, profile_id: str) -> uuid.UUID:
    """The id of the match of a profile to a position (a name-based UUID, version 3).

    The length prefix keeps ("ab", "c") and ("a", "bc") apart. `db.scoring` computes the
    same in SQL.
    """
    return uuid.uuid3(MATCH_ID_NAMESPACE, f"{len(position_id)}:{position_id}{profile_id}")


REQUIRED_POINTS: Final = 50.0
EXPERIENCE_POINTS: Final = 20.0
PREFERRED_POINTS: Final = 15.0
INDUSTRY_POINTS: Final = 10.0
STRENGTH_POINTS: Final = 5.0

# `ScoringPlan.candidate_skill_sets`: at most this many sets (each one index look-up),
# and the slack left for floating-point sums when deciding which sets are enough.
MAX_CANDIDATE_SETS: Final = 16
_POINTS_MARGIN: Final = 1e-6

# Title words that say nothing about a skill; a strength "of" must not match "Head of Sales".
_TITLE_STOPWORDS: Final = frozenset(
    {"a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with", "&", "-", "/"}
)


class ProfileLike(Protocol):
    """What the matcher reads from a pooled candidate; values must be normalised."""

    @property
    def id(self) -> str: ...

    @property
    def years_experience(self) -> float | None: ...

    @property
    def skills(self) -> AbstractSet[str]: ...

    @property
    def strengths(self) -> AbstractSet[str]: ...

    @property
    def industries(self) -> AbstractSet[str]: ...


@dataclass(frozen=True, slots=True)
class TalentProfile:
    """The matchable part of a pooled candidate, with sets ready for fast intersection."""

    id: str
    years_experience: float | None
    skills: frozenset[str]
    strengths: frozenset[str]
    industries: frozenset[str]


@dataclass(frozen=True, slots=True)
class Match:
    """A profile's fit to an opening, with a plain-English explanation for HR."""

    profile_id: str
    score: int
    explanation: str
    matched_required: tuple[str, ...]
    missing_required: tuple[str, ...]
    matched_preferred: tuple[str, ...]
    strength_tags_matched: tuple[str, ...]
    industries_matched: tuple[str, ...]
    years_experience: float | None


def profile_from_tags(
    profile_id: str, years_experience: float | None, tags: Iterable[Tag]
) -> TalentProfile:
    """Build a matchable profile from a candidate's tags (gaps and contact tags are ignored)."""
    by_kind: dict[str, set[str]] = {"skill": set(), "strength": set(), "industry": set()}
    for tag in tags:
        if tag.kind in by_kind:
            by_kind[tag.kind].add(tag.value)
    return TalentProfile(
        id=profile_id,
        years_experience=years_experience,
        skills=frozenset(by_kind["skill"]),
        strengths=frozenset(by_kind["strength"]),
        industries=frozenset(by_kind["industry"]),
    )


def title_phrases(title: str) -> frozenset[str]:
    """Return every contiguous word run of a normalised title, minus lone stopwords."""
    words = normalise(title).split()
    phrases = {
        " ".join(words[start:end])
        for start in range(len(words))
        for end in range(start + 1, len(words) + 1)
    }
    return frozenset(phrases - _TITLE_STOPWORDS)


def prefilter_values(requirements: Requirements, title: str) -> frozenset[str] | None:
    """Values of which a profile needs one (as skill or strength tag) to match; None: no filter."""
    # A superset of the plan's own first test (skills ∩ skill targets or strengths ∩ strength
    # targets), as one list for one array overlap.
    plan = plan_scoring(requirements, title)
    if not plan.lists_skills:
        return None
    return plan.strength_targets


def _unique_normalised(values: Iterable[str]) -> tuple[str, ...]:
    """Normalise and de-duplicate, keeping the position's order for explanations."""
    return tuple(dict.fromkeys(v for v in map(normalise, values) if v))


# The wording of an explanation, one piece per component ("4 of 5 required skills; 6 years
# ≥ 5; preferred: tableau; industry: healthcare; strength: data analysis; gap: sql").
# `db.scoring` builds the same text in SQL from these pieces.
EXPLANATION_SEPARATOR: Final = "; "
LIST_SEPARATOR: Final = ", "
PREFERRED_LABEL: Final = "preferred: "
INDUSTRY_LABEL: Final = "industry: "
STRENGTH_LABELS: Final = ("strength: ", "strengths: ")  # one, several
GAP_LABELS: Final = ("gap: ", "gaps: ")
YEAR_UNITS: Final = (" year", " years")  # exactly 1, otherwise
YEAR_RELATIONS: Final = (" ≥ ", " < ")  # at or above the minimum, below it


def format_years(years: float) -> str:
    """Years as an explanation shows them: `6`, `2.5`, `0` (Python's `g` format).

    `db.scoring` reproduces this in SQL for years of at most two decimals below 10,000 (all
    real ones); the few others are scored by the Python matcher.
    """
    return f"{years:g}"


def _label(labels: tuple[str, str], count: int) -> str:
    return labels[0] if count == 1 else labels[1]


@dataclass(frozen=True, slots=True)
class ScoringPlan:
    """What scoring against one position needs, computed once from its requirements.

    The Python matcher (`make_matcher`) and the set-based scorer in the database
    (`db.scoring`) both read their constants from here, so they agree by construction; a
    test holds them to the same results.
    """

    required: tuple[str, ...]
    preferred: tuple[str, ...]
    industries: tuple[str, ...]
    skill_targets: frozenset[str]
    # Skill targets plus the title's words and phrases: a strength tag equal to one of
    # them earns the strength bonus.
    strength_targets: frozenset[str]
    min_years: float
    min_score: int

    @property
    def lists_skills(self) -> bool:
        """Whether the position names any skill (then a match must share one)."""
        return bool(self.skill_targets)

    @property
    def per_required(self) -> float:
        """Points per required skill the profile has."""
        return REQUIRED_POINTS / len(self.required) if self.required else 0.0

    @property
    def per_preferred(self) -> float:
        """Points per preferred skill the profile has."""
        return PREFERRED_POINTS / len(self.preferred) if self.preferred else 0.0

    @property
    def required_suffix(self) -> str:
        """What follows the number of required skills met: " of 5 required skills"."""
        n = len(self.required)
        return f" of {n} {_plural(n, 'required skill', 'required skills')}"

    @property
    def years_unknown(self) -> str:
        """The experience part when the profile's years are unknown."""
        return f"years unknown ({format_years(self.min_years)} required)"

    @property
    def min_years_text(self) -> str:
        """The minimum years as the explanation shows them."""
        return format_years(self.min_years)

    def candidate_skill_sets(
        self, limit: int = MAX_CANDIDATE_SETS
    ) -> tuple[tuple[str, ...], ...] | None:
        """Sets of listed skills of which a profile must hold one whole set as skill tags
        to reach the minimum score, unless one of its strength tags is a strength target;
        None when sharing any one listed skill may be enough (or it takes more than
        `limit` sets to say what is), and when the position lists no skill.

        A profile whose strengths miss every strength target (the skill targets among
        them) has a listed skill only as a skill tag and earns no strength bonus; besides
        its listed skills it scores at most full experience and the industry (and the
        full points of an empty skill list). Whatever listed skills it holds must make up
        the rest of the minimum score. The sets are the smallest such: a database finds
        the few profiles that hold one by an index instead of scoring every profile that
        shares any one skill (most of a pool shares a popular one). A superset of the
        profiles that can match, never fewer: the scoring itself decides.
        """
        if not self.lists_skills:
            return None
        points: dict[str, float] = {}
        for skill in self.required:
            points[skill] = points.get(skill, 0.0) + self.per_required
        for skill in self.preferred:
            points[skill] = points.get(skill, 0.0) + self.per_preferred
        others = (
            EXPERIENCE_POINTS
            + INDUSTRY_POINTS
            + (0.0 if self.required else REQUIRED_POINTS)
            + (0.0 if self.preferred else PREFERRED_POINTS)
        )
        # The score rounds half up; the margin keeps float sums from cutting anyone off.
        needed = self.min_score - 0.5 - others - _POINTS_MARGIN
        ordered = sorted(points, key=lambda s: (-points[s], s))
        if not ordered or points[ordered[-1]] >= needed:
            return None  # any one listed skill may be enough
        # Depth first over skills by points (most first): a set is kept as soon as it is
        # enough, and a branch is dropped once even all the skills left cannot make it.
        rest = [sum(points[s] for s in ordered[i:]) for i in range(len(ordered) + 1)]
        found: list[tuple[str, ...]] = []

        def extend(start: int, chosen: tuple[str, ...], total: float) -> bool:
            for i in range(start, len(ordered)):
                if total + rest[i] < needed:
                    return True
                skill = ordered[i]
                if total + points[skill] >= needed:
                    found.append((*chosen, skill))
                    if len(found) > limit:
                        return False
                elif not extend(i + 1, (*chosen, skill), total + points[skill]):
                    return False
            return True

        if not extend(0, (), 0.0):
            return None
        return tuple(found)


def plan_scoring(
    requirements: Requirements,
    title: str,
    *,
    min_score: int = MIN_MATCH_SCORE,
    vocabulary: SkillVocabulary | None = None,
) -> ScoringPlan:
    """The scoring plan of a position with these requirements and this title.

    With a `vocabulary` (the shipped table plus HR's synonyms in force), skills and
    industries are its keys, as skill and industry tags are (`tags.skill_values`)."""
    required = _unique_normalised(skill_values(requirements.required_skills, vocabulary))
    preferred = _unique_normalised(skill_values(requirements.preferred_skills, vocabulary))
    skill_targets = frozenset(required) | frozenset(preferred)
    return ScoringPlan(
        required=required,
        preferred=preferred,
        industries=_unique_normalised(skill_values(requirements.industries, vocabulary)),
        skill_targets=skill_targets,
        strength_targets=skill_targets | title_phrases(title),
        min_years=float(requirements.min_years_experience),
        min_score=min_score,
    )


def _plural(count: int, singular: str, plural: str) -> str:
    return singular if count == 1 else plural


def make_matcher(
    requirements: Requirements | ScoringPlan,
    title: str = "",
    *,
    min_score: int = MIN_MATCH_SCORE,
    vocabulary: SkillVocabulary | None = None,
) -> Callable[[ProfileLike], Match | None]:
    """Precompute a position's sets once and return a fast per-profile scorer (None = no match).

    Takes the position's requirements and title, or a plan made by `plan_scoring`.
    """
    plan = (
        requirements
        if isinstance(requirements, ScoringPlan)
        else plan_scoring(requirements, title, min_score=min_score, vocabulary=vocabulary)
    )
    required, preferred, industries = plan.required, plan.preferred, plan.industries
    industry_set = frozenset(industries)
    skill_targets = plan.skill_targets
    strength_targets = plan.strength_targets
    min_years = plan.min_years
    min_score = plan.min_score
    n_required = len(required)
    n_preferred = len(preferred)
    lists_skills = plan.lists_skills
    per_required = plan.per_required
    per_preferred = plan.per_preferred
    required_suffix = plan.required_suffix
    years_unknown = plan.years_unknown
    min_years_text = plan.min_years_text

    def explain(
        n_matched_required: int,
        missing_required: tuple[str, ...],
        matched_preferred: tuple[str, ...],
        strengths_matched: tuple[str, ...],
        industries_matched: tuple[str, ...],
        years: float | None,
    ) -> str:
        parts: list[str] = []
        if n_required:
            parts.append(f"{n_matched_required}{required_suffix}")
        if min_years > 0:
            if years is None:
                parts.append(years_unknown)
            else:
                unit = YEAR_UNITS[0] if years == 1 else YEAR_UNITS[1]
                relation = YEAR_RELATIONS[0] if years >= min_years else YEAR_RELATIONS[1]
                parts.append(f"{format_years(years)}{unit}{relation}{min_years_text}")
        if matched_preferred:
            parts.append(PREFERRED_LABEL + LIST_SEPARATOR.join(matched_preferred))
        if industries_matched:
            parts.append(INDUSTRY_LABEL + LIST_SEPARATOR.join(industries_matched))
        if strengths_matched:
            label = _label(STRENGTH_LABELS, len(strengths_matched))
            parts.append(label + LIST_SEPARATOR.join(strengths_matched))
        if missing_required:
            label = _label(GAP_LABELS, len(missing_required))
            parts.append(label + LIST_SEPARATOR.join(missing_required))
        return EXPLANATION_SEPARATOR.join(parts)

    def match(profile: ProfileLike) -> Match | None:
        skills = profile.skills
        strengths = profile.strengths
        # Hot path: set look-ups and arithmetic only; nothing is formatted or ordered until
        # the profile is known to pass. Most of a large pool shares nothing with a given
        # opening, so the cheapest test, disjointness, comes first.
        if (
            lists_skills
            and skill_targets.isdisjoint(skills)
            and strength_targets.isdisjoint(strengths)
        ):
            return None
        # Counting by membership allocates nothing; sets and tuples are only built for
        # the few profiles that pass.
        n_got_required = 0
        for skill in required:
            if skill in skills or skill in strengths:
                n_got_required += 1
        n_got_preferred = 0
        for skill in preferred:
            if skill in skills or skill in strengths:
                n_got_preferred += 1
        has_strength = not strength_targets.isdisjoint(strengths)
        if lists_skills and not (n_got_required or n_got_preferred or has_strength):
            return None
        industry_ok = not industry_set or not industry_set.isdisjoint(profile.industries)

        years = profile.years_experience
        if min_years <= 0:
            experience = EXPERIENCE_POINTS
        elif years is None:
            experience = 0.0
        elif years >= min_years:
            experience = EXPERIENCE_POINTS
        else:
            experience = EXPERIENCE_POINTS * max(years, 0.0) / min_years

        points = (
            (per_required * n_got_required if n_required else REQUIRED_POINTS)
            + experience
            + (per_preferred * n_got_preferred if n_preferred else PREFERRED_POINTS)
            + (INDUSTRY_POINTS if industry_ok else 0.0)
            + (STRENGTH_POINTS if has_strength else 0.0)
        )
        # Half up rather than Python's round-half-even: 39.5 reaches a threshold of 40
        # and 40.5 shows as 41, as anyone reading the formula would expect.
        score = int(points + 0.5)
        if score < min_score:
            return None

        matched_required = tuple(s for s in required if s in skills or s in strengths)
        missing_required = tuple(s for s in required if s not in skills and s not in strengths)
        matched_preferred = tuple(s for s in preferred if s in skills or s in strengths)
        strengths_matched = tuple(sorted(strength_targets & strengths))
        industries_matched = tuple(s for s in industries if s in profile.industries)
        return Match(
            profile_id=profile.id,
            score=score,
            explanation=explain(
                len(matched_required),
                missing_required,
                matched_preferred,
                strengths_matched,
                industries_matched,
                years,
            ),
            matched_required=matched_required,
            missing_required=missing_required,
            matched_preferred=matched_preferred,
            strength_tags_matched=strengths_matched,
            industries_matched=industries_matched,
            years_experience=years,
        )

    return match


def match_all(
    profiles: Iterable[ProfileLike], requirements: Requirements, title: str
) -> list[Match]:
    """Score every profile against a position and return the ranked matches."""
    matcher = make_matcher(requirements, title)
    return rank(m for p in profiles if (m := matcher(p)) is not None)


def _rank_key(match: Match) -> tuple[int, float, str]:
    years = match.years_experience
    # Unknown experience sorts after any known experience at the same score.
    return (-match.score, -years if years is not None else float("inf"), match.profile_id)


def rank(matches: Iterable[Match]) -> list[Match]:
    """Order matches by score desc, then years of experience desc, then profile id."""
    return sorted(matches, key=_rank_key)


def strength_counts(matches: Iterable[Match]) -> dict[str, int]:
    """Count matches per matched strength tag, most common first ("data analysis": 10)."""
    counts = Counter(tag for m in matches for tag in m.strength_tags_matched)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


Matcher = Callable[[ProfileLike], Match | None]


class MatcherCache:
    """The matchers of the openings, kept between candidates: pooling one candidate scores
    them against every open opening, and planning an opening (its skills looked up in the
    vocabulary) cost more than scoring against it. A matcher is reused only for the same
    opening version with the same title, requirements and vocabulary object (a vocabulary
    change in force is a new object); the least recently used go beyond `size`."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._held: OrderedDict[
            tuple[str, int], tuple[str, dict[str, Any], SkillVocabulary | None, Matcher]
        ] = OrderedDict()

    def matcher(
        self,
        position_id: str,
        version: int,
        title: str,
        requirements: dict[str, Any],
        vocabulary: SkillVocabulary | None,
    ) -> Matcher:
        """The matcher of this version of an opening (its requirements as stored)."""
        key = (position_id, version)
        held = self._held.get(key)
        if (
            held is not None
            and held[0] == title
            and held[1] == requirements
            and held[2] is vocabulary
        ):
            self._held.move_to_end(key)
            return held[3]
        made = make_matcher(Requirements.model_validate(requirements), title, vocabulary=vocabulary)
        self._held[key] = (title, copy.deepcopy(requirements), vocabulary, made)
        self._held.move_to_end(key)
        while len(self._held) > self.size:
            self._held.popitem(last=False)
        return made
