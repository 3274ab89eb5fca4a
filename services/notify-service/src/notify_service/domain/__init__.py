"""notify-service domain: pure rules for notices (no database, broker, HTTP or SMTP).

- `templates`: choose a template, build the context from an event, render, validate.
- `defaults`: the shipped default templates.
- `compliance`: flag discriminatory or insulting wording before a notice goes out.
- `interviews`: the calendar part of interview emails, times on the reader's clock,
  when reminders go out.
- `schedule`: send time (delay, candidate's quiet hours) and retry backoff.
- `survey`: signed survey links, the questions, dashboard aggregation.
"""

from __future__ import annotations

from notify_service.domain.compliance import Flag, flag_notice, scan
from notify_service.domain.defaults import KEY_FIELDS as TEMPLATE_KEY_FIELDS
from notify_service.domain.defaults import (
    default_templates,
    shipped_template,
    template_key,
    text_digest,
)
from notify_service.domain.interviews import (
    INTERVIEW_KINDS,
    CalendarPerson,
    build_calendar,
    calendar_uid,
    parse_offsets,
    reminder_send_at,
    sender_address,
)
from notify_service.domain.schedule import MAX_ATTEMPTS, compute_send_at, next_retry_at
from notify_service.domain.survey import (
    ExpiredToken,
    InvalidToken,
    SurveyAnswers,
    make_token,
    read_token,
    summary_of,
)
from notify_service.domain.templates import (
    Rendered,
    TemplateError,
    TemplateKey,
    TemplateProblem,
    interview_context,
    invitation_context,
    phrased_rejection,
    phrasing_flags,
    rejection_context,
    render,
    sample_context,
    select_template,
    validate_template,
)

__all__ = [
    "INTERVIEW_KINDS",
    "MAX_ATTEMPTS",
    "TEMPLATE_KEY_FIELDS",
    "CalendarPerson",
    "ExpiredToken",
    "Flag",
    "InvalidToken",
    "Rendered",
    "SurveyAnswers",
    "TemplateError",
    "TemplateKey",
    "TemplateProblem",
    "build_calendar",
    "calendar_uid",
    "compute_send_at",
    "default_templates",
    "flag_notice",
    "interview_context",
    "invitation_context",
    "make_token",
    "next_retry_at",
    "parse_offsets",
    "phrased_rejection",
    "phrasing_flags",
    "read_token",
    "rejection_context",
    "reminder_send_at",
    "render",
    "sample_context",
    "scan",
    "select_template",
    "sender_address",
    "shipped_template",
    "summary_of",
    "template_key",
    "text_digest",
    "validate_template",
]
