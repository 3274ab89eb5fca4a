"""Bulk import of org units and positions (S7): the rules a file's rows must pass.

The shared reader (`talentloop_shared.tabular.read_table`) turns the upload into rows keyed by
column name; `org_units.validate_org_unit_rows` or `positions.validate_position_rows` check
them (what both share is in `rows`) and return a report of every problem plus the valid,
normalised rows; `reconciliation.key_fields_checksum` compares the file with what the
database holds afterwards. All work is linear in the number of rows, so a 10,000-row file
validates in well under a second.
"""
