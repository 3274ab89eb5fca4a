"""Structured JSON logs with request id and W3C traceparent (structlog)."""

from __future__ import annotations

import contextvars
import logging
import re
import secrets
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog
from pydantic import ValidationError

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


# What a log line must never carry: a candidate's address, number or name, or a survey
# link (whoever holds it can answer as the candidate). Keys that hold such values are
# masked whole; free text is scrubbed by pattern.
REDACTED = "[redacted]"
_PERSONAL_KEYS = frozenset(
    {
        "email",
        "emails",
        "phone",
        "to",
        "cc",
        "recipient",
        "recipients",
        "name",
        "candidate_name",
        "survey_url",
        "survey_link",
        "survey_token",
        "token",
        "password",
        "authorization",
    }
)
_STRUCTURAL_KEYS = frozenset({"timestamp", "level", "event", "service", "request_id"})
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Numbers as we store them (E.164) and mainland mobiles as people type them.
_PHONE_RE = re.compile(r"(?<![\w+])\+\d{7,15}(?!\d)|(?<![\d.])1[3-9]\d{9}(?![\d.])")
_SURVEY_RE = re.compile(r"(/surveys?/)[A-Za-z0-9_-]{16,}")
_BEARER_RE = re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]{8,}")


# Each pattern runs only where the text could hold a match: most strings in a log line
# (routes, methods, ids) hold no '@', no seven digits in a row, no "bearer" and no survey
# path, and these checks cost a fraction of the four substitutions (the e-mail pattern
# backtracks at every word character).
_SEVEN_DIGITS_RE = re.compile(r"\d{7}")
_BEARER_WORD_RE = re.compile(r"(?i)bearer")


def scrub(text: str) -> str:
    """`text` with email addresses, phone numbers, survey tokens and bearer tokens masked."""
    if "/survey" in text:
        text = _SURVEY_RE.sub(r"\1" + REDACTED, text)
    if _BEARER_WORD_RE.search(text) is not None:
        text = _BEARER_RE.sub(r"\1" + REDACTED, text)
    if "@" in text:
        text = _EMAIL_RE.sub(REDACTED, text)
    if _SEVEN_DIGITS_RE.search(text) is None:
        return text
    return _PHONE_RE.sub(REDACTED, text)


def describe_error(error: BaseException, limit: int = 500) -> str:
    """An error as a log line or a header may carry it: what went wrong and where, never
    the values involved. A validation error's text quotes each input it refused (a name,
    an email address); it is told by field and message only. The engine hides statement
    parameters in database errors (`db.engine.create_engine`)."""
    if isinstance(error, ValidationError):
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or '(root)'}: {e['msg']}"
            for e in error.errors(include_url=False, include_context=False, include_input=False)
        )
        text = f"{error.error_count()} validation error(s) for {error.title}: {problems}"
    else:
        text = f"{type(error).__name__}: {error}"
    return scrub(text)[:limit]


def _redact_value(value: Any, depth: int = 0) -> Any:
    if isinstance(value, str):
        return scrub(value)
    if depth < 4 and isinstance(value, dict):
        return {
            k: REDACTED if str(k).lower() in _PERSONAL_KEYS else _redact_value(v, depth + 1)
            for k, v in value.items()
        }
    if depth < 4 and isinstance(value, list | tuple):
        return [_redact_value(v, depth + 1) for v in value]
    return value


def redact_personal_data(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: mask personal data and secrets in every field of a log line."""
    for key, value in list(event_dict.items()):
        if key in _STRUCTURAL_KEYS:
            continue
        if key.lower() in _PERSONAL_KEYS and value is not None:
            event_dict[key] = REDACTED
        else:
            event_dict[key] = _redact_value(value)
    return event_dict


# Whether loggers are built on their first call and kept (`keep_loggers`).
_keep_loggers = False


def keep_loggers() -> None:
    """For a process that configures logging once (a service's own command line): each
    module's logger is built on its first call and kept, so a call below the level costs
    ~1 µs instead of ~3 µs (every request makes a few). Not in a test process: its suite
    configures again, and captures output by swapping `sys.stderr`, test by test."""
    global _keep_loggers
    _keep_loggers = True


def configure_logging(*, service: str, level: str = "INFO", json: bool = True) -> None:
    """Configure structlog and stdlib logging once per process."""
    processors: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: structlog.types.Processor
    if json:
        # Tracebacks as structured data for log search, without local variables: a frame's
        # locals hold whatever it was working on (a candidate's name, an address).
        processors.append(
            structlog.processors.ExceptionRenderer(
                structlog.tracebacks.ExceptionDictTransformer(show_locals=False)
            )
        )
        renderer = structlog.processors.JSONRenderer()
    else:
        processors.append(structlog.processors.format_exc_info)
        renderer = structlog.dev.ConsoleRenderer(exception_formatter=structlog.dev.plain_traceback)
    processors.append(redact_personal_data)
    structlog.configure(
        processors=[*processors, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=_keep_loggers,
    )
    structlog.contextvars.bind_contextvars(service=service)
    logging.basicConfig(level=level, stream=sys.stderr, format="%(message)s")
    for noisy in ("aiormq", "aio_pika"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def get_logger(name: str | None = None) -> structlog.stdlib.BoundLogger:
    """A structlog logger."""
    return structlog.get_logger(name)
