"""Split a linked group of reports into its events: two of one kind share the kind's words.

Two quakes in one region, or two rehab check-ins, share most of their telling
words ("quake", "Qeshm", "rehab", "Lohan"...); what sets them apart is what
only some members carry: the other name (Rahman / Thompson), the figure (5.6 /
5.9), the year. Within the group a word weighs by how few members carry it
(the group's own document frequency, never the folder's), the group is cut in
two (spectral bisection, refined by two-means), and the cut is kept only
when it is real:

- the two sides are far apart for their own cohesion (the mean cosine across
  the cut against the mean cosine within each side), and
- each side has words of its own: carried by many of its members and by few
  of the other side, more unevenly than chance would give (Fisher's exact
  test), so a cut between reports that merely tell different aspects of one
  event, or a cut of identical wire copies, is not kept.

Near copies (the same agency text run by several outlets, linked at a cosine
of ``copy`` or more) count as one report in the cut: two hundred copies of
one story are one voice, and they must not make a reworded report of that
story look like another event, nor make any word look surer than it is.

Everything runs on sums of sparse vectors, so one cut costs time linear in
the group's words (no matrix of all pairs): a story of 200 wire copies is as
cheap to check as it is to profile. Starting points are fixed by the members'
order (their ids), so the result does not depend on the input order.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.core.stories.graph import Adjacency, adjacency, connected

Vector = dict[str, float]

STEADY = 5  # power iterations without a change of cut after which the cut is taken

# Chosen on ECB+ tuning topics + gnad + the seeds (tests/benchmarks/bench_stories.py).


@dataclass(frozen=True, slots=True)
class SplitOptions:
    """The knobs of the event split."""

    keep: float = 0.15  # weight a word carried by every member keeps in the split
    copy: float = 0.9  # cosine from which two linked reports are copies: one voice in the cut
    apart: float = 0.45  # cross-cut cosine over the lower side's cohesion below which sides part
    evidence: float = 5.0  # -log10 p of each side's most uneven words, needed to part
    words: int = 3  # ... summed over this many of its words
    min_size: int = 4  # groups smaller than this stay whole
    min_side: int = 3  # in a group too small for ``evidence``: reports each side needs
    small_apart: float = 0.6  # ... and the ``apart`` it needs (short reports share more)
    iterations: int = 40  # power iterations of the spectral bisection
    seeds: int = 8  # words whose carriers also seed a two-means cut


def split_events(
    group: Sequence[int],
    vectors: Sequence[Vector],
    copies: Adjacency | None = None,
    *,
    options: SplitOptions,
) -> list[list[int]]:
    """``group`` as one event, or cut in two events (each side sorted, sides sorted).

    ``copies`` are each report's near copies (``copy_pairs``); each set of
    copies goes to one side as one report.

    >>> def report(name, year, k):
    ...     return {"klitschko": 0.6, name: 0.6, year: 0.4, f"aside{k}": 0.3}
    >>> thompson = [report("thompson", "#2012", k) for k in range(6)]
    >>> rahman = [report("rahman", "#2008", k) for k in range(6, 12)]
    >>> split_events(range(12), thompson + rahman, options=SplitOptions())
    [[0, 1, 2, 3, 4, 5], [6, 7, 8, 9, 10, 11]]
    >>> split_events(range(6), thompson, options=SplitOptions())
    [[0, 1, 2, 3, 4, 5]]
    """
    units = connected(sorted(group), copies or {})
    if len(units) < options.min_size:
        return [sorted(group)]
    merged = [_merge([vectors[k] for k in unit]) for unit in units]
    cut = _cut(merged, options)
    if cut is None:
        return [sorted(group)]
    parts = [
        sorted(k for unit, s in zip(units, cut, strict=True) if s == side for k in unit)
        for side in (0, 1)
    ]
    return sorted(parts)


def copy_pairs(
    links: Sequence[tuple[int, int]], vectors: Sequence[Vector], *, options: SplitOptions
) -> Adjacency:
    """Each report's near copies among its links: cosine of ``options.copy`` or more.

    >>> copy_pairs([(0, 1), (1, 2)], [{"a": 1.0}, {"a": 1.0}, {"b": 1.0}], options=SplitOptions())
    {0: [1], 1: [0]}
    """
    return adjacency([(i, j) for i, j in links if _dot(vectors[i], vectors[j]) >= options.copy])


def _merge(copies: Sequence[Vector]) -> Vector:
    """One vector for a set of copies: the words most of them carry, at their mean weight."""
    if len(copies) == 1:
        return copies[0]
    total: dict[str, float] = defaultdict(float)
    count: dict[str, int] = defaultdict(int)
    for v in copies:
        for f, w in v.items():
            total[f] += w
            count[f] += 1
    kept = {f: total[f] / count[f] for f in sorted(total) if 2 * count[f] >= len(copies)}
    norm = math.sqrt(sum(w * w for w in kept.values())) or 1.0
    return {f: w / norm for f, w in kept.items()}


def _cut(vectors: Sequence[Vector], options: SplitOptions) -> list[int] | None:
    """The sides (0 or 1) of the best real cut of ``vectors``, or None when none is real.

    A group too small for ``options.evidence`` (six reports: three words all on
    one side of three score 3.9 at best) needs each side's words as sure as its
    size allows, sides of ``min_side`` reports, and ``small_apart``.
    """
    n = len(vectors)
    members = list(range(n))
    local = _local(members, vectors, options.keep)
    # of the cuts whose sides are far apart, the one whose words of their own are surest
    best: tuple[float, list[int]] | None = None
    for start in _starts(members, vectors, local, options):
        side = _two_means(local, start)
        size = min(sum(side), n - sum(side))
        ceiling = options.words * _log_choose(n, size) / math.log(10) if size else 0.0
        small = ceiling < options.evidence
        if not size or (small and size < options.min_side):
            continue
        if _ratio(local, side) > (options.small_apart if small else options.apart):
            continue
        # the margin over what the cut needs (rounded: a perfect cut meets its ceiling
        # up to the last bits of the float sums)
        need = min(options.evidence, ceiling)
        margin = round(_evidence(members, vectors, side, options.words) - need, 6)
        if margin >= 0 and (best is None or margin > best[0]):
            best = (margin, side)
    return None if best is None else best[1]


def _local(members: Sequence[int], vectors: Sequence[Vector], keep: float) -> list[Vector]:
    """Each member's vector reweighted by the group's document frequency, unit length."""
    n = len(members)
    df: dict[str, int] = defaultdict(int)
    for k in members:
        for f in vectors[k]:
            df[f] += 1
    out = []
    for k in members:
        weighted = {
            f: w * (keep + math.log((n + 1) / df[f])) for f, w in sorted(vectors[k].items())
        }
        norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
        out.append({f: w / norm for f, w in weighted.items()})
    return out


def _starts(
    members: Sequence[int],
    vectors: Sequence[Vector],
    local: Sequence[Vector],
    options: SplitOptions,
) -> list[list[int]]:
    """Starting cuts: the spectral bisection, and the carriers of the most balanced heavy words."""
    starts = [_spectral(local, options.iterations)]
    n = len(members)
    df: dict[str, int] = defaultdict(int)
    mass: dict[str, float] = defaultdict(float)
    for k in members:
        for f, w in vectors[k].items():
            df[f] += 1
            mass[f] += w
    # a word carried by between a quarter and three quarters of the group, heaviest first
    balanced = [f for f in df if n / 4 <= df[f] <= 3 * n / 4]
    balanced.sort(key=lambda f: (-round(mass[f], 9), f))
    for f in balanced[: options.seeds]:
        starts.append([1 if f in vectors[k] else 0 for k in members])
    return starts


def _matvec(local: Sequence[Vector], x: Sequence[float]) -> list[float]:
    """``S x`` for the members' cosine matrix ``S = V Vᵀ``, without building ``S``."""
    total: dict[str, float] = defaultdict(float)
    for v, xk in zip(local, x, strict=True):
        if xk:
            for f, w in v.items():
                total[f] += w * xk
    return [sum(w * total[f] for f, w in v.items()) for v in local]


def _spectral(local: Sequence[Vector], iterations: int) -> list[int]:
    """The sign of the second eigenvector of the normalised cosine matrix (a Fiedler cut)."""
    n = len(local)
    degree = [max(d, 1e-12) for d in _matvec(local, [1.0] * n)]
    scale = [1 / math.sqrt(d) for d in degree]
    top = [math.sqrt(d) for d in degree]
    length = math.sqrt(sum(t * t for t in top))
    top = [t / length for t in top]
    x = [((k * 7919) % 13) / 13 - 0.5 for k in range(n)]  # fixed: the same cut every run
    cut: list[int] = []
    steady = 0
    for _ in range(iterations):
        x = _without(x, top)
        y = _matvec(local, [a * s for a, s in zip(x, scale, strict=True)])
        x = _without([a * s for a, s in zip(y, scale, strict=True)], top)
        size = math.sqrt(sum(a * a for a in x)) or 1.0
        x = [round(a / size, 12) for a in x]
        now = [1 if a > 0 else 0 for a in x]  # the scale is positive: the same signs
        steady = steady + 1 if now == cut else 0
        cut = now
        if steady >= STEADY:  # only the cut matters, and two-means refines it
            break
    return cut


def _without(x: Sequence[float], unit: Sequence[float]) -> list[float]:
    dot = sum(a * b for a, b in zip(x, unit, strict=True))
    return [a - dot * b for a, b in zip(x, unit, strict=True)]


def _two_means(local: Sequence[Vector], side: list[int], rounds: int = 20) -> list[int]:
    """Move each member to the side whose mean it is closer to, until nothing moves."""
    for _ in range(rounds):
        if not 0 < sum(side) < len(side):
            return side
        means = [_mean(local, side, k) for k in (0, 1)]
        moved = [
            0 if round(_dot(v, means[0]), 9) >= round(_dot(v, means[1]), 9) else 1 for v in local
        ]
        if moved == side:
            break
        side = moved
    return side


def _mean(local: Sequence[Vector], side: Sequence[int], which: int) -> Vector:
    total: dict[str, float] = defaultdict(float)
    for v, s in zip(local, side, strict=True):
        if s == which:
            for f, w in v.items():
                total[f] += w
    norm = math.sqrt(sum(w * w for w in total.values())) or 1.0
    return {f: w / norm for f, w in total.items()}


def _dot(left: Vector, right: Vector) -> float:
    if len(right) < len(left):
        left, right = right, left
    return sum(w * right[f] for f, w in left.items() if f in right)


def _ratio(local: Sequence[Vector], side: Sequence[int]) -> float:
    """Mean cosine across the cut over the lower mean cosine within a side (1 = no cut).

    From the sides' vector sums: the sum of all cosines within a side is the
    squared length of its sum, less the members' own.
    """
    sums: list[dict[str, float]] = [defaultdict(float), defaultdict(float)]
    sizes = [0, 0]
    for v, s in zip(local, side, strict=True):
        sizes[s] += 1
        for f, w in v.items():
            sums[s][f] += w
    within = []
    for s in (0, 1):
        pairs = sizes[s] * (sizes[s] - 1)
        squared = sum(w * w for w in sums[s].values())
        within.append((squared - sizes[s]) / pairs if pairs else 1.0)
    across = _dot(sums[0], sums[1]) / (sizes[0] * sizes[1])
    return across / max(min(within), 1e-9)


def _evidence(
    members: Sequence[int], vectors: Sequence[Vector], side: Sequence[int], words: int
) -> float:
    """How surely each side has words of its own: the lower of the two sides' -log10 p.

    A side's figure is the sum over its ``words`` most uneven words.
    """
    n = len(members)
    size = sum(side)
    carriers: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for k, s in zip(members, side, strict=True):
        for f in vectors[k]:
            carriers[f][s] += 1
    found: tuple[list[float], list[float]] = ([], [])
    sizes = (n - size, size)
    for in0, in1 in carriers.values():
        for s, here, there in ((0, in0, in1), (1, in1, in0)):
            if here > there:
                found[s].append(_surprise(here, here + there, sizes[s], n))
    return min(sum(sorted(f, reverse=True)[:words]) for f in found)


def _surprise(here: int, carried: int, size: int, n: int) -> float:
    """-log10 of the chance that ``here`` or more of ``carried`` carriers fall on a side of ``size``

    (the one-sided tail of Fisher's exact test).

    >>> round(_surprise(10, 10, 10, 20), 2)  # ten carriers, all on one side of ten
    5.27
    """
    total = 0.0
    for k in range(here, min(carried, size) + 1):
        total += math.exp(
            _log_choose(size, k) + _log_choose(n - size, carried - k) - _log_choose(n, carried)
        )
    return -math.log10(max(total, 1e-300))


def _log_choose(n: int, k: int) -> float:
    if k < 0 or k > n:
        return -math.inf
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
