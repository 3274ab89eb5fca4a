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
import time
import uuid

import structlog
from starlette.datastructures import Headers, MutableHeaders
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

    def _limit(self, headers: Headers) -> int:
        content_type = headers.get("content-type", "").lower()
        if content_type.startswith(_UPLOAD_TYPES):
            return self.max_upload_bytes
        return self.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        request_id = (headers.get("x-request-id") or "")[:64] or uuid.uuid4().hex
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(service=self.service, request_id=request_id)
        traceparent = new_traceparent(headers.get("traceparent"))
        bind_traceparent(traceparent)
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                out = MutableHeaders(scope=message)
                out["X-Request-ID"] = request_id
                out["traceparent"] = traceparent
                out.setdefault("X-Content-Type-Options", "nosniff")
                if out.get("content-type", "").startswith("text/html"):
                    for name, value in HTML_SECURITY_HEADERS.items():
                        out.setdefault(name, value)
            await send(message)

        limit = self._limit(headers)
        try:
            declared = headers.get("content-length")
            if declared is not None and declared.isdigit() and int(declared) > limit:
                # Refused before a byte of it is read, let alone parsed.
                await self._send_too_large(send_wrapper, limit)
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
        HTTP_REQUESTS.labels(self.service, method, route_path, status).inc()
        HTTP_LATENCY.labels(self.service, method, route_path).observe(elapsed)
        if scope.get("path") not in _QUIET:
            log.info(
                "http.request",
                method=method,
                route=route_path,
                status=status,
                ms=round(elapsed * 1000, 1),
            )
