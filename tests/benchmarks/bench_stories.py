"""Story detection on the mix: ECB+ tuning subtopics + gnad-1028 + the seeds.

Prints B-cubed precision, recall and F1 (over all reports, and over the ECB+
and seed reports alone, since a gnad article counts as its own gold story),
how many ECB+ topics keep their two subtopics apart and which, the time; the
same with the ECB+ and seed reports detected alone, and how many of their
stories change when the gnad articles are in the folder (should be none); the
blocking: candidate pairs against all pairs and the share of gold same-story
pairs among the candidates. With ``datasketch`` installed (it is not a
dependency: it brings numpy and scipy), the same for MinHash LSH over the same
word sets, so the choice of blocking is measured side by side.

    python tests/benchmarks/bench_stories.py [--code /work/main/tui]

``--code DIR`` runs another checkout's ``tui`` (main, for a before / after).
"""

from __future__ import annotations

import sys
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if "--code" in sys.argv:  # before the package is imported
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--code") + 1]).resolve()))

import mix
from newsdiff.core.stories.detect import StoryOptions, candidate_pairs, detect_stories
from newsdiff.core.stories.profile import story_profile


def main() -> None:
    start = time.perf_counter()
    labelled = mix.ecb_articles() + mix.seed_articles()
    articles = labelled + mix.gnad_articles()
    read = time.perf_counter() - start
    gold = mix.gold_stories(articles)
    print(f"code: {Path(sys.modules[detect_stories.__module__].__file__ or '').parents[3]}")
    print(f"{len(articles)} reports ({len(labelled)} ECB+ and seeds), read in {read:.2f} s")
    found = {}
    for name, folder in (("all reports", articles), ("ECB+ and seeds alone", labelled)):
        start = time.perf_counter()
        stories = detect_stories(folder)
        took = time.perf_counter() - start
        found[name] = predicted = {m: s.members[0] for s in stories for m in s.members}
        print(f"{name}: {len(stories)} stories in {took:.2f} s")
        ids = [a.id for a in folder if not a.id.startswith("gnad")]
        p, r, f = mix.bcubed(predicted, {i: gold[i] for i in predicted}, ids)
        print(f"  B-cubed over the ECB+ and seed reports: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        if folder is articles:
            p, r, f = mix.bcubed(predicted, gold)
            print(f"  B-cubed over all reports:               P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        _topics(predicted, gold)
    alone, among = found["ECB+ and seeds alone"], found["all reports"]
    moved = [i for i in alone if _partners(alone, i) != _partners(among, i)]
    print(f"ECB+ and seed reports whose story changes with the gnad articles: {len(moved)}")
    _subtopics_alone(labelled, gold, among)
    _blocking(articles, gold)


def _subtopics_alone(labelled, gold, among) -> None:  # type: ignore[no-untyped-def]
    """Each ECB+ subtopic detected alone: do its reports have the stories they have among all?"""
    subtopics: dict[str, list] = {}  # type: ignore[type-arg]
    for article in labelled:
        if gold[article.id].endswith(("_ecb", "_plus")):
            subtopics.setdefault(gold[article.id], []).append(article)
    moved = 0
    for members in subtopics.values():
        ids = {a.id for a in members}
        for story in detect_stories(members):
            for m in story.members:
                moved += set(story.members) != ids & _partners(among, m)
    print(f"ECB+ reports whose story differs with their subtopic detected alone: {moved}")


def _partners(predicted: dict[str, str], item: str) -> frozenset[str]:
    return frozenset(
        i for i, s in predicted.items() if s == predicted[item] and not i.startswith("gnad")
    )


def _topics(predicted: dict[str, str], gold: dict[str, str]) -> None:
    """Per ECB+ topic: are its two subtopics in stories of their own, and in how many each."""
    topics = sorted(
        {g.split("_")[0] for g in gold.values() if g.endswith(("_ecb", "_plus"))}, key=int
    )
    apart, rows = 0, []
    for topic in topics:
        ecb = {predicted[i] for i, g in gold.items() if g == f"{topic}_ecb" and i in predicted}
        plus = {predicted[i] for i, g in gold.items() if g == f"{topic}_plus" and i in predicted}
        kept = not (ecb & plus)
        apart += kept
        rows.append(f"{topic}:{'apart' if kept else 'MIXED'}({len(ecb)}/{len(plus)})")
    print(f"  ECB+ topics whose two subtopics share no story: {apart}/{len(topics)}")
    print("  per topic (stories of the ecb / plus subtopic): " + " ".join(rows))


def _blocking(articles, gold) -> None:  # type: ignore[no-untyped-def]
    ordered = sorted(articles, key=lambda a: (a.id, a.path))
    vectors = [story_profile(a).as_dict() for a in ordered]
    n = len(ordered)
    same = {
        (i, j) for i, j in combinations(range(n), 2) if gold[ordered[i].id] == gold[ordered[j].id]
    }
    start = time.perf_counter()
    pairs = set(candidate_pairs(vectors, options=StoryOptions()))
    took = time.perf_counter() - start
    all_pairs = n * (n - 1) // 2
    print(
        f"inverted index: {len(pairs)} candidates of {all_pairs} pairs "
        f"({len(pairs) / all_pairs:.1%}), gold pairs found {len(pairs & same) / len(same):.3f}, "
        f"{took:.2f} s"
    )
    try:
        from datasketch import MinHash, MinHashLSH
    except ImportError:
        print("MinHash LSH: datasketch not installed (pip install datasketch to compare)")
        return
    for threshold in (0.1, 0.2):
        start = time.perf_counter()
        lsh = MinHashLSH(threshold=threshold, num_perm=128)
        hashes = []
        for k, vector in enumerate(vectors):
            m = MinHash(num_perm=128, seed=1)
            m.update_batch([f.encode("utf-8") for f in sorted(vector)])
            lsh.insert(str(k), m)
            hashes.append(m)
        found = set()
        for k, m in enumerate(hashes):
            for other in lsh.query(m):
                j = int(other)
                if j != k:
                    found.add((min(j, k), max(j, k)))
        took = time.perf_counter() - start
        print(
            f"MinHash LSH (Jaccard {threshold}): {len(found)} candidates "
            f"({len(found) / all_pairs:.1%}), gold pairs found "
            f"{len(found & same) / len(same):.3f}, {took:.2f} s"
        )


if __name__ == "__main__":
    main()
