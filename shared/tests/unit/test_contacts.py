"""Email addresses as every service stores them: folded, checked, lower-cased whole."""

from __future__ import annotations

import pytest

from talentloop_shared.contacts import canonical_email


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Li.Na@Example.COM ", "li.na@example.com"),
        ("ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ", "li@example.com"),  # an input method in full-width mode
        ("li@ｅｘａｍｐｌｅ.com", "li@example.com"),
        ("\u3000wang@example.cn\u3000", "wang@example.cn"),  # ideographic spaces around it
        ("王芳@example.cn", "王芳@example.cn"),  # a Chinese mailbox name is kept as written
    ],
)
def test_an_address_is_stored_as_the_address_it_stands_for(typed: str, stored: str) -> None:
    assert canonical_email(typed) == stored


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("", "must not be empty"),
        ("\u3000", "must not be empty"),
        ("li.na@", "not an email address"),
        ("two@@example.com", "not an email address"),
    ],
)
def test_what_is_no_address_says_so(typed: str, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        canonical_email(typed)
