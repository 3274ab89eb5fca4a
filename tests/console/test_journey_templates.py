"""HR keeps the template library in the console: adds a rejection template for one job
family, sees the compliance guard flag a phrase in the live preview before saving, saves
a clean version, meets a colleague's concurrent edit (412, reload), brings back an earlier
version's text; the next rejection in that family is written from the saved text. A
recruiter reads the library but cannot change it."""

from __future__ import annotations

import re
import signal
import uuid

import asyncpg
import pytest
from playwright.async_api import expect

from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.testing.journeys import Setup

pytestmark = pytest.mark.e2e


async def test_hr_writes_a_family_template_with_a_live_compliance_preview(
    ui, suite, http, auth
) -> None:
    setup = Setup(suite, http, auth("hr_admin", sub="hr-templates"))
    family = f"tpl-{setup.run}"
    page = ui.page

    await ui.sign_in("hr_admin", "hr-templates", language="en")
    await ui.goto("/notices")
    await page.get_by_role("link", name="Template library").click()
    filters = page.get_by_role("search")
    await filters.get_by_label("Kind").select_option("rejection")
    await filters.get_by_label("Language").select_option("en")
    # the shipped English rejection templates are there to start from
    await expect(page.get_by_test_id("template-row").first).to_contain_text("Rejection")
    await ui.check("templates-list-en")

    # -- a template for this job family only --------------------------------------------
    await page.get_by_role("link", name="New template").click()
    await page.locator("select[name=kind]").select_option("rejection")
    await page.locator("select[name=locale]").select_option("en")
    await page.get_by_label("Job family").fill(family)
    await page.get_by_label("Name").fill(f"Brand rejection {setup.run}")
    await page.get_by_label("Subject").fill("Your application at {{ company }}")
    flagged = "Dear {{ candidate.first_name }}, we wanted a young team for {{ position.title }}."
    await page.get_by_label("Text").fill(flagged)
    await page.get_by_role("button", name="Add the template").click()
    await page.wait_for_url(re.compile(r"/notices/templates/[0-9a-f-]{36}$"))
    template_id = page.url.rsplit("/", 1)[1]
    await expect(page.get_by_test_id("template-version")).to_contain_text("v1")

    # The preview renders the sample candidate and marks what the guard flags.
    await expect(page.get_by_test_id("preview-flags")).to_contain_text("young team")
    await expect(page.get_by_test_id("preview-text")).not_to_contain_text("{{")
    await ui.check("template-flagged-en")
    clean = "Dear {{ candidate.first_name }}, thank you for applying for {{ position.title }}."
    await page.get_by_label("Text").fill(clean)
    await expect(page.get_by_test_id("preview-clean")).to_be_visible()
    await expect(page.get_by_test_id("preview-text")).to_contain_text("thank you for applying")
    await page.get_by_role("button", name="Save as a new version").click()
    await expect(page.get_by_role("status").filter(has_text="Saved as version 2")).to_be_visible()
    await expect(page.get_by_test_id("template-version-row")).to_have_count(2)

    # -- a colleague saves meanwhile: this save is refused, the reload shows theirs ------
    theirs = clean + " We will keep your details, with your consent."
    await setup.call(
        "PATCH", "notify-service", f"/api/v1/templates/{template_id}", json={"body": theirs}
    )
    await page.get_by_label("Text").fill(clean + " Mine.")
    await page.get_by_role("button", name="Save as a new version").click()
    conflict = page.get_by_role("alert").filter(has_text="Reload")
    await expect(conflict).to_be_visible()
    ui.expect_failed_requests(412)
    await conflict.get_by_role("button").click()
    await expect(page.get_by_label("Text")).to_have_value(theirs)
    await expect(page.get_by_test_id("template-version")).to_contain_text("v3")

    # An earlier version's text comes back into the editor (saved only if HR saves).
    first = page.get_by_test_id("template-version-row").filter(has_text="v1")
    await first.locator("summary").click()
    await first.get_by_role("button", name="Put version 1 in the editor").click()
    await expect(page.get_by_label("Text")).to_have_value(flagged)
    await page.get_by_role("button", name="Discard changes").click()
    await expect(page.get_by_label("Text")).to_have_value(theirs)

    # -- the next rejection in this family is written from the saved text ----------------
    unit = await setup.unit("Templates Co")
    position = await setup.position(unit, f"Brand Lead {setup.run}", family, ["brand strategy"])
    applicant = await setup.applicant("tpl", position, ["brand strategy"], name="Tara Temple")
    await setup.reject(applicant["application"], delay=600)
    notice = await setup.notice_of(applicant["candidate"], "scheduled")
    assert notice["template_name"] == f"Brand rejection {setup.run}"
    assert notice["template_version"] == 3
    assert notice["body_text"].startswith("Dear Tara, thank you for applying for Brand Lead")
    assert "We will keep your details" in notice["body_text"]

    # -- the suggestion library beside it: a suggestion for a reason code, then reworded --
    await ui.goto("/notices/templates")
    await page.get_by_role("link", name="Suggestion library").click()
    code = f"negotiation-{setup.run}"
    await page.locator("input[name=suggestion-code]").fill(code)
    await page.locator("select[name=suggestion-locale]").select_option("zh-CN")
    await page.locator("textarea[name=suggestion-new-text]").fill("建议多参与{subject}相关的项目")
    await page.get_by_role("button", name="Save").click()
    row = page.get_by_test_id("suggestion-row").filter(has_text=code)
    await expect(row).to_contain_text("建议多参与{subject}相关的项目")
    await row.get_by_role("button", name="Reword").click()
    await row.locator("textarea[name=suggestion-text]").fill("可以先在小项目里练习{subject}")
    await row.get_by_role("button", name="Save").click()
    await expect(row).to_contain_text("可以先在小项目里练习{subject}")
    await ui.check("suggestions-en")
    stored = await setup.call("GET", "recruiting-service", "/api/v1/suggestions?locale=zh-CN")
    assert [s["text"] for s in stored if s["code"] == code] == ["可以先在小项目里练习{subject}"]

    # -- a recruiter reads the library, in Chinese, without the means to change it -------
    await ui.switch_user("recruiter", "rec-templates", language="zh-CN")
    await ui.goto(f"/notices/templates/{template_id}")
    text = page.get_by_role("textbox", name="正文", exact=True)
    await expect(text).to_have_value(theirs)
    await expect(text).to_have_attribute("readonly", "")
    await expect(page.get_by_role("button", name="保存为新版本")).to_have_count(0)
    await ui.goto("/notices/templates")
    await expect(page.get_by_role("link", name="新建模板")).to_have_count(0)
    await ui.check("templates-list-zh-CN")


async def _as_an_older_release_shipped(suite: Suite, template: dict, body: str) -> None:
    """`template` as a release with another shipped text (`body`) seeded it, from before
    templates kept the digest of the shipped text they were set against."""
    [spec] = [s for s in SERVICES if s.name == "notify-service"]
    conn = await asyncpg.connect(suite.database_url(spec).replace("+asyncpg", ""))
    try:
        await conn.execute(
            "UPDATE templates SET body = $2, shipped_digest = NULL WHERE id = $1",
            uuid.UUID(template["id"]),
            body,
        )
        await conn.execute(
            "UPDATE template_versions SET body = $2 WHERE template_id = $1",
            uuid.UUID(template["id"]),
            body,
        )
    finally:
        await conn.close()


async def test_hr_reviews_the_templates_whose_shipped_text_a_release_changed(
    ui, suite, http, auth
) -> None:
    """HR edited two templates under an older release; the new release ships other texts
    for them and, starting, keeps HR's words but marks both. HR finds them in the library,
    compares, puts the shipped text back into one and keeps their own in the other."""
    setup = Setup(suite, http, auth("hr_admin", sub="hr-shipped"))
    page = ui.page
    marked = {}
    for kind in ("interview_update", "interview_cancellation"):
        found = await setup.call(
            "GET", "notify-service", f"/api/v1/templates?kind={kind}&locale=zh-TW&limit=100"
        )
        [shipped] = [t for t in found["items"] if t["job_family"] == "*"]
        older = shipped["body"].rsplit("\n", 1)[0]  # the release before lacked the last line
        await _as_an_older_release_shipped(suite, shipped, older)
        await setup.call(
            "PATCH",
            "notify-service",
            f"/api/v1/templates/{shipped['id']}",
            json={"body": older + "\n（人資補充）"},
        )
        marked[kind] = shipped
    # The new release starts.
    suite.kill("notify-service", signal.SIGTERM)
    suite.start("notify-service")
    await suite.wait_ready(["notify-service"])

    await ui.sign_in("hr_admin", "hr-shipped", language="en")
    await ui.goto("/notices/templates")
    filters = page.get_by_role("search")
    await filters.get_by_label("Language").select_option("zh-TW")
    await filters.get_by_label("Shipped text changed").select_option("true")
    rows = page.get_by_test_id("template-row")
    await expect(rows).to_have_count(2)
    await expect(rows.first).to_contain_text("Shipped text changed")
    await ui.check("templates-shipped-changed")

    # Cancellation: HR puts the shipped text back in the editor and saves it.
    await rows.filter(has_text="Interview cancellation").get_by_role("link").click()
    shipped_panel = page.get_by_test_id("template-shipped")
    await expect(page.get_by_test_id("shipped-state")).to_contain_text("newer release")
    await expect(page.locator("textarea[name=body]")).to_have_value(re.compile("（人資補充）$"))
    cancellation = marked["interview_cancellation"]
    await expect(page.get_by_test_id("shipped-text")).to_have_text(cancellation["body"])
    await ui.check("template-shipped-compare")
    await shipped_panel.get_by_role("button", name="Put the shipped text in the editor").click()
    await expect(page.locator("textarea[name=body]")).to_have_value(cancellation["body"])
    await page.get_by_role("button", name="Save as a new version").click()
    await expect(page.get_by_role("status").filter(has_text="Saved as version")).to_be_visible()
    await expect(page.get_by_test_id("shipped-state")).to_have_count(0)

    # Update: HR keeps their own text.
    await ui.goto(f"/notices/templates/{marked['interview_update']['id']}")
    shipped_panel = page.get_by_test_id("template-shipped")
    await shipped_panel.get_by_role("button", name="Keep our text").click()
    await expect(page.get_by_test_id("shipped-state")).to_contain_text("your text stays")
    await expect(page.locator("textarea[name=body]")).to_have_value(re.compile("（人資補充）$"))

    # Nothing left to review.
    after = await setup.call(
        "GET", "notify-service", "/api/v1/templates?locale=zh-TW&shipped_changed=true&limit=100"
    )
    assert after["items"] == []
    kept = await setup.call(
        "GET", "notify-service", f"/api/v1/templates/{marked['interview_update']['id']}"
    )
    assert kept["body"].endswith("（人資補充）") and not kept["shipped_changed"]
