from __future__ import annotations

from dataclasses import dataclass

from talent_service.domain.courses import (
    Course,
    appears_in,
    content_words,
    courses_for_dimension_gaps,
    covers_dimension_gap,
    covers_gap,
    suggest_courses,
)


def course(course_id: str, title: str, *skills: str) -> Course:
    return Course(
        id=course_id,
        title=title,
        provider="Acme Academy",
        url=f"https://academy.example/{course_id}",
        skills=list(skills),  # type: ignore[arg-type]  # lists are accepted and stored as tuples
    )


def test_course_skills_are_stored_as_a_tuple() -> None:
    assert course("c", "T", "sql").skills == ("sql",)


def test_content_words_drop_filler() -> None:
    assert content_words("Lacks team management experience.") == {"team", "management"}
    assert content_words("hands-on Go high-concurrency project experience") == {
        "go",
        "high",
        "concurrency",
        "project",
    }


def test_covers_gap_by_word_containment_either_way() -> None:
    assert covers_gap("Team Management", "lacks team management experience")
    assert covers_gap("clinical research", "lacks clinical experience")
    assert covers_gap("management team", "team management")  # order does not matter
    assert not covers_gap("project management", "lacks team management experience")
    assert covers_gap("Go concurrency", "hands-on Go high-concurrency project experience")
    assert not covers_gap("experience", "lacks clinical experience")  # filler only
    assert not covers_gap("data analytics", "data analysis")


def test_suggest_courses_ranks_by_gaps_covered_then_title() -> None:
    gaps = [
        "lacks team management experience",
        "Lacks clinical experience",
        "live-stream marketing",
        "lacks team management experience",  # duplicate gap counts once
    ]
    courses = [
        course("c1", "Zen of Teams", "team management"),
        course("c2", "Team management in practice", "Team management"),
        course("c3", "Clinical data for analysts", "clinical data", "team management"),
        course("c4", "Knitting", "knitting"),
        course("c5", "Live Commerce", "live-stream marketing", "clinical", "team management"),
    ]
    suggestions = suggest_courses(gaps, courses)
    assert [(s.course.id, s.covers) for s in suggestions] == [
        (
            "c5",
            (
                "lacks team management experience",
                "lacks clinical experience",
                "live-stream marketing",
            ),
        ),
        # the gap's only content word "clinical" lies within the skill "clinical data"
        ("c3", ("lacks team management experience", "lacks clinical experience")),
        ("c2", ("lacks team management experience",)),
        ("c1", ("lacks team management experience",)),
    ]


def test_suggest_courses_with_no_gaps_or_no_coverage() -> None:
    catalogue = [course("c1", "SQL", "sql")]
    assert suggest_courses([], catalogue) == []
    assert suggest_courses(["   "], catalogue) == []
    assert suggest_courses(["lacks clinical experience"], catalogue) == []


def test_matching_folds_width_and_case() -> None:
    assert covers_gap("ＳＱＬ", "weak sql basics")
    assert covers_gap("Straße planning", "lacks STRASSE planning")
    assert not covers_gap("sql", "nosql tuning")


def test_a_skill_written_inside_a_chinese_gap_covers_it() -> None:
    assert covers_gap("临床研究", "缺乏临床研究经验")
    assert covers_gap("Go", "缺乏Go高并发项目经验")
    assert covers_gap("go", "hands-on go concurrency")
    assert not covers_gap("go", "good communication")
    assert not covers_gap("数据", "缺乏临床经验")
    assert appears_in("ｓｑｌ", "SQL 基础薄弱")


@dataclass
class Gap:
    dimension: str
    name: str | None = None
    text: str | None = None


def test_a_dimension_gap_is_covered_by_its_text_key_or_name() -> None:
    assert covers_dimension_gap(
        "clinical research", Gap("domain", text="lacks clinical experience")
    )
    assert covers_dimension_gap("Data Analysis", Gap("data_analysis"))
    assert covers_dimension_gap("stakeholder management", Gap("biz", "Stakeholder management"))
    assert covers_dimension_gap("临床", Gap("clinical", "临床经验"))
    assert not covers_dimension_gap("knitting", Gap("technical", "Technical ability", "weak go"))


def test_a_plan_lists_the_courses_for_the_gaps_most_gaps_first() -> None:
    gaps = [
        Gap("technical", "Technical ability", "no Go high-concurrency project"),
        Gap("clinical", "临床知识"),
        Gap("culture"),
    ]
    catalogue = [
        course("c1", "Go in production", "go concurrency"),
        course("c2", "临床研究入门", "临床"),
        course("c3", "Go for clinicians", "Go", "临床知识"),
        course("c4", "Knitting", "knitting"),
    ]
    plan = courses_for_dimension_gaps(gaps, catalogue)
    assert [(s.course.id, s.covers) for s in plan] == [
        ("c3", ("technical", "clinical")),
        ("c1", ("technical",)),
        ("c2", ("clinical",)),
    ]
    assert courses_for_dimension_gaps([], catalogue) == []
