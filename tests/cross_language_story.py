"""Two reports of one story from real text: German in one order, English in another.

30 sentences of the STS dev files (news and forum rows, every 20th), each a
paragraph: the German translation in file order, the English original
shuffled. Used by tests/test_cross_language.py and the app's test.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest


def _corpora() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        if (parent / "shared" / "corpora" / "stsb-de-dev.csv").is_file():
            return parent / "shared" / "corpora"
    return None


CORPORA = _corpora()
needs_corpora = pytest.mark.skipif(CORPORA is None, reason="shared/corpora not found")


def _first_sentences(name: str) -> list[str]:
    assert CORPORA is not None
    with (CORPORA / name).open(encoding="utf-8", newline="") as handle:
        return [row[0] for row in csv.reader(handle) if len(row) == 3]


def write_story(folder: Path) -> tuple[Path, Path, set[tuple[int, int]]]:
    """The two report files in ``folder`` and the translation pairs (German, English index)."""
    german, english = _first_sentences("stsb-de-dev.csv"), _first_sentences("stsb-en-dev.csv")
    rows: list[int] = []
    for row in range(900, 1500, 20):  # news and forum rows, every 20th
        if german[row] not in {german[r] for r in rows}:
            rows.append(row)
    order = list(range(len(rows)))
    random.Random(7).shuffle(order)  # the English report tells them in another order
    de, en = folder / "de.txt", folder / "en.txt"
    de.write_text("\n\n".join(german[r] for r in rows) + "\n", encoding="utf-8")
    en.write_text("\n\n".join(english[rows[k]] for k in order) + "\n", encoding="utf-8")
    return de, en, {(i, order.index(i)) for i in range(len(rows))}
