"""Position rows of an import: one row per position, lists in cells, the scheme in one cell."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass
from typing import Final, Literal

from org_service.domain import lengths
from org_service.domain.errors import RowProblem
from org_service.domain.imports.rows import (
    ImportReport,
    check_header_and_codes,
    finish_report,
    parse_number,
    split_list,
)
from org_service.domain.positions import (
    EDUCATION_LEVELS,
    MAX_YEARS_EXPERIENCE,
    normalise_languages,
    normalise_skills,
    validate_evaluation_scheme,
    validate_status,
)
from talentloop_shared.characters import fold_width
from talentloop_shared.events.payloads import Dimension, EvaluationScheme, Requirements
from talentloop_shared.tabular import Table, TableRow

MAX_HEADCOUNT: Final = 10_000

POSITION_COLUMNS: Final[tuple[str, ...]] = (
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
)
POSITION_REQUIRED_COLUMNS: Final[tuple[str, ...]] = ("code", "title", "org_unit_code")
_MAX_LENGTHS: Final = {
    "title": lengths.POSITION_TITLE,
    "job_family": lengths.JOB_FAMILY,
    "location": lengths.LOCATION,
}

_WHITESPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class ImportedDimension:
    """One dimension of an imported evaluation scheme; the department is still a unit code."""

    key: str
    name: str
    weight: float
    department_code: str | None


@dataclass(frozen=True, slots=True)
class PositionImportRow:
    """A valid, normalised position row."""

    row: int
    code: str
    title: str
    org_unit_code: str
    job_family: str
    headcount: int
    status: Literal["open", "closed"]
    location: str | None
    responsibilities: tuple[str, ...]
    requirements: Requirements
    evaluation_scheme: tuple[ImportedDimension, ...]

    def scheme_for(self, unit_id_by_code: Mapping[str, str]) -> EvaluationScheme:
        """Return the evaluation scheme with department codes resolved to org unit ids."""
        return EvaluationScheme(
            dimensions=[
                Dimension(
                    key=d.key,
                    name=d.name,
                    weight=d.weight,
                    department_id=(
                        unit_id_by_code[d.department_code] if d.department_code else None
                    ),
                )
                for d in self.evaluation_scheme
            ]
        )


def validate_position_rows(
    table: Table, *, known_org_unit_codes: Set[str]
) -> ImportReport[PositionImportRow]:
    """Validate position rows; `known_org_unit_codes` = existing units plus any being imported."""
    problems, first_row = check_header_and_codes(
        table, POSITION_REQUIRED_COLUMNS, columns=POSITION_COLUMNS
    )
    if first_row is None:
        return ImportReport("positions", len(table.rows), [], problems)
    parsed: list[tuple[int, PositionImportRow]] = []
    for source in table.rows:
        row_problems: list[RowProblem] = []
        position = _parse_position(source, known_org_unit_codes, row_problems)
        problems.extend(row_problems)
        if position is not None and first_row.get(position.code) == source.row:
            parsed.append((source.row, position))
    return finish_report("positions", table, parsed, problems)


def _parse_position(
    source: TableRow, known_org_unit_codes: Set[str], problems: list[RowProblem]
) -> PositionImportRow | None:
    n = source.row

    def problem(column: str, text: str) -> None:
        problems.append(RowProblem(n, column, text))

    title = _WHITESPACE_RE.sub(" ", source.get("title"))
    if not title:
        problem("title", "required")
    # As long as the columns they are stored in (`lengths`): a longer value failed in the
    # database, a 422 naming no row, also for a dry run.
    for column, limit in _MAX_LENGTHS.items():
        value = title if column == "title" else source.get(column)
        if len(value) > limit:
            problem(column, f"longer than {limit} characters")
    org_unit_code = source.get("org_unit_code")
    if not org_unit_code:
        problem("org_unit_code", "required")
    elif org_unit_code not in known_org_unit_codes:
        problem("org_unit_code", f"unknown org unit code {org_unit_code!r}")

    headcount = 1
    if raw := source.get("headcount"):
        number = parse_number(raw)
        if number is None or not number.is_integer():
            problem("headcount", f"must be a whole number, got {raw!r}")
        elif not 1 <= number <= MAX_HEADCOUNT:
            problem("headcount", f"must be between 1 and {MAX_HEADCOUNT}, got {raw}")
        else:
            headcount = int(number)

    status = source.get("status").lower() or "open"
    for error in validate_status(status):
        problem("status", error.msg)

    years = 0.0
    if raw := source.get("min_years_experience"):
        number = parse_number(raw)
        if number is None:
            problem("min_years_experience", f"must be a number, got {raw!r}")
        elif not 0 <= number <= MAX_YEARS_EXPERIENCE:
            problem(
                "min_years_experience",
                f"must be between 0 and {MAX_YEARS_EXPERIENCE}, got {raw}",
            )
        else:
            years = number

    education = source.get("education").lower() or "none"
    if education not in EDUCATION_LEVELS:
        problem("education", f"must be one of {', '.join(EDUCATION_LEVELS)}, got {education!r}")

    dimensions = _parse_scheme(source.get("evaluation_scheme"), known_org_unit_codes, problem)

    if problems:
        return None
    return PositionImportRow(
        row=n,
        code=source.get("code"),
        title=title,
        org_unit_code=org_unit_code,
        job_family=source.get("job_family").lower() or "general",
        headcount=headcount,
        status="closed" if status == "closed" else "open",
        location=source.get("location") or None,
        responsibilities=tuple(
            text for part in split_list(source.get("responsibilities")) if (text := part.strip())
        ),
        requirements=Requirements(
            min_years_experience=years,
            required_skills=normalise_skills(split_list(source.get("required_skills"))),
            preferred_skills=normalise_skills(split_list(source.get("preferred_skills"))),
            industries=normalise_skills(split_list(source.get("industries"))),
            education=education,  # checked against EDUCATION_LEVELS above
            languages=normalise_languages(split_list(source.get("languages"))),
        ),
        evaluation_scheme=dimensions,
    )


def _parse_scheme(
    cell: str, known_org_unit_codes: Set[str], problem: Callable[[str, str], None]
) -> tuple[ImportedDimension, ...]:
    """Parse `key:name:weight[:department_code];...` and validate it like an API request."""
    column = "evaluation_scheme"
    if not cell:
        return ()
    dimensions: list[ImportedDimension] = []
    malformed = False
    # `technical：技术：０.６：ＴＥＣＨ` typed in full-width mode is `technical:技术:0.6:TECH`.
    parts = [fold_width(p).strip() for p in split_list(cell) if p.strip()]
    for i, part in enumerate(parts):
        pieces = [piece.strip() for piece in part.split(":")]
        if len(pieces) not in (3, 4):
            problem(column, f"dimension {i + 1} {part!r}: expected key:name:weight:department_code")
            malformed = True
            continue
        weight = _parse_weight(pieces[2])
        if weight is None:
            problem(column, f"dimension {i + 1} {part!r}: weight must be a number")
            malformed = True
            continue
        department = pieces[3] if len(pieces) == 4 and pieces[3] else None
        dimensions.append(ImportedDimension(pieces[0], pieces[1], weight, department))
    if malformed:
        # Indices and the weight sum would be misleading with a dimension missing.
        return tuple(dimensions)
    scheme = EvaluationScheme(
        dimensions=[
            Dimension(key=d.key, name=d.name, weight=d.weight, department_id=d.department_code)
            for d in dimensions
        ]
    )
    for error in validate_evaluation_scheme(scheme, existing_unit_ids=known_org_unit_codes, loc=()):
        # loc is ("dimensions", i, field) or ("dimensions",) for the weight sum.
        index = error.loc[1] if len(error.loc) > 1 else None
        where = f"dimension {index + 1}: " if isinstance(index, int) else ""
        problem(column, where + error.msg.replace("department", "department code"))
    return tuple(dimensions)


def _parse_weight(raw: str) -> float | None:
    # "40%" is how many HR sheets write weights; store the fraction.
    if raw.endswith("%"):
        number = parse_number(raw[:-1].strip())
        return None if number is None else number / 100
    return parse_number(raw)
