"""Share of comparison rows with text on both sides, for every two seed reports.

Compares the row planner of a given revision (default fec86fe, before the
side-by-side fill) with the working tree's, on the same alignment:

    python tests/benchmarks/bench_rows.py [REV]
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

from newsdiff.core.matching.align import align
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.reading.seeds import seed_paths
from newsdiff.core.views import rows as after

REPO = Path(__file__).resolve().parents[2]


def planner_at(rev: str):  # type: ignore[no-untyped-def]
    source = subprocess.run(
        ["git", "show", f"{rev}:tui/newsdiff/core/views/rows.py"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "rows_before.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("rows_before", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["rows_before"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def main() -> None:
    rev = sys.argv[1] if len(sys.argv) > 1 else "fec86fe"
    before = planner_at(rev)
    alignment = align(read_articles(seed_paths()).articles)
    ids = [a.id for a in alignment.articles]
    print(f"{'left':>4} {'right':>5} | {'before':>16} | {'after':>16}")
    totals = [0, 0, 0, 0]
    for left in ids:
        for right in ids:
            if left == right:
                continue
            old = before.side_by_side(alignment, left, right)
            new = after.side_by_side(alignment, left, right)
            old_both = sum(1 for r in old if r.left is not None and r.right is not None)
            new_both = sum(1 for r in new if r.both_sides)
            totals = [
                totals[0] + old_both,
                totals[1] + len(old),
                totals[2] + new_both,
                totals[3] + len(new),
            ]
            was = f"{old_both:>3}/{len(old):<3} {old_both / len(old):>6.0%}"
            now = f"{new_both:>3}/{len(new):<3} {new_both / len(new):>6.0%}"
            print(f"{left[:3]:>4} {right[:3]:>5} | {was} | {now}")
    print(
        f"{'all':>10} | {totals[0]}/{totals[1]} {totals[0] / totals[1]:.0%} "
        f"| {totals[2]}/{totals[3]} {totals[2] / totals[3]:.0%}"
    )


if __name__ == "__main__":
    main()
