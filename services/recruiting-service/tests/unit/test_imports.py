"""Parsing and validation of candidate import files (pure, no database)."""

from __future__ import annotations

from recruiting_service.service.imports import parse_candidates
from talentloop_shared.tabular import read_table


def test_rows_are_validated_with_row_number_and_column() -> None:
    table = read_table(
        b"name,email,timezone,skills,talent_pool_consent\n"
        b"Ann,ann@example.com,Asia/Shanghai,SQL; Python,yes\n"
        b",bob@example.com,,,\n"
        b"Cy,ANN@example.com,,,no\n"
        b"Di,di@example.com,Moon/Base,,maybe\n"
    )
    parsed = parse_candidates(table)
    assert parsed.rows == 4
    assert [(row, c.email, c.skills) for row, c in parsed.valid] == [
        (2, "ann@example.com", ["sql", "python"])
    ]
    problems = {(p.row, p.column) for p in parsed.problems}
    assert problems == {(3, "name"), (4, "email"), (5, "timezone"), (5, "talent_pool_consent")}


def test_unknown_and_missing_columns_are_header_problems() -> None:
    parsed = parse_candidates(read_table(b"name,emial\nAnn,ann@example.com\n"))
    assert {(p.row, p.column) for p in parsed.problems} == {(1, "emial"), (1, "email")}
    assert parsed.valid == []


def test_semicolons_tabs_and_headers_as_people_write_them() -> None:
    # Excel in many locales saves "CSV" with `;`; headers come capitalised and spaced.
    parsed = parse_candidates(read_table(b"Name;Email;Years Experience\nAnn;ann@example.com;4\n"))
    assert parsed.problems == []
    assert [(row, c.years_experience) for row, c in parsed.valid] == [(2, 4.0)]
    tabs = parse_candidates(read_table(b"name\temail\nBo\tbo@example.com\n"))
    assert [c.email for _, c in tabs.valid] == ["bo@example.com"]


def test_a_duplicate_column_is_a_header_problem() -> None:
    parsed = parse_candidates(read_table(b"name,email,email\nAnn,a@example.com,b@example.com\n"))
    assert {(p.row, p.column) for p in parsed.problems} == {(1, "email")}
