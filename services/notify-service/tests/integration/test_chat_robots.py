"""The team-chat robot adapters against a real HTTP server on loopback that verifies each
provider's key or signature with its own implementation of the documented algorithm."""

from __future__ import annotations

import pytest
from chat_testkit import (
    DINGTALK_SECRET,
    FEISHU_SECRET,
    WECOM_KEY,
    RobotServers,
    message_text,
    robot_servers,
)

from notify_service.config import Settings
from notify_service.service.robot_delivery import MAX_ANSWER_BYTES, RobotSender, RobotTarget


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


async def test_a_refusal_records_the_code_never_the_robots_words(servers):
    servers.raw_answer = b'{"errcode": 93000, "errmsg": "invalid key=SECRET-ish words"}'
    sender = _sender()
    result = await sender.send(_target(servers, "wecom"), "title", "body")
    assert not result.ok and result.permanent
    assert result.error == "wecom robot refused: error code 93000"
    await sender.close()
