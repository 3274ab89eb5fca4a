"""Email addresses, one way for every service that stores one (org's staff directory,
recruiting's candidates, notify's HR addresses): the spelling stored, compared, written to.

Typed with a Chinese input method left in full-width mode, `ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ` is
`li@example.com` to the person who typed it; stored as typed it is another candidate (the
duplicate check compares addresses) and a mailbox most servers refuse. So the address is
folded first (`characters.fold_width`: full-width letters, digits and signs as ASCII;
other scripts as written), then checked, then lower-cased whole.
"""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email

from talentloop_shared.characters import fold_width


def canonical_email(value: str) -> str:
    """The address folded, checked and lower-cased (`  Li.Na@Example.COM ` →
    `li.na@example.com`); a ValueError that says what is wrong when it is not one."""
    text = fold_width(value or "").strip()
    if not text:
        raise ValueError("must not be empty")
    try:
        # No DNS lookup: validation is pure and works offline (imports, tests).
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(f"not an email address: {exc}") from None
    # Lower-cased whole (not only the domain): one spelling to compare, a unique key.
    return result.normalized.lower()
