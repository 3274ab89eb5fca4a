"""Regenerate docs/asyncapi.json, docs/events.md, docs/authorization.md and the four OpenAPI
documents (docs/openapi/*.json, from which the console's typed client is generated) from the
code (`make docs`)."""

from __future__ import annotations

import json
from pathlib import Path

from talentloop_shared.auth.authorization import authorization_markdown
from talentloop_shared.events.asyncapi import asyncapi_document, events_markdown

DOCS = Path(__file__).parent


def _factories() -> list:
    from notify_service.main import definition as notify
    from org_service.main import definition as org
    from recruiting_service.main import definition as recruiting
    from talent_service.main import definition as talent

    return [org, recruiting, notify, talent]


def definitions() -> list:
    """The four services' definitions, in the order the docs list them."""
    return [make() for make in _factories()]


def openapi_documents() -> dict[str, str]:
    """docs/openapi/<service>.json: each service's public REST contract, as a browser or an
    integrator sees it outside development (no dev sign-in route)."""
    from talentloop_shared.service import create_service_app

    documents = {}
    for make in _factories():
        definition = make()
        settings = definition.settings.model_copy(update={"environment": "test"})
        app = create_service_app(make(settings))
        short = definition.name.removesuffix("-service")
        documents[f"openapi/{short}.json"] = (
            json.dumps(app.openapi(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        )
    return documents


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
        **openapi_documents(),
    }


if __name__ == "__main__":
    for name, content in render().items():
        (DOCS / name).parent.mkdir(parents=True, exist_ok=True)
        (DOCS / name).write_text(content)
        print(f"wrote docs/{name}")
