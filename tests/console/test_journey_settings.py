"""The Settings screen: HR changes the notice delay and quiet hours, subscribes a webhook
(its secret shown once), overrides the decision policy for a position, sets their own alerts
and adds a colleague to the directory; every change is read back over the API."""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
import pytest_asyncio
from playwright.async_api import expect

from talentloop_shared.devtools.suite import Suite

pytestmark = pytest.mark.e2e


@pytest_asyncio.fixture
async def notice_settings_restored(
    suite: Suite, http: httpx.AsyncClient, auth: Callable[..., dict[str, str]]
) -> AsyncIterator[None]:
    """The notice settings are one per deployment and the suite is shared: put them back."""
    url = suite.url("notify-service") + "/api/v1/settings"
    hr = auth("hr_admin", sub="hr-api")
    before = (await http.get(url, headers=hr)).json()
    yield
    body = {k: v for k, v in before.items() if k not in ("updated_at", "updated_by")}
    r = await http.put(url, json=body, headers=hr)
    assert r.status_code == 200, r.text


async def test_hr_changes_notice_settings_webhooks_policy_alerts_and_people(
    ui: Any,
    suite: Suite,
    http: httpx.AsyncClient,
    auth: Callable[..., dict[str, str]],
    notice_settings_restored: None,
) -> None:
    page = ui.page
    tag = uuid.uuid4().hex[:8]
    hr = auth("hr_admin", sub="hr-api")
    notify = suite.url("notify-service")
    await ui.sign_in("hr_admin", "hr-settings", language="en")
    await ui.goto("/settings")
    await expect(page.get_by_role("tab", name="Notices")).to_have_attribute("aria-selected", "true")

    # Notice delay and quiet hours, read back over the API.
    delay = random.randint(30, 600)
    await page.locator("input[name=default_delay_minutes]").fill(str(delay))
    await page.locator("input[name=start]").fill("22:15")
    await page.locator("input[name=end]").fill("07:30")
    # Where alerts for HR go: a wrong time zone is named, then a right one saved.
    await page.locator("input[name=hr_alert_email]").fill(f"talent-{tag}@acme.example")
    await page.locator("select[name=hr_alert_locale]").select_option("en")
    await page.locator("input[name=hr_alert_timezone]").fill("Mars/Olympus")
    await page.get_by_role("button", name="Save notice settings").click()
    await expect(page.locator("#err-hr_alert_timezone")).to_contain_text("IANA time zone")
    ui.expect_failed_requests(422)
    await page.locator("input[name=hr_alert_timezone]").fill("Europe/Berlin")
    await page.get_by_role("button", name="Save notice settings").click()
    await expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    got = (await http.get(notify + "/api/v1/settings", headers=hr)).json()
    assert (got["hr_alert_email"], got["hr_alert_locale"], got["hr_alert_timezone"]) == (
        f"talent-{tag}@acme.example",
        "en",
        "Europe/Berlin",
    )
    assert got["default_delay_minutes"] == delay
    assert got["quiet_hours"]["start"].startswith("22:15")
    assert got["quiet_hours"]["end"].startswith("07:30")
    assert got["updated_by"] == "hr-settings"
    await ui.check("settings-notices-en")

    # A webhook subscription: the secret once, never again.
    await page.get_by_role("tab", name="Webhooks").click()
    hook = f"http://127.0.0.1:9/hooks/{tag}"
    await page.locator("input[name=webhook-url]").fill(hook)
    await page.locator("input[name=webhook-description]").fill(f"OA sync {tag}")
    await page.locator("input[name=webhook-events]").fill("candidate-hired")
    await page.get_by_role("button", name="Create subscription").click()
    secret_box = page.get_by_test_id("webhook-secret")
    await expect(secret_box).to_contain_text("shown only this once")
    secret = await secret_box.locator("code").inner_text()
    assert re.fullmatch(r"whsec_[A-Za-z0-9+/=]+", secret), secret
    await ui.check("settings-webhook-secret-en")
    await page.get_by_role("button", name="I have stored the secret").click()
    await expect(secret_box).to_be_hidden()
    item = page.get_by_role("listitem").filter(has_text=hook)
    await expect(item).to_contain_text("Active")
    await expect(item).to_contain_text("candidate-hired")
    await item.get_by_role("button", name="Disable").click()
    await expect(item).to_contain_text("Disabled")
    await item.get_by_role("button", name="Delivery log").click()
    await expect(item).to_contain_text("Nothing delivered yet.")
    await page.reload()
    await expect(page.get_by_role("listitem").filter(has_text=hook)).to_be_visible()
    assert secret not in await page.content()
    subs = (await http.get(notify + "/api/v1/webhook-subscriptions", headers=hr)).json()["items"]
    [mine] = [s for s in subs if s["url"] == hook]
    assert mine["active"] is False and "secret" not in mine
    await ui.check("settings-webhooks-en")

    # The decision policy: an override for this test's own position (the default policy is
    # shared by every journey of the suite).
    org = suite.url("org-service")
    r = await http.post(
        f"{org}/api/v1/org-units", json={"name": f"Ops {tag}", "kind": "company"}, headers=hr
    )
    r = await http.post(
        f"{org}/api/v1/positions",
        json={"title": f"Ops Analyst {tag}", "org_unit_id": r.json()["id"]},
        headers=hr,
    )
    position_id = r.json()["id"]
    await page.get_by_role("tab", name="Decision policy").click()
    await expect(page.locator("select[name=def-mode]")).to_be_visible()
    await page.locator("input[name=policy-q]").fill(tag)
    await page.get_by_role("button", name="Search").click()
    await page.locator("select[name=policy-position]").select_option(position_id)
    await expect(page.get_by_text("follows the default policy")).to_be_visible()
    await page.locator("select[name=ovr-mode]").select_option("composite_below")
    await page.locator("input[name=ovr-threshold]").fill("12")
    await page.get_by_role("button", name="Save override").click()
    threshold = page.locator("label:has(input[name=ovr-threshold]) .field-error")
    await expect(threshold).to_contain_text("10")
    ui.expect_failed_requests(422)  # provoked above
    await page.locator("input[name=ovr-threshold]").fill("6.5")
    await page.locator("input[name=ovr-review]").fill("45")
    await page.get_by_role("button", name="Save override").click()
    await expect(page.get_by_text("This position has its own policy.")).to_be_visible()
    recruiting = suite.url("recruiting-service")
    got = (
        await http.get(f"{recruiting}/api/v1/decision-policy/positions/{position_id}", headers=hr)
    ).json()
    assert (got["scope"], got["mode"], got["threshold"], got["review_minutes"]) == (
        "position",
        "composite_below",
        6.5,
        45,
    )
    await ui.check("settings-policy-en")

    # My alerts: turn the first one over, read it back.
    await page.get_by_role("tab", name="My alerts").click()
    first = page.locator("tbody input[type=checkbox]").first
    await first.wait_for()
    was = await first.is_checked()
    kind = await page.locator("tbody tr").first.get_attribute("data-kind")
    # Each alert is named in words, not by its key.
    await expect(page.locator("tbody th").first).not_to_have_text(kind or "")
    await first.set_checked(not was)
    await page.get_by_role("button", name="Save my alerts").click()
    await expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    prefs = (
        await http.get(
            notify + "/api/v1/alert-preferences", headers=auth("hr_admin", sub="hr-settings")
        )
    ).json()["preferences"]
    assert prefs[kind]["email"] is (not was), prefs
    await ui.check("settings-alerts-en")

    # People: add a colleague, find them, deactivate them.
    await page.get_by_role("tab", name="People").click()
    name = f"Wang Fang {tag}"
    await page.locator("input[name=new-person-name]").fill(name)
    await page.locator("input[name=new-person-email]").fill(f"wang.{tag}@example.com")
    await page.get_by_role("button", name="Add person").click()
    await expect(page.get_by_role("status").filter(has_text=f"Added {name}")).to_be_visible()
    await page.locator("input[name=people-q]").fill(tag)
    await page.get_by_role("button", name="Search").click()
    row = page.get_by_role("row").filter(has_text=name)
    await expect(row).to_contain_text("Active")
    await row.get_by_role("button", name=f"Deactivate {name}").click()
    await expect(page.get_by_role("row").filter(has_text=name)).to_have_count(0)
    await page.get_by_label("Include deactivated people").check()
    await expect(page.get_by_role("row").filter(has_text=name)).to_contain_text("Deactivated")
    people = (await http.get(f"{org}/api/v1/people", params={"q": tag}, headers=hr)).json()["items"]
    assert [(p["name"], p["active"]) for p in people] == [(name, False)]
    await ui.check("settings-people-en")

    # Chinese, and a tablet.
    await page.get_by_role("banner").get_by_label("Language").select_option("zh-CN")
    await expect(page.get_by_role("tab", name="人员")).to_be_visible()
    await ui.check("settings-people-zh-CN")
    await page.get_by_role("tab", name="通知").click()
    await expect(page.get_by_role("button", name="保存通知设置")).to_be_visible()
    await ui.check("settings-notices-zh-CN")
    await page.get_by_role("tab", name="Webhook").click()
    await expect(page.get_by_role("listitem").filter(has_text=hook)).to_be_visible()
    await ui.check("settings-webhooks-zh-CN")
    await page.get_by_role("tab", name="决策规则").click()
    await page.set_viewport_size({"width": 820, "height": 1180})
    await expect(page.locator("select[name=def-mode]")).to_be_visible()
    await ui.check("settings-policy-tablet-zh-CN")


async def test_hr_registers_team_chat_robots_for_a_unit_and_a_position(
    ui: Any, suite: Suite, http: httpx.AsyncClient, auth: Callable[..., dict[str, str]]
) -> None:
    page = ui.page
    tag = uuid.uuid4().hex[:8]
    hr = auth("hr_admin", sub="hr-api")
    org, notify = suite.url("org-service"), suite.url("notify-service")
    company = (
        await http.post(
            org + "/api/v1/org-units",
            json={"name": f"Robot Co {tag}", "kind": "company"},
            headers=hr,
        )
    ).json()
    team = (
        await http.post(
            org + "/api/v1/org-units",
            json={"name": "Growth", "kind": "team", "parent_id": company["id"]},
            headers=hr,
        )
    ).json()
    position = (
        await http.post(
            org + "/api/v1/positions",
            json={
                "title": f"Growth Lead {tag}",
                "org_unit_id": team["id"],
                "job_family": "marketing",
                "requirements": {"min_years_experience": 2, "required_skills": ["seo"]},
            },
            headers=hr,
        )
    ).json()

    async def robots() -> dict[str, Any]:
        r = await http.get(notify + "/api/v1/chat-robots?limit=100", headers=hr)
        return {x["name"]: x for x in r.json()["items"] if tag in x["name"]}

    await ui.sign_in("hr_admin", "hr-settings", language="en")
    await ui.goto("/settings?tab=robots")
    # The team's group, picked by the unit's path as the list offers it.
    await page.get_by_label("Name", exact=True).fill(f"Growth group {tag}")
    await page.get_by_role("combobox", name="Org unit").fill(f"Robot Co {tag} / Growth")
    await page.get_by_label("Chat app").select_option("dingtalk")
    await page.get_by_label("Webhook URL (from the group's robot settings)").fill(
        "http://127.0.0.1:9/robot/send?access_token=secret-token"
    )
    await page.get_by_label("Signing secret (optional)").fill("SECabc")
    await page.get_by_role("button", name="Add the robot").click()
    row = page.get_by_test_id("robot-row").filter(has_text=f"Growth group {tag}")
    await expect(row).to_contain_text(f"Org unit: Robot Co {tag} / Growth")
    await expect(row).to_contain_text("signed")
    await expect(row).not_to_contain_text("secret-token")  # the credential is never shown
    # The lead position's own group, by its title; a name that fits nothing is refused.
    await page.get_by_label("Name", exact=True).fill(f"Lead group {tag}")
    await page.locator("select[name=robot-scope]").select_option("position")
    await page.get_by_role("combobox", name="Position").fill(f"No such title {tag}")
    await expect(
        page.get_by_role("alert").filter(has_text="pick one from the list")
    ).to_be_visible()
    await page.get_by_role("combobox", name="Position").fill(f"Growth Lead {tag}")
    await page.get_by_label("Webhook URL (from the group's robot settings)").fill(
        "http://127.0.0.1:9/cgi-bin/webhook/send?key=k"
    )
    await page.get_by_role("button", name="Add the robot").click()
    lead = page.get_by_test_id("robot-row").filter(has_text=f"Lead group {tag}")
    await expect(lead).to_contain_text(f"Position: Growth Lead {tag}")
    await ui.check("settings-robots-en")

    got = await robots()
    assert got[f"Growth group {tag}"]["scope"] == "org_unit"
    assert got[f"Growth group {tag}"]["scope_id"] == team["id"]
    assert got[f"Growth group {tag}"]["provider"] == "dingtalk"
    assert got[f"Growth group {tag}"]["has_secret"] is True
    assert got[f"Lead group {tag}"]["scope_id"] == position["id"]
    assert got[f"Lead group {tag}"]["provider"] == "wecom"

    # Switched off (its URL and secret kept), then removed.
    await row.get_by_role("button", name="Switch off").click()
    await expect(row).to_contain_text("Off")
    off = (await robots())[f"Growth group {tag}"]
    assert off["enabled"] is False and off["has_secret"] is True
    assert off["webhook_host"] == "127.0.0.1"
    page.once("dialog", lambda dialog: dialog.accept())
    await lead.get_by_role("button", name="Remove").click()
    await expect(lead).to_have_count(0)
    page.once("dialog", lambda dialog: dialog.accept())
    await row.get_by_role("button", name="Remove").click()
    await expect(row).to_have_count(0)
    assert await robots() == {}


async def test_hr_teaches_screening_the_company_s_spellings(
    ui: Any, suite: Suite, http: httpx.AsyncClient, auth: Callable[..., dict[str, str]]
) -> None:
    page = ui.page
    tag = uuid.uuid4().hex[:6]
    hr = auth("hr_admin", sub="hr-api")
    vocab = suite.url("org-service") + "/api/v1/vocabularies"
    await ui.sign_in("hr_admin", "hr-vocabulary", language="en")
    await ui.goto("/settings?tab=vocabulary")
    try:
        # A spelling of ours for a shipped skill.
        await page.get_by_label("Find a skill by any spelling").fill("kubernetes")
        row = page.get_by_test_id("skill-row").filter(
            has=page.get_by_role("strong").filter(has_text=re.compile("^kubernetes$"))
        )
        await expect(row).to_contain_text("shipped")
        await row.get_by_role("button", name="Edit our spellings").click()
        await row.locator("input[name=skill-aliases]").fill(f"kube-{tag}, 容器编排{tag}")
        await row.get_by_role("button", name="Save").click()
        await expect(row.locator("mark").first).to_have_text(f"kube-{tag}")
        await expect(row).to_contain_text("ours")
        found = (await http.get(f"{vocab}/skills/kube-{tag}", headers=hr)).json()
        assert found["key"] == "kubernetes" and f"kube-{tag}" in found["custom"]["aliases"]

        # A skill of our own, with its Chinese label.
        await page.get_by_role("button", name="Add a skill").click()
        form = page.get_by_role("form", name="Add a skill")
        await form.locator("input[name=skill-name]").fill(f"growth loops {tag}")
        # A spelling another skill has is pointed out as HR types, before any save.
        await form.locator("input[name=skill-aliases]").fill(f"gl-{tag}, K8s")
        clashes = form.get_by_test_id("alias-clashes")
        await expect(clashes).to_contain_text("“k8s” already means kubernetes")
        await expect(clashes).to_contain_text("saving will be refused")
        await form.locator("input[name=skill-aliases]").fill(f"gl-{tag}")
        await expect(clashes).to_have_count(0)
        await form.locator("input[name=skill-label-zh-CN]").fill(f"增长循环{tag}")
        await form.get_by_role("button", name="Save").click()
        await expect(form).to_have_count(0)
        await page.get_by_label("Find a skill by any spelling").fill(f"gl-{tag}")
        mine = page.get_by_test_id("skill-row")
        await expect(mine).to_have_count(1)
        await expect(mine).to_contain_text(f"增长循环{tag}")
        await ui.check("settings-vocabulary-en")

        # A spelling the ladder's bachelor level also accepts.
        bachelor = page.get_by_test_id("education-row").filter(has_text="Bachelor")
        await bachelor.get_by_role("button", name="Edit our spellings").click()
        await bachelor.locator("input[name=education-bachelor]").fill(f"BSc-{tag}")
        await bachelor.get_by_role("button", name="Save").click()
        await expect(bachelor).to_contain_text(f"bsc {tag}")  # stored normalised

        # Ours taken away again: the shipped skill stays with its own spellings.
        await page.get_by_label("Find a skill by any spelling").fill("kubernetes")
        await row.get_by_role("button", name="Remove ours").click()
        await expect(row).to_contain_text("shipped")
        await expect(row.locator("mark")).to_have_count(0)
        gone = await http.get(f"{vocab}/skills/kube-{tag}", headers=hr)
        assert gone.status_code == 404
    finally:  # the vocabulary is one per deployment and the suite is shared
        for path in ("skills/kubernetes", f"skills/growth loops {tag}", "education/bachelor"):
            await http.delete(f"{vocab}/{path}", headers=hr)
