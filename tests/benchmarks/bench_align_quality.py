"""How right the aligner's pairs are on the judged seed pairs, at several thresholds.

Run from the project root:

    python tests/benchmarks/bench_align_quality.py [--thresholds 0.25 0.3 0.35 0.4 0.5]

It aligns the five seed reports and prints recall and precision on the judged
pairs of tests/fixtures/seed_pairs.json for the tuning part (pairs within
reports 000-002), the held-out part (pairs involving report 003 or 004, never
looked at while choosing constants) and the total: first at the default
settings, then at each threshold given. It also lists the pairs made at the
default settings that the fixture does not judge, so a reader can check them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsdiff.core.matching.align import THRESHOLD, align
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.reading.seeds import seed_paths
from seed_quality import PARTS, judged, made, scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", type=float, nargs="*", default=[0.25, 0.3, 0.35, 0.4, 0.5])
    args = parser.parse_args()
    articles = read_articles(seed_paths()).articles
    default = align(articles)
    print(f"default settings (threshold {THRESHOLD}): {len(default.pairs)} pairs made")
    for part in PARTS:
        print("  " + scores(articles, default)[part].line())
    print("\nthreshold   " + "   ".join(f"{p:>22}" for p in PARTS))
    for threshold in args.thresholds:
        result = scores(articles, align(articles, threshold=threshold))
        cells = [
            f"R {r.recall:.2f} P {r.precision:.2f} ({r.hits:>2}/{r.wrong})"
            for r in (result[p] for p in PARTS)
        ]
        print(f"{threshold:>9.2f}   " + "   ".join(f"{c:>22}" for c in cells))
    text = {(a.id, s.index): s.text for a in articles for s in a.sentences}
    unjudged = sorted(
        made(default) - judged(articles, "same_claim") - judged(articles, "different_claim")
    )
    print(f"\npairs made at the default settings that the fixture does not judge: {len(unjudged)}")
    for left, right in unjudged:
        for ref in (left, right):
            print(f"  {ref[0][:3]}:{ref[1]} {text[ref][:90]}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
