"""The semantic signal's figures, side by side in one run (issue 11, part 5).

Run from the project root:

    python tests/benchmarks/bench_meaning.py [--scale] [--cost-only]

1. Spearman with the human scores on the STS dev files (de, en, and de-en:
   sentence 1 of the German row against sentence 2 of the English row) for
   the lexical score of a lone pair, the USE cosine, and ``newsdiff.similarity``
   (combined). Nothing was tuned on these files.
2. Precision, recall and F1 of the aligner with shared words alone
   (``AlignOptions(semantic=False)``) and with the semantic signal: on the seed
   fixture (tuning / held-out / total, tests/seed_quality.py) and on the ECB+
   tuning pairs, each subtopic aligned alone and all 462 articles as one
   folder through ``newsdiff.align`` (stories found first; scored as
   bench_story_align.py scores it: P right, N, X and cross-topic wrong). The
   knobs were chosen on ECB+ and the seeds' tuning part, so only the seeds'
   held-out part is unseen.
3. Cost, each in a fresh process: model load (import and first vector), time
   per 1,000 gnad passages with an empty store and read back from it, peak
   memory; aligning the seeds with and without the signal. ``--scale`` adds
   the stories issue's folder (the 1,028 gnad articles and the seeds as
   1,033 files): reading them, then ``newsdiff align``'s stories and pairs
   with and without the signal, cold (empty cache) and warm, against reading.

First paint is measured by bench_tui.py (the model loads in the worker).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _judged import ecb_counts, ecb_stories, seed_counts
from _sts import CORPORA, load, newsdiff_scores, spearman
from bench_story_align import ecb_figures, mix

from newsdiff.core.matching.align import AlignOptions, align
from newsdiff.core.matching.by_story import align_stories
from newsdiff.core.matching.combined import combine
from newsdiff.core.matching.similarity import profile, score_profiles
from newsdiff.core.meaning.vectors import embed


def sts() -> None:
    print("STS dev, Spearman        lexical  semantic  combined")
    de, en = load("stsb-de-dev.csv"), load("stsb-en-dev.csv")
    cross = [(d[0], e[1], e[2]) for d, e in zip(de, en, strict=True)]
    for label, rows in (("de", de), ("en", en), ("de-en", cross)):
        if label == "de-en":
            lexical = [score_profiles(profile(a, language="de"), profile(b, language="en"))
                       for a, b, _ in rows]  # fmt: skip
        else:
            lexical = newsdiff_scores(rows, label, corpus=False)
        left, right = embed([r[0] for r in rows]), embed([r[1] for r in rows])
        cosine = [float(c) for c in (left * right).sum(1)]
        combined = [
            combine(w, c, cross_language=label == "de-en")
            for w, c in zip(lexical, cosine, strict=True)
        ]
        gold = [r[2] for r in rows]
        print(f"  {label:<6} ({len(rows)} pairs)   {spearman(lexical, gold):.3f}    "
              f"{spearman(cosine, gold):.3f}     {spearman(combined, gold):.3f}")  # fmt: skip


def alignment() -> None:
    stories, folder = ecb_stories(), mix.ecb_articles()
    for label, semantic in (("shared words alone", False), ("with the semantic signal", True)):
        options = AlignOptions(semantic=semantic)

        def run(articles, options=options):  # type: ignore[no-untyped-def]
            return align(articles, options=options)

        print(f"aligner, {label}")
        for part, counts in seed_counts(run).items():
            print(f"  seeds {part:<9} {counts.line()}")
        print(f"  ECB+ tuning     {ecb_counts(run, stories).line()}, each subtopic alone")
        together = align_stories(folder, semantic=semantic)
        print(f"  ECB+ one folder {ecb_figures(together, folder)}")


def _gnad_passages(limit: int) -> list[str]:
    from newsdiff.core.language.segment import split_sentences

    out: list[str] = []
    with (CORPORA / "gnad-1028.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter=";", quotechar="'"):
            if len(row) == 2:
                out += [row[1][s:e] for s, e in split_sentences(row[1]) if row[1][s:e].strip()]
            if len(out) >= limit:
                break
    return out[:limit]


def child(task: str, folder: str = "") -> dict[str, float]:
    """One cost measurement, in this (fresh) process."""
    out: dict[str, float] = {}
    if task == "embed":
        from newsdiff.core.meaning.embedder import default_embedder

        start = time.perf_counter()
        default_embedder().embed(["Nordkorea schickt Soldaten."])
        out["load_s"] = time.perf_counter() - start
        passages = _gnad_passages(1000)
        start = time.perf_counter()
        embed(passages)
        out["cold_s"] = time.perf_counter() - start
        start = time.perf_counter()
        embed(passages)
        out["warm_s"] = time.perf_counter() - start
    elif task.startswith("seeds"):
        from newsdiff.core.reading.loader import read_articles
        from newsdiff.core.reading.seeds import seed_paths

        articles = read_articles(seed_paths()).articles
        semantic = task.endswith("semantic")
        align(articles[:2], options=AlignOptions(semantic=semantic))  # imports, model load
        start = time.perf_counter()
        made = align(articles, options=AlignOptions(semantic=semantic))
        out["align_s"] = time.perf_counter() - start
        out["pairs"] = len(made.pairs)
        out["passages"] = sum(len(a.sentences) for a in articles)
    else:  # the 1,033 files as newsdiff align reads and pairs them, as the stories issue did
        from newsdiff.core.reading.loader import read_articles

        paths = sorted(Path(folder).glob("*.txt"))
        start = time.perf_counter()
        corpus = read_articles(paths, cache=task != "read")
        out["read_s"] = time.perf_counter() - start
        if task != "read":
            from newsdiff.core.matching.by_story import align_stories, story_defaults
            from newsdiff.core.stories.detect import detect_stories

            semantic = task == "semantic"
            start = time.perf_counter()
            stories = detect_stories(
                corpus.articles, options=story_defaults(semantic, corpus.articles)
            )
            made = align_stories(corpus.articles, stories=stories, semantic=semantic)
            out["align_s"] = time.perf_counter() - start
            out["pairs"] = len(made.pairs)
        out["passages"] = sum(len(a.sentences) for a in corpus.articles)
    out["peak_mb"] = _peak_mb()
    return out


def _peak_mb() -> float:
    """This process's peak resident memory. Not ``ru_maxrss``: Linux keeps that across
    fork and exec, so a child would report the parent's peak when that was higher."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line = next(x for x in status.splitlines() if x.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def _spawn(task: str, store: str, folder: str = "") -> dict[str, float]:
    env = dict(os.environ, XDG_CACHE_HOME=store)
    env.pop("NEWSDIFF_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, __file__, "--child", task, folder],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(f"{task} failed: {done.stderr.strip()[-500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cost(scale: bool) -> None:
    with tempfile.TemporaryDirectory() as store:
        e = _spawn("embed", store)
        print(
            f"model load {e['load_s']:.2f} s; 1,000 gnad passages {e['cold_s']:.2f} s embedded, "
            f"{e['warm_s']:.2f} s from the store; peak {e['peak_mb']:.0f} MB"
        )
        tasks = ["seeds-lexical", "seeds-semantic", "seeds-semantic"]
        for k, task in enumerate(tasks):
            r = _spawn(task, store)
            again = " (store filled)" if k and tasks[k - 1] == task else ""
            print(
                f"align {task:<15}{again:<15} {r['passages']:>6.0f} passages "
                f"{r['align_s']:>7.2f} s  {r['pairs']:>5.0f} pairs  peak {r['peak_mb']:.0f} MB"
            )
    if scale:
        _scale()


def _scale() -> None:
    """1,033 files, read and paired story by story, each run in a fresh process."""
    from bench_stories_scale import _base_texts, _write

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        _write(folder, _base_texts())
        read = _spawn("read", str(Path(tmp) / "unused"), str(folder))
        base = read["read_s"]
        print(f"1,033 files: reading + segmenting {base:.2f} s (no cache), "
              f"{read['passages']:.0f} passages; newsdiff align's stories + pairs:")  # fmt: skip
        for task in ("lexical", "semantic"):
            cache = str(Path(tmp) / f"cache-{task}")
            for state in ("cold", "warm"):
                r = _spawn(task, cache, str(folder))
                print(
                    f"  {'with the signal' if task == 'semantic' else 'shared words alone':<18} "
                    f"{state}  {r['align_s']:7.2f} s = {r['align_s'] / base:5.2f}x reading  "
                    f"{r['pairs']:5.0f} pairs  peak {r['peak_mb']:.0f} MB"
                )


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], sys.argv[3])))
        return 0
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", action="store_true", help="also align 1,033 reports")
    parser.add_argument("--cost-only", action="store_true", help="only part 3")
    args = parser.parse_args()
    if not CORPORA.exists():
        print(f"skipped: {CORPORA} not found", file=sys.stderr)
        return 0
    if not args.cost_only:
        sts()
        alignment()
    cost(args.scale)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
