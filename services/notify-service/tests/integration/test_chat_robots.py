"""The team-chat robot adapters against a real HTTP server on loopback that verifies each
provider's key or signature with its own implementation of the documented algorithm."""

from __future__ import annotations

import asyncio
import ipaddress
import json

import httpx
import pytest
from chat_testkit import (
    DINGTALK_SECRET,
    FEISHU_SECRET,
    WECOM_KEY,
    RobotServers,
    message_text,
    robot_servers,
)
from notify_testkit import raw_receiver

from notify_service.config import Settings
from notify_service.service import targets
from notify_service.service.robot_delivery import MAX_ANSWER_BYTES, RobotSender, RobotTarget
from notify_service.service.targets import check_target


@pytest.fixture
def servers():
    with robot_servers() as running:
        yield running


def _sender(timeout: float = 5.0, **settings: object) -> RobotSender:
    return RobotSender(Settings(environment="test", robot_timeout_seconds=timeout, **settings))


def _target(servers: RobotServers, provider: str, secret: str | None = None) -> RobotTarget:
    default = {"dingtalk": DINGTALK_SECRET, "feishu": FEISHU_SECRET}.get(provider)
    return RobotTarget(provider, servers.url(provider), secret or default)


@pytest.mark.parametrize("provider", ["wecom", "dingtalk", "feishu"])
async def test_a_message_reaches_the_robot_and_its_signature_verifies(servers, provider):
    sender = _sender(5.0)
    result = await sender.send(
        _target(servers, provider), "3 位候选人匹配 后端工程师", "- 张伟 (8.5): Go, Kafka\n- link"
    )
    assert result.ok, result.error
    assert servers.refused == []
    [received] = servers.of(provider)
    text = message_text(received)
    assert "3 位候选人匹配 后端工程师" in text and "张伟 (8.5): Go, Kafka" in text
    if provider == "dingtalk":
        assert set(received.query) == {"access_token", "timestamp", "sign"}
    if provider == "feishu":
        assert {"timestamp", "sign"} <= set(received.body)
    await sender.close()


@pytest.mark.parametrize("provider", ["dingtalk", "feishu"])
async def test_a_wrong_secret_is_refused_for_good_and_never_quoted(servers, provider):
    sender = _sender(5.0)
    wrong = "not-the-secret-123"
    result = await sender.send(_target(servers, provider, secret=wrong), "title", "body")
    assert not result.ok and result.permanent and not result.unknown
    assert servers.received == [] and servers.refused[0][0] == provider
    assert wrong not in (result.error or "")
    await sender.close()


async def test_a_robot_that_never_answers_is_unknown_not_retried(servers):
    servers.stall_seconds = 1.5
    sender = _sender(0.3)
    result = await sender.send(_target(servers, "wecom"), "title", "body")
    assert not result.ok and result.unknown and not result.permanent
    assert WECOM_KEY not in (result.error or "")
    await sender.close()


async def test_an_unreachable_robot_is_retried():
    sender = _sender(1.0)
    target = RobotTarget("wecom", f"http://127.0.0.1:9/cgi-bin/webhook/send?key={WECOM_KEY}", None)
    result = await sender.send(target, "title", "body")
    assert not result.ok and not result.permanent and not result.unknown
    assert WECOM_KEY not in (result.error or "")
    await sender.close()


async def test_a_robot_address_is_checked_again_when_sending(servers):
    # HR set the URL while it was allowed (or its name resolved elsewhere then): at send
    # time the name is resolved and checked again, and nothing is posted to a loopback,
    # private or metadata address outside dev/test.
    sender = _sender(webhook_allow_private_targets=False)
    for base in (servers.base, servers.base.replace("127.0.0.1", "localhost")):
        target = RobotTarget("wecom", servers.url("wecom").replace(servers.base, base), None)
        result = await sender.send(target, "title", "body")
        assert not result.ok and result.permanent and not result.unknown, result
        assert "(rule: loopback)" in (result.error or "")
        assert WECOM_KEY not in (result.error or "")
    assert servers.received == [] and servers.refused == []
    await sender.close()


@pytest.mark.parametrize(
    "answer",
    [
        b"[1, 2, 3]",
        b'{"errcode": [45009]}',
        b'{"errcode": {"nested": 1}}',
        b"[" * 20_000 + b"]" * 20_000,
        b'{"errcode": 0, "pad": "' + b"x" * (2 * MAX_ANSWER_BYTES) + b'"}',
        b"<html>proxy login</html>",
    ],
    ids=["list", "list-code", "object-code", "deep", "huge", "html"],
)
async def test_an_answer_no_robot_gives_is_an_unknown_outcome_not_a_crash(servers, answer):
    servers.raw_answer = answer
    sender = _sender()
    result = await sender.send(_target(servers, "wecom"), "title", "body")
    assert not result.ok and result.unknown and not result.permanent, result
    assert "HTTP 200" in (result.error or "") and WECOM_KEY not in (result.error or "")
    await sender.close()


@pytest.mark.parametrize(
    ("answer", "error", "permanent"),
    [
        ('{"errcode": "\u00b2"}', "error code not a known code", True),  # "²".isdigit()
        ('{"errcode": "\u0664\u0665"}', "error code not a known code", True),  # "٤٥"
        ('{"errcode": "45009", "errmsg": "api freq out of limit"}', "error code 45009", False),
        ('{"errcode": -1, "errmsg": "system busy"}', "error code -1", True),
    ],
)
async def test_a_code_is_recorded_in_ascii_digits_or_not_at_all(servers, answer, error, permanent):
    # A code in other Unicode digits is not a provider's: it is not copied into what
    # Readers see, and it does not raise (which failed the whole batch of notices).
    servers.raw_answer = answer.encode()
    sender = _sender()
    result = await sender.send(_target(servers, "wecom"), "title", "body")
    assert not result.ok and result.permanent is permanent and not result.unknown
    assert result.error == f"wecom robot refused: {error}"
    await sender.close()


async def test_a_refusal_records_the_code_never_the_robots_words(servers):
    servers.raw_answer = b'{"errcode": 93000, "errmsg": "invalid key=SECRET-ish words"}'
    sender = _sender()
    result = await sender.send(_target(servers, "wecom"), "title", "body")
    assert not result.ok and result.permanent
    assert result.error == "wecom robot refused: error code 93000"
    await sender.close()


ROBOT_HOST = "robot.example"
ROBOT_URL = f"https://{ROBOT_HOST}/cgi-bin/webhook/send?key={WECOM_KEY}"
PUBLIC = "93.184.216.34"


@pytest.fixture
def dns(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """What each host name resolves to, changed at will (a rebinding name server)."""
    answers: dict[str, list[str]] = {}

    async def resolve(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        return [ipaddress.ip_address(a) for a in answers[host]]

    monkeypatch.setattr(targets, "resolve", resolve)
    return answers


def _recording_sender(settings: Settings, seen: list[httpx.Request]) -> RobotSender:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, stream=httpx.ByteStream(b'{"errcode": 0, "errmsg": "ok"}'))

    return RobotSender(settings, client=httpx.AsyncClient(transport=httpx.MockTransport(answer)))


@pytest.mark.parametrize(
    ("addresses", "rule"),
    [
        (["127.0.0.1"], "loopback"),
        (["169.254.169.254"], "link-local"),
        ([PUBLIC, "10.0.0.7"], "private"),
        (["::ffff:192.168.1.1"], "private"),
    ],
)
async def test_a_robot_name_rebound_to_an_internal_address_gets_nothing(dns, addresses, rule):
    # HR set the URL while its name resolved to a public address; when the alert goes out
    # it resolves to an internal one (DNS rebinding). Every address is checked again and
    # nothing is posted: the notice fails for good, naming the rule, never the robot's key.
    settings = Settings(environment="test", webhook_allow_private_targets=False)
    dns[ROBOT_HOST] = [PUBLIC]
    await check_target(ROBOT_URL, settings)  # what setting the robot's URL checks: fine
    dns[ROBOT_HOST] = addresses
    seen: list[httpx.Request] = []
    sender = _recording_sender(settings, seen)
    result = await sender.send(RobotTarget("wecom", ROBOT_URL, None), "title", "body")
    assert seen == []
    assert not result.ok and result.permanent and not result.unknown, result
    assert f"(rule: {rule})" in (result.error or "")
    assert WECOM_KEY not in (result.error or "") and ROBOT_URL not in (result.error or "")
    await sender.close()


async def test_a_robot_post_connects_to_the_address_it_checked(dns):
    # The request goes to the address that was checked, not to whatever the name resolves
    # to a moment later; the robot still sees its own name (Host header, TLS SNI).
    settings = Settings(environment="test", webhook_allow_private_targets=False)
    dns[ROBOT_HOST] = [PUBLIC]
    seen: list[httpx.Request] = []
    sender = _recording_sender(settings, seen)
    result = await sender.send(RobotTarget("wecom", ROBOT_URL, None), "title", "body")
    assert result.ok, result
    (request,) = seen
    assert request.url.host == PUBLIC and request.url.port in (None, 443)
    assert request.url.params["key"] == WECOM_KEY
    assert request.headers["host"] == ROBOT_HOST
    assert request.extensions["sni_hostname"] == ROBOT_HOST
    assert json.loads(request.content)["msgtype"] == "markdown"
    await sender.close()


async def test_a_robot_on_an_internationalised_name_gets_its_post(dns):
    # A host name in Chinese (or any non-ASCII one) goes out in its ASCII form (IDNA) in the
    # Host header and the TLS name: httpx refused to send the name as written.
    settings = Settings(environment="test", webhook_allow_private_targets=False)
    name = "机器人.例子.公司"
    dns[name] = [PUBLIC]
    seen: list[httpx.Request] = []
    sender = _recording_sender(settings, seen)
    url = f"https://{name}:8443/cgi-bin/webhook/send?key={WECOM_KEY}"
    result = await sender.send(RobotTarget("wecom", url, None), "title", "body")
    assert result.ok, result
    (request,) = seen
    ascii_name = name.encode("idna").decode()
    assert request.headers["host"] == f"{ascii_name}:8443"
    assert request.extensions["sni_hostname"] == ascii_name
    await sender.close()


async def test_a_robot_dripping_its_answer_is_cut_off_at_the_posts_deadline():
    # Each byte comes inside the read timeout, so per-read timeouts never fire: the post
    # as a whole has a deadline (3 x NOTIFY_ROBOT_TIMEOUT_SECONDS + 1 s), past which the
    # outcome is unknown (the message went out).
    sender = _sender(0.3)
    assert sender.settings.robot_attempt_seconds == 1.9
    loop = asyncio.get_running_loop()
    slow = b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 40
    try:
        async with raw_receiver(slow, per_byte_seconds=0.2) as base:
            started = loop.time()
            target = RobotTarget("wecom", f"{base}/send?key={WECOM_KEY}", None)
            result = await sender.send(target, "title", "body")
            took = loop.time() - started
    finally:
        await sender.close()
    assert not result.ok and result.unknown and not result.permanent, result
    assert "within 1.9 s" in (result.error or "") and WECOM_KEY not in (result.error or "")
    assert took < 4  # the drip lasts 13 s


class _Stalling(httpx.AsyncBaseTransport):
    """Reports httpcore's progress events up to `last`, then never goes on (a handshake,
    or an answer, that never comes)."""

    def __init__(self, last: str) -> None:
        self.events = [
            "connection.connect_tcp.started",
            "connection.connect_tcp.complete",
            "connection.start_tls.started",
            "connection.start_tls.complete",
            "http11.send_request_headers.started",
            "http11.send_request_headers.complete",
            "http11.send_request_body.started",
        ]
        self.events = self.events[: self.events.index(last) + 1]

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        trace = request.extensions["trace"]
        for event in self.events:
            await trace(event, {})
        await asyncio.sleep(60)
        raise AssertionError("the deadline should have passed")


@pytest.mark.parametrize(
    ("last", "unknown"),
    [("connection.start_tls.started", False), ("http11.send_request_headers.started", True)],
    ids=["stalled shaking hands: nothing sent", "stalled once sending: may have gone out"],
)
async def test_a_post_past_its_deadline_is_unknown_only_once_it_began_to_go_out(last, unknown):
    # A connection that takes the whole deadline to open (a TLS handshake dripping in,
    # each part inside the read timeout) sent nothing: the notice is tried again, not
    # left for HR to check as "unknown".
    settings = Settings(environment="test", robot_timeout_seconds=0.1)
    sender = RobotSender(settings, client=httpx.AsyncClient(transport=_Stalling(last)))
    target = RobotTarget("wecom", f"http://127.0.0.1:9/send?key={WECOM_KEY}", None)
    result = await sender.send(target, "title", "body")
    await sender.close()
    assert not result.ok and not result.permanent, result
    assert result.unknown is unknown, result
    if not unknown:
        assert "nothing was sent" in (result.error or "") and "1.3 s" in (result.error or "")


async def test_an_unforeseen_error_fails_its_notice_not_the_batch(servers):
    # An error nobody foresaw (a control character in the URL made httpx raise InvalidURL
    # before the rules refused it) raised out of send(): the dispatcher then recorded every
    # notice of the batch, emails and SMS too, as unknown with the exception's text.
    def explode(request: httpx.Request) -> httpx.Response:
        raise RuntimeError(f"unforeseen while posting to {request.url}")

    client = httpx.AsyncClient(transport=httpx.MockTransport(explode))
    sender = RobotSender(Settings(environment="test"), client=client)
    result = await sender.send(_target(servers, "wecom"), "title", "body")
    assert not result.ok and result.unknown and not result.permanent, result
    assert result.error == (
        "delivery outcome unknown: posting to the wecom robot failed (RuntimeError)"
    )
    url = servers.url("wecom").replace("/send?", "/se\x01nd?")
    result = await sender.send(RobotTarget("wecom", url, None), "title", "body")
    assert result.permanent and "(rule: url)" in (result.error or ""), result
    assert servers.received == [] and servers.refused == []
    await sender.close()


async def test_a_name_slow_to_resolve_is_within_the_posts_deadline(servers, monkeypatch):
    # The deadline counts from before the name is resolved: a resolver that takes its
    # time (getaddrinfo retrying dead name servers) cannot hold a slot past it. Nothing
    # was sent, so the notice is tried again, not left unknown.
    async def slow(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        await asyncio.sleep(13)
        return [ipaddress.ip_address("127.0.0.1")]

    monkeypatch.setattr(targets, "resolve", slow)
    sender = _sender(0.3)
    url = servers.url("wecom").replace("127.0.0.1", "robot.test")
    loop = asyncio.get_running_loop()
    started = loop.time()
    result = await sender.send(RobotTarget("wecom", url, None), "title", "body")
    took = loop.time() - started
    assert not result.ok and not result.unknown and not result.permanent, result
    assert result.error == "wecom robot unreachable: its host does not resolve"
    assert took < 4 and servers.received == []
    await sender.close()


async def test_a_robot_post_takes_no_proxy_from_the_environment_and_no_redirect(
    servers, monkeypatch
):
    # A proxy would see the message and could reach what the checks refuse; a redirect
    # would go where no check looked (here: a 307 that keeps the method and the body).
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    sender = _sender()
    assert (await sender.send(_target(servers, "wecom"), "title", "body")).ok

    moved = (
        b"HTTP/1.1 307 Temporary Redirect\r\nLocation: " + servers.url("wecom").encode() + b"\r\n"
        b"Content-Length: 0\r\nConnection: close\r\n\r\n"
    )
    try:
        async with raw_receiver(moved) as base:
            target = RobotTarget("wecom", f"{base}/send?key=other-key", None)
            result = await sender.send(target, "title", "body")
    finally:
        await sender.close()
    assert not result.ok and result.permanent, result
    assert result.error == "wecom robot refused: HTTP 307"
    assert len(servers.received) == 1  # the first post only
