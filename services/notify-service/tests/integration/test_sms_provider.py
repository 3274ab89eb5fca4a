"""The JSON SMS adapter against a real HTTP server on loopback."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer, ThreadingHTTPServer
from typing import Any

import pytest

from notify_service.config import Settings
from notify_service.service.delivery import JsonSmsGateway, sms_gateway


class Provider:
    """Records requests; answers with the status queued in `replies`."""

    def __init__(self) -> None:
        self.requests: list[tuple[dict[str, str], dict[str, Any]]] = []
        self.replies: list[tuple[int, dict[str, Any]]] = []


@pytest.fixture
def provider() -> Iterator[tuple[Provider, str]]:
    state = Provider()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            state.requests.append((dict(self.headers), json.loads(self.rfile.read(length))))
            status, body = state.replies.pop(0) if state.replies else (200, {"id": "sms-1"})
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield state, f"http://127.0.0.1:{server.server_port}/v1/messages"
    server.shutdown()


def _gateway(url: str) -> JsonSmsGateway:
    gateway = sms_gateway(Settings(sms_url=url, sms_token="secret-token", sms_sender="ACME"))
    assert isinstance(gateway, JsonSmsGateway)
    return gateway


async def test_message_reaches_the_provider_with_token_and_reference(provider) -> None:
    state, url = provider
    result = await _gateway(url).send(to="+8613800138000", text="感谢您的面试", reference="n-1")
    assert result.ok and result.reference == "sms-1"
    headers, body = state.requests[0]
    assert headers["Authorization"] == "Bearer secret-token"
    assert body == {
        "to": "+8613800138000",
        "text": "感谢您的面试",
        "reference": "n-1",
        "sender": "ACME",
    }


async def test_provider_errors_are_transient_or_permanent(provider) -> None:
    state, url = provider
    state.replies = [
        (503, {"error": "busy"}),
        (400, {"error": "bad number"}),
        (429, {"error": "slow down"}),
    ]
    gateway = _gateway(url)
    busy = await gateway.send(to="+8613800138000", text="x", reference="n-2")
    bad = await gateway.send(to="+86000", text="x", reference="n-3")
    throttled = await gateway.send(to="+8613800138000", text="x", reference="n-4")
    assert not busy.ok and not busy.permanent and "503" in (busy.error or "")
    assert not bad.ok and bad.permanent and "bad number" in (bad.error or "")
    assert not throttled.ok and not throttled.permanent


async def test_unreachable_provider_is_a_transient_failure() -> None:
    gateway = _gateway("http://127.0.0.1:9/nothing-listens-here")
    result = await gateway.send(to="+8613800138000", text="x", reference="n-5")
    assert not result.ok and not result.permanent and "unreachable" in (result.error or "")
    assert not result.unknown  # the request never went out: retrying is safe


@pytest.fixture
def unanswering_provider() -> Iterator[tuple[list[dict[str, Any]], str]]:
    """A provider that reads the whole request, then never answers (it waits, or hangs up)."""
    received: list[dict[str, Any]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            received.append(json.loads(self.rfile.read(length)))
            if self.path.endswith("/hang-up"):
                self.close_connection = True  # no status line, no body
                return
            time.sleep(2)  # longer than the client waits for the answer

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield received, f"http://127.0.0.1:{server.server_port}/v1/messages"
    server.shutdown()


@pytest.mark.parametrize("path", ["", "/hang-up"], ids=["read timeout", "hung up"])
async def test_no_answer_after_the_request_went_out_is_unknown(unanswering_provider, path):
    received, url = unanswering_provider
    gateway = sms_gateway(Settings(sms_url=url + path, sms_timeout_seconds=0.5))
    result = await gateway.send(to="+8613800138000", text="x", reference="n-6")
    assert received == [{"to": "+8613800138000", "text": "x", "reference": "n-6"}]
    assert not result.ok and result.unknown and not result.permanent
    assert "outcome unknown" in (result.error or "")
