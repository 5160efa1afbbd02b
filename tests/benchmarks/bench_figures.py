"""Load, align and fact figures for the seeds and for 1,028 real articles, in one run.

Run from the project root:

    python tests/benchmarks/bench_figures.py [--limit N] [--repeat R]

For each corpus (the five seeds; the articles of ``../shared/corpora/gnad-1028.csv``
written as one ``.txt`` file each to a temporary folder first) it prints:

- load: ``read_articles`` without the cache (decode, blocks, metadata,
  segmentation) and again with a warm cache, in articles per second, and the
  ratio to reading the same files' bytes alone;
- align: ``align`` over all articles, with the pairs and clusters it found;
- facts: ``extract_facts`` over every passage, and ``compare_facts`` over every
  pair the aligner made.

Each step is run ``--repeat`` times (default 3 for the seeds, 1 for the large
corpus); the first run is the figure a user meets (the process's own caches
still cold), the best shows what warm caches give. Nothing here is pass/fail.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsdiff.core.facts import compare_facts, extract_facts
from newsdiff.core.matching.align import align
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.reading.seeds import seed_paths

ROOT = Path(__file__).resolve().parents[2]
GNAD = ROOT.parent / "shared" / "corpora" / "gnad-1028.csv"


class Timing:
    """The first run (cold: no lemma or fact caches warmed by itself) and the best run."""

    def __init__(self, times: list[float]) -> None:
        self.first, self.best = times[0], min(times)

    def __str__(self) -> str:
        return f"{self.first:8.3f} s first, {self.best:7.3f} s best"


def _best(function: Callable[[], object], repeat: int) -> tuple[Timing, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return Timing(times), result


def _write_gnad(folder: Path, limit: int | None) -> list[Path]:
    paths = []
    with GNAD.open(encoding="utf-8", newline="") as stream:
        for number, row in enumerate(csv.reader(stream, delimiter=";", quotechar="'")):
            if limit is not None and number >= limit:
                break
            if len(row) < 2:
                continue
            path = folder / f"gnad_{number:04d}.txt"
            path.write_text(row[1], encoding="utf-8")
            paths.append(path)
    return paths


def _figures(name: str, paths: list[Path], repeat: int) -> None:
    size = sum(path.stat().st_size for path in paths)
    raw, _ = _best(lambda: [path.read_bytes() for path in paths], repeat)
    cold, corpus = _best(lambda: read_articles(paths, cache=False), repeat)
    read_articles(paths)  # fill the cache
    warm, _ = _best(lambda: read_articles(paths), repeat)
    articles = corpus.articles
    passages = [s.text for a in articles for s in a.sentences]
    aligned, alignment = _best(lambda: align(articles), repeat)

    def extract_all() -> list:
        return [
            fact
            for article in articles
            for passage in article.sentences
            for fact in extract_facts(passage.text, language=article.language)
        ]

    extracted, facts = _best(extract_all, repeat)
    by_id = {a.id: a for a in articles}

    def compare_all() -> int:
        count = 0
        for pair in alignment.pairs:
            left = by_id[pair.left.article].sentences[pair.left.sentence].text
            right = by_id[pair.right.article].sentences[pair.right.sentence].text
            count += len(compare_facts(left, right))
        return count

    compared, comparisons = _best(compare_all, repeat)
    n = len(articles)
    print(f"\n{name}: {n} articles, {len(passages)} passages, {size / 1e6:.2f} MB, ", end="")
    print(f"{len(corpus.problems)} problems")
    for label, timing in (("load (no cache)", cold), ("load (cached)", warm)):
        print(
            f"  {label:<16} {timing}  {n / timing.first:7.0f} articles/s  "
            f"{timing.first / raw.best:6.1f}x reading the bytes"
        )
    pairs, clusters = len(alignment.pairs), len(alignment.clusters)
    print(f"  {'align':<16} {aligned}  {pairs} pairs, {clusters} clusters")
    # align already extracted (and cached) the facts of the passages it paired
    print(f"  {'extract facts':<16} {extracted}  {len(facts)} facts (paired passages cached)")
    print(f"  {'compare facts':<16} {compared}  {comparisons} comparisons over the pairs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="use only the first N gnad articles")
    parser.add_argument("--repeat", type=int, default=None, help="runs per figure (best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        os.environ["XDG_CACHE_HOME"] = cache  # a cold cache of our own, not the user's
        print(f"newsdiff figures, Python {platform.python_version()}, {os.cpu_count()} CPUs")
        _figures("seeds", list(seed_paths()), args.repeat or 3)
        if not GNAD.exists():
            print(f"\n{GNAD} not found; skipping the large corpus")
            return
        with tempfile.TemporaryDirectory() as folder:
            paths = _write_gnad(Path(folder), args.limit)
            _figures("gnad-1028", paths, args.repeat or 1)


if __name__ == "__main__":
    main()
