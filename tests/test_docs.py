"""The event docs are generated from the code; this fails when they drift from it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _generator():
    spec = importlib.util.spec_from_file_location("docs_generate", DOCS / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_event_docs_match_the_services_declarations() -> None:
    for name, content in _generator().render().items():
        assert (DOCS / name).read_text() == content, f"docs/{name} is stale: run `make docs`"


def test_every_event_has_a_publisher_and_a_consumer() -> None:
    flows = _generator().flows()
    published = {t for p, _ in flows.values() for t in p}
    consumed = {t for _, c in flows.values() for t in c}
    assert consumed <= published, consumed - published
    assert published == consumed, published - consumed


def test_an_erasure_reaches_every_service_that_holds_the_person() -> None:
    # "candidate-erased (any → all)": whichever service erases the person on request says
    # so, and every service that keeps personal data about candidates erases theirs.
    flows = _generator().flows()
    assert {s for s, (_, consumed) in flows.items() if "candidate-erased" in consumed} == {
        "recruiting-service",
        "notify-service",
        "talent-service",
    }


def test_each_service_publishes_only_what_the_contract_lets_it() -> None:
    # Consumers park an event whose source is not a publisher EVENTS.md names, so a service
    # declaring a type it may not publish would lose those events.
    from talentloop_shared.events.registry import EVENT_TYPES, PUBLISHERS

    for service, (published, _) in _generator().flows().items():
        for event_type in published:
            assert f"/{service}" in PUBLISHERS[event_type], (service, event_type)
    assert all(model.PUBLISHED_BY for model in EVENT_TYPES.values())


def test_the_consoles_typed_client_matches_the_openapi_documents() -> None:
    import os
    import subprocess

    import pytest

    console = DOCS.parent / "console"
    if not (console / "node_modules" / "openapi-typescript").is_dir():
        if os.environ.get("CI"):
            pytest.fail("console/node_modules is missing: make console")
        pytest.skip("console/node_modules is missing: make console")
    result = subprocess.run(
        ["node", "scripts/gen-api.mjs", "--check"], cwd=console, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
