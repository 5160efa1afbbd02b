"""Precision and recall of the aligner on the judged seed pairs, split for honest tuning.

The judged pairs (tests/fixtures/seed_pairs.json) are split BEFORE any tuning:
the *tuning* part holds the pairs whose two passages both come from the reports
000, 001 and 002; the *held-out* part every pair that involves report 003 or
004. Constants are chosen on the tuning part only; the held-out figures say
how well that choice carries over to reports it never saw. Used by
tests/test_align.py and tests/benchmarks/bench_align_quality.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newsdiff.core.model import Alignment, Article

FIXTURE = Path(__file__).parent / "fixtures" / "seed_pairs.json"
TUNING_REPORTS = ("000", "001", "002")  # article id prefixes of the tuning part
PARTS = ("tuning", "held-out", "total")

Ref = tuple[str, int]
Key = tuple[Ref, Ref]


@dataclass(frozen=True)
class Score:
    """Recall and precision of one part of the fixture."""

    part: str
    hits: int
    judged_same: int
    wrong: int

    @property
    def recall(self) -> float:
        return self.hits / self.judged_same if self.judged_same else 1.0

    @property
    def precision(self) -> float:
        made = self.hits + self.wrong
        return self.hits / made if made else 1.0

    def line(self) -> str:
        return (
            f"{self.part:>9}: recall {self.recall:.2f} ({self.hits}/{self.judged_same}), "
            f"precision {self.precision:.2f} ({self.wrong} wrong)"
        )


def find(articles: Iterable[Article], article: str, text: str) -> Ref:
    """The passage of ``article`` whose text starts with ``text``."""
    found = [
        (a.id, s.index)
        for a in articles
        if a.id == article
        for s in a.sentences
        if s.text.startswith(text)
    ]
    assert len(found) == 1, f"{article}: no single passage starts with {text!r}"
    return found[0]


def judged(articles: tuple[Article, ...], name: str) -> set[Key]:
    """The fixture's ``same_claim`` or ``different_claim`` pairs as sorted passage refs."""
    doc = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return {
        tuple(sorted(find(articles, side["article"], side["text"]) for side in pair))
        for pair in doc[name]
    }  # type: ignore[misc]


def made(alignment: Alignment) -> set[Key]:
    """The pairs an alignment makes, as sorted passage refs."""
    return {
        tuple(sorted(((p.left.article, p.left.sentence), (p.right.article, p.right.sentence))))
        for p in alignment.pairs
    }  # type: ignore[misc]


def part_of(key: Key) -> str:
    """``tuning`` when both passages come from a tuning report, else ``held-out``."""
    tuning = all(ref[0][:3] in TUNING_REPORTS for ref in key)
    return "tuning" if tuning else "held-out"


def scores(articles: tuple[Article, ...], alignment: Alignment) -> dict[str, Score]:
    """Recall and precision on the tuning part, the held-out part and in total."""
    same, different = judged(articles, "same_claim"), judged(articles, "different_claim")
    pairs = made(alignment)
    out = {}
    for part in PARTS:

        def inside(keys: set[Key], part: str = part) -> set[Key]:
            return keys if part == "total" else {k for k in keys if part_of(k) == part}

        out[part] = Score(
            part, len(pairs & inside(same)), len(inside(same)), len(pairs & inside(different))
        )
    return out
