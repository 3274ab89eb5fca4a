"""Candidates, imports, applications and the status machine over HTTP."""

from __future__ import annotations

import io
import uuid
from datetime import UTC, datetime

from openpyxl import Workbook

from talentloop_shared.testing.typing_modes import full_width


async def test_candidate_is_normalised_and_email_is_unique(recruiting) -> None:
    email = f"Mixed.Case.{uuid.uuid4().hex[:6]}@Example.COM"
    created = await recruiting.candidate(
        email=f"  {email} ",
        phone="138 0013 8000",
        locale="zh_cn",
        timezone="asia/shanghai",
        skills=["  Live-Stream   Marketing", "live-stream marketing"],
        languages=["中文"],
    )
    assert created["email"] == email.lower()
    assert created["phone"] == "+8613800138000"
    assert created["locale"] == "zh-CN"
    assert created["timezone"] == "Asia/Shanghai"
    # Changed on purpose (issue 19): skills are stored by the shared synonym table's key.
    assert created["skills"] == ["live stream marketing"]
    assert created["languages"] == ["zh"]

    client, hr = recruiting.svc.client, recruiting.hr
    dup = await client.post(
        "/api/v1/candidates", headers=hr, json={"name": "Other", "email": email.upper()}
    )
    assert dup.status_code == 409
    assert dup.headers["content-type"] == "application/problem+json"
    # The same address typed with the input method in full-width mode is the same person.
    typed = full_width(email)
    twin = await client.post(
        "/api/v1/candidates", headers=hr, json={"name": "Other", "email": typed}
    )
    assert twin.status_code == 409, twin.text

    found = await client.get(f"/api/v1/candidates?email={email.upper()}", headers=hr)
    assert [c["id"] for c in found.json()["items"]] == [created["id"]]


async def test_candidate_validation_names_the_field(recruiting) -> None:
    client, hr = recruiting.svc.client, recruiting.hr
    for field, value in [
        ("timezone", "Mars/Olympus"),
        ("phone", "12345"),
        ("email", "not-an-email"),
        ("locale", "!!"),
    ]:
        body = {"name": "X", "email": f"x{uuid.uuid4().hex[:6]}@example.com", field: value}
        r = await client.post("/api/v1/candidates", headers=hr, json=body)
        assert r.status_code == 422, (field, r.text)
        assert r.json()["errors"][0]["loc"] == ["body", field]
        # the field is named once, by its place, not again at the start of the message
        assert not r.json()["errors"][0]["msg"].startswith(f"{field}:"), r.text
        assert r.json()["detail"].startswith(f"body.{field}: {r.json()['errors'][0]['msg']}")
    r = await client.post(
        "/api/v1/candidates",
        headers=hr,
        json={"name": "X", "email": "y@example.com", "emial": "typo"},
    )
    assert r.status_code == 422


async def test_a_phone_pasted_from_a_phones_contacts_is_the_number(recruiting) -> None:
    # Android contacts and WhatsApp wrap a copied number in U+202A … U+202C: invisible
    # direction controls, dropped from every text kept, so the number is what remains.
    client, hr = recruiting.svc.client, recruiting.hr
    body = {
        "name": "Li Na",
        "email": f"li{uuid.uuid4().hex[:6]}@example.com",
        "phone": "\u202a+86 138 0013 8000\u202c",
    }
    r = await client.post("/api/v1/candidates", headers=hr, json=body)
    assert r.status_code == 201, r.text
    assert r.json()["phone"] == "+8613800138000"


async def test_patch_honours_if_match(recruiting) -> None:
    client, hr = recruiting.svc.client, recruiting.hr
    candidate = await recruiting.candidate()
    url = f"/api/v1/candidates/{candidate['id']}"
    got = await client.get(url, headers=hr)
    assert got.headers["etag"] == '"1"'
    r = await client.patch(url, headers={**hr, "If-Match": '"1"'}, json={"years_experience": 9})
    assert r.status_code == 200 and r.json()["version"] == 2
    assert r.json()["years_experience"] == 9
    stale = await client.patch(url, headers={**hr, "If-Match": '"1"'}, json={"name": "Late"})
    assert stale.status_code == 412
    other = await recruiting.candidate()
    taken = await client.patch(url, headers=hr, json={"email": other["email"]})
    assert taken.status_code == 409


async def test_if_match_star_means_any_current_version(recruiting) -> None:
    # Changed on purpose (issue 12): recruiting answered `If-Match: *` with 412; with the
    # one meaning every service shares (RFC 9110 §13.1.1), `*` matches whatever version
    # exists. A tag that is not one we issue still matches nothing.
    client, hr = recruiting.svc.client, recruiting.hr
    candidate = await recruiting.candidate()
    url = f"/api/v1/candidates/{candidate['id']}"
    star = await client.patch(url, headers={**hr, "If-Match": "*"}, json={"years_experience": 8})
    assert star.status_code == 200, star.text
    assert star.headers["etag"] == '"2"' and star.json()["version"] == 2
    weak = await client.patch(url, headers={**hr, "If-Match": 'W/"2"'}, json={"name": "Li"})
    assert weak.status_code == 200 and weak.json()["version"] == 3
    for tag in ("garbage", '"2"', '"2", "1"'):
        r = await client.patch(url, headers={**hr, "If-Match": tag}, json={"name": "Late"})
        assert r.status_code == 412, (tag, r.text)
        assert r.headers["etag"] == '"3"'  # the current version, to reload from
        assert r.json()["type"].endswith("/precondition-failed")


async def test_use_cases_read_the_service_clock(recruiting) -> None:
    clock = recruiting.svc.runtime.clock
    at = datetime(2031, 5, 4, 3, 2, 1, tzinfo=UTC)
    clock.freeze(at)
    try:
        candidate = await recruiting.candidate()
        application = await recruiting.apply(candidate["id"], await recruiting.new_opening())
    finally:
        clock.reset()
    assert datetime.fromisoformat(candidate["created_at"]) == at
    assert datetime.fromisoformat(application["created_at"]) == at
    assert datetime.fromisoformat(application["history"][0]["at"]) == at


def _xlsx(rows: list[list[object]]) -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


async def test_import_dry_run_then_all_or_nothing(recruiting) -> None:
    client = recruiting.svc.client
    integration = recruiting.auth("integration", sub="erp")
    existing = await recruiting.candidate(years_experience=2)
    tag = uuid.uuid4().hex[:6]
    header = ["name", "email", "phone", "timezone", "years_experience", "skills"]
    good = [
        header,
        [
            "Wang Fang",
            f"wang.{tag}@example.com",
            "+86 139 0013 9000",
            "Asia/Shanghai",
            4,
            "sql; python",
        ],
        ["Existing", existing["email"].upper(), "", "", 5, ""],  # update years
    ]
    bad = [
        *good,
        ["Dup", f"WANG.{tag}@example.com", "", "", 1, ""],
        ["No Zone", f"zone.{tag}@example.com", "", "Nowhere/City", 1, ""],
    ]

    files = {
        "file": (
            "candidates.xlsx",
            _xlsx(bad),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    }
    dry = await client.post(
        "/api/v1/imports?kind=candidates&dry_run=true", headers=integration, files=files
    )
    assert dry.status_code == 200, dry.text
    report = dry.json()
    problems = {(p["row"], p["column"]) for p in report["problems"]}
    assert problems == {(4, "email"), (5, "timezone")}
    assert report["created"] == 1 and report["updated"] == 1 and not report["applied"]

    real = await client.post(
        "/api/v1/imports?kind=candidates&dry_run=false", headers=integration, files=files
    )
    assert real.status_code == 422
    gone = await client.get(
        f"/api/v1/candidates?email=wang.{tag}@example.com", headers=recruiting.hr
    )
    assert gone.json()["items"] == []  # nothing written

    csv_body = "\n".join(",".join(str(c) for c in row) for row in good).encode()
    ok = await client.post(
        "/api/v1/imports?kind=candidates&dry_run=false",
        headers=integration,
        files={"file": ("c.csv", csv_body, "text/csv")},
    )
    assert ok.status_code == 200, ok.text
    report = ok.json()
    assert report["applied"] and report["created"] == 1 and report["updated"] == 1
    assert report["reconciliation"]["balanced"] is True
    assert (
        report["reconciliation"]["candidates_after"]
        == report["reconciliation"]["candidates_before"] + 1
    )
    updated = await client.get(f"/api/v1/candidates/{existing['id']}", headers=recruiting.hr)
    assert updated.json()["years_experience"] == 5
    assert updated.json()["phone"] == existing["phone"]  # empty cell keeps the value

    again = await client.post(
        "/api/v1/imports?kind=candidates&dry_run=true",
        headers=integration,
        files={"file": ("c.csv", csv_body, "text/csv")},
    )
    assert again.json()["unchanged"] == 2


async def test_application_rules_and_status_machine(recruiting) -> None:
    client, hr = recruiting.svc.client, recruiting.hr
    position_id = await recruiting.new_opening()
    candidate = await recruiting.candidate()

    unknown = await client.post(
        "/api/v1/applications",
        headers=hr,
        json={"candidate_id": candidate["id"], "position_id": str(uuid.uuid4())},
    )
    assert unknown.status_code == 404

    application = await recruiting.apply(candidate["id"], position_id)
    assert application["source"] == "direct"
    assert application["history"][0]["from_status"] is None
    assert application["history"][0]["by"] == "recruiter-1"
    again = await client.post(
        "/api/v1/applications",
        headers=hr,
        json={"candidate_id": candidate["id"], "position_id": position_id},
    )
    assert again.status_code == 409

    url = f"/api/v1/applications/{application['id']}"
    hire = await client.post(f"{url}/hire", headers=hr)
    assert hire.status_code == 409
    assert "advance" in hire.json()["detail"]  # names the allowed moves
    assert (await client.post(f"{url}/advance", headers=hr)).json()["status"] == "interviewing"
    assert (await client.post(f"{url}/advance", headers=hr)).json()["status"] == "offer"
    hired = await client.post(f"{url}/hire", headers=hr, json={"reason": "accepted offer"})
    assert hired.json()["status"] == "hired"
    assert hired.json()["allowed_actions"] == []
    assert [h["to_status"] for h in hired.json()["history"]] == [
        "screening",
        "interviewing",
        "offer",
        "hired",
    ]
    assert hired.json()["history"][-1]["reason"] == "accepted offer"
    assert (await client.post(f"{url}/withdraw", headers=hr)).status_code == 409

    listed = await client.get(
        f"/api/v1/applications?position_id={position_id}&status=hired", headers=hr
    )
    assert [a["id"] for a in listed.json()["items"]] == [application["id"]]


async def test_roles(recruiting) -> None:
    client = recruiting.svc.client
    assert (await client.get("/api/v1/candidates")).status_code == 401
    interviewer = recruiting.auth("interviewer", sub="iv-x")
    r = await client.post(
        "/api/v1/candidates", headers=interviewer, json={"name": "X", "email": "x@example.com"}
    )
    assert r.status_code == 403
    integration = recruiting.auth("integration", sub="erp")
    assert (await client.get("/api/v1/candidates", headers=integration)).status_code == 200
    # Changed on purpose (issue 13): integrations bring hiring data in, so they may create
    # candidates (tests/api/test_hiring_data_in.py); they still may not change one by hand.
    email = f"x.{uuid.uuid4().hex[:8]}@example.com"
    r = await client.post(
        "/api/v1/candidates", headers=integration, json={"name": "X", "email": email}
    )
    assert r.status_code == 201
    r = await client.patch(
        f"/api/v1/candidates/{r.json()['id']}", headers=integration, json={"name": "Y"}
    )
    assert r.status_code == 403


async def test_bad_input_is_never_a_500(recruiting) -> None:
    client, hr = recruiting.svc.client, recruiting.hr
    cases = [
        ("get", "/api/v1/applications?cursor=bm9wZQ", None),
        ("get", "/api/v1/applications?status=lost", None),
        ("get", "/api/v1/candidates/not-a-uuid", None),
        ("get", "/api/v1/candidates?email=nope", None),
        ("post", "/api/v1/applications", {"candidate_id": "x", "position_id": "y"}),
        ("post", "/api/v1/applications/bulk-reject", {"position_id": str(uuid.uuid4())}),
        (
            "post",
            f"/api/v1/applications/{uuid.uuid4()}/interviews",
            {"interviewer_id": "i", "department_id": "d", "scheduled_at": "2026-12-01T09:00:00"},
        ),
    ]
    for method, url, body in cases:
        r = await getattr(client, method)(url, headers=hr, **({"json": body} if body else {}))
        assert r.status_code == 422, (url, r.status_code, r.text)
    broken = await client.post(
        "/api/v1/imports?kind=candidates&dry_run=true",
        headers=hr,
        files={"file": ("c.xlsx", b"PK\x03\x04 not really a workbook", "application/zip")},
    )
    assert broken.status_code == 422
    kind = await client.post(
        "/api/v1/imports?kind=positions",
        headers=hr,
        files={"file": ("c.csv", b"name,email\n", "text/csv")},
    )
    assert kind.status_code == 422
    assert (await client.get(f"/api/v1/applications/{uuid.uuid4()}", headers=hr)).status_code == 404
    assert (await client.get("/openapi.json")).status_code == 200


async def test_an_application_is_answered_as_it_is_then_read(recruiting) -> None:
    """Applying answers with the application as committed (screening, its one history
    line, no decision), byte for byte what reading it back returns."""
    position_id = await recruiting.new_opening()
    person = await recruiting.candidate()
    r = await recruiting.svc.client.post(
        "/api/v1/applications",
        json={"candidate_id": person["id"], "position_id": position_id},
        headers=recruiting.hr,
    )
    assert r.status_code == 201, r.text
    read = await recruiting.svc.client.get(
        f"/api/v1/applications/{r.json()['id']}", headers=recruiting.hr
    )
    assert read.content == r.content
    (line,) = r.json()["history"]
    assert line["from_status"] is None and line["to_status"] == r.json()["status"]
    assert r.json()["decision"] is None
