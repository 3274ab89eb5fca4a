"""HR works the notices of rejected candidates and reads the feedback dashboard: a notice
held for flagged wording shows the phrase marked, HR approves it and the email arrives; a
scheduled one counts down and HR cancels it, so it never arrives; the candidate answers
the survey and the dashboard's figures for that job family move."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime

import pytest
from playwright.async_api import expect

from talentloop_shared.testing.journeys import Setup
from talentloop_shared.testing.plugin import eventually

pytestmark = pytest.mark.e2e


def _mails(mailbox, address: str) -> list:
    return [m for m in mailbox.messages if address in m.rcpt_tos]


async def _some(items: list) -> list | None:
    return items or None


async def test_hr_approves_a_held_notice_cancels_a_scheduled_one_and_sees_feedback_move(
    ui, suite, http, mailbox, auth
) -> None:
    setup = Setup(suite, http, auth("hr_admin", sub="hr-notices"))
    family = f"notices-{setup.run}"
    unit = await setup.unit("Notices Co")
    position = await setup.position(unit, f"Brand Lead {setup.run}", family, ["brand strategy"])
    held = await setup.applicant("held", position, ["brand strategy"], name="Alice Held")
    later = await setup.applicant("later", position, ["brand strategy"], name="Larry Later")
    # An interviewer's wording the compliance guard flags; and a notice due in 10 hours.
    await setup.reject(held["application"], delay=0, reasons=["too old for this team"])
    await setup.reject(later["application"], delay=600)
    held_notice = await setup.notice_of(held["candidate"], "pending_review")
    later_notice = await setup.notice_of(later["candidate"], "scheduled")
    page = ui.page

    await ui.sign_in("hr_admin", "hr-notices", language="en")
    await ui.goto("/notices")
    await page.locator("select[name=status]").select_option("pending_review")
    await expect(page.get_by_role("heading", level=1, name="Notices")).to_be_visible()
    await ui.check("notices-list-held-en")
    # Find Alice's notice by her candidate id, as HR would from the candidate's page.
    await page.get_by_label("Candidate id").fill(held["candidate"])
    await page.get_by_label("Candidate id").press("Enter")
    rows = page.get_by_test_id("notice-row")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("Held for review")
    # Narrowed by kind: her rejection notice, and no staff alert about her.
    await page.locator("select[name=kind]").select_option("alert.*")
    await expect(rows).to_have_count(0)
    await page.locator("select[name=kind]").select_option("rejection")
    await expect(rows).to_have_count(1)
    await expect(rows.first).to_contain_text("Rejection")
    await rows.first.get_by_role("link").click()
    await page.wait_for_url(f"**/notices/{held_notice['id']}")
    # The flagged phrase, highlighted in the text and listed by category.
    await expect(page.get_by_test_id("notice-text").locator("mark").first).to_have_text(
        re.compile("too old", re.I)
    )
    await expect(page.get_by_test_id("flag-list")).to_contain_text("too old")
    await expect(page.get_by_test_id("flag-list")).to_contain_text("age")
    assert _mails(mailbox, held["email"]) == []
    await ui.check("notices-held-en")
    await page.get_by_role("button", name="Approve and send").click()
    await expect(page.get_by_role("status").filter(has_text="Approved")).to_be_visible()
    [mail] = await eventually(
        lambda: _some(_mails(mailbox, held["email"])), timeout=30, message="the approved email"
    )
    assert "too old" in mail.text()
    await page.reload()
    await expect(page.get_by_test_id("notice-status")).to_contain_text("Sent")
    await expect(page.get_by_role("cell", name="sent", exact=True)).to_be_visible()
    await ui.check("notices-sent-en")

    # The scheduled notice counts down; HR cancels it and it never goes out.
    await ui.goto(f"/notices?candidate_id={later['candidate']}")
    # Ten hours on, unless that falls in the candidate's quiet hours: as notify computed it.
    left = datetime.fromisoformat(later_notice["send_at"]) - datetime.now(UTC)
    hours = int(left.total_seconds() // 3600)
    days = f"{hours // 24}d " if hours >= 24 else ""
    await expect(
        page.get_by_test_id("notice-row").first.get_by_test_id("countdown")
    ).to_contain_text(re.compile(rf"sends in {days}({hours % 24}|{(hours - 1) % 24})h"))
    await page.get_by_test_id("notice-row").first.get_by_role("link").click()
    await page.wait_for_url(f"**/notices/{later_notice['id']}")
    countdown = page.get_by_test_id("countdown")
    first = await countdown.inner_text()
    await expect(countdown).not_to_have_text(first)  # it is live: the seconds tick
    await ui.check("notices-scheduled-en")
    await page.get_by_role("button", name="Cancel notice").click()
    await page.get_by_role("button", name="Yes, cancel it").click()
    await expect(page.get_by_test_id("notice-status")).to_contain_text("Cancelled")
    await ui.check("notices-cancelled-en")
    cancelled = await setup.call(
        "GET", "notify-service", f"/api/v1/notifications/{later_notice['id']}"
    )
    assert cancelled["status"] == "cancelled"
    await setup.call(
        "POST", "notify-service", f"/api/v1/notifications/{later_notice['id']}/send-now", expect=409
    )
    await asyncio.sleep(1)
    assert _mails(mailbox, later["email"]) == []

    # The dashboard for this job family before the candidate answers …
    await ui.goto("/feedback")
    await page.get_by_role("textbox", name="Job family").fill(family)
    await page.get_by_role("button", name="Show").click()
    await expect(page.get_by_test_id("overall-sent")).to_have_text("1")
    await expect(page.get_by_test_id("overall-responses")).to_have_text("0")
    await expect(
        page.get_by_test_id("table-job_family").locator(f"tr[data-group='{family}']")
    ).to_contain_text(family)
    await ui.check("feedback-before-en")
    # … the candidate opens the survey link from the email and answers it …
    link = re.search(r"https?://\S+/survey/[A-Za-z0-9_\-]+", mail.text())
    assert link, mail.text()
    survey = await ui.page.context.new_page()
    await survey.goto(link.group(0))
    await survey.locator("#tone-5").check()
    await survey.locator("#detail-4").check()
    await survey.locator("#timeliness-5").check()
    await survey.locator("#helpfulness-3").check()
    await survey.locator("form button[type=submit], form input[type=submit]").first.click()
    await survey.wait_for_load_state()
    assert "Thank you" in await survey.content()
    await survey.close()
    # … and the figures move: one response, 100% of the one notice, tone 5.
    await page.reload()
    await expect(page.get_by_test_id("overall-responses")).to_have_text("1")
    await expect(page.get_by_test_id("overall-rate")).to_have_text("100%")
    await expect(page.get_by_test_id("overall-tone")).to_have_text("5")
    week = page.get_by_test_id("table-week").locator("tbody tr")
    await expect(week).to_have_count(1)
    await expect(week.get_by_test_id("responses")).to_have_text("1")
    await expect(page.get_by_test_id("table-delay")).to_contain_text("under 1 hour")
    await expect(page.get_by_test_id("chart-week")).to_have_attribute("role", "img")
    await ui.check("feedback-after-en")
    # … and over a period, which HR picks and the link keeps: the last 30 days hold it.
    async with page.expect_request(lambda r: "sent_from=" in r.url):
        await page.get_by_label("Sent in").select_option("30d")
    assert "period=30d" in page.url
    await expect(page.get_by_test_id("overall-sent")).to_have_text("1")
    await expect(page.get_by_test_id("overall-responses")).to_have_text("1")

    # The same screens in Chinese, and at tablet width.
    await page.get_by_label("Language").select_option("zh-CN")
    await expect(page.get_by_role("heading", level=1, name="反馈看板")).to_be_visible()
    await ui.check("feedback-zh")
    await ui.goto(f"/notices/{held_notice['id']}")
    await expect(page.get_by_test_id("notice-status")).to_contain_text("已发送")
    await ui.check("notices-detail-zh")
    await page.set_viewport_size({"width": 820, "height": 1180})
    await ui.goto("/notices?status=cancelled")
    await expect(page.get_by_role("heading", level=1, name="通知")).to_be_visible()
    await ui.check("notices-list-tablet-zh")


async def test_hr_rewords_a_held_notice_in_the_console(ui, suite, http, mailbox, auth) -> None:
    setup = Setup(suite, http, auth("hr_admin", sub="hr-notices"))
    unit = await setup.unit("Rewording Co")
    position = await setup.position(unit, f"Analyst {setup.run}", f"reword-{setup.run}", ["sql"])
    who = await setup.applicant("reword", position, ["sql"], name="Rita Reword")
    await setup.reject(who["application"], delay=0, reasons=["we want a younger team"])
    notice = await setup.notice_of(who["candidate"], "pending_review")
    page = ui.page
    await ui.sign_in("hr_admin", "hr-notices", language="en")
    await ui.goto(f"/notices/{notice['id']}")
    await expect(page.get_by_test_id("notice-text").locator("mark").first).to_be_visible()
    await page.get_by_role("button", name="Edit text").click()
    text = page.locator("form textarea")
    original = await text.input_value()
    flagged = re.compile(r"we want a younger team", re.I)
    assert flagged.search(original), original
    await text.fill(flagged.sub("the role needs more SQL depth", original))
    await ui.check("notices-edit-en")
    await page.get_by_role("button", name="Save the wording").click()
    await expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()
    await expect(page.get_by_test_id("notice-text")).to_contain_text("more SQL depth")
    await expect(page.get_by_test_id("notice-text").locator("mark")).to_have_count(0)
    await expect(page.get_by_test_id("notice-status")).to_contain_text("Held for review")
    await page.get_by_role("button", name="Approve and send").click()
    [mail] = await eventually(
        lambda: _some(_mails(mailbox, who["email"])), timeout=30, message="the reworded email"
    )
    assert "more SQL depth" in mail.text() and "younger" not in mail.text()
