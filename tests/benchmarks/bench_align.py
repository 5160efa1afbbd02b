"""Aligning at scale: time and peak memory for 100, 300 and 1,028 articles of gnad-1028.

Run from the project root:

    python tests/benchmarks/bench_align.py [--sizes 100 300 1028] [--baseline-rows 300]

Each size runs in a fresh subprocess, so peak memory (the process's maximum
resident set, ``resource.getrusage``) is that size's own. The articles are the
first N of ``../shared/corpora/gnad-1028.csv`` (derStandard, German), split by
newsdiff's splitter and aligned as ONE corpus, every article against every
other. Reported per size: passages, candidate pairs scored, pairs made, the
time of ``align`` alone (simplemma's dictionary, loaded once per process, is
timed apart), peak memory of the process and its growth during ``align``, and
the growth factors from one size to the next.

The baseline in the same run is the naive all-pairs comparison: rapidfuzz's
``token_set_ratio`` for every passage against every passage of the other
articles (``process.cdist``, one worker, like ``align``), thresholded at 80.
Where that would take minutes it is timed on the first ``--baseline-rows``
passages against all of them and extrapolated linearly in rows; the output
says so.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GNAD = ROOT.parent / "shared" / "corpora" / "gnad-1028.csv"


def gnad_articles(limit: int):  # type: ignore[no-untyped-def]
    """The first ``limit`` gnad articles as segmented newsdiff Articles."""
    from newsdiff.core.language.segment import split_sentences
    from newsdiff.core.model import Article, Sentence

    articles = []
    with GNAD.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            if number >= limit:
                break
            text = row[1]
            spans = split_sentences(text, language="de")
            sentences = tuple(
                Sentence(i, text[s:e], s, e) for i, (s, e) in enumerate(spans) if text[s:e].strip()
            )
            articles.append(
                Article(
                    f"gnad-{number:04d}",
                    f"gnad-1028.csv#{number}",
                    text,
                    sentences[0].text if sentences else "",
                    None,
                    "de",
                    sentences,
                    len(text.split()),
                )
            )
    return articles


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def child(size: int, baseline_rows: int) -> dict:  # type: ignore[type-arg]
    """One size, in this (fresh) process: align, then the all-pairs baseline."""
    from newsdiff.core.matching import align as align_module
    from newsdiff.core.matching import candidates

    articles = gnad_articles(size)
    passages = sum(len(a.sentences) for a in articles)
    scored = []
    original = candidates.candidate_pairs

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        found = original(*args, **kwargs)
        scored.append(len(found))
        return found

    candidates.candidate_pairs = counting
    import simplemma

    started = time.perf_counter()
    simplemma.lemmatize("Truppen", lang="de")  # loads the German dictionary once per process
    dictionary = time.perf_counter() - started
    before = _rss_mb()
    started = time.perf_counter()
    alignment = align_module.align(articles)
    seconds = time.perf_counter() - started
    peak = _rss_mb()
    result = {
        "size": size,
        "passages": passages,
        "candidates": scored[0] if scored else None,
        "pairs": len(alignment.pairs),
        "seconds": round(seconds, 2),
        "dictionary_seconds": round(dictionary, 2),
        "peak_mb": round(peak, 1),
        "align_growth_mb": round(peak - before, 1),
    }
    result.update(baseline(articles, baseline_rows))
    return result


def baseline(articles, rows: int) -> dict:  # type: ignore[no-untyped-def, type-arg]
    """All-pairs token_set_ratio, exact when small, else timed on ``rows`` rows and scaled."""
    from rapidfuzz import fuzz, process

    texts = [s.text for a in articles for s in a.sentences]
    owner = [k for k, a in enumerate(articles) for _ in a.sentences]
    n = len(texts)
    sample = n if n <= rows else rows
    started = time.perf_counter()
    hits = 0
    for start in range(0, sample, 100):  # row blocks keep the score matrix small
        block = texts[start : min(start + 100, sample)]
        matrix = process.cdist(
            block, texts, scorer=fuzz.token_set_ratio, score_cutoff=80, workers=1
        )
        for r, row in enumerate(matrix):
            i = start + r
            hits += sum(1 for j, v in enumerate(row) if v and owner[j] != owner[i] and j > i)
    seconds = time.perf_counter() - started
    return {
        "baseline_seconds": round(seconds * n / sample, 2),
        "baseline_extrapolated": sample < n,
        "baseline_rows_timed": sample,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1028])
    parser.add_argument("--baseline-rows", type=int, default=300)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not GNAD.exists():
        print(f"skipped: {GNAD} not found", file=sys.stderr)
        return 0
    if args.child:
        print(json.dumps(child(args.child, args.baseline_rows)))
        return 0
    results = []
    for size in args.sizes:
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                str(size),
                "--baseline-rows",
                str(args.baseline_rows),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(
        f"{'articles':>8} {'passages':>8} {'scored':>8} {'pairs':>6} {'align s':>8} "
        f"{'peak MB':>8} {'+MB':>6} {'all-pairs s':>12} {'speed-up':>9} {'dict s':>7}"
    )
    for r in results:
        mark = "*" if r["baseline_extrapolated"] else " "
        print(
            f"{r['size']:>8} {r['passages']:>8} {r['candidates']:>8} {r['pairs']:>6} "
            f"{r['seconds']:>8.2f} {r['peak_mb']:>8.1f} {r['align_growth_mb']:>6.1f} "
            f"{r['baseline_seconds']:>11.1f}{mark} {r['baseline_seconds'] / r['seconds']:>8.1f}x"
            f" {r['dictionary_seconds']:>7.2f}"
        )
    for a, b in itertools.pairwise(results):
        print(
            f"growth {a['size']} -> {b['size']}: passages x{b['passages'] / a['passages']:.2f}, "
            f"align time x{b['seconds'] / a['seconds']:.2f}, "
            f"all-pairs time x{b['baseline_seconds'] / a['baseline_seconds']:.2f}, "
            f"peak memory x{b['peak_mb'] / a['peak_mb']:.2f}"
        )
    print(
        "align s: align() alone, after simplemma's German dictionary was loaded (dict s, "
        "once per process); +MB: peak memory growth during align()"
    )
    if any(r["baseline_extrapolated"] for r in results):
        print(
            f"* all-pairs time extrapolated: the first {args.baseline_rows} passages were "
            "compared with all passages and the time scaled by passages / rows"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
