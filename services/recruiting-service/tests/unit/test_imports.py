"""Parsing and validation of candidate import files (pure, no database)."""

from __future__ import annotations

import pytest

from recruiting_service.domain.reconciliation import key_fields_checksum
from recruiting_service.service.imports import column_mapping, parse_candidates
from talentloop_shared.language import header_aliases
from talentloop_shared.tabular import read_table


def _read(data: bytes, column_map: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return read_table(data, aliases=header_aliases("candidates"), column_map=column_map)


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


def test_a_sheet_headed_in_chinese_is_understood() -> None:
    table = _read(
        "姓名,邮箱,手机,学历,技能,工作年限,是否同意入库\n"
        "张伟,Zhang.Wei@Example.com,138 0013 8000,本科,Postgres、JS,5,是\n"
        "李娜,li.na@example.com,,大专,数据分析,3,否\n".encode()
    )
    parsed = parse_candidates(table)
    assert parsed.problems == []
    assert [
        (c.name, c.email, c.phone, c.education, c.skills, c.talent_pool_consent)
        for _, c in parsed.valid
    ] == [
        (
            "张伟",
            "zhang.wei@example.com",
            "+8613800138000",
            "bachelor",
            ["postgresql", "javascript"],
            True,
        ),
        ("李娜", "li.na@example.com", None, "associate", ["data analysis"], False),
    ]
    assert column_mapping(table) == {
        "姓名": "name",
        "邮箱": "email",
        "手机": "phone",
        "学历": "education",
        "技能": "skills",
        "工作年限": "years_experience",
        "是否同意入库": "talent_pool_consent",
    }


def test_english_headers_old_systems_export() -> None:
    table = _read(
        b"Full Name,E-mail,Mobile,Degree,Skill Set\nAnn Lee,ann@example.com,,MSc,Python\n"
    )
    parsed = parse_candidates(table)
    assert parsed.problems == []
    assert [(c.name, c.education, c.skills) for _, c in parsed.valid] == [
        ("Ann Lee", "master", ["python"])
    ]


def test_a_column_mapping_wins_and_null_leaves_a_column_out() -> None:
    data = "应聘人,联系邮箱,备注,手机\nAnn,ann@example.com,call after 6pm,13800138000\n".encode()
    # Without a mapping: 应聘人/联系邮箱 are nobody's aliases, 备注 is not read.
    refused = parse_candidates(_read(data))
    assert {(p.row, p.column) for p in refused.problems} == {
        (1, "应聘人"),
        (1, "联系邮箱"),
        (1, "备注"),
        (1, "name"),
        (1, "email"),
    }
    assert "column_map" in refused.problems[0].msg
    mapped = {"应聘人": "name", "联系邮箱": "email"}
    table = _read(data, mapped)
    ignored = frozenset({"备注", "phone"})  # what `import_candidates` derives from nulls
    parsed = parse_candidates(table, ignored=ignored)
    assert parsed.problems == []
    assert [(c.name, c.email, c.phone) for _, c in parsed.valid] == [
        ("Ann", "ann@example.com", None)  # the phone column was left out on purpose
    ]
    assert column_mapping(table, ignored) == {
        "应聘人": "name",
        "联系邮箱": "email",
        "备注": None,
        "手机": None,
    }


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("是", True), ("同意", True), ("yes", True), ("1", True), ("否", False), ("No", False)],
)
def test_consent_cells_in_either_language(cell: str, expected: bool) -> None:
    parsed = parse_candidates(_read(f"姓名,邮箱,同意入库\nAnn,ann@example.com,{cell}\n".encode()))
    assert [c.talent_pool_consent for _, c in parsed.valid] == [expected]


def test_an_empty_consent_cell_states_nothing() -> None:
    # It used to mean "no", which withdrew a stored consent on re-import.
    parsed = parse_candidates(_read(b"name,email,talent_pool_consent\nAnn,ann@example.com,\n"))
    ((_, candidate),) = parsed.valid
    assert "talent_pool_consent" not in candidate.model_fields_set


def test_the_key_fields_checksum() -> None:
    rows = [
        {"email": "a@example.com", "name": "Ann", "phone": "+8613800138000"},
        {"email": "b@example.com", "name": "Bo"},
    ]
    same = key_fields_checksum(list(reversed(rows)))
    assert key_fields_checksum(rows) == same  # row order does not matter
    changed = [rows[0], {**rows[1], "name": "Bob"}]
    assert key_fields_checksum(changed) != same
    phone = [{**rows[0], "phone": "+8613900139000"}, rows[1]]
    assert key_fields_checksum(phone) != same
    # A row that does not state its phone is not compared on it.
    assert key_fields_checksum([{**rows[1], "phone": None}]) != key_fields_checksum([rows[1]])


def test_a_nul_in_a_cell_is_a_problem_of_its_row_and_column() -> None:
    # The shared reader names it; before, the row was valid and failed in the database.
    table = read_table(
        b"name,email,skills\nLi\x00 Lei,li@example.com,go\nWang,wang@example.com,s\x00ql\n"
    )
    parsed = parse_candidates(table)
    assert [(p.row, p.column) for p in parsed.problems] == [(2, "name"), (3, "skills")]
    assert all("NUL" in p.msg for p in parsed.problems)
    assert parsed.valid == []
