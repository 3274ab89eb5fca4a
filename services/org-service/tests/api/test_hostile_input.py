"""Hostile input (issue 11) gets a 4xx problem, never a 500: hand-made cursors on every list,
malformed multipart bodies and oversize files on imports."""

from __future__ import annotations

import base64
import json
from urllib.parse import quote

import pytest
from org_testkit import all_pages, csv_bytes, make_position, make_unit, unique

from org_service.service.imports import MAX_IMPORT_ROWS


def hand_made_cursor(values: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


# The probe from issue 11: the right shape for (created_at, id), but 5 is no UUID.
FORGED = hand_made_cursor(["2026-01-01T00:00:00+00:00", 5])


def assert_cursor_refused(r) -> None:
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["errors"] == [{"loc": ["query", "cursor"], "msg": "invalid cursor"}]


@pytest.mark.parametrize(
    "cursor",
    [
        FORGED,
        hand_made_cursor(["2026-01-01T00:00:00", "6f1c2b1e-6c59-4a53-9a66-1c1c1b0d9d11"]),  # naive
        hand_made_cursor([5, "6f1c2b1e-6c59-4a53-9a66-1c1c1b0d9d11"]),
        hand_made_cursor(["2026-01-01T00:00:00+00:00"]),
        hand_made_cursor({"created_at": "2026-01-01T00:00:00+00:00"}),
        "garbage",
    ],
)
async def test_a_hand_made_cursor_on_positions_is_422_not_500(client, hr, cursor):
    assert_cursor_refused(
        await client.get("/api/v1/positions", headers=hr, params={"cursor": cursor})
    )


@pytest.mark.parametrize(
    "cursor",
    [
        FORGED,
        hand_made_cursor(["Sales", "not-a-uuid"]),
        hand_made_cursor([None, "6f1c2b1e-6c59-4a53-9a66-1c1c1b0d9d11"]),
        hand_made_cursor(["Sales\u0000", "6f1c2b1e-6c59-4a53-9a66-1c1c1b0d9d11"]),
    ],
)
async def test_a_hand_made_cursor_on_org_units_is_422(client, hr, cursor):
    assert_cursor_refused(
        await client.get("/api/v1/org-units", headers=hr, params={"cursor": cursor})
    )


@pytest.mark.parametrize(
    "cursor", [FORGED, hand_made_cursor(["3"]), hand_made_cursor([2**70]), hand_made_cursor([True])]
)
async def test_a_hand_made_cursor_on_history_is_422(client, hr, cursor):
    unit = await make_unit(client, hr, unique("Co"), "company")
    position = await make_position(client, hr, unit["id"])
    r = await client.get(
        f"/api/v1/positions/{position['id']}/history", headers=hr, params={"cursor": cursor}
    )
    assert_cursor_refused(r)


async def test_the_cursors_a_list_returns_still_page_through_it(client, hr):
    unit = await make_unit(client, hr, unique("Co"), "company")
    position = await make_position(client, hr, unit["id"])
    for headcount in (2, 3, 4):
        r = await client.patch(
            f"/api/v1/positions/{position['id']}", headers=hr, json={"headcount": headcount}
        )
        assert r.status_code == 200
    items = await all_pages(client, hr, f"/api/v1/positions/{position['id']}/history", limit=3)
    assert [v["version"] for v in items] == [1, 2, 3, 4]


BOUNDARY = "talentloop-boundary"
FILE_PART = (
    f"--{BOUNDARY}\r\n"
    'Content-Disposition: form-data; name="file"; filename="units.csv"\r\n'
    "Content-Type: text/csv\r\n\r\n"
    "code,name,kind\r\nACME,Acme,company\r\n"
)


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        # the closing boundary is not the one the header declares
        (FILE_PART + "--another-boundary--\r\n", f"multipart/form-data; boundary={BOUNDARY}"),
        # the header declares no boundary at all
        (FILE_PART + f"--{BOUNDARY}--\r\n", "multipart/form-data"),
        # a boundary longer than RFC 2046 allows
        (FILE_PART + f"--{BOUNDARY}--\r\n", f"multipart/form-data; boundary={'b' * 300}"),
        # not multipart at all
        ("\x00\xff" * 50, f"multipart/form-data; boundary={BOUNDARY}"),
        # a part without Content-Disposition
        (
            f"--{BOUNDARY}\r\nContent-Type: text/csv\r\n\r\ncode\r\n--{BOUNDARY}--\r\n",
            f"multipart/form-data; boundary={BOUNDARY}",
        ),
        # no file part: only a plain field
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n'
            f"--{BOUNDARY}--\r\n",
            f"multipart/form-data; boundary={BOUNDARY}",
        ),
        # `file` sent as a plain field instead of a file
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"\r\n\r\ncode\r\n'
            f"--{BOUNDARY}--\r\n",
            f"multipart/form-data; boundary={BOUNDARY}",
        ),
        # an empty body
        ("", f"multipart/form-data; boundary={BOUNDARY}"),
        # a CSV posted raw instead of as a form
        ("code,name,kind\nACME,Acme,company\n", "text/csv"),
    ],
)
async def test_a_malformed_multipart_import_is_a_4xx_problem(client, hr, body, content_type):
    r = await client.post(
        "/api/v1/imports",
        headers={**hr, "Content-Type": content_type},
        params={"kind": "org_units", "dry_run": "true"},
        content=body.encode("latin-1"),
    )
    assert 400 <= r.status_code < 500, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["status"] == r.status_code


async def test_an_import_over_the_row_cap_is_refused_naming_the_file(client, hr):
    rows = [["code", "title", "org_unit_code"]]
    rows += [[f"P{i}", "T", "U"] for i in range(MAX_IMPORT_ROWS + 1)]
    r = await client.post(
        "/api/v1/imports",
        headers=hr,
        params={"kind": "positions", "dry_run": "true"},
        files={"file": ("positions.csv", csv_bytes(rows), "text/csv")},
    )
    assert r.status_code == 422, r.text[:500]
    assert r.json()["errors"][0]["loc"] == ["file"]
    assert f"more than {MAX_IMPORT_ROWS} rows" in r.json()["detail"]


async def test_a_nul_in_a_json_field_is_a_422_naming_the_field(client, hr):
    # PostgreSQL cannot store U+0000 in text or jsonb: the write failed in the database
    # with a 422 that named no field (and a nested one, e.g. a requirement, the same).
    unit = await make_unit(client, hr, unique("Ops"), "team")
    for body, where in (
        ({"name": "Ops\u0000Team", "kind": "team"}, "name"),
        (
            {
                "title": "Analyst",
                "org_unit_id": unit["id"],
                "requirements": {"required_skills": ["python", "sql\u0000"]},
            },
            "requirements.required_skills[1]",
        ),
    ):
        path = "/api/v1/org-units" if "kind" in body else "/api/v1/positions"
        r = await client.post(path, json=body, headers=hr)
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert f"{where}: holds a NUL character (U+0000)" in r.json()["detail"], r.json()


async def test_a_control_character_in_a_json_field_is_a_422_naming_it_and_where(client, hr):
    # The rule imported cells follow: no one types an escape or a backspace, a screen does
    # not show it ("Ops" and "Ops<ESC>" would be two units no one tells apart), and a
    # terminal acts on it. Tab and line breaks are text.
    unit = await make_unit(client, hr, unique("Ops"), "team")
    r = await client.post(
        "/api/v1/org-units", json={"name": "Ops\u001b[31mTeam", "kind": "team"}, headers=hr
    )
    assert r.status_code == 422, r.text
    assert "name: holds the control character U+001B at character 4" in r.json()["detail"], r.json()
    for responsibility, problem in (
        ("Reports\u0008", "responsibilities[0]: holds the control character U+0008"),
        ("Weekly reports:\n\t- sales\r\n\t- stock", None),  # tabs and line breaks are text
    ):
        body = {"title": "Analyst", "org_unit_id": unit["id"], "responsibilities": [responsibility]}
        r = await client.post("/api/v1/positions", json=body, headers=hr)
        assert r.status_code == (201 if problem is None else 422), r.text
        assert problem is None or problem in r.json()["detail"], r.json()


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("org-units", {"name": "Ops", "kind": "team"}),
        ("people", {"name": "Ada Ops"}),
        ("positions", {"title": "Analyst"}),
    ],
)
async def test_a_control_character_in_a_code_in_the_path_is_a_422_not_a_500(client, hr, path, body):
    # Found by the fuzzer: a path code is held to what a code in a body is (the use case
    # builds a body from it), so a C1 control or a line break inside it is named, not kept.
    for code, named in (("2þ\r\u0092", "U+000D at character 3"), ("AB\u0092", "U+0092")):
        r = await client.put(f"/api/v1/{path}/by-code/{quote(code)}", json=body, headers=hr)
        assert r.status_code == 422, r.text
        assert r.headers["content-type"].startswith("application/problem+json")
        assert r.json()["errors"][0]["loc"] == ["path", "code"], r.json()
        assert named in r.text, r.json()


async def test_direction_controls_are_dropped_from_what_is_kept(client, hr):
    # An override reorders what is shown after it: "Ops\u202emaeT" showed as another unit
    # in every list. It is no text, only an instruction for showing it: the unit is kept as
    # typed, in logical order, and shows as such. Right-to-left text needs no control.
    name = unique("Ops\u202emaeT\u2067")
    r = await client.post("/api/v1/org-units", json={"name": name, "kind": "team"}, headers=hr)
    assert r.status_code == 201, r.text
    assert r.json()["name"] == name.replace("\u202e", "").replace("\u2067", "")
    for name in ("فريق العمليات", "צוות \u200fתפעול", "Ops \u200d👩\u200d💻"):
        r = await client.post(
            "/api/v1/org-units", json={"name": unique(name), "kind": "team"}, headers=hr
        )
        assert r.status_code == 201, r.text  # Arabic, Hebrew with a mark, an emoji sequence
        assert r.json()["name"].startswith(name)  # marks and joiners kept
