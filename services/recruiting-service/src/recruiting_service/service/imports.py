"""Bulk import of candidates from CSV or XLSX (S7): validate, dry run, all-or-nothing,
reconcile.

The upload is read by the shared streaming reader (`talentloop_shared.tabular`: encoding
and delimiter sniffed, XLSX zip bombs refused, at most `MAX_ROWS` rows) in a worker
thread, so a large file never blocks the event loop nor sits in memory twice.

Headers are read through the spellings old systems export, in Chinese and English
(`header_aliases("candidates")`: 姓名, 邮箱, 手机, 学历, 技能, Full Name, Mobile…), and the
uploader's own `column_map`, which wins; a header mapped to null is left out on purpose.
Any other header the import does not read is a problem, so a typo never drops a column
silently. Cells accept what the API accepts (本科, 大专; Postgres; 普通话; 是/否).

A file without problems is applied in both modes, and the reconciliation compares counts
before and after and a checksum of the file's key fields with the same over what the
database then holds (`domain.reconciliation`); a dry run rolls it all back.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import IO, Any, Literal

from pydantic import ValidationError
from sqlalchemy import func, select

from recruiting_service.db.models import Candidate
from recruiting_service.db.repositories import CandidateRepository
from recruiting_service.domain.reconciliation import KEY_FIELDS, key_fields_checksum
from recruiting_service.service.candidates import changed_fields, new_candidate
from recruiting_service.service.inputs import CandidateCreate
from recruiting_service.service.vocabularies import education_spellings
from talentloop_shared.db import UnitOfWork
from talentloop_shared.errors import ProblemError
from talentloop_shared.language import canonical_value, header_aliases
from talentloop_shared.tabular import Table, TableRow, normalise_header, read_table

MAX_ROWS = 20_000
COLUMNS = tuple(CandidateCreate.model_fields)
LIST_COLUMNS = ("skills", "industries", "languages")
REQUIRED_COLUMNS = ("name", "email")
# Lists in one cell: "sql; python" or "sql, python" (and the Chinese comma/enumeration mark).
_LIST_SPLIT = re.compile(r"[;,|，、；]")
_BOOLEAN = {"true": True, "false": False}
# A header → column mapping sent with the upload; null leaves a column out.
ColumnMap = Mapping[str, str | None]

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
class Checksum:
    """The file's key fields against the database's after the run (`domain.reconciliation`)."""

    key_fields: tuple[str, ...]
    file: str
    database: str

    @property
    def match(self) -> bool:
        """True when the database holds what the file says."""
        return self.file == self.database


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
    # How each header of the file was understood (file order): its column, or None.
    column_mapping: dict[str, str | None] = field(default_factory=dict)
    # None when the file has problems (nothing is, or would be, written).
    checksum: Checksum | None = None

    def count(self, action: RowAction) -> int:
        """How many valid rows create, update or leave unchanged a candidate."""
        return sum(1 for o in self.outcomes if o.action == action)


@dataclass
class ParsedFile:
    """The candidates a file describes, row by row, and the problems found in it."""

    rows: int = 0
    valid: list[tuple[int, CandidateCreate]] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


def _row_input(
    row: TableRow, ignored: frozenset[str] = frozenset()
) -> tuple[dict[str, Any], list[ImportProblem]]:
    values: dict[str, Any] = {}
    problems: list[ImportProblem] = []
    for column, value in row.values.items():
        if column not in COLUMNS or column in ignored or not value:
            continue  # an empty cell states nothing: it never wipes a stored value
        if column in LIST_COLUMNS:
            values[column] = [v.strip() for v in _LIST_SPLIT.split(value) if v.strip()]
        elif column == "talent_pool_consent":
            # yes/no, true/false, 1/0, 是/否, 同意/不同意… (the packs' spellings)
            answer = _BOOLEAN.get(canonical_value("candidates", column, value))
            if answer is None:
                problems.append(ImportProblem(row.row, column, f"expected yes/no, got {value!r}"))
            else:
                values[column] = answer
        else:
            values[column] = value
    return values, problems


def _header_of(table: Table) -> dict[str, str]:
    """Each column the table has → the header the file gave it."""
    return {column: header for header, column in table.column_mapping.items()}


def column_mapping(table: Table, ignored: frozenset[str] = frozenset()) -> dict[str, str | None]:
    """How each header of the file was understood, in file order: the column it is read
    as, or None when the import does not read it (the report echoes this)."""
    header_of = _header_of(table)
    return {
        header_of.get(column, column): (
            column if column in COLUMNS and column not in ignored else None
        )
        for column in table.columns
    }


def _header_problems(table: Table, ignored: frozenset[str]) -> list[ImportProblem]:
    problems = [ImportProblem(1, p.column, p.problem) for p in table.problems]
    header_of = _header_of(table)
    for column in table.columns:
        if column not in COLUMNS and column not in ignored:
            header = header_of.get(column, column)
            problems.append(
                ImportProblem(
                    1,
                    header,
                    f"unknown column; expected some of {', '.join(COLUMNS)} (or a Chinese or "
                    'English header they are known by); map it with column_map {"'
                    + header
                    + '": "<column>"}, or to null to leave it out',
                )
            )
    for column in REQUIRED_COLUMNS:
        if column not in table.columns or column in ignored:
            problems.append(ImportProblem(1, column, "required column missing"))
    return problems


def parse_candidates(table: Table, *, ignored: frozenset[str] = frozenset()) -> ParsedFile:
    """Validate every row; name the row (1 = header) and column of each problem.

    `ignored` are the columns the uploader left out on purpose (mapped to null)."""
    parsed = ParsedFile(problems=_header_problems(table, ignored))
    if parsed.problems:
        return parsed
    # Cells the reader found a NUL (or another control character) in: not stored, named.
    unstorable: dict[int, list[ImportProblem]] = {}
    for cell in table.cell_problems:
        if cell.column in COLUMNS and cell.column not in ignored:
            unstorable.setdefault(cell.row, []).append(
                ImportProblem(cell.row, cell.column, cell.problem)
            )
    first_row_of: dict[str, int] = {}
    for row in table.rows:
        parsed.rows += 1
        named = unstorable.get(row.row, [])
        if named:
            # Named above: the rest of the row is checked as if the NULs were not there
            # (the request models refuse a NUL too, naming no column).
            row = replace(row, values={k: v.replace("\x00", "") for k, v in row.values.items()})
        values, problems = _row_input(row, ignored)
        problems[:0] = named
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


def _left_out(table: Table, headers: list[str]) -> tuple[frozenset[str], list[ImportProblem]]:
    """The columns of the headers the uploader mapped to null (read as whatever the known
    aliases make of them), and a problem for each such header the file does not have."""
    column_of = {normalise_header(h): c for h, c in table.column_mapping.items()}
    columns: set[str] = set()
    problems: list[ImportProblem] = []
    for header in headers:
        key = normalise_header(header)
        column = column_of.get(key, key)
        if column in table.columns:
            columns.add(column)
        else:
            problems.append(
                ImportProblem(1, header, "the column mapping names a header the file does not have")
            )
    return frozenset(columns), problems


async def _stored_key_fields(uow: UnitOfWork, emails: list[str]) -> dict[str, dict[str, Any]]:
    """The key fields the database holds for these emails (after the run's flush)."""
    if not emails:
        return {}
    rows = await uow.session.execute(
        select(Candidate.email, Candidate.name, Candidate.phone).where(Candidate.email.in_(emails))
    )
    return {r.email: {"email": r.email, "name": r.name, "phone": r.phone} for r in rows}


def _stated_key_fields(registration: CandidateCreate) -> dict[str, Any]:
    """The key fields a row states (an empty phone cell states nothing)."""
    stated = registration.model_fields_set
    return {
        name: getattr(registration, name)
        for name in KEY_FIELDS
        if name in stated and getattr(registration, name) is not None
    }


async def _checksum(uow: UnitOfWork, valid: list[tuple[int, CandidateCreate]]) -> Checksum:
    file_rows = [_stated_key_fields(registration) for _, registration in valid]
    stored = await _stored_key_fields(uow, [row["email"] for row in file_rows])
    database_rows = [
        {name: stored.get(row["email"], {}).get(name) for name in row} for row in file_rows
    ]
    return Checksum(
        key_fields=KEY_FIELDS,
        file=key_fields_checksum(file_rows),
        database=key_fields_checksum(database_rows),
    )


async def import_candidates(
    uow: UnitOfWork, *, file: IO[bytes], dry_run: bool, column_map: ColumnMap | None = None
) -> ImportOutcome:
    """Validate a candidate file and apply it (all-or-nothing); a dry run rolls it back.
    Reconcile the counts and the key fields' checksums either way."""
    table = await asyncio.to_thread(
        read_table,
        file,
        max_rows=MAX_ROWS,
        aliases=header_aliases("candidates"),
        column_map={h: c for h, c in (column_map or {}).items() if c is not None},
    )
    ignored, unknown = _left_out(table, [h for h, c in (column_map or {}).items() if c is None])
    async with education_spellings(uow.session):
        parsed = parse_candidates(table, ignored=ignored)
    parsed.problems[:0] = unknown
    repo = CandidateRepository(uow.session)
    before = await _count(uow)
    # Matched by email, then read again by id: locked (in id order) when the file is
    # applied (a dry run of a valid file applies it too, then rolls back), so an erasure or
    # edit committed since the match is seen here and none can start before this import
    # commits. An erased candidate is never written to.
    matched = await repo.ids_by_emails([c.email for _, c in parsed.valid])
    locked = await repo.by_ids(list(matched.values()), for_update=not parsed.problems)
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
        column_mapping=column_mapping(table, ignored),
    )
    if problems:
        if dry_run:
            return outcome
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
    reconciled = dataclasses.replace(
        outcome,
        applied=not dry_run,
        candidates_after=await _count(uow),
        checksum=await _checksum(uow, parsed.valid),
    )
    if dry_run:
        await uow.rollback()  # a dry run shows what would happen and keeps nothing
    else:
        await uow.commit()
    return reconciled
