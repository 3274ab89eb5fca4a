"""Structured JSON logs with request id and W3C traceparent (structlog)."""

from __future__ import annotations

import contextvars
import logging
import secrets
import sys

import structlog

_traceparent: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "traceparent", default=None
)


def new_traceparent(parent: str | None = None) -> str:
    """A W3C traceparent: a child span of `parent` when given, else a new trace."""
    trace_id = None
    if parent:
        parts = parent.split("-")
        if len(parts) == 4 and len(parts[1]) == 32:
            trace_id = parts[1]
    return f"00-{trace_id or secrets.token_hex(16)}-{secrets.token_hex(8)}-01"


def current_traceparent() -> str | None:
    """The traceparent of the request or event being handled, if any."""
    return _traceparent.get()


def bind_traceparent(value: str | None) -> contextvars.Token[str | None]:
    """Make `value` the current traceparent (and log field) for this context."""
    structlog.contextvars.bind_contextvars(traceparent=value)
    return _traceparent.set(value)


def configure_logging(*, service: str, level: str = "INFO", json: bool = True) -> None:
    """Configure structlog and stdlib logging once per process."""
    processors: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: structlog.types.Processor
    if json:
        # Tracebacks as structured data for log search; the console renderer formats its own.
        processors.append(structlog.processors.dict_tracebacks)
        renderer = structlog.processors.JSONRenderer()
    else:
        renderer = structlog.dev.ConsoleRenderer()
    structlog.configure(
        processors=[*processors, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )
    structlog.contextvars.bind_contextvars(service=service)
    logging.basicConfig(level=level, stream=sys.stderr, format="%(message)s")
    for noisy in ("aiormq", "aio_pika"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def get_logger(name: str | None = None) -> structlog.stdlib.BoundLogger:
    """A structlog logger."""
    return structlog.get_logger(name)
