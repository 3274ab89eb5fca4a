"""Imports (S7) end to end: dry run, all-or-nothing, upsert by code, reconciliation, events."""

from __future__ import annotations

from org_testkit import all_pages, csv_bytes, unique, xlsx_bytes

from talentloop_shared.testing.harness import event_probe
from talentloop_shared.testing.plugin import eventually

POSITION_HEADER = [
    "code",
    "title",
    "org_unit_code",
    "job_family",
    "headcount",
    "status",
    "location",
    "min_years_experience",
    "required_skills",
    "education",
    "evaluation_scheme",
]


def to_csv(header: list[str], rows: list[list[object]]) -> bytes:
    return csv_bytes([header, *rows])


async def post_import(
    client, headers, kind: str, content: bytes, *, dry_run: bool, filename: str = "file.csv"
):
    return await client.post(
        "/api/v1/imports",
        headers=headers,
        params={"kind": kind, "dry_run": str(dry_run).lower()},
        files={"file": (filename, content, "text/csv")},
    )


async def import_units(client, headers, p: str) -> None:
    """Company → two departments, as an XLSX file."""
    content = xlsx_bytes(
        [
            ["Code", "Name", "Kind", "Parent Code"],
            [f"{p}-D1", "Engineering", "department", f"{p}-CO"],  # child before parent
            [f"{p}-CO", f"Acme {p}", "company", None],
            [f"{p}-D2", "People", "department", f"{p}-CO"],
        ]
    )
    r = await post_import(
        client, headers, "org_units", content, dry_run=False, filename="units.xlsx"
    )
    assert r.status_code == 200, r.text
    rec = r.json()["reconciliation"]
    assert (rec["created"], rec["updated"], rec["unchanged"]) == (3, 0, 0)
    assert rec["after"]["org_units"] == rec["before"]["org_units"] + 3
    assert rec["checksum"]["match"] is True


def position_rows(p: str, *, broken: bool) -> list[list[object]]:
    rows = []
    for i in range(50):
        rows.append(
            [
                f"{p}-P{i:03}",
                f"Engineer {i}",
                f"{p}-D1" if i % 2 else f"{p}-D2",
                "Engineering",
                1 + i % 3,
                "open",
                "Shanghai",
                i % 6,
                "Go; SQL ; go",
                "bachelor",
                f"tech:Technical:0.6:{p}-D1; culture:Culture:40%:{p}-D2",
            ]
        )
    if broken:
        rows[5][4] = "two"  # spreadsheet row 7
        rows[29][2] = "NOPE"  # spreadsheet row 31
    return rows


async def test_positions_import_dry_run_all_or_nothing_then_idempotent(client, auth, amqp_url, ns):
    integration = auth("integration", sub="erp-sync")
    p = unique("imp")
    await import_units(client, integration, p)
    bad = to_csv(POSITION_HEADER, position_rows(p, broken=True))

    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await post_import(client, integration, "positions", bad, dry_run=True)
        assert r.status_code == 200, r.text
        report = r.json()
        assert report["ok"] is False and report["written"] is False
        assert report["total_rows"] == 50 and report["rows_with_problems"] == 2
        assert [(x["row"], x["column"]) for x in report["problems"]] == [
            (7, "headcount"),
            (31, "org_unit_code"),
        ]
        assert "NOPE" in report["problems"][1]["problem"]

        r = await post_import(client, integration, "positions", bad, dry_run=False)
        assert r.status_code == 422
        assert r.headers["content-type"].startswith("application/problem+json")
        assert {e["loc"][2] for e in r.json()["errors"]} == {7, 31}
        assert r.json()["report"]["rows_with_problems"] == 2
        await probe.settle(0.5)
    assert [
        e
        for e in probe.events
        if e.data["position"]["title"].startswith("Engineer ")
        and e.data["position"]["org_unit"]["path"][0] == f"Acme {p}"
    ] == []
    r = await client.get("/api/v1/positions", headers=integration, params={"limit": 500})
    assert not [x for x in r.json()["items"] if (x["code"] or "").startswith(p)]

    good = to_csv(POSITION_HEADER, position_rows(p, broken=False))
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await post_import(client, integration, "positions", good, dry_run=True)
        assert r.status_code == 200
        preview = r.json()
        assert preview["ok"] and not preview["written"]
        assert preview["reconciliation"]["created"] == 50
        r = await post_import(client, integration, "positions", good, dry_run=False)
        assert r.status_code == 200, r.text
        report = r.json()
        await probe.wait_for(50)
        await probe.settle(0.3)
    assert report["written"] is True and report["events_published"] == 50
    rec = report["reconciliation"]
    assert (rec["created"], rec["updated"], rec["unchanged"]) == (50, 0, 0)
    assert rec["after"]["positions"] == rec["before"]["positions"] + 50
    assert rec["checksum"]["match"] is True
    assert rec["checksum"] == {**preview["reconciliation"]["checksum"]}
    assert len(probe.events) == 50  # the dry run published nothing
    event = next(e.data for e in probe.events if e.data["position"]["title"] == "Engineer 1")
    assert event["change"] == "created" and event["position"]["version"] == 1
    assert event["position"]["requirements"]["required_skills"] == ["go", "sql"]
    dims = event["position"]["evaluation_scheme"]["dimensions"]
    assert [d["weight"] for d in dims] == [0.6, 0.4]
    assert event["position"]["org_unit"]["path"] == [f"Acme {p}", "Engineering"]

    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await post_import(client, integration, "positions", good, dry_run=False)
        assert r.status_code == 200
        rec = r.json()["reconciliation"]
        assert (rec["created"], rec["updated"], rec["unchanged"]) == (0, 0, 50)
        assert rec["after"] == rec["before"] and r.json()["events_published"] == 0
        await probe.settle(0.7)
    assert probe.events == []

    changed = position_rows(p, broken=False)
    changed[3][1] = "Staff Engineer 3"
    changed[4][5] = "closed"
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await post_import(
            client, integration, "positions", to_csv(POSITION_HEADER, changed), dry_run=False
        )
        rec = r.json()["reconciliation"]
        assert (rec["created"], rec["updated"], rec["unchanged"]) == (0, 2, 48)
        events = await probe.wait_for(2)
    by_change = {e.data["change"]: e.data for e in events}
    assert by_change["updated"]["changed_fields"] == ["title"]
    assert by_change["updated"]["position"]["version"] == 2
    assert by_change["closed"]["position"]["status"] == "closed"


async def test_unit_import_reparents_and_republishes(client, auth, hr, amqp_url, ns):
    p = unique("reorg")
    await import_units(client, hr, p)
    r = await post_import(
        client,
        hr,
        "positions",
        to_csv(["code", "title", "org_unit_code"], [[f"{p}-P1", "Designer", f"{p}-D2"]]),
        dry_run=False,
    )
    assert r.status_code == 200, r.text
    # the reorganisation: People moves under Engineering, Engineering is renamed
    units = to_csv(
        ["code", "name", "kind", "parent_code"],
        [
            [f"{p}-CO", f"Acme {p}", "company", ""],
            [f"{p}-D1", "R&D", "department", f"{p}-CO"],
            [f"{p}-D2", "People", "team", f"{p}-D1"],
        ],
    )
    async with event_probe(amqp_url, ns, ["position-changed"]) as probe:
        r = await post_import(client, auth("recruiter"), "org_units", units, dry_run=False)
        assert r.status_code == 403
        r = await post_import(client, hr, "org_units", units, dry_run=False)
        assert r.status_code == 200, r.text
        rec = r.json()["reconciliation"]
        assert (rec["created"], rec["updated"], rec["unchanged"]) == (0, 2, 1)

        # Only the move is this step's: the relay may still be delivering P1's "created"
        # from the import above when the probe starts listening.
        async def moved() -> list | None:
            found = [
                e
                for e in probe.of_type("position-changed")
                if e.data["change"] == "moved" and e.data["position"]["code"] == f"{p}-P1"
            ]
            return found or None

        (event,) = await eventually(moved, timeout=10, message="P1 republished as moved")
    assert event.data["position"]["org_unit"]["path"] == [f"Acme {p}", "R&D", "People"]
    cycle = to_csv(
        ["code", "name", "kind", "parent_code"], [[f"{p}-CO", f"Acme {p}", "company", f"{p}-D2"]]
    )
    r = await post_import(client, hr, "org_units", cycle, dry_run=True)
    assert r.json()["ok"] is False
    assert r.json()["problems"][0]["column"] == "parent_code"
    r = await post_import(client, hr, "org_units", b"\xff\xfe garbage", dry_run=True)
    assert r.status_code == 422


async def test_paging_through_imported_positions_loses_none(client, hr):
    # One import stamps every position with the same created_at: the cursor's id must decide.
    p = unique("page")
    await import_units(client, hr, p)
    rows = [[f"{p}-P{i}", f"Planner {i}", f"{p}-D1"] for i in range(5)]
    r = await post_import(
        client, hr, "positions", to_csv(["code", "title", "org_unit_code"], rows), dry_run=False
    )
    assert r.status_code == 200, r.text
    r = await client.get("/api/v1/org-units", headers=hr, params={"limit": 500})
    unit_id = next(u["id"] for u in r.json()["items"] if u["code"] == f"{p}-D1")
    items = await all_pages(client, hr, "/api/v1/positions", org_unit_id=unit_id, limit=2)
    seen = [x["code"] for x in items]
    assert sorted(seen) == sorted(row[0] for row in rows) and len(seen) == 5


async def test_a_value_longer_than_its_column_is_a_problem_of_its_row(client, hr):
    # It failed in the database: one 422 naming no row or column, also for a dry run.
    p = unique("LONG")
    await import_units(client, hr, p)
    rows = position_rows(p, broken=False)[:4]
    rows[1][1] = "T" * 201  # title, spreadsheet row 3
    rows[2][3] = "f" * 101  # job_family, row 4
    rows[3][6] = "L" * 201  # location, row 5
    r = await post_import(client, hr, "positions", to_csv(POSITION_HEADER, rows), dry_run=True)
    assert r.status_code == 200, r.text
    problems = [(x["row"], x["column"], x["problem"]) for x in r.json()["problems"]]
    assert problems == [
        (3, "title", "longer than 200 characters"),
        (4, "job_family", "longer than 100 characters"),
        (5, "location", "longer than 200 characters"),
    ]
    units = to_csv(["code", "name", "kind", "parent_code"], [[f"{p}-X", "N" * 201, "team", ""]])
    r = await post_import(client, hr, "org_units", units, dry_run=True)
    assert r.status_code == 200, r.text
    assert [(x["row"], x["column"]) for x in r.json()["problems"]] == [(2, "name")]
