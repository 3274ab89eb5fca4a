"""Rendering a template: Jinja2 in an immutable sandbox, plain text out, HTML derived from it.

Template language: Jinja2 in an immutable sandbox with `StrictUndefined`, so a typo in a
variable name is an error instead of a silently empty sentence in a candidate's inbox.
Bodies are written as plain text (no Markdown, no HTML); the HTML part is derived from the
rendered text, which is why the text is rendered without autoescaping and the HTML is
escaped afterwards, paragraph by paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaTemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import escape

__all__ = [
    "Rendered",
    "TemplateError",
    "TemplateProblem",
    "is_global",
    "parse",
    "render",
    "render_field",
    "syntax_problem",
    "text_to_html",
]


@dataclass(frozen=True, slots=True)
class Rendered:
    """A rendered notice: one-line subject (None for SMS), plain text, optional HTML."""

    subject: str | None
    text: str
    html: str | None = None


@dataclass(frozen=True, slots=True)
class TemplateProblem:
    """One thing wrong with a template, addressed to the person editing it."""

    field: str
    msg: str
    line: int | None = None


class TemplateError(Exception):
    """A template could not be rendered; `problems` says where and why."""

    def __init__(self, problems: list[TemplateProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.msg}" for p in problems))


def _finalize(value: Any) -> Any:
    # An optional payload field (org_unit_name, message) must not print as "None".
    return "" if value is None else value


# Immutable sandbox: templates are edited by HR users and must not be able to reach
# Python internals or mutate the context lists.
_ENV: Final = ImmutableSandboxedEnvironment(
    undefined=StrictUndefined,
    autoescape=False,
    finalize=_finalize,
    keep_trailing_newline=False,
)


@lru_cache(maxsize=512)
def _compile(source: str) -> Any:
    return _ENV.from_string(source)


def syntax_problem(field: str, exc: TemplateSyntaxError) -> TemplateProblem:
    """The problem a syntax error is to the person editing the template."""
    return TemplateProblem(field, f"syntax error on line {exc.lineno}: {exc.message}", exc.lineno)


def parse(field: str, source: str) -> nodes.Template:
    """The syntax tree of a template; `TemplateError` naming the line if it does not parse."""
    try:
        return _ENV.parse(source)
    except TemplateSyntaxError as exc:
        raise TemplateError([syntax_problem(field, exc)]) from exc


def is_global(name: str) -> bool:
    """Whether `name` is available to every template (`range`, `dict`, …)."""
    return name in _ENV.globals


_BLANK_RUN = re.compile(r"\n{3,}")
_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_URL_TRAILING = ".,;:!?)]'"


def _tidy_text(text: str) -> str:
    # Paragraph-level {% if %} blocks leave empty or whitespace-only lines behind.
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_RUN.sub("\n\n", "\n".join(lines)).strip()


def _linkify(escaped: str) -> str:
    def repl(match: re.Match[str]) -> str:
        url = match.group(0)
        tail = ""
        while url and url[-1] in _URL_TRAILING:
            tail = url[-1] + tail
            url = url[:-1]
        # `escaped` is already HTML-escaped, so the URL contains no raw quote or `<`.
        return f'<a href="{url}">{url}</a>{tail}'

    return _URL.sub(repl, escaped)


def text_to_html(text: str) -> str:
    """Escape plain text and lay it out as HTML: `<p>` per paragraph, `<br>` per line."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    out = []
    for para in paragraphs:
        lines = [_linkify(str(escape(line))) for line in para.split("\n")]
        out.append("<p>" + "<br>\n".join(lines) + "</p>")
    return "\n".join(out)


def render_field(field: str, source: str, context: Mapping[str, Any]) -> str:
    """Render one template field (subject or body); `TemplateError` naming it on failure."""
    try:
        return _compile(source).render(**context)
    except TemplateSyntaxError as exc:
        raise TemplateError([syntax_problem(field, exc)]) from exc
    except SecurityError as exc:
        raise TemplateError([TemplateProblem(field, f"not allowed: {exc}")]) from exc
    except JinjaTemplateError as exc:  # UndefinedError and friends
        raise TemplateError([TemplateProblem(field, str(exc))]) from exc
    except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
        raise TemplateError([TemplateProblem(field, f"render failed: {exc}")]) from exc


def render(subject: str | None, body: str, context: Mapping[str, Any], *, html: bool) -> Rendered:
    """Render a template; raise `TemplateError` naming the field and cause on failure.

    The subject is collapsed to one line (payload newlines must not reach a mail header).
    The text part has stray blank lines removed; the HTML part, when asked for, is the
    text escaped per paragraph, so payload values can never inject markup.
    """
    rendered_subject = None
    if subject is not None:
        rendered_subject = " ".join(render_field("subject", subject, context).split())
    text = _tidy_text(render_field("body", body, context))
    return Rendered(subject=rendered_subject, text=text, html=text_to_html(text) if html else None)
