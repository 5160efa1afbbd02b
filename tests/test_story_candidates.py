"""The candidate pairs of story detection are those of the loop that scored each report alone.

``shared_pairs`` sums each pair once, with numpy; the reference here is the
loop it replaced (each report's partners summed over its words in name order,
rounded to 9 places, the ``keep`` best kept). They must agree pair for pair,
also where weights tie or differ only past the ninth place.
"""

from __future__ import annotations

import bisect
import heapq
import random
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import pytest

from newsdiff.core.stories.candidates import _nanos, _sums, dot_products, rows, shared_pairs


def _partners(
    vectors: Sequence[dict[str, float]], *, max_postings: int, window: int
) -> list[dict[int, float]]:
    postings: dict[str, list[int]] = defaultdict(list)
    weights: dict[str, list[float]] = defaultdict(list)
    for i, vector in enumerate(vectors):
        for feature, weight in vector.items():
            postings[feature].append(i)
            weights[feature].append(weight)
    out = []
    for i, vector in enumerate(vectors):
        partners: dict[int, float] = defaultdict(float)
        for feature in sorted(vector):
            members = postings[feature]
            n = len(members)
            if n < 2:
                continue
            x = bisect.bisect_left(members, i)
            lo, hi = (0, n) if n <= max_postings else (max(0, x - window), min(n, x + 1 + window))
            for y in range(lo, hi):
                if y != x:
                    partners[members[y]] += vector[feature] * weights[feature][y]
        out.append(partners)
    return out


def _per_report(
    vectors: Sequence[dict[str, float]], *, keep: int, max_postings: int, window: int
) -> list[tuple[int, int]]:
    chosen: set[tuple[int, int]] = set()
    for i, partners in enumerate(_partners(vectors, max_postings=max_postings, window=window)):
        ranked = [(-round(w, 9), j) for j, w in partners.items()]
        best = ranked if len(ranked) <= keep else heapq.nsmallest(keep, ranked)
        chosen.update((i, j) if i < j else (j, i) for _, j in best)
    return sorted(chosen)


def _vectors(seed: int, count: int, words: int) -> list[dict[str, float]]:
    rng = random.Random(seed)
    # a few weights over and over: many sums tie exactly or differ only in the last bits
    steps = [0.1, 0.2, 0.3, 0.1 + 1e-10, 0.7071067811865476, 1 / 3, 0.5]
    # words as common as in news, from one report's word to most reports' (lists of all sizes)
    common = [1 / (k + 1) for k in range(words)]
    out = []
    for _ in range(count):
        chosen = set(rng.choices(range(words), weights=common, k=rng.randint(1, 12)))
        out.append({f"w{k:03d}": rng.choice(steps) for k in sorted(chosen)})
    return out


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize(("keep", "max_postings", "window"), [(30, 60, 4), (3, 8, 2), (1, 4, 1)])
def test_the_pairs_are_those_of_the_loop_per_report(
    seed: int, keep: int, max_postings: int, window: int
) -> None:
    vectors = _vectors(seed, 150, 80)
    knobs = {"keep": keep, "max_postings": max_postings, "window": window}
    assert shared_pairs(vectors, **knobs) == _per_report(vectors, **knobs)


@pytest.mark.parametrize("seed", range(5))
def test_each_pair_is_summed_as_each_of_its_reports_summed_it(seed: int) -> None:
    vectors = _vectors(seed, 120, 60)
    found = _sums(vectors, 20, 2)
    assert found is not None
    sums = {(i, j): w for i, j, w in zip(*(side.tolist() for side in found), strict=True)}
    for i, partners in enumerate(_partners(vectors, max_postings=20, window=2)):
        for j, w in partners.items():
            assert sums[min(i, j), max(i, j)] == w  # to the last bit


def test_reports_that_share_nothing_are_no_pair() -> None:
    assert shared_pairs([], keep=30, max_postings=60, window=4) == []
    assert shared_pairs([{"a": 1.0}], keep=30, max_postings=60, window=4) == []
    assert shared_pairs([{"a": 1.0}, {"b": 1.0}], keep=30, max_postings=60, window=4) == []


def test_rounding_is_pythons_also_next_to_a_half() -> None:
    halves = (np.arange(1, 20_001) + 0.5) / 1e9
    values = np.concatenate(
        [
            halves,
            np.nextafter(halves, 0),
            np.nextafter(halves, 1),
            np.random.default_rng(0).random(20_000),
        ]
    )
    expected = [round(round(v, 9) * 1e9) for v in values.tolist()]
    assert _nanos(values).tolist() == expected


@pytest.mark.parametrize("seed", range(5))
def test_each_cosine_is_the_sum_of_the_loop_over_the_shared_words(seed: int) -> None:
    vectors = _vectors(seed, 120, 60)
    rng = random.Random(seed)
    # every candidate pair, and pairs that share nothing or whose first report is the longer
    pairs = shared_pairs(vectors, keep=30, max_postings=20, window=2)
    pairs += sorted({tuple(sorted(rng.sample(range(len(vectors)), 2))) for _ in range(300)})
    found = dot_products(rows(vectors), pairs)
    assert found is not None
    for (i, j), value in zip(pairs, found, strict=True):
        small, large = sorted((vectors[i], vectors[j]), key=len)
        assert value == sum([w * large[f] for f, w in small.items() if f in large])  # to the bit


def test_a_vector_out_of_name_order_is_left_to_the_caller() -> None:
    assert dot_products(rows([{"a": 1.0, "b": 0.5}, {"b": 1.0}]), [(0, 1)]) == [0.5]
    assert dot_products(rows([{"b": 0.5, "a": 1.0}, {"b": 1.0}]), [(0, 1)]) is None
    assert dot_products(rows([{"a": 1.0}, {}]), [(0, 1)]) == [0.0]
