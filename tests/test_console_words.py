"""The console names what the services return in the reader's words: every value of an
enumeration the API documents (and every notice kind notify writes) has a label in each
language the console ships, and each language has the keys English has. A missing label
does not fail in the browser (the screen falls back to the raw value, `decision_pending`),
so it is caught here."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from notify_service.domain.alerts import ALERT_KINDS, PERSONAL_ALERT_KINDS
from notify_service.domain.compliance import load_terms
from notify_service.service.surveys import DELAY_BUCKETS
from org_service.domain.org_tree import ORG_UNIT_KINDS
from talent_service.domain.tags import TAG_KINDS

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ROOT / "console" / "src" / "i18n" / "locales"
LANGUAGES = sorted(p.name for p in LOCALES.iterdir() if p.is_dir())


def _doc(service: str) -> dict[str, Any]:
    return json.loads((ROOT / "docs" / "openapi" / f"{service}.json").read_text())


def _schema(service: str, name: str) -> dict[str, Any]:
    return _doc(service)["components"]["schemas"][name]


def _enum(service: str, schema: str, field: str) -> set[str]:
    """The values the API document lists for `schema.field` (directly, in an anyOf, or
    of its items)."""
    prop = _schema(service, schema)["properties"][field]
    for candidate in (prop, *prop.get("anyOf", ()), prop.get("items", {})):
        if "enum" in candidate:
            return set(candidate["enum"])
    raise AssertionError(f"{service} {schema}.{field} is not an enumeration")


def _words(language: str, namespace: str) -> dict[str, Any]:
    return json.loads((LOCALES / language / f"{namespace}.json").read_text())


def _at(words: dict[str, Any], path: str) -> dict[str, Any]:
    for part in path.split("."):
        words = words.get(part, {})
    return words


PLURAL = re.compile(r"_(zero|one|two|few|many|other)$")
"""i18next's plural suffixes: each language has the forms it needs (Chinese only one)."""


def _keys(words: dict[str, Any], prefix: str = "") -> set[str]:
    out: set[str] = set()
    for key, value in words.items():
        name = f"{prefix}{PLURAL.sub('', key)}"
        out |= _keys(value, name + ".") if isinstance(value, dict) else {name}
    return out


NOTICE_KINDS = _enum("notify", "TemplateCreate", "kind") | {f"alert.{k}" for k in ALERT_KINDS}

# (namespace, the key the screen looks the value up under, the values it may meet)
LABELLED = [
    ("notices", "kind", NOTICE_KINDS),
    ("notices", "status", _enum("notify", "NotificationRead", "status")),
    ("templates", "kind", _enum("notify", "TemplateCreate", "kind")),
    ("templates", "stage", _enum("notify", "TemplateCreate", "stage") - {"*"}),
    ("templates", "band", _enum("notify", "TemplateCreate", "band") - {"*"}),
    ("templates", "background", _enum("notify", "TemplateCreate", "background") - {"*"}),
    ("templates", "channel", _enum("notify", "TemplateCreate", "channel")),
    ("pipeline", "status", _enum("recruiting", "ApplicationRead", "status")),
    ("decisions", "mode", _enum("recruiting", "DecisionPolicyRead", "mode") - {"off"}),
    ("org", "status", _enum("org", "PositionRead", "status")),
    ("org", "education", _enum("org", "RequirementsIn", "education")),
    ("settings", "robots.provider", _enum("notify", "ChatRobotInput", "provider")),
    ("settings", "webhooks.deliveryStatus", _enum("notify", "DeliveryRead", "status")),
    ("settings", "vocabulary.level", _enum("org", "RequirementsIn", "education")),
    ("settings", "alerts.kind", set(PERSONAL_ALERT_KINDS)),
    ("notices", "category", {*load_terms()["categories"], "phrasing"}),
    ("org", "kind", set(ORG_UNIT_KINDS)),
    ("talent", "tagKind", set(TAG_KINDS)),
    ("feedback", "delay", {name for name, _ in DELAY_BUCKETS} | {"unsent"}),
    # An unmet requirement is named by the Requirements field it fails.
    (
        "pipeline",
        "requirement",
        set(_doc("recruiting")["components"]["schemas"]["Requirements"]["properties"]),
    ),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("namespace", "key", "values"), LABELLED, ids=lambda v: str(v)[:30])
def test_every_value_the_api_returns_has_a_label(language, namespace, key, values) -> None:
    labels = _at(_words(language, namespace), key)
    missing = {
        v for v in values if not isinstance(_at(labels, v) if "." in v else labels.get(v), str)
    }
    assert not missing, f"{language}/{namespace}.json {key}: no label for {sorted(missing)}"


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_each_language_has_the_words_english_has(language) -> None:
    for path in sorted((LOCALES / "en").glob("*.json")):
        english = _keys(_words("en", path.stem))
        theirs = _keys(_words(language, path.stem))
        assert english - theirs == set(), f"{language}/{path.name} lacks {sorted(english - theirs)}"
