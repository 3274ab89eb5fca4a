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

The bidirectional embedding, override and isolate controls (U+202A–U+202E,
U+2066–U+2069) are removed instead (`without_direction_controls`). They are invisible and
reorder what is shown after them, in the field and past it: a candidate named
`Jane\u202eeoD` read as someone else in HR's lists and in the notice sent to them, and a
remark could be made to show words its author did not write (the "Trojan Source" trick).
They are no text, only instructions for showing it, and they come in with text people
paste (a phone number copied from an Android contact or WhatsApp is wrapped in U+202A …
U+202C), so they are dropped rather than refused: what is kept is the text as it was
typed, in its logical order. Right-to-left names need none of them (the Unicode algorithm
orders Arabic and Hebrew letters by itself); the direction marks (U+200E, U+200F) and the
zero-width joiners some scripts and emoji need are kept.

What is typed with a Chinese input method left in full-width mode is folded where it
stands for ASCII (`fold_width`): codes and external ids (an ERP's `DEPT-001`, a 工号),
email addresses, phone numbers, the notation of an imported evaluation scheme.
`ＤＥＰＴ－００１` is the same code to the person who typed it, so it must find the same
record, not make a second one. A code may not hold an invisible formatting character
either (a zero-width space, a direction mark: `code_problem`), which a name may (a
zero-width joiner belongs in some scripts).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

UNSTORABLE_RE: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
DIRECTION_CONTROLS_RE: Final = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_direction_controls(text: str) -> str:
    """`text` without its bidirectional embedding, override and isolate controls."""
    return text if text.isascii() else DIRECTION_CONTROLS_RE.sub("", text)


def unstorable(text: str) -> tuple[int, str] | None:
    """The first character `text` may not hold, as (its position from 1, its name: "a NUL
    character (U+0000)", "the control character U+001B"); None when there is none."""
    found = UNSTORABLE_RE.search(text)
    if found is None:
        return None
    return found.start() + 1, _control_named(found.group())


def _control_named(char: str) -> str:
    code = ord(char)
    return "a NUL character (U+0000)" if code == 0 else f"the control character U+{code:04X}"


def fold_width(text: str) -> str:
    """`text` as what it stands for when typed in full-width mode: full-width letters,
    digits and signs as their ASCII selves (`ＤＥＰＴ－００１` → `DEPT-001`, `：` → `:`, an
    ideographic space as a space; Unicode NFKC). Case and spaces are kept: a request body
    trims its strings, a path refuses a code that begins or ends with one."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def code_problem(code: str) -> str | None:
    """Why `code` (folded) cannot be a code, or None: it holds a control character (a code
    is one line of text, in a path as in a body: no tab, CR or LF inside it), or an invisible
    formatting character (Unicode category Cf: U+200B ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT
    OVERRIDE, U+FEFF…). "ACME" and "ACME\u200b" would be two codes no one can tell apart,
    and an ERP could never send the second one back."""
    if code.isascii() and code.isprintable():
        return None
    # White space around it is trimmed from a body and refused in a path: what is inside.
    leading = len(code) - len(code.lstrip())
    for position, char in enumerate(code.strip(), start=leading + 1):
        category = unicodedata.category(char)
        if category == "Cc":  # a code is one line: no tab, CR or LF either
            return f"holds {_control_named(char)} at character {position}; remove it"
        if category == "Cf":
            name = unicodedata.name(char, "")
            what = f"U+{ord(char):04X}{f' ({name})' if name else ''}"
            return f"holds the invisible character {what} at character {position}; remove it"
    return None
