"""Notice templates: selection, rendering, validation and the payload → context mapping.

Pure functions only: no database, no HTTP, no SMTP. The service layer loads template rows,
calls `select_template`, builds a context with `rejection_context` / `invitation_context`
and calls `render`; the preview endpoint uses `validate_template` and `sample_context`.

Template language: Jinja2 in an immutable sandbox with `StrictUndefined`, so a typo in a
variable name is an error instead of a silently empty sentence in a candidate's inbox.
Bodies are written as plain text (no Markdown, no HTML); the HTML part is derived from the
rendered text, which is why the text is rendered without autoescaping and the HTML is
escaped afterwards, paragraph by paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Final, Protocol, TypeVar

from jinja2 import StrictUndefined, TemplateSyntaxError, meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaTemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import escape

from talentloop_shared.events.payloads import (
    CandidateInfo,
    CandidateRejected,
    PositionRef,
    Reason,
    Scorecard,
    TalentInvited,
)

__all__ = [
    "ANY",
    "KINDS",
    "Rendered",
    "TemplateError",
    "TemplateKey",
    "TemplateLike",
    "TemplateProblem",
    "first_name_guess",
    "invitation_context",
    "locale_chain",
    "normalise_locale",
    "rejection_context",
    "render",
    "sample_context",
    "select_template",
    "text_to_html",
    "validate_template",
]

ANY: Final = "*"
"""Wildcard for `job_family` and `stage` in a template key."""

KINDS: Final = ("rejection", "invitation")
"""Template kinds whose context this module knows how to build and validate."""


# --- selection --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TemplateKey:
    """The five attributes a template is filed under."""

    kind: str
    job_family: str
    stage: str
    locale: str
    channel: str


class TemplateLike(Protocol):
    """Anything with the `TemplateKey` attributes (an ORM row, a schema, a `TemplateKey`)."""

    @property
    def kind(self) -> str: ...
    @property
    def job_family(self) -> str: ...
    @property
    def stage(self) -> str: ...
    @property
    def locale(self) -> str: ...
    @property
    def channel(self) -> str: ...


T = TypeVar("T")


def normalise_locale(locale: str | None) -> str:
    """Canonical lower-case BCP 47 form for comparisons: ``"zh_CN"`` → ``"zh-cn"``."""
    return (locale or "").strip().replace("_", "-").lower()


def locale_chain(locale: str | None, default_locale: str = "en") -> list[str]:
    """Locales to try, most specific first: ``zh-CN`` → ``zh-cn, zh, en``; no duplicates."""
    chain: list[str] = []
    for candidate in (locale, default_locale):
        norm = normalise_locale(candidate)
        for item in (norm, norm.split("-", 1)[0]):
            if item and item not in chain:
                chain.append(item)
    return chain


def _attr(item: Any, name: str) -> str:
    # Rows may be ORM objects, pydantic models or plain dicts (see `default_templates`).
    value = item.get(name) if isinstance(item, Mapping) else getattr(item, name)
    return "" if value is None else str(value)


def select_template(
    candidates: Iterable[T],
    *,
    kind: str,
    job_family: str | None,
    stage: str | None,
    locale: str | None,
    channel: str,
    default_locale: str = "en",
) -> T | None:
    """Pick the most specific template for a notice, or None when nothing fits.

    `kind` and `channel` must match exactly. Among the rest, precedence is:

    1. **Locale** (outermost, it matters most): the exact locale (``zh-CN``), then its
       language (``zh``), then any sibling of that language (``zh-TW`` for ``zh-CN``),
       then `default_locale` and its language. A Chinese candidate therefore never gets an
       English notice while any Chinese template of the kind and channel exists, even a
       general one.
    2. **Job family**: the exact family before ``*``.
    3. **Stage**: the exact stage before ``*``.

    So within one locale the order is (family, stage) → (family, *) → (*, stage) → (*, *).
    Job family outranks stage because family templates carry the domain-specific wording;
    they are written to read correctly at every stage. Ties keep the iteration order, so
    pass candidates newest/preferred first. Items may be objects or mappings.
    """
    pool = [c for c in candidates if _attr(c, "kind") == kind and _attr(c, "channel") == channel]
    if not pool:
        return None

    family = (job_family or "").strip().lower()
    wanted_stage = (stage or "").strip().lower()
    spec_order = [(family, wanted_stage), (family, ANY), (ANY, wanted_stage), (ANY, ANY)]

    def rank_in_locale(items: list[T]) -> T | None:
        for fam, stg in spec_order:
            for item in items:
                if _attr(item, "job_family").lower() == fam and _attr(item, "stage").lower() == stg:
                    return item
        return None

    own_language = normalise_locale(locale).split("-", 1)[0]
    steps: list[Iterable[str] | None] = []
    for loc in locale_chain(locale, default_locale):
        steps.append([loc])
        # Right after the candidate's bare language, try its regional siblings: a zh-TW
        # template beats an English one for a zh-CN reader.
        if own_language and loc == own_language:
            steps.append(None)
    for step in steps:
        if step is None:
            matches = [
                c
                for c in pool
                if normalise_locale(_attr(c, "locale")).split("-", 1)[0] == own_language
            ]
        else:
            matches = [c for c in pool if normalise_locale(_attr(c, "locale")) in step]
        found = rank_in_locale(matches)
        if found is not None:
            return found
    return None


# --- rendering --------------------------------------------------------------------------


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


def _render_one(field: str, source: str, context: Mapping[str, Any]) -> str:
    try:
        return _compile(source).render(**context)
    except TemplateSyntaxError as exc:
        raise TemplateError([TemplateProblem(field, _syntax_msg(exc), exc.lineno)]) from exc
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
        rendered_subject = " ".join(_render_one("subject", subject, context).split())
    text = _tidy_text(_render_one("body", body, context))
    return Rendered(subject=rendered_subject, text=text, html=text_to_html(text) if html else None)


# --- validation -------------------------------------------------------------------------


def _syntax_msg(exc: TemplateSyntaxError) -> str:
    return f"syntax error on line {exc.lineno}: {exc.message}"


class _Opaque:
    """A sample value we cannot look inside (a method, a slice result): stop checking."""


_OPAQUE: Final = _Opaque()
_MISSING: Final = object()


def _step(value: Any, segment: str | int) -> Any:
    if value is _OPAQUE or value is None:
        return _OPAQUE
    if isinstance(segment, int):
        if isinstance(value, list | tuple):
            # Lists vary in length; an out-of-range index is not a template error per se.
            return value[segment] if -len(value) <= segment < len(value) else _OPAQUE
        return _MISSING
    if isinstance(value, Mapping):
        if segment in value:
            return value[segment]
        return _OPAQUE if hasattr(value, segment) else _MISSING
    return _OPAQUE if hasattr(value, segment) else _MISSING


def _chain(node: nodes.Node) -> tuple[str, list[str | int]] | None:
    """`candidate.salary` / `candidate['salary']` / `reasons[0].text` → (root, segments)."""
    segments: list[str | int] = []
    while True:
        if isinstance(node, nodes.Getattr):
            segments.append(node.attr)
            node = node.node
        elif isinstance(node, nodes.Getitem):
            arg = node.arg
            if not isinstance(arg, nodes.Const) or not isinstance(arg.value, str | int):
                return None
            segments.append(arg.value)
            node = node.node
        elif isinstance(node, nodes.Name):
            return node.name, list(reversed(segments))
        else:
            return None


def _display(root: str, segments: Iterable[str | int]) -> str:
    out = root
    for seg in segments:
        out += f"[{seg}]" if isinstance(seg, int) else f".{seg}"
    return out


def _static_problems(
    field: str, ast: nodes.Template, context: Mapping[str, Any]
) -> list[TemplateProblem]:
    problems: list[TemplateProblem] = []
    seen: set[str] = set()

    def report(path: str, line: int | None) -> None:
        if path not in seen:
            seen.add(path)
            problems.append(TemplateProblem(field, f"unknown variable '{path}'", line))

    undeclared = meta.find_undeclared_variables(ast)
    for name in sorted(undeclared):
        if name not in context and name not in _ENV.globals:
            first = next((n for n in ast.find_all(nodes.Name) if n.name == name), None)
            report(name, first.lineno if first else None)

    # Loop variables: `{% for r in reasons %}{{ r.txt }}` is checked against reasons[0].
    aliases: dict[str, tuple[str, Any]] = {}
    for loop in ast.find_all(nodes.For):
        if isinstance(loop.target, nodes.Name):
            parsed = _chain(loop.iter)
            if parsed and parsed[0] in undeclared and parsed[0] in context:
                value: Any = context[parsed[0]]
                for seg in parsed[1]:
                    value = _step(value, seg)
                if isinstance(value, list | tuple) and value:
                    label = _display(*parsed) + "[]"
                    aliases[loop.target.name] = (label, value[0])

    for node in ast.find_all((nodes.Getattr, nodes.Getitem)):
        parsed = _chain(node)
        if parsed is None:
            continue
        root, segments = parsed
        if root in aliases:
            label, value = aliases[root]
        elif root in undeclared and root in context:
            label, value = root, context[root]
        else:
            continue  # a local `{% set %}` name, or unknown root already reported
        for i, seg in enumerate(segments):
            value = _step(value, seg)
            if value is _MISSING:
                report(_display(label, segments[: i + 1]), node.lineno)
                break
            if value is _OPAQUE:
                break
    return problems


def validate_template(
    subject: str | None, body: str, *, kind: str, channel: str | None = None
) -> list[TemplateProblem]:
    """List every problem in a template for `kind`; an empty list means it is fine.

    Checks, per field: syntax (with line); every variable and attribute path against the
    context of `kind` (statically, so ``{{ candidate.salary }}`` is named even inside a
    branch the sample would not take); then a render against a full sample and against a
    sparse one (no strengths, reasons or suggestions), which catches e.g. ``strengths[0]``
    outside an ``{% if %}``. With `channel="email"` an empty subject is a problem too.
    """
    if kind not in KINDS:
        return [TemplateProblem("kind", f"unknown template kind '{kind}'")]
    problems: list[TemplateProblem] = []
    fields = [("subject", subject), ("body", body)]
    if channel == "email" and not (subject or "").strip():
        problems.append(TemplateProblem("subject", "an email template needs a subject"))

    full = sample_context(kind)
    sparse = sample_context(kind, sparse=True)
    for field, source in fields:
        if source is None:
            continue
        try:
            ast = _ENV.parse(source)
        except TemplateSyntaxError as exc:
            problems.append(TemplateProblem(field, _syntax_msg(exc), exc.lineno))
            continue
        static = _static_problems(field, ast, full)
        problems.extend(static)
        if static:
            continue  # a render would only repeat the same failure less precisely
        for label, ctx in (("sample", full), ("sample with empty lists", sparse)):
            try:
                _render_one(field, source, ctx)
            except TemplateError as exc:
                for p in exc.problems:
                    problems.append(
                        TemplateProblem(field, f"fails on the {label}: {p.msg}", p.line)
                    )
                break
    return problems


# --- contexts ---------------------------------------------------------------------------

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_TRAILING_PUNCT = " \t\r\n.。,，;；:：!！"


def first_name_guess(name: str) -> str:
    """Best guess at how to address someone: ``"Jane Doe"`` → ``"Jane"``.

    Chinese, Japanese and Korean names are returned whole: business letters address the
    full name (``张伟，您好``), and splitting off a surname would be wrong or rude.
    ``"Doe, Jane"`` → ``"Jane"``.
    """
    clean = " ".join(name.split())
    if not clean or _CJK.search(clean):
        return clean
    if "," in clean:
        after = clean.split(",", 1)[1].strip()
        if after:
            return after.split(" ", 1)[0]
    return clean.split(" ", 1)[0]


def _phrase(text: str) -> str:
    # Templates add their own full stop; interviewers sometimes type one too.
    return text.strip().rstrip(_TRAILING_PUNCT).strip()


def _phrases(items: Iterable[str]) -> list[str]:
    return [p for p in (_phrase(i) for i in items) if p]


def _candidate(info: CandidateInfo) -> dict[str, Any]:
    # Contact details are left out on purpose: templates don't need them.
    return {
        "name": info.name,
        "first_name": first_name_guess(info.name),
        "locale": info.locale,
        "talent_pool_consent": info.talent_pool_consent,
    }


def _position(ref: PositionRef) -> dict[str, Any]:
    return {
        "title": ref.title,
        "org_unit_name": ref.org_unit_name,
        "job_family": ref.job_family,
    }


def rejection_context(
    event: CandidateRejected, *, survey_url: str, company_name: str
) -> dict[str, Any]:
    """Template variables for a rejection notice, built from the `candidate-rejected` data.

    Keys: ``candidate`` (name, first_name, locale, talent_pool_consent), ``position``
    (title, org_unit_name, job_family), ``stage``, ``strengths`` / ``strength`` (first),
    ``reasons`` (list of {code, text}) / ``reason`` (first text), ``suggestions`` /
    ``suggestion`` (first), ``survey_url``, ``company``. Items have trailing punctuation
    removed; missing singulars are ``""`` so ``{% if strength %}`` reads naturally.
    """
    strengths = _phrases(event.strengths)
    reasons = [{"code": r.code, "text": _phrase(r.text)} for r in event.reasons if _phrase(r.text)]
    suggestions = _phrases(event.suggestions)
    return {
        "candidate": _candidate(event.candidate),
        "position": _position(event.position),
        "stage": event.stage,
        "strengths": strengths,
        "strength": strengths[0] if strengths else "",
        "reasons": reasons,
        "reason": reasons[0]["text"] if reasons else "",
        "suggestions": suggestions,
        "suggestion": suggestions[0] if suggestions else "",
        "survey_url": survey_url,
        "company": company_name,
    }


def invitation_context(
    event: TalentInvited, *, company_name: str, respond_url: str | None = None
) -> dict[str, Any]:
    """Template variables for an invitation, built from the `talent-invited` data.

    Keys: ``candidate``, ``position`` (as for rejections), ``message`` (HR's personal note,
    or ``""``), ``explanation`` (why the candidate matched, internal wording, or ``""``),
    ``respond_url`` (where to say yes, or ``""`` → templates ask for a reply), ``company``.
    """
    return {
        "candidate": _candidate(event.candidate),
        "position": _position(event.position),
        "message": (event.message or "").strip(),
        "explanation": (event.explanation or "").strip(),
        "respond_url": respond_url or "",
        "company": company_name,
    }


_SAMPLE_TIME: Final = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
_SAMPLE_SURVEY_URL: Final = "https://careers.example.com/survey/AbCdEf123"
_SAMPLE_RESPOND_URL: Final = "https://careers.example.com/invitations/XyZ789"

_SAMPLES: Final[dict[str, dict[str, Any]]] = {
    "en": {
        "company": "Acme",
        "candidate": {
            "id": "c-1",
            "name": "Jane Doe",
            "locale": "en",
            "timezone": "Europe/London",
            "talent_pool_consent": True,
        },
        "position": {
            "id": "p-1",
            "title": "Backend Engineer",
            "job_family": "engineering",
            "org_unit_name": "Platform Team",
        },
        "strengths": ["your algorithm design was clear and well reasoned"],
        "reasons": [
            {
                "code": "missing_experience",
                "text": "hands-on Go high-concurrency project experience",
            }
        ],
        "suggestions": [
            "building a Go project with real concurrency, such as a rate-limited crawler"
        ],
        "message": "We enjoyed meeting you last spring and think this team suits you well.",
        "explanation": "matches 'go', 'distributed systems'",
    },
    "zh": {
        "company": "未来科技",
        "candidate": {
            "id": "c-2",
            "name": "张伟",
            "locale": "zh-CN",
            "timezone": "Asia/Shanghai",
            "talent_pool_consent": True,
        },
        "position": {
            "id": "p-2",
            "title": "后端开发工程师",
            "job_family": "engineering",
            "org_unit_name": "平台技术部",
        },
        "strengths": ["算法设计思路清晰，推导严谨"],
        "reasons": [{"code": "missing_experience", "text": "Go语言高并发项目的实战经验"}],
        "suggestions": ["参与一个有真实并发场景的Go项目，比如带限流的爬虫服务"],
        "message": "去年和您交流时印象很深，这个团队的方向和您很契合。",
        "explanation": "匹配技能：Go、分布式系统",
    },
}


def sample_context(kind: str, *, locale: str = "en", sparse: bool = False) -> dict[str, Any]:
    """A realistic context for `kind` (for previews and validation); `sparse` empties lists.

    The sample goes through the same `*_context` builder as real events, so a template that
    renders against it renders against real payloads too.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown template kind '{kind}'")
    data = _SAMPLES["zh" if normalise_locale(locale).startswith("zh") else "en"]
    candidate = CandidateInfo(**data["candidate"])
    position = PositionRef(**data["position"])
    if kind == "invitation":
        invited = TalentInvited(
            invitation_id="i-1",
            match_id="m-1",
            invited_by="hr-1",
            invited_at=_SAMPLE_TIME,
            candidate=candidate,
            position=position,
            message=None if sparse else data["message"],
            explanation=None if sparse else data["explanation"],
        )
        return invitation_context(
            invited,
            company_name=data["company"],
            respond_url=None if sparse else _SAMPLE_RESPOND_URL,
        )
    rejected = CandidateRejected(
        application_id="a-1",
        rejected_at=_SAMPLE_TIME,
        stage="screening" if sparse else "interview",
        decided_by="hr-1",
        candidate=candidate,
        position=position,
        strengths=[] if sparse else data["strengths"],
        reasons=[] if sparse else [Reason(**r) for r in data["reasons"]],
        suggestions=[] if sparse else data["suggestions"],
        scorecard=None if sparse else Scorecard(composite=7.1, dimensions={"technical": 8.0}),
    )
    return rejection_context(rejected, survey_url=_SAMPLE_SURVEY_URL, company_name=data["company"])
