"""Cold stories and lexical alignment of the 1,033 gnad + seed reports: two revisions side by side.

What the scale part of issue 10 times, ``detect_stories`` and then
``align_stories`` (here with ``semantic=False``: the lexical stages only, the
semantic pass is timed by ``bench_semantic_cold.py``), each round one fresh
process per revision in alternating order, each from its own source tree
(``git archive`` of ``--base``, default ``main``, and the working tree, or
``--head``) and its own cache folder. Before each run the cache is emptied
of everything but the machine-level ``dictionaries`` and ``models`` (the
parsed articles are read from the cache, so the run times the two stages
alone, as a first look at the folder pays them).

Per revision it prints the median over the rounds of the CPU time of each
phase (the stages are single-threaded and the machine is shared; the wall
clock of the whole is the last row): for the stories, the profiles and within
them ``story_profile``, the candidate pairs (with their scoring where that is
a stage of its own), the labels and the rest (the cosines where they are a
loop, settling, keys and caches); for the alignment, profiling the passages,
candidates, scoring and annotating. Then the ratio of the medians (base over
head), whether the two revisions found the same stories, profiles and
alignment (a digest of every story, profile, pair, claim cluster and fact),
and, once a round, reading and segmenting the folder without a cache, so
the stages show as a multiple of reading. Nothing here is a test.

    python tests/benchmarks/bench_align_cold.py [--base REV] [--head REV] [--rounds N]
"""

from __future__ import annotations

import hashlib
import importlib
import json
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _child import reading, revision_options, run_child, side_by_side, timed

KEPT = ("dictionaries", "models")  # machine-level: a first look at a folder has them
# (module, attribute, phase): wrapped where the revision has them
PHASES = (
    ("newsdiff.core.stories.detect", "cached_profiles", "profiles"),
    ("newsdiff.core.stories.profile_cache", "story_profile", "story_profile"),
    # the candidate pairs and, where the revision has them, the arrays and dot products
    # that score them (the loop of _cosine over dicts is in "story_other")
    ("newsdiff.core.stories.detect", "rows", "story_candidates"),
    ("newsdiff.core.stories.detect", "candidate_pairs", "story_candidates"),
    ("newsdiff.core.stories.detect", "dot_products", "story_candidates"),
    ("newsdiff.core.stories.detect", "_story", "labels"),
    ("newsdiff.core.matching.align", "collect_passages", "passages"),
    ("newsdiff.core.matching.align", "candidates", "align_candidates"),
    ("newsdiff.core.matching.align", "score_pairs", "score_pairs"),
    ("newsdiff.core.matching.align", "annotate", "annotate"),
)
SHOWN = (
    "stories",
    "profiles",
    "story_profile",
    "story_candidates",
    "labels",
    "story_other",
    "lexical",
    "passages",
    "align_candidates",
    "score_pairs",
    "annotate",
    "both",
    "wall",
)


def child(folder: str) -> None:
    from newsdiff.core.matching import by_story
    from newsdiff.core.reading.loader import read_articles
    from newsdiff.core.stories.detect import detect_stories
    from newsdiff.core.stories.profile import story_profile

    articles = read_articles(sorted(Path(folder).glob("*.txt")), cache=True).articles
    clock: dict[str, float] = {}
    for module, name, phase in PHASES:
        owner = importlib.import_module(module)
        if hasattr(owner, name):
            timed(owner, name, clock, phase, now=time.process_time)
    wall, start = time.perf_counter(), time.process_time()
    stories = detect_stories(articles, options=by_story.story_defaults(True, articles))
    clock["stories"] = time.process_time() - start
    clock["story_other"] = clock["stories"] - sum(
        clock.get(p, 0.0) for p in ("profiles", "story_candidates", "labels")
    )
    start = time.process_time()
    alignment = by_story.align_stories(articles, stories=stories, semantic=False)
    clock["lexical"] = time.process_time() - start
    clock["both"] = clock["stories"] + clock["lexical"]
    clock["wall"] = time.perf_counter() - wall
    rows = [(s.members, s.label, s.first_date, s.last_date) for s in stories]
    profiles = [(p.article, p.weights, p.surface) for p in map(story_profile, articles)]
    pairs = [(p.left, p.right, p.score, p.relation, p.changes) for p in alignment.pairs]
    print(
        json.dumps(
            {
                "clock": clock,
                "digest": {
                    "stories": _digest(rows),
                    "profiles": _digest(profiles),
                    "pairs": _digest(pairs),
                    "clusters": _digest(alignment.clusters),
                    "facts": _digest(sorted(map(repr, alignment.facts.items()))),
                },
                "pairs": len(alignment.pairs),
            }
        )
    )


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


def _run(tree: Path, folder: Path, cache: Path, mode: str) -> dict[str, Any]:
    kept = cache / "newsdiff"
    if kept.is_dir():
        for entry in kept.iterdir():
            if entry.name not in KEPT and entry.name != "articles":
                shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink()
    what = f"bench_align_cold: the run from {tree}"
    return run_child(__file__, [mode, str(folder)], cache=cache, source=tree / "tui", what=what)


def main() -> None:
    args = revision_options(__doc__.split("\n", 1)[0])
    if args.child:
        child(args.child)
        return
    if args.reading:
        reading(args.reading, now=time.process_time)
        return
    runs, median = side_by_side(
        _run, base=args.base, head=args.head, rounds=args.rounds, prefix="bench-align-"
    )
    _report(runs, args.base)
    print(f"reading and segmenting without a cache (head's code): {median:.3f} CPU s")
    for side, rs in runs.items():
        both = statistics.median(r["clock"]["both"] for r in rs)
        print(f"  {side}: stories + lexical alignment {both / median:.2f}x reading")


def _report(runs: dict[str, list[dict[str, Any]]], base: str) -> None:
    medians = {
        side: {p: statistics.median(r["clock"].get(p, 0.0) for r in rs) for p in SHOWN}
        for side, rs in runs.items()
    }
    rounds = len(next(iter(runs.values())))
    print(f"cold stories + lexical alignment, 1,033 gnad + seed reports, median of {rounds}, CPU s")
    print(f"{'phase':<18}" + "".join(f"{side:>12}" for side in runs) + f"{'ratio':>10}")
    for p in SHOWN:
        cells = "".join(f"{medians[side][p]:>12.3f}" for side in runs)
        ratio = medians[base][p] / medians["head"][p] if medians["head"][p] else float("nan")
        print(f"{p:<18}{cells}{ratio:>9.2f}x")
    for what in ("stories", "profiles", "pairs", "clusters", "facts"):
        digests = {r["digest"][what] for rs in runs.values() for r in rs}
        print(f"{what} identical: {'yes' if len(digests) == 1 else 'NO ' + str(digests)}")
    print("pairs:", {side: rs[0]["pairs"] for side, rs in runs.items()})


if __name__ == "__main__":
    main()
