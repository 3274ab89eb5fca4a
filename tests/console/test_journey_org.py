"""The Org screen: HR builds a unit and a position in the console, edits its requirements,
reads the version diff, meets a concurrent change (412) and a validation error (422); the
position HR made is the one recruiting screens candidates against."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from playwright.async_api import expect

from talentloop_shared.devtools.suite import Suite
from talentloop_shared.testing.plugin import eventually

pytestmark = pytest.mark.e2e


def field(page: Any, name: str) -> Any:
    """The label (input and the service's message beside it) of a form field."""
    return page.locator(f"label:has([name='{name}'])")


async def test_hr_builds_a_position_edits_it_and_recruiting_screens_against_it(
    ui: Any, suite: Suite, http: httpx.AsyncClient, auth: Callable[..., dict[str, str]]
) -> None:
    tag = uuid.uuid4().hex[:8]
    unit_name = f"Platform {tag}"
    title = f"Platform Engineer {tag}"
    page = ui.page
    org = suite.url("org-service")
    hr = auth("hr_admin", sub="hr-api")

    await ui.sign_in("hr_admin", "hr-org", language="en")
    await ui.goto("/org")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Organisation and positions")

    # A new top-level unit, through the form; it appears in the tree, selected.
    await field(page, "unit-name").locator("input").fill(unit_name)
    await page.locator("select[name=unit-kind]").select_option("company")
    await page.get_by_role("button", name="Create org unit").click()
    unit_button = page.get_by_role("button", name=re.compile(re.escape(unit_name)))
    await expect(unit_button).to_have_attribute("aria-pressed", "true")
    await expect(page.get_by_role("heading", name=f"Selected: {unit_name}")).to_be_visible()
    await ui.check("org-en")

    # A position with requirements and an evaluation scheme.
    await page.get_by_role("link", name="New position").click()
    await page.get_by_role("heading", level=1, name="New position").wait_for()
    await page.locator("input[name=title]").fill(title)
    await expect(page.locator("select[name=org_unit_id]")).to_have_value(re.compile(".+"))
    await page.locator("input[name=required_skills]").fill("Python, SQL")
    await page.locator("select[name=education]").select_option("bachelor")
    await page.locator("input[name=min_years_experience]").fill("3")
    await page.locator("textarea[name=responsibilities]").fill("Run the platform\nMentor engineers")
    for i, (key, name, weight) in enumerate(
        [("technical", "Technical depth", "0.6"), ("culture", "Culture fit", "0.4")]
    ):
        await page.get_by_role("button", name="Add dimension").click()
        await page.locator(f"input[name=dimension-{i}-key]").fill(key)
        await page.locator(f"input[name=dimension-{i}-name]").fill(name)
        await page.locator(f"input[name=dimension-{i}-weight]").fill(weight)
    await ui.check("org-position-new-en")
    await page.get_by_role("button", name="Create position").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text(title)
    position_id = page.url.rsplit("/", 1)[-1]
    await expect(page.get_by_text("Version 1", exact=True).first).to_be_visible()
    await expect(page.locator("dd", has_text="python")).to_be_visible()
    await ui.check("org-position-en")

    # 422s: an empty title, then a weight out of range; the message sits beside the field.
    await page.get_by_role("button", name="Edit position").click()
    await page.locator("input[name=title]").fill("")
    await page.get_by_role("button", name="Save changes").click()
    await expect(field(page, "title").locator(".field-error")).to_contain_text(
        "at least 1 character"
    )
    await expect(page.locator("input[name=title]")).to_have_attribute("aria-invalid", "true")
    await page.locator("input[name=title]").fill(title)
    await page.locator("input[name=dimension-1-weight]").fill("-0.4")
    await page.get_by_role("button", name="Save changes").click()
    await expect(field(page, "dimension-1-weight").locator(".field-error")).to_contain_text(
        "weight must be positive"
    )
    ui.expect_failed_requests(422, 422)
    await ui.check("org-position-invalid-en")

    # The edit HR meant: Kubernetes becomes a required skill → version 2.
    await page.locator("input[name=dimension-1-weight]").fill("0.4")
    await page.locator("input[name=required_skills]").fill("Python, SQL, Kubernetes")
    await page.get_by_role("button", name="Save changes").click()
    await expect(page.get_by_role("status").filter(has_text="Saved as version 2")).to_be_visible()
    history = page.get_by_role("region", name="Version history")
    await expect(history.get_by_role("cell", name="Version 2", exact=True)).to_be_visible()
    diff = page.get_by_test_id("version-diff")
    await expect(diff).to_contain_text("Changes from version 1 to version 2")
    added = diff.locator("li", has_text=re.compile("kubernetes", re.I))
    await expect(added).to_contain_text("Added")
    await expect(added).to_contain_text("Required skills")
    assert await diff.locator("li").count() == 1
    await ui.check("org-position-history-en")

    # Someone changes the position over the API while HR edits: the save meets a 412.
    await page.get_by_role("button", name="Edit position").click()
    r = await http.patch(
        f"{org}/api/v1/positions/{position_id}",
        json={"location": "Hangzhou"},
        headers={**hr, "If-Match": '"2"'},
    )
    assert r.status_code == 200, r.text
    await page.locator("input[name=min_years_experience]").fill("4")
    await page.get_by_role("button", name="Save changes").click()
    conflict = page.get_by_role("alert").filter(has_text="Someone else changed this")
    await expect(conflict).to_be_visible()
    await ui.check("org-position-conflict-en")
    ui.expect_failed_requests(412)
    await conflict.get_by_role("button", name="Reload the current version").click()
    await expect(conflict).to_be_hidden()
    await expect(page.get_by_text("Version 3", exact=True).first).to_be_visible()
    await expect(page.locator("input[name=location]")).to_have_value("Hangzhou")
    await expect(page.locator("input[name=min_years_experience]")).to_have_value("3")
    await page.locator("input[name=min_years_experience]").fill("4")
    await page.get_by_role("button", name="Save changes").click()
    await expect(page.get_by_role("status").filter(has_text="Saved as version 4")).to_be_visible()

    # The version recruiting screens against is the one HR saved in the console.
    recruiting = suite.url("recruiting-service")
    recruiter = auth("recruiter", sub="rec-org")

    async def opening_v4() -> bool:
        got = await http.get(f"{recruiting}/api/v1/openings/{position_id}", headers=recruiter)
        return got.status_code == 200 and got.json()["version"] == 4

    await eventually(opening_v4, timeout=30, message="version 4 of the opening at recruiting")
    r = await http.post(
        f"{recruiting}/api/v1/candidates",
        json={
            "name": "Lin Qiao",
            "email": f"lin.{tag}@example.com",
            "skills": ["Python", "SQL"],
            "years_experience": 6,
            "education": "master",
        },
        headers=recruiter,
    )
    assert r.status_code == 201, r.text
    r = await http.post(
        f"{recruiting}/api/v1/applications",
        json={"candidate_id": r.json()["id"], "position_id": position_id},
        headers=recruiter,
    )
    assert r.status_code == 201, r.text
    application = r.json()
    assert application["status"] == "screened_out", application
    assert application["screening"]["position_version"] == 4
    unmet = application["screening"]["unmet"]
    assert any("kubernetes" in str(u["expected"]).lower() for u in unmet), unmet

    # The position found by search, in Chinese, and the page at tablet width.
    await page.get_by_label("Language").select_option("zh-CN")
    await expect(page.get_by_role("heading", name="版本历史")).to_be_visible()
    await ui.check("org-position-zh-CN")
    await ui.goto(f"/org?q={tag}")
    table = page.get_by_role("table")
    await expect(table.get_by_role("link", name=title)).to_be_visible()
    assert await table.get_by_role("row").count() == 2
    await ui.check("org-zh-CN")
    await page.set_viewport_size({"width": 820, "height": 1180})
    await ui.goto(f"/org/positions/{position_id}")
    await expect(page.get_by_role("heading", level=1)).to_have_text(title)
    await ui.check("org-position-tablet-zh-CN")


async def test_a_recruiter_reads_the_org_but_cannot_change_it(
    ui: Any, suite: Suite, http: httpx.AsyncClient, auth: Callable[..., dict[str, str]]
) -> None:
    org = suite.url("org-service")
    hr = auth("hr_admin", sub="hr-api")
    tag = uuid.uuid4().hex[:8]
    r = await http.post(
        f"{org}/api/v1/org-units", json={"name": f"Sales {tag}", "kind": "company"}, headers=hr
    )
    unit = r.json()
    r = await http.post(
        f"{org}/api/v1/org-units",
        json={"name": f"Inside Sales {tag}", "kind": "team", "parent_id": unit["id"]},
        headers=hr,
    )
    team = r.json()
    r = await http.post(
        f"{org}/api/v1/positions",
        json={"title": f"Account Executive {tag}", "org_unit_id": team["id"]},
        headers=hr,
    )
    assert r.status_code == 201, r.text

    await ui.sign_in("recruiter", "rec-org", language="en")
    await ui.goto("/org")
    page = ui.page
    await expect(page.get_by_text("only HR admins change it")).to_be_visible()
    assert await page.get_by_role("button", name="Create org unit").count() == 0
    assert await page.get_by_role("link", name="New position").count() == 0
    # The tree is a nested list: expand the company to reach the team, select it.
    await page.get_by_role("button", name=f"Expand Sales {tag}").click()
    await expect(page.get_by_role("button", name=f"Collapse Sales {tag}")).to_have_attribute(
        "aria-expanded", "true"
    )
    await page.get_by_role("button", name=re.compile(f"Inside Sales {tag}")).click()
    await expect(
        page.get_by_role("heading", name="Positions in this unit and below")
    ).to_be_visible()
    await expect(page.get_by_role("link", name=f"Account Executive {tag}")).to_be_visible()
    await ui.check("org-recruiter-en")
    await page.get_by_role("link", name=f"Account Executive {tag}").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text(f"Account Executive {tag}")
    assert await page.get_by_role("button", name="Edit position").count() == 0


async def test_hr_moves_a_unit_with_its_positions_and_deletes_only_an_empty_one(
    ui: Any, suite: Suite, http: httpx.AsyncClient, auth: Callable[..., dict[str, str]]
) -> None:
    tag = uuid.uuid4().hex[:8]
    org = suite.url("org-service")
    hr = auth("hr_admin", sub="hr-api")

    async def post(path: str, body: dict[str, Any]) -> dict[str, Any]:
        r = await http.post(f"{org}{path}", json=body, headers=hr)
        assert r.status_code == 201, r.text
        return dict(r.json())

    # The ERP's structure: a field team under Sales, with an open position.
    company = await post("/api/v1/org-units", {"name": f"Acme {tag}", "kind": "company"})
    units = {
        key: await post(
            "/api/v1/org-units",
            {"name": f"{key} {tag}", "kind": "department", "parent_id": company["id"]},
        )
        for key in ("Sales", "Support")
    }
    team = await post(
        "/api/v1/org-units",
        {"name": f"Field team {tag}", "kind": "team", "parent_id": units["Sales"]["id"]},
    )
    position = await post(
        "/api/v1/positions",
        {"title": f"Field Engineer {tag}", "org_unit_id": team["id"], "job_family": "support"},
    )
    page = ui.page

    # -- HR moves the team under Support: the position below follows -------------------
    await ui.sign_in("hr_admin", "hr-org", language="en")
    await ui.goto(f"/org?unit={team['id']}")
    move = page.get_by_role("form", name=f"Move Field team {tag}")
    parents = move.locator("select[name=move-parent] option")
    await expect(parents.filter(has_text=f"Support {tag}")).to_have_count(1)
    await expect(parents.filter(has_text=f"Field team {tag}")).to_have_count(0)  # itself
    await move.locator("select[name=move-parent]").select_option(units["Support"]["id"])
    await ui.check("org-unit-move-en")
    await move.get_by_role("button", name="Move").click()
    await expect(move.get_by_role("status")).to_have_text("Moved; 1 position republished.")

    moved = (await http.get(f"{org}/api/v1/org-units/{team['id']}", headers=hr)).json()
    assert moved["parent_id"] == units["Support"]["id"]
    assert moved["path_names"] == [f"Acme {tag}", f"Support {tag}", f"Field team {tag}"]
    after = (await http.get(f"{org}/api/v1/positions/{position['id']}", headers=hr)).json()
    assert after["version"] == 2 and f"Support {tag}" in after["org_unit"]["path"]
    recruiting = suite.url("recruiting-service")

    async def opening_moved() -> Any:
        r = await http.get(f"{recruiting}/api/v1/openings/{position['id']}", headers=hr)
        return (r.status_code == 200 and f"Support {tag}" in r.json()["org_unit"]["path"]) or None

    await eventually(opening_moved, timeout=30, message="recruiting's copy of the move")

    # -- Support is not empty now: the console shows org-service's refusal ---------------
    await ui.goto(f"/org?unit={units['Support']['id']}")
    delete = page.get_by_role("region", name=f"Delete Support {tag}")
    await delete.get_by_role("button", name="Delete…").click()
    await delete.get_by_role("button", name=f"Delete Support {tag} for good").click()
    await expect(delete.get_by_role("alert")).to_contain_text("is not empty")
    await expect(delete.get_by_role("alert")).to_contain_text("1 child unit")
    ui.expect_failed_requests(409)

    # -- Sales, empty since the move, goes; the tree no longer shows it -------------------
    await ui.goto(f"/org?unit={units['Sales']['id']}")
    delete = page.get_by_role("region", name=f"Delete Sales {tag}")
    await delete.get_by_role("button", name="Delete…").click()
    await ui.check("org-unit-delete-en")
    await delete.get_by_role("button", name=f"Delete Sales {tag} for good").click()
    await expect(page.get_by_role("heading", name=f"Selected: Sales {tag}")).to_have_count(0)
    await page.get_by_role("button", name="Expand all").click()
    await expect(page.get_by_role("button", name=f"Support {tag} (Department)")).to_be_visible()
    await expect(page.get_by_role("button", name=re.compile(f"Sales {tag}"))).to_have_count(0)
    gone = await http.get(f"{org}/api/v1/org-units/{units['Sales']['id']}", headers=hr)
    assert gone.status_code == 404
