"""Bulk import of candidates from CSV or XLSX (S7): validate, dry run, all-or-nothing."""

from __future__ import annotations

import csv
import io
import re
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select

from recruiting_service.api.schemas import (
    CandidateCreate,
    ImportProblem,
    ImportReport,
    ImportRowOutcome,
    Reconciliation,
)
from recruiting_service.db.models import Candidate
from recruiting_service.db.repositories import CandidateRepository
from recruiting_service.service.candidates import changed_fields, new_candidate
from talentloop_shared.db import UnitOfWork
from talentloop_shared.http.problems import ProblemError

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 20_000
COLUMNS = tuple(CandidateCreate.model_fields)
LIST_COLUMNS = ("skills", "industries", "languages")
REQUIRED_COLUMNS = ("name", "email")
# Lists in one cell: "sql; python" or "sql, python" (and the Chinese comma/enumeration mark).
_LIST_SPLIT = re.compile(r"[;,|，、；]")
_TRUE = {"true", "yes", "y", "1", "是"}
_FALSE = {"false", "no", "n", "0", "否", ""}


def _bad_file(detail: str) -> ProblemError:
    return ProblemError(
        422,
        "Unprocessable Content",
        detail,
        type_="validation",
        errors=[{"loc": ["body", "file"], "msg": detail}],
    )


def read_table(content: bytes, filename: str) -> list[list[Any]]:
    """The rows of a CSV or XLSX file (header first)."""
    if len(content) > MAX_BYTES:
        raise _bad_file(f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if filename.lower().endswith((".xlsx", ".xlsm")) or content[:2] == b"PK":
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a broken workbook
            raise _bad_file(f"not a readable XLSX workbook: {type(exc).__name__}") from None
        sheet = workbook.worksheets[0]
        return [list(r) for r in sheet.iter_rows(values_only=True)]
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _bad_file("a CSV file must be UTF-8 encoded") from None
    return [row for row in csv.reader(io.StringIO(text))]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@dataclass
class ParsedFile:
    rows: int = 0
    valid: list[tuple[int, CandidateCreate]] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)


def _row_input(
    header: list[str], values: list[Any], row_number: int
) -> tuple[dict[str, Any], list[ImportProblem]]:
    data: dict[str, Any] = {}
    problems: list[ImportProblem] = []
    for column, raw in zip(header, values, strict=False):
        if column not in COLUMNS:
            continue
        value = _cell(raw)
        if column in LIST_COLUMNS:
            data[column] = [v.strip() for v in _LIST_SPLIT.split(value) if v.strip()]
        elif column == "talent_pool_consent":
            if value.lower() not in _TRUE | _FALSE:
                problems.append(
                    ImportProblem(
                        row=row_number, column=column, msg=f"expected yes/no, got {value!r}"
                    )
                )
            data[column] = value.lower() in _TRUE
        elif value:
            data[column] = value
    return data, problems


def parse_candidates(table: list[list[Any]]) -> ParsedFile:
    """Validate every row; name the row (1 = header) and column of each problem."""
    parsed = ParsedFile()
    if not table:
        parsed.problems.append(ImportProblem(row=1, column=None, msg="the file is empty"))
        return parsed
    header = [_cell(h).lower().replace(" ", "_") for h in table[0]]
    for column in header:
        if column and column not in COLUMNS:
            parsed.problems.append(
                ImportProblem(
                    row=1,
                    column=column,
                    msg=f"unknown column; expected some of {', '.join(COLUMNS)}",
                )
            )
    for column in REQUIRED_COLUMNS:
        if column not in header:
            parsed.problems.append(
                ImportProblem(row=1, column=column, msg="required column missing")
            )
    if parsed.problems:
        return parsed
    body = [r for r in table[1:] if any(_cell(v) for v in r)]
    if len(body) > MAX_ROWS:
        parsed.problems.append(
            ImportProblem(
                row=1, column=None, msg=f"at most {MAX_ROWS} rows per file; split the file"
            )
        )
        return parsed
    first_row_of: dict[str, int] = {}
    row_number = 1
    for values in table[1:]:
        row_number += 1
        if not any(_cell(v) for v in values):
            continue
        parsed.rows += 1
        data, problems = _row_input(header, list(values), row_number)
        try:
            candidate = CandidateCreate.model_validate(data)
        except ValidationError as exc:
            for err in exc.errors():
                loc = err.get("loc") or ()
                where = str(loc[0]) if loc else None
                msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
                problems.append(ImportProblem(row=row_number, column=where, msg=msg))
            parsed.problems.extend(problems)
            continue
        if candidate.email in first_row_of:
            problems.append(
                ImportProblem(
                    row=row_number,
                    column="email",
                    msg=f"duplicate email {candidate.email} "
                    f"(also in row {first_row_of[candidate.email]})",
                )
            )
        else:
            first_row_of[candidate.email] = row_number
        if problems:
            parsed.problems.extend(problems)
            continue
        parsed.valid.append((row_number, candidate))
    return parsed


def _match_problem(
    row: int, email: str, candidate_id: uuid.UUID, current: Candidate | None
) -> ImportProblem | None:
    """Why the row cannot update the candidate its email matched, or None when it can."""
    if current is not None and current.erased_at is not None:
        return ImportProblem(
            row=row,
            column="email",
            msg=f"candidate {candidate_id}, whom this email matched, was erased on "
            f"{current.erased_at.isoformat()} at the person's request; an import never "
            "writes to an erased candidate. Remove this row (imported again, it would "
            "register the person anew)",
        )
    if current is None or current.email != email:
        return ImportProblem(
            row=row,
            column="email",
            msg=f"candidate {candidate_id}, whom this email matched, changed its email "
            "while this import ran; run the import again",
        )
    return None


async def import_candidates(
    uow: UnitOfWork, *, content: bytes, filename: str, dry_run: bool
) -> ImportReport:
    """Validate (dry run) or apply (all-or-nothing) a candidate file; reconcile the counts."""
    parsed = parse_candidates(read_table(content, filename))
    repo = CandidateRepository(uow.session)
    before = int(await uow.session.scalar(select(func.count()).select_from(Candidate)) or 0)
    # Matched by email, then read again by id: locked (in id order) when the file is
    # applied, so an erasure or edit committed since the match is seen here and none can
    # start before this import commits. An erased candidate is never written to.
    matched = await repo.ids_by_emails([c.email for _, c in parsed.valid])
    locked = await repo.by_ids(
        list(matched.values()), for_update=not dry_run and not parsed.problems
    )
    problems = list(parsed.problems)
    existing: dict[int, Candidate] = {}  # row → the candidate it updates
    outcomes: list[ImportRowOutcome] = []
    for row, data in parsed.valid:
        candidate_id = matched.get(data.email)
        if candidate_id is None:
            outcomes.append(ImportRowOutcome(row=row, email=data.email, action="create"))
            continue
        current = locked.get(candidate_id)
        if (problem := _match_problem(row, data.email, candidate_id, current)) is not None:
            problems.append(problem)
            continue
        assert current is not None  # _match_problem reports a vanished candidate
        existing[row] = current
        # Only what the row states changes: an empty cell never wipes a stored value.
        fields = changed_fields(current, data.model_dump(include=data.model_fields_set))
        outcomes.append(
            ImportRowOutcome(
                row=row,
                email=data.email,
                action="update" if fields else "unchanged",
                changed_fields=fields,
            )
        )
    created = sum(1 for o in outcomes if o.action == "create")
    updated = sum(1 for o in outcomes if o.action == "update")
    unchanged = len(outcomes) - created - updated
    problems.sort(key=lambda p: p.row)

    def report(*, applied: bool, after: int) -> ImportReport:
        return ImportReport(
            kind="candidates",
            dry_run=dry_run,
            applied=applied,
            rows=parsed.rows,
            valid_rows=len(outcomes),
            created=created,
            updated=updated,
            unchanged=unchanged,
            problems=problems,
            outcomes=outcomes,
            reconciliation=Reconciliation(
                candidates_before=before,
                candidates_after=after,
                expected_after=before + created,
                balanced=after == before + created,
            ),
        )

    if dry_run:
        return report(applied=False, after=before + created)
    if problems:
        # All or nothing: one bad row and nothing is written.
        raise ProblemError(
            422,
            "Unprocessable Content",
            f"{len(problems)} problem(s) in the file; nothing was imported "
            "(fix them, or use dry_run=true to see the full report)",
            type_="import-invalid",
            errors=[
                {"loc": ["file", "row", p.row, p.column or ""], "msg": p.msg} for p in problems
            ],
        )
    now = datetime.now(UTC)
    by_row = dict(parsed.valid)
    for outcome in outcomes:
        data = by_row[outcome.row]
        if outcome.action == "create":
            repo.add(new_candidate(data))
        elif outcome.action == "update":
            candidate = existing[outcome.row]  # locked above, and not erased
            for name in outcome.changed_fields:
                setattr(candidate, name, getattr(data, name))
            candidate.version += 1
            candidate.updated_at = now
    await uow.flush()
    after = int(await uow.session.scalar(select(func.count()).select_from(Candidate)) or 0)
    result = report(applied=True, after=after)
    await uow.commit()
    return result
