"""Story detection on the mix: ECB+ tuning subtopics + gnad-1028 + the seeds.

Prints B-cubed precision, recall and F1 (over all reports, and over the ECB+
and seed reports alone, since a gnad article counts as its own gold story),
how many ECB+ topics keep their two subtopics apart, the time, and the
blocking: candidate pairs against all pairs and the share of gold same-story
pairs among the candidates. With ``datasketch`` installed (it is not a
dependency: it brings numpy and scipy), the same for MinHash LSH over the same
word sets, so the choice of blocking is measured side by side.

    python tests/benchmarks/bench_stories.py
"""

from __future__ import annotations

import sys
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import mix
from newsdiff.core.stories.detect import StoryOptions, candidate_pairs, detect_stories
from newsdiff.core.stories.profile import story_profile


def main() -> None:
    start = time.perf_counter()
    articles = mix.ecb_articles() + mix.gnad_articles() + mix.seed_articles()
    read = time.perf_counter() - start
    gold = mix.gold_stories(articles)
    start = time.perf_counter()
    stories = detect_stories(articles)
    took = time.perf_counter() - start
    predicted = {m: s.members[0] for s in stories for m in s.members}
    labelled = [a.id for a in articles if not a.id.startswith("gnad")]
    print(f"{len(articles)} reports ({len(labelled)} ECB+ and seeds), read in {read:.2f} s")
    print(f"stories: {len(stories)} in {took:.2f} s (reading took {read:.2f} s)")
    for name, items in (("all reports", None), ("ECB+ and seeds", labelled)):
        p, r, f = mix.bcubed(predicted, gold, items)
        print(f"B-cubed over {name:>15}: P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    topics = sorted({g.split("_")[0] for g in gold.values() if "_" in g and "gnad" not in g})
    apart = 0
    for topic in topics:
        ecb = {predicted[i] for i, g in gold.items() if g == f"{topic}_ecb"}
        plus = {predicted[i] for i, g in gold.items() if g == f"{topic}_plus"}
        apart += not (ecb & plus)
    print(f"ECB+ topics whose two subtopics share no story: {apart}/{len(topics)}")
    _blocking(articles, gold)


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
