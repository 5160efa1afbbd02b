"""Which German compound splitter the similarity should use, measured side by side.

Run from the project root:

    python tests/benchmarks/bench_compounds.py

Candidates: none (compounds stay whole); newsdiff's own splitter
(``lexicon.split_compound``: longest head known to simplemma's dictionary,
modifier known too, linking s/es/n/en/e, split again); and the
``compound-split`` package (char_split n-gram model, best split taken when its
score is positive), if installed. For each: Spearman on ``stsb-de-train.csv``
(corpus weights, as the aligner weighs), the alignment's recall and precision
on the judged seed pairs (tests/fixtures/seed_pairs.json), a few compounds
from the seeds, and the time to split every distinct capitalised word of the
STS file.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _sts import CORPORA, load, newsdiff_scores, spearman

from newsdiff.core.language.detection import lexicon
from newsdiff.core.language.text import words
from newsdiff.core.matching.align import align
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.reading.seeds import seed_paths

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seed_pairs.json"
EXAMPLES = ("Truppenentsendung", "Geheimdienstmitarbeiter", "Verteidigungsabkommen", "Russland")


def _none(noun: str) -> tuple[str, ...]:
    return (noun,)


def _compound_split() -> Callable[[str], tuple[str, ...]] | None:
    try:
        from compound_split import char_split
    except ImportError:
        return None

    def split(noun: str) -> tuple[str, ...]:
        if len(noun) < 8 or not noun[0].isupper():
            return (noun,)
        found = char_split.split_compound(noun)
        if not found or found[0][0] <= 0:
            return (noun,)
        _, modifier, head = found[0]
        return (lexicon.lemma(modifier, "de"), lexicon.lemma(head, "de"))

    return split


def _seed_scores() -> tuple[float, float]:
    articles = read_articles(seed_paths()).articles
    doc = json.loads(FIXTURE.read_text(encoding="utf-8"))

    def ref(side: dict) -> tuple[str, int]:  # type: ignore[type-arg]
        article = next(a for a in articles if a.id == side["article"])
        return (article.id, next(s.index for s in article.sentences if s.text == side["text"]))

    def key(pair: list) -> tuple:  # type: ignore[type-arg]
        return tuple(sorted(ref(side) for side in pair))

    same = {key(p) for p in doc["same_claim"]}
    different = {key(p) for p in doc["different_claim"]}
    made = {
        tuple(sorted(((p.left.article, p.left.sentence), (p.right.article, p.right.sentence))))
        for p in align(articles).pairs
    }
    hits, wrong = len(made & same), len(made & different)
    return hits / len(same), hits / max(1, hits + wrong)


def main() -> int:
    if not CORPORA.exists():
        print(f"skipped: {CORPORA} not found", file=sys.stderr)
        return 0
    rows = load("stsb-de-train.csv")
    gold = [g for *_, g in rows]
    nouns = sorted({w for a, b, _ in rows for w in words(f"{a} {b}") if w[0].isupper()})
    candidates = {"none": _none, "newsdiff": lexicon.split_compound}
    other = _compound_split()
    if other is not None:
        candidates["compound-split"] = other
    original = lexicon.split_compound
    print(
        f"{'splitter':<15} {'STS de train':>12} {'seed recall':>11} {'precision':>9} {'µs/word':>8}"
    )
    for name, split in candidates.items():
        lexicon.split_compound = split  # type: ignore[assignment]
        lexicon.forget()
        started = time.perf_counter()
        for noun in nouns:
            split(noun)
        per_word = (time.perf_counter() - started) * 1e6 / len(nouns)
        rho = spearman(newsdiff_scores(rows, "de", corpus=True), gold)
        recall, precision = _seed_scores()
        print(f"{name:<15} {rho:>12.4f} {recall:>11.2f} {precision:>9.2f} {per_word:>8.1f}")
        print("   " + "; ".join(f"{w} -> {' + '.join(split(w))}" for w in EXAMPLES))
    lexicon.split_compound = original
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
