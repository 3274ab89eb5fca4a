"""The default content of rejection notices (domain/rejections.py): wording pinned here."""

from __future__ import annotations

import re

import pytest

from recruiting_service.domain.rejections import (
    DEFAULT_SUGGESTIONS,
    CourseOption,
    default_rejection_content,
    mentions,
    need_phrase,
    suggestion_locales,
)
from recruiting_service.domain.screening import Unmet
from talentloop_shared.events.payloads import Reason

NAMES = {
    "technical": "Technical ability",
    "business": "Business understanding",
    "culture": "Culture fit",
}

EN = DEFAULT_SUGGESTIONS["en"]
ZH = DEFAULT_SUGGESTIONS["zh-CN"]
CJK = re.compile(r"[\u4e00-\u9fff]")


def content(**overrides: object):  # type: ignore[no-untyped-def]
    kwargs: dict[str, object] = {
        "stage": "interview",
        "locale": "en",
        "unmet": [],
        "dimension_means": {},
        "dimension_names": NAMES,
        "evaluations_strengths": [],
        "evaluations_concerns": [],
        "suggestion_library": DEFAULT_SUGGESTIONS,
    }
    kwargs.update(overrides)
    return default_rejection_content(**kwargs)  # type: ignore[arg-type]


def test_screening_reasons_come_from_unmet_requirements() -> None:
    result = content(
        stage="screening",
        unmet=[
            Unmet("min_years_experience", 5, 3),
            Unmet("required_skills", "live-stream marketing", "missing"),
        ],
        matched_skills=["fmcg channel management"],
    )
    assert result.reasons == [
        Reason(code="missing_experience", text="at least 5 years of relevant experience"),
        Reason(code="missing_skill", text="hands-on experience with live-stream marketing"),
    ]
    assert result.strengths == ["fmcg channel management"]
    assert result.suggestions[0] == EN["missing_experience"]
    assert "live-stream marketing" in result.suggestions[1]
    assert "{subject}" not in result.suggestions[1]


def test_screening_reasons_in_chinese_for_a_chinese_reader() -> None:
    result = content(
        stage="screening",
        locale="zh-CN",
        unmet=[
            Unmet("min_years_experience", 5, 3),
            Unmet("required_skills", "live-stream marketing", "missing"),
            Unmet("industries", ["fmcg", "retail"], ["healthcare"]),
        ],
    )
    assert [r.text for r in result.reasons] == [
        "5年以上相关工作经验",
        "live-stream marketing方面的实际经验",
        "fmcg或retail行业的从业经验",
    ]
    assert result.suggestions[0] == ZH["missing_experience"]
    assert result.suggestions[1].startswith("建议在实际项目中积累live-stream marketing的经验")
    assert "fmcg或retail行业" in result.suggestions[2]


def test_screening_reason_texts_for_every_requirement() -> None:
    unmet = [
        Unmet("industries", ["fmcg"], ["healthcare"]),
        Unmet("education", "master", "bachelor"),
        Unmet("languages", "zh", "missing"),
    ]
    result = content(stage="screening", unmet=unmet)
    assert [(r.code, r.text) for r in result.reasons] == [
        ("industry_mismatch", "experience in the fmcg industry"),
        ("education", "a master's degree or higher"),
        ("missing_language", "working proficiency in Chinese"),
    ]
    assert result.strengths == []
    zh = content(stage="screening", unmet=unmet, locale="zh-TW")  # any zh* reads Chinese
    assert [r.text for r in zh.reasons] == [
        "fmcg行业的从业经验",
        "硕士研究生及以上学历",
        "熟练的中文工作能力",
    ]


def test_unknown_experience_reason_does_not_invent_a_number() -> None:
    result = content(stage="screening", unmet=[Unmet("min_years_experience", 1, None)])
    assert result.reasons[0].text == "at least 1 year of relevant experience"


def test_interview_defaults_put_the_interviewers_words_first_and_hide_scores() -> None:
    result = content(
        dimension_means={"technical": 8.0, "business": 5.0, "culture": 7.5},
        evaluations_strengths=["clear algorithm design", "Clear  algorithm design"],
        evaluations_concerns=["no Go high-concurrency project experience"],
    )
    assert result.strengths == ["clear algorithm design", "Technical ability", "Culture fit"]
    assert not any("/10" in s for s in result.strengths)
    assert result.reasons == [
        Reason(code="low_business", text="a stronger level of business understanding"),
        Reason(code="interview_concern", text="Go high-concurrency project experience"),
    ]
    assert result.suggestions == [EN["business"], EN["interview_concern"]]


def test_the_reported_chinese_rejection_reads_chinese() -> None:
    # The case that produced "Technical ability (8.0/10)" and "更看重缺少华东…".
    result = content(
        locale="zh-CN",
        dimension_means={"technical": 8.0, "business": 6.0, "culture": 7.0},
        evaluations_strengths=["数据分析能力扎实，方法清晰", "团队协作意识强"],
        evaluations_concerns=["缺少华东区域渠道管理经验"],
    )
    assert result.strengths == ["数据分析能力扎实，方法清晰", "团队协作意识强", "专业技术能力"]
    assert result.reasons == [
        Reason(code="interview_concern", text="华东区域渠道管理经验"),
    ]
    assert result.suggestions == [ZH["interview_concern"]]
    assert CJK.search(result.suggestions[0])


def test_weak_dimension_reason_in_chinese() -> None:
    result = content(
        locale="zh-CN",
        dimension_means={"business": 5.0, "data_skills": 4.0},
        dimension_names={"business": "Business understanding", "data_skills": "数据能力"},
    )
    assert [r.text for r in result.reasons] == ["更扎实的数据能力", "更扎实的业务理解能力"]
    # "data_skills" has no library entry: no suggestion for it (it used to get a filler).
    assert result.suggestions == [ZH["business"]]


def test_weak_dimension_keeps_acronyms() -> None:
    result = content(dimension_means={"sql": 4.0}, dimension_names={"sql": "SQL skills"})
    assert result.reasons[0].text == "a stronger level of SQL skills"


@pytest.mark.parametrize(
    ("concern", "need"),
    [
        ("缺少华东区域渠道管理经验", "华东区域渠道管理经验"),
        ("缺乏大型团队管理经验", "大型团队管理经验"),
        ("没有海外市场经验", "海外市场经验"),
        ("欠缺数据建模能力", "数据建模能力"),
        ("不具备财务背景", "财务背景"),
        ("不够熟悉直播电商", "熟悉直播电商"),
        ("no Go high-concurrency project experience", "Go high-concurrency project experience"),
        ("Lack of B2B sales experience", "B2B sales experience"),
        ("lacks stakeholder management", "stakeholder management"),
        ("lacking depth in SQL", "depth in SQL"),
        ("missing Kubernetes knowledge", "Kubernetes knowledge"),
        ("limited people management experience", "people management experience"),
        ("insufficient  domain knowledge", "domain knowledge"),
        ("not enough exposure to retail", "exposure to retail"),
        ("需要更多华东区域经验", "需要更多华东区域经验"),
        ("nothing to add", "nothing to add"),  # "no" only as a word of its own
        ("缺少", "缺少"),  # nothing left: keep the interviewer's words
        ("no ", "no"),
    ],
)
def test_concerns_become_what_the_role_needs(concern: str, need: str) -> None:
    assert need_phrase(concern) == need


def test_stripped_concern_keeps_its_code_and_original_is_not_lost() -> None:
    result = content(evaluations_concerns=["lack of"])
    assert result.reasons == [Reason(code="interview_concern", text="lack of")]


def test_strengths_need_at_least_seven_and_reasons_below_six() -> None:
    result = content(dimension_means={"technical": 6.9, "business": 6.0})
    assert result.strengths == []
    assert result.reasons == []
    # No gap, no suggestion: no filler sentence such as "请继续发挥您的优势…" (issue 14).
    assert result.suggestions == []
    zh = content(dimension_means={"technical": 6.9}, locale="zh-CN")
    assert zh.suggestions == []


def test_at_most_two_dimension_strengths_and_three_in_total() -> None:
    result = content(
        dimension_means={"technical": 9.0, "business": 8.0, "culture": 10.0},
        evaluations_strengths=["a", "b"],
    )
    assert result.strengths == ["a", "b", "Culture fit"]
    only_scores = content(dimension_means={"technical": 9.0, "business": 8.0, "culture": 10.0})
    assert only_scores.strengths == ["Culture fit", "Technical ability"]


def test_reasons_capped_and_weakest_first() -> None:
    result = content(
        dimension_means={"technical": 5.5, "business": 3.0, "culture": 4.0, "leadership": 2.0},
        evaluations_concerns=["x", "y"],
    )
    assert [r.code for r in result.reasons] == [
        "low_leadership",
        "low_business",
        "interview_concern",
    ]
    assert len(result.suggestions) <= 3


def test_suggestion_lookup_order() -> None:
    library = {
        "en": {
            "low_technical": "Code-specific tip.",
            "business": "Dimension tip.",
        }
    }
    result = content(
        dimension_means={"technical": 4.0, "business": 4.0},
        evaluations_concerns=["something"],
        suggestion_library=library,
    )
    # By reason code, then by dimension key; the concern has no entry, so no suggestion.
    assert result.suggestions == ["Code-specific tip.", "Dimension tip."]


def test_suggestions_prefer_the_readers_language_then_english() -> None:
    library = {
        "en": {"low_technical": "English code tip.", "business": "English dimension tip."},
        "zh": {"technical": "中文维度建议。"},
    }
    result = content(
        locale="zh-CN",
        dimension_means={"technical": 4.0, "business": 4.0},
        suggestion_library=library,
    )
    # A Chinese tip, even a less specific one, beats an English one; English is the fallback.
    assert result.suggestions == ["中文维度建议。", "English dimension tip."]


def test_suggestion_locales() -> None:
    available = ["en", "zh-CN", "zh-TW", "fr"]
    assert suggestion_locales("zh-CN", available) == ["zh-CN", "zh-TW", "en"]
    assert suggestion_locales("zh_hk", available) == ["zh-CN", "zh-TW", "en"]
    assert suggestion_locales("zh", ["zh", "zh-CN", "en"]) == ["zh", "zh-CN", "en"]
    assert suggestion_locales("de-DE", available) == ["en"]
    assert suggestion_locales("en-GB", available) == ["en"]


def test_no_course_and_no_library_entry_leaves_the_suggestion_out() -> None:
    # Was: a generic fallback sentence. Now a notice says nothing rather than pad itself.
    result = content(
        dimension_means={"technical": 4.0, "business": 4.0},
        evaluations_concerns=["z"],
        suggestion_library={},
    )
    assert [r.code for r in result.reasons] == [
        "low_technical",
        "low_business",
        "interview_concern",
    ]
    assert result.suggestions == []


LIVE_STREAM = CourseOption(
    id="c-live",
    title="Live-stream Marketing in Practice",
    provider="Acme Academy",
    url="https://learn.example.com/live",
    skills=["Live-Stream Marketing"],
)


def test_a_course_whose_skill_names_the_gap_becomes_the_suggestion() -> None:
    result = content(
        stage="screening",
        unmet=[Unmet("required_skills", "live-stream marketing", "missing")],
        courses=[LIVE_STREAM],
    )
    assert result.suggestions == [
        "The course “Live-stream Marketing in Practice” by Acme Academy "
        "(https://learn.example.com/live) covers exactly this."
    ]
    zh = content(
        stage="screening",
        locale="zh-CN",
        unmet=[Unmet("required_skills", "live-stream marketing", "missing")],
        courses=[LIVE_STREAM],
    )
    assert zh.suggestions == [
        "推荐学习Acme Academy的课程《Live-stream Marketing in Practice》"
        "（https://learn.example.com/live），正好覆盖这方面的内容。"
    ]


def test_a_course_matches_the_dimension_key_or_name_and_the_concern() -> None:
    sql = CourseOption(id="c-sql", title="SQL Basics", skills=["ＳＱＬ"])  # full-width
    team = CourseOption(id="c-team", title="Team management in practice", skills=["culture"])
    result = content(
        dimension_means={"culture": 4.0},
        evaluations_concerns=["缺少扎实的sql基础"],
        courses=[sql, team],
        suggestion_library={},
    )
    assert result.suggestions == [
        "The course “Team management in practice” covers exactly this.",
        "The course “SQL Basics” covers exactly this.",
    ]


def test_a_course_covers_a_gap_only_where_its_skill_stands_as_a_word() -> None:
    assert mentions("hands-on Go high-concurrency projects", "go")
    assert not mentions("good communication", "Go")
    assert mentions("缺少数据分析经验", "数据分析")
    assert mentions("Ｐｙｔｈｏｎ experience", "python")
    assert not mentions("anything", "")


def test_a_course_in_another_language_only_is_not_suggested() -> None:
    english_only = CourseOption(id="c-en", title="SQL Basics", skills=["sql"], locales=["en"])
    chinese = CourseOption(id="c-zh", title="SQL 入门", skills=["sql"], locales=["zh-CN"])
    gap = {"evaluations_concerns": ["no SQL experience"], "suggestion_library": {}}
    assert content(locale="zh-CN", courses=[english_only], **gap).suggestions == []
    assert content(locale="zh-CN", courses=[english_only, chinese], **gap).suggestions == [
        "推荐学习课程《SQL 入门》，正好覆盖这方面的内容。"
    ]
    assert content(locale="en-GB", courses=[chinese, english_only], **gap).suggestions == [
        "The course “SQL Basics” covers exactly this."
    ]


def test_unknown_dimension_key_is_named_readably() -> None:
    result = content(dimension_means={"data_analysis": 9.0}, dimension_names={})
    assert result.strengths == ["Data analysis"]


CODES = [
    "missing_experience",
    "missing_skill",
    "industry_mismatch",
    "education",
    "missing_language",
    "interview_concern",
    "technical",
    "business",
    "culture",
    "communication",
    "leadership",
]


def test_default_suggestions_cover_the_codes_in_both_languages() -> None:
    assert set(DEFAULT_SUGGESTIONS) == {"en", "zh-CN"}
    # No filler: a gap without an entry gets no suggestion at all.
    assert "generic" not in EN and "generic" not in ZH
    for key in CODES:
        assert EN[key] and not CJK.search(EN[key])
        assert CJK.search(ZH[key]), key
        assert ("{subject}" in EN[key]) == ("{subject}" in ZH[key]), key


def test_both_phrase_packs_word_the_same_things() -> None:
    # The wording is data (domain/data/rejection_phrases.json): a key one language lacks
    # would fail only for readers of that language.
    from recruiting_service.domain import rejections

    packs, prefixes = rejections._phrase_book()
    assert set(packs) == {"en", "zh"}
    assert packs["en"].reasons.keys() == packs["zh"].reasons.keys()
    assert list(prefixes) == sorted(prefixes, key=len, reverse=True)


@pytest.mark.parametrize(
    ("locale", "level", "language", "expected"),
    [
        (
            "en",
            "associate",
            "yue",
            ("an associate degree or higher", "working proficiency in Cantonese"),
        ),
        ("zh-CN", "associate", "pt", ("大专及以上学历", "熟练的葡萄牙语工作能力")),
        ("zh-CN", "secondary", "ja", ("高中/中专及以上学历", "熟练的日语工作能力")),
    ],
)
def test_levels_and_languages_are_named_by_the_shared_vocabularies(
    locale: str, level: str, language: str, expected: tuple[str, str]
) -> None:
    # The whole ladder and every language the packs know (issue 19), not a local table.
    content = default_rejection_content(
        stage="screening",
        locale=locale,
        unmet=[Unmet("education", level, "none"), Unmet("languages", language, "missing")],
        dimension_means={},
        dimension_names={},
        evaluations_strengths=[],
        evaluations_concerns=[],
        suggestion_library=DEFAULT_SUGGESTIONS,
    )
    assert tuple(r.text for r in content.reasons) == expected


def test_the_shipped_suggestions_pass_the_notice_phrasing_unflagged() -> None:
    """Every suggestion a new installation ships reads as a sentence of the notice: notify's
    phrasing step holds a notice for review when one does not, so a flagged default would
    hold every rejection that uses it."""
    from recruiting_service.domain.rejections import DEFAULT_SUGGESTIONS
    from talentloop_shared.language import phrase_notice

    for locale, entries in DEFAULT_SUGGESTIONS.items():
        if locale.startswith("_"):
            continue
        subject = "Kubernetes 运维" if locale.startswith("zh") else "Kubernetes operations"
        for code, template in entries.items():
            text = template.replace("{subject}", subject)
            phrased = phrase_notice(locale, suggestions=[text])
            assert not phrased.flagged, (locale, code, [p.notes for p in phrased.flagged])
