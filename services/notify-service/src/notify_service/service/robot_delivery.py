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
dropped) is `unknown` and never retried on our own; a refused connection, none made
within the post's deadline, 5xx, 429 or a rate-limit error code is retried; other
refusals are permanent. The webhook URL and the secret are credentials: they never appear
in errors or logs.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import re
import time
import urllib.parse
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import httpx
from sqlalchemy import select

from notify_service.config import Settings
from notify_service.db.alert_models import ChatRobot
from notify_service.db.models import Notification
from notify_service.service.delivery import DeliveryResult
from notify_service.service.targets import (
    NothingSent,
    TargetRefused,
    TargetUnresolvable,
    pinned_post,
)
from talentloop_shared.logging import get_logger
from talentloop_shared.ops.vault import Vault
from talentloop_shared.service import Runtime

log = get_logger(__name__)

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


MAX_ANSWER_BYTES = 16 * 1024
"""How much of a robot's answer is read: the providers answer a few dozen bytes of JSON."""


def _answer_code(body: bytes) -> int | str | None:
    """The error code a robot's answer carries (0 or None: accepted); ValueError when the
    answer is not a JSON object with a number or string for a code (a robot's never is:
    something else answered, or answered oddly)."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise ValueError("not JSON") from None
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    for key in ("errcode", "code", "StatusCode"):
        if key in data:
            code = data[key]
            if code is None or (isinstance(code, (int, str)) and not isinstance(code, bool)):
                return code
            raise ValueError("an error code that is not a number")
    return None


_CODE = re.compile(r"[0-9]{1,12}|-[0-9]{1,11}")
"""A provider's error code as it is recorded: ASCII digits ("²" and "٤" are digits too, to
`str.isdigit`; `int` refuses the first and the second is no provider's)."""


def _code_label(code: int | str) -> str:
    text = str(code)
    return text if _CODE.fullmatch(text) else "not a known code"


class RobotSender:
    """Posts alerts to robots over one pooled HTTP client, under the webhook targets' rules.

    Each post is checked and connected like a webhook attempt (`targets.pinned_post`): the
    robot's address is checked again at every send, not only when HR set the URL; no proxy
    from the environment, no redirect followed; one deadline for the whole exchange and at
    most `MAX_ANSWER_BYTES` of the answer read. What a failure records is ours (Readers see
    it): the status or the provider's numeric code, never the answer's words or the URL
    (its key is the robot's credential)."""

    def __init__(self, settings: Settings, client: httpx.AsyncClient | None = None) -> None:
        self.settings = settings
        self.client = client or httpx.AsyncClient(
            timeout=settings.robot_timeout_seconds, trust_env=False, follow_redirects=False
        )

    async def send(self, target: RobotTarget, title: str, body: str) -> DeliveryResult:
        """Post one message; the outcome as the dispatcher records it. Never raises: an
        error nobody foresaw (a URL httpx cannot build, a bug) is this notice's unknown
        outcome, not the whole batch's, and only its kind is recorded or logged (its text
        may hold the URL)."""
        try:
            return await self._post(target, title, body)
        except Exception as exc:
            name = type(exc).__name__
            log.error("robot.send_error", provider=target.provider, error=name)
            return DeliveryResult(
                False,
                f"delivery outcome unknown: posting to the {target.provider} robot failed ({name})",
                unknown=True,
            )

    async def _post(self, target: RobotTarget, title: str, body: str) -> DeliveryResult:
        url, message = robot_request(target, title, body)
        robot = f"{target.provider} robot"
        try:
            answer = await pinned_post(
                self.client,
                self.settings,
                url,
                content=json.dumps(message, ensure_ascii=False).encode(),
                headers={"content-type": "application/json"},
                deadline=self.settings.robot_attempt_seconds,
                max_bytes=MAX_ANSWER_BYTES,
            )
        except TargetRefused as exc:
            return DeliveryResult(False, f"{robot}: {exc}", permanent=True)
        except TargetUnresolvable:
            return DeliveryResult(False, f"{robot} unreachable: its host does not resolve")
        except NothingSent:
            return DeliveryResult(
                False,
                f"{robot} unreachable: no connection within "
                f"{self.settings.robot_attempt_seconds:g} s; nothing was sent",
            )
        except TimeoutError:
            return DeliveryResult(
                False,
                f"delivery outcome unknown: no whole answer from the {robot} within "
                f"{self.settings.robot_attempt_seconds:g} s",
                unknown=True,
            )
        except (httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError) as exc:
            return DeliveryResult(
                False,
                f"delivery outcome unknown: no answer from the {robot} ({type(exc).__name__})",
                unknown=True,
            )
        except httpx.HTTPError as exc:
            return DeliveryResult(False, f"{robot} unreachable ({type(exc).__name__})")
        status = answer.status_code
        if status >= 500 or status in (408, 429):
            return DeliveryResult(False, f"{robot} answered {status}")
        if not 200 <= status < 300:
            # The status only: an answer's text is the target's, and a URL that is not a
            # robot's would have it read back to us here.
            return DeliveryResult(False, f"{robot} refused: HTTP {status}", permanent=True)
        try:
            if answer.truncated:
                raise ValueError("longer than a robot's answer")
            code = _answer_code(answer.body)
        except ValueError:
            return DeliveryResult(
                False,
                f"delivery outcome unknown: the {robot} answered HTTP {status} with something "
                "that is not a robot's answer",
                unknown=True,
            )
        if code in (0, "0", None):
            return DeliveryResult(True, reference=f"{target.provider}:{uuid.uuid4().hex[:12]}")
        assert code is not None
        label = _code_label(code)
        limited = bool(_CODE.fullmatch(label)) and int(label) in _RATE_LIMITED[target.provider]
        return DeliveryResult(False, f"{robot} refused: error code {label}", permanent=not limited)

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
