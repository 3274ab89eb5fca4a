"""Webhook rules without I/O: target checks, the retry schedule, signing secrets, the
people an event names; and the deployment policy from settings. One attempt's deadline is
shown against a receiver on loopback."""

from __future__ import annotations

import asyncio
import base64
import ipaddress
import uuid
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import cast

import httpx
import pytest
from notify_testkit import raw_receiver
from pydantic import ValidationError
from standardwebhooks.webhooks import Webhook

from notify_service.config import Settings
from notify_service.domain import webhooks as rules
from notify_service.service import targets
from notify_service.service.targets import check_target, target_policy
from notify_service.service.webhook_delivery import Claimed, attempt, new_http_client, send
from talentloop_shared.clock import Clock
from talentloop_shared.errors import FieldInvalid
from talentloop_shared.service import Runtime

PROD = rules.TargetPolicy(allow_private=False, require_https=True)
DEV = rules.TargetPolicy(allow_private=True, require_https=False)
PROD_SETTINGS = {
    "environment": "prod",
    "jwt_secret": "x" * 64,
    "survey_secret": "y" * 64,
    "at_rest_secret": "z" * 64,
    "amqp_url": "amqp://notify:" + "p" * 32 + "@broker:5672/",  # not the published guest
}


def test_secret_is_standard_webhooks_format_and_signs() -> None:
    secret = rules.new_secret()
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"))) == 32
    assert rules.new_secret() != secret
    now = datetime.now(UTC)
    signature = Webhook(secret).sign("msg_1", now, '{"a":1}')
    headers = {
        "webhook-id": "msg_1",
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": signature,
    }
    assert Webhook(secret).verify('{"a":1}', headers) == {"a": 1}


@pytest.mark.parametrize(
    ("address", "rule"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "private"),
        ("fd00::1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("::ffff:10.0.0.1", "private"),
    ],
)
def test_internal_addresses_are_refused_outside_dev(address: str, rule: str) -> None:
    problem = rules.address_problem(ipaddress.ip_address(address), PROD)
    assert problem is not None and problem[0] == rule
    assert rules.address_problem(ipaddress.ip_address(address), DEV) is None


def test_public_addresses_pass() -> None:
    for address in ("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"):
        assert rules.address_problem(ipaddress.ip_address(address), PROD) is None


def test_url_rules() -> None:
    assert rules.url_problem("https://hooks.example.com/x?y=1", PROD) is None
    assert rules.url_problem("http://hooks.example.com/x", PROD) == (
        "https-required",
        "webhook URLs must use https",
    )
    assert rules.url_problem("http://hooks.example.com/x", DEV) is None
    problem = rules.url_problem("https://localhost:8443/", PROD)
    assert problem is not None and problem[0] == "loopback"
    for bad in ("ftp://x.example/", "https://u:p@x.example/", "https:///nohost", "x.example"):
        problem = rules.url_problem(bad, DEV)
        assert problem is not None and problem[0] == "url", bad
    # A space or control character is no part of a URL: httpx could not send it later.
    for bad in (
        "https://x.example/a b",
        "https://x.example/\x07",
        "https://x.exa\tmple/",
        "https://x.example/\x7f",
    ):
        problem = rules.url_problem(bad, DEV)
        assert problem == ("url", "the URL holds a space or a control character"), bad
    target = rules.parse_target("https://[2001:db8::1]:8443/a/b?c=d")
    assert (target.host, target.port, target.path) == ("2001:db8::1", 8443, "/a/b?c=d")


def test_retry_schedule_then_spent() -> None:
    schedule = [5, 300, 1800]
    assert rules.retry_delay(1, schedule) == timedelta(seconds=5)
    assert rules.retry_delay(3, schedule) == timedelta(seconds=1800)
    assert rules.retry_delay(4, schedule) is None
    default = Settings().webhook_retry_schedule_seconds
    span = rules.schedule_span(default)
    assert timedelta(hours=20) < span < timedelta(hours=30), "about a day"


def test_signing_secrets_overlap() -> None:
    now = datetime.now(UTC)
    assert rules.signing_secrets("new", None, None, now) == ["new"]
    assert rules.signing_secrets("new", "old", now + timedelta(hours=1), now) == ["new", "old"]
    assert rules.signing_secrets("new", "old", now - timedelta(seconds=1), now) == ["new"]


def test_people_named_anywhere_in_the_data() -> None:
    data = {
        "application_id": "app-1",
        "candidate": {"id": "cand-1", "name": "Jane"},
        "position": {"id": "pos-1", "owners": {"recruiter": {"id": "person-9"}}},
        "top": [{"talent_id": "t-1"}, {"talent_id": "t-2"}],
    }
    assert rules.people_named("candidate-rejected", data) == (
        ["cand-1", "t-1", "t-2"],
        ["app-1"],
    )
    assert rules.people_named("candidate-erased", {"candidate_id": "cand-1"}) == ([], [])
    assert rules.people_named("position-changed", {"position": {"id": "p"}}) == ([], [])


def test_policy_from_settings() -> None:
    settings = Settings(**PROD_SETTINGS)
    assert target_policy(settings) == PROD
    assert target_policy(Settings(environment="test")) == DEV
    with pytest.raises(ValueError, match="dev/test only"):
        Settings(**PROD_SETTINGS, webhook_allow_private_targets=True)


def test_check_target_outside_dev() -> None:
    # A plain test on its own loop: an async test last in the suite's order changed the
    # teardown order of the session's service and broker namespace (a hang in teardown).
    prod = Settings(**PROD_SETTINGS)

    async def check(url: str) -> None:
        await check_target(url, prod)

    for url, rule in [
        ("https://localhost.:8443/", "loopback"),
        ("https://10.9.8.7/", "private"),
        ("https://[fe80::1]/", "link-local"),
    ]:
        with pytest.raises(FieldInvalid, match=f"rule: {rule}"):
            asyncio.run(check(url))
    asyncio.run(check("https://93.184.216.34/hook"))  # a public address passes
    # (Host names are resolved with the loop's getaddrinfo; no test here depends on DNS.)


def _claimed(url: str) -> Claimed:
    """A delivery as the loop claims it, to `url`."""
    return Claimed(
        id=uuid.uuid4(),
        subscription_id=uuid.uuid4(),
        webhook_id="msg_1",
        body="{}",
        attempts=0,
        attempts_before_redelivery=0,
        url=url,
        secrets=["whsec_" + "a" * 32],
    )


async def test_a_receiver_dripping_its_answer_is_cut_off_at_the_attempts_deadline() -> None:
    # Each byte comes just inside the read timeout: per-read timeouts never fire, and the
    # attempt held its slot (past its claim, so it was sent again beside itself).
    settings = Settings(webhook_connect_timeout_seconds=0.5, webhook_read_timeout_seconds=0.5)
    assert settings.webhook_attempt_seconds == 2.5
    client = new_http_client(settings)
    slow = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 10_000
    try:
        async with raw_receiver(slow, per_byte_seconds=0.2) as base:
            started = asyncio.get_running_loop().time()
            outcome = await send(client, settings, _claimed(f"{base}/hook"), datetime.now(UTC))
            took = asyncio.get_running_loop().time() - started
    finally:
        await client.aclose()
    assert not outcome.ok and "no whole answer within 2.5 s" in (outcome.error or "")
    assert took < 10  # the drip would have lasted over half an hour


def test_the_claim_outlasts_an_attempt() -> None:
    with pytest.raises(ValidationError, match="CLAIM_TIMEOUT"):
        Settings(webhook_read_timeout_seconds=60, webhook_claim_timeout_seconds=100)


async def test_an_attempts_error_is_ours_never_the_receivers_words_or_redirect() -> None:
    # HR's readers see last_error: a redirect's Location (an internal address, a token)
    # and httpx's text (the URL) stay out of it.
    redirect = (
        b"HTTP/1.1 302 Found\r\nLocation: http://10.0.0.7/admin?token=s3cret\r\n"
        b"Content-Length: 13\r\nConnection: close\r\n\r\nsecret words!"
    )
    settings = Settings(webhook_connect_timeout_seconds=0.5, webhook_read_timeout_seconds=0.5)
    client = new_http_client(settings)
    try:
        async with raw_receiver(redirect) as base:
            moved = await send(client, settings, _claimed(f"{base}/h"), datetime.now(UTC))
        # The receiver is gone: the connection is refused.
        refused = await send(client, settings, _claimed(f"{base}/h?key=k3y"), datetime.now(UTC))
    finally:
        await client.aclose()
    assert moved.status_code == 302 and moved.error == "HTTP 302 redirect (not followed)"
    assert refused.error == "request failed: ConnectError"


async def test_an_attempt_takes_no_proxy_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A proxy would see the body and could reach what the checks refuse.
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    settings = Settings(webhook_connect_timeout_seconds=0.5, webhook_read_timeout_seconds=0.5)
    client = new_http_client(settings)
    answer = b"HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
    try:
        async with raw_receiver(answer) as base:
            outcome = await send(client, settings, _claimed(f"{base}/hook"), datetime.now(UTC))
    finally:
        await client.aclose()
    assert outcome.ok and outcome.status_code == 204, outcome


async def test_an_attempt_that_raises_records_the_kind_of_error_never_its_text() -> None:
    # An error nobody foresaw raised past send(): the attempt recorded its repr, text that
    # is not ours (an exception's may quote the URL or the host) where Readers see it.
    def explode(request: httpx.Request) -> httpx.Response:
        raise RuntimeError(f"unforeseen while posting to {request.url}")

    settings = Settings(webhook_connect_timeout_seconds=0.5, webhook_read_timeout_seconds=0.5)
    rt = cast(Runtime, SimpleNamespace(settings=settings, clock=Clock()))
    delivery = _claimed("http://127.0.0.1:9/hook?token=s3cret")
    client = httpx.AsyncClient(transport=httpx.MockTransport(explode))
    try:
        done = await attempt(rt, client, delivery)
    finally:
        await client.aclose()
    assert not done.outcome.ok and done.outcome.error == "delivery error: RuntimeError"
    # A control character in the URL (httpx raised InvalidURL) is refused by the rules.
    refused = rules.url_problem("http://127.0.0.1:9/\x01hook", DEV)
    assert refused == ("url", "the URL holds a space or a control character")


async def test_an_attempts_deadline_counts_the_time_resolving_the_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # webhook_attempt_seconds is shorter than a claim so that a claim is never taken back
    # while its attempt runs: resolving the name is part of the attempt.
    async def slow(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        await asyncio.sleep(13)
        return [ipaddress.ip_address("127.0.0.1")]

    monkeypatch.setattr(targets, "resolve", slow)
    settings = Settings(webhook_connect_timeout_seconds=0.5, webhook_read_timeout_seconds=0.5)
    delivery = _claimed("http://hooks.test:9/hook")
    client = new_http_client(settings)
    loop = asyncio.get_running_loop()
    try:
        started = loop.time()
        outcome = await send(client, settings, delivery, datetime.now(UTC))
        took = loop.time() - started
    finally:
        await client.aclose()
    assert outcome.error == "cannot resolve hooks.test: no address within 2.5 s"
    assert took < 5
