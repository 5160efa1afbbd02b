"""How well newsdiff's similarity ranks sentence pairs like people do (STS benchmark, dev files).

Run from the project root:

    python tests/benchmarks/bench_sts.py

For ``../shared/corpora/stsb-de-dev.csv`` and ``stsb-en-dev.csv`` it prints
Spearman's rank correlation with the human 0-5 scores, side by side in one run:

- newsdiff, lone pair: ``similarity(a, b)``, every content lemma weighing the same;
- newsdiff, corpus: the same score with document frequencies counted over the
  file's own sentences (no scores used), as the aligner counts them over the
  passages it aligns;
- rapidfuzz ``token_set_ratio`` on the raw sentences (rapidfuzz's best scorer here);
- TF-IDF character 3-5-gram cosine on the folded sentences.

The constants of newsdiff.core.matching.similarity were fitted on the train files by
tune_sts.py; the dev files are only reported here.
"""

from __future__ import annotations

import sys
import time

from _sts import CORPORA, char_tfidf_scores, load, newsdiff_scores, spearman
from rapidfuzz import fuzz


def main() -> int:
    if not CORPORA.exists():
        print(f"skipped: {CORPORA} not found", file=sys.stderr)
        return 0
    print(
        f"{'file':<18} {'pairs':>5} {'lone pair':>10} {'corpus':>8} "
        f"{'tok_set':>8} {'char-tfidf':>10}"
    )
    for language in ("de", "en"):
        rows = load(f"stsb-{language}-dev.csv")
        gold = [g for *_, g in rows]
        started = time.perf_counter()
        lone = spearman(newsdiff_scores(rows, language, corpus=False), gold)
        corpus = spearman(newsdiff_scores(rows, language, corpus=True), gold)
        seconds = time.perf_counter() - started
        token_set = spearman([fuzz.token_set_ratio(a, b) for a, b, _ in rows], gold)
        char = spearman(char_tfidf_scores(rows), gold)
        print(
            f"stsb-{language}-dev.csv {len(rows):>5} {lone:>10.3f} {corpus:>8.3f} "
            f"{token_set:>8.3f} {char:>10.3f}   (newsdiff {seconds:.1f} s for both)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
