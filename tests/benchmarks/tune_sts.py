"""Fit the similarity's variant-matching constants on the STS TRAIN files only.

Run from the project root:

    python tests/benchmarks/tune_sts.py

Grid over ``FUZZY_CUTOFF`` (the rapidfuzz ratio from which two lemmas count as
spelling variants) and ``FUZZY_PREFIX`` (how many first letters variants must
share), scoring Spearman on ``stsb-de-train.csv`` and ``stsb-en-train.csv``
with corpus frequencies, as bench_sts.py does on dev. The best mean over both
languages is printed; the chosen values are written by hand into
``newsdiff/core/similarity.py``. Measured: the best mean (cutoff 50, prefix 3,
0.709) beats the chosen 60/4 (0.706) by 0.004, and on the seeds those looser
variants merge "Russia confirms" with "North Korea confirms" claims, so 60/4
stays: the best on train among settings that keep the seed claims apart.
``NUMBER_CREDIT`` and ``COMMON_SHARE`` are not fitted here: STS pairs rarely
differ in a figure and have no topic words, so they were chosen on the seed
fixture (tests/test_align.py) instead.
"""

from __future__ import annotations

import itertools
import sys

from _sts import CORPORA, load, newsdiff_scores, spearman

from newsdiff.core.matching import similarity

CUTOFFS = (50.0, 55.0, 60.0, 65.0, 70.0, 80.0, 90.0)
PREFIXES = (0, 3, 4, 5)


def main() -> int:
    if not CORPORA.exists():
        print(f"skipped: {CORPORA} not found", file=sys.stderr)
        return 0
    data = {lang: load(f"stsb-{lang}-train.csv") for lang in ("de", "en")}
    chosen = (similarity.FUZZY_CUTOFF, similarity.FUZZY_PREFIX)
    results = []
    print(f"{'cutoff':>6} {'prefix':>6} {'de':>7} {'en':>7} {'mean':>7}")
    for cutoff, prefix in itertools.product(CUTOFFS, PREFIXES):
        similarity.FUZZY_CUTOFF, similarity.FUZZY_PREFIX = cutoff, prefix
        scores = {}
        for lang, rows in data.items():
            gold = [g for *_, g in rows]
            scores[lang] = spearman(newsdiff_scores(rows, lang, corpus=True), gold)
        mean = (scores["de"] + scores["en"]) / 2
        results.append((mean, cutoff, prefix))
        mark = "  <- in similarity.py" if (cutoff, prefix) == chosen else ""
        print(
            f"{cutoff:>6.0f} {prefix:>6} {scores['de']:>7.4f} {scores['en']:>7.4f} "
            f"{mean:>7.4f}{mark}"
        )
    best = max(results)
    print(
        f"best on train: FUZZY_CUTOFF = {best[1]:.0f}, "
        f"FUZZY_PREFIX = {best[2]} (mean {best[0]:.4f})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
