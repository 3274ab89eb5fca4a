"""The reconciliation checksum: order- and representation-blind, sensitive to key fields."""

from __future__ import annotations

from org_testkit import csv_bytes, position_row

from org_service.domain.imports.org_units import OrgUnitImportRow
from org_service.domain.imports.positions import POSITION_COLUMNS, validate_position_rows
from org_service.domain.imports.reconciliation import key_fields_checksum
from org_service.domain.org_tree import OrgUnitKind
from talentloop_shared.tabular import read_table

KNOWN_UNITS = {"MKT", "TECH", "HR"}


def test_checksum_ignores_row_order_and_representation() -> None:
    a = {"code": "A", "name": "Alpha", "kind": "company", "parent_code": None}
    b = {"code": "B", "name": "Beta", "kind": "team", "parent_code": "A"}
    assert key_fields_checksum([a, b], "org_units") == key_fields_checksum([b, a], "org_units")
    # File rows (dataclasses) and database rows (dicts) hash alike.
    file_rows = [
        OrgUnitImportRow(2, "A", "Alpha", OrgUnitKind.COMPANY, None),
        OrgUnitImportRow(3, "B", "Beta", OrgUnitKind.TEAM, "A"),
    ]
    assert key_fields_checksum(file_rows, "org_units") == key_fields_checksum([b, a], "org_units")


def test_checksum_changes_when_a_key_field_changes() -> None:
    a = {"code": "A", "name": "Alpha", "kind": "company", "parent_code": None}
    b = {"code": "B", "name": "Beta", "kind": "team", "parent_code": "A"}
    before = key_fields_checksum([a, b], "org_units")
    assert key_fields_checksum([a, {**b, "parent_code": None}], "org_units") != before
    assert key_fields_checksum([a, {**b, "name": "Beta2"}], "org_units") != before
    assert key_fields_checksum([a], "org_units") != before
    # A field outside the key set does not count.
    assert key_fields_checksum([a, {**b, "description": "x"}], "org_units") == before


def test_position_checksum_from_file_equals_checksum_from_database_shape() -> None:
    rows: list[list[object]] = [
        list(POSITION_COLUMNS),
        position_row(1),
        position_row(2, headcount=3),
    ]
    report = validate_position_rows(read_table(csv_bytes(rows)), known_org_unit_codes=KNOWN_UNITS)
    from_db = [
        {
            "code": r.code,
            "title": r.title,
            "org_unit_code": r.org_unit_code,
            "job_family": r.job_family,
            "headcount": float(r.headcount),
            "status": r.status,
        }
        for r in reversed(report.rows)
    ]
    assert key_fields_checksum(report.rows, "positions") == key_fields_checksum(
        from_db, "positions"
    )
    from_db[0]["title"] = "Renamed"
    assert key_fields_checksum(report.rows, "positions") != key_fields_checksum(
        from_db, "positions"
    )
