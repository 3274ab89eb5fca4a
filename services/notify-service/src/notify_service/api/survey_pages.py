"""The candidate's survey pages: plain HTML forms that work without JavaScript.

Every word on them comes from the language packs' `survey` section
(`talentloop_shared/language/packs/<locale>/survey.json`, plus NOTIFY_LANGUAGE_PACKS_DIR),
so a new language is a folder of data: the page texts, `lang` (the page's lang attribute)
and `questions` by key. A key missing from the reader's pack falls back along the locale
chain (zh-HK → zh-TW → en).
"""

from collections.abc import Mapping
from html import escape
from typing import Any, Final

from notify_service.db.models import SurveyResponse
from notify_service.domain.survey import RATING_QUESTIONS
from talentloop_shared.language import LanguagePacks, default_packs

SECTION: Final = "survey"
"""The language-pack section with the survey page's words."""

# The reader is unknown (a mangled link): say it in the two languages most readers read.
_UNKNOWN_READER: Final = ("zh-CN", "en")


def texts(locale: str | None, packs: LanguagePacks | None = None) -> tuple[Mapping[str, Any], str]:
    """(the survey words for a reader, the page's lang attribute): the most specific pack
    along the reader's chain that has a survey section of its own sets the language."""
    packs = packs or default_packs()
    section = packs.section(locale, SECTION)
    own = next((tag for tag in packs.chain(locale) if packs.own(tag, SECTION)), "en")
    return section, str(section.get("lang") or own)


def _question(t: Mapping[str, Any], key: str) -> str:
    return str(t.get("questions", {}).get(key, key))


def _page(lang: str, title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;"
        "padding:0 1rem;line-height:1.5}fieldset{margin:1rem 0;border:1px solid #ccc}"
        "label{margin-right:1rem}textarea{width:100%}"
        "button{font-size:1rem;padding:.5rem 1rem}</style>\n</head>\n"
        f"<body>\n<main>\n<h1>{escape(title)}</h1>\n{body}\n</main>\n</body>\n</html>\n"
    )


def survey_form(
    *,
    locale: str,
    action: str,
    previous: SurveyResponse | None,
    error: str | None = None,
    packs: LanguagePacks | None = None,
) -> str:
    """The survey form, prefilled with a previous answer."""
    t, lang = texts(locale, packs)
    parts = [f"<p>{escape(t['intro'])}</p>"]
    if error:
        parts.append(f'<p role="alert"><strong>{escape(t["error"] + error)}</strong></p>')
    elif previous is not None:
        parts.append(f"<p>{escape(t['previous'])}</p>")
    parts.append(f'<form method="post" action="{escape(action)}">')
    for q in RATING_QUESTIONS:
        current = getattr(previous, q, None) if previous else None
        radios = []
        for value in range(1, 6):
            rid = f"{q}-{value}"
            checked = " checked" if current == value else ""
            radios.append(
                f'<input type="radio" id="{rid}" name="{q}" value="{value}"{checked}>'
                f'<label for="{rid}">{value}</label>'
            )
        parts.append(
            f"<fieldset>\n<legend>{escape(_question(t, q))}</legend>\n"
            f'<p id="{q}-hint">{escape(t["scale"])}</p>\n' + "\n".join(radios) + "\n</fieldset>"
        )
    comment = escape(previous.comment or "") if previous else ""
    parts.append(
        f'<p><label for="comment">{escape(_question(t, "comment"))}</label><br>\n'
        f'<textarea id="comment" name="comment" rows="5" maxlength="4000">{comment}</textarea></p>'
    )
    # Yes or no, neither chosen at first: leaving it is not a no.
    said = previous.open_to_future_roles if previous is not None else None
    choices = []
    for word, answer in (("yes", True), ("no", False)):
        rid = f"open_to_future_roles-{word}"
        checked = " checked" if said is answer else ""
        choices.append(
            f'<input type="radio" id="{rid}" name="open_to_future_roles" value="{word}"'
            f'{checked}><label for="{rid}">{escape(str(t.get(word, word)))}</label>'
        )
    parts.append(
        "<fieldset>\n"
        f"<legend>{escape(_question(t, 'open_to_future_roles'))}</legend>\n"
        + "\n".join(choices)
        + "\n</fieldset>"
    )
    parts.append(f'<p><button type="submit">{escape(t["submit"])}</button></p>\n</form>')
    return _page(lang, t["title"], "\n".join(parts))


def thank_you(locale: str, packs: LanguagePacks | None = None) -> str:
    """The page after answering."""
    t, lang = texts(locale, packs)
    return _page(
        lang, t["thanks_title"], f"<p>{escape(t['thanks'])}</p>\n<p>{escape(t['again'])}</p>"
    )


def link_problem(
    *, expired: bool, locale: str | None = None, packs: LanguagePacks | None = None
) -> str:
    """The page for an expired or invalid link (bilingual when the reader is unknown)."""
    readers = [texts(locale, packs)] if locale else [texts(r, packs) for r in _UNKNOWN_READER]
    lang = readers[0][1] if locale else "en"
    title_key, text_key = ("gone_title", "gone") if expired else ("invalid_title", "invalid")
    body = "\n".join(
        f'<p lang="{escape(tag)}">{escape(t[title_key])}: {escape(t[text_key])}</p>'
        for t, tag in readers
    )
    return _page(lang, " / ".join(t[title_key] for t, _ in readers), body)
