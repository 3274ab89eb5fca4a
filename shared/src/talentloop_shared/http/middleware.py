"""Request ids, W3C traceparent, access logs and request metrics."""

from __future__ import annotations

import time
import uuid

import structlog
from fastapi import FastAPI, Request, Response
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from talentloop_shared.logging import bind_traceparent, get_logger, new_traceparent
from talentloop_shared.metrics import HTTP_LATENCY, HTTP_REQUESTS

log = get_logger("talentloop.http")
_QUIET = {"/healthz", "/readyz", "/metrics"}


class RequestContextMiddleware(BaseHTTPMiddleware):
    """Binds request id and traceparent to logs and events; logs and counts each request."""

    def __init__(self, app: FastAPI, *, service: str) -> None:
        super().__init__(app)
        self.service = service

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        request_id = request.headers.get("x-request-id") or uuid.uuid4().hex
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(service=self.service, request_id=request_id)
        incoming = request.headers.get("traceparent")
        traceparent = new_traceparent(incoming)
        bind_traceparent(traceparent)
        started = time.perf_counter()
        response = await call_next(request)
        elapsed = time.perf_counter() - started
        route = request.scope.get("route")
        route_path = getattr(route, "path", "unmatched")
        HTTP_REQUESTS.labels(self.service, request.method, route_path, response.status_code).inc()
        HTTP_LATENCY.labels(self.service, request.method, route_path).observe(elapsed)
        response.headers["X-Request-ID"] = request_id
        response.headers["traceparent"] = traceparent
        if request.url.path not in _QUIET:
            log.info(
                "http.request",
                method=request.method,
                path=request.url.path,
                status=response.status_code,
                ms=round(elapsed * 1000, 1),
            )
        return response
