"""How fast newsdiff reads a folder of reports: cold, cached, and against reading alone.

Run from the project root:

    python tests/benchmarks/bench_load.py [--repeat N]

The 1,028 articles of ``../shared/corpora/gnad-1028.csv`` are written as one
``.txt`` file each into a temporary folder; then, in one run and side by side:

- read only: the bytes of every file, decoded (the floor any reader pays);
- cold, cache off: ``read_articles(folder, cache=False)`` (decode, blocks,
  metadata, language, sentence splitting);
- cold, empty cache: the same with the cache on and empty (adds writing it);
- cached: the same again, every article from the cache.

Each is timed ``--repeat`` times (best kept) and shown as articles per second
and as a ratio to reading alone. The cache lives in a temporary folder, so the
user's own ~/.cache is never touched.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GNAD = ROOT.parent / "shared" / "corpora" / "gnad-1028.csv"


def write_articles(folder: Path) -> int:
    with open(GNAD, encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) == 2]
    for number, (_label, text) in enumerate(rows):
        (folder / f"{number:04d}.txt").write_text(text + "\n", encoding="utf-8")
    return len(rows)


def best_of(repeat: int, run: Callable[[], object], before: Callable[[], None] | None = None):
    times, result = [], None
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timings per measure (best kept)")
    args = parser.parse_args()
    if not GNAD.exists():
        print(f"bench_load: {GNAD} is missing; nothing to measure", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="newsdiff-bench-") as scratch:
        folder = Path(scratch) / "gnad"
        folder.mkdir()
        cache_home = Path(scratch) / "cache"
        os.environ["XDG_CACHE_HOME"] = str(cache_home)
        os.environ.pop("NEWSDIFF_NO_CACHE", None)
        count = write_articles(folder)

        from newsdiff.core.reading.decode import decode
        from newsdiff.core.reading.loader import read_articles, report_files

        files = [path for path in report_files([folder]) if isinstance(path, Path)]

        def read_only() -> int:
            return sum(len(decode(path.read_bytes()).text) for path in files)

        def clear_cache() -> None:
            shutil.rmtree(cache_home, ignore_errors=True)

        read_only()  # warm the OS file cache and the imports for every measure alike
        t_read, _ = best_of(args.repeat, read_only)
        t_off, corpus = best_of(args.repeat, lambda: read_articles([folder], cache=False))
        t_cold, _ = best_of(args.repeat, lambda: read_articles([folder]), before=clear_cache)
        read_articles([folder])  # make sure every entry exists
        t_warm, cached = best_of(args.repeat, lambda: read_articles([folder]))

    assert cached == corpus, "the cache must give back exactly what parsing gave"
    passages = sum(len(article.sentences) for article in corpus.articles)
    print(f"{count} articles, {passages} passages; best of {args.repeat} runs each\n")
    print(f"{'measure':<26}{'seconds':>9}{'articles/s':>12}{'x read-only':>13}")
    for name, seconds in (
        ("read only (bytes+decode)", t_read),
        ("cold, cache off", t_off),
        ("cold, empty cache", t_cold),
        ("cached", t_warm),
    ):
        print(f"{name:<26}{seconds:>9.3f}{count / seconds:>12.0f}{seconds / t_read:>13.2f}")
    print(f"\ncached is {t_off / t_warm:.1f}x faster than cold (cache off)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
