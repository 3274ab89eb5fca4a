"""Checking a template before it is saved: syntax, every variable path, and a render
against a full and a sparse sample, so HR hears of a mistake before a candidate does."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from jinja2 import meta, nodes

from notify_service.domain.templates.contexts import KINDS, sample_context
from notify_service.domain.templates.rendering import (
    DEFAULT_LIMITS,
    RenderLimits,
    TemplateError,
    TemplateProblem,
    is_global,
    parse,
    render_budget,
    render_field,
)

__all__ = ["validate_template"]


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
        if name not in context and not is_global(name):
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
    subject: str | None,
    body: str,
    *,
    kind: str,
    channel: str | None = None,
    limits: RenderLimits = DEFAULT_LIMITS,
) -> list[TemplateProblem]:
    """List every problem in a template for `kind`; an empty list means it is fine.

    Checks, per field: syntax (with line); every variable and attribute path against the
    context of `kind` (statically, so ``{{ candidate.salary }}`` is named even inside a
    branch the sample would not take); then a render against a full sample and against a
    sparse one (no strengths, reasons or suggestions), which catches e.g. ``strengths[0]``
    outside an ``{% if %}``. With `channel="email"` an empty subject is a problem too.
    The renders share one budget of `limits`; a template that breaks one is refused with
    a problem naming the limit.
    """
    if kind not in KINDS:
        return [TemplateProblem("kind", f"unknown template kind '{kind}'")]
    problems: list[TemplateProblem] = []
    fields = [("subject", subject), ("body", body)]
    if channel == "email" and not (subject or "").strip():
        problems.append(TemplateProblem("subject", "an email template needs a subject"))

    with render_budget(limits):
        for field, source in fields:
            problems.extend(_field_problems(field, source, kind))
    return problems


def _field_problems(field: str, source: str | None, kind: str) -> list[TemplateProblem]:
    if source is None:
        return []
    try:
        ast = parse(field, source)
    except TemplateError as exc:
        return exc.problems
    full = sample_context(kind)
    static = _static_problems(field, ast, full)
    if static:
        return static  # a render would only repeat the same failure less precisely
    for label, ctx in (
        ("sample", full),
        ("sample with empty lists", sample_context(kind, sparse=True)),
    ):
        try:
            render_field(field, source, ctx)
        except TemplateError as exc:
            return [
                TemplateProblem(field, f"fails on the {label}: {p.msg}", p.line, p.limit)
                for p in exc.problems
            ]
    return []
