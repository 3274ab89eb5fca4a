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
"""

from __future__ import annotations

import re
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
