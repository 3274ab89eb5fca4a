"""The survey pages speak the candidate's language, found through the shared locale chain."""

from __future__ import annotations

import pytest

from notify_service.api.survey_pages import language, link_problem, thank_you


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh-CN", ("zh", "zh-CN")),
        ("zh_cn", ("zh", "zh-CN")),
        ("zh", ("zh", "zh-CN")),
        ("zh-TW", ("zh", "zh-CN")),  # no Traditional pages yet: Chinese beats English
        ("en-GB", ("en", "en")),
        ("fr", ("en", "en")),
        (None, ("en", "en")),
        ("not a locale", ("en", "en")),
    ],
)
def test_language_of_the_pages(locale, expected):
    assert language(locale) == expected


def test_pages_are_written_in_that_language():
    assert 'lang="zh-CN"' in thank_you("zh-CN") and "感谢" in thank_you("zh-CN")
    assert 'lang="en"' in thank_you("en") and "Thank you" in thank_you("en")
    both = link_problem(expired=True)
    assert "问卷链接已过期" in both and "This survey link has expired" in both
