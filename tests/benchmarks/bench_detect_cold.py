"""Cold story detection of the 1,033 gnad + seed reports: two revisions side by side.

Each round runs one fresh process per revision, in alternating order, each
from its own source tree (``git archive`` of ``--base``, default ``main``,
and the working tree, or ``--head``) and its own cache folder. Before each run the cache is
emptied of everything story detection keeps (profiles, stories, story sets,
embeddings); the dictionary tries, which a first run builds once per
machine, and the parsed articles stay, so the run times what a first look at
the folder costs in detection alone. The call is the bench's and the app's,
``detect_stories(articles, options=story_defaults(True, articles))``.

Per revision it prints the median over the rounds of the whole call (wall
clock, and the process's CPU time) and of its phases (profiles, and within
them the background table; candidate pairs; settling the stories; their
labels; the rest: scoring pairs, keys, the stories cache), the ratio of the
medians (base over head), and whether the two revisions found the same
stories and the same profiles (a digest of every story's members, label and
dates, and of every profile's weights and written forms); and, once a round,
reading and segmenting the folder without a cache, so detection shows as a
multiple of reading. Nothing here is a test.

    python tests/benchmarks/bench_detect_cold.py [--base REV] [--head REV] [--rounds N]
"""

from __future__ import annotations

import hashlib
import json
import resource
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _child import reading, revision_options, run_child, side_by_side, timed

# what a detection keeps in the cache; a cold run starts without any of it
KEPT_BY_DETECTION = ("stories", "story-profiles", "story-sets", "embeddings")
# (module, attribute, phase): wrapped where the revision has them
PHASES = (
    ("newsdiff.core.stories.detect", "cached_profiles", "profiles"),
    ("newsdiff.core.language.background", "_table", "background"),
    ("newsdiff.core.stories.detect", "candidate_pairs", "candidates"),
    ("newsdiff.core.stories.detect", "settle", "settle"),
    ("newsdiff.core.stories.detect", "_story", "labels"),
)


def child(folder: str) -> None:
    import importlib

    from newsdiff.core.matching import by_story
    from newsdiff.core.reading.loader import read_articles
    from newsdiff.core.stories.detect import detect_stories
    from newsdiff.core.stories.profile import story_profile

    articles = read_articles(sorted(Path(folder).glob("*.txt")), cache=True).articles
    clock: dict[str, float] = {}
    for module, name, phase in PHASES:
        owner = importlib.import_module(module)
        if hasattr(owner, name):
            timed(owner, name, clock, phase)
    start, cpu = time.perf_counter(), time.process_time()
    stories = detect_stories(articles, options=by_story.story_defaults(True, articles))
    clock["total"] = time.perf_counter() - start
    clock["cpu"] = time.process_time() - cpu  # steadier than the wall clock on a shared machine
    clock["other"] = clock["total"] - sum(
        clock.get(p, 0.0) for p in ("profiles", "candidates", "settle", "labels")
    )
    rows = [(s.members, s.label, s.first_date, s.last_date) for s in stories]
    profiles = [(p.article, p.weights, p.surface) for p in map(story_profile, articles)]
    clock["stories"] = len(stories)
    clock["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "clock": clock,
                "stories": hashlib.sha256(repr(rows).encode()).hexdigest()[:16],
                "profiles": hashlib.sha256(repr(profiles).encode()).hexdigest()[:16],
            }
        )
    )


def _run(tree: Path, folder: Path, cache: Path, mode: str) -> dict[str, Any]:
    for name in KEPT_BY_DETECTION:
        shutil.rmtree(cache / "newsdiff" / name, ignore_errors=True)
    what = f"bench_detect_cold: the run from {tree}"
    return run_child(__file__, [mode, str(folder)], cache=cache, source=tree / "tui", what=what)


def main() -> None:
    args = revision_options(__doc__.split("\n", 1)[0])
    if args.child:
        child(args.child)
        return
    if args.reading:
        reading(args.reading)
        return
    runs, median = side_by_side(
        _run, base=args.base, head=args.head, rounds=args.rounds, prefix="bench-detect-"
    )
    _report(runs, args.base)
    print(f"reading and segmenting without a cache (head's code): {median:.3f} s; detection:")
    for side, rs in runs.items():
        total = statistics.median(r["clock"]["total"] for r in rs)
        print(f"  {side}: {total / median:.2f}x reading")


def _report(runs: dict[str, list[dict[str, Any]]], base: str) -> None:
    phases = ("total", "cpu", "profiles", "background", "candidates", "settle", "labels", "other")
    medians = {
        side: {p: statistics.median(r["clock"].get(p, 0.0) for r in rs) for p in phases}
        for side, rs in runs.items()
    }
    reports = len(next(iter(runs.values())))
    print(f"cold story detection, 1,033 gnad + seed reports, median of {reports} rounds (s)")
    print(f"{'phase':<12}" + "".join(f"{side:>12}" for side in runs) + f"{'ratio':>10}")
    head = "head"
    for p in phases:
        cells = "".join(f"{medians[side][p]:>12.3f}" for side in runs)
        ratio = medians[base][p] / medians[head][p] if medians[head][p] else float("nan")
        print(f"{p:<12}{cells}{ratio:>9.2f}x")
    for what in ("stories", "profiles"):
        digests = {r[what] for rs in runs.values() for r in rs}
        print(f"{what} identical: {'yes' if len(digests) == 1 else 'NO ' + str(digests)}")
    print("stories found:", {side: rs[0]["clock"]["stories"] for side, rs in runs.items()})
    peaks = {
        side: round(statistics.median(r["clock"]["peak_mb"] for r in rs))
        for side, rs in runs.items()
    }
    print("peak memory of the process (MB, median):", peaks)


if __name__ == "__main__":
    main()
