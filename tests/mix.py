"""The story-detection mix: ECB+ tuning subtopics, gnad articles and the seeds, with gold stories.

Used by tests/benchmarks/bench_stories.py and the invariance tests. The
corpora stay in ``../shared/corpora/`` (never copied into the project); gnad
articles are built in memory, one report per row, as a folder of saved
derStandard pages would read.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from newsdiff.core.model import Article

ROOT = Path(__file__).resolve().parents[1]
# beside the project (CI, the main checkout) or beside a folder above it (a worktree)
CORPORA = next(
    (p / "shared" / "corpora" for p in ROOT.parents if (p / "shared" / "corpora").is_dir()),
    ROOT.parent / "shared" / "corpora",
)
GNAD = CORPORA / "gnad-1028.csv"
ECB = CORPORA / "ecbplus-tune"
SEEDS = ROOT / "seeds"


def available() -> bool:
    return GNAD.exists() and (ECB / "gold.json").exists()


@lru_cache(maxsize=1)
def ecb_gold() -> dict:  # type: ignore[type-arg]
    return json.loads((ECB / "gold.json").read_text(encoding="utf-8"))


def gnad_articles(limit: int | None = None, *, every: int = 1) -> list[Article]:
    """The gnad rows as Articles, ids ``gnad-0000``…; ``every``: only each such row."""
    from newsdiff.core.reading.article import build_article

    out = []
    with GNAD.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.reader(handle, delimiter=";", quotechar="'")):
            if limit is not None and number >= limit:
                break
            if number % every:
                continue
            out.append(build_article(row[1], id=f"gnad-{number:04d}", path=f"gnad#{number}"))
    return out


def ecb_articles(subtopics: Iterable[str] | None = None) -> list[Article]:
    """The ECB+ tuning articles (ids are the file stems, e.g. ``1_10ecb``)."""
    from newsdiff.core.reading.loader import read_articles

    names = sorted(subtopics) if subtopics is not None else sorted(ecb_gold()["subtopics"])
    paths = [p for name in names for p in sorted((ECB / "texts" / name).glob("*.txt"))]
    return list(read_articles(paths, cache=False).articles)


def seed_articles() -> list[Article]:
    from newsdiff.core.reading.loader import read_articles

    return list(read_articles(sorted(SEEDS.glob("*.txt")), cache=False).articles)


def gold_stories(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> its gold story: the ECB+ subtopic, "seeds", or itself (a gnad article)."""
    of = {doc: sub for sub, docs in ecb_gold()["subtopics"].items() for doc in docs}
    seeds = {a.id for a in seed_articles()}
    return {a.id: of.get(a.id, "seeds" if a.id in seeds else a.id) for a in articles}


def bcubed(
    predicted: dict[str, str], gold: dict[str, str], items: Iterable[str] | None = None
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``predicted`` clusters against ``gold``, over ``items``.

    >>> bcubed({"a": "1", "b": "1", "c": "2"}, {"a": "x", "b": "x", "c": "x"})
    (1.0, 0.5555555555555556, 0.7142857142857143)
    """
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for item, cluster in predicted.items():
        by_pred.setdefault(cluster, set()).add(item)
    for item, cluster in gold.items():
        by_gold.setdefault(cluster, set()).add(item)
    chosen = list(items) if items is not None else list(predicted)
    precision = recall = 0.0
    for item in chosen:
        mine, truth = by_pred[predicted[item]], by_gold[gold[item]]
        both = len(mine & truth)
        precision += both / len(mine)
        recall += both / len(truth)
    p, r = precision / len(chosen), recall / len(chosen)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
