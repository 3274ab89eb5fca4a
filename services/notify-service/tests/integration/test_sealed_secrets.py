"""The secrets notify keeps to sign and to post are sealed in its database: a dump or a
read-only SQL account does not hand them out; older rows in clear are sealed at start-up;
the at-rest secret rotates."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from sqlalchemy import select

from notify_service.db.alert_models import ChatRobot
from notify_service.db.webhooks import WebhookSubscription
from notify_service.service.sealing import seal_stored_secrets
from notify_service.service.state import notify_state
from talentloop_shared.ops.vault import Vault, is_sealed
from talentloop_shared.testing.harness import RunningService

Auth = Callable[..., dict[str, str]]
TOKEN = "very-secret-robot-key"


async def _rows(svc: RunningService, sub_id: str, robot_id: str) -> tuple[list[str | None], ...]:
    async with svc.runtime.session_factory() as session:
        sub = await session.get(WebhookSubscription, uuid.UUID(sub_id))
        robot = await session.get(ChatRobot, uuid.UUID(robot_id))
        assert sub is not None and robot is not None
        return [sub.secret, sub.previous_secret], [robot.webhook_url, robot.secret]


async def _create(svc: RunningService, hr: dict[str, str]) -> tuple[dict, dict]:
    sub = await svc.client.post(
        "/api/v1/webhook-subscriptions",
        headers=hr,
        # Off, both: nothing later in the session is delivered to them.
        json={
            "url": "http://127.0.0.1:9/hooks/sealed",
            "event_types": ["candidate-hired"],
            "active": False,
        },
    )
    robot = await svc.client.post(
        "/api/v1/chat-robots",
        headers=hr,
        json={
            "name": "招聘群",
            "scope": "position",
            "scope_id": f"pos-{uuid.uuid4().hex[:6]}",
            "provider": "dingtalk",
            "webhook_url": f"https://oapi.dingtalk.com/robot/send?access_token={TOKEN}",
            "secret": "SEC-dingtalk-signing",
            "enabled": False,
        },
    )
    assert sub.status_code == 201 and robot.status_code == 201, (sub.text, robot.text)
    return sub.json(), robot.json()


async def test_what_signs_and_posts_is_stored_sealed(svc: RunningService, auth: Auth) -> None:
    hr = auth("hr_admin")
    sub, robot = await _create(svc, hr)
    rotated = await svc.client.post(
        f"/api/v1/webhook-subscriptions/{sub['id']}/rotate-secret", headers=hr
    )
    assert rotated.status_code == 200, rotated.text
    (secret, previous), (url, robot_secret) = await _rows(svc, sub["id"], robot["id"])
    stored = [secret, previous, url, robot_secret]
    assert all(value is not None and is_sealed(value) for value in stored), stored
    joined = " ".join(v or "" for v in stored)
    for clear in (sub["secret"], rotated.json()["secret"], TOKEN, "SEC-dingtalk-signing"):
        assert clear not in joined
    vault = notify_state(svc.runtime).vault
    assert vault.open(secret or "") == rotated.json()["secret"]
    assert vault.open(previous or "") == sub["secret"]
    assert TOKEN in vault.open(url or "")
    # HR still sees where the robot posts, never the token.
    read = await svc.client.get(f"/api/v1/chat-robots/{robot['id']}", headers=hr)
    assert read.json()["webhook_host"] == "oapi.dingtalk.com" and TOKEN not in read.text


async def test_rows_stored_in_clear_are_sealed_at_start_up(svc: RunningService) -> None:
    sub_id, robot_id = uuid.uuid4(), uuid.uuid4()
    url = f"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={TOKEN}"
    async with svc.runtime.session_factory() as session:  # as an older version wrote them
        session.add(
            WebhookSubscription(
                id=sub_id,
                url="http://127.0.0.1:9/hooks/old",
                event_types=None,
                active=False,
                secret="whsec_written_in_clear",
                version=1,
                created_by="hr",
                updated_by="hr",
            )
        )
        session.add(
            ChatRobot(
                id=robot_id,
                name="old",
                scope="position",  # a position no other test has, and off: alerts go on
                scope_id=f"pos-{uuid.uuid4().hex[:6]}",  # reaching only the other tests' robots
                enabled=False,
                provider="wecom",
                webhook_url=url,
                locale="zh-CN",
                timezone="Asia/Shanghai",
                updated_by="hr",
            )
        )
        await session.commit()

    assert await seal_stored_secrets(svc.runtime) >= 2
    (secret, _), (stored_url, _) = await _rows(svc, str(sub_id), str(robot_id))
    vault = notify_state(svc.runtime).vault
    assert secret and stored_url and is_sealed(secret) and is_sealed(stored_url)
    assert vault.open(secret) == "whsec_written_in_clear" and vault.open(stored_url) == url
    async with svc.runtime.session_factory() as session:
        host = await session.scalar(select(ChatRobot.webhook_host).where(ChatRobot.id == robot_id))
    assert host == "qyapi.weixin.qq.com"
    assert await seal_stored_secrets(svc.runtime) == 0  # nothing left in clear


async def test_the_at_rest_secret_rotates(
    svc: RunningService, auth: Auth, monkeypatch: pytest.MonkeyPatch
) -> None:
    sub, robot = await _create(svc, auth("hr_admin"))
    state = notify_state(svc.runtime)
    current, new = svc.runtime.settings.at_rest_secret, "n" * 64
    monkeypatch.setattr(state, "vault", Vault([new, current]))  # the new one, the old opens
    assert await seal_stored_secrets(svc.runtime) >= 2
    (secret, _), (url, _) = await _rows(svc, sub["id"], robot["id"])
    assert Vault([new]).open(secret or "") == sub["secret"]  # the old secret is not needed
    assert TOKEN in Vault([new]).open(url or "")
    # And back, so the rest of the session reads its rows with the service's own secret.
    monkeypatch.setattr(state, "vault", Vault([current, new]))
    await seal_stored_secrets(svc.runtime)
    (secret, _), _ = await _rows(svc, sub["id"], robot["id"])
    assert Vault([current]).open(secret or "") == sub["secret"]
