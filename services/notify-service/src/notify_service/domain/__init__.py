"""notify-service domain: pure rules for notices (no database, broker, HTTP or SMTP).

- `templates`: choose a template, build the context from an event, render, validate.
- `defaults`: the shipped default templates.
- `compliance`: flag discriminatory or insulting wording before a notice goes out.
- `schedule`: send time (delay, candidate's quiet hours) and retry backoff.
- `survey`: signed survey links, the questions, dashboard aggregation.
"""

from __future__ import annotations

from notify_service.domain.compliance import Flag, flag_notice, scan
from notify_service.domain.defaults import KEY_FIELDS as TEMPLATE_KEY_FIELDS
from notify_service.domain.defaults import default_templates, template_key
from notify_service.domain.schedule import MAX_ATTEMPTS, compute_send_at, next_retry_at
from notify_service.domain.survey import (
    ExpiredToken,
    InvalidToken,
    SurveyAnswers,
    make_token,
    read_token,
    summarise,
)
from notify_service.domain.templates import (
    Rendered,
    TemplateError,
    TemplateKey,
    TemplateProblem,
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
    "MAX_ATTEMPTS",
    "TEMPLATE_KEY_FIELDS",
    "ExpiredToken",
    "Flag",
    "InvalidToken",
    "Rendered",
    "SurveyAnswers",
    "TemplateError",
    "TemplateKey",
    "TemplateProblem",
    "compute_send_at",
    "default_templates",
    "flag_notice",
    "invitation_context",
    "make_token",
    "next_retry_at",
    "phrased_rejection",
    "phrasing_flags",
    "read_token",
    "rejection_context",
    "render",
    "sample_context",
    "scan",
    "select_template",
    "summarise",
    "template_key",
    "validate_template",
]
