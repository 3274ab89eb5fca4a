"""The candidate's survey pages: plain HTML forms that work without JavaScript."""

import json
from html import escape
from importlib import resources

from notify_service.db.models import SurveyResponse
from notify_service.domain.survey import RATING_QUESTIONS, SURVEY_QUESTIONS
from talentloop_shared.i18n import DEFAULT_LOCALE, locale_chain

_TEXTS: dict[str, dict[str, str]] = json.loads(
    resources.files(__package__).joinpath("survey_texts.json").read_text(encoding="utf-8")
)["texts"]


def language(locale: str | None) -> tuple[str, str]:
    """(key into the texts, value of the lang attribute) for a candidate's locale: the
    first language of its fallback chain the pages are written in."""
    key = next((tag for tag in locale_chain(locale) if tag in _TEXTS), DEFAULT_LOCALE)
    return key, _TEXTS[key]["lang"]


def _page(lang: str, title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;"
        "padding:0 1rem;line-height:1.5}fieldset{margin:1rem 0;border:1px solid #ccc}"
        "label{margin-right:1rem}textarea{width:100%}"
        "button{font-size:1rem;padding:.5rem 1rem}</style>\n</head>\n"
        f"<body>\n<main>\n<h1>{escape(title)}</h1>\n{body}\n</main>\n</body>\n</html>\n"
    )


def survey_form(
    *, locale: str, action: str, previous: SurveyResponse | None, error: str | None = None
) -> str:
    """The survey form, prefilled with a previous answer."""
    key, lang = language(locale)
    t = _TEXTS[key]
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
            f"<fieldset>\n<legend>{escape(SURVEY_QUESTIONS[q][key])}</legend>\n"
            f'<p id="{q}-hint">{escape(t["scale"])}</p>\n' + "\n".join(radios) + "\n</fieldset>"
        )
    comment = escape(previous.comment or "") if previous else ""
    parts.append(
        f'<p><label for="comment">{escape(SURVEY_QUESTIONS["comment"][key])}</label><br>\n'
        f'<textarea id="comment" name="comment" rows="5" maxlength="4000">{comment}</textarea></p>'
    )
    checked = " checked" if previous is not None and previous.open_to_future_roles else ""
    parts.append(
        "<fieldset>\n"
        f"<legend>{escape(SURVEY_QUESTIONS['open_to_future_roles'][key])}</legend>\n"
        f'<input type="checkbox" id="open_to_future_roles" name="open_to_future_roles" '
        f'value="yes"{checked}><label for="open_to_future_roles">{escape(t["yes"])}</label>\n'
        "</fieldset>"
    )
    parts.append(f'<p><button type="submit">{escape(t["submit"])}</button></p>\n</form>')
    return _page(lang, t["title"], "\n".join(parts))


def thank_you(locale: str) -> str:
    """The page after answering."""
    key, lang = language(locale)
    t = _TEXTS[key]
    return _page(
        lang, t["thanks_title"], f"<p>{escape(t['thanks'])}</p>\n<p>{escape(t['again'])}</p>"
    )


def link_problem(*, expired: bool, locale: str | None = None) -> str:
    """The page for an expired or invalid link (bilingual when the reader is unknown)."""
    keys = [language(locale)[0]] if locale else ["zh", "en"]
    lang = language(locale)[1] if locale else "en"
    title_key, text_key = ("gone_title", "gone") if expired else ("invalid_title", "invalid")
    body = "\n".join(
        f'<p lang="{language(k)[1]}">'
        f"{escape(_TEXTS[k][title_key])}: {escape(_TEXTS[k][text_key])}</p>"
        for k in keys
    )
    return _page(lang, " / ".join(_TEXTS[k][title_key] for k in keys), body)
