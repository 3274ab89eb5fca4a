"""The request-context layer's response headers, in one pass, are exactly what the
`MutableHeaders` assignments it replaced produced (values, duplicates and order)."""

from __future__ import annotations

import random

from starlette.datastructures import MutableHeaders

from talentloop_shared.http.middleware import HTML_SECURITY_HEADERS, _with_context_headers

ADDED = [(b"x-request-id", b"rid"), (b"traceparent", b"00-trace-span-01")]
POOL = [
    (b"content-type", b"application/json"),
    (b"content-type", b"text/html; charset=utf-8"),
    (b"x-request-id", b"the app's"),
    (b"x-request-id", b"another"),
    (b"traceparent", b"the app's"),
    (b"x-content-type-options", b"other"),
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"content-security-policy", b"default-src 'self'"),
    (b"referrer-policy", b"origin"),
    (b"etag", b'"1"'),
    (b"content-length", b"3"),
]


def _assigned(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    message = {"headers": list(headers)}
    out = MutableHeaders(scope=message)
    out["X-Request-ID"] = "rid"
    out["traceparent"] = "00-trace-span-01"
    out.setdefault("X-Content-Type-Options", "nosniff")
    if out.get("content-type", "").startswith("text/html"):
        for name, value in HTML_SECURITY_HEADERS.items():
            out.setdefault(name, value)
    return list(message["headers"])


def test_the_same_headers_as_mutable_headers_for_any_response() -> None:
    rnd = random.Random(17)
    for _ in range(5000):
        headers = [rnd.choice(POOL) for _ in range(rnd.randint(0, 7))]
        assert _with_context_headers(headers, ADDED) == _assigned(headers), headers
