"""How fast newsdiff reads a folder of reports: cold, cached, and against reading alone.

Run from the project root:

    python tests/benchmarks/bench_load.py [--repeat N] [--base REV]

The 1,033 reports of the stories issue (the 1,028 articles of
``../shared/corpora/gnad-1028.csv`` and the five seeds) are written as one
``.txt`` file each into a temporary folder; then, in one run and side by side:

- read only: the bytes of every file, decoded (the floor any reader pays);
- cold, cache off: ``read_articles(folder, cache=False)`` (decode, blocks,
  metadata, language, sentence splitting);
- cold, empty cache: the same with the cache on and empty (adds writing it):
  what a user pays opening a new folder;
- cached: the same again, every article from the cache.

Each measure runs in a fresh process (imports and the reader's lexicons warmed
by one untimed read first, so only the read itself is timed), which times it
twice: "first", what the first folder of a process pays, and "again", a second
one in the same process (the one-time costs paid). ``--repeat`` rounds, the
measures and revisions alternating within a round, so a load from other jobs
falls on all of them alike. ``--base REV`` runs that revision's
code too (checked out with ``diff_outputs.checkout``), each with its own cache
folder in a temporary folder: the user's own ~/.cache is never touched. The
table gives the median (and best) seconds and the median's ratio to "cold,
cache off" of the same code and run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

MEASURES = ("read only", "cold, cache off", "cold, empty cache", "cached")
RUNS = ("first", "again")  # the first read of a process, and a second one in it


def child(folder: Path, measure: str, cache_home: Path) -> None:
    """Time ``measure`` of reading ``folder`` twice in this process; print the seconds as JSON.

    The first read of a process pays what a process pays once (the code-version
    hash, importing sqlite3: about 35 ms); the second shows what each folder costs.
    """
    from newsdiff.core.reading.decode import decode
    from newsdiff.core.reading.loader import read_articles, report_files

    files = [path for path in report_files([folder]) if isinstance(path, Path)]
    corpus = read_articles([folder], cache=False)  # imports, lexicons, the OS file cache
    seconds = []
    for _ in range(2):
        if measure == "cold, empty cache":
            shutil.rmtree(cache_home, ignore_errors=True)
        elif measure == "cached":
            read_articles([folder])  # every entry exists
        start = time.perf_counter()
        if measure == "read only":
            sum(len(decode(path.read_bytes()).text) for path in files)
        else:
            got = read_articles([folder], cache=measure != "cold, cache off")
        seconds.append(time.perf_counter() - start)
        if measure != "read only":
            assert got == corpus, "the cache must give back exactly what parsing gave"
    passages = sum(len(article.sentences) for article in corpus.articles)
    print(json.dumps({"seconds": seconds, "articles": len(corpus.articles), "passages": passages}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="rounds (median and best shown)")
    parser.add_argument("--base", help="a revision whose code is timed beside the working tree")
    parser.add_argument("--child", nargs=3, metavar=("FOLDER", "MEASURE", "CACHE"))
    args = parser.parse_args()
    if args.child:
        folder, measure, cache_home = args.child
        child(Path(folder), measure, Path(cache_home))
        return 0
    import bench_stories_scale
    from _child import run_child
    from diff_outputs import ROOT, checkout

    import mix

    if not mix.GNAD.exists():
        print(f"bench_load: {mix.GNAD} is missing; nothing to measure", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="newsdiff-bench-") as raw:
        scratch = Path(raw)
        folder = scratch / "reports"
        bench_stories_scale._write(folder, bench_stories_scale._base_items())
        trees = {"this tree": ROOT}
        if args.base:
            trees = {args.base: checkout(args.base, scratch), **trees}
        caches = {side: scratch / f"cache-{n}" for n, side in enumerate(trees)}
        times: dict[tuple[str, str, str], list[float]] = {}
        shape: dict[str, object] = {}
        order = [(side, measure) for measure in MEASURES for side in trees]
        for round_ in range(args.repeat):
            for side, measure in order if round_ % 2 == 0 else order[::-1]:
                got = run_child(
                    __file__,
                    ["--child", str(folder), measure, str(caches[side] / "newsdiff-home")],
                    cache=caches[side] / "newsdiff-home",
                    what=f"{side}: {measure}",
                    source=trees[side] / "tui",
                )
                for run, seconds in zip(RUNS, got["seconds"], strict=True):
                    times.setdefault((side, measure, run), []).append(seconds)
                shape = got
    print(
        f"{shape['articles']} articles, {shape['passages']} passages; {args.repeat} rounds, "
        "each measure a fresh process, alternating; medians (best)\n"
    )
    print(f"{'code':<12}{'measure':<20}" + "".join(f"{run + ' s':>16}{'x off':>7}" for run in RUNS))
    for side in trees:
        cells = {}
        for measure in MEASURES:
            for run in RUNS:
                runs = times[side, measure, run]
                cells[measure, run] = (statistics.median(runs), min(runs))
        for measure in MEASURES:
            row = f"{side:<12}{measure:<20}"
            for run in RUNS:
                middle, best = cells[measure, run]
                ratio = middle / cells["cold, cache off", run][0]
                row += f"{middle:>8.3f} ({best:.3f}){ratio:>7.2f}"
            print(row)
    print("\nround by round (the two measures of one round ran within seconds of each other):")
    for side in trees:
        for measure in ("cold, empty cache", "cached"):
            paired = [
                statistics.median(
                    a / b
                    for a, b in zip(
                        times[side, measure, run], times[side, "cold, cache off", run], strict=True
                    )
                )
                for run in RUNS
            ]
            print(
                f"{side:<12}{measure:<20} / cache off: first {paired[0]:.2f}, again {paired[1]:.2f}"
            )
    if args.base:
        print()
        for measure in MEASURES[1:]:
            ratios = [
                statistics.median(times["this tree", measure, run])
                / statistics.median(times[args.base, measure, run])
                for run in RUNS
            ]
            print(
                f"{measure:<20} this tree / {args.base}: "
                + ", ".join(f"{run} {ratio:.2f}" for run, ratio in zip(RUNS, ratios, strict=True))
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
