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

from notify_service.service.robot_delivery import RobotSender, RobotTarget


@pytest.fixture
def servers():
    with robot_servers() as running:
        yield running


def _target(servers: RobotServers, provider: str, secret: str | None = None) -> RobotTarget:
    default = {"dingtalk": DINGTALK_SECRET, "feishu": FEISHU_SECRET}.get(provider)
    return RobotTarget(provider, servers.url(provider), secret or default)


@pytest.mark.parametrize("provider", ["wecom", "dingtalk", "feishu"])
async def test_a_message_reaches_the_robot_and_its_signature_verifies(servers, provider):
    sender = RobotSender(5.0)
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
    sender = RobotSender(5.0)
    wrong = "not-the-secret-123"
    result = await sender.send(_target(servers, provider, secret=wrong), "title", "body")
    assert not result.ok and result.permanent and not result.unknown
    assert servers.received == [] and servers.refused[0][0] == provider
    assert wrong not in (result.error or "")
    await sender.close()


async def test_a_robot_that_never_answers_is_unknown_not_retried(servers):
    servers.stall_seconds = 1.5
    sender = RobotSender(0.3)
    result = await sender.send(_target(servers, "wecom"), "title", "body")
    assert not result.ok and result.unknown and not result.permanent
    assert WECOM_KEY not in (result.error or "")
    await sender.close()


async def test_an_unreachable_robot_is_retried():
    sender = RobotSender(1.0)
    target = RobotTarget("wecom", f"http://127.0.0.1:9/cgi-bin/webhook/send?key={WECOM_KEY}", None)
    result = await sender.send(target, "title", "body")
    assert not result.ok and not result.permanent and not result.unknown
    assert WECOM_KEY not in (result.error or "")
    await sender.close()
