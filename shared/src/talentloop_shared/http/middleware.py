"""The request path every service shares, as pure ASGI middleware (no per-request task or
body copy, unlike `BaseHTTPMiddleware`):

- request id and W3C traceparent, bound to logs and carried into events;
- request size limits: a body over the limit gets 413 problem+json before it is parsed
  (JSON and forms 1 MiB by default, file uploads 20 MiB), whether it declares its length
  or streams without one;
- security headers on every response, and a strict Content-Security-Policy on HTML pages;
- one access-log line and the request metrics, by route template, never by raw path: a
  path can carry a secret (a survey token), and a route template cannot.
"""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Iterable
from typing import Any

import structlog
from starlette.middleware.body_limit import RequestBodyLimitResponder
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from talentloop_shared.logging import bind_traceparent, get_logger, new_traceparent
from talentloop_shared.metrics import HTTP_LATENCY, HTTP_REQUESTS

log = get_logger("talentloop.http")
_QUIET = frozenset({"/healthz", "/readyz", "/metrics"})
_UPLOAD_TYPES = ("multipart/form-data", "application/octet-stream", "text/csv")
_PROBLEM = "application/problem+json"

# HTML pages (the candidate's survey) load nothing from elsewhere and run no script.
HTML_SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


_HTML_HEADERS = tuple(
    (name.encode("latin-1"), value.encode("latin-1"))
    for name, value in HTML_SECURITY_HEADERS.items()
)
# At most this many labelled series are remembered (a client can send any method).
_MAX_SERIES = 1000


def _too_large(limit: int) -> bytes:
    return json.dumps(
        {
            "type": "https://talentloop.dev/problems/content-too-large",
            "title": "Content Too Large",
            "status": 413,
            "detail": f"the request body is larger than this endpoint accepts ({limit} bytes)",
            "max_bytes": limit,
        }
    ).encode()


class RequestContextMiddleware:
    """Binds request id and traceparent, limits bodies, sets security headers, logs and
    counts each request."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        service: str,
        max_body_bytes: int = 1024 * 1024,
        max_upload_bytes: int = 20 * 1024 * 1024,
    ) -> None:
        self.app = app
        self.service = service
        self.max_body_bytes = max_body_bytes
        self.max_upload_bytes = max_upload_bytes
        self._children: dict[tuple[str, str, int], tuple[Any, Any]] = {}

    def _limit(self, content_type: str) -> int:
        if content_type.lower().startswith(_UPLOAD_TYPES):
            return self.max_upload_bytes
        return self.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # One pass over the raw headers for the four this layer reads (the first of each,
        # as `Headers.get` would find it): this runs for every request of every service.
        given_id = parent = content_type = declared = None
        chunked = False
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                given_id = value if given_id is None else given_id
            elif name == b"traceparent":
                parent = value if parent is None else parent
            elif name == b"content-type":
                content_type = value if content_type is None else content_type
            elif name == b"content-length":
                declared = value if declared is None else declared
            elif name == b"transfer-encoding":
                chunked = True
        request_id = (given_id.decode("latin-1") if given_id else "")[:64] or secrets.token_hex(16)
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(service=self.service, request_id=request_id)
        traceparent = new_traceparent(parent.decode("latin-1") if parent else None)
        bind_traceparent(traceparent)
        started = time.perf_counter()
        status = 500
        added = [
            (b"x-request-id", request_id.encode("latin-1")),
            (b"traceparent", traceparent.encode("latin-1")),
        ]

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = _with_context_headers(message.get("headers", ()), added)
            await send(message)

        limit = self._limit(content_type.decode("latin-1") if content_type else "")
        try:
            length = declared.decode("latin-1") if declared is not None else None
            if length is not None and length.isdigit() and int(length) > limit:
                # Refused before a byte of it is read, let alone parsed.
                await self._send_too_large(send_wrapper, limit)
            elif not chunked and (length is None or length == "0"):
                # No body to count (HTTP/1.1: a body comes with a length or a transfer
                # coding; most requests are reads): no counting layer around the app.
                await self.app(scope, receive, send_wrapper)
            else:
                # Bodies without a declared length are counted as they stream; going over
                # raises Starlette's 413 inside the app, which the problem handlers render.
                await RequestBodyLimitResponder(self.app, limit)(scope, receive, send_wrapper)
        finally:
            self._observe(scope, status, time.perf_counter() - started)

    @staticmethod
    async def _send_too_large(send: Send, limit: int) -> None:
        body = _too_large(limit)
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", _PROBLEM.encode()),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def _observe(self, scope: Scope, status: int, elapsed: float) -> None:
        route = scope.get("route")
        route_path = getattr(route, "path", None) or "unmatched"
        method = scope.get("method", "")
        key = (method, route_path, status)
        children = self._children.get(key)
        if children is None:
            # The labelled series, looked up once per method, route template and status
            # (`labels()` takes a lock and builds the key on every call).
            children = (
                HTTP_REQUESTS.labels(self.service, method, route_path, status),
                HTTP_LATENCY.labels(self.service, method, route_path),
            )
            if len(self._children) < _MAX_SERIES:
                self._children[key] = children
        children[0].inc()
        children[1].observe(elapsed)
        if scope.get("path") not in _QUIET:
            log.info(
                "http.request",
                method=method,
                route=route_path,
                status=status,
                ms=round(elapsed * 1000, 1),
            )


def _with_context_headers(
    headers: Iterable[tuple[bytes, bytes]], added: list[tuple[bytes, bytes]]
) -> list[tuple[bytes, bytes]]:
    """The response headers with the request id and traceparent set (the first one the app
    set takes the new value in place, any later ones go; else appended), then
    `X-Content-Type-Options: nosniff` unless present, then on HTML the security headers not
    present: what the `MutableHeaders` assignments and `setdefault`s did, in one pass."""
    out: list[tuple[bytes, bytes]] = []
    replaced = [False, False]
    content_type: bytes | None = None
    present: set[bytes] = set()
    for name, value in headers:
        i = 0 if name == b"x-request-id" else 1 if name == b"traceparent" else -1
        if i >= 0:
            if not replaced[i]:
                out.append(added[i])
                replaced[i] = True
            continue
        if name == b"content-type" and content_type is None:
            content_type = value
        present.add(name)
        out.append((name, value))
    for i in (0, 1):
        if not replaced[i]:
            out.append(added[i])
    if b"x-content-type-options" not in present:
        out.append((b"x-content-type-options", b"nosniff"))
    if content_type is not None and content_type.decode("latin-1").startswith("text/html"):
        out.extend((name, value) for name, value in _HTML_HEADERS if name not in present)
    return out
