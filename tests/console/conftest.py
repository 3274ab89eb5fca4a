"""The HR console in real Chromium (Debian's `chromium`; Playwright's own download is not
reachable here) against the four services as real processes, PostgreSQL, RabbitMQ and an
SMTP server on loopback. Each journey signs in through the console's development role
picker, works only through the UI, and checks each screen with axe-core."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from playwright.async_api import expect

from talentloop_shared.devtools.console import DIST
from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.testing.smtp import SMTPSink, free_port
from talentloop_shared.testing.suites import running_suite

pytestmark = pytest.mark.e2e


def _patient_assertions() -> None:
    # A shared 2-core CI machine runs four services and a browser: assertions wait up to
    # 15 s for what they expect (they return as soon as it is there).
    from playwright.async_api import expect

    expect.set_options(timeout=15_000)


_patient_assertions()

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "console" / "node_modules" / "axe-core" / "axe.min.js"
# Screenshots of every screen, kept as the test run's artifacts.
ARTIFACTS = Path(os.environ.get("TALENTLOOP_ARTIFACTS", ROOT / "test-artifacts")) / "console"
VIEWPORT = {"width": 1366, "height": 768}
TABLET = {"width": 820, "height": 1180}


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("CHROMIUM_PATH"),
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


def _require(condition: bool, why: str) -> None:
    # In CI a missing browser or build is a failure, not a skip: .ci/run installs both.
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)


@pytest.fixture(scope="package")
def mailbox() -> Iterator[SMTPSink]:
    sink = SMTPSink()
    sink.start()
    yield sink
    sink.stop()


@pytest_asyncio.fixture(scope="package")
async def console_suite(
    pg_admin_url: str,
    amqp_url: str,
    amqp_namespace: str,
    run_id: str,
    mailbox: SMTPSink,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[tuple[Suite, str]]:
    """The four services allowing the console's origin (CORS), and the console serving the
    build of `make console`; (suite, console URL)."""
    _require((DIST / "index.html").is_file(), "the console is not built: make console")
    _require(AXE.is_file(), "console/node_modules is missing: make console")
    _require(chromium_path() is not None, "no chromium: apt-get install chromium")
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    async with running_suite(
        pg_admin_url=pg_admin_url,
        amqp_url=amqp_url,
        namespace=f"{amqp_namespace}console.",
        database_suffix=f"_console_{run_id}",
        mailbox=mailbox,
        log_dir=tmp_path_factory.mktemp("console-logs"),
        extra_env={
            **{f"{s.prefix}_CORS_ORIGINS": json.dumps([origin]) for s in SERVICES},
        },
    ) as suite:
        url = suite.start_console(port)
        await suite.wait_console(url)
        yield suite, url


@pytest.fixture(scope="package")
def suite(console_suite: tuple[Suite, str]) -> Suite:
    return console_suite[0]


@pytest.fixture(scope="package")
def console_url(console_suite: tuple[Suite, str]) -> str:
    return console_suite[1]


@pytest_asyncio.fixture(scope="package")
async def browser(console_suite: tuple[Suite, str]) -> AsyncIterator[Any]:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(
            executable_path=chromium_path(), args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield browser
        await browser.close()


class ConsolePage:
    """One signed-in browser tab on the console, with the checks every screen gets."""

    def __init__(self, page: Any, url: str) -> None:
        self.page = page
        self.url = url
        self.errors: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

    def _on_console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"console.error: {message.text}")

    async def sign_in(
        self, role: str = "hr_admin", sub: str = "hr-1", language: str = "en"
    ) -> None:
        """The development role picker, as a person would use it."""
        page = self.page
        await page.goto(self.url + "/signin")
        await page.get_by_label(re.compile("Language|语言")).select_option(language)
        await page.locator("select[name=role]").select_option(role)
        await page.locator("input[name=sub]").fill(sub)
        await page.locator("form button[type=submit]").click()
        await page.get_by_test_id("signed-in-as").wait_for()

    async def switch_user(self, role: str, sub: str, language: str = "en") -> None:
        """Sign out, then sign in as someone else (the same browser, another person)."""
        await self.page.get_by_role("button", name=re.compile("Sign out|退出")).click()
        await expect(self.page.get_by_test_id("signed-in-as")).to_have_count(0)
        await self.sign_in(role, sub, language=language)

    async def goto(self, path: str) -> None:
        await self.page.goto(self.url + path)

    async def check(self, name: str) -> None:
        """Screenshot the screen (a test artifact) and hold it to axe-core: no serious or
        critical violation."""
        page = self.page
        await page.wait_for_load_state("networkidle")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        await page.add_script_tag(path=str(AXE))
        result = await page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
        )
        bad = [v for v in result if v["impact"] in ("serious", "critical")]
        assert not bad, f"{name}: accessibility violations {json.dumps(bad, indent=1)}"

    def expect_failed_requests(self, *statuses: int) -> None:
        """Chromium logs every 4xx answer as a console error; a journey that provokes one on
        purpose (a 412, a 422) takes exactly those off the list, one per status given."""
        for status in statuses:
            wanted = f"status of {status} "
            hit = next(
                (e for e in self.errors if "Failed to load resource" in e and wanted in e), None
            )
            assert hit is not None, (status, self.errors)
            self.errors.remove(hit)

    def assert_no_errors(self) -> None:
        assert not self.errors, "\n".join(self.errors)


@pytest_asyncio.fixture
async def ui(browser: Any, console_url: str) -> AsyncIterator[ConsolePage]:
    """A fresh browser context (1366×768) on the console; fails the test on a console error."""
    # bypass_csp: only so that axe-core can be injected; the policy itself is tested.
    context = await browser.new_context(viewport=VIEWPORT, locale="en-US", bypass_csp=True)
    page = await context.new_page()
    page.set_default_timeout(15_000)
    console = ConsolePage(page, console_url)
    yield console
    await context.close()
    console.assert_no_errors()


@pytest_asyncio.fixture(scope="package")
async def http() -> AsyncIterator[httpx.AsyncClient]:
    """For setting up what a journey does not show (other people's work) over the API."""
    # A connection idle as long as uvicorn keeps it (5 s) is not reused: the server may
    # close it as the next request goes out ("Server disconnected without a response").
    limits = httpx.Limits(keepalive_expiry=1.0)
    async with httpx.AsyncClient(timeout=15, limits=limits) as client:
        yield client
