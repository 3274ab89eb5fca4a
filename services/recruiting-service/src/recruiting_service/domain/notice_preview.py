"""What the candidate will read, before it is sent (issue 19): a rejection's strengths,
reasons and suggestions phrased for the candidate's locale by the shared phrasing step
(`talentloop_shared.language.phrase_notice`), the one notify-service phrases notices with.

Each item comes back as the phrasing step describes it (`Phrased.as_dict()`: the sentence
the candidate will read, its form, whether it fits the notice's frame, notes), and `review`
lists what could not be fitted safely (a remark quoted instead of framed, a vague reason, a
gap written as a strength, filler advice…) with each note explained in the reader's
language, so HR can reword it. Nothing here blocks a rejection: notify holds a flagged
notice for review. Pure: no I/O beyond the packaged language packs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from talentloop_shared.language import phrase_notice, phraser
from talentloop_shared.language.phrasing import Phrased, ReasonLike

__all__ = ["NoticePreview", "phrased_preview"]


@dataclass(frozen=True, slots=True)
class NoticePreview:
    """A rejection notice's phrases for one reader, and the ones HR should review."""

    locale: str
    strengths: tuple[dict[str, Any], ...]
    reasons: tuple[dict[str, Any], ...]
    suggestions: tuple[dict[str, Any], ...]
    review: tuple[dict[str, Any], ...]

    @property
    def flagged(self) -> bool:
        """Whether anything should be reviewed before it is sent."""
        return bool(self.review)


def _review_item(item: Phrased, explain: Any) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "code": item.code,
        "source": item.source,
        "sentence": item.sentence,
        "notes": list(item.notes),
        "why": [explain(note) for note in item.notes],
    }


def phrased_preview(
    locale: str | None,
    *,
    strengths: Iterable[str] = (),
    reasons: Iterable[str | ReasonLike] = (),
    suggestions: Iterable[str] = (),
) -> NoticePreview:
    """The notice's phrases as the candidate in `locale` will read them, with a review list."""
    notice = phrase_notice(locale, strengths=strengths, reasons=reasons, suggestions=suggestions)
    engine = phraser(locale)

    def views(items: Sequence[Phrased]) -> tuple[dict[str, Any], ...]:
        return tuple(item.as_dict() for item in items)

    return NoticePreview(
        locale=notice.locale,
        strengths=views(notice.strengths),
        reasons=views(notice.reasons),
        suggestions=views(notice.suggestions),
        review=tuple(_review_item(item, engine.note_text) for item in notice.flagged),
    )
