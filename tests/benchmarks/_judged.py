"""Shared by bench_meaning.py and tune_meaning.py: the judged pairs of the seeds and of ECB+.

Seeds: tests/fixtures/seed_pairs.json, split as tests/seed_quality.py says
(tuning: reports 000-002; held-out: pairs with 003 or 004). ECB+ tuning topics
(shared/corpora/ecbplus-tune): each subtopic is one story and is aligned on
its own, as the aligner sees a story; a made pair judged P is right, N wrong
(R and U are ignored), and recall is over P among the sentences found.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import mix
import seed_quality
from newsdiff.core.model import Alignment, Article
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.reading.seeds import seed_paths

Aligner = Callable[[Sequence[Article]], Alignment]


@dataclass(frozen=True)
class Counts:
    hits: int
    wanted: int
    wrong: int

    def line(self) -> str:
        p = self.hits / (self.hits + self.wrong) if self.hits + self.wrong else 1.0
        r = self.hits / self.wanted if self.wanted else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f} R {r:.3f} F1 {f:.3f} ({self.hits}/{self.wanted}, {self.wrong} wrong)"


def seed_counts(align: Aligner) -> dict[str, Counts]:
    articles = read_articles(seed_paths()).articles
    measured = seed_quality.scores(articles, align(articles))
    return {k: Counts(v.hits, v.judged_same, v.wrong) for k, v in measured.items()}


def _norm(text: str) -> str:
    return " ".join(text.split())[:60]


def ecb_stories() -> list[tuple[tuple[Article, ...], set, set]]:  # type: ignore[type-arg]
    """Per subtopic: its articles, its P pairs and its N pairs as sorted passage refs."""
    gold = mix.ecb_gold()
    out = []
    for subtopic, ids in sorted(gold["subtopics"].items()):
        articles = tuple(a for a in mix.ecb_articles([subtopic]) if a.id in ids)
        where = {}
        for a in articles:
            for s in a.sentences:
                where.setdefault((a.id, _norm(s.text)), (a.id, s.index))
        refs = {}
        for k, (doc, _, text) in enumerate(gold["sentences"]):
            if doc in ids and (doc, _norm(text)) in where:
                refs[k] = where[doc, _norm(text)]

        def keyed(label: str, refs: dict = refs) -> set:  # type: ignore[type-arg]
            return {
                tuple(sorted((refs[i], refs[j])))
                for i, j in gold["pairs"][label]
                if i in refs and j in refs
            }

        out.append((articles, keyed("P"), keyed("N")))
    return out


def ecb_counts(align: Aligner, stories=None) -> Counts:  # type: ignore[no-untyped-def]
    hits = wanted = wrong = 0
    for articles, p, n in stories or ecb_stories():
        made = seed_quality.made(align(articles))
        hits, wanted, wrong = hits + len(made & p), wanted + len(p), wrong + len(made & n)
    return Counts(hits, wanted, wrong)
