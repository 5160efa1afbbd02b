"""The cluster stage of the aligner: pairs that stand grow into tight claim clusters.

A cluster only grows when every cross-report pair in it still scores above a
floor (or is itself a pair that stands, such as a mutual best match), so a
chain of loose links cannot glue unrelated claims together, and every pair
inside a cluster is known and reported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from newsdiff.core.matching.linking import best_partners
from newsdiff.core.matching.options import AlignOptions
from newsdiff.core.matching.scoring import PairScorer, Passages, ScoredPair, Signal
from newsdiff.core.model import Article, SentenceRef

if TYPE_CHECKING:
    from newsdiff.core.facts.passages import PassageFacts

Cluster = tuple[int, ...]  # passage indices, ascending


def cluster(
    links: Sequence[ScoredPair],
    signal: Signal,
    groups: Sequence[int],
    *,
    floor: float,
    leads: frozenset[int] = frozenset(),
    lead_floor: float = 0.0,
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
        if _tight(a, b, signal, groups, accepted, floor) or (
            lead_floor and _main_event(a, b, signal, groups, leads, lead_floor)
        ):
            merged = sorted(a + b)
            for member in merged:
                cluster_of[member] = merged
    unique = {id(c): c for c in cluster_of.values()}
    return tuple(tuple(c) for c in sorted(unique.values()))


def _tight(
    a: Sequence[int],
    b: Sequence[int],
    signal: Signal,
    groups: Sequence[int],
    accepted: set[tuple[int, int]],
    floor: float,
) -> bool:
    """Every cross-report pair of the merged cluster scores the floor or stands itself."""
    return all(
        signal(x, y) >= floor or (min(x, y), max(x, y)) in accepted
        for x in a
        for y in b
        if groups[x] != groups[y]
    )


def _main_event(
    a: Sequence[int],
    b: Sequence[int],
    signal: Signal,
    groups: Sequence[int],
    leads: frozenset[int],
    floor: float,
) -> bool:
    """Two clusters of leads tell the story's main event when they score ``floor`` on average."""
    if not all(x in leads for x in a) or not all(y in leads for y in b):
        return False
    scores = [signal(x, y) for x in a for y in b if groups[x] != groups[y]]
    return bool(scores) and sum(scores) / len(scores) >= floor


Faced = Callable[[int, int], frozenset[tuple[int, int]]]  # i's figures j gives its own for


def second_partners(
    clusters: Sequence[Cluster],
    scored: Sequence[ScoredPair],
    scorer: PairScorer,
    faced: Faced,
    *,
    options: AlignOptions,
) -> tuple[Cluster, ...]:
    """A passage that tells two claims joins a second cluster: its second partner's.

    Competitive linking gives a passage one partner per report, so "bereits
    11.000 Mann entsandt ..., 4000 weitere zugesagt" pairs with the troop
    totals and never with "weitere 3.000 Soldaten entsandte". Here a passage
    ``i`` of a cluster also pairs with a passage ``j`` of another report when
    its figures split: ``j`` faces a figure of ``i`` (``faced(i, j)``, the
    spans of ``i``'s figures that ``j`` gives a figure for) that no partner
    in ``i``'s cluster faces. Besides, ``i`` is ``j``'s best partner in
    ``i``'s report, the pair scores at least ``options.low`` with
    ``options.mutual_evidence`` shared lemmas, and, when ``j`` is in a cluster,
    ``i`` scores the cluster floor with every member of it from another
    report. A passage finds at most one second partner per report; the
    strongest pairs first.

    >>> from newsdiff.core.matching.scoring import Passages
    >>> p = Passages((), (), (), (0, 1, 1))
    >>> class Scorer:
    ...     passages, options = p, AlignOptions()
    ...     def __call__(self, i, j): return {(0, 1): 0.9, (0, 2): 0.3}.get((i, j), 0.0)
    ...     def evidence(self, i, j): return 3
    >>> spans = {(0, 1): frozenset({(0, 5)}), (0, 2): frozenset({(9, 13)})}
    >>> second_partners([(0, 1)], [ScoredPair(0.9, 0, 1), ScoredPair(0.3, 0, 2)], Scorer(),
    ...     lambda i, j: spans.get((i, j), frozenset()), options=AlignOptions())
    ((0, 1), (0, 2))
    """
    groups = scorer.passages.groups
    best = best_partners(scored, groups)
    members = [list(c) for c in clusters]
    where: dict[int, int] = {i: k for k, c in enumerate(clusters) for i in c}
    joined: set[tuple[int, int]] = set()  # (passage, report of its second partner)
    for p in sorted(scored, key=lambda p: (-p.score, p.left, p.right)):
        if p.score < options.low:
            break
        for i, j in ((p.left, p.right), (p.right, p.left)):
            first = where.get(i)
            if (
                first is None  # no first claim: the link stage had its say
                or where.get(j) == first
                or (i, groups[j]) in joined
                or best.get((j, groups[i])) != p.score
                or scorer.evidence(i, j) < options.mutual_evidence
            ):
                continue
            told = frozenset().union(
                *(faced(i, x) for x in members[first] if groups[x] != groups[i])
            )
            if not faced(i, j) - told:  # no figure of its own for j: the same claim
                continue
            k = where.get(j)
            if k is None:  # the second claim is told nowhere else yet: a cluster of two
                where[j] = len(members)
                members.append([i, j])
            elif all(
                scorer(i, x) >= options.cluster_floor for x in members[k] if groups[x] != groups[i]
            ):
                members[k].append(i)
            else:
                continue
            joined.add((i, groups[j]))
    return tuple(sorted(tuple(sorted(c)) for c in members if len(c) > 1))


def facing(articles: Sequence[Article], passages: Passages, facts: PassageFacts) -> Faced:
    """``faced(i, j)``: the spans of passage ``i``'s figures that passage ``j`` gives one for."""
    from newsdiff.core.facts.compare import compare_fact_lists  # loaded on the first pair

    def ref(i: int) -> SentenceRef:
        k, sentence = passages.refs[i]
        return SentenceRef(articles[k].id, sentence)

    @cache
    def faced(i: int, j: int) -> frozenset[tuple[int, int]]:
        found = compare_fact_lists(facts.of(ref(i)), facts.of(ref(j)))
        return frozenset(
            c.left_span
            for c in found
            if c.kind == "number" and c.status in ("same", "differ") and c.left_span
        )

    return faced
