"""Set-based scoring: the pool scored against one opening by one INSERT … SELECT.

`domain.matching` is the rule; this module states the same rule in SQL so that PostgreSQL
scores every candidate row where it lies and writes the matches itself. Nothing about a
candidate travels to Python and back: the statement reads the GIN-prefiltered profiles,
scores them, builds each explanation and inserts the matches. Every constant (targets,
points per skill, the wording of an explanation) comes from the position's `ScoringPlan`,
passed as parameters, never spliced into the text; a test scores random pools both ways
and compares every field.

Floating point: the points are summed in the same order as the Python matcher, in IEEE
doubles (`float8`), so a score that rounds one way in Python rounds the same way here.
Years are printed like Python's `g` format only where that is certain: at most two
decimals and below 10,000 (`YEARS_PRINTABLE`). The rare profile outside that (say 3.333
years) is left to the Python matcher (`MatchRepository.odd_years_candidates`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from talent_service.domain.matching import (
    EXPERIENCE_POINTS,
    EXPLANATION_SEPARATOR,
    GAP_LABELS,
    INDUSTRY_LABEL,
    INDUSTRY_POINTS,
    LIST_SEPARATOR,
    MATCH_ID_NAMESPACE,
    PREFERRED_LABEL,
    PREFERRED_POINTS,
    REQUIRED_POINTS,
    STRENGTH_LABELS,
    STRENGTH_POINTS,
    UNKNOWN_YEARS_RANK,
    YEAR_RELATIONS,
    YEAR_UNITS,
    ScoringPlan,
)

# Profiles whose years print the same in SQL as in Python (see the module docstring): at
# most two decimals (x is the double nearest to k/100) and below 10,000, so that at most six
# significant digits, which the `g` format shows in full, and which PostgreSQL's
# float-to-numeric cast (15 digits) gives back exactly. Float arithmetic only: it is cheap
# per row. The migration that indexes the other profiles (`ix_talent_profiles_odd_years`)
# spells out the same condition; the two must stay identical for the planner to use it.
YEARS_PRINTABLE: Final = (
    "(years_experience IS NULL OR years_experience = 0 OR "
    "(abs(years_experience) < 10000 AND round(years_experience * 100) / 100 = years_experience))"
)


def match_digest_sql(position_id: str, profile_id: str) -> str:
    """The MD5 (bytea) a match id is made of, for two text expressions: uuid3 hashes the
    namespace's bytes and the name (`domain.matching.match_id`)."""
    return (
        f"decode(md5(decode('{MATCH_ID_NAMESPACE.hex}', 'hex') || convert_to("
        f"length({position_id})::text || ':' || {position_id} || {profile_id}, 'UTF8')), 'hex')"
    )


def uuid3_sql(digest: str) -> str:
    """The UUID of an MD5 digest with the version (3) and variant bits set."""
    return (
        f"encode(set_byte(set_byte({digest}, 6, (get_byte({digest}, 6) & 15) | 48), "
        f"8, (get_byte({digest}, 8) & 63) | 128), 'hex')::uuid"
    )


def match_id_sql(position_id: str, profile_id: str) -> str:
    """`domain.matching.match_id` in SQL, for two text expressions."""
    return uuid3_sql(match_digest_sql(position_id, profile_id))


# The columns a scored match is written with, in statement order.
_COLUMNS: Final = (
    "id, position_id, profile_id, position_version, score, years_rank, explanation, "
    "matched_required, missing_required, strength_tags, created_at, invited_at, "
    "announced_version"
)

# On a re-score, a match that exists is refreshed in place (its id, creation time and
# announcement stay); an invited one stays exactly as HR saw it.
_REFRESH: Final = """
ON CONFLICT (id) DO UPDATE SET
    position_version = excluded.position_version,
    score = excluded.score,
    years_rank = excluded.years_rank,
    explanation = excluded.explanation,
    matched_required = excluded.matched_required,
    missing_required = excluded.missing_required,
    strength_tags = excluded.strength_tags,
    announced_version = coalesce(tm.announced_version, excluded.announced_version)
WHERE tm.invited_at IS NULL"""


@dataclass(slots=True)
class _Params:
    """Positional parameters ($1, $2, …) of one statement."""

    values: list[Any] = field(default_factory=list)

    def __call__(self, value: Any, cast: str) -> str:
        self.values.append(value)
        return f"${len(self.values)}::{cast}"

    def once(self, value: Any, cast: str) -> Callable[[], str]:
        """A parameter numbered when first used (PostgreSQL refuses unused ones)."""
        placeholder: list[str] = []

        def use() -> str:
            if not placeholder:
                placeholder.append(self(value, cast))
            return placeholder[0]

        return use


@dataclass(frozen=True, slots=True)
class ScoringStatement:
    """The statement and its parameters. A scoring statement returns one row (written,
    announced now), or, when `counted`, nothing: its row count is both."""

    sql: str
    params: list[Any]
    counted: bool = False


def _array_of(parts: list[str]) -> str:
    """A text[] of the non-null values of `parts`, in order ('{}' when there are none)."""
    if not parts:
        return "'{}'::text[]"
    return f"array_remove(ARRAY[{', '.join(parts)}]::text[], NULL)"


def _listed(column: str, labels: tuple[str, str], p: _Params, sep: str) -> str:
    """'label: a, b' for a non-empty array column (singular or plural label), else NULL."""
    return (
        f"CASE cardinality({column}) WHEN 0 THEN NULL "
        f"WHEN 1 THEN {p(labels[0], 'text')} || array_to_string({column}, {sep}) "
        f"ELSE {p(labels[1], 'text')} || array_to_string({column}, {sep}) END"
    )


def candidate_filter(plan: ScoringPlan, p: _Params, strength_targets: str) -> str:
    """The indexed condition on profiles `c` that every profile able to match meets ("" when
    the position lists no skill): a strength tag among the strength targets, or the skill
    tags of one of the plan's candidate sets (`ScoringPlan.candidate_skill_sets`), or
    simply any listed skill when one may be enough. Each array test is a GIN look-up."""
    if not plan.lists_skills:
        return ""
    sets = plan.candidate_skill_sets()
    if sets is None:
        tests = [f"c.skills && {p(sorted(plan.skill_targets), 'text[]')}"]
    else:
        tests = []
        if singles := sorted(s[0] for s in sets if len(s) == 1):
            tests.append(f"c.skills && {p(singles, 'text[]')}")
        tests += [f"c.skills @> {p(sorted(s), 'text[]')}" for s in sets if len(s) > 1]
    return f" AND ({' OR '.join([*tests, f'c.strengths && {strength_targets}'])})"


def in_matching(now: str) -> str:
    """The SQL test of a profile `c` that scoring considers at `now` (a parameter): its
    consent running, not hired since, not declined future contact in the survey."""
    return f"c.consent_expires_at > {now} AND c.hired_at IS NULL AND c.declined_contact_at IS NULL"


def candidates_statement(plan: ScoringPlan, *, now: datetime) -> ScoringStatement:
    """The SELECT of what scoring reads of the profiles it scores (the live ones that meet
    `candidate_filter`): id, years, skills, strengths, industries."""
    p = _Params()
    now_p = p(now, "timestamptz")
    strength_targets = p.once(sorted(plan.strength_targets), "text[]")
    prefilter = candidate_filter(plan, p, strength_targets()) if plan.lists_skills else ""
    sql = (
        "SELECT c.id, c.years_experience, c.skills, c.strengths, c.industries "
        f"FROM talent_profiles AS c "
        f"WHERE {in_matching(now_p)}{prefilter}"
    )
    return ScoringStatement(sql=sql, params=p.values)


def scoring_statement(
    plan: ScoringPlan,
    *,
    position_id: str,
    version: int,
    now: datetime,
    refresh: bool,
) -> ScoringStatement:
    """The INSERT … SELECT that scores every live (consented, not hired) profile with
    printable years against the plan and writes the matches (announced at `version`);
    `refresh` when the position may already have matches (then existing ones are updated
    and invited ones left alone)."""
    p = _Params()
    now_p = p(now, "timestamptz")
    version_p = p(version, "int")
    strength_targets = p(sorted(plan.strength_targets), "text[]")

    def has(value: str) -> str:
        v = p(value, "text")
        return f"{v} = ANY(a.has)"

    required = [p(s, "text") for s in plan.required]
    preferred = [p(s, "text") for s in plan.preferred]
    # One boolean a listed skill, computed once per candidate in the fenced subquery below.
    has_columns = [f"{has(s)} AS r{i}" for i, s in enumerate(plan.required)] + [
        f"{has(s)} AS q{i}" for i, s in enumerate(plan.preferred)
    ]
    n_required = " + ".join(f"h.r{i}::int" for i in range(len(required))) or "0"
    n_preferred = " + ".join(f"h.q{i}::int" for i in range(len(preferred))) or "0"

    # The points, in the Python matcher's order of addition.
    if required:
        required_points = f"{p(plan.per_required, 'float8')} * ({n_required})::float8"
    else:
        required_points = p(REQUIRED_POINTS, "float8")
    min_years = p.once(plan.min_years, "float8")
    if plan.min_years <= 0:
        experience = p(EXPERIENCE_POINTS, "float8")
    else:
        full = p(EXPERIENCE_POINTS, "float8")
        experience = (
            f"CASE WHEN h.years IS NULL THEN 0.0::float8 WHEN h.years >= {min_years()} "
            f"THEN {full} ELSE {full} * greatest(h.years, 0.0::float8) / {min_years()} END"
        )
    if preferred:
        preferred_points = f"{p(plan.per_preferred, 'float8')} * ({n_preferred})::float8"
    else:
        preferred_points = p(PREFERRED_POINTS, "float8")
    if plan.industries:
        industries = p(list(plan.industries), "text[]")
        industry_points = (
            f"CASE WHEN h.industries && {industries} "
            f"THEN {p(INDUSTRY_POINTS, 'float8')} ELSE 0.0::float8 END"
        )
    else:
        industry_points = p(INDUSTRY_POINTS, "float8")
    strength_points = (
        f"CASE WHEN h.strengths && {strength_targets} "
        f"THEN {p(STRENGTH_POINTS, 'float8')} ELSE 0.0::float8 END"
    )
    points = (
        f"{required_points} + {experience} + {preferred_points} + {industry_points} "
        f"+ {strength_points}"
    )

    matched_required = _array_of([f"CASE WHEN s.r{i} THEN {v} END" for i, v in enumerate(required)])
    missing_required = _array_of(
        [f"CASE WHEN NOT s.r{i} THEN {v} END" for i, v in enumerate(required)]
    )
    matched_preferred = _array_of(
        [f"CASE WHEN s.q{i} THEN {v} END" for i, v in enumerate(preferred)]
    )
    industries_matched = _array_of(
        [
            f"CASE WHEN {v} = ANY(s.industries) THEN {v} END"
            for v in (p(i, "text") for i in plan.industries)
        ]
    )
    # Sorted by code point, as Python sorts strings; the subquery only runs for the few
    # matches that have such a strength at all.
    strengths_matched = (
        f"CASE WHEN s.strengths && {strength_targets} THEN "
        f'ARRAY(SELECT DISTINCT x COLLATE "C" FROM unnest(s.strengths) AS u(x) '
        f"WHERE x = ANY({strength_targets}) ORDER BY 1) ELSE '{{}}'::text[] END"
    )

    parts: list[str] = []
    if required:
        parts.append(f"m.n_required::text || {p(plan.required_suffix, 'text')}")
    if plan.min_years > 0:
        years_text = (
            "CASE WHEN m.years = 0 THEN m.years::text ELSE trim_scale(m.years::numeric)::text END"
        )
        parts.append(
            f"CASE WHEN m.years IS NULL THEN {p(plan.years_unknown, 'text')} "
            f"ELSE {years_text} "
            f"|| CASE WHEN m.years = 1 THEN {p(YEAR_UNITS[0], 'text')} "
            f"ELSE {p(YEAR_UNITS[1], 'text')} END "
            f"|| CASE WHEN m.years >= {min_years()} THEN {p(YEAR_RELATIONS[0], 'text')} "
            f"ELSE {p(YEAR_RELATIONS[1], 'text')} END "
            f"|| {p(plan.min_years_text, 'text')} END"
        )
    sep = p(LIST_SEPARATOR, "text")
    parts.append(_listed("m.matched_preferred", (PREFERRED_LABEL, PREFERRED_LABEL), p, sep))
    parts.append(_listed("m.industries_matched", (INDUSTRY_LABEL, INDUSTRY_LABEL), p, sep))
    parts.append(_listed("m.strengths_matched", STRENGTH_LABELS, p, sep))
    parts.append(_listed("m.missing_required", GAP_LABELS, p, sep))
    explanation = f"concat_ws({p(EXPLANATION_SEPARATOR, 'text')}, {', '.join(parts)})"

    prefilter = candidate_filter(plan, p, strength_targets)
    position_p = p(position_id, "text")
    min_score = p(plan.min_score, "int")
    listed = ", ".join(
        [
            "c.id",
            "c.years_experience AS years",
            "c.strengths",
            "c.industries",
            *(["c.skills || c.strengths AS has"] if has_columns else []),
        ]
    )
    has_list = ", ".join(has_columns)
    flags = ", ".join(
        [*(f"h.r{i}" for i in range(len(required))), *(f"h.q{i}" for i in range(len(preferred)))]
    )
    unknown_years = p(UNKNOWN_YEARS_RANK, "float8")
    # OFFSET 0 fences each level, so that PostgreSQL computes a candidate's skill flags
    # once (and each match's arrays once) instead of inlining them into every use. The
    # flags test one array per candidate, its skills and strengths concatenated once (a
    # stored array is short-headered: every test of the stored column copies it first).
    # The matches are written in the order of the ranking index (position, score desc,
    # years desc, profile), so that its insertions land on the page the last one did; the
    # sort takes the narrow rows (s), before each match's arrays and text are built (m).
    insert = f"""
INSERT INTO talent_matches AS tm ({_COLUMNS})
SELECT {uuid3_sql("m.digest")}, {position_p}, m.id, {version_p}, m.score,
       coalesce(m.years, {unknown_years}),
       {explanation}, m.matched_required, m.missing_required, m.strengths_matched,
       {now_p}, NULL, {version_p}
FROM (
    SELECT s.id, s.years, s.score, s.n_required,
           {match_digest_sql(position_p, "s.id")} AS digest,
           {matched_required} AS matched_required, {missing_required} AS missing_required,
           {matched_preferred} AS matched_preferred,
           {industries_matched} AS industries_matched,
           {strengths_matched} AS strengths_matched
    FROM (
        SELECT t.*
        FROM (
            SELECT h.id, h.years, h.strengths, h.industries{", " + flags if flags else ""},
                   ({n_required}) AS n_required, floor({points} + 0.5)::int AS score
            FROM (
                SELECT a.id, a.years, a.strengths, a.industries{", " + has_list if has_list else ""}
                FROM (
                    SELECT {listed}
                    FROM talent_profiles AS c
                    WHERE {in_matching(now_p)}{prefilter}
                    OFFSET 0
                ) AS a
                OFFSET 0
            ) AS h
        ) AS t
        WHERE t.score >= {min_score} AND {YEARS_PRINTABLE.replace("years_experience", "t.years")}
        ORDER BY t.score DESC, coalesce(t.years, {unknown_years}) DESC, t.id
    ) AS s
    OFFSET 0
) AS m"""
    if not refresh:
        # A first scoring inserts every match it writes, each announced now: the command's
        # row count says both.
        return ScoringStatement(sql=insert, params=p.values, counted=True)
    sql = f"""
WITH written AS ({insert}{_REFRESH}
RETURNING tm.announced_version
)
SELECT count(*) AS written, count(*) FILTER (WHERE announced_version = {version_p}) AS fresh
FROM written"""
    return ScoringStatement(sql=sql, params=p.values)
