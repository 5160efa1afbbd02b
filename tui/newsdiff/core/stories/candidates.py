"""Which pairs of reports story detection scores: each report's partners of most shared weight.

Candidates come from an inverted index over the words of each profile, so
the work grows with the number of reports, not with its square: a word
carried by more than ``max_postings`` reports (wire copy spread a hundred
times, or boilerplate) links each report only to its neighbours in that
word's list, which keeps a large story connected without comparing all its
members with each other. Each report keeps its ``keep`` partners of largest
shared weight (rounded to 9 places, ties to the lower index).

A pair's shared weight is the same from either side, summed over the words
they share in the order of the words' names: so it is summed once per pair,
with numpy, over every word's list at once (one multiplication per pair and
word, added in that order by ``bincount``, which adds in array order), and
the sums and the partners kept are those of the loop that summed them per
report. On the 1,033 gnad + seed reports (454,000 products, 274,000 pairs):
0.6 s of CPU for the loop per report, 0.2 s here (numpy's import, 0.1 s, is
the semantic pass's anyway).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


Vectors = Sequence[dict[str, float]]


@dataclass(frozen=True, slots=True)
class Rows:
    """The vectors as arrays, one run per report in index order: each word's rank and weight.

    A word's rank is its place among all the words' names, sorted; the runs
    of report ``i`` are ``starts[i] : starts[i] + sizes[i]``. Built once, read
    by the candidates and by the dot products of the pairs they give.
    """

    rank: NDArray[np.intp]
    weight: NDArray[np.float64]
    sizes: NDArray[np.intp]
    starts: NDArray[np.intp]
    words: int  # how many distinct words

    @property
    def count(self) -> int:
        return len(self.sizes)


def rows(vectors: Vectors | Rows) -> Rows:
    """``vectors`` as ``Rows`` (given ones as they are).

    >>> table = rows([{"b": 0.5, "a": 0.25}, {"b": 1.0}])
    >>> table.rank.tolist(), table.weight.tolist(), table.starts.tolist(), table.words
    ([1, 0, 1], [0.5, 0.25, 1.0], [0, 2], 2)
    """
    import numpy as np

    if isinstance(vectors, Rows):
        return vectors
    written = [f for vector in vectors for f in vector]
    rank_of = {f: r for r, f in enumerate(sorted(set(written)))}
    rank = np.fromiter(map(rank_of.__getitem__, written), dtype=np.intp, count=len(written))
    weight = np.fromiter(
        (w for vector in vectors for w in vector.values()), dtype=np.float64, count=len(written)
    )
    sizes = np.asarray([len(v) for v in vectors], dtype=np.intp)
    return Rows(rank, weight, sizes, np.cumsum(sizes) - sizes, len(rank_of))


def shared_pairs(
    vectors: Vectors | Rows, *, keep: int, max_postings: int, window: int
) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, sorted: each report with its ``keep`` best partners.

    >>> vs = [{"lohan": 0.9, "rehab": 0.4}, {"reid": 1.0}, {"lohan": 0.7, "ford": 0.7}]
    >>> shared_pairs(vs, keep=30, max_postings=60, window=4)
    [(0, 2)]
    """
    table = rows(vectors)
    found = _sums(table, max_postings, window)
    if found is None:
        return []
    low, high, total = found
    return _kept(low, high, total, keep=keep, count=table.count)


def _sums(
    vectors: Vectors | Rows, max_postings: int, window: int
) -> tuple[NDArray[np.int32], NDArray[np.int32], NDArray[np.float64]] | None:
    """Every pair ``(i, j)``, ``i < j``, that shares a word, with its shared weight.

    The products of a pair are summed in the order of the words' names, as
    each report's own loop summed them.
    """
    import numpy as np

    table = rows(vectors)
    found = _products(table, max_postings, window)
    if found is None:
        return None
    key, rank, product, words = found
    del found
    order = _order(key, rank, words)
    del rank
    key = key[order]  # one array at a time: 10,000 reports have 5 million products
    product = product[order]
    del order
    first = np.empty(len(key), dtype=bool)
    first[0] = True
    np.not_equal(key[1:], key[:-1], out=first[1:])
    pair = key[first]
    del key
    segment = np.cumsum(first, dtype=np.intp)
    segment -= 1
    del first
    # bincount adds in array order: each pair's products in its words' order
    total: NDArray[np.float64] = np.bincount(segment, weights=product, minlength=len(pair)).astype(
        np.float64, copy=False
    )  # as bincount gives it with weights
    del product, segment
    low, high = np.divmod(pair, table.count)
    return low.astype(np.int32), high.astype(np.int32), total


def _order(major: NDArray[np.int64], minor: NDArray[Any], span: int) -> NDArray[np.intp]:
    """The order of ``(major, minor)`` pairs, all distinct, ``0 <= minor < span``.

    One sort of one combined number where it fits in 63 bits (a third of
    the time of numpy's sort by two keys), else the two-key sort.
    """
    import numpy as np

    if int(major.max()) < (2**62) // max(span, 1):
        combined = major * span
        combined += minor
        return np.argsort(combined)
    return np.lexsort((minor, major))


def _products(
    vectors: Vectors | Rows, max_postings: int, window: int
) -> tuple[NDArray[np.int64], NDArray[np.int32], NDArray[np.float64], int] | None:
    """For every pair of reports in a word's list: the pair's key, the word's rank, the product.

    The key of ``(i, j)``, ``i < j``, is ``i * len(vectors) + j``; the rank
    is the word's place in the sorted words (the fourth item: how many there are).
    """
    import numpy as np

    table = rows(vectors)
    report, weight, sizes, starts = _postings(table)
    count = table.count
    keys: list[NDArray[np.int64]] = []
    ranks: list[NDArray[np.int32]] = []
    products: list[NDArray[np.float64]] = []
    for n in np.unique(sizes[sizes >= 2]).tolist():
        words = np.flatnonzero(sizes == n)
        if n <= max_postings:  # all with all: the words of one list size as one array
            places = starts[words][:, None] + np.arange(n)  # a row per word
            at, w = report[places], weight[places]
            left, right = np.triu_indices(n, 1)
            keys.append((at[:, left] * count + at[:, right]).ravel())
            ranks.append(np.repeat(words.astype(np.int32), len(left)))
            products.append((w[:, left] * w[:, right]).ravel())
            continue
        # a word too common to compare all with all links neighbours in its list only
        for word in words.tolist():
            start = int(starts[word])
            at, w = report[start : start + n], weight[start : start + n]
            for step in range(1, min(window, n - 1) + 1):
                keys.append(at[:-step] * count + at[step:])
                ranks.append(np.full(n - step, word, np.int32))
                products.append(w[:-step] * w[step:])
    if not keys:
        return None
    # one list at a time into one array, so at most one list is held twice
    key = np.concatenate(keys)
    del keys[:]
    rank = np.concatenate(ranks)
    del ranks[:]
    product = np.concatenate(products)
    del products[:]
    return key, rank, product, len(sizes)


def _postings(
    table: Rows,
) -> tuple[NDArray[np.int64], NDArray[np.float64], NDArray[np.intp], NDArray[np.intp]]:
    """Every word's list of reports and their weights, as one array of each.

    The words in name order, each word's reports in index order: word ``r``'s
    list is ``report[starts[r] : starts[r] + sizes[r]]``. Built with one
    stable sort of the words' ranks rather than a dict of lists: 76,700
    entries of the 1,033 gnad + seed reports, 0.07 s of CPU in Python.

    >>> report, weight, sizes, starts = _postings(rows([{"b": 0.5, "a": 0.25}, {"b": 1.0}]))
    >>> report.tolist(), weight.tolist(), sizes.tolist(), starts.tolist()
    ([0, 0, 1], [0.25, 0.5, 1.0], [1, 2], [0, 1])
    """
    import numpy as np

    report = np.repeat(np.arange(table.count, dtype=np.int64), table.sizes)
    order = np.argsort(table.rank, kind="stable")  # each word's reports stay in index order
    sizes = np.bincount(table.rank, minlength=table.words)
    starts = np.cumsum(sizes) - sizes
    return report[order], table.weight[order], sizes, starts


def _kept(
    low: NDArray[np.int32],
    high: NDArray[np.int32],
    weight: NDArray[np.float64],
    *,
    keep: int,
    count: int,
) -> list[tuple[int, int]]:
    """The pairs ``(low, high)`` that are among the ``keep`` heaviest (rounded) of either report.

    Each report's best partners are found among its higher partners and its
    lower ones apart, then among those two short lists: the same as among all
    its partners at once, without holding every pair twice.
    """
    import numpy as np

    nanos = _nanos(weight)
    lightest = int(nanos.max())
    found = [_best(low, high, nanos, keep, lightest), _best(high, low, nanos, keep, lightest)]
    del nanos
    source, partner, best = (np.concatenate(side) for side in zip(*found, strict=True))
    source, partner, _ = _best(source, partner, best, keep, lightest)
    pairs = np.unique(
        np.minimum(source, partner).astype(np.int64) * count + np.maximum(source, partner)
    )
    return list(zip((pairs // count).tolist(), (pairs % count).tolist(), strict=True))


def _best(
    source: NDArray[np.int32],
    partner: NDArray[np.int32],
    nanos: NDArray[np.int64],
    keep: int,
    lightest: int,
) -> tuple[NDArray[np.int32], NDArray[np.int32], NDArray[np.int64]]:
    """Each source's ``keep`` partners of most ``nanos``, equals by lower index (as the loop)."""
    import numpy as np

    # a partner's place: heavier first, then the lower index (partners of a source are distinct)
    place = (lightest - nanos) * (int(partner.max()) + 1)
    place += partner
    order = _order(source.astype(np.int64), place, int(place.max()) + 1)
    del place
    source, partner, nanos = source[order], partner[order], nanos[order]
    del order
    sizes = np.bincount(source)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    chosen = np.arange(len(source)) - starts[source] < keep
    return source[chosen], partner[chosen], nanos[chosen]


def _nanos(values: NDArray[np.float64]) -> NDArray[np.int64]:
    """``round(v, 9)`` of each value as a count of 1e-9, exactly as Python rounds (half to even).

    numpy's own rounding scales first, so a value whose scaled form lies near
    a half can round the other way: those few are rounded by Python.

    >>> import numpy as np
    >>> values = [0.1234567895, 0.0000000005, 0.0000000015, 1 / 3]  # not halves in binary
    >>> _nanos(np.array(values)).tolist(), [round(v, 9) for v in values]
    ([123456789, 1, 1, 333333333], [0.123456789, 1e-09, 1e-09, 0.333333333])
    """
    import numpy as np

    scaled = values * 1e9
    out = np.rint(scaled).astype(np.int64)
    # below 8.0 the scaled product is within 1e-6 of the exact one
    doubt = (np.abs(scaled - np.floor(scaled) - 0.5) < 1e-5) | ~(np.abs(values) < 8.0)
    for at in np.flatnonzero(doubt).tolist():
        out[at] = round(round(float(values[at]), 9) * 1e9)
    return out


def dot_products(table: Rows, pairs: Sequence[tuple[int, int]]) -> list[float] | None:
    """The dot product of each pair's vectors, summed as a loop over one vector's words would.

    A pair's products are added one by one in the order of the words' names
    (``bincount`` adds in array order), which is each vector's own order when
    its words are in name order, as a profile's are: the same sums, to the
    last bit, as ``sum`` over the shared words of either vector. None when a
    vector's words are not in name order (the caller sums them itself).
    Products of absent words are 0.0 and change no sum. A scratch row of
    weights per second report, so no matrix of all reports is held. The
    19,900 candidate pairs of the 1,033 gnad + seed reports: 0.18 s of CPU
    as a loop over dicts, 0.06 s here.

    >>> vs = [{"a": 0.5, "b": 0.5}, {"b": 0.25, "c": 1.0}, {"a": 1.0}]
    >>> dot_products(rows(vs), [(0, 1), (0, 2)])
    [0.125, 0.5]
    """
    import numpy as np

    if not pairs:
        return []
    rank, weight, sizes, starts = table.rank, table.weight, table.sizes, table.starts
    inner = np.ones(len(rank), dtype=bool)  # not a run's first word
    inner[starts[sizes > 0]] = False
    if np.any(np.diff(rank)[inner[1:]] <= 0):
        return None  # some vector is not in name order
    both = np.asarray(pairs, dtype=np.intp)
    order = np.argsort(both[:, 1], kind="stable")
    cuts = np.flatnonzero(np.diff(both[order, 1])) + 1
    scratch = np.zeros(table.words, dtype=np.float64)
    out = np.empty(len(both), dtype=np.float64)
    for chosen in np.split(order, cuts):  # the pairs of one second report
        j = int(both[chosen[0], 1])
        row = slice(int(starts[j]), int(starts[j] + sizes[j]))
        scratch[rank[row]] = weight[row]
        firsts = both[chosen, 0]
        lengths = sizes[firsts]
        # the places of every word of each first report, one run per pair
        places = np.repeat(starts[firsts] - (np.cumsum(lengths) - lengths), lengths)
        places += np.arange(len(places))
        products = weight[places] * scratch[rank[places]]
        out[chosen] = np.bincount(
            np.repeat(np.arange(len(chosen)), lengths), weights=products, minlength=len(chosen)
        )
        scratch[rank[row]] = 0.0
    return out.tolist()
