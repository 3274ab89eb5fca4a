from __future__ import annotations

from notify_service.domain.templates import validate_template


def messages(problems):
    return [p.msg for p in problems]


def test_valid_template_has_no_problems():
    body = "Dear {{ candidate.first_name }},\n{% if strength %}{{ strength }}{% endif %}"
    assert validate_template("For {{ position.title }}", body, kind="rejection") == []


def test_unknown_attribute_is_named_with_its_path():
    problems = validate_template("Hi", "Pay: {{ candidate.salary }}", kind="rejection")
    assert len(problems) == 1
    assert problems[0].field == "body"
    assert "candidate.salary" in problems[0].msg


def test_unknown_attribute_found_even_in_an_untaken_branch():
    body = "{% if stage == 'never' %}{{ position.budget }}{% endif %}"
    assert "position.budget" in " ".join(messages(validate_template("s", body, kind="rejection")))


def test_item_access_and_nested_paths():
    body = "{{ candidate['salary'] }} {{ position.title.nope }}"
    text = " ".join(messages(validate_template("s", body, kind="rejection")))
    assert "candidate.salary" in text
    assert "position.title.nope" in text


def test_unknown_top_level_variable_in_subject():
    problems = validate_template("{{ salary }}", "x", kind="rejection")
    assert problems[0].field == "subject"
    assert "'salary'" in problems[0].msg


def test_loop_variables_are_checked_against_list_items():
    ok = "{% for r in reasons %}{{ r.text }} ({{ r.code }}){% endfor %}"
    assert validate_template("s", ok, kind="rejection") == []
    bad = "{% for r in reasons %}{{ r.txt }}{% endfor %}"
    assert "reasons[].txt" in " ".join(messages(validate_template("s", bad, kind="rejection")))


def test_local_set_variables_are_not_reported():
    body = "{% set greeting = 'Hi' %}{{ greeting }} {{ candidate.name }}"
    assert validate_template("s", body, kind="rejection") == []


def test_syntax_error_reported_with_line():
    problems = validate_template("ok", "line 1\nline 2 {{ candidate.name \n", kind="rejection")
    assert len(problems) == 1
    assert problems[0].field == "body"
    assert problems[0].line == 2 or problems[0].line == 3
    assert "syntax error" in problems[0].msg


def test_unguarded_list_index_fails_on_sparse_sample():
    problems = validate_template("s", "{{ strengths[0] }}", kind="rejection")
    assert problems and "empty lists" in problems[0].msg


def test_invitation_kind_has_its_own_variables():
    assert validate_template("s", "{{ message }} {{ respond_url }}", kind="invitation") == []
    assert validate_template("s", "{{ survey_url }}", kind="invitation") != []
    assert validate_template("s", "{{ reason }}", kind="invitation") != []


def test_unknown_kind_and_missing_email_subject():
    assert validate_template("s", "b", kind="offer")[0].field == "kind"
    problems = validate_template("  ", "b", kind="rejection", channel="email")
    assert problems[0].field == "subject"
    assert validate_template(None, "b", kind="rejection", channel="sms") == []
