"""Phrasing benchmark: how fast reasons, strengths and suggestions are phrased, and that the
cost grows linearly with the length of what an interviewer wrote (no regex blow-up).

Pure CPU, no services. Prints:
- phrases/s over the unit-test corpus (every reason, strength and suggestion, per locale),
  against a same-run baseline: the same texts through `str.split` and `str.strip` only;
- milliseconds to phrase one remark of 1k, 10k and 50k characters, and each step's ratio
  to the previous one (about 10× and 5× for linear growth).

Usage: uv run python bench/phrasing.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from typing import Any

from talentloop_shared.language import phraser
from talentloop_shared.language.phrasing import Kind

CORPUS = Path(__file__).resolve().parent.parent / "shared/tests/unit/test_phrasing_corpus.py"


def _corpus() -> dict[str, list[tuple[Kind, str]]]:
    spec = importlib.util.spec_from_file_location("phrasing_corpus", CORPUS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["phrasing_corpus"] = module
    spec.loader.exec_module(module)
    items: dict[str, list[tuple[Kind, str]]] = {}
    for locale, cases in module.REASONS.items():
        items.setdefault(locale, []).extend(("reason", c.text) for c in cases)
    tables: tuple[tuple[Kind, Any], ...] = (
        ("strength", module.STRENGTHS),
        ("suggestion", module.SUGGESTIONS),
    )
    for kind, table in tables:
        for locale, cases in table.items():
            items.setdefault(locale, []).extend((kind, c.text) for c in cases)
    return items


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    for locale, items in _corpus().items():
        engine = phraser(locale)
        engine.reason("warm up")
        started = time.perf_counter()
        for _ in range(args.rounds):
            for kind, text in items:
                engine.phrase(kind, text)
        elapsed = time.perf_counter() - started
        started = time.perf_counter()
        for _ in range(args.rounds):
            for _kind, text in items:
                " ".join(text.split()).strip(".。")
        baseline = time.perf_counter() - started
        count = len(items) * args.rounds
        print(
            f"{locale:6} {len(items):4} phrases: {count / elapsed:9.0f} phrases/s "
            f"({elapsed / count * 1e6:6.0f} µs each; split/strip baseline "
            f"{baseline / count * 1e6:.1f} µs, ×{elapsed / max(baseline, 1e-9):.0f})"
        )
    for locale, unit in (
        ("en", "lacks hands-on Kafka experience and the answers were vague, "),
        ("zh-CN", "缺乏团队管理经验，回答比较笼统，"),
    ):
        engine = phraser(locale)
        previous: tuple[float, int] | None = None
        for size in (1_000, 10_000, 50_000):
            text = (unit * (size // len(unit) + 1))[:size]
            started = time.perf_counter()
            engine.reason(text)
            ms = (time.perf_counter() - started) * 1000
            ratio = ""
            if previous is not None:
                ratio = f" ×{ms / previous[0]:.1f} for ×{size // previous[1]}"
            print(f"{locale:6} one remark of {size:6} chars: {ms:8.1f} ms{ratio}")
            previous = (ms, size)


if __name__ == "__main__":
    main()
