"""Alignment quality story by story against the folder-wide aligner, side by side.

ECB+ tuning pairs (gold.json: P right; N, X and cross-topic wrong; R, U, XR
ignored) with every tuning article in one folder; the seed fixture
(tests/seed_quality.py) alone and among the 1,028 gnad articles. "stories" is
``newsdiff.align()`` (align_stories), "folder" the aligner run over the whole
folder at once (what newsdiff did before stories). Also the share of pairs
joining two gold stories. Tuned on these data: not figures for the README's
held-out claims.

    python tests/benchmarks/bench_story_align.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import mix
import seed_quality
from newsdiff.core.matching.align import align
from newsdiff.core.matching.by_story import align_stories


def ecb_figures(alignment, articles) -> str:  # type: ignore[no-untyped-def]
    gold = mix.ecb_gold()
    index = {(doc, n): k for k, (doc, n, _) in enumerate(gold["sentences"])}
    label = {}
    for name, pairs in gold["pairs"].items():
        for i, j in pairs:
            label[min(i, j), max(i, j)] = name
    topic = {doc: sub.split("_")[0] for sub, docs in gold["subtopics"].items() for doc in docs}
    story = mix.gold_stories(articles)
    texts = {(a.id, s.index): s.text for a in articles for s in a.sentences}
    sentence_text = {k: t for k, (_, _, t) in enumerate(gold["sentences"])}
    # the corpus's sentence numbers are its own; find each judged sentence by its text
    where = {}
    for (doc, _n), k in index.items():
        for (aid, idx), text in texts.items():
            if aid == doc and text.strip() == sentence_text[k].strip():
                where[aid, idx] = k
                break
    right = wrong = across = 0
    for p in alignment.pairs:
        a, b = p.left.article, p.right.article
        across += story.get(a) != story.get(b)
        i, j = where.get((a, p.left.sentence)), where.get((b, p.right.sentence))
        if topic.get(a) != topic.get(b):
            wrong += 1
            continue
        if i is None or j is None:
            continue
        name = label.get((min(i, j), max(i, j)))
        if name == "P":
            right += 1
        elif name in ("N", "X"):
            wrong += 1
    found = sum(1 for i, j in gold["pairs"]["P"] if i in where.values() and j in where.values())
    recall = right / len(gold["pairs"]["P"])
    precision = right / (right + wrong) if right + wrong else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (
        f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f} ({right} right, {wrong} wrong, "
        f"{len(alignment.pairs)} pairs, share across gold stories "
        f"{across / max(1, len(alignment.pairs)):.3f}, judged P pairs locatable {found})"
    )


def seed_figures(alignment, seeds) -> str:  # type: ignore[no-untyped-def]
    total = seed_quality.scores(tuple(seeds), alignment)["total"]
    f1 = 2 * total.precision * total.recall / (total.precision + total.recall or 1)
    return f"P {total.precision:.3f} R {total.recall:.3f} F1 {f1:.3f}"


def main() -> None:
    ecb = mix.ecb_articles()
    for name, run in (("stories", align_stories), ("folder", align)):
        start = time.perf_counter()
        result = run(ecb)
        print(
            f"ECB+ tune, {name:>7}: {ecb_figures(result, ecb)}  {time.perf_counter() - start:.1f} s"
        )
    seeds = mix.seed_articles()
    gnad = mix.gnad_articles()
    ids = {a.id for a in seeds}
    for name, run in (("stories", align_stories), ("folder", align)):
        alone = run(seeds)
        among = run(gnad + seeds)
        from newsdiff.core.views.subset import restrict

        print(
            f"seeds, {name:>7}: alone {seed_figures(alone, seeds)}; among gnad "
            f"{seed_figures(restrict(among, ids), seeds)}"
        )


if __name__ == "__main__":
    main()
