"""The prefiltered compliance scanner flags exactly what the plain expression flags.

`compliance_reference.RegexScanner` is the scanner as it was before the prefilter (one
expression searched over the whole text). The scanner now tries that expression only where
an Aho-Corasick pass over the folded text finds that a term or a pattern can start; these
tests compare both, flag for flag (category, phrase, excerpt, text index, in order), on
every shipped term in varied surroundings, on the allow phrases and patterns, on custom
word lists that take the other paths, and on random text built from fragments of all that.
"""

from __future__ import annotations

import re
import string
from functools import cache
from typing import Any

from compliance_reference import RegexScanner
from hypothesis import given, settings
from hypothesis import strategies as st

from notify_service.domain import compliance
from notify_service.domain.compliance import ComplianceScanner, default_scanner, load_terms

FlagRow = tuple[str, str, str, int]


@cache
def _shipped() -> tuple[dict[str, Any], list[str], RegexScanner]:
    terms = load_terms()
    return (
        terms["categories"],
        terms["allow"],
        RegexScanner(terms["categories"], allow=terms["allow"]),
    )


def _rows(scanner: ComplianceScanner | RegexScanner, texts: list[str]) -> list[FlagRow]:
    return [(f.category, f.phrase, f.text_excerpt, f.text_index) for f in scanner.scan(texts)]


def _same(texts: list[str], scanner: ComplianceScanner | None = None, ref: Any = None) -> None:
    scanner = scanner or default_scanner()
    ref = ref or _shipped()[2]
    for text in texts:  # one by one, so a difference names its text
        assert _rows(scanner, [text]) == _rows(ref, [text]), text
    assert _rows(scanner, texts) == _rows(ref, texts)  # and together: text indexes, dedup


def _variants(term: str) -> list[str]:
    """`term` in other cases and with other whitespace between its words."""
    words = term.split()
    return [
        term,
        term.upper(),
        term.title(),
        "\n".join(words),
        "  ".join(w.upper() for w in words),
        " \t\n ".join(words),
        "\u3000".join(words),
    ]


def _embedded(term: str) -> list[str]:
    """`term` at word boundaries, inside words, beside digits and punctuation."""
    return [
        term,
        f"Honestly, {term}.",
        f"x{term}",
        f"{term}x",
        f"1{term}",
        f"{term}9",
        f"-{term}-",
        f"({term})",
        f"e{term}s and {term}s",
        f"说{term}的",
        f"{term}{term}",
        f"{term} {term}",
        f"\n\n{term}\n\n",
    ]


def test_every_shipped_term_in_every_surrounding() -> None:
    categories, _allow, _ref = _shipped()
    texts = []
    for lists in categories.values():
        for term in [*lists.get("en", ()), *lists.get("zh", ())]:
            for variant in _variants(term):
                texts += _embedded(variant)
    assert len(texts) > 10_000
    flagged = sum(bool(_rows(_ref, [t])) for t in texts)
    assert flagged > len(texts) // 2  # mostly texts with flags
    _same(texts)


def test_overlapping_terms_allow_phrases_and_patterns() -> None:
    _categories, allow, _ref = _shipped()
    texts = [
        *allow,
        *(a.upper() for a in allow),
        *(f"we fixed a {a} bug; the {a} was female and male" for a in allow),
        "females males female male email emails",
        "at your age your age at  your\nage",
        "a female candidate, a male candidate, as a woman, as a man",
        "外地户口户口本地户口外地人",
        "垃圾回收垃圾，女性用户女性，地域市场地域",
        "race condition, your race, RACE CONDITION",
        "lazy-loading lazy loading lazy",
        "she is 52 years old, 52yrs-old, 52 YEARS   OLD, 52-year-old, 7 years old",
        "aged 45, AGED\n45, aged 4, aged 456, unaged 45, aged45",
        "35岁 35周岁 35 岁 3岁 ３５岁 ٣٥ years old 1999 years old",
        "年龄35岁以下，限男，35周岁以内",
        "12 months, 2024, 100% and 3.5 years of experience",
        "TOO  OLD\nfor us",
        "Too\u00a0old, too\u2028young, too\u0085young",
        # characters `re` folds onto ASCII letters, and 'İ' whose lower() is two characters
        "İslam İSLAM ıslam hındu ſtupid ſkin colour huKou \u212aids",
        "İİİ too old İ male İ 52 years old",
        "ß ẞ Σ σ ς fi ﬁ ǅ too old",
        "",
        " ",
        "\n",
    ]
    _same(texts)


def test_custom_lists_that_take_the_other_paths() -> None:
    cases: list[tuple[dict[str, Any], list[str], list[str]]] = [
        (  # cased non-ASCII letters: the expression alone; an anchored and a digit pattern
            {
                "x": {
                    "en": ["Straße", "über alles", "as a rule", "as", "k9"],
                    "zh": ["a字", "狼性", "狼"],
                    "patterns": [r"\bk\d\b", r"\d+x"],
                }
            },
            ["über", "as a rule of thumb"],
            ["STRASSE straße ÜBER ALLES über alles", "k9 K9 a字 as 12x", "as a rule of thumb as"],
        ),
        (  # patterns whose start is not known, and one that matches the empty string
            {"y": {"en": ["rock star"], "patterns": [r"[xy]z+", r"(?:foo|bar)\d", r"q*"]}},
            [],
            ["xzz yz foo1 bar2 rock  star", "qq rock star q", "", "abc"],
        ),
        (  # terms ending where an allowed phrase ends, or that are one
            {"w": {"en": ["star", "rock star", "rock"], "zh": ["回收", "垃圾回收"]}},
            ["rock star", "垃圾回收"],
            ["a rock star, a ROCK\nSTAR, a star, rock, 垃圾回收 回收 垃圾回收站", "rock  star"],
        ),
        (  # terms with whitespace in Chinese, leading whitespace, and digits
            {"z": {"zh": ["狼 性", "狼  性", " 狼"], "en": ["top 10", "4u"]}},
            [],
            ["狼 性 狼  性 狼\n性 狼", "top 10 TOP\n10 top10 4u 4U4u"],
        ),
    ]
    for categories, allow, texts in cases:
        _same(
            texts, ComplianceScanner(categories, allow=allow), RegexScanner(categories, allow=allow)
        )


def test_the_fold_compares_as_ignorecase_does() -> None:
    # Every character that `re.IGNORECASE` matches to a character of a listed term or of a
    # pattern's key is folded as that character is; `\s` is `str.isspace`, `\d` is
    # `str.isdecimal`: so the prefilter never misses a place the expression matches.
    categories, _allow, _ref = _shipped()
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    alphabet = {
        c
        for lists in categories.values()
        for k in ("en", "zh")
        for t in lists.get(k, ())
        for c in t
    }
    alphabet |= set(string.ascii_letters + string.digits + string.punctuation)  # patterns' too
    alphabet -= {" "}
    folded_alike = re.compile(f"[{''.join(re.escape(c) for c in sorted(alphabet))}]", re.IGNORECASE)
    for char in set(folded_alike.findall(every)):
        for listed in alphabet:
            if re.fullmatch(re.escape(listed), char, re.IGNORECASE):
                assert compliance._fold(char) == compliance._fold(listed), (char, listed)
    assert set(re.findall(r"\s", every)) == {c for c in every if c.isspace()}
    assert set(re.findall(r"\d", every)) == set(compliance._decimal_digits())
    assert all(compliance._fold(d) == d for d in compliance._decimal_digits())
    assert [c for c in every if len(c.lower()) != 1] == ["İ"]


def test_pattern_keys() -> None:
    digits = compliance._decimal_digits()
    assert compliance._pattern_keys(r"\b\d{2}\s*(?:years?|yrs?)[\s-]*old\b") == digits
    assert compliance._pattern_keys(r"\baged\s+\d{2}\b") == ("aged",)
    assert compliance._pattern_keys(r"\d{2}\s*周?岁") == digits
    assert compliance._pattern_keys(r"\bK9") == ("k9",)
    assert compliance._pattern_keys(r"ab cd") == ("ab",)
    for unknown in (r"[xy]z", r"(?:a|b)", r"a|b", r"\d*x", r"x?y", r"Ä"):
        assert compliance._pattern_keys(unknown) is None, unknown


def _fragments() -> list[str]:
    categories, allow, _ref = _shipped()
    terms = [t for lists in categories.values() for k in ("en", "zh") for t in lists.get(k, ())]
    pieces = [
        *terms,
        *allow,
        *(t[: len(t) // 2] for t in terms),
        *(t[len(t) // 2 :] for t in terms),
    ]
    pieces += [w for t in terms for w in t.split()]
    pieces += ["years", "yrs", "old", "aged", "岁", "周", "-", ".", "，", "email", "stakeholder"]
    return sorted(set(pieces))


_TEXT = st.lists(
    st.one_of(
        st.sampled_from(_fragments()),
        st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\u3000", "\u00a0", " \n "]),
        st.integers(0, 120).map(str),
        st.sampled_from(["３５", "٣٥", "İ", "ı", "ſ", "\u212a", "ß", "Σ"]),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzAEIOUMS0123456789", max_size=4),
        st.text(alphabet="年龄性别女男户口外地垃圾回收身高的了是人", max_size=4),
    ),
    max_size=30,
).map(lambda parts: "".join(parts).swapcase() if len(parts) % 5 == 4 else "".join(parts))


@settings(max_examples=600, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=3))
def test_random_text_is_flagged_as_the_reference_flags_it(texts: list[str]) -> None:
    ref = _shipped()[2]
    assert _rows(default_scanner(), texts) == _rows(ref, texts)
