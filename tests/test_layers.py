"""The layer contracts (`[tool.importlinter]` in pyproject.toml) hold, and they bite: a
deliberate violation planted in a copy of a service makes `lint-imports` fail, naming it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if pythonpath is not None:
        # Ahead of the editable installs: the copy is the package import-linter analyses.
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(ROOT / "pyproject.toml"), "--no-cache"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_repository_keeps_its_layer_contracts() -> None:
    result = _lint()
    assert result.returncode == 0, result.stdout[-3000:]


@pytest.mark.parametrize(
    ("module", "source", "contract"),
    [
        (
            "domain/planted.py",
            "import sqlalchemy  # a pure rule reaching for the database\n",
            "The domain is pure",
        ),
        (
            "service/planted.py",
            "from org_service.api import schemas  # a use case importing the HTTP layer\n",
            "Each service is layered",
        ),
        (
            "domain/planted.py",
            "import recruiting_service.domain  # one service reaching into another\n",
            "No service imports another",
        ),
    ],
)
def test_a_planted_violation_breaks_the_lint(
    tmp_path: Path, module: str, source: str, contract: str
) -> None:
    package = tmp_path / "org_service"
    shutil.copytree(
        ROOT / "services/org-service/src/org_service",
        package,
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (package / module).write_text(source)
    result = _lint(tmp_path)
    assert result.returncode != 0
    broken = result.stdout[result.stdout.find("Broken contracts") :]
    assert contract in broken and "org_service" in broken and "planted" in broken
