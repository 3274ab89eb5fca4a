from __future__ import annotations

import random
import re
from typing import Any

import pytest

from notify_service.domain import compliance
from notify_service.domain.compliance import ComplianceScanner, default_scanner, load_terms, scan


def categories(*texts: str) -> set[str]:
    return {f.category for f in scan(texts)}


def test_english_age_phrase_is_flagged_with_excerpt():
    flags = scan(["Strong candidate, but honestly too old for this team."])
    assert [(f.category, f.phrase) for f in flags] == [("age", "too old")]
    assert "too old for this team" in flags[0].text_excerpt
    assert flags[0].text_index == 0


def test_chinese_age_phrase_is_flagged():
    flags = scan(["沟通不错", "候选人年龄偏大，不适合团队"])
    assert [(f.category, f.phrase, f.text_index) for f in flags] == [("age", "年龄偏大", 1)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("TOO  OLD\nfor us", "age"),
        ("只招35岁以下", "age"),
        ("she is 52 years old", "age"),
        ("She may get pregnant soon", "marriage_pregnancy"),
        ("已婚未育，怀孕风险", "marriage_pregnancy"),
        ("外地户口，不考虑", "origin"),
        ("his hukou is elsewhere", "origin"),
        ("The answer was stupid", "insult"),
        ("回答很愚蠢", "insult"),
        ("not a good fit for his religion", "religion"),
        ("uses a wheelchair", "disability_health"),
        ("有乙肝病史", "disability_health"),
        ("we prefer a male candidate", "gender"),
        ("ethnic background", "ethnicity"),
        ("少数民族", "ethnicity"),
    ],
)
def test_each_category_in_both_languages(text, category):
    assert category in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for interviewing with us. Your algorithm design impressed us, but this role "
        "needs hands-on Go high-concurrency project experience. We suggest a Go project with "
        "real concurrency. We will keep your profile and contact you when a role fits.",
        "您好！非常感谢您参与我司产品经理的面试。我们非常欣赏您在面试中展现的用户调研方法论，"
        "但本次岗位更倾向于具有1年以上电商行业用户运营经验的候选人。建议您参与电商行业的项目实践，"
        "未来若有符合您背景的岗位，我们会优先与您联系。",
        "culture fit was good; the placeholder and the stakeholder holder; let's go; Go is fine",
        "understands race conditions and Java garbage collection, lazy loading too",
        "熟悉Java垃圾回收机制，了解女性用户运营，5年以上经验，3年管理经验",
        "Please reply to this email; we emailed the hiring manager",
        "over 10 years of experience with 20 clients",
        "a senior engineer with mature judgement",
    ],
)
def test_normal_notices_are_not_flagged(text):
    assert scan([text]) == []


def test_word_boundaries_for_english_terms():
    assert scan(["older"]) == []  # not listed on its own: "older versions of Java"
    assert scan(["the stakeholders"]) == []
    assert categories("a MALE candidate") == {"gender"}
    assert scan(["email", "females-only"]) != []  # hyphen is a boundary
    assert scan(["female"])[0].phrase == "female"


def test_longest_phrase_wins_and_duplicates_collapse():
    flags = scan(["外地户口，外地户口"])
    assert [f.phrase for f in flags] == ["外地户口"]


def test_empty_and_none_like_inputs():
    assert scan([]) == []
    assert scan(["", "   "]) == []


def test_custom_scanner_and_allow_list():
    scanner = ComplianceScanner(
        {"custom": {"en": ["rockstar"], "zh": ["狼性"]}}, allow=["rockstar programmer"]
    )
    assert [f.phrase for f in scanner.scan(["a rockstar", "要有狼性"])] == ["rockstar", "狼性"]
    assert scanner.scan(["a rockstar programmer"]) == []
    assert ComplianceScanner({}).scan(["anything"]) == []


def test_word_lists_cover_required_categories():
    cats = load_terms()["categories"]
    for name in (
        "age",
        "gender",
        "marriage_pregnancy",
        "ethnicity",
        "religion",
        "disability_health",
        "origin",
        "insult",
    ):
        assert cats[name]["en"] and cats[name]["zh"], name
    assert "年龄偏大" in cats["age"]["zh"] and "too old" in cats["age"]["en"]


def test_scanner_is_compiled_once_and_scans_long_text():
    # Speed is bench/notify_send.py's to show; here: one compiled scanner, long text scanned.
    assert default_scanner() is default_scanner()
    text = "Your algorithm design impressed us, but the role needs Go experience. " * 50
    assert scan([text]) == scan([text])
    assert scan([text + " You are too old for this team."])


def _reference(categories: dict[str, Any], allow: list[str]) -> tuple[re.Pattern[str], ...]:
    """What the scanner's expressions stand for: every term an alternative of its own,
    longest first (the scanner merges them into prefix trees and gates them)."""
    alternatives: list[tuple[int, str]] = []
    for lists in categories.values():
        alternatives += [(len(t), compliance._latin(t)) for t in lists.get("en", ())]
        alternatives += [(len(t), re.escape(t)) for t in lists.get("zh", ())]
        alternatives += [(len(p), f"(?:{p})") for p in lists.get("patterns", ())]
    alternatives.sort(key=lambda item: -item[0])
    allowed = [
        compliance._latin(a) if a.isascii() else re.escape(a)
        for a in sorted(allow, key=len, reverse=True)
    ]
    return (
        re.compile("|".join(src for _, src in alternatives), re.IGNORECASE),
        re.compile("|".join(allowed), re.IGNORECASE),
    )


def _texts(categories: dict[str, Any], allow: list[str], n: int) -> list[str]:
    """Texts made of listed terms (in any case, with any whitespace, cut short, run into
    other words), allowed phrases, numbers and ordinary words, in both languages."""
    rng = random.Random(17)
    terms = [t for lists in categories.values() for k in ("en", "zh") for t in lists.get(k, ())]
    words = [
        "older", "stakeholder", "email", "the", "a", "Go", "years", "old", "aged", "岁", "周",
        "经验", "用户", "候选人", "，", ".", "-", "!", "非常", "age", "man", "woman", "mother",
    ]  # fmt: skip

    def piece() -> str:
        roll = rng.random()
        if roll < 0.45:
            term = rng.choice(terms)
            if rng.random() < 0.3:
                term = term[: rng.randrange(1, len(term) + 1)]
            term = "".join(c.upper() if rng.random() < 0.3 else c for c in term)
            return rng.choice([" ", "  ", "\n", "\t "]).join(term.split(" "))
        if roll < 0.55:
            return rng.choice(allow)
        if roll < 0.65:
            return f"{rng.randrange(100)}{rng.choice(['', ' ', '  '])}{rng.choice(words)}"
        return rng.choice(words)

    return [
        "".join(piece() + rng.choice(["", " ", "", "x", "1"]) for _ in range(12)) for _ in range(n)
    ]


def _matches(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int, str]]:
    return [(*m.span(), m.group(0)) for m in pattern.finditer(text)] if pattern else []


def test_the_prefix_trees_match_exactly_what_the_plain_alternation_matches():
    terms = load_terms()
    categories, allow = terms["categories"], terms["allow"]
    scanner = default_scanner()
    regex, allowed = _reference(categories, allow)
    texts = _texts(categories, allow, 3000)
    assert sum(bool(regex.search(t)) for t in texts) > 2000  # mostly texts with hits
    for text in texts:
        assert _matches(scanner._regex, text) == _matches(regex, text), text
        assert _matches(scanner._allow, text) == _matches(allowed, text), text


def test_terms_the_prefix_trees_cannot_hold_stay_plain_alternatives():
    # Non-ASCII letters with case variants, an English and a Chinese term sharing a first
    # character, a pattern between terms: the same matches as the plain alternation.
    categories = {
        "x": {
            "en": ["Straße", "über alles", "as a rule", "as", "k9"],
            "zh": ["a字", "狼性", "狼"],
            "patterns": [r"\bk\d\b"],
        }
    }
    allow = ["über", "as a rule of thumb"]
    scanner = ComplianceScanner(categories, allow=allow)
    regex, allowed = _reference(categories, allow)
    for text in [*_texts(categories, allow, 500), "STRASSE straße ÜBER ALLES", "k9 K9 a字 as"]:
        assert _matches(scanner._regex, text) == _matches(regex, text), text
        assert _matches(scanner._allow, text) == _matches(allowed, text), text
