"""The survey pages speak the candidate's language: their words come from the language
packs (`survey` section), found through the shared locale chain; a pack added from a
folder brings a new language with no code change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from notify_service.api.survey_pages import link_problem, survey_form, texts, thank_you
from notify_service.domain.survey import SURVEY_QUESTIONS
from talentloop_shared.language import load_packs


@pytest.mark.parametrize(
    ("locale", "lang", "title"),
    [
        ("zh-CN", "zh-CN", "请评价这封通知"),
        ("zh_cn", "zh-CN", "请评价这封通知"),
        ("zh", "zh-CN", "请评价这封通知"),
        ("zh-SG", "zh-CN", "请评价这封通知"),
        ("zh-TW", "zh-TW", "請評價這封通知"),
        ("zh-HK", "zh-TW", "請評價這封通知"),  # Hong Kong reads Traditional, not Simplified
        ("en-GB", "en", "How did we do?"),
        ("fr", "en", "How did we do?"),
        (None, "en", "How did we do?"),
        ("not a locale", "en", "How did we do?"),
    ],
)
def test_language_of_the_pages(locale, lang, title):
    words, page_lang = texts(locale)
    assert (page_lang, words["title"]) == (lang, title)


def test_every_built_in_pack_words_every_question():
    packs = load_packs()
    for locale in ("en", "zh-CN", "zh-TW"):
        words = packs.own(locale, "survey")
        for key in SURVEY_QUESTIONS:
            assert words["questions"][key].strip(), (locale, key)


def test_pages_are_written_in_that_language():
    assert 'lang="zh-CN"' in thank_you("zh-CN") and "感谢" in thank_you("zh-CN")
    assert 'lang="zh-TW"' in thank_you("zh-TW") and "感謝您的回饋" in thank_you("zh-TW")
    assert 'lang="en"' in thank_you("en") and "Thank you" in thank_you("en")
    both = link_problem(expired=True)
    assert "问卷链接已过期" in both and "This survey link has expired" in both


def test_zh_tw_form_is_traditional_throughout():
    page = survey_form(locale="zh-TW", action="/survey/t", previous=None)
    assert 'lang="zh-TW"' in page
    assert "這封通知的語氣讓您感到被尊重嗎？" in page and "送出回饋" in page
    # No Simplified-only characters on the page (反馈, 这, 问卷 written the mainland way).
    for simplified in "这馈问请发给们":
        assert simplified not in page, simplified


def test_a_pack_from_a_folder_brings_a_new_language(tmp_path: Path):
    folder = tmp_path / "packs" / "de"
    folder.mkdir(parents=True)
    words = {
        "lang": "de",
        "title": "Wie war unsere Nachricht?",
        "intro": "Ihre Antworten helfen uns.",
        "submit": "Antworten senden",
        "questions": {"tone": "Wie respektvoll war die Nachricht?"},
    }
    (folder / "survey.json").write_text(json.dumps(words), encoding="utf-8")
    packs = load_packs((str(tmp_path / "packs"),))
    page = survey_form(locale="de-AT", action="/survey/t", previous=None, packs=packs)
    assert 'lang="de"' in page and "Wie war unsere Nachricht?" in page
    assert "Wie respektvoll war die Nachricht?" in page and "Antworten senden" in page
    # What the new pack does not say comes from the English pack, not from code.
    assert "Was the feedback specific enough" in page
    # Without the folder, a German reader gets the English page.
    assert "How did we do?" in survey_form(locale="de-AT", action="/s", previous=None)
