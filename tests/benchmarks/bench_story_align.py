"""Alignment quality story by story against the folder-wide aligner, side by side.

ECB+ tuning pairs (gold.json: P right; N, X and cross-topic wrong; R, U, XR
ignored) with every tuning article in one folder (stories as detected, and
within the gold subtopics: what the aligner does without detection's merges),
with the share of each judged sentence's P partners found; the seed fixture
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
from newsdiff.core.stories.detect import Story


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
    partners = _partners_found(alignment, where, gold["pairs"]["P"])
    recall = right / len(gold["pairs"]["P"])
    precision = right / (right + wrong) if right + wrong else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (
        f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f} ({right} right, {wrong} wrong, "
        f"{len(alignment.pairs)} pairs, share across gold stories "
        f"{across / max(1, len(alignment.pairs)):.3f}, judged P pairs locatable {found})\n"
        f"   partners per judged sentence: {partners}"
    )


def _partners_found(alignment, where, positives) -> str:  # type: ignore[no-untyped-def]
    """Of each judged sentence's P partners, the share the aligner pairs it with (ECB+ README)."""
    judged: dict[int, set[int]] = {}
    for i, j in positives:
        judged.setdefault(i, set()).add(j)
        judged.setdefault(j, set()).add(i)
    made: dict[int, set[int]] = {}
    for p in alignment.pairs:
        i, j = (
            where.get((p.left.article, p.left.sentence)),
            where.get((p.right.article, p.right.sentence)),
        )
        if i is not None and j is not None:
            made.setdefault(i, set()).add(j)
            made.setdefault(j, set()).add(i)
    shares = [len(made.get(k, set()) & v) / len(v) for k, v in judged.items()]
    some = sum(1 for k, v in judged.items() if made.get(k, set()) & v)
    return (
        f"mean share found {sum(shares) / len(shares):.3f} of {len(judged)} sentences with a P "
        f"partner (mean {sum(map(len, judged.values())) / len(judged):.1f} partners); "
        f"at least one found for {some / len(judged):.3f}"
    )


def seed_figures(alignment, seeds) -> str:  # type: ignore[no-untyped-def]
    total = seed_quality.scores(tuple(seeds), alignment)["total"]
    f1 = 2 * total.precision * total.recall / (total.precision + total.recall or 1)
    return f"P {total.precision:.3f} R {total.recall:.3f} F1 {f1:.3f}"


def _char_tfidf(texts: dict) -> dict:  # type: ignore[type-arg]
    """Unit char 3-5-gram TF-IDF vectors (sklearn's analyzer="char_wb" in spirit), by key."""
    import math
    from collections import Counter

    grams = {}
    for key, text in texts.items():
        padded = " " + " ".join(text.lower().split()) + " "
        grams[key] = Counter(
            padded[i : i + n] for n in (3, 4, 5) for i in range(len(padded) - n + 1)
        )
    df: Counter[str] = Counter()
    for g in grams.values():
        df.update(g.keys())
    n = len(grams)
    out = {}
    for key, g in grams.items():
        v = {t: (1 + math.log(c)) * math.log((1 + n) / (1 + df[t])) for t, c in g.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out[key] = {t: x / norm for t, x in v.items()}
    return out


def _cos(a: dict, b: dict) -> float:  # type: ignore[type-arg]
    if len(b) < len(a):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def _best_f1(scored: list[tuple[float, bool]], positives: int) -> str:
    """The baseline at its best threshold on these data (tuned on what it is scored on)."""
    best = (0.0, 0.0, 0.0, 0.0)
    for threshold in [x / 100 for x in range(5, 100)]:
        right = sum(1 for s, ok in scored if s >= threshold and ok)
        made = sum(1 for s, _ in scored if s >= threshold)
        if not made:
            continue
        p, r = right / made, right / positives
        f = 2 * p * r / (p + r) if p + r else 0.0
        if f > best[0]:
            best = (f, p, r, threshold)
    f, p, r, t = best
    return f"P {p:.3f} R {r:.3f} F1 {f:.3f} (threshold {t:.2f})"


def baselines() -> None:
    """Char TF-IDF over the judged pairs only (P right; N, X wrong), threshold tuned for F1."""
    gold = mix.ecb_gold()
    vectors = _char_tfidf({k: t for k, (_, _, t) in enumerate(gold["sentences"])})
    scored = [(_cos(vectors[i], vectors[j]), name == "P") for name in ("P", "N", "X")
              for i, j in gold["pairs"][name]]  # fmt: skip
    print(f"ECB+ judged pairs, char TF-IDF baseline: {_best_f1(scored, len(gold['pairs']['P']))}")
    seeds = tuple(mix.seed_articles())
    same = seed_quality.judged(seeds, "same_claim")
    different = seed_quality.judged(seeds, "different_claim")
    texts = {(a.id, s.index): s.text for a in seeds for s in a.sentences}
    vectors = _char_tfidf(texts)
    scored = [(_cos(vectors[a], vectors[b]), key in same) for key in same | different
              for a, b in [key]]  # fmt: skip
    print(f"seed fixture, char TF-IDF baseline (judged pairs): {_best_f1(scored, len(same))}")


def ecb_labelled_only(alignment) -> str:  # type: ignore[no-untyped-def]
    """The aligner scored like the baseline: over the judged pairs only."""
    gold = mix.ecb_gold()
    where = {}
    texts = {(a.id, s.index): s.text.strip() for a in alignment.articles for s in a.sentences}
    by_text = {}
    for key, text in texts.items():
        by_text.setdefault((key[0], text), key)
    for k, (doc, _n, text) in enumerate(gold["sentences"]):
        ref = by_text.get((doc, text.strip()))
        if ref:
            where[ref] = k
    made = set()
    for p in alignment.pairs:
        i = where.get((p.left.article, p.left.sentence))
        j = where.get((p.right.article, p.right.sentence))
        if i is not None and j is not None:
            made.add((min(i, j), max(i, j)))
    label = {(min(i, j), max(i, j)): n for n in ("P", "N", "X") for i, j in gold["pairs"][n]}
    right = sum(1 for k in made if label.get(k) == "P")
    wrong = sum(1 for k in made if label.get(k) in ("N", "X"))
    p = right / (right + wrong) if right + wrong else 1.0
    r = right / len(gold["pairs"]["P"])
    return f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f}"


def main() -> None:
    baselines()
    ecb = mix.ecb_articles()
    gold = mix.ecb_gold()["subtopics"]
    known = [Story(tuple(sorted(m)), sub) for sub, m in sorted(gold.items())]

    def gold_stories(articles):  # type: ignore[no-untyped-def]
        """Aligned within the gold subtopics: the aligner's part, without detection's errors."""
        return align_stories(articles, stories=known)

    runs = (("stories", align_stories), ("gold", gold_stories), ("folder", align))
    for name, run in runs:
        start = time.perf_counter()
        result = run(ecb)
        took = time.perf_counter() - start
        print(f"ECB+ tune, {name:>7}: {ecb_figures(result, ecb)}  {took:.1f} s")
        print(f"   the same over the judged pairs only: {ecb_labelled_only(result)}")
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
