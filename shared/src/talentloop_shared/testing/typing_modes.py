"""Text as people's keyboards produce it, for tests of what the services take in."""

from __future__ import annotations

from typing import Final

_FULL_WIDTH: Final = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


def full_width(text: str) -> str:
    """`text` as a Chinese input method left in full-width mode types it: ASCII letters,
    digits and signs as their full-width forms (`ACME-001` → `ＡＣＭＥ－００１`)."""
    return text.translate(_FULL_WIDTH)
