"""Hostile cells in an import: each is a problem of its row and column, never a database
error naming neither (the file is not written, and a dry run says what to fix)."""

from __future__ import annotations

import pytest
from org_testkit import csv_bytes, unique

from talentloop_shared.testing.typing_modes import full_width


async def post_import(client, headers, kind: str, rows: list[list[str]], *, dry_run: bool):
    return await client.post(
        "/api/v1/imports",
        headers=headers,
        params={"kind": kind, "dry_run": str(dry_run).lower()},
        files={"file": ("file.csv", csv_bytes(rows), "text/csv")},
    )


async def a_unit(client, hr) -> str:
    code = unique("U")
    r = await post_import(
        client, hr, "org_units", [["code", "name", "kind"], [code, code, "company"]], dry_run=False
    )
    assert r.status_code == 200, r.text
    return code


def rows_with(kind: str, unit: str, column: str, insert: str) -> list[list[str]]:
    """A one-row file of `kind`, every cell valid but `column`'s, which has `insert` in its
    middle."""
    p = unique("hostile")
    good = {
        "org_units": {"code": p, "name": "Unit", "kind": "team", "parent_code": unit},
        "positions": {
            "code": p,
            "title": "Analyst",
            "org_unit_code": unit,
            "location": "Shanghai",
            "responsibilities": "Build dashboards",
            "evaluation_scheme": "tech:Technical:1",
        },
        "people": {"external_code": p, "name": "Li Lei", "email": f"{p}@example.com"},
    }[kind]
    middle = len(good[column]) // 2
    cells = {**good, column: good[column][:middle] + insert + good[column][middle:]}
    return [list(cells), list(cells.values())]


@pytest.mark.parametrize(
    ("kind", "column"),
    [
        ("org_units", "name"),
        ("org_units", "code"),
        ("positions", "title"),
        ("positions", "location"),
        ("positions", "responsibilities"),  # stored as jsonb, which refuses \u0000 too
        ("positions", "evaluation_scheme"),
        ("people", "name"),
        ("people", "external_code"),
    ],
)
@pytest.mark.parametrize("dry_run", [True, False])
async def test_a_nul_in_a_cell_is_a_problem_of_its_row_and_column(
    client, hr, kind, column, dry_run
):
    unit = await a_unit(client, hr)
    r = await post_import(client, hr, kind, rows_with(kind, unit, column, "\x00"), dry_run=dry_run)
    report = r.json() if dry_run else r.json()["report"]
    assert r.status_code == (200 if dry_run else 422), r.text
    assert report["ok"] is False and report["written"] is False
    assert [(p["row"], p["column"]) for p in report["problems"]] == [(2, column)]
    assert "NUL" in report["problems"][0]["problem"]
    assert "cannot be stored" in report["problems"][0]["problem"]


async def test_a_control_character_in_a_code_is_refused_by_row_and_column(client, hr):
    # Not a storage limit but the same kind of mistake: invisible in a spreadsheet, it would
    # make "ACME" and "ACME\x1b" two units nobody can tell apart.
    unit = await a_unit(client, hr)
    rows = rows_with("org_units", unit, "code", "\x1b")
    r = await post_import(client, hr, "org_units", rows, dry_run=True)
    assert r.status_code == 200, r.text
    assert [(p["row"], p["column"]) for p in r.json()["problems"]] == [(2, "code")]
    assert "U+001B" in r.json()["problems"][0]["problem"]


async def test_tabs_and_line_breaks_in_cells_are_still_read(client, hr):
    unit = await a_unit(client, hr)
    rows = rows_with("positions", unit, "title", "\t")
    rows[1][rows[0].index("responsibilities")] = "Build dashboards\nTalk\tto sales"
    r = await post_import(client, hr, "positions", rows, dry_run=True)
    assert r.status_code == 200, r.text
    assert r.json()["ok"] is True, r.json()["problems"]


async def test_codes_typed_in_full_width_are_read_as_the_codes_they_stand_for(client, hr):
    """A sheet typed with the input method in full-width mode: its codes find the units they
    name, and are stored as the ERP spells them (as in the API)."""
    unit = await a_unit(client, hr)
    team = unique("fw")
    rows = [
        ["code", "name", "kind", "parent_code"],
        [full_width(team), "Team", "team", full_width(f"\u3000{unit}")],
    ]
    r = await post_import(client, hr, "org_units", rows, dry_run=False)
    assert r.status_code == 200, r.text
    found = await client.get("/api/v1/org-units", headers=hr, params={"q": team})
    [stored] = found.json()["items"]
    assert stored["code"] == team
    assert stored["path_names"][0] == unit  # under the unit its parent_code names
