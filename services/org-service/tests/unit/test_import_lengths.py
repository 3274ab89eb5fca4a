"""An import's cells are held to the lengths of the columns they are stored in, read from the
tables themselves: a longer value is a problem of its row, not a database error."""

from __future__ import annotations

from typing import Any

import pytest
from org_testkit import csv_bytes
from sqlalchemy import String
from sqlalchemy.orm import InstrumentedAttribute

from org_service.db.models import OrgUnit, Person, Position
from org_service.domain.errors import RowProblem
from org_service.domain.imports.org_units import validate_org_unit_rows
from org_service.domain.imports.people import validate_people_rows
from org_service.domain.imports.positions import validate_position_rows
from org_service.domain.imports.rows import ImportReport
from talentloop_shared.tabular import read_table

VALID: dict[str, dict[str, str]] = {
    "org_units": {"code": "U-1", "name": "Unit", "kind": "team"},
    "positions": {"code": "P-1", "title": "Analyst", "org_unit_code": "MKT"},
    "people": {"external_code": "E-1", "name": "Li Lei"},
}


def validate(kind: str, cells: dict[str, str]) -> ImportReport[Any]:
    table = read_table(csv_bytes([list(cells), list(cells.values())]))
    if kind == "org_units":
        return validate_org_unit_rows(table, existing_codes=set())
    if kind == "positions":
        return validate_position_rows(table, known_org_unit_codes={"MKT"})
    return validate_people_rows(
        table, known_org_unit_codes=set(), existing_managers={}, subject_owners={}
    )


@pytest.mark.parametrize(
    ("kind", "column", "stored_in"),
    [
        ("org_units", "code", OrgUnit.code),
        ("org_units", "name", OrgUnit.name),
        ("positions", "code", Position.code),
        ("positions", "title", Position.title),
        ("positions", "job_family", Position.job_family),
        ("positions", "location", Position.location),
        ("people", "external_code", Person.external_code),
        ("people", "name", Person.name),
        ("people", "subject", Person.subject),
    ],
)
def test_a_cell_is_held_to_its_columns_length(
    kind: str, column: str, stored_in: InstrumentedAttribute[Any]
) -> None:
    column_type = stored_in.property.columns[0].type
    assert isinstance(column_type, String) and column_type.length is not None
    length = column_type.length
    fits = validate(kind, {**VALID[kind], column: "x" * length})
    assert fits.ok, fits.problems
    too_long = validate(kind, {**VALID[kind], column: "x" * (length + 1)})
    assert too_long.problems == [RowProblem(2, column, f"longer than {length} characters")]
