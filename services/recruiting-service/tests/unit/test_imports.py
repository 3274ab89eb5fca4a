"""Parsing and validation of candidate import files (pure, no database)."""

from __future__ import annotations

from recruiting_service.service.imports import parse_candidates, read_table


def test_rows_are_validated_with_row_number_and_column() -> None:
    table = read_table(
        b"name,email,timezone,skills,talent_pool_consent\n"
        b"Ann,ann@example.com,Asia/Shanghai,SQL; Python,yes\n"
        b",bob@example.com,,,\n"
        b"Cy,ANN@example.com,,,no\n"
        b"Di,di@example.com,Moon/Base,,maybe\n",
        "c.csv",
    )
    parsed = parse_candidates(table)
    assert parsed.rows == 4
    assert [(row, c.email, c.skills) for row, c in parsed.valid] == [
        (2, "ann@example.com", ["sql", "python"])
    ]
    problems = {(p.row, p.column) for p in parsed.problems}
    assert problems == {(3, "name"), (4, "email"), (5, "timezone"), (5, "talent_pool_consent")}


def test_unknown_and_missing_columns_are_header_problems() -> None:
    parsed = parse_candidates([["name", "emial"], ["Ann", "ann@example.com"]])
    assert {(p.row, p.column) for p in parsed.problems} == {(1, "emial"), (1, "email")}
    assert parsed.valid == []
