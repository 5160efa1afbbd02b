"""Shared by bench_sts.py and tune_sts.py: the STS files, Spearman, and the scorers."""

from __future__ import annotations

import csv
import math
from collections import Counter
from pathlib import Path

from newsdiff.core.language.text import folded_text
from newsdiff.core.matching.similarity import Frequencies, profile, score_profiles


def _corpora() -> Path:
    """``shared/corpora`` beside the project root, or beside a folder above it (a worktree)."""
    for parent in Path(__file__).resolve().parents[2].parents:
        if (parent / "shared" / "corpora").is_dir():
            return parent / "shared" / "corpora"
    return Path(__file__).resolve().parents[2].parent / "shared" / "corpora"


CORPORA = _corpora()


def load(name: str) -> list[tuple[str, str, float]]:
    """``sentence1,sentence2,score`` rows of one STS file."""
    rows = []
    with (CORPORA / name).open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            if len(row) == 3:
                try:
                    rows.append((row[0], row[1], float(row[2])))
                except ValueError:  # a header line
                    continue
    return rows


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):  # ties share their mean rank
            ranks[order[k]] = (i + j) / 2
        i = j + 1
    return ranks


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rank correlation: Pearson's r of the (tie-averaged) ranks."""
    ra, rb = _ranks(a), _ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    va = sum((x - ma) ** 2 for x in ra)
    vb = sum((y - mb) ** 2 for y in rb)
    return cov / math.sqrt(va * vb)


def newsdiff_scores(rows, language: str, *, corpus: bool) -> list[float]:  # type: ignore[no-untyped-def]
    """newsdiff's similarity; with ``corpus`` the file's sentences give the frequencies."""
    profiles = {}
    for a, b, _ in rows:
        for s in (a, b):
            if s not in profiles:
                profiles[s] = profile(s, language=language)
    frequencies = Frequencies.from_profiles(profiles.values()) if corpus else None
    return [score_profiles(profiles[a], profiles[b], frequencies) for a, b, _ in rows]


def char_tfidf_scores(rows, n: tuple[int, ...] = (3, 4, 5)) -> list[float]:  # type: ignore[no-untyped-def]
    """Cosine of TF-IDF weighted character n-grams (idf over the file's sentences)."""
    grams = {}
    for a, b, _ in rows:
        for s in (a, b):
            if s not in grams:
                t = f" {folded_text(s)} "
                grams[s] = Counter(t[i : i + k] for k in n for i in range(len(t) - k + 1))
    df = Counter(g for c in grams.values() for g in c)
    total = len(grams)
    vectors = {}
    for s, counts in grams.items():
        v = {g: c * math.log((total + 1) / (df[g] + 0.5)) for g, c in counts.items()}
        vectors[s] = (v, math.sqrt(sum(x * x for x in v.values())))
    out = []
    for a, b, _ in rows:
        (va, na), (vb, nb) = vectors[a], vectors[b]
        dot = sum(x * vb.get(g, 0.0) for g, x in va.items())
        out.append(dot / (na * nb) if na and nb else 0.0)
    return out
