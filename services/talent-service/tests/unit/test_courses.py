from __future__ import annotations

from talent_service.domain.courses import (
    Course,
    content_words,
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
