"""Small text helpers the phrasing step and the vocabularies share (pure, no data)."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

# CJK ideographs (basic, extension A, compatibility): the script of Chinese text.
HAN: Final = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE: Final = re.compile(f"[{HAN}]")
_SPACE_RE: Final = re.compile(r"[\s\u3000]+")
# A space between a Han character and anything else carries no meaning for matching.
_SPACE_BY_HAN_RE: Final = re.compile(f"(?<=[{HAN}])\\s+|\\s+(?=[{HAN}])")
_DASHES_RE: Final = re.compile(r"[_\u2010\u2011\u2012\u2013\u2014\u2212-]+")

# Punctuation that may close a phrase; a frame adds its own.
TRAILING_PUNCTUATION: Final = ".,;:!?。，、；：！？…~～·-—–/\\|"
OPENING_PUNCTUATION: Final = ",;:!?。，、；：！？)）]】》>"  # not ".": ".NET"
# Quotes people wrap a quoted remark in, paired.
QUOTE_PAIRS: Final = {
    '"': '"',
    "'": "'",
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "«": "»",
}


def has_han(text: str) -> bool:
    """Whether the text contains at least one Chinese character."""
    return HAN_RE.search(text) is not None


# Full-width forms kept as they are: Chinese text writes its brackets and tilde full width.
_KEEP_FULL_WIDTH: Final = frozenset("（）～")


def fold_width(text: str) -> str:
    """Full-width ASCII forms ("Ｐｙｔｈｏｎ", "，", "－") and the ideographic space as ASCII.

    A language's own punctuation style is applied afterwards (the phrasing step writes
    "，" back between Chinese words).
    """
    out: list[str] = []
    for ch in text:
        code = ord(ch)
        if ch == "\u3000":
            out.append(" ")
        elif 0xFF01 <= code <= 0xFF5E and ch not in _KEEP_FULL_WIDTH:
            out.append(chr(code - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out)


def collapse_spaces(text: str) -> str:
    """Runs of whitespace (the ideographic space included) as one space, trimmed."""
    return _SPACE_RE.sub(" ", text).strip()


def term_key(text: str) -> str:
    """The comparison key of a term: NFKC, case-folded, dashes as spaces, spaces collapsed.

    Spaces next to Chinese characters are dropped ("Go 语言" and "Go语言" are one term), and
    surrounding quotes and trailing punctuation do not count.
    """
    key = unicodedata.normalize("NFKC", text).casefold()
    key = _DASHES_RE.sub(" ", key)
    key = collapse_spaces(key)
    key = _SPACE_BY_HAN_RE.sub("", key)
    return strip_quotes(strip_leading(strip_trailing(key))).strip()


def strip_quotes(text: str) -> str:
    """The text without one pair of quotes around the whole of it."""
    text = text.strip()
    while len(text) >= 2 and QUOTE_PAIRS.get(text[0]) == text[-1]:
        text = text[1:-1].strip()
    return text


def strip_trailing(text: str) -> str:
    """The text without trailing punctuation and spaces (a frame adds its own)."""
    return text.rstrip(TRAILING_PUNCTUATION + " \t\n").rstrip()


def strip_leading(text: str) -> str:
    """The text without leading punctuation, bullets and spaces."""
    return text.lstrip(OPENING_PUNCTUATION + " \t\n").lstrip()
