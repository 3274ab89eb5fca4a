"""Rendering a template: Jinja2 in a bounded sandbox, plain text out, HTML derived from it.

Template language: Jinja2 in an immutable sandbox with `StrictUndefined`, so a typo in a
variable name is an error instead of a silently empty sentence in a candidate's inbox.
Bodies are written as plain text (no Markdown, no HTML); the HTML part is derived from the
rendered text, which is why the text is rendered without autoescaping and the HTML is
escaped afterwards, paragraph by paragraph.

Templates are written by HR users, so a render is bounded (`RenderLimits`): how long a
rendered field, one string or list built on the way, and everything built all told may
be; how many loop items, how long a `range`, how big a number; and a wall-clock budget.
The sandbox checks them where a template can make work: the operators that repeat or
grow values (`*`, `**`, `+`, `%`, `~`), every call and filter (arguments before, result
after), every loop item, every attribute or item lookup (the clock). A template that goes
past one fails with `RenderLimitExceeded` naming the limit. The budget is cooperative
(checked at those points), so a caller that must not wait runs `render` in a worker
thread and stops waiting when the budget is spent (the service layer does).
"""

from __future__ import annotations

import contextlib
import re
import string
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import Any, Final

from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.exceptions import TemplateError as JinjaTemplateError
from jinja2.runtime import Context, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import _PassArg
from markupsafe import Markup, escape

__all__ = [
    "DEFAULT_LIMITS",
    "RenderLimitExceeded",
    "RenderLimits",
    "Rendered",
    "TemplateError",
    "TemplateProblem",
    "is_global",
    "parse",
    "render",
    "render_budget",
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
    """One thing wrong with a template, addressed to the person editing it; `limit` names
    the render limit it broke, if that is what is wrong."""

    field: str
    msg: str
    line: int | None = None
    limit: str | None = None


@dataclass(frozen=True, slots=True)
class RenderLimits:
    """How much one render may produce and do. Notices are a few thousand characters;
    these leave room for long ones and stop a template that would stall the service."""

    output_chars: int = 50_000  # one rendered field (subject or body)
    value_chars: int = 50_000  # one string or list built while rendering (items for a list)
    work_chars: int = 1_000_000  # everything built while rendering, all told
    loop_items: int = 10_000  # items all loops of a render step through, all told
    range_items: int = 1_000  # one range()
    number_bits: int = 4_096  # one integer (2 ** 4096 has 1,234 digits)
    seconds: float = 2.0  # wall clock

    def describe(self, limit: str) -> str:
        """`limit` with its value, as the person editing the template reads it."""
        units = {"seconds": "s", "number_bits": "bits", "loop_items": "items"}
        unit = units.get(limit, "items" if limit == "range_items" else "characters")
        return f"{limit} = {getattr(self, limit):,} {unit}"


DEFAULT_LIMITS: Final = RenderLimits()


class RenderLimitExceeded(SecurityError):
    """A render went past one of its `RenderLimits`; `limit` names which."""

    def __init__(self, limit: str, what: str, limits: RenderLimits) -> None:
        self.limit = limit
        super().__init__(f"{what}: over the render limit {limits.describe(limit)}")


class TemplateError(Exception):
    """A template could not be rendered; `problems` says where and why."""

    def __init__(self, problems: list[TemplateProblem]) -> None:
        self.problems = problems
        super().__init__("; ".join(f"{p.field}: {p.msg}" for p in problems))


def _finalize(value: Any) -> Any:
    # An optional payload field (org_unit_name, message) must not print as "None".
    return "" if value is None else value


@dataclass
class _Budget:
    """What one render (or one validation) has spent so far."""

    limits: RenderLimits
    deadline: float
    work: int = 0
    loop_items: int = 0

    def exceeded(self, limit: str, what: str) -> RenderLimitExceeded:
        return RenderLimitExceeded(limit, what, self.limits)

    def tick(self) -> None:
        """Stop once the wall-clock budget is spent."""
        if time.monotonic() > self.deadline:
            raise self.exceeded("seconds", "the template takes too long to render")

    def step(self) -> None:
        """One more loop item."""
        self.loop_items += 1
        if self.loop_items > self.limits.loop_items:
            raise self.exceeded("loop_items", "the template's loops step through too many items")
        self.tick()

    def allow(self, size: int, what: str) -> None:
        """Refuse, before building it, a value of `size` characters or items."""
        if size > self.limits.value_chars:
            raise self.exceeded("value_chars", what)

    def charge(self, value: Any) -> Any:
        """Count a value the template built (refused if too big on its own or all told)."""
        size = _size(value)
        if size:
            self.allow(size, "the template builds a value that is too long")
            self.work += size
            if self.work > self.limits.work_chars:
                raise self.exceeded("work_chars", "the template builds too much text")
        self.tick()
        return value

    def number(self, value: int, what: str) -> None:
        """Refuse an integer bigger than the limit."""
        if value.bit_length() > self.limits.number_bits:
            raise self.exceeded("number_bits", what)


_BUDGET: ContextVar[_Budget | None] = ContextVar("notify_render_budget", default=None)


@contextlib.contextmanager
def render_budget(limits: RenderLimits = DEFAULT_LIMITS) -> Iterator[None]:
    """Renders inside share one budget (a render outside any gets its own)."""
    if _BUDGET.get() is not None:
        yield
        return
    token = _BUDGET.set(_Budget(limits, time.monotonic() + limits.seconds))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _budget() -> _Budget:
    # Jinja folds constant expressions while compiling, outside any render: those get a
    # budget of their own with the default limits.
    return _BUDGET.get() or _Budget(DEFAULT_LIMITS, time.monotonic() + DEFAULT_LIMITS.seconds)


def _size(value: Any) -> int:
    return len(value) if isinstance(value, str | list | tuple | dict) else 0


_WIDTH = re.compile(r"\d+")
# A %-conversion whose width or precision comes from the values ("%*s", "%.*f").
_STAR = re.compile(r"%(?:\([^)]*\))?[#0 +\-]*(?:\*|\d*\.\*)")
_FIELDS = string.Formatter()


def _check_format(budget: _Budget, fmt: Any) -> None:
    # "%99999999s" and "{:>99999999}" build a value as wide as the number they name; a
    # width or precision taken from a value ("%*s", "{:{}}") names none to check before
    # Python builds it, so a template may not take one from a value at all.
    if not isinstance(fmt, str):
        return
    for digits in _WIDTH.findall(fmt):
        if len(digits) > 9 or int(digits) > budget.limits.value_chars:
            raise budget.exceeded("value_chars", f"format width {digits[:12]} is too wide")
    if "*" in fmt and _STAR.search(fmt):
        raise budget.exceeded("value_chars", "a format width taken from a value (*) is not allowed")
    if "{" in fmt:
        try:
            specs = [spec for _, _, spec, _ in _FIELDS.parse(fmt) if spec]
        except ValueError:
            return  # a malformed format string fails when it is used
        if any("{" in spec for spec in specs):
            raise budget.exceeded(
                "value_chars", "a format width taken from a value ({:{}}) is not allowed"
            )


def _items(budget: _Budget, values: Iterable[Any]) -> list[Any]:
    """A lazy sequence (a `map`, a `select`) as a list, built under the budget: each item
    counts, its text too, so a generator of long strings cannot pile up unchecked."""
    items: list[Any] = []
    for value in values:
        items.append(value)
        budget.allow(len(items), "a sequence is too long")
        budget.charge(value)
    return items


def _joined_length(items: Sequence[Any], separator: str) -> int:
    return sum(len(str(i)) for i in items) + len(separator) * max(len(items) - 1, 0)


def _check_numbers(budget: _Budget, name: str, args: Iterable[Any]) -> None:
    # center(999999999), ljust(…), truncate(…): a number is a size to build.
    for arg in args:
        if isinstance(arg, int) and not isinstance(arg, bool):
            if abs(arg) > budget.limits.value_chars:
                raise budget.exceeded("value_chars", f"{name}({arg}) asks for too much")


def _check_str_method(
    budget: _Budget, name: str, text: str, args: tuple[Any, ...]
) -> tuple[Any, ...]:
    """Refuse a str method call that would build too much; returns its arguments (a lazy
    sequence given to `join` becomes a list)."""
    if name == "join" and args:
        items = args[0] if isinstance(args[0], list | tuple | str) else _items(budget, args[0])
        budget.allow(_joined_length(items, text), "join builds a value that is too long")
        return (items, *args[1:])
    if name == "replace" and len(args) >= 2:
        _check_replace(budget, text, str(args[0]), str(args[1]))
    elif name == "expandtabs":
        tab = args[0] if args and isinstance(args[0], int) else 8
        budget.allow(len(text) + text.count("\t") * tab, "expandtabs grows too much")
    return args


def _check_replace(budget: _Budget, text: str, old: str, new: str) -> None:
    count = text.count(old) if old else len(text) + 1
    budget.allow(len(text) + count * max(len(new) - len(old), 0), "replace grows too much")


def _check_filter(
    budget: _Budget, name: str, value: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> Any:
    """Refuse a filter call that would build too much; returns the value to filter (a lazy
    sequence becomes a list, built under the budget)."""
    if isinstance(value, Iterator):
        value = _items(budget, value)
    if name == "join" and isinstance(value, list | tuple | str):
        separator = args[0] if args and isinstance(args[0], str) else kwargs.get("d", "")
        budget.allow(_joined_length(value, str(separator)), "join builds a value that is too long")
    elif name == "replace" and isinstance(value, str) and len(args) >= 2:
        _check_replace(budget, value, str(args[0]), str(args[1]))
    elif name == "indent" and isinstance(value, str):
        width = args[0] if args else kwargs.get("width", 4)
        width = width if isinstance(width, int) else len(str(width))
        budget.allow(len(value) + width * (value.count("\n") + 1), "indent grows too much")
    elif name == "format":
        _check_format(budget, value)
    elif name == "sum" and isinstance(value, list | tuple):
        # sum(start=[]) over lists concatenates them, a step at a time.
        budget.allow(sum(_size(item) for item in value), "sum builds a value that is too long")
    return value


def _bounded_filter(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """`func` with the budget's checks around it (Jinja's pass_* markers are kept)."""

    # A filter marked pass_context / pass_eval_context / pass_environment gets that first.
    skip = 0 if _PassArg.from_obj(func) is None else 1

    @wraps(func)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        budget.tick()
        if len(args) <= skip:
            return budget.charge(func(*args, **kwargs))
        value, rest = args[skip], args[skip + 1 :]
        _check_numbers(budget, name, (*rest, *kwargs.values()))
        value = _check_filter(budget, name, value, rest, kwargs)
        return budget.charge(func(*args[:skip], value, *rest, **kwargs))

    return bounded


class _BoundedRange:
    """`range` for templates: at most `range_items` long."""

    def __call__(self, *args: int) -> range:
        budget = _budget()
        numbers = range(*args)
        if len(numbers) > budget.limits.range_items:
            raise budget.exceeded("range_items", f"range of {len(numbers):,} items is too long")
        return numbers


class _BoundedCodeGenerator(CodeGenerator):
    """Jinja's code generator, with the checks the sandbox has no hook for: every loop
    steps through `environment.checked_iter`, every `~` and every captured block (a set
    block, a macro, a filter block) is joined by `environment.checked_join`."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        checked = nodes.Call(
            nodes.EnvironmentAttribute("checked_iter"), [node.iter], [], None, None
        )
        loop = nodes.For(node.target, checked, node.body, node.else_, node.test, node.recursive)
        loop.set_lineno(node.lineno)
        super().visit_For(loop, frame)

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.checked_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def write(self, x: str) -> None:
        # Captured output is joined with `concat(buffer)`; route it through the budget.
        if x.startswith("concat("):
            x = "environment.checked_join(" + x.removeprefix("concat(")
        super().write(x)


class _BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox (no Python internals, no mutating the context's lists) with
    the render limits checked wherever a template can make work."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {name: _bounded_filter(name, f) for name, f in self.filters.items()}
        self.globals["range"] = _BoundedRange()
        del self.globals["lipsum"]  # paragraphs of lorem ipsum on demand: no use in a notice

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        budget = _budget()
        budget.tick()
        ints = [v for v in (left, right) if isinstance(v, int) and not isinstance(v, bool)]
        if operator == "*":
            if len(ints) == 1 and (left is not ints[0] or right is not ints[0]):
                other = right if left is ints[0] else left
                budget.allow(_size(other) * max(ints[0], 0), "repeating a value makes it too long")
            elif len(ints) == 2:
                if left.bit_length() + right.bit_length() > budget.limits.number_bits:
                    raise budget.exceeded("number_bits", "a product is too big")
        elif operator == "**" and len(ints) == 2:
            if abs(left) > 1 and right > 0:
                if right * max(abs(left).bit_length() - 1, 1) > budget.limits.number_bits:
                    raise budget.exceeded("number_bits", "a power is too big")
        elif operator == "+" and _size(left) and _size(right):
            budget.allow(_size(left) + _size(right), "joining values makes one too long")
        elif operator == "%":
            _check_format(budget, left)
        result = super().call_binop(context, operator, left, right)
        if isinstance(result, int) and not isinstance(result, bool):
            budget.number(result, "a number is too big")
        return budget.charge(result)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        budget = _budget()
        budget.tick()
        if not isinstance(__obj, _BoundedRange | Undefined):  # range names its own limit
            name = getattr(__obj, "__name__", None) or type(__obj).__name__
            _check_numbers(budget, name, (*args, *kwargs.values()))
            bound_to = getattr(__obj, "__self__", None)
            if isinstance(bound_to, str):
                args = _check_str_method(budget, name, bound_to, args)
        return budget.charge(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        _budget().tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        _budget().tick()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        if getattr(value, "__name__", None) in ("format", "format_map"):
            _check_format(_budget(), getattr(value, "__self__", None))
        return super().wrap_str_format(value)

    def checked_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        """The items of a template's loop, each counted and on the clock."""
        budget = _budget()
        for item in iterable:
            budget.step()
            yield item

    def checked_join(self, parts: Iterable[Any]) -> str:
        """`~` and captured blocks: joined, counted and on the clock."""
        budget = _budget()
        pieces = [p if isinstance(p, str) else str(p) for p in parts]
        budget.allow(sum(map(len, pieces)), "joining text makes it too long")
        joined = "".join(pieces)
        markup = any(isinstance(p, Markup) for p in pieces)
        return budget.charge(Markup(joined) if markup else joined)


# Templates are edited by HR users: no Python internals, no mutating the context's lists,
# and bounded work.
_ENV: Final = _BoundedSandbox(
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
    except RecursionError as exc:
        raise TemplateError([TemplateProblem(field, "nested too deeply to read")]) from exc


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


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def text_to_html(text: str) -> str:
    """Escape plain text and lay it out as HTML: `<p>` per paragraph, `<br>` per line.
    Escaped and linked as a whole (a link never spans a line: `_URL` has no whitespace),
    then split: one pass of each instead of one per line."""
    linked = _linkify(str(escape(text)))
    paragraphs = [p for p in _PARAGRAPH_BREAK.split(linked) if p.strip()]
    return "\n".join("<p>" + "<br>\n".join(p.split("\n")) + "</p>" for p in paragraphs)


def _generate(source: str, context: Mapping[str, Any]) -> str:
    budget = _budget()
    chunks: list[str] = []
    length = 0
    for chunk in _compile(source).generate(**context):
        length += len(chunk)
        if length > budget.limits.output_chars:
            raise budget.exceeded("output_chars", "the rendered text is too long")
        chunks.append(chunk)
        budget.tick()
    return "".join(chunks)


def render_field(field: str, source: str, context: Mapping[str, Any]) -> str:
    """Render one template field (subject or body); `TemplateError` naming it on failure."""
    try:
        with render_budget():
            return _generate(source, context)
    except TemplateSyntaxError as exc:
        raise TemplateError([syntax_problem(field, exc)]) from exc
    except RenderLimitExceeded as exc:
        raise TemplateError([TemplateProblem(field, str(exc), limit=exc.limit)]) from exc
    except SecurityError as exc:
        raise TemplateError([TemplateProblem(field, f"not allowed: {exc}")]) from exc
    except JinjaTemplateError as exc:  # UndefinedError and friends
        raise TemplateError([TemplateProblem(field, str(exc))]) from exc
    except RecursionError as exc:
        raise TemplateError([TemplateProblem(field, "render failed: nested too deeply")]) from exc
    except (SyntaxError, OverflowError) as exc:
        # Jinja parsed it, Python cannot compile what it became ("too many statically
        # nested blocks": more than 20 loops or blocks inside each other).
        raise TemplateError([TemplateProblem(field, "nested too deeply to compile")]) from exc
    except MemoryError as exc:
        raise TemplateError([TemplateProblem(field, "render failed: out of memory")]) from exc
    except (TypeError, ValueError, ArithmeticError, LookupError) as exc:
        raise TemplateError([TemplateProblem(field, f"render failed: {exc}")]) from exc


def render(
    subject: str | None,
    body: str,
    context: Mapping[str, Any],
    *,
    html: bool,
    limits: RenderLimits = DEFAULT_LIMITS,
) -> Rendered:
    """Render a template within `limits`; raise `TemplateError` naming the field and cause.

    The subject is collapsed to one line (payload newlines must not reach a mail header).
    The text part has stray blank lines removed; the HTML part, when asked for, is the
    text escaped per paragraph, so payload values can never inject markup.
    """
    with render_budget(limits):
        rendered_subject = None
        if subject is not None:
            rendered_subject = " ".join(render_field("subject", subject, context).split())
        text = _tidy_text(render_field("body", body, context))
    return Rendered(subject=rendered_subject, text=text, html=text_to_html(text) if html else None)
