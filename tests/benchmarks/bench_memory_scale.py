"""Peak memory and the warm run of the scale folders, two revisions side by side (issue 10, part 6).

The folders are ``bench_stories_scale.py``'s: the 1,000-report sample of the
mix and (unless ``--only-small``) the 10,000-report mix of gnad, ECB+, the
seeds and their wire copies, written to a temporary folder. Each revision
(``--base``, default ``main``, from ``git archive``; and the working tree) runs
in fresh processes, with a cache folder of its own, interleaved: reading
without a cache, then cold (empty cache) and warm (filled) ``align_stories``
as the CLI and the app run it. Per run it prints the peak memory (the
process's maximum RSS) after reading, after story detection and after
alignment, the time of stories + alignment as a ratio of reading, the pair
count and a digest of the pairs, clusters and facts: the two revisions must
give the same digest. Reading and the warm run are repeated in turns
(``--rounds``) and the fastest of each kept, so a busy moment of the shared
CPU weighs on neither side, nor on either term of the ratio, alone.

    python tests/benchmarks/bench_memory_scale.py [--base REV] [--only-small] [--rounds N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_stories_scale as scale
from _child import peak_mb, run_child
from diff_outputs import checkout

ROOT = Path(__file__).resolve().parents[2]

_UNCOMPILED = shutil.ignore_patterns("__pycache__", "*.pyc")


def child(phase: str, folder: str) -> None:
    from newsdiff.core.reading.loader import read_articles

    paths = sorted(Path(folder).glob("*.txt"))
    start = time.perf_counter()
    corpus = read_articles(paths, cache=phase != "read")
    out: dict[str, object] = {"read": time.perf_counter() - start, "peak_read": peak_mb()}
    if phase != "read":
        from newsdiff.core.matching import by_story
        from newsdiff.core.stories.detect import detect_stories

        articles = corpus.articles
        start = time.perf_counter()
        stories = detect_stories(articles, options=by_story.story_defaults(True, articles))
        out["stories"] = time.perf_counter() - start
        out["peak_stories"] = peak_mb()
        start = time.perf_counter()
        alignment = by_story.align_stories(articles, stories=stories)
        out["align"] = time.perf_counter() - start
        out["peak_align"] = peak_mb()
        out["pairs"] = len(alignment.pairs)
        digest = hashlib.sha256()
        for item in (*alignment.pairs, *alignment.clusters, *alignment.facts.items()):
            digest.update(repr(item).encode())
        out["digest"] = digest.hexdigest()[:12]
    print(json.dumps(out))


def _run(source: Path, phase: str, folder: Path, cache: Path) -> dict[str, Any]:
    args = ["--child", phase, str(folder)]
    return run_child(
        __file__, args, cache=cache, source=source, what=f"{phase} {folder.name} ({source})"
    )


def _size(label: str, items: list[Any], sides: dict[str, Path], tmp: Path, rounds: int) -> None:
    folder = tmp / f"reports-{label}"
    scale._write(folder, items)
    caches = {name: tmp / f"cache-{label}-{name}" for name in sides}
    print(f"\n{label}: {len(items)} reports", flush=True)
    print(
        f"  {'side':6} {'run':5} {'read s':>7} {'st+al s':>8} {'x read':>7} {'pairs':>7} "
        f"{'digest':>13}   peak MB read/stories/align"
    )
    results: dict[tuple[str, str], dict[str, Any]] = {}
    read: dict[str, float] = {}
    for name, src in sides.items():
        read[name] = _run(src, "read", folder, caches[name])["read"]
        results[(name, "cold")] = _run(src, "cold", folder, caches[name])
    # reading and the warm run taken in turns, the fastest of each kept: a busy
    # moment of the shared CPU then weighs on neither figure of the ratio alone
    for _ in range(rounds):
        for name, src in sides.items():
            read[name] = min(read[name], _run(src, "read", folder, caches[name])["read"])
            r = _run(src, "warm", folder, caches[name])
            best = results.get((name, "warm"))
            if best is None or r["stories"] + r["align"] < best["stories"] + best["align"]:
                results[(name, "warm")] = r
    for run in ("cold", "warm"):
        for name in sides:
            r = results[(name, run)]
            base = read[name]
            total = r["stories"] + r["align"]
            print(
                f"  {name:6} {run:5} {base:7.2f} {total:8.2f} {total / base:7.2f} "
                f"{r['pairs']:7d} {r['digest']:>13}   "
                f"{r['peak_read']:.0f}/{r['peak_stories']:.0f}/{r['peak_align']:.0f}",
                flush=True,
            )
    names = list(sides)
    for run in ("cold", "warm"):
        a, b = (results[(n, run)] for n in names)
        same = "same" if (a["digest"], a["pairs"]) == (b["digest"], b["pairs"]) else "DIFFER"
        ratio = (b["stories"] + b["align"]) / (a["stories"] + a["align"])
        print(
            f"  {run}: {names[1]}/{names[0]} time {ratio:.2f}, peak "
            f"{b['peak_align']:.0f}/{a['peak_align']:.0f} MB; results {same}",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="main")
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--only-small", action="store_true")
    parser.add_argument("--only-large", action="store_true")
    parser.add_argument("--rounds", type=int, default=3, help="warm runs per side")
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores, shared)")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        # the working tree as it is now: editing it while the bench runs changes nothing
        head = shutil.copytree(ROOT / "tui", tmp / "src-head" / "tui", ignore=_UNCOMPILED)
        sides = {"base": checkout(args.base, tmp) / "tui", "head": Path(head)}
        print(f"base {args.base}, head the working tree", flush=True)
        large = scale.large_items(args.large)
        if not args.only_large:
            small = scale.sample(large, args.small)
            _size(f"sample {args.small}", small, sides, tmp, args.rounds)
        if not args.only_small:
            _size(f"mix {args.large}", large, sides, tmp, max(1, args.rounds // 3))
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
