"""What story detection costs, stage by stage, at 1,500 and 10,000 reports (issue 10, part 6).

The reports are those of ``bench_stories_scale.py`` (gnad, ECB+ tune, the
seeds and generated wire copies: a report repeated with small edits, as agency
copy spreads), built in memory. For each size: profiling, the candidate search
and linking, and the split of linked groups into events (``settle``), each
timed alone, with the largest linked group; then how the ECB+ subtopics fare
(B-cubed over the ECB+ reports and their wire copies, and how many topics keep
their two subtopics apart), since at 10,000 the wire copies make groups of
hundreds. ``--code DIR`` runs another checkout's ``tui`` (e.g. main) for a
figure side by side.

    python tests/benchmarks/bench_story_split.py [--large 10000] [--code /work/main/tui]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--code", type=Path, help="the tui folder of another checkout")
    args = parser.parse_args()
    if args.code:
        sys.path.insert(0, str(args.code.resolve()))
    sys.path.insert(0, str(HERE.parent))
    sys.path.insert(0, str(HERE))
    import bench_stories_scale as scale

    import mix
    from newsdiff.core.reading.article import build_article
    from newsdiff.core.stories import detect
    from newsdiff.core.stories.profile import story_profile

    print(f"code: {Path(detect.__file__).resolve().parents[3]}")
    subtopic = {d: s for s, docs in mix.ecb_gold()["subtopics"].items() for d in docs}
    for n in (1_500, args.large):
        texts = scale._large_texts(n)
        articles = sorted(
            (build_article(text, id=name, path=name) for name, text in texts),
            key=lambda a: (a.id, a.path),
        )
        options = detect.StoryOptions()
        start = time.perf_counter()
        profiles = [story_profile(a) for a in articles]
        profiled = time.perf_counter() - start
        vectors = [p.as_dict() for p in profiles]
        start = time.perf_counter()
        links = [
            (i, j)
            for i, j in detect.candidate_pairs(vectors, options=options)
            if detect._cosine(vectors[i], vectors[j]) >= options.threshold
        ]
        linked = time.perf_counter() - start
        everyone = list(range(len(articles)))
        if hasattr(detect, "connected"):
            groups = detect.connected(everyone, detect.adjacency(links))
        else:  # an older checkout
            groups = detect._components(everyone, links)
        start = time.perf_counter()
        parts = detect.settle(range(len(articles)), links, vectors, options=options)
        split = time.perf_counter() - start
        predicted = {articles[k].id: min(g) for g in parts for k in g}
        gold = {}
        for a in articles:
            base = a.id.split("-wire")[0]
            if base in subtopic:
                gold[a.id] = subtopic[base]
        p = r = f = 0.0
        if gold:
            p, r, f = mix.bcubed({i: str(predicted[i]) for i in gold}, gold)
        apart = 0
        topics = sorted({s.split("_")[0] for s in gold.values()}, key=int)
        for topic in topics:
            ecb = {predicted[i] for i, s in gold.items() if s == f"{topic}_ecb"}
            plus = {predicted[i] for i, s in gold.items() if s == f"{topic}_plus"}
            apart += not (ecb & plus)
        print(
            f"{len(articles)} reports: profiles {profiled:.1f} s, candidates + links "
            f"{linked:.1f} s, split {split:.2f} s (largest linked group "
            f"{max(len(g) for g in groups)}, {len(parts)} stories); ECB+ with wire copies: "
            f"B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}, {apart}/{len(topics)} topics apart"
        )


if __name__ == "__main__":
    main()
