"""Rendering is bounded: what a hostile template would make the service do is refused,
naming the limit, quickly and without building the value first."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from notify_service.domain.templates import render, validate_template
from notify_service.domain.templates.rendering import RenderLimits, TemplateError

SLOW = (
    '{% set s = "x " * 25000 %}{% for i in range(900) %}{% for j in range(10) %}'
    "{% if s|wordcount > 0 %}{% endif %}{% endfor %}{% endfor %}"
)

HOSTILE = {
    "the issue's probe": ('{{ "x" * 30000000 }}{{ "y" * 30000000 }}', "value_chars"),
    "list repeat": ("{{ ([1] * 1000000)|length }}", "value_chars"),
    "big power": ("{{ 9 ** 99999 }}", "number_bits"),
    "big product": ("{% set x = 2 ** 4000 %}{{ x * x }}", "number_bits"),
    "~ doubling": ('{% set x = "x" * 1000 %}' + "{% set x = x ~ x %}" * 30, "value_chars"),
    "+ doubling": ('{% set x = "x" * 1000 %}' + "{% set x = x + x %}" * 30, "value_chars"),
    "namespace doubling": (
        '{% set ns = namespace(s="x") %}{% for i in range(30) %}'
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "value_chars",
    ),
    "center filter": ('{{ "x"|center(999999999) }}', "value_chars"),
    "ljust method": ('{{ "x".ljust(999999999) }}', "value_chars"),
    "% width": ('{{ "%999999999s" % "x" }}', "value_chars"),
    "format filter width": ('{{ "%999999999s"|format("x") }}', "value_chars"),
    "str.format width": ('{{ "{:>999999999}".format("x") }}', "value_chars"),
    # Widths and precisions taken from a value: the format string names no number.
    "str.format nested width": ('{{ "{:{}}".format("", "4000000000") }}', "value_chars"),
    "str.format nested keyword width": ('{{ "{:>{w}}".format("", w=999999999) }}', "value_chars"),
    "format_map nested width": ('{{ "{x:{w}}".format_map({"x": "", "w": 9**9}) }}', "value_chars"),
    "% star width": ('{{ "%*s" % (2147483647, "") }}', "value_chars"),
    "% star precision": ('{{ "%.*f" % (999999999, 1.5) }}', "value_chars"),
    "format filter star": ('{{ "%*s"|format(2147483647, "") }}', "value_chars"),
    "join filter": ('{{ ("x" * 40000)|join("y" * 40000) }}', "value_chars"),
    "join method": ('{{ ("y" * 40000).join("x" * 40000) }}', "value_chars"),
    "join method, list": ('{{ ("y" * 40000).join(["a"] * 10000) }}', "value_chars"),
    "join of a lazy map": (
        '{{ (["x" * 40000] * 50000)|map("upper")|join }}',
        "work_chars",
    ),
    "join method of a lazy map": (
        '{{ "".join((["x" * 40000] * 50000)|map("upper")) }}',
        "work_chars",
    ),
    "replace filter": ('{{ ("x" * 40000)|replace("x", "y" * 40000) }}', "value_chars"),
    "replace method": ('{{ ("x" * 40000).replace("x", "y" * 40000) }}', "value_chars"),
    "indent": ('{{ ("x\\n" * 20000)|indent(40000) }}', "value_chars"),
    "expandtabs": ('{{ ("\\t" * 40000).expandtabs(40000) }}', "value_chars"),
    "sum of lists": ("{{ ([[1] * 1000] * 1000)|sum(start=[]) }}", "value_chars"),
    "long range": ("{{ range(100000)|list|length }}", "range_items"),
    "nested loops": (
        "{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}",
        "loop_items",
    ),
    "captured block": (
        "{% set x %}{% for i in range(1000) %}{% for j in range(1000) %}AAAAAAAAAA"
        "{% endfor %}{% endfor %}{% endset %}{{ x }}",
        "loop_items",
    ),
    "long output": ('{% for i in range(1000) %}{{ "x" * 1000 }}{% endfor %}', "output_chars"),
    "too much work": (
        '{% for i in range(100) %}{% set s = "x" * 40000 %}{% endfor %}',
        "work_chars",
    ),
    "slow": (SLOW, "seconds"),
}


@pytest.mark.parametrize(("source", "limit"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_template_breaks_a_named_limit_without_building_the_value(source, limit):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(TemplateError) as info:
            render(None, source, {}, html=False)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    [problem] = info.value.problems
    assert problem.limit == limit, problem.msg
    assert limit in problem.msg and "render limit" in problem.msg
    assert peak < 20_000_000  # nothing near the size asked for was built
    assert time.perf_counter() - started < RenderLimits().seconds + 1.5


def test_recursion_is_an_error_not_a_crash():
    with pytest.raises(TemplateError) as info:
        render(None, "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", {}, html=False)
    assert "nested too deeply" in info.value.problems[0].msg


def test_loops_nested_deeper_than_python_compiles_are_a_problem_not_a_crash():
    source = "{% for a in [1] %}" * 21 + "x" + "{% endfor %}" * 21
    with pytest.raises(TemplateError) as info:
        render(None, source, {}, html=False)
    assert info.value.problems[0].msg == "nested too deeply to compile"
    problems = validate_template("Hello", source, kind="rejection", channel="email")
    assert [p.msg for p in problems] == ["fails on the sample: nested too deeply to compile"]


def test_no_lorem_ipsum_generator():
    with pytest.raises(TemplateError):
        render(None, "{{ lipsum(100000) }}", {}, html=False)


def test_ordinary_templates_render_as_before():
    source = (
        "Dear {{ name }}, {% if ok %}yes{% else %}no{% endif %} {{ 'abc'|upper }} "
        "{{ '%.1f'|format(3.14159) }} {{ [1, 2, 3]|join(', ') }} {{ 'a' ~ 'b' }} "
        "{% for i in range(3) %}{{ loop.index }}/{{ loop.length }} {% endfor %}"
        "{{ 'ab' * 3 }} {{ 2 ** 10 }} {{ '%s!' % name }} {{ '{}?'.format(name) }} "
        "{{ ['a', 'b']|map('upper')|join('+') }} {{ '-'.join(['x', 'y']|map('upper')) }} "
        "{{ ['a', 'b']|select|list|length }}"
    )
    out = render(None, source, {"name": "Jane", "ok": True}, html=False)
    assert out.text == (
        "Dear Jane, yes ABC 3.1 1, 2, 3 ab 1/3 2/3 3/3 ababab 1024 Jane! Jane? A+B X-Y 2"
    )


def test_limits_are_configurable():
    tight = RenderLimits(output_chars=10)
    with pytest.raises(TemplateError) as info:
        render(None, "{{ 'x' * 11 }}", {}, html=False, limits=tight)
    assert info.value.problems[0].limit == "output_chars"


def test_validation_names_the_limit():
    problems = validate_template("s", '{{ "x" * 30000000 }}', kind="rejection")
    assert [p.limit for p in problems] == ["value_chars"]
    assert problems[0].field == "body" and "value_chars" in problems[0].msg
