"""Regenerate docs/asyncapi.json and docs/events.md from the code (`make docs`)."""

from __future__ import annotations

import json
from pathlib import Path

from talentloop_shared.auth.authorization import authorization_markdown
from talentloop_shared.events.asyncapi import asyncapi_document, events_markdown

DOCS = Path(__file__).parent


def definitions() -> list:
    """The four services' definitions, in the order the docs list them."""
    from notify_service.main import definition as notify
    from org_service.main import definition as org
    from recruiting_service.main import definition as recruiting
    from talent_service.main import definition as talent

    return [make() for make in (org, recruiting, notify, talent)]


def flows() -> dict[str, tuple[list[str], list[str]]]:
    """service → (publishes, consumes), read from the services' own definitions."""
    return {d.name: (sorted(d.publishes or ()), sorted(d.subscriptions)) for d in definitions()}


def render() -> dict[str, str]:
    """File name → content."""
    f = flows()
    return {
        "asyncapi.json": json.dumps(asyncapi_document(f), indent=2, ensure_ascii=False) + "\n",
        "events.md": events_markdown(f),
        "authorization.md": authorization_markdown(definitions()),
    }


if __name__ == "__main__":
    for name, content in render().items():
        (DOCS / name).write_text(content)
        print(f"wrote docs/{name}")
