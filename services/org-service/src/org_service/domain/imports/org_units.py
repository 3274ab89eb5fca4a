"""Org unit rows of an import: `code, name, kind, parent_code`, parents anywhere in the file."""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass
from typing import Final

from org_service.domain import lengths
from org_service.domain.errors import RowProblem
from org_service.domain.imports.rows import (
    ImportReport,
    check_header_and_codes,
    codes_in_cycles,
    finish_tree_report,
)
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

    @property
    def parent(self) -> str | None:
        """The unit it hangs under (the import writes that one first)."""
        return self.parent_code


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
    problems, first_row = check_header_and_codes(
        table, ORG_UNIT_REQUIRED_COLUMNS, columns=ORG_UNIT_COLUMNS
    )
    if first_row is None:
        return ImportReport("org_units", len(table.rows), [], problems)
    parsed: list[tuple[int, OrgUnitImportRow]] = []
    for source in table.rows:
        code = source.get("code")
        name = source.get("name")
        if not name:
            problems.append(RowProblem(source.row, "name", "required"))
        elif len(name) > lengths.UNIT_NAME:  # the column's length
            problems.append(
                RowProblem(source.row, "name", f"longer than {lengths.UNIT_NAME} characters")
            )
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
    for code in codes_in_cycles(file_codes, parent_of):
        if code not in first_row:
            continue  # an existing unit on the loop: the file row that closes it is reported
        problems.append(
            RowProblem(
                first_row[code], "parent_code", f"parent_code {parent_of[code]!r} forms a cycle"
            )
        )
    return finish_tree_report(
        "org_units", table, parsed, first_row, problems, column="parent_code", label="parent"
    )
