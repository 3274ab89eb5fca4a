from __future__ import annotations

import pytest

from org_service.domain.errors import FieldError
from org_service.domain.positions import (
    FieldChange,
    diff_positions,
    normalise_languages,
    normalise_requirements,
    normalise_skills,
    reports_to_creates_cycle,
    validate_evaluation_scheme,
    validate_reports_to,
    validate_requirements,
)
from talentloop_shared.events.payloads import Dimension, EvaluationScheme, Requirements

UNITS = {"dept-tech", "dept-biz", "dept-hr"}


def scheme(*dims: tuple[str, float, str | None]) -> EvaluationScheme:
    return EvaluationScheme(
        dimensions=[
            Dimension(key=k, name=k.title() or "Unnamed", weight=w, department_id=d)
            for k, w, d in dims
        ]
    )


# --- normalisation --------------------------------------------------------------------------


def test_normalise_skills_trims_lowercases_collapses_dedupes_and_keeps_order() -> None:
    raw = ["  Live-Stream   Marketing ", "FMCG", "", "   ", "fmcg", "live-stream marketing", "Go"]
    assert normalise_skills(raw) == ["live-stream marketing", "fmcg", "go"]


def test_normalise_skills_handles_tabs_and_newlines_inside() -> None:
    assert normalise_skills(["data\t\nanalysis"]) == ["data analysis"]


def test_normalise_languages_lowercases_codes() -> None:
    assert normalise_languages(["ZH", " en ", "zh", "zh_CN", ""]) == ["zh", "en", "zh-cn"]


def test_normalise_requirements_applies_to_every_list() -> None:
    req = Requirements(
        required_skills=[" SQL ", "sql"],
        preferred_skills=["Python  3"],
        industries=["Healthcare", "healthcare "],
        languages=["EN"],
        min_years_experience=3,
    )
    out = normalise_requirements(req)
    assert out.required_skills == ["sql"]
    assert out.preferred_skills == ["python 3"]
    assert out.industries == ["healthcare"]
    assert out.languages == ["en"]
    assert out.min_years_experience == 3
    assert req.required_skills == [" SQL ", "sql"]  # the input is not mutated


# --- evaluation scheme ----------------------------------------------------------------------


def test_valid_scheme_has_no_errors() -> None:
    s = scheme(
        ("technical", 0.4, "dept-tech"), ("business", 0.3, "dept-biz"), ("culture", 0.3, None)
    )
    assert validate_evaluation_scheme(s, existing_unit_ids=UNITS) == []


def test_empty_scheme_is_valid() -> None:
    assert validate_evaluation_scheme(EvaluationScheme(), existing_unit_ids=set()) == []


def test_thirds_are_within_tolerance() -> None:
    s = scheme(("a", 0.333, None), ("b", 0.333, None), ("c", 0.333, None))
    assert validate_evaluation_scheme(s, existing_unit_ids=UNITS) == []


def test_weights_not_summing_to_one_name_field_and_actual_sum() -> None:
    s = scheme(("technical", 0.5, "dept-tech"), ("business", 0.3, "dept-biz"))
    errors = validate_evaluation_scheme(s, existing_unit_ids=UNITS)
    assert errors == [
        FieldError(("evaluation_scheme", "dimensions"), "weights must sum to 1, got 0.8")
    ]


def test_sum_message_hides_float_noise() -> None:
    s = scheme(("a", 0.1, None), ("b", 0.2, None))
    (error,) = validate_evaluation_scheme(s, existing_unit_ids=UNITS)
    assert error.msg == "weights must sum to 1, got 0.3"


def test_non_positive_weight_is_reported_on_that_dimension() -> None:
    s = scheme(("a", 1.2, None), ("b", -0.2, None), ("c", 0.0, None))
    errors = validate_evaluation_scheme(s, existing_unit_ids=UNITS)
    locs = [e.loc for e in errors]
    assert ("evaluation_scheme", "dimensions", 1, "weight") in locs
    assert ("evaluation_scheme", "dimensions", 2, "weight") in locs
    assert ("evaluation_scheme", "dimensions", 0, "weight") not in locs


def test_duplicate_key_is_named() -> None:
    s = scheme(("technical", 0.5, None), ("technical", 0.5, None))
    errors = validate_evaluation_scheme(s, existing_unit_ids=UNITS)
    assert len(errors) == 1
    assert errors[0].loc == ("evaluation_scheme", "dimensions", 1, "key")
    assert "'technical'" in errors[0].msg and "duplicate" in errors[0].msg


@pytest.mark.parametrize("key", ["Technical", "tech-ability", "1tech", "tech ability", "", "a__b"])
def test_key_must_be_lower_snake_case(key: str) -> None:
    s = scheme((key, 1.0, None))
    errors = validate_evaluation_scheme(s, existing_unit_ids=UNITS)
    assert [e.loc for e in errors] == [("evaluation_scheme", "dimensions", 0, "key")]


@pytest.mark.parametrize("key", ["technical", "tech_ability", "level2", "a_1"])
def test_snake_case_keys_pass(key: str) -> None:
    assert validate_evaluation_scheme(scheme((key, 1.0, None)), existing_unit_ids=UNITS) == []


def test_unknown_department_is_reported_at_its_dimension() -> None:
    s = scheme(("technical", 0.6, "dept-tech"), ("business", 0.4, "dept-gone"))
    errors = validate_evaluation_scheme(s, existing_unit_ids=UNITS)
    assert [e.loc for e in errors] == [("evaluation_scheme", "dimensions", 1, "department_id")]
    assert "dept-gone" in errors[0].msg


def test_scheme_accepts_plain_mapping() -> None:
    data = {"dimensions": [{"key": "x", "name": "X", "weight": 0.9, "department_id": None}]}
    errors = validate_evaluation_scheme(data, existing_unit_ids=UNITS)
    assert errors[0].msg == "weights must sum to 1, got 0.9"


# --- requirements ---------------------------------------------------------------------------


@pytest.mark.parametrize("years", [0, 5, 60, 2.5])
def test_requirement_years_in_range_pass(years: float) -> None:
    assert validate_requirements({"min_years_experience": years, "education": "none"}) == []


@pytest.mark.parametrize("years", [-1, 61, 100])
def test_requirement_years_out_of_range(years: float) -> None:
    errors = validate_requirements({"min_years_experience": years})
    assert [e.loc for e in errors] == [("requirements", "min_years_experience")]


def test_requirement_bad_education() -> None:
    errors = validate_requirements({"education": "diploma"})
    assert [e.loc for e in errors] == [("requirements", "education")]
    assert "diploma" in errors[0].msg


def test_requirements_model_input() -> None:
    assert validate_requirements(Requirements(min_years_experience=5, education="master")) == []


# --- diff -----------------------------------------------------------------------------------

FIELDS = ["title", "headcount", "requirements", "evaluation_scheme", "location"]


def base_position() -> dict:
    return {
        "title": "Marketing Manager",
        "headcount": 2,
        "location": "Shanghai",
        "requirements": {
            "min_years_experience": 5,
            "required_skills": ["live-stream marketing"],
            "industries": ["fmcg"],
            "languages": ["zh"],
            "education": "bachelor",
        },
        "evaluation_scheme": {"dimensions": []},
    }


def test_diff_reports_changed_fields_in_given_order() -> None:
    old = base_position()
    new = base_position()
    new["title"] = "Marketing Strategy Manager, East China"
    new["requirements"]["required_skills"].append("east china fmcg market")
    changes = diff_positions(old, new, FIELDS)
    assert [c.field for c in changes] == ["title", "requirements"]
    assert changes[0] == FieldChange(
        "title", "Marketing Manager", "Marketing Strategy Manager, East China"
    )


def test_diff_ignores_cosmetic_changes() -> None:
    old = base_position()
    new = base_position()
    new["title"] = "  Marketing Manager "
    new["requirements"]["required_skills"] = [" Live-Stream  Marketing", "live-stream marketing"]
    new["requirements"]["languages"] = ["ZH"]
    new["requirements"]["min_years_experience"] = 5.0
    assert diff_positions(old, new, FIELDS) == []


def test_diff_accepts_models_and_missing_fields() -> None:
    old = {"requirements": Requirements(required_skills=["sql"])}
    new = {"requirements": {"required_skills": ["SQL"]}, "location": "Beijing"}
    changes = diff_positions(old, new, ["requirements", "location"])
    # The model carries defaults the dict lacks, so requirements differ; location was added.
    assert [c.field for c in changes] == ["requirements", "location"]
    assert changes[1].old is None and changes[1].new == "Beijing"


def test_diff_detects_weight_change() -> None:
    old = {"evaluation_scheme": scheme(("a", 0.5, None), ("b", 0.5, None))}
    new = {"evaluation_scheme": scheme(("a", 0.6, None), ("b", 0.4, None))}
    assert [c.field for c in diff_positions(old, new, ["evaluation_scheme"])] == [
        "evaluation_scheme"
    ]


# --- reports-to -----------------------------------------------------------------------------

# ceo <- cmo <- marketing_manager <- specialist ; cto is a second branch
REPORTS_TO: dict[str, str | None] = {
    "ceo": None,
    "cmo": "ceo",
    "cto": "ceo",
    "mm": "cmo",
    "spec": "mm",
}


def test_reporting_to_a_descendant_is_a_cycle() -> None:
    assert reports_to_creates_cycle("cmo", "spec", REPORTS_TO)
    assert reports_to_creates_cycle("ceo", "mm", REPORTS_TO)


def test_reporting_to_self_is_a_cycle() -> None:
    assert reports_to_creates_cycle("mm", "mm", REPORTS_TO)


def test_reporting_sideways_or_up_is_fine() -> None:
    assert not reports_to_creates_cycle("mm", "cto", REPORTS_TO)
    assert not reports_to_creates_cycle("spec", "ceo", REPORTS_TO)
    assert not reports_to_creates_cycle("mm", None, REPORTS_TO)


def test_existing_corrupt_cycle_elsewhere_does_not_hang() -> None:
    corrupt = {"a": "b", "b": "a", "x": None}
    assert not reports_to_creates_cycle("x", "a", corrupt)


def test_validate_reports_to_messages() -> None:
    assert validate_reports_to("mm", "cto", REPORTS_TO) == []
    assert validate_reports_to("mm", None, REPORTS_TO) == []
    assert "itself" in validate_reports_to("mm", "mm", REPORTS_TO)[0].msg
    assert "unknown" in validate_reports_to("mm", "nobody", REPORTS_TO)[0].msg
    assert "cycle" in validate_reports_to("cmo", "spec", REPORTS_TO)[0].msg
