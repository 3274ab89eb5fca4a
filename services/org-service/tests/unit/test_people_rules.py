"""Staff directory rules, people import rows, header aliases and translations: pure, no I/O."""

from __future__ import annotations

import pytest
from org_testkit import csv_bytes

from org_service.domain.imports.aliases import header_aliases
from org_service.domain.imports.people import PersonImportRow, validate_people_rows
from org_service.domain.imports.reconciliation import key_fields_checksum
from org_service.domain.imports.rows import column_mapping
from org_service.domain.people import (
    change_kind,
    changed_fields,
    normalise_phone,
    parse_active,
    validate_manager,
)
from org_service.domain.positions import canonical_translations
from talentloop_shared.contacts import canonical_email
from talentloop_shared.i18n import canonical_timezone, locale_tag
from talentloop_shared.tabular import read_table


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("+86 138-0013-8000", "+8613800138000"),
        ("0086 (10) 6552.9988", "+861065529988"),
        ("13800138000", "13800138000"),
        ("＋８６ １３８－００１３－８０００", "+8613800138000"),  # typed in full-width mode
    ],
)
def test_phone_numbers_keep_their_digits(raw: str, stored: str) -> None:
    assert normalise_phone(raw) == stored


@pytest.mark.parametrize("raw", ["abc", "12", "+86 138 0013 8000 ext 5", "1" * 25])
def test_what_is_no_phone_number(raw: str) -> None:
    with pytest.raises(ValueError, match="not a phone number"):
        normalise_phone(raw)


def test_email_locale_timezone_are_canonical() -> None:
    assert canonical_email(" Li.Na@Example.COM ") == "li.na@example.com"
    with pytest.raises(ValueError):
        canonical_email("li.na@")
    assert locale_tag("zh_cn") == "zh-CN" and locale_tag("EN") == "en"
    with pytest.raises(ValueError, match="not a locale tag: 'Chinese please'"):
        locale_tag("Chinese please")
    assert canonical_timezone("asia/shanghai") == "Asia/Shanghai"
    assert canonical_timezone("UTC") == "UTC"
    with pytest.raises(ValueError, match="IANA"):
        canonical_timezone("China Standard Time")


@pytest.mark.parametrize(
    ("raw", "flag"),
    [("在职", True), ("离职", False), ("TRUE", True), ("no", False), ("inactive", False)],
)
def test_active_as_old_systems_write_it(raw: str, flag: bool) -> None:
    assert parse_active(raw) is flag


def test_what_changed_and_how_it_is_called() -> None:
    old = {"name": "A", "email": None, "active": True, "locale": "en"}
    assert changed_fields(old, {**old, "name": "B", "active": False}) == ["name", "active"]
    assert change_kind(["name", "active"], active=False) == "deactivated"
    assert change_kind(["active"], active=True) == "reactivated"
    assert change_kind(["email"], active=True) == "updated"


def test_the_manager_line_is_a_tree() -> None:
    chain = {"b": "a", "a": None}  # b reports to a
    assert validate_manager("a", "b", chain)[0].msg == "would create a management cycle"
    assert validate_manager("a", "a", {})[0].msg == "a person cannot be their own manager"
    assert validate_manager("c", "b", chain) == []


def test_translations_are_keyed_by_canonical_locale() -> None:
    assert canonical_translations({"zh_cn": " 市场  经理 ", "EN": "Marketing Manager"}) == {
        "en": "Marketing Manager",
        "zh-CN": "市场 经理",
    }
    with pytest.raises(ValueError, match="two keys"):
        canonical_translations({"zh-cn": "a", "zh_CN": "b"})
    with pytest.raises(ValueError, match="empty"):
        canonical_translations({"en": "  "})
    with pytest.raises(ValueError, match="locale tag"):
        canonical_translations({"Chinese": "x"})


def people_table(rows: list[list[str]]):
    return read_table(csv_bytes(rows), aliases=header_aliases("people"))


def test_people_rows_managers_first_and_what_the_file_leaves_alone() -> None:
    table = people_table(
        [
            ["工号", "姓名", "邮箱", "直属上级工号", "在职状态", "语言"],
            ["E3", "Lucy", "LUCY@example.com", "E2", "", ""],
            ["E2", "李娜", "", "E1", "在职", "zh_cn"],
            ["E1", "王伟", "wang@example.com", "", "离职", "en"],
        ]
    )
    report = validate_people_rows(
        table, known_org_unit_codes=set(), existing_managers={}, subject_owners={}
    )
    assert report.ok, report.problems
    assert [r.code for r in report.rows] == ["E1", "E2", "E3"]
    lucy = report.rows[2]
    assert lucy == PersonImportRow(
        row=2,
        code="E3",
        name="Lucy",
        email="lucy@example.com",
        manager_code="E2",
        given=frozenset({"email", "manager_code", "active", "locale"}),
    )
    assert lucy.active is None and lucy.locale is None  # empty: keep what is stored
    assert report.rows[0].active is False and report.rows[1].locale == "zh-CN"


def test_people_rows_problems() -> None:
    table = people_table(
        [
            [
                "Employee ID",
                "Name",
                "Mobile",
                "Time Zone",
                "Manager ID",
                "Login",
                "Department Code",
            ],
            ["A", "Ann", "call me", "Mars/Olympus", "", "ann", "HQ"],
            ["B", "", "", "", "A", "", "NOPE"],
            ["C", "Cy", "", "", "D", "ann", ""],
            ["D", "Di", "", "", "C", "", ""],
            ["E", "Ed", "", "", "X9", "taken", ""],
            ["F", "Fi", "", "", "F", "", ""],
        ]
    )
    report = validate_people_rows(
        table,
        known_org_unit_codes={"HQ"},
        existing_managers={"Z": None},
        subject_owners={"taken": "Z"},
    )
    found = [(p.row, p.column) for p in report.problems]
    assert found == [
        (2, "phone"),
        (2, "timezone"),
        (3, "name"),
        (3, "org_unit_code"),
        (4, "subject"),
        (5, "manager_code"),
        (6, "manager_code"),
        (6, "subject"),
        (7, "manager_code"),
    ]
    messages = {(p.row, p.column): p.problem for p in report.problems}
    assert messages[(4, "subject")] == "'ann' is also in row 2"  # though row 2 is bad itself
    assert messages[(5, "manager_code")] == "manager 'C' (row 4) has problems"
    assert messages[(6, "manager_code")] == "unknown person code 'X9'"
    assert "another person (Z)" in messages[(6, "subject")]
    assert messages[(7, "manager_code")] == "a person cannot be their own manager"
    assert report.rows == []


def test_a_management_loop_through_the_file_or_the_directory_is_refused() -> None:
    table = people_table([["工号", "姓名", "直属上级工号"], ["C", "Cy", "D"], ["D", "Di", "C"]])
    report = validate_people_rows(
        table, known_org_unit_codes=set(), existing_managers={}, subject_owners={}
    )
    assert [(p.row, p.column) for p in report.problems] == [
        (2, "manager_code"),
        (3, "manager_code"),
    ]
    # Z (stored) reports to Y (stored); the file makes Y report to Z
    table = people_table([["工号", "姓名", "直属上级工号"], ["Y", "Yu", "Z"]])
    report = validate_people_rows(
        table,
        known_org_unit_codes=set(),
        existing_managers={"Z": "Y", "Y": None},
        subject_owners={},
    )
    assert "cycle" in report.problems[0].problem


def test_a_row_under_a_rejected_manager_is_rejected_too() -> None:
    table = people_table(
        [
            ["工号", "姓名", "邮箱", "直属上级工号"],
            ["M", "Boss", "bad", ""],
            ["R", "Report", "", "M"],
        ]
    )
    report = validate_people_rows(
        table, known_org_unit_codes=set(), existing_managers={}, subject_owners={}
    )
    assert [(p.row, p.column, p.problem) for p in report.problems][1] == (
        3,
        "manager_code",
        "manager 'M' (row 2) has problems",
    )


def test_the_header_aliases_cover_what_old_systems_export() -> None:
    units, positions, people = (header_aliases(k) for k in ("org_units", "positions", "people"))
    assert {units[h] for h in ("部门编码", "部门名称", "上级部门编码")} == {
        "code",
        "name",
        "parent_code",
    }
    assert (positions["职位编码"], positions["职位名称"], positions["所属部门编码"]) == (
        "code",
        "title",
        "org_unit_code",
    )
    assert [people[h] for h in ("姓名", "工号", "邮箱", "手机")] == [
        "name",
        "external_code",
        "email",
        "phone",
    ]
    assert people["employee_id"] == "external_code" and people["e-mail"] == "email"
    assert people["code"] == "external_code"  # the import's own short name works too


def test_the_report_says_how_each_header_was_understood() -> None:
    table = read_table(
        csv_bytes([["Staff No", "姓名", "Mail ", "Notes"], ["1", "A", "a@example.com", "x"]]),
        aliases=header_aliases("people"),
        column_map={"Staff No": "external_code", "Mail": "email"},
    )
    assert column_mapping(table, ("external_code", "name", "email")) == {
        "Staff No": "external_code",
        "姓名": "name",
        "Mail": "email",
        "Notes": None,
    }


def test_the_checksum_compares_only_the_columns_given() -> None:
    rows = [{"external_code": "E1", "name": "A", "email": "a@x.cn", "phone": None}]
    stored = [{"external_code": "E1", "name": "A", "email": "a@x.cn", "phone": "+861"}]
    assert key_fields_checksum(rows, "people") != key_fields_checksum(stored, "people")
    fields = ("external_code", "name", "email")
    assert key_fields_checksum(rows, "people", fields=fields) == key_fields_checksum(
        stored, "people", fields=fields
    )
