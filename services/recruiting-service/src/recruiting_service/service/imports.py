"""Bulk import of candidates from CSV or XLSX (S7): validate, dry run, all-or-nothing.

The upload is read by the shared streaming reader (`talentloop_shared.tabular`: encoding
and delimiter sniffed, XLSX zip bombs refused, at most `MAX_ROWS` rows) in a worker
thread, so a large file never blocks the event loop nor sits in memory twice.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
import uuid
from dataclasses import dataclass, field
from typing import IO, Any, Literal

from pydantic import ValidationError
from sqlalchemy import func, select

from recruiting_service.db.models import Candidate
from recruiting_service.db.repositories import CandidateRepository
from recruiting_service.service.candidates import changed_fields, new_candidate
from recruiting_service.service.inputs import CandidateCreate
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import ProblemError
from talentloop_shared.tabular import Table, TableRow, read_table

MAX_ROWS = 20_000
COLUMNS = tuple(CandidateCreate.model_fields)
LIST_COLUMNS = ("skills", "industries", "languages")
REQUIRED_COLUMNS = ("name", "email")
# Lists in one cell: "sql; python" or "sql, python" (and the Chinese comma/enumeration mark).
_LIST_SPLIT = re.compile(r"[;,|，、；]")
_TRUE = {"true", "yes", "y", "1", "是"}
_FALSE = {"false", "no", "n", "0", "否", ""}

RowAction = Literal["create", "update", "unchanged"]


class ImportRefused(ProblemError):
    """422: a real run found problems in the file, so nothing was imported."""

    def __init__(self, problems: list[ImportProblem]) -> None:
        super().__init__(
            422,
            "Unprocessable Content",
            f"{len(problems)} problem(s) in the file; nothing was imported "
            "(fix them, or use dry_run=true to see the full report)",
            type_="import-invalid",
            errors=[
                {"loc": ["file", "row", p.row, p.column or ""], "msg": p.msg} for p in problems
            ],
        )


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """A problem in the file: its row (1 = the header) and column."""

    row: int
    column: str | None
    msg: str


@dataclass(frozen=True, slots=True)
class RowOutcome:
    """What a valid row does (or would do, in a dry run) to the candidate its email names."""

    row: int
    email: str
    action: RowAction
    changed_fields: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What an import found and did (a dry run: what it would do); the API reports it."""

    dry_run: bool
    applied: bool
    rows: int
    problems: list[ImportProblem]
    outcomes: list[RowOutcome]
    candidates_before: int
    candidates_after: int

    def count(self, action: RowAction) -> int:
        """How many valid rows create, update or leave unchanged a candidate."""
        return sum(1 for o in self.outcomes if o.action == action)


@dataclass
class ParsedFile:
    """The candidates a file describes, row by row, and the problems found in it."""

    rows: int = 0
    valid: list[tuple[int, CandidateCreate]] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


def _row_input(row: TableRow) -> tuple[dict[str, Any], list[ImportProblem]]:
    values: dict[str, Any] = {}
    problems: list[ImportProblem] = []
    for column, value in row.values.items():
        if column not in COLUMNS:
            continue
        if column in LIST_COLUMNS:
            values[column] = [v.strip() for v in _LIST_SPLIT.split(value) if v.strip()]
        elif column == "talent_pool_consent":
            if value.lower() not in _TRUE | _FALSE:
                problems.append(ImportProblem(row.row, column, f"expected yes/no, got {value!r}"))
            values[column] = value.lower() in _TRUE
        elif value:
            values[column] = value
    return values, problems


def _header_problems(table: Table) -> list[ImportProblem]:
    problems = [ImportProblem(1, p.column, p.problem) for p in table.problems]
    for column in table.columns:
        if column not in COLUMNS:
            problems.append(
                ImportProblem(1, column, f"unknown column; expected some of {', '.join(COLUMNS)}")
            )
    for column in REQUIRED_COLUMNS:
        if column not in table.columns:
            problems.append(ImportProblem(1, column, "required column missing"))
    return problems


def parse_candidates(table: Table) -> ParsedFile:
    """Validate every row; name the row (1 = header) and column of each problem."""
    parsed = ParsedFile(problems=_header_problems(table))
    if parsed.problems:
        return parsed
    first_row_of: dict[str, int] = {}
    for row in table.rows:
        parsed.rows += 1
        values, problems = _row_input(row)
        try:
            candidate = CandidateCreate.model_validate(values)
        except ValidationError as exc:
            for err in exc.errors():
                loc = err.get("loc") or ()
                where = str(loc[0]) if loc else None
                msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
                problems.append(ImportProblem(row.row, where, msg))
            parsed.problems.extend(problems)
            continue
        if candidate.email in first_row_of:
            problems.append(
                ImportProblem(
                    row.row,
                    "email",
                    f"duplicate email {candidate.email} "
                    f"(also in row {first_row_of[candidate.email]})",
                )
            )
        else:
            first_row_of[candidate.email] = row.row
        if problems:
            parsed.problems.extend(problems)
            continue
        parsed.valid.append((row.row, candidate))
    return parsed


def _match_problem(
    row: int, email: str, candidate_id: uuid.UUID, current: Candidate | None
) -> ImportProblem | None:
    """Why the row cannot update the candidate its email matched, or None when it can."""
    if current is not None and current.erased_at is not None:
        return ImportProblem(
            row,
            "email",
            f"candidate {candidate_id}, whom this email matched, was erased on "
            f"{current.erased_at.isoformat()} at the person's request; an import never "
            "writes to an erased candidate. Remove this row (imported again, it would "
            "register the person anew)",
        )
    if current is None or current.email != email:
        return ImportProblem(
            row,
            "email",
            f"candidate {candidate_id}, whom this email matched, changed its email "
            "while this import ran; run the import again",
        )
    return None


async def _count(uow: UnitOfWork) -> int:
    return int(await uow.session.scalar(select(func.count()).select_from(Candidate)) or 0)


async def import_candidates(uow: UnitOfWork, *, file: IO[bytes], dry_run: bool) -> ImportOutcome:
    """Validate (dry run) or apply (all-or-nothing) a candidate file; reconcile the counts."""
    table = await asyncio.to_thread(read_table, file, max_rows=MAX_ROWS)
    parsed = parse_candidates(table)
    repo = CandidateRepository(uow.session)
    before = await _count(uow)
    # Matched by email, then read again by id: locked (in id order) when the file is
    # applied, so an erasure or edit committed since the match is seen here and none can
    # start before this import commits. An erased candidate is never written to.
    matched = await repo.ids_by_emails([c.email for _, c in parsed.valid])
    locked = await repo.by_ids(
        list(matched.values()), for_update=not dry_run and not parsed.problems
    )
    problems = list(parsed.problems)
    existing: dict[int, Candidate] = {}  # row → the candidate it updates
    outcomes: list[RowOutcome] = []
    for row, registration in parsed.valid:
        candidate_id = matched.get(registration.email)
        if candidate_id is None:
            outcomes.append(RowOutcome(row, registration.email, "create"))
            continue
        current = locked.get(candidate_id)
        if (problem := _match_problem(row, registration.email, candidate_id, current)) is not None:
            problems.append(problem)
            continue
        assert current is not None  # _match_problem reports a vanished candidate
        existing[row] = current
        # Only what the row states changes: an empty cell never wipes a stored value.
        fields = changed_fields(
            current, registration.model_dump(include=registration.model_fields_set)
        )
        outcomes.append(
            RowOutcome(row, registration.email, "update" if fields else "unchanged", fields)
        )
    problems.sort(key=lambda p: p.row)
    created = sum(1 for o in outcomes if o.action == "create")
    # A dry run projects the count; a real run reports the count it committed.
    outcome = ImportOutcome(
        dry_run=dry_run,
        applied=False,
        rows=parsed.rows,
        problems=problems,
        outcomes=outcomes,
        candidates_before=before,
        candidates_after=before + created,
    )
    if dry_run:
        return outcome
    if problems:
        # All or nothing: one bad row and nothing is written.
        raise ImportRefused(problems)
    now = uow.clock.now()
    by_row = dict(parsed.valid)
    for row_outcome in outcomes:
        registration = by_row[row_outcome.row]
        if row_outcome.action == "create":
            repo.add(new_candidate(registration, now=now))
        elif row_outcome.action == "update":
            candidate = existing[row_outcome.row]  # locked above, and not erased
            for name in row_outcome.changed_fields:
                setattr(candidate, name, getattr(registration, name))
            candidate.version += 1
            candidate.updated_at = now
    await uow.flush()
    applied = dataclasses.replace(outcome, applied=True, candidates_after=await _count(uow))
    await uow.commit()
    return applied
