"""Team-chat group robots: WeCom (企业微信), DingTalk (钉钉) and Feishu (飞书) webhooks.

- WeCom group robot: POST {"msgtype": "markdown", "markdown": {"content": …}} to the
  webhook URL (its `key` is the credential); answer {"errcode": 0}.
- DingTalk custom robot, signed: `timestamp` (ms) and `sign` =
  urlencode(base64(HMAC-SHA256(key=secret, msg=f"{timestamp}\\n{secret}"))) added to the
  webhook's query; body {"msgtype": "markdown", "markdown": {"title", "text"}}; answer
  {"errcode": 0}.
- Feishu custom bot, signed: body carries `timestamp` (s) and `sign` =
  base64(HMAC-SHA256(key=f"{timestamp}\\n{secret}", msg=b"")), msg_type "post"; answer
  {"code": 0}.

Like the SMS adapters: no answer after the request went out (read timeout, connection
dropped) is `unknown` and never retried on our own; a refused connection, 5xx, 429 or a
rate-limit error code is retried; other refusals are permanent. The webhook URL and the
secret are credentials: they never appear in errors or logs.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import time
import urllib.parse
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import httpx
from sqlalchemy import select

from notify_service.db.alert_models import ChatRobot
from notify_service.db.models import Notification
from notify_service.service.delivery import DeliveryResult
from talentloop_shared.ops.vault import Vault
from talentloop_shared.service import Runtime

RobotProvider = Literal["wecom", "dingtalk", "feishu"]
ROBOT_PROVIDERS: tuple[RobotProvider, ...] = ("wecom", "dingtalk", "feishu")

# Error codes meaning "too many messages, try later" (everything else is permanent).
_RATE_LIMITED = {"wecom": {45009}, "dingtalk": {130101, 660026}, "feishu": {9499, 11232}}


@dataclass(frozen=True, slots=True)
class RobotTarget:
    """What sending to one robot needs (a detached copy of the row)."""

    provider: str
    webhook_url: str
    secret: str | None


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's `sign` (before URL-encoding)."""
    mac = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256)
    return base64.b64encode(mac.digest()).decode()


def feishu_sign(secret: str, timestamp_s: int) -> str:
    """Feishu's `sign`: the HMAC key is the string to sign, the message is empty."""
    mac = hmac.new(f"{timestamp_s}\n{secret}".encode(), b"", hashlib.sha256)
    return base64.b64encode(mac.digest()).decode()


def _with_query(url: str, extra: dict[str, str]) -> str:
    parts = urllib.parse.urlsplit(url)
    query = urllib.parse.urlencode(extra)
    joined = f"{parts.query}&{query}" if parts.query else query
    return urllib.parse.urlunsplit(parts._replace(query=joined))


def robot_request(
    target: RobotTarget, title: str, body: str, *, now: float | None = None
) -> tuple[str, dict[str, Any]]:
    """The URL and JSON body a provider takes for one message."""
    now = time.time() if now is None else now
    if target.provider == "wecom":
        return target.webhook_url, {
            "msgtype": "markdown",
            "markdown": {"content": f"### {title}\n{body}"},
        }
    if target.provider == "dingtalk":
        url = target.webhook_url
        if target.secret:
            ts = int(now * 1000)
            url = _with_query(url, {"timestamp": str(ts), "sign": dingtalk_sign(target.secret, ts)})
        markdown = {"title": title, "text": f"### {title}\n\n{body}"}
        return url, {"msgtype": "markdown", "markdown": markdown}
    if target.provider == "feishu":
        content: dict[str, Any] = {
            "post": {
                "zh_cn": {
                    "title": title,
                    "content": [[{"tag": "text", "text": line}] for line in body.split("\n")],
                }
            }
        }
        message: dict[str, Any] = {"msg_type": "post", "content": content}
        if target.secret:
            ts = int(now)
            message = {"timestamp": str(ts), "sign": feishu_sign(target.secret, ts), **message}
        return target.webhook_url, message
    raise ValueError(f"unknown robot provider {target.provider!r}")


class RobotSender:
    """Posts alerts to robots over one pooled HTTP client."""

    def __init__(self, timeout_seconds: float, client: httpx.AsyncClient | None = None) -> None:
        # No proxy from the environment, no redirect followed: the post goes to the address
        # HR gave (checked against the webhook targets' rules when it was set).
        self.client = client or httpx.AsyncClient(
            timeout=timeout_seconds, trust_env=False, follow_redirects=False
        )

    def _scrub(self, message: str, target: RobotTarget) -> str:
        for secret in (target.webhook_url, target.secret):
            if secret:
                message = message.replace(secret, "<redacted>")
        return message[:500]

    async def send(self, target: RobotTarget, title: str, body: str) -> DeliveryResult:
        """Post one message; the outcome as the dispatcher records it."""
        url, message = robot_request(target, title, body)
        try:
            response = await self.client.post(url, json=message)
        except (httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError) as exc:
            return DeliveryResult(
                False,
                self._scrub(
                    f"delivery outcome unknown: no answer from the {target.provider} robot "
                    f"({type(exc).__name__})",
                    target,
                ),
                unknown=True,
            )
        except httpx.HTTPError as exc:
            return DeliveryResult(
                False,
                self._scrub(f"{target.provider} robot unreachable: {exc!r}", target),
            )
        if response.status_code >= 500 or response.status_code in (408, 429):
            return DeliveryResult(False, f"{target.provider} robot answered {response.status_code}")
        if not response.is_success:
            return DeliveryResult(
                False,
                self._scrub(
                    # The status only: an answer's text is the target's, and a URL
                    # that is not a robot's would have it read back to us here.
                    f"{target.provider} robot refused: HTTP {response.status_code}",
                    target,
                ),
                permanent=True,
            )
        try:
            data = response.json()
        except ValueError:
            data = {}
        code = data.get("errcode", data.get("code", data.get("StatusCode", 0)))
        if code in (0, None):
            return DeliveryResult(True, reference=f"{target.provider}:{uuid.uuid4().hex[:12]}")
        message_text = str(data.get("errmsg") or data.get("msg") or "")[:200]
        return DeliveryResult(
            False,
            self._scrub(f"{target.provider} robot refused: {code} {message_text}", target),
            permanent=code not in _RATE_LIMITED.get(target.provider, set()),
        )

    async def close(self) -> None:
        """Close the HTTP client."""
        await self.client.aclose()


async def send_chat_batch(
    rt: Runtime,
    sender: RobotSender,
    notices: Sequence[Notification],
    *,
    concurrency: int,
    vault: Vault,
) -> list[DeliveryResult]:
    """Deliver chat notices (recipient = robot id); a robot deleted or switched off since
    the alert was written fails its notice for good."""
    ids = []
    for n in notices:
        try:
            ids.append(uuid.UUID(n.recipient or ""))
        except ValueError:
            continue
    async with rt.session_factory() as session:
        rows = (await session.scalars(select(ChatRobot).where(ChatRobot.id.in_(ids)))).all()
        targets = {
            str(r.id): RobotTarget(
                r.provider, vault.open(r.webhook_url), vault.open_optional(r.secret)
            )
            for r in rows
            if r.enabled
        }
        await session.rollback()
    sem = asyncio.Semaphore(max(1, concurrency))

    async def one(n: Notification) -> DeliveryResult:
        target = targets.get(n.recipient or "")
        if target is None:
            return DeliveryResult(False, "the chat robot was deleted or disabled", permanent=True)
        async with sem:
            return await sender.send(target, n.subject or "", n.body_text or "")

    return list(await asyncio.gather(*(one(n) for n in notices)))
