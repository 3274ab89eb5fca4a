"""Production sign-in: the console signs in with OpenID Connect (authorization code + PKCE)
at the configured issuer, and the services accept its token because they trust the issuer's
JWKS. The issuer is a real HTTP server (talentloop_shared.testing.oidc); org-service runs a
second process configured with the issuer's JWKS, as a deployment would be."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from playwright.async_api import expect

from talentloop_shared.devtools.console import SERVICE_NAMES
from talentloop_shared.devtools.suite import SERVICES, Suite
from talentloop_shared.testing.oidc import LocalIssuer
from talentloop_shared.testing.plugin import eventually
from talentloop_shared.testing.smtp import free_port

pytestmark = pytest.mark.e2e

ORG = next(s for s in SERVICES if s.name == "org-service")


@pytest.fixture(scope="module")
def issuer() -> Iterator[LocalIssuer]:
    with LocalIssuer(sub="li.na", name="Li Na", roles=["hr_admin"]) as running:
        yield running


@pytest_asyncio.fixture(scope="module")
async def oidc_console(suite: Suite, issuer: LocalIssuer) -> AsyncIterator[tuple[str, str]]:
    """A console configured for OIDC (no dev sign-in) and an org-service process that trusts
    the issuer's JWKS; (console URL, org URL)."""
    console_port, org_port = free_port(), free_port()
    console_url = f"http://127.0.0.1:{console_port}"
    org_url = f"http://127.0.0.1:{org_port}"
    env = {
        **suite.env(ORG, replica=1),
        "ORG_PORT": str(org_port),
        "ORG_JWT_JWKS_URL": issuer.jwks_url,
        "ORG_JWT_ISSUER": issuer.url,
        "ORG_CORS_ORIGINS": json.dumps([console_url]),
    }
    org = subprocess.Popen(
        [sys.executable, "-m", ORG.module, "serve", "--port", str(org_port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    urls = {n: suite.url(f"{n}-service") for n in SERVICE_NAMES} | {"org": org_url}
    console = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "talentloop_shared.devtools.console",
            f"--port={console_port}",
            "--no-dev-sign-in",
            *(f"--{name}={url}" for name, url in urls.items()),
        ],
        env={
            **os.environ,
            "CONSOLE_OIDC_ISSUER": issuer.url,
            "CONSOLE_OIDC_CLIENT_ID": "talentloop-console",
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        await suite.wait_console(console_url)

        async def org_ready() -> bool:
            assert org.poll() is None, "the OIDC org-service process exited"
            async with httpx.AsyncClient(timeout=2) as client:
                try:
                    return (await client.get(org_url + "/readyz")).status_code == 200
                except httpx.HTTPError:
                    return False

        await eventually(org_ready, timeout=60, message="org-service (OIDC) not ready")
        yield console_url, org_url
    finally:
        for proc in (console, org):
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()


def _challenge(verifier: str) -> str:
    return (
        base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    )


async def test_hr_signs_in_at_the_company_issuer_with_pkce_and_the_services_accept_the_token(
    browser: Any, oidc_console: tuple[str, str], issuer: LocalIssuer
) -> None:
    console_url, org_url = oidc_console
    context = await browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-US")
    page = await context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        # A deep link (an alert's) while signed out: sign-in first, then back to it, the
        # way through the issuer and its callback included.
        await page.goto(console_url + "/org?status=closed")
        await page.wait_for_url("**/signin")
        # Outside development there is no role picker: only the company sign-in.
        assert await page.locator("select[name=role]").count() == 0
        await page.get_by_role("button", name="Sign in with your company account").click()
        await page.get_by_test_id("signed-in-as").wait_for(timeout=15_000)
        assert "Li Na" in await page.get_by_test_id("signed-in-as").inner_text()
        assert page.url == console_url + "/org?status=closed"
        await expect(page.locator("select[name=status]")).to_have_value("closed")

        # The code was exchanged with PKCE: the verifier matches the S256 challenge.
        (authorize,) = issuer.authorize_requests
        (token,) = issuer.token_requests
        assert authorize["code_challenge_method"] == "S256"
        assert _challenge(token["code_verifier"]) == authorize["code_challenge"]
        assert "client_secret" not in token

        # The token the console holds is accepted by a service that trusts the JWKS, sent in
        # the Authorization header (never a cookie).
        status = await page.evaluate(
            """async (url) => {
                const token = sessionStorage.getItem("talentloop.token");
                const r = await fetch(url + "/api/v1/org-units/tree",
                                      {headers: {Authorization: "Bearer " + token}});
                return r.status;
            }""",
            org_url,
        )
        assert status == 200
        assert await context.cookies() == []
        assert not errors, errors
    finally:
        await context.close()
