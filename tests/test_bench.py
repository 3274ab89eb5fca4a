"""The benchmarks stay runnable (`make bench` runs every script to the end): each script
imports, and the rows a script builds in the shape of a production table fill every
column the table has now (a column added by a migration broke `talent_matching.py` once,
and nothing but a full `make bench` run noticed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(autouse=True)
def _run_as_scripts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(BENCH))  # as when run: a script imports its siblings


def _load(script: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"bench_{script.stem}", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("script", sorted(BENCH.glob("*.py")), ids=lambda p: p.name)
def test_every_benchmark_imports(script: Path) -> None:
    module = _load(script)
    assert callable(getattr(module, "main", None)), f"{script.name} has no main()"


def test_talent_profiles_of_the_matching_benchmark_fill_every_column() -> None:
    matching = _load(BENCH / "talent_matching.py")
    profiles, tags = matching.profile_rows(3)
    assert len(profiles) == 3 and tags
    assert all(len(row) == len(matching.PROFILE_COLUMNS) for row in profiles)
    assert all(len(row) == len(matching.TAG_COLUMNS) for row in tags)
