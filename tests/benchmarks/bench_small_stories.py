"""Story detection in small folders drawn from the ECB+ tuning topics.

A folder of six or seven reports is below what the split's usual evidence can
reach, so it measures the small-group rule of ``core/stories/split.py``:

- 6-7 reports of one subtopic (four draws of each size per subtopic): how many
  come out as two or more stories of two or more reports (a false cut), and the
  mean B-cubed F1;
- 3-4 reports of a topic's first subtopic with 3 of its second (four draws
  each): how many keep the two events apart, and the mean B-cubed F1.

Draws are seeded, so two checkouts see the same folders.

    python tests/benchmarks/bench_small_stories.py [--code /work/main/tui]
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
if "--code" in sys.argv:  # before the package is imported
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--code") + 1]).resolve()))

import mix
from newsdiff.core.model import Article
from newsdiff.core.stories.detect import detect_stories


def _f1(folder: list[Article], gold: dict[str, str]) -> tuple[float, bool, bool]:
    """B-cubed F1 of the folder's stories, whether any story mixes gold stories, and
    whether two or more stories have two or more reports."""
    stories = detect_stories(folder)
    predicted = {m: s.members[0] for s in stories for m in s.members}
    f1 = mix.bcubed(predicted, {a.id: gold[a.id] for a in folder})[2]
    mixed = any(len({gold[m] for m in s.members}) > 1 for s in stories)
    cut = sum(len(s.members) >= 2 for s in stories) > 1
    return f1, mixed, cut


def main() -> None:
    articles = mix.ecb_articles()
    gold = mix.gold_stories(articles)
    by: dict[str, list[Article]] = {}
    for a in articles:
        by.setdefault(gold[a.id], []).append(a)
    rng = random.Random(11)
    one: list[tuple[float, bool, bool]] = []
    for sub in sorted(by):
        for _ in range(4):
            for size in (6, 7):
                if len(by[sub]) >= size:
                    one.append(_f1(rng.sample(by[sub], size), gold))
    two: list[tuple[float, bool, bool]] = []
    for topic in sorted({s.split("_")[0] for s in by}, key=int):
        for _ in range(4):
            for k in (3, 4):
                first, second = by[f"{topic}_ecb"], by[f"{topic}_plus"]
                if len(first) >= k and len(second) >= 3:
                    two.append(_f1(rng.sample(first, k) + rng.sample(second, 3), gold))
    print(f"code: {Path(sys.modules[detect_stories.__module__].__file__ or '').parents[3]}")
    print(
        f"one subtopic, 6-7 reports: {sum(c for *_, c in one)}/{len(one)} cut in two, "
        f"mean B-cubed F1 {sum(f for f, *_ in one) / len(one):.3f}"
    )
    print(
        f"two subtopics, 3-4 + 3 reports: {sum(not m for _, m, _ in two)}/{len(two)} apart, "
        f"mean B-cubed F1 {sum(f for f, *_ in two) / len(two):.3f}"
    )


if __name__ == "__main__":
    main()
