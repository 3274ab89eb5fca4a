"""Org unit rows of an import: `code, name, kind, parent_code`, parents anywhere in the file."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set
from dataclasses import dataclass
from typing import Final

from org_service.domain.errors import RowProblem
from org_service.domain.imports.rows import ImportReport, check_header_and_codes, finish_report
from org_service.domain.org_tree import OrgUnitKind, parse_kind, validate_kind
from talentloop_shared.tabular import Table

ORG_UNIT_COLUMNS: Final[tuple[str, ...]] = ("code", "name", "kind", "parent_code")
ORG_UNIT_REQUIRED_COLUMNS: Final[tuple[str, ...]] = ("code", "name", "kind")


@dataclass(frozen=True, slots=True)
class OrgUnitImportRow:
    """A valid, normalised org unit row."""

    row: int
    code: str
    name: str
    kind: OrgUnitKind
    parent_code: str | None


def validate_org_unit_rows(
    table: Table,
    *,
    existing_codes: Set[str],
    existing_parent_codes: Mapping[str, str | None] | None = None,
) -> ImportReport[OrgUnitImportRow]:
    """Validate org unit rows; valid rows come back parents first, ready to insert in order.

    A `parent_code` may name a unit earlier or later in the file or one that already exists.
    Pass `existing_parent_codes` (code → parent code of existing units) to also catch cycles
    that a file re-parenting existing units would close through the database's tree.
    """
    problems, first_row = check_header_and_codes(table, ORG_UNIT_REQUIRED_COLUMNS)
    if first_row is None:
        return ImportReport("org_units", len(table.rows), [], problems)
    parsed: list[tuple[int, OrgUnitImportRow]] = []
    for source in table.rows:
        code = source.get("code")
        name = source.get("name")
        if not name:
            problems.append(RowProblem(source.row, "name", "required"))
        kind = parse_kind(source.get("kind"))
        for error in validate_kind(source.get("kind")):
            problems.append(RowProblem(source.row, "kind", error.msg))
        parent_code = source.get("parent_code") or None
        if parent_code is not None:
            if parent_code == code:
                problems.append(
                    RowProblem(source.row, "parent_code", "a unit cannot be its own parent")
                )
            elif parent_code not in first_row and parent_code not in existing_codes:
                problems.append(
                    RowProblem(source.row, "parent_code", f"unknown org unit code {parent_code!r}")
                )
        if kind is not None and code and first_row.get(code) == source.row:
            parsed.append((source.row, OrgUnitImportRow(source.row, code, name, kind, parent_code)))

    parent_of: dict[str, str | None] = dict(existing_parent_codes or {})
    # A self-parent is already reported above; leaving it out keeps one problem per mistake.
    parent_of.update(
        {row.code: row.parent_code if row.parent_code != row.code else None for _, row in parsed}
    )
    file_codes = [row.code for _, row in parsed]
    for code in _codes_in_cycles(file_codes, parent_of):
        if code not in first_row:
            continue  # an existing unit on the loop: the file row that closes it is reported
        problems.append(
            RowProblem(
                first_row[code], "parent_code", f"parent_code {parent_of[code]!r} forms a cycle"
            )
        )
    _reject_children_of_bad_rows(parsed, first_row, problems)
    report = finish_report("org_units", table, parsed, problems)
    return ImportReport(
        "org_units", report.total_rows, _parents_first(report.rows), report.problems
    )


def _reject_children_of_bad_rows(
    parsed: Sequence[tuple[int, OrgUnitImportRow]],
    first_row: Mapping[str, int],
    problems: list[RowProblem],
) -> None:
    """Report every unit below a rejected row, so no accepted row points at a missing parent."""
    bad_rows = {p.row for p in problems}
    children: dict[str, list[OrgUnitImportRow]] = {}
    for _, row in parsed:
        if row.parent_code is not None:
            children.setdefault(row.parent_code, []).append(row)
    queue = [code for code, number in first_row.items() if number in bad_rows]
    for code in queue:
        for child in children.get(code, ()):
            if child.row in bad_rows:
                continue
            bad_rows.add(child.row)
            problems.append(
                RowProblem(
                    child.row,
                    "parent_code",
                    f"parent {code!r} (row {first_row[code]}) has problems",
                )
            )
            queue.append(child.code)


def _codes_in_cycles(codes: Iterable[str], parent_of: Mapping[str, str | None]) -> list[str]:
    """Return the codes that lie on a parent cycle, in O(n) (each code is walked once)."""
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
    on_cycle: list[str] = []
    for start in codes:
        walk: list[str] = []
        current: str | None = start
        while current is not None and current not in state and current != "":
            state[current] = 1
            walk.append(current)
            current = parent_of.get(current)
        if current is not None and state.get(current) == 1:
            # The walk came back to a code on this very walk: everything from it onwards loops.
            on_cycle.extend(walk[walk.index(current) :])
        for code in walk:
            state[code] = 2
    return on_cycle


def _parents_first(rows: list[OrgUnitImportRow]) -> list[OrgUnitImportRow]:
    by_code = {row.code: row for row in rows}
    children: dict[str | None, list[OrgUnitImportRow]] = {}
    for row in rows:
        # Parents outside the valid rows (existing units) count as roots of this import.
        key = row.parent_code if row.parent_code in by_code else None
        children.setdefault(key, []).append(row)
    ordered = list(children.get(None, []))
    for row in ordered:
        ordered.extend(children.get(row.code, []))
    return ordered
