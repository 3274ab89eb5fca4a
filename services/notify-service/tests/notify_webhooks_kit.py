"""A real webhook receiver on loopback for the notify-service tests (http.server in a
thread): it verifies every delivery's signature with the `standardwebhooks` library and
answers what the test tells it to, per path."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from talentloop_shared.testing.plugin import eventually
from talentloop_shared.testing.smtp import free_port

HR_ALERTS = "hr-alerts@acme.example"


@dataclass
class Received:
    """One request the receiver got."""

    path: str
    headers: dict[str, str]
    body: bytes
    verified_with: list[str]  # the secrets (of those the path trusts) that verify it

    @property
    def event(self) -> dict[str, Any]:
        return dict(json.loads(self.body))

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]


@dataclass
class Receiver:
    """Paths → the secrets that verify them and the status code to answer."""

    port: int = field(default_factory=free_port)
    secrets: dict[str, list[str]] = field(default_factory=dict)
    status: dict[str, int] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def at(self, path: str) -> list[Received]:
        with self._lock:
            return [r for r in self.received if r.path == path]

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                headers = {k.lower(): v for k, v in self.headers.items()}
                verified = []
                for secret in receiver.secrets.get(self.path, []):
                    try:
                        Webhook(secret).verify(body, headers)
                        verified.append(secret)
                    except WebhookVerificationError:
                        pass
                with receiver._lock:
                    receiver.received.append(Received(self.path, headers, body, verified))
                code = receiver.status.get(self.path, 204)
                self.send_response(code)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None


async def wait_received(
    receiver: Receiver, path: str, count: int = 1, timeout: float = 15
) -> list[Received]:
    """Wait until `path` got at least `count` requests; return them."""

    async def probe() -> list[Received] | None:
        got = receiver.at(path)
        return got if len(got) >= count else None

    return await eventually(probe, timeout=timeout, message=f"{count} webhooks at {path}")


async def subscribe(
    client: httpx.AsyncClient,
    headers: dict[str, str],
    receiver: Receiver,
    path: str,
    event_types: list[str] | None,
) -> dict[str, Any]:
    """Create a subscription to `path` and teach the receiver its secret."""
    r = await client.post(
        "/api/v1/webhook-subscriptions",
        headers=headers,
        json={"url": receiver.url(path), "event_types": event_types, "description": path},
    )
    assert r.status_code == 201, r.text
    body = dict(r.json())
    receiver.secrets[path] = [body["secret"]]
    return body


async def deliveries(
    client: httpx.AsyncClient, headers: dict[str, str], subscription_id: str, **params: Any
) -> list[dict[str, Any]]:
    """A subscription's delivery log (first page)."""
    r = await client.get(
        f"/api/v1/webhook-subscriptions/{subscription_id}/deliveries",
        headers=headers,
        params=params,
    )
    assert r.status_code == 200, r.text
    return list(r.json()["items"])
