"""The alert rules pass promtool (syntax and their unit tests), and the alerts and the
Grafana dashboard use only metrics the services export."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PROM = ROOT / "deploy/prometheus"


def _promtool(*args: str) -> str:
    promtool = shutil.which("promtool")
    assert promtool, "promtool is missing: apt-get install -y prometheus (.ci/run does)"
    done = subprocess.run([promtool, *args], capture_output=True, text=True, cwd=PROM, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_promtool_checks_the_rules_and_their_tests_fire() -> None:
    assert "SUCCESS" in _promtool("check", "rules", "alerts.yml")
    assert "SUCCESS" in _promtool("test", "rules", "alerts_test.yml")


def _exported_metrics() -> set[str]:
    names: set[str] = set()
    for path in [*ROOT.glob("shared/src/**/*.py"), *ROOT.glob("services/*/src/**/*.py")]:
        names |= set(re.findall(r'"(talentloop_[a-z_]+)"', path.read_text()))
    return names


def _used(expr: str) -> set[str]:
    return {m.removesuffix("_bucket") for m in re.findall(r"\b(talentloop_[a-z_]+)", expr)}


def test_alerts_and_dashboard_use_exported_metrics() -> None:
    exported = _exported_metrics()
    assert "talentloop_outbox_oldest_unpublished_seconds" in exported
    rules = yaml.safe_load((PROM / "alerts.yml").read_text())
    exprs = [r["expr"] for g in rules["groups"] for r in g["rules"]]
    dashboard = json.loads((ROOT / "deploy/grafana/talentloop.json").read_text())
    exprs += [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    for expr in exprs:
        unknown = {m.removesuffix("_total") for m in _used(expr)} - {
            m.removesuffix("_total") for m in exported
        }
        assert not unknown, f"{expr}: {unknown}"
    alerts = {r["alert"] for g in rules["groups"] for r in g["rules"]}
    assert {"TalentloopOutboxLagging", "TalentloopDeadLetters", "TalentloopNoticesFailed"} <= alerts
