"""Choose the semantic signal's knobs on training data only (issue 11, part 2).

Run from the project root:

    python tests/benchmarks/tune_meaning.py

For each setting of ``AlignOptions.semantic_context`` and ``semantic_floor``,
then of ``semantic_margin`` and ``semantic_leads`` (which links stand), it
prints precision, recall and F1 on the ECB+ tuning pairs (each subtopic
aligned alone) and on the seed fixture's tuning part (reports 000-002); the
held-out part (pairs with 003 or 004) is printed only for the chosen default,
by bench_meaning.py. The lone-pair combination of ``newsdiff.similarity``
(``core/matching/combined.py``) is fitted here too, on the STS train files.
"""

from __future__ import annotations

import itertools
import sys

import numpy as np
from _judged import ecb_counts, ecb_stories, seed_counts
from _sts import CORPORA, load, newsdiff_scores, spearman

from newsdiff.core.matching.align import AlignOptions, align
from newsdiff.core.meaning.vectors import embed


def lone_pairs() -> None:
    for language in ("de", "en"):
        rows = load(f"stsb-{language}-train.csv")
        lexical = np.array(newsdiff_scores(rows, language, corpus=False))
        left, right = embed([r[0] for r in rows]), embed([r[1] for r in rows])
        cosine = (left * right).sum(1)
        shuffled = (left * right[np.random.RandomState(0).permutation(len(rows))]).sum(1)
        gold = [r[2] for r in rows]
        print(f"{language}-train: lexical {spearman(list(lexical), gold):.4f}, cosine "
              f"{spearman(list(cosine), gold):.4f}, shuffled pairs' cosine p90 "
              f"{np.percentile(shuffled, 90):.3f}")  # fmt: skip
        for unrelated, share in itertools.product((0.1, 0.2, 0.3), (0.15, 0.25, 0.35, 0.5)):
            semantic = np.clip((cosine - unrelated) / (1 - unrelated), 0, 1)
            combined = share * lexical + (1 - share) * semantic
            print(f"  unrelated {unrelated} lexical share {share}: "
                  f"{spearman(list(combined), gold):.4f}")  # fmt: skip


def aligner() -> None:
    stories = ecb_stories()
    runs = [(AlignOptions(semantic=False), "lexical")]
    for context, floor in itertools.product((0.0, 0.5, 1.0), (0.25, 0.3, 0.35, 0.4)):
        options = AlignOptions(semantic_context=context, semantic_floor=floor)
        runs.append((options, f"context {context} floor {floor}"))
    for leads, margin in itertools.product((True, False), (0.0, 0.04, 0.08, 0.09, 0.1, 0.15, 0.2)):
        options = AlignOptions(semantic_leads=leads, semantic_margin=margin)
        runs.append((options, f"leads {leads!s:<5} margin {margin}"))
    for options, label in runs:

        def run(articles, options=options):  # type: ignore[no-untyped-def]
            return align(articles, options=options)

        seeds = seed_counts(run)["tuning"]
        print(f"{label:<24} ECB+ {ecb_counts(run, stories).line()} | seeds tuning {seeds.line()}",
              flush=True)  # fmt: skip


def main() -> int:
    if not CORPORA.exists():
        print(f"skipped: {CORPORA} not found", file=sys.stderr)
        return 0
    lone_pairs()
    aligner()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
