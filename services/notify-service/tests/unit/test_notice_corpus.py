"""The phrasing corpus through every shipped rejection template (issue 19, item 6).

Each phrase of the shared corpus (reasons, strengths and suggestions as interviewers and HR
write them: own verbs, preferences, deficits, whole sentences, bullets, doubled and
full-width punctuation, mixed scripts, one word or a paragraph; at least 40 reasons per
language) goes into a `candidate-rejected` event and is rendered, the way notify renders a
notice, through every shipped rejection template of its language: every job family,
stage and band, email and SMS. For each rendered notice:

- the phrase's key words are in it (a reason that cannot be fitted is quoted as a sentence
  of its own; SMS leaves such a reason out, and the notice is held for review);
- none of the language's breakages appears (doubled verbs, a frame verb followed by a
  negation or a deficit word, doubled or dangling punctuation, "建议…建议");
- an empty suggestion list leaves the suggestion paragraph out: no empty "建议：".

The corpus itself lives with the phrasing step (shared/tests/unit/test_phrasing_corpus.py)
so there is one list of how people write; this test loads it from there.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from notify_service.domain.defaults import default_templates
from notify_service.domain.templates import phrased_rejection, rejection_context, render
from talentloop_shared.events.payloads import CandidateRejected
from talentloop_shared.language import Phrased, PhrasedNotice, default_packs, phraser

_CORPUS_FILE = (
    Path(__file__).resolve().parents[4] / "shared" / "tests" / "unit" / "test_phrasing_corpus.py"
)


def _load_corpus() -> ModuleType:
    name = "talentloop_phrasing_corpus"
    spec = importlib.util.spec_from_file_location(name, _CORPUS_FILE)
    assert spec is not None and spec.loader is not None, _CORPUS_FILE
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


CORPUS = _load_corpus()
PACKS = default_packs()  # the packs notify phrases with when no folder is configured
TEMPLATES = [t for t in default_templates(PACKS) if t["kind"] == "rejection"]
LOCALES = ("en", "zh-CN", "zh-TW")
# What the other slots hold while one phrase is tried, in each language.
FILLER = {
    "en": ("clear algorithm design", "Go concurrency experience", "build a Go crawler"),
    "zh-CN": ("算法设计思路清晰", "Go语言高并发项目经验", "做一个Go爬虫项目"),
    "zh-TW": ("演算法設計思路清楚", "Go語言高並發專案經驗", "做一個Go爬蟲專案"),
}


def _event(template: dict[str, Any], stage: str, **items: list[Any]) -> CandidateRejected:
    band = template["band"] if template["band"] != "*" else None
    locale = template["locale"]
    return CandidateRejected.model_validate(
        {
            "application_id": "a-1",
            "rejected_at": "2026-11-25T09:30:00Z",
            "stage": stage,
            "decided_by": "hr-1",
            "candidate": {
                "id": "c-1",
                "name": "Jane Doe" if locale == "en" else "张伟",
                "locale": locale,
                "talent_pool_consent": True,
            },
            "position": {
                "id": "p-1",
                "title": "Data Engineer",
                "job_family": "general"
                if template["job_family"] == "*"
                else template["job_family"],
                "org_unit_name": "Platform",
            },
            "scorecard": None if band is None else {"composite": 7.0, "band": band},
            **items,
        }
    )


def _stages(template: dict[str, Any]) -> tuple[str, ...]:
    return ("screening", "interview") if template["stage"] == "*" else (template["stage"],)


@cache
def _phrase(kind: str, locale: str, text: str) -> Phrased:
    """One phrase as the phrasing step sees it (the same for every template)."""
    return phraser(locale, PACKS).phrase(kind, text)  # type: ignore[arg-type]


@cache
def _phrased(locale: str, strength: str, reason: str, suggestion: str | None) -> PhrasedNotice:
    """One phrasing per item and language: every template of the language renders it (the
    phrasing does not depend on the template, and this keeps the test quick)."""
    event = _event(
        {"band": "*", "job_family": "*", "locale": locale},
        "interview",
        strengths=[strength],
        reasons=[{"code": "gap", "text": reason}],
        suggestions=[suggestion] if suggestion is not None else [],
    )
    return phrased_rejection(event, locale, packs=PACKS)


def _render(template: dict[str, Any], event: CandidateRejected) -> str:
    suggestion = event.suggestions[0] if event.suggestions else None
    phrased = _phrased(template["locale"], event.strengths[0], event.reasons[0].text, suggestion)
    ctx = rejection_context(
        event,
        survey_url="https://x.example/s/T",
        company_name="Acme",
        packs=PACKS,
        phrased=phrased,
    )
    out = render(template["subject"], template["body"], ctx, html=False)
    return (out.subject or "") + "\n" + out.text


def _contains(text: str, word: str) -> bool:
    return word.casefold() in text.casefold()


def test_the_corpus_is_large_enough():
    for locale in ("en", "zh-CN"):
        assert len(CORPUS.REASONS[locale]) >= 40, locale
        total = (
            len(CORPUS.REASONS[locale])
            + len(CORPUS.STRENGTHS[locale])
            + len(CORPUS.SUGGESTIONS[locale])
        )
        assert total >= 60, locale
    for locale in LOCALES:
        assert [t for t in TEMPLATES if t["locale"] == locale], locale
        assert {t["band"] for t in TEMPLATES if t["locale"] == locale} >= {"*", "close", "far"}


@pytest.mark.parametrize("template", TEMPLATES, ids=[t["name"] for t in TEMPLATES])
def test_every_phrase_reads_well_in_every_shipped_template(template):
    locale = template["locale"]
    engine = phraser(locale, PACKS)
    strength, reason, suggestion = FILLER[locale]
    email = template["channel"] == "email"
    problems: list[tuple[str, str, str]] = []

    def check(text: str, case: Any, keep: bool, what: str, phrased: Phrased) -> None:
        # The lines the phrase went into (the template's own words around it included);
        # checking them rather than the whole letter keeps the breakage scan quick.
        marks = [m for m in (phrased.need, phrased.sentence) if m]
        lines = [line for line in text.splitlines() if any(m in line for m in marks)]
        for broken in engine.breakages("\n".join(lines) or text):
            problems.append((what, case.text, broken))
        if keep:
            for word in case.keep:
                if not _contains(text, word):
                    problems.append((what, case.text, f"lost {word!r}"))

    for stage in _stages(template):
        for case in CORPUS.REASONS[locale]:
            phrased = _phrase("reason", locale, case.text)
            event = _event(
                template,
                stage,
                strengths=[strength],
                reasons=[{"code": "gap", "text": case.text}],
                suggestions=[suggestion],
            )
            text = _render(template, event)
            check(text, case, keep=email or phrased.fits, what="reason", phrased=phrased)
            if email and not phrased.fits:
                assert phrased.sentence in text, (case.text, text)
        for case in CORPUS.STRENGTHS[locale]:
            phrased = _phrase("strength", locale, case.text)
            event = _event(
                template,
                stage,
                strengths=[case.text],
                reasons=[{"code": "gap", "text": reason}],
                suggestions=[suggestion],
            )
            text = _render(template, event)
            check(text, case, keep=email and phrased.fits, what="strength", phrased=phrased)
        for case in CORPUS.SUGGESTIONS[locale]:
            event = _event(
                template,
                stage,
                strengths=[strength],
                reasons=[{"code": "gap", "text": reason}],
                suggestions=[case.text],
            )
            phrased = _phrase("suggestion", locale, case.text)
            check(_render(template, event), case, keep=email, what="suggestion", phrased=phrased)
    assert not problems, "\n".join(map(str, problems[:15]))


@pytest.mark.parametrize("template", TEMPLATES, ids=[t["name"] for t in TEMPLATES])
def test_no_suggestion_means_no_suggestion_paragraph(template):
    locale = template["locale"]
    engine = phraser(locale, PACKS)
    strength, reason, _ = FILLER[locale]
    for stage in _stages(template):
        event = _event(
            template,
            stage,
            strengths=[strength],
            reasons=[{"code": "gap", "text": reason}],
            suggestions=[],
        )
        text = _render(template, event)
        assert not engine.breakages(text), (stage, text)
        assert "\n\n\n" not in text
        if locale.startswith("zh"):
            assert "建议" not in text and "建議" not in text, text
        else:
            assert "suggestion" not in text.casefold(), text
