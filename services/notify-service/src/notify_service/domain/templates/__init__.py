"""Notice templates, pure functions only (no database, no HTTP, no SMTP):

- `selection`: which template a notice is rendered from;
- `contexts`, `interview_contexts`: the variables built from an event, and samples of them
  (`samples.json`, `interview_samples.json`);
- `rendering`: the sandboxed render, plain text and HTML;
- `validation`: every problem in a template, before it is saved.

The service layer loads template rows, calls `select_template`, builds a context with
`rejection_context` / `invitation_context` and calls `render`; saving and previewing use
`validate_template` and `sample_context`.
"""

from notify_service.domain.templates.contexts import (
    KINDS,
    first_name_guess,
    invitation_context,
    phrased_rejection,
    phrasing_flags,
    rejection_context,
    sample_context,
    translated,
)
from notify_service.domain.templates.interview_contexts import interview_context
from notify_service.domain.templates.rendering import (
    Rendered,
    TemplateError,
    TemplateProblem,
    render,
    text_to_html,
)
from notify_service.domain.templates.selection import (
    ANY,
    BACKGROUNDS,
    BANDS,
    TemplateKey,
    TemplateLike,
    select_template,
)
from notify_service.domain.templates.validation import validate_template

__all__ = [
    "ANY",
    "BACKGROUNDS",
    "BANDS",
    "KINDS",
    "Rendered",
    "TemplateError",
    "TemplateKey",
    "TemplateLike",
    "TemplateProblem",
    "first_name_guess",
    "interview_context",
    "invitation_context",
    "phrased_rejection",
    "phrasing_flags",
    "rejection_context",
    "render",
    "sample_context",
    "select_template",
    "text_to_html",
    "translated",
    "validate_template",
]
