"""HR works the talent pool: a rejected candidate who consented is found by skill, their
page shows tags, applications and history; a new opening needing their skill shows "N
candidates match <opening>" with why, and HR invites one, then two at once, from the
pool — recruiting then has their applications from the pool."""

from __future__ import annotations

import pytest
from playwright.async_api import expect

from talentloop_shared.testing.journeys import Setup
from talentloop_shared.testing.plugin import eventually

pytestmark = pytest.mark.e2e


async def test_hr_finds_a_pooled_candidate_and_invites_them_to_a_new_opening(
    ui, suite, http, auth
) -> None:
    setup = Setup(suite, http, auth("hr_admin", sub="hr-talent"))
    skill = f"pricing analytics {setup.run}"
    unit = await setup.unit("Pool Co")
    first = await setup.position(unit, f"Pricing Lead {setup.run}", "finance", [skill], years=8)
    # Screened out (8 years required), rejected without a notice; consent puts her in the pool.
    mei = await setup.applicant("mei", first, [skill, "excel"], name="Mei Chen", years=5)
    await setup.reject(mei["application"], delay=0, send=False)
    others = [
        await setup.applicant(key, first, [skill], name=name, years=4)
        for key, name in (("omar", "Omar Haddad"), ("priya", "Priya Nair"))
    ]
    for other in others:
        await setup.reject(other["application"], delay=0, send=False)

    async def pooled() -> list | None:
        found = []
        for who in (mei, *others):
            r = await http.get(
                suite.url("talent-service") + f"/api/v1/talents/{who['candidate']}",
                headers=setup.hr,
            )
            found.append(r.status_code == 200 and bool(r.json()["applications"]))
        return found if all(found) else None

    await eventually(pooled, timeout=30, interval=0.2, message="talent pools the candidates")
    title = f"Pricing Analyst {setup.run}"
    opening = await setup.position(unit, title, "finance", [skill], years=3)

    async def matched() -> dict | None:
        r = await http.get(
            suite.url("talent-service") + f"/api/v1/positions/{opening}/matches", headers=setup.hr
        )
        if r.status_code != 200:
            return None
        items = r.json()["items"]
        ids = {m["talent_id"] for m in items}
        if not {w["candidate"] for w in (mei, *others)} <= ids:
            return None
        return next(m for m in items if m["talent_id"] == mei["candidate"])

    match = await eventually(
        matched, timeout=30, interval=0.2, message="talent matches the new opening"
    )
    page = ui.page

    # Search the pool by the skill and open her page.
    await ui.sign_in("hr_admin", "hr-talent", language="en")
    await ui.goto("/talent")
    await page.get_by_role("textbox", name="Skill", exact=True).fill(skill)
    await page.get_by_role("button", name="Search", exact=True).click()
    rows = page.get_by_test_id("talent-row")
    await expect(rows).to_have_count(3)
    await expect(rows.filter(has_text="Mei Chen")).to_have_count(1)
    await ui.check("talent-search-en")
    await rows.get_by_role("link", name="Mei Chen").click()
    await expect(page.get_by_role("heading", level=1, name="Mei Chen")).to_be_visible()
    await expect(page.get_by_role("region", name="Applications").first).to_contain_text(
        f"Pricing Lead {setup.run}"
    )
    await expect(page.get_by_role("region", name="Tags", exact=True)).to_contain_text(skill)
    await expect(page.get_by_test_id("last-contacted")).to_have_text("—")
    await ui.check("talent-detail-en")
    await page.get_by_role("button", name="Mark as contacted").click()
    await expect(page.get_by_role("status").filter(has_text="Next reminder")).to_be_visible()
    await expect(page.get_by_test_id("last-contacted")).not_to_have_text("—")

    # The new opening: "1 candidate matches …" with the explanation; HR invites her.
    await page.get_by_role("link", name="Matches for an opening").click()
    await page.get_by_label("Opening").select_option(opening)
    count = page.get_by_test_id("match-count")
    # The skill is this run's own: exactly the three pooled candidates have it.
    await expect(count).to_have_text(f"3 candidates match {title}")
    row = page.locator(f"[data-testid=match-row][data-talent-id='{mei['candidate']}']")
    await expect(row.get_by_test_id("match-explanation")).to_have_text(match["explanation"])
    assert "1 of 1 required skill" in match["explanation"], match
    await ui.check("talent-matches-en")
    await page.get_by_label("Personal message").fill(
        "A pricing role close to what you did — shall we talk?"
    )
    await row.get_by_role("button", name="Invite Mei Chen").click()
    await expect(page.get_by_role("status").filter(has_text="Mei Chen was invited")).to_be_visible()
    await expect(row.get_by_test_id("match-invitation")).to_contain_text("Invited")
    await expect(row.get_by_role("checkbox")).to_be_disabled()
    # The other two at once.
    await page.get_by_role("checkbox", name="Select Omar Haddad").check()
    await page.get_by_role("checkbox", name="Select Priya Nair").check()
    await page.get_by_role("button", name="Invite 2 selected").click()
    await expect(page.get_by_role("status").filter(has_text="2 invited, 0 skipped")).to_be_visible()
    for name in ("Omar Haddad", "Priya Nair"):
        invited = page.get_by_test_id("match-row").filter(has_text=name)
        await expect(invited.get_by_test_id("match-invitation")).to_contain_text("Invited")
    await ui.check("talent-invited-en")

    async def invited_application() -> list | None:
        r = await setup.call(
            "GET", "recruiting-service", f"/api/v1/applications?position_id={opening}"
        )
        apps = [a for a in r["items"] if a["source"] == "talent_pool"]
        return apps if len(apps) == 3 else None

    apps = await eventually(
        invited_application, timeout=30, interval=0.2, message="recruiting has the invitations"
    )
    assert {a["candidate_id"] for a in apps} == {w["candidate"] for w in (mei, *others)}
    again = await setup.call(
        "POST", "talent-service", f"/api/v1/matches/{match['id']}/invite", json={}, expect=409
    )
    assert again["status"] == 409

    # -- the pool found a hire: HR hires Mei, and her development plan is there ----------
    by_candidate = {a["candidate_id"]: a["id"] for a in apps}
    await ui.goto(f"/pipeline/applications/{by_candidate[mei['candidate']]}")
    await page.get_by_role("button", name="Advance to the next stage").click()
    await page.get_by_role("button", name="Hire…").click()
    await page.get_by_label("Note for the history (optional)").fill("Came back through the pool")
    await page.get_by_role("button", name="Hire", exact=True).click()
    await expect(page.get_by_role("status").filter(has_text="Hired.")).to_be_visible()
    await expect(page.get_by_role("button", name="Hire…")).to_have_count(0)
    await ui.check("application-hired-en")
    await page.get_by_role("link", name="Their development plan").click()
    await expect(page.get_by_role("heading", level=3, name=f"Mei Chen — {title}")).to_be_visible()
    # Omar took another offer: recorded, nothing sent.
    await ui.goto(f"/pipeline/applications/{by_candidate[others[0]['candidate']]}")
    await page.get_by_role("button", name="Candidate withdrew…").click()
    await page.get_by_role("button", name="Record the withdrawal").click()
    await expect(page.get_by_text("Withdrawn", exact=True).first).to_be_visible()
    omar = await setup.call(
        "GET", "recruiting-service", f"/api/v1/applications/{by_candidate[others[0]['candidate']]}"
    )
    assert omar["status"] == "withdrawn"
    await ui.goto(f"/talent/matches?opening={opening}")

    # Reminders and development plans; Chinese and tablet width.
    await page.get_by_role("link", name="Reminders due").click()
    await expect(page.get_by_role("heading", level=2, name="Reminders due")).to_be_visible()
    await ui.check("talent-reminders-en")
    await page.get_by_role("link", name="Development plans").click()
    await expect(page.get_by_role("heading", level=2, name="Development plans")).to_be_visible()
    await ui.check("talent-plans-en")
    await page.get_by_label("Language").select_option("zh-CN")
    await ui.goto(f"/talent/matches?opening={opening}")
    await expect(count).to_have_text(f"3 位候选人匹配 {title}")
    await expect(row.get_by_test_id("match-invitation")).to_contain_text("已于")
    await ui.check("talent-matches-zh")
    await page.set_viewport_size({"width": 820, "height": 1180})
    await ui.goto(f"/talent/{mei['candidate']}")
    await expect(page.get_by_role("heading", level=1, name="Mei Chen")).to_be_visible()
    await ui.check("talent-detail-tablet-zh")
    await ui.goto("/talent/reminders")
    await ui.check("talent-reminders-zh")
    await page.set_viewport_size({"width": 1366, "height": 768})
    await ui.goto(f"/talent?skill={skill}")
    await expect(rows).to_have_count(3)
    await ui.check("talent-search-zh")
    await ui.goto("/talent/plans")
    await expect(page.get_by_role("heading", level=2, name="发展计划")).to_be_visible()
    await ui.check("talent-plans-zh")


async def test_hr_erases_a_person_at_their_request_and_every_service_forgets_them(
    ui, suite, http, auth
) -> None:
    setup = Setup(suite, http, auth("hr_admin", sub="hr-erasure"))
    unit = await setup.unit("Erasure Co")
    position = await setup.position(unit, f"Buyer {setup.run}", "purchasing", ["sourcing"])
    person = await setup.applicant("erase", position, ["sourcing"], name=f"Ed Erase {setup.run}")
    await setup.reject(person["application"], delay=600)  # a notice waits to go out
    notice = await setup.notice_of(person["candidate"], "scheduled")
    talent = suite.url("talent-service") + f"/api/v1/talents/{person['candidate']}"

    async def status(url: str) -> int:
        return (await http.get(url, headers=setup.hr)).status_code

    async def pooled() -> bool | None:
        return await status(talent) == 200 or None

    await eventually(pooled, timeout=30, interval=0.2, message="talent pools the candidate")
    page = ui.page

    # A recruiter is not offered the erasure.
    await ui.sign_in("recruiter", "rec-erasure", language="en")
    await ui.goto(f"/pipeline/applications/{person['application']}")
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Ed Erase")
    await expect(page.get_by_role("heading", name="Personal data")).to_have_count(0)

    await ui.switch_user("hr_admin", "hr-erasure")
    await ui.goto(f"/pipeline/applications/{person['application']}")
    await page.get_by_role("button", name=f"Erase Ed Erase {setup.run}'s data…").click()
    form = page.get_by_role("form", name="Personal data")
    await form.get_by_label("Why").select_option("erasure requested")
    submit = form.get_by_role("button", name="Erase for good")
    await form.get_by_label("Type").fill("Ed Erase")  # not the whole name: not yet
    await expect(submit).to_be_disabled()
    await form.get_by_label("Type").fill(f"Ed Erase {setup.run}")
    await ui.check("application-erase-en")
    await submit.click()
    await expect(page.get_by_role("status").filter(has_text="data was erased")).to_be_visible()
    await expect(page.get_by_role("heading", level=1)).not_to_contain_text("Ed Erase")

    candidate = await setup.call(
        "GET", "recruiting-service", f"/api/v1/candidates/{person['candidate']}"
    )
    assert candidate["name"] == "(erased)" and candidate["email"] is None

    async def forgotten() -> bool | None:
        gone = await status(talent) == 404
        n = await setup.call(
            "GET", "notify-service", f"/api/v1/notifications/{notice['id']}", expect=200
        )
        return (gone and n["status"] == "cancelled" and n["recipient"] is None) or None

    await eventually(forgotten, timeout=30, interval=0.2, message="talent and notify forget")
