"""The console's shell: sign-in, navigation by role, both languages, and every screen
reachable, screenshot and accessible. The journeys (test_journey_*.py) work the loop."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.async_api import expect

from talentloop_shared.devtools.suite import Suite

pytestmark = pytest.mark.e2e

SCREENS = [
    "org",
    "pipeline",
    "interviews",
    "decisions",
    "notices",
    "feedback",
    "talent",
    "settings",
]


async def test_the_services_answer_the_consoles_cors_preflight(
    suite: Suite, console_url: str
) -> None:
    async with httpx.AsyncClient() as client:
        for name in ("org-service", "recruiting-service", "notify-service", "talent-service"):
            r = await client.options(
                suite.url(name) + "/api/v1/healthz-not-a-route",
                headers={
                    "Origin": console_url,
                    "Access-Control-Request-Method": "PATCH",
                    "Access-Control-Request-Headers": "authorization,if-match,content-type",
                },
            )
            assert r.status_code == 200, (name, r.text)
            assert r.headers["access-control-allow-origin"] == console_url
            assert "if-match" in r.headers["access-control-allow-headers"].lower()
            # Another origin gets no permission.
            r = await client.options(
                suite.url(name) + "/api/v1/x",
                headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"},
            )
            assert "access-control-allow-origin" not in r.headers


async def test_the_console_serves_its_config_and_its_routes_with_a_strict_policy(
    console_url: str,
) -> None:
    async with httpx.AsyncClient() as client:
        config = (await client.get(console_url + "/config.json")).json()
        assert set(config["services"]) == {"org", "recruiting", "notify", "talent"}
        page = await client.get(console_url + "/pipeline/some-deep-link")
        assert page.status_code == 200 and '<div id="root">' in page.text
        policy = page.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and config["services"]["org"] in policy
        assert (await client.get(console_url + "/assets/missing.js")).status_code == 404


async def test_signed_out_visitors_land_on_the_sign_in_page(ui) -> None:
    await ui.goto("/org")
    await ui.page.wait_for_url("**/signin")
    await ui.check("signin-en")


async def test_a_link_from_an_alert_opens_its_page_once_signed_in(ui) -> None:
    """An alert links to a console page (notify's `Links`); signed out, the reader signs in
    and lands on that page, its query included, not on the first screen."""
    page = ui.page
    await ui.goto("/talent/plans?application=app-from-an-alert")
    await page.wait_for_url("**/signin")
    await page.locator("select[name=role]").select_option("hr_admin")
    await page.locator("input[name=sub]").fill("hr-alerted")
    await page.locator("form button[type=submit]").click()
    await page.wait_for_url("**/talent/plans?application=app-from-an-alert")
    await expect(page.get_by_text("The plan of one hire.")).to_be_visible()
    await page.get_by_role("link", name="All plans").click()
    await page.wait_for_url(re.compile(r".*/talent/plans$"))


async def test_hr_sees_every_screen_in_both_languages(ui) -> None:
    await ui.sign_in("hr_admin", "hr-1", language="en")
    nav = ui.page.get_by_role("navigation")
    for screen in SCREENS:
        await ui.goto(f"/{screen}")
        await ui.page.get_by_role("heading", level=1).wait_for()
        await ui.check(f"{screen}-en")
    await expect(nav.get_by_role("link", name="Settings")).to_be_visible()
    await ui.page.get_by_role("banner").get_by_label("Language").select_option("zh-CN")
    assert await ui.page.locator("html").get_attribute("lang") == "zh-CN"
    await expect(nav.get_by_role("link", name="设置")).to_be_visible()
    for screen in SCREENS:
        await ui.goto(f"/{screen}")
        await ui.page.get_by_role("heading", level=1).wait_for()
        await ui.check(f"{screen}-zh-CN")


async def test_an_interviewer_sees_only_their_interviews(ui) -> None:
    await ui.sign_in("interviewer", "iv-1")
    await expect(ui.page.get_by_role("navigation").get_by_role("link")).to_have_text(
        ["My interviews"]
    )
    await ui.goto("/settings")
    await expect(
        ui.page.get_by_role("heading", name="Your role cannot see this page.")
    ).to_be_visible()
    await ui.check("interviewer-forbidden")
