"""Candidate imports as the migration FAQ promises them (issue 13, 19): counts and key
fields reconciled with checksums, the headers old systems export (zh and en), a column
mapping sent with the upload and echoed in the report, and the spellings people type."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

URL = "/api/v1/imports?kind=candidates"


def _csv(rows: list[list[str]]) -> bytes:
    return "\n".join(",".join(row) for row in rows).encode("utf-8")


def _checksum(rows: list[dict[str, str]]) -> str:
    """The documented checksum, computed the way an ERP would check it."""
    lines = sorted(
        json.dumps(
            [[k, row[k]] for k in ("email", "name", "phone") if k in row], ensure_ascii=False
        )
        for row in rows
    )
    return hashlib.sha256("".join(line + "\n" for line in lines).encode()).hexdigest()


async def _upload(
    recruiting, data: bytes, *, dry_run: bool, form: dict[str, str] | None = None, query: str = ""
) -> Any:
    return await recruiting.svc.client.post(
        f"{URL}&dry_run={str(dry_run).lower()}{query}",
        headers=recruiting.auth("integration", sub="erp"),
        files={"file": ("candidates.csv", data, "text/csv")},
        data=form or {},
    )


async def test_a_chinese_sheet_is_reconciled_with_checksums(recruiting) -> None:
    client, hr = recruiting.svc.client, recruiting.hr
    tag = uuid.uuid4().hex[:8]
    existing = await recruiting.candidate(education="本科", phone="13700137000")
    sheet = _csv(
        [
            ["姓名", "邮箱", "手机", "学历", "技能"],
            ["张伟", f"Zhang.Wei.{tag}@Example.com", "138 0013 8000", "本科", "Postgres、JS"],
            ["李娜", f"li.na.{tag}@example.com", "", "大专", "数据分析"],
            ["王芳", f"wang.fang.{tag}@example.com", "+86 139 0013 9000", "硕士", "Ｐｙｔｈｏｎ"],
            ["Li Wei", existing["email"].upper(), "", "硕士", ""],  # update: education only
        ]
    )
    expected_rows = [
        {"email": f"zhang.wei.{tag}@example.com", "name": "张伟", "phone": "+8613800138000"},
        {"email": f"li.na.{tag}@example.com", "name": "李娜"},  # no phone stated
        {"email": f"wang.fang.{tag}@example.com", "name": "王芳", "phone": "+8613900139000"},
        {"email": existing["email"], "name": "Li Wei"},
    ]

    dry = await _upload(recruiting, sheet, dry_run=True)
    assert dry.status_code == 200, dry.text
    report = dry.json()
    assert report["problems"] == []
    assert report["column_mapping"] == {
        "姓名": "name",
        "邮箱": "email",
        "手机": "phone",
        "学历": "education",
        "技能": "skills",
    }
    assert (report["created"], report["updated"], report["unchanged"]) == (3, 1, 0)
    reconciliation = report["reconciliation"]
    assert reconciliation["balanced"] is True
    assert reconciliation["candidates_after"] == reconciliation["candidates_before"] + 3
    checksum = reconciliation["checksum"]
    assert checksum["key_fields"] == ["email", "name", "phone"]
    assert checksum["match"] is True and checksum["file"] == checksum["database"]
    assert checksum["file"] == _checksum(expected_rows)
    assert not report["applied"]
    nothing = await client.get(f"/api/v1/candidates?email=li.na.{tag}@example.com", headers=hr)
    assert nothing.json()["items"] == []  # the dry run rolled everything back

    real = await _upload(recruiting, sheet, dry_run=False)
    assert real.status_code == 200, real.text
    report = real.json()
    assert report["applied"] is True
    assert report["reconciliation"]["checksum"] == checksum
    assert report["reconciliation"]["balanced"] is True
    stored = (
        await client.get(f"/api/v1/candidates?email=zhang.wei.{tag}@example.com", headers=hr)
    ).json()["items"][0]
    assert (stored["education"], stored["skills"]) == ("bachelor", ["postgresql", "javascript"])
    li_na = (
        await client.get(f"/api/v1/candidates?email=li.na.{tag}@example.com", headers=hr)
    ).json()
    assert li_na["items"][0]["education"] == "associate"
    updated = (await client.get(f"/api/v1/candidates/{existing['id']}", headers=hr)).json()
    assert updated["education"] == "master"
    assert updated["phone"] == existing["phone"]  # an empty cell keeps the stored phone

    # The same file again: nothing changes, and the database still holds what it says.
    again = (await _upload(recruiting, sheet, dry_run=False)).json()
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 4)
    assert again["reconciliation"]["checksum"] == checksum


async def test_a_column_mapping_is_sent_with_the_upload_and_echoed(recruiting) -> None:
    tag = uuid.uuid4().hex[:8]
    sheet = _csv(
        [
            ["应聘人", "联系邮箱", "备注", "Degree"],
            ["Ann", f"ann.{tag}@example.com", "call after 6pm", "BSc"],
        ]
    )
    refused = await _upload(recruiting, sheet, dry_run=True)
    assert refused.status_code == 200
    assert {p["column"] for p in refused.json()["problems"]} >= {"应聘人", "联系邮箱", "备注"}
    assert refused.json()["reconciliation"]["checksum"] is None

    mapping = {"应聘人": "name", "联系邮箱": "email", "备注": None}
    as_form = await _upload(
        recruiting, sheet, dry_run=False, form={"column_map": json.dumps(mapping)}
    )
    assert as_form.status_code == 200, as_form.text
    report = as_form.json()
    assert report["column_mapping"] == {
        "应聘人": "name",
        "联系邮箱": "email",
        "备注": None,
        "Degree": "education",
    }
    assert report["created"] == 1 and report["reconciliation"]["checksum"]["match"] is True

    as_query = await _upload(
        recruiting,
        sheet,
        dry_run=True,
        query="&column_map=" + json.dumps(mapping, ensure_ascii=False),
    )
    assert as_query.status_code == 200, as_query.text
    assert as_query.json()["column_mapping"] == report["column_mapping"]
    assert as_query.json()["unchanged"] == 1

    for form, query, loc in [
        ({"column_map": "{}"}, "&column_map={}", ["query", "column_map"]),
        ({"column_map": "not json"}, "", ["body", "column_map"]),
        ({"column_map": '{"应聘人": "full_name"}'}, "", ["body", "column_map"]),
    ]:
        bad = await _upload(recruiting, sheet, dry_run=True, form=form, query=query)
        assert bad.status_code == 422, bad.text
        assert bad.json()["errors"][0]["loc"] == loc
    missing = await _upload(
        recruiting, sheet, dry_run=True, form={"column_map": json.dumps({**mapping, "备注2": None})}
    )
    assert [(p["row"], p["column"]) for p in missing.json()["problems"]] == [(1, "备注2")]
