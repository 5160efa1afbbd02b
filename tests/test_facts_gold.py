"""Extraction measured on a hand-checked sample: every number and name in seed reports.

tests/fixtures/facts_gold.json was written by reading the reports, not from the
extractor's output. Precision and recall per kind must stay above a floor; the
figures themselves are printed by ``python tests/benchmarks/bench_facts.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsdiff.core.facts import extract_facts
from newsdiff.core.reading.loader import read_articles
from newsdiff.core.reading.seeds import seed_paths

GOLD = Path(__file__).parent / "fixtures" / "facts_gold.json"
# floors a little under what the extractor measures now (see the benchmark)
FLOORS = {"number": (0.9, 0.85), "name": (0.9, 0.9), "date": (0.9, 0.9)}


@dataclass(frozen=True)
class Score:
    kind: str
    correct: int
    found: int
    expected: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0


def _matches(fact, gold: object) -> bool:
    if isinstance(gold, str) and fact.kind == "date":
        return gold in fact.text or fact.text in gold
    if isinstance(gold, str):
        return fact.text == gold
    assert isinstance(gold, dict)
    if fact.text != gold["text"]:
        return False
    bounds = {"low", "high"} & set(gold)
    if fact.kind != "number":
        return not bounds
    return all(getattr(fact.quantity, key) == gold[key] for key in bounds)


def measure(split: str | None = None) -> dict[str, Score]:
    """Precision and recall per kind over the annotated reports (of one split, or all)."""
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["reports"]
    gold = {k: v for k, v in gold.items() if split is None or v["split"] == split}
    articles = {a.id: a for a in read_articles(seed_paths(), cache=False).articles}
    totals: dict[str, list[int]] = {}
    for article_id, kinds in gold.items():
        article = articles[article_id]
        facts = [
            fact
            for passage in article.sentences
            for fact in extract_facts(
                passage.text, language=article.language, published=article.date
            )
        ]
        for kind, expected in kinds.items():
            if kind == "split" or expected is None:
                continue
            left = list(expected)
            found = [fact for fact in facts if fact.kind == kind]
            correct = 0
            for fact in found:
                hit = next((g for g in left if _matches(fact, g)), None)
                if hit is not None:
                    left.remove(hit)
                    correct += 1
            total = totals.setdefault(kind, [0, 0, 0])
            total[0] += correct
            total[1] += len(found)
            total[2] += len(expected)
    return {kind: Score(kind, *counts) for kind, counts in totals.items()}


SPLITS = ("tune", "held-out")


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, Score]]:
    return {split: measure(split) for split in SPLITS}


@pytest.mark.parametrize("split", SPLITS)
@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_extraction_precision_and_recall_hold(scores, kind, split):
    score = scores[split][kind]
    precision_floor, recall_floor = FLOORS[kind]
    print(f"{split} {kind}: precision {score.precision:.2f} recall {score.recall:.2f}")
    assert score.precision >= precision_floor, score
    assert score.recall >= recall_floor, score


def test_gold_sample_is_not_trivial(scores):
    assert scores["tune"]["number"].expected >= 15 and scores["tune"]["name"].expected >= 100
    assert scores["held-out"]["name"].expected >= 40
