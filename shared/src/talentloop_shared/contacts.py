"""Email addresses, one way for every service that stores one (org's staff directory,
recruiting's candidates, notify's HR addresses): the spelling stored, compared, written to.

Typed with a Chinese input method left in full-width mode, `ｌｉ＠ｅｘａｍｐｌｅ．ｃｏｍ` is
`li@example.com` to the person who typed it; stored as typed it is another candidate (the
duplicate check compares addresses) and a mailbox most servers refuse. So the address is
folded first (`characters.fold_width`: full-width letters, digits and signs as ASCII;
other scripts as written), then checked, then lower-cased whole.
"""

from __future__ import annotations

from typing import Annotated, Final

from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, Field

from talentloop_shared.characters import fold_width

EMAIL_MAX_LENGTH: Final = 320
"""The longest address a column holds (RFC 3696's 64 + 1 + 255)."""


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


EmailAddress = Annotated[
    str,
    Field(max_length=EMAIL_MAX_LENGTH, json_schema_extra={"format": "email"}),
    AfterValidator(canonical_email),
]
"""An email address in a request (body or query) as every service takes one: stored as
`canonical_email` spells it; a 422 that says what is wrong when it is not one."""
