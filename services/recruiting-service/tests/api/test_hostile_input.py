"""Input a careless client or a fuzzer sends: an answer, never a 500 (issue 11)."""

from __future__ import annotations

import base64
import json
import uuid

import pytest

PROBLEM = "application/problem+json"


def _cursor(values: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


LISTS = ["/api/v1/applications", "/api/v1/candidates", "/api/v1/interviews", "/api/v1/openings"]
NOT_CURSORS = [
    ["2026-01-01T00:00:00+00:00", 5],  # the probe: a number where a UUID goes
    [None, None],
    ["2026-01-01T00:00:00+00:00"],
    {"after": "x"},
    [["nested"], str(uuid.uuid4())],
    ["2026-01-01T00:00:00+00:00", str(uuid.uuid4()), 1],
]
# A naive time is not a cursor of a list ordered by time (openings go by title).
NAIVE = ["2026-01-01T00:00:00", str(uuid.uuid4())]


@pytest.mark.parametrize(
    ("path", "values"),
    [(path, values) for path in LISTS for values in NOT_CURSORS]
    + [(path, NAIVE) for path in LISTS if not path.endswith("/openings")],
)
async def test_a_hand_made_cursor_is_a_422_naming_the_cursor(
    recruiting, path: str, values: object
) -> None:
    r = await recruiting.svc.client.get(
        path, params={"cursor": _cursor(values)}, headers=recruiting.hr
    )
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["errors"] == [{"loc": ["query", "cursor"], "msg": "invalid cursor"}]


async def test_the_cursors_a_list_returns_still_page_through_it(recruiting) -> None:
    client, hr = recruiting.svc.client, recruiting.hr
    position_id = await recruiting.new_opening()
    ids = [
        (await recruiting.apply((await recruiting.candidate())["id"], position_id))["id"]
        for _ in range(3)
    ]
    seen: list[str] = []
    cursor = None
    while True:
        params = {"position_id": position_id, "limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get("/api/v1/applications", params=params, headers=hr)).json()
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == ids


def _multipart(part_headers: bytes, data: bytes, boundary: bytes = b"xyz") -> bytes:
    return b"--%s\r\n%s\r\n\r\n%s\r\n--%s--\r\n" % (boundary, part_headers, data, boundary)


FILE = b'Content-Disposition: form-data; name="file"; filename="candidates.csv"'


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        # Multipart that is not: no boundary, garbage, a part without a name.
        ("multipart/form-data", b"garbage"),
        ("multipart/form-data; boundary=xyz", b"garbage"),
        ("multipart/form-data; boundary=xyz", _multipart(b"Content-Disposition: form-data", b"x")),
        ("multipart/form-data; boundary=xyz", b"--xyz\r\n" + FILE + b"\r\nno colon\r\n\r\nx"),
        # A file where a field was expected, a field where the file was expected.
        ("multipart/form-data; boundary=xyz", b"--xyz--\r\n"),
        (
            "multipart/form-data; boundary=xyz",
            _multipart(b'Content-Disposition: form-data; name="file"', b"name,email"),
        ),
        # Bytes a fuzzer writes into the file: a field over the csv module's size limit
        # (the old reader let csv.Error through: 500), text that is neither UTF-8 nor
        # GB 18030, a broken workbook, nothing at all.
        ("multipart/form-data; boundary=xyz", _multipart(FILE, b'name,email\n"' + b"x" * 200_000)),
        ("multipart/form-data; boundary=xyz", _multipart(FILE, b"\xff\xfe\x00\x81\xff")),
        ("multipart/form-data; boundary=xyz", _multipart(FILE, b"PK\x03\x04 not a workbook")),
        ("multipart/form-data; boundary=xyz", _multipart(FILE, b"")),
        ("application/json", b"{}"),
    ],
)
async def test_a_malformed_upload_is_a_4xx_problem(
    recruiting, content_type: str, body: bytes
) -> None:
    r = await recruiting.svc.client.post(
        "/api/v1/imports?kind=candidates&dry_run=true",
        headers={**recruiting.hr, "content-type": content_type},
        content=body,
    )
    assert 400 <= r.status_code < 500, (r.status_code, r.text)
    assert r.headers["content-type"] == PROBLEM


async def test_carriage_returns_end_lines_as_in_any_csv(recruiting) -> None:
    # The old reader split lines on "\n" only and csv raised on the "\r" left inside: 500.
    email = f"cr.{uuid.uuid4().hex[:8]}@example.com"
    body = f"name,email\rAnn,{email}\r\rBo,not-an-email\r".encode()
    r = await recruiting.svc.client.post(
        "/api/v1/imports?kind=candidates&dry_run=true",
        headers=recruiting.hr,
        files={"file": ("mac.csv", body, "text/csv")},
    )
    assert r.status_code == 200, r.text
    report = r.json()
    assert [(o["row"], o["email"], o["action"]) for o in report["outcomes"]] == [
        (2, email, "create")
    ]
    assert [(p["row"], p["column"]) for p in report["problems"]] == [(4, "email")]


async def _interview_of_one(recruiting) -> dict:
    """An interview with a panel of one (outside the staff directory) scoring `technical`."""
    panel = recruiting.Panel()
    position_id = await recruiting.new_opening(panel=panel)
    application = await recruiting.apply((await recruiting.candidate())["id"], position_id)
    r = await recruiting.svc.client.post(
        f"/api/v1/applications/{application['id']}/interviews",
        headers=recruiting.hr,
        json={
            "interviewer_id": f"iv-{uuid.uuid4().hex[:8]}",
            "department_id": panel.technical,
            "scheduled_at": "2026-12-01T09:00:00Z",
        },
    )
    assert r.status_code == 201, r.text
    return r.json()  # type: ignore[no-any-return]


async def _evaluate(recruiting, interview: dict, **body: object):
    return await recruiting.svc.client.post(
        f"/api/v1/interviews/{interview['id']}/evaluation",
        headers=recruiting.auth("interviewer", sub=interview["interviewer_id"]),
        json={"recommendation": "hire", **body},
    )


async def test_a_boolean_is_not_a_score(recruiting) -> None:
    # JSON `true` was taken as the score 1, the lowest there is, and stored for good.
    interview = await _interview_of_one(recruiting)
    r = await _evaluate(recruiting, interview, scores=[{"dimension": "technical", "score": True}])
    assert r.status_code == 422, r.text
    assert r.headers["content-type"] == PROBLEM
    assert r.json()["errors"][0]["loc"] == ["body", "scores", 0, "score"]
    r = await _evaluate(recruiting, interview, scores=[{"dimension": "technical", "score": 7}])
    assert r.status_code == 201, r.text


async def test_a_scorecards_strengths_and_concerns_are_bounded(recruiting) -> None:
    # Each was unbounded (up to the 1 MiB body) and could be blank; they are copied into
    # evaluation-submitted and into the rejection notice drafted for the candidate.
    interview = await _interview_of_one(recruiting)
    scores = [{"dimension": "technical", "score": 7}]
    for field in ("strengths", "concerns"):
        for text in ("x" * 40_000, "", "   "):
            r = await _evaluate(recruiting, interview, scores=scores, **{field: [text]})
            assert r.status_code == 422, (field, len(text), r.text[:300])
            assert r.headers["content-type"] == PROBLEM
            assert r.json()["errors"][0]["loc"] == ["body", field, 0]
    r = await _evaluate(
        recruiting, interview, scores=scores, strengths=["s" * 500], concerns=["c" * 500]
    )
    assert r.status_code == 201, r.text


async def test_hrs_words_of_a_rejection_are_bounded(recruiting) -> None:
    # A rejection's strengths and suggestions took any length (ten of 90,000 characters
    # were published and sent to the candidate) and blank ones; a pending decision's edit
    # already took 1-500 and 1-1000 characters.
    client, hr = recruiting.svc.client, recruiting.hr
    position_id = await recruiting.new_opening()
    application = await recruiting.apply((await recruiting.candidate())["id"], position_id)
    refused = [
        ("strengths", "x" * 501),
        ("strengths", " "),
        ("suggestions", "y" * 1001),
        ("suggestions", ""),
    ]
    for field, text in refused:
        for path, extra in (
            (f"/api/v1/applications/{application['id']}/reject", {}),
            ("/api/v1/applications/bulk-reject", {"application_ids": [application["id"]]}),
        ):
            r = await client.post(path, json={field: [text], **extra}, headers=hr)
            assert r.status_code == 422, (path, field, len(text), r.text[:300])
            assert r.headers["content-type"] == PROBLEM
            assert r.json()["errors"][0]["loc"] == ["body", field, 0]
    assert (await recruiting.application(application["id"]))["status"] == "screening"
    r = await client.post(
        f"/api/v1/applications/{application['id']}/reject",
        json={"strengths": ["s" * 500], "suggestions": ["t" * 1000]},
        headers=hr,
    )
    assert r.status_code == 200, r.text


async def test_a_panel_names_each_person_once_however_they_are_named(recruiting) -> None:
    # A person named by their directory id and by the subject they sign in with (or by
    # their id in capitals) took two seats: two scorecards owed, two invitations.
    client, hr = recruiting.svc.client, recruiting.hr
    panel = recruiting.Panel()
    position_id = await recruiting.new_opening(panel=panel)
    (wang, anna) = await recruiting.staff(
        recruiting.member("Wang Fang", org_unit_id=panel.technical),
        recruiting.member("Anna Berg", org_unit_id=panel.business),
    )
    application = await recruiting.apply((await recruiting.candidate())["id"], position_id)
    path = f"/api/v1/applications/{application['id']}/interviews"
    start = "2026-12-01T09:00:00Z"
    for twice in ([wang["id"], wang["subject"]], [wang["subject"], wang["id"].upper()]):
        r = await client.post(path, json={"panel": twice, "start": start}, headers=hr)
        assert r.status_code == 422, (twice, r.text[:300])
        assert r.headers["content-type"] == PROBLEM
        assert r.json()["errors"][0]["loc"] == ["body", "panel", 1]
    r = await client.post(
        path, json={"panel": [wang["id"], anna["id"]], "start": start}, headers=hr
    )
    assert r.status_code == 201, r.text
    interview = r.json()
    r = await client.patch(
        f"/api/v1/interviews/{interview['id']}",
        json={"panel": [wang["id"], anna["id"], anna["subject"]]},
        headers=hr,
    )
    assert r.status_code == 422, r.text[:300]
    assert r.json()["errors"][0]["loc"] == ["body", "panel", 2]
    got = await client.get(f"/api/v1/interviews/{interview['id']}", headers=hr)
    assert [m["member_id"] for m in got.json()["panel"]] == [wang["id"], anna["id"]]


async def test_a_candidates_skills_industries_and_languages_are_bounded_one_by_one(
    recruiting,
) -> None:
    # The lists were bounded, their items not: a 50,000-character skill was stored, and
    # candidate-rejected carries the skills into the talent pool's indexed arrays.
    client, hr = recruiting.svc.client, recruiting.hr
    for field in ("skills", "industries", "languages"):
        body = {
            "name": "Li Wei",
            "email": f"long.{uuid.uuid4().hex[:8]}@example.com",
            field: ["sql", "x" * 50_000],
        }
        r = await client.post("/api/v1/candidates", json=body, headers=hr)
        assert r.status_code == 422, (field, r.text[:300])
        assert r.headers["content-type"] == PROBLEM
        assert r.json()["errors"][0]["loc"] == ["body", field, 1]
    email = f"long.{uuid.uuid4().hex[:8]}@example.com"
    csv = f"name,email,skills\nLi Wei,{email},sql;{'y' * 201}\n".encode()
    r = await client.post(
        "/api/v1/imports",
        params={"kind": "candidates", "dry_run": "true"},
        headers=hr,
        files={"file": ("long.csv", csv, "text/csv")},
    )
    assert r.status_code == 200, r.text
    assert [(p["row"], p["column"]) for p in r.json()["problems"]] == [(2, "skills")]
    r = await client.post(
        "/api/v1/candidates",
        json={"name": "Li Wei", "email": email, "skills": ["z" * 200]},
        headers=hr,
    )
    assert r.status_code == 201, r.text
