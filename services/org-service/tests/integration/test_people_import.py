"""People imports end to end: dry run, all-or-nothing, upsert by 工号, reconciliation, the
headers old systems export (Chinese and English), and the uploader's own column mapping."""

from __future__ import annotations

import asyncio
import json

import asyncpg
from org_testkit import (
    about,
    all_pages,
    csv_bytes,
    make_person,
    make_position,
    unique,
    wait_for_events,
    xlsx_bytes,
)

from talentloop_shared.testing.harness import event_probe


async def post_import(client, headers, kind, content, *, dry_run, filename="people.csv", **extra):
    params = {"kind": kind, "dry_run": str(dry_run).lower()}
    data = {}
    if "form_map" in extra:
        data["column_map"] = json.dumps(extra["form_map"], ensure_ascii=False)
    if "query_map" in extra:
        params["column_map"] = json.dumps(extra["query_map"], ensure_ascii=False)
    return await client.post(
        "/api/v1/imports",
        headers=headers,
        params=params,
        data=data,
        files={"file": (filename, content, "text/csv")},
    )


async def units(client, headers, p: str) -> None:
    """The org from an old system's export, with its Chinese headers."""
    content = csv_bytes(
        [
            ["部门编码", "部门名称", "部门类型", "上级部门编码"],
            [f"{p}-CO", f"Acme {p}", "company", ""],
            [f"{p}-SALES", "销售部", "department", f"{p}-CO"],
        ]
    )
    r = await post_import(client, headers, "org_units", content, dry_run=False)
    assert r.status_code == 200, r.text
    assert r.json()["column_mapping"] == {
        "部门编码": "code",
        "部门名称": "name",
        "部门类型": "kind",
        "上级部门编码": "parent_code",
    }


def staff(p: str, *, broken: bool = False) -> list[list[object]]:
    header = [
        "工号",
        "姓名",
        "邮箱",
        "手机",
        "部门编码",
        "直属上级工号",
        "语言",
        "时区",
        "在职状态",
        "备注",
    ]
    rows = [
        [
            f"{p}-001",
            "王 伟",
            "Wang.Wei@Example.com",
            "138 0013 8000",
            f"{p}-CO",
            "",
            "zh_CN",
            "asia/shanghai",
            "在职",
            "CEO",
        ],
        # a report before their manager: managers may come anywhere in the file
        [
            f"{p}-003",
            "Lucy Liu",
            "lucy@example.com",
            "+1 415 555 0100",
            f"{p}-SALES",
            f"{p}-002",
            "en-us",
            "America/Los_Angeles",
            "",
            "",
        ],
        [f"{p}-002", "李娜", "li.na@example.com", "", f"{p}-SALES", f"{p}-001", "", "", "在职", ""],
    ]
    if broken:
        rows[1][2] = "not-an-email"  # row 3
        rows[2][5] = f"{p}-999"  # row 4: unknown manager
    return [header, *rows]


async def test_people_import_dry_run_real_run_reconciliation_and_rerun(client, auth, amqp_url, ns):
    erp = auth("integration", sub="erp-sync")
    p = unique("ppl")
    await units(client, erp, p)

    r = await post_import(client, erp, "people", csv_bytes(staff(p, broken=True)), dry_run=False)
    assert r.status_code == 422
    report = r.json()["report"]
    assert [(x["row"], x["column"]) for x in report["problems"]] == [
        (3, "email"),
        (4, "manager_code"),
    ]
    assert f"'{p}-999'" in report["problems"][1]["problem"]
    assert await all_pages(client, erp, "/api/v1/people", q=p) == []  # all or nothing

    content = csv_bytes(staff(p))
    async with event_probe(amqp_url, ns, ["person-changed"]) as probe:
        r = await post_import(client, erp, "people", content, dry_run=True)
        assert r.status_code == 200, r.text
        preview = r.json()
        assert preview["ok"] and not preview["written"]
        assert preview["reconciliation"]["created"] == 3
        assert preview["column_mapping"] == {
            "工号": "external_code",
            "姓名": "name",
            "邮箱": "email",
            "手机": "phone",
            "部门编码": "org_unit_code",
            "直属上级工号": "manager_code",
            "语言": "locale",
            "时区": "timezone",
            "在职状态": "active",
            "备注": None,  # not a column people imports read
        }
        r = await post_import(client, erp, "people", content, dry_run=False)
        assert r.status_code == 200, r.text
        report = r.json()
        await probe.wait_for(3)
        await probe.settle(0.3)
    assert len(probe.events) == 3  # the dry run published nothing
    rec = report["reconciliation"]
    assert (rec["created"], rec["updated"], rec["unchanged"]) == (3, 0, 0)
    assert rec["after"]["people"] == rec["before"]["people"] + 3
    assert rec["checksum"]["key_fields"] == ["external_code", "name", "email", "phone"]
    assert rec["checksum"]["match"] is True
    assert rec["checksum"] == preview["reconciliation"]["checksum"]

    people = {x["external_code"]: x for x in await all_pages(client, erp, "/api/v1/people", q=p)}
    ceo, li, lucy = people[f"{p}-001"], people[f"{p}-002"], people[f"{p}-003"]
    assert (ceo["name"], ceo["email"], ceo["phone"]) == (
        "王 伟",
        "wang.wei@example.com",
        "13800138000",
    )
    assert (ceo["locale"], ceo["timezone"]) == ("zh-CN", "Asia/Shanghai")
    assert (li["locale"], li["timezone"], li["phone"]) == ("en", "UTC", None)
    assert li["manager_id"] == ceo["id"] and lucy["manager_id"] == li["id"]
    assert (lucy["locale"], lucy["phone"]) == ("en-US", "+14155550100")
    event = next(e.data for e in probe.events if e.data["person"]["external_code"] == f"{p}-003")
    assert event["change"] == "created" and event["person"]["manager_id"] == li["id"]

    # the same file again: nothing changes, nothing is published
    async with event_probe(amqp_url, ns, ["person-changed", "position-changed"]) as probe:
        r = await post_import(client, erp, "people", content, dry_run=False)
        rec = r.json()["reconciliation"]
        assert (rec["created"], rec["updated"], rec["unchanged"]) == (0, 0, 3)
        assert r.json()["events_published"] == 0
        await probe.settle(0.7)
    assert probe.events == []

    # a leaver and a rename: Li owns a position, so it is republished with her new name
    hr = auth("hr_admin")
    unit = await all_pages(client, hr, "/api/v1/org-units", kind="company")
    unit_id = next(u["id"] for u in unit if u["code"] == f"{p}-CO")
    position = await make_position(client, hr, unit_id, owners={"recruiter_id": li["id"]})
    rows = staff(p)
    rows[3][1] = "李娜 (HR)"
    rows[1][8] = "离职"
    async with event_probe(amqp_url, ns, ["person-changed", "position-changed"]) as probe:
        r = await post_import(client, erp, "people", csv_bytes(rows), dry_run=False)
        rec = r.json()["reconciliation"]
        assert (rec["created"], rec["updated"], rec["unchanged"]) == (0, 2, 1)
        assert rec["checksum"]["match"] is True
        await wait_for_events(
            probe, 1, lambda e: about(position["id"])(e) and e.data["change"] == "updated"
        )
        await wait_for_events(probe, 2, lambda e: e.type == "person-changed")
        await probe.settle(0.3)
    changes = {e.data["person"]["external_code"]: e.data for e in probe.of_type("person-changed")}
    assert changes[f"{p}-001"]["change"] == "deactivated"
    assert changes[f"{p}-002"]["change"] == "updated"
    assert changes[f"{p}-002"]["changed_fields"] == ["name"]
    (republished,) = [e for e in probe.of_type("position-changed") if e.data["change"] == "updated"]
    assert republished.data["position"]["id"] == position["id"]
    assert republished.data["changed_fields"] == ["owners"]
    assert republished.data["position"]["owners"]["recruiter"]["name"] == "李娜 (HR)"


async def test_columns_the_file_lacks_keep_their_values(client, auth, hr):
    p = unique("keep")
    person = await make_person(
        client, hr, external_code=f"{p}-1", subject=f"{p}-login", phone="+8613800000001"
    )
    content = csv_bytes([["Employee ID", "Full Name", "E-mail"], [f"{p}-1", "Renamed", ""]])
    r = await post_import(client, hr, "people", content, dry_run=False)
    assert r.status_code == 200, r.text
    assert r.json()["reconciliation"]["checksum"]["key_fields"] == [
        "external_code",
        "name",
        "email",
    ]
    r = await client.get(f"/api/v1/people/{person['id']}", headers=hr)
    after = r.json()
    assert after["name"] == "Renamed" and after["email"] is None  # an empty cell clears
    assert after["subject"] == f"{p}-login" and after["phone"] == "+8613800000001"  # no column


async def test_a_column_map_sent_with_the_upload(client, auth):
    erp = auth("integration")
    p = unique("map")
    content = xlsx_bytes(
        [
            ["Staff #", "Who", "Mail", "Login"],
            [f"{p}-1", "Ann", "ann@example.com", f"{p}-ann"],
            [f"{p}-2", "Bob", "bob@example.com", f"{p}-ann"],  # the same login twice
        ]
    )
    mapping = {"Staff #": "external_code", "Who": "name", "Mail": "email", "Login": "subject"}
    r = await post_import(
        client, erp, "people", content, dry_run=True, filename="x.xlsx", form_map=mapping
    )
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["column_mapping"] == mapping
    assert [(x["row"], x["column"]) for x in report["problems"]] == [(3, "subject")]

    content = csv_bytes([["Staff #", "Who"], [f"{p}-1", "Ann"]])
    r = await post_import(
        client,
        erp,
        "people",
        content,
        dry_run=False,
        query_map={"Staff #": "external_code", "Who": "name"},
    )
    assert r.status_code == 200 and r.json()["reconciliation"]["created"] == 1

    r = await post_import(
        client, erp, "people", content, dry_run=True, query_map={"Staff #": "employee_no"}
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"] == ["query", "column_map"]
    assert "employee_no" in r.json()["errors"][0]["msg"]
    r = await post_import(client, erp, "people", content, dry_run=True, form_map=["not", "a map"])
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "column_map"]
    r = await post_import(client, erp, "people", content, dry_run=True, form_map={"Nope": "name"})
    assert r.status_code == 200
    assert r.json()["problems"][0]["row"] == 1  # the mapping names a header the file lacks


async def test_positions_from_an_old_system_with_chinese_headers(client, auth):
    erp = auth("integration")
    p = unique("zh")
    await units(client, erp, p)
    content = csv_bytes(
        [
            ["职位编码", "职位名称", "所属部门编码", "编制", "工作地点", "学历", "岗位职责"],
            [f"{p}-P1", "销售经理", f"{p}-SALES", "2", "上海", "bachelor", "带团队; 做业绩"],
        ]
    )
    r = await post_import(client, erp, "positions", content, dry_run=False)
    assert r.status_code == 200, r.text
    assert r.json()["column_mapping"]["所属部门编码"] == "org_unit_code"
    assert r.json()["reconciliation"]["created"] == 1
    (position,) = [
        x for x in await all_pages(client, erp, "/api/v1/positions") if x["code"] == f"{p}-P1"
    ]
    assert (position["title"], position["headcount"], position["location"]) == (
        "销售经理",
        2,
        "上海",
    )
    assert position["responsibilities"] == ["带团队", "做业绩"]


async def test_a_people_import_waits_for_a_change_of_reporting_lines_in_flight(
    svc, client, auth, hr
):
    # An import checks its managers against the directory as it stands; a PUT changing a
    # manager at the same moment could close a loop with a line of the file (A → B in the
    # file, B → A in the PUT). Both now hold the same lock while they check: with it held
    # elsewhere, the import waits, and goes on once it is released.
    p = unique("LOCK")
    await units(client, hr, p)
    holder = await asyncpg.connect(svc.runtime.settings.database_url.replace("+asyncpg", ""))
    try:
        held = holder.transaction()
        await held.start()
        await holder.execute(
            "SELECT pg_advisory_xact_lock(hashtext($1))", "org-service:people-managers"
        )
        content = csv_bytes(staff(p))
        upload = asyncio.create_task(post_import(client, hr, "people", content, dry_run=True))
        await asyncio.sleep(0.5)
        assert not upload.done()
        await held.rollback()
        r = await asyncio.wait_for(upload, 30)
    finally:
        await holder.close()
    assert r.status_code == 200, r.text


async def test_a_manager_change_waits_for_the_lines_before_it_locks_the_person(svc, client, hr):
    # An import holds the reporting-lines lock, then locks its people's rows; a PUT or PATCH
    # changing a manager locked the person's row, then waited for the lines: the two
    # deadlocked on one person (one of them rolled back). The change now waits for the
    # lines before it locks anyone: with the lock held elsewhere, the row stays free.
    p = unique("ORDER")
    a, b = f"{p}-A", f"{p}-B"
    ids = {}
    for code in (a, b):
        r = await client.put(f"/api/v1/people/by-code/{code}", headers=hr, json={"name": code})
        assert r.status_code == 201, r.text
        ids[code] = r.json()["id"]
    changes = [
        lambda: client.put(f"/api/v1/people/by-code/{b}", headers=hr, json={"manager_code": a}),
        lambda: client.patch(f"/api/v1/people/{ids[b]}", headers=hr, json={"manager_id": None}),
        lambda: client.patch(f"/api/v1/people/{ids[b]}", headers=hr, json={"manager_id": ids[a]}),
    ]
    holder = await asyncpg.connect(svc.runtime.settings.database_url.replace("+asyncpg", ""))
    try:
        for i, change in enumerate(changes):
            held = holder.transaction()
            await held.start()
            await holder.execute(
                "SELECT pg_advisory_xact_lock(hashtext($1))", "org-service:people-managers"
            )
            request = asyncio.create_task(change())
            await asyncio.sleep(0.3)
            if i == 1:  # clearing a manager cannot close a loop: it does not wait
                assert request.done()
            else:
                assert not request.done()
                # The import's next step: lock the person. It waited on the PUT (deadlock).
                await holder.execute(
                    "SELECT FROM people WHERE external_code = $1 FOR UPDATE NOWAIT", b
                )
            await held.rollback()
            r = await asyncio.wait_for(request, 30)
            assert r.status_code == 200, r.text
    finally:
        await holder.close()
