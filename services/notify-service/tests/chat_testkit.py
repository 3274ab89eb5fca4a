"""Local team-chat robot servers for the notify tests: a real HTTP server on 127.0.0.1
that checks each request the way WeCom, DingTalk and Feishu do (the key, the signed
timestamp, the signed body) with its own implementation of their documented algorithms,
and answers as they do."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

WECOM_KEY = "wecom-key-0f3a"
DINGTALK_TOKEN = "ding-access-token-77"
DINGTALK_SECRET = "SECd1ngta1k-s3cret"
FEISHU_SECRET = "feishu-s3cret-9"


@dataclass
class Received:
    """One request a robot server accepted (its signature verified)."""

    provider: str
    query: dict[str, str]
    body: dict[str, Any]


@dataclass
class RobotServers:
    """What the robot servers received; `base` is their address."""

    base: str
    received: list[Received] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    stall_seconds: float = 0.0  # > 0: read the request, then answer late (a read timeout)
    raw_answer: bytes | None = None  # set: the body of every answer (HTTP 200), as it is

    def of(self, provider: str) -> list[Received]:
        return [r for r in self.received if r.provider == provider]

    def url(self, provider: str) -> str:
        if provider == "wecom":
            return f"{self.base}/cgi-bin/webhook/send?key={WECOM_KEY}"
        if provider == "dingtalk":
            return f"{self.base}/robot/send?access_token={DINGTALK_TOKEN}"
        return f"{self.base}/open-apis/bot/v2/hook/feishu-hook-id"


def _b64_hmac(key: bytes, msg: bytes) -> str:
    return base64.b64encode(hmac.new(key, msg, hashlib.sha256).digest()).decode()


def _check(path: str, query: dict[str, str], body: dict[str, Any]) -> tuple[str, str | None]:
    """(provider, None) when the request is what the provider takes, else (provider, why)."""
    now = time.time()
    if path == "/cgi-bin/webhook/send":
        if query.get("key") != WECOM_KEY:
            return "wecom", "invalid webhook url"
        if body.get("msgtype") != "markdown" or not body.get("markdown", {}).get("content"):
            return "wecom", "not a markdown message"
        return "wecom", None
    if path == "/robot/send":
        if query.get("access_token") != DINGTALK_TOKEN:
            return "dingtalk", "token is not exist"
        ts = query.get("timestamp", "")
        expected = _b64_hmac(DINGTALK_SECRET.encode(), f"{ts}\n{DINGTALK_SECRET}".encode())
        if not ts.isdigit() or abs(now * 1000 - int(ts)) > 3_600_000:
            return "dingtalk", "timestamp is not within one hour"
        if query.get("sign") != expected:
            return "dingtalk", "sign not match"
        if body.get("msgtype") != "markdown" or not body["markdown"].get("title"):
            return "dingtalk", "not a markdown message"
        return "dingtalk", None
    if path == "/open-apis/bot/v2/hook/feishu-hook-id":
        ts = str(body.get("timestamp", ""))
        expected = _b64_hmac(f"{ts}\n{FEISHU_SECRET}".encode(), b"")
        if not ts.isdigit() or abs(now - int(ts)) > 3600:
            return "feishu", "timestamp is not within one hour from current time"
        if body.get("sign") != expected:
            return "feishu", "sign match fail"
        if body.get("msg_type") != "post":
            return "feishu", "not a post message"
        return "feishu", None
    return "unknown", "no such hook"


_REFUSALS = {
    "wecom": ("errcode", 93000),
    "dingtalk": ("errcode", 310000),
    "feishu": ("code", 19021),
}


@contextmanager
def robot_servers() -> Iterator[RobotServers]:
    """A robot server for all three providers on one loopback port."""
    state = RobotServers(base="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parts.query))
            raw = self.rfile.read(int(self.headers["Content-Length"]))
            body = json.loads(raw)
            provider, why = _check(parts.path, query, body)
            if state.stall_seconds:
                time.sleep(state.stall_seconds)
                return
            if why is None:
                state.received.append(Received(provider, query, body))
                key = "code" if provider == "feishu" else "errcode"
                answer: dict[str, Any] = {key: 0, "errmsg" if key == "errcode" else "msg": "ok"}
            else:
                state.refused.append((provider, why))
                key, code = _REFUSALS.get(provider, ("errcode", 404))
                answer = {key: code, "errmsg" if key == "errcode" else "msg": why}
            payload = json.dumps(answer).encode() if state.raw_answer is None else state.raw_answer
            self.send_response(200)  # the providers answer errors with 200 and a code
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def message_text(received: Received) -> str:
    """The readable text of a message, whatever the provider's format."""
    if received.provider == "wecom":
        return str(received.body["markdown"]["content"])
    if received.provider == "dingtalk":
        return str(received.body["markdown"]["text"])
    post = received.body["content"]["post"]["zh_cn"]
    lines = ["".join(part["text"] for part in line) for line in post["content"]]
    return post["title"] + "\n" + "\n".join(lines)
