"""The cluster stage of the aligner: pairs that stand grow into tight claim clusters.

A cluster only grows when every cross-report pair in it still scores above a
floor (or is itself a pair that stands, such as a mutual best match), so a
chain of loose links cannot glue unrelated claims together, and every pair
inside a cluster is known and reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsdiff.core.matching.scoring import ScoredPair, Signal

Cluster = tuple[int, ...]  # passage indices, ascending


def cluster(
    links: Sequence[ScoredPair], signal: Signal, groups: Sequence[int], *, floor: float
) -> tuple[Cluster, ...]:
    """Merge along the strongest links first while every cross-report pair stays above ``floor``.

    ``links`` come strongest first; ``groups[i]`` is the report of passage ``i``.

    >>> links = [ScoredPair(0.9, 0, 1), ScoredPair(0.8, 1, 2)]
    >>> cluster(links, lambda i, j: 0.0, [0, 1, 2], floor=0.25)
    ((0, 1),)
    >>> cluster(links, lambda i, j: 0.3, [0, 1, 2], floor=0.25)
    ((0, 1, 2),)
    """
    accepted = {(p.left, p.right) for p in links}
    cluster_of: dict[int, list[int]] = {}
    for p in links:
        a = cluster_of.get(p.left, [p.left])
        b = cluster_of.get(p.right, [p.right])
        if a is b:
            continue
        if all(
            signal(x, y) >= floor or (min(x, y), max(x, y)) in accepted
            for x in a
            for y in b
            if groups[x] != groups[y]
        ):
            merged = sorted(a + b)
            for member in merged:
                cluster_of[member] = merged
    unique = {id(c): c for c in cluster_of.values()}
    return tuple(tuple(c) for c in sorted(unique.values()))
