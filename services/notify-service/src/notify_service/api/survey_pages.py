"""The candidate's survey pages: plain HTML forms that work without JavaScript."""

from html import escape

from notify_service.db.models import SurveyResponse
from notify_service.domain.survey import RATING_QUESTIONS, SURVEY_QUESTIONS

_TEXT = {
    "en": {
        "title": "How did we do?",
        "intro": "Your answers help us write better, kinder notices. It takes a minute.",
        "scale": "1 = not at all, 5 = very much",
        "submit": "Send my answers",
        "thanks_title": "Thank you",
        "thanks": "Thank you for your answers. They go straight to our hiring team.",
        "again": "You can change your answers with the same link.",
        "gone_title": "This survey link has expired",
        "gone": "Thank you for your interest; the survey for this notice is closed.",
        "invalid_title": "This survey link is not valid",
        "invalid": "Please use the link from your message exactly as it was sent.",
        "error": "Please check your answers: ",
        "previous": "You answered this survey before; sending it again updates your answers.",
        "yes": "Yes",
    },
    "zh": {
        "title": "请评价这封通知",
        "intro": "您的反馈能帮助我们把通知写得更具体、更有温度，只需一分钟。",
        "scale": "1 = 完全不同意，5 = 非常同意",
        "submit": "提交反馈",
        "thanks_title": "感谢您的反馈",
        "thanks": "感谢您抽出时间填写问卷，您的意见会直接转达给我们的招聘团队。",
        "again": "您可以用同一个链接修改答案。",
        "gone_title": "问卷链接已过期",
        "gone": "感谢您的关注，这份通知的问卷已关闭。",
        "invalid_title": "问卷链接无效",
        "invalid": "请使用通知中的原始链接。",
        "error": "请检查您的回答：",
        "previous": "您之前已填写过问卷，再次提交将更新您的回答。",
        "yes": "可以",
    },
}


def language(locale: str | None) -> tuple[str, str]:
    """(key into the texts, value of the lang attribute) for a candidate's locale."""
    if (locale or "").lower().startswith("zh"):
        return "zh", "zh-CN"
    return "en", "en"


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
    t = _TEXT[key]
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
    t = _TEXT[key]
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
        f"{escape(_TEXT[k][title_key])}: {escape(_TEXT[k][text_key])}</p>"
        for k in keys
    )
    return _page(lang, " / ".join(_TEXT[k][title_key] for k in keys), body)
