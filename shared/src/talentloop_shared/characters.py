"""Characters no text we keep may hold: one rule for a request body and an imported cell.

NUL, because PostgreSQL text and jsonb cannot store it (the write failed in the database,
naming no field). The other control characters (C0, DEL and C1), because nobody types
one: a screen does not show them, so "ACME" and "ACME<ESC>" would be two codes (or two
names, or two skills) no one can tell apart; a terminal acts on them (a name with an
escape sequence recolours an operator's shell); XML (an XLSX export, a feed) cannot carry
most of them. A C1 character in decoded text is mojibake (Windows-1252 read as Latin-1,
then saved as UTF-8): its row is better refused, naming it, than stored garbled. Tab,
line feed and carriage return are text people do write (a multi-line comment, Alt+Enter
in a cell).

Codes and external ids (an ERP's `DEPT-001`, a 工号) are also folded (`fold_code`): typed
with a Chinese input method left in full-width mode, `ＤＥＰＴ－００１` is the same code to the
person who typed it, so it must find the same record, not make a second one. A code may
not hold an invisible formatting character either (a zero-width space, a direction mark:
`invisible_in_code`), which a name may (a zero-width joiner belongs in some scripts).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

UNSTORABLE_RE: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def unstorable(text: str) -> tuple[int, str] | None:
    """The first character `text` may not hold, as (its position from 1, its name: "a NUL
    character (U+0000)", "the control character U+001B"); None when there is none."""
    found = UNSTORABLE_RE.search(text)
    if found is None:
        return None
    code = ord(found.group())
    what = "a NUL character (U+0000)" if code == 0 else f"the control character U+{code:04X}"
    return found.start() + 1, what


def fold_code(value: str) -> str:
    """A code as what it stands for: full-width letters, digits and signs as their ASCII
    selves (`ＤＥＰＴ－００１` → `DEPT-001`, an ideographic space as a space; Unicode NFKC).
    Letter case is kept (codes are compared as the ERP spells them), and so are spaces:
    a request body trims its strings, a path refuses a code that begins or ends with one."""
    return value if value.isascii() else unicodedata.normalize("NFKC", value)


def invisible_in_code(code: str) -> tuple[int, str] | None:
    """The first invisible formatting character (Unicode category Cf: U+200B ZERO WIDTH
    SPACE, U+202E RIGHT-TO-LEFT OVERRIDE, U+FEFF…) in `code`, as (its position from 1, its
    name); None when there is none. "ACME" and "ACME\u200b" would be two codes no one can
    tell apart, and an ERP could never send the second one back."""
    if code.isascii():
        return None
    for position, char in enumerate(code, start=1):
        if unicodedata.category(char) == "Cf":
            name = unicodedata.name(char, "")
            return position, f"U+{ord(char):04X}{f' ({name})' if name else ''}"
    return None


def code_problem(code: str) -> str | None:
    """Why `code` (folded) cannot be a code, or None."""
    found = invisible_in_code(code)
    if found is None:
        return None
    position, what = found
    return f"holds the invisible character {what} at character {position}; remove it"
