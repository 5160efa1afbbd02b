"""Fact extraction against the hand-checked gold sample: precision and recall per kind.

Run: python tests/benchmarks/bench_facts.py
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path


def main() -> None:
    path = Path(__file__).resolve().parents[1] / "test_facts_gold.py"
    spec = importlib.util.spec_from_file_location("facts_gold", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["facts_gold"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    started = time.perf_counter()
    print(
        f"{'split':<9} {'kind':<7} {'gold':>5} {'found':>6} {'right':>6} "
        f"{'precision':>10} {'recall':>7}"
    )
    for split in (*module.SPLITS, None):
        for kind, score in sorted(module.measure(split).items()):
            print(
                f"{split or 'all':<9} {kind:<7} {score.expected:>5} {score.found:>6} "
                f"{score.correct:>6} {score.precision:>10.3f} {score.recall:>7.3f}"
            )
    elapsed = time.perf_counter() - started
    print(f"({elapsed:.1f}s including loading the seeds and the lemma dictionary)")


if __name__ == "__main__":
    main()
