"""The link stage of the aligner: which scored pairs stand, and which reports tell one story.

A pair stands when it scores above the threshold and shares enough lemmas
that are not topic words. Somewhat below the threshold, two passages that are
each other's best match between two reports of one story stand too
(competitive linking): a report tells a claim once, so its best match in
another report of the story likely tells it, in other words. Two reports are
of one story when they share ``story_pairs`` pairs above the threshold.
Within a story of short reports the leads of every two reports stand from
``lead_threshold`` (``PairScorer.leads``), each with as many partners as tell
the event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.core.matching.options import AlignOptions
from newsdiff.core.matching.scoring import PairScorer, ScoredPair
from newsdiff.core.matching.unionfind import UnionFind


@dataclass(frozen=True, slots=True)
class StoryLinks:
    """How many strong pairs each two reports share, and the story of each linked report."""

    shared: Counter[tuple[int, int]]
    stories: dict[int, int]


def find_stories(
    scored: Sequence[ScoredPair], scorer: PairScorer, *, options: AlignOptions
) -> StoryLinks:
    """Reports sharing ``options.story_pairs`` strong pairs (scored without measures) are one story.

    The measures then count between them, so "71 Tote" and "145 Tote" from two
    unrelated stories stay apart. A story is named by its smallest report.
    With ``options.one_story`` the caller knows the reports are one story: all
    are, and ``shared`` still counts the strong pairs of every two reports.

    >>> from newsdiff.core.matching.scoring import Passages
    >>> class Plain:  # a scorer's passages and evidence, nothing shared
    ...     passages = Passages((), (), (), (0, 1, 2))
    ...     def evidence(self, i, j): return 0
    >>> find_stories([], Plain(), options=AlignOptions()).stories
    {}
    >>> find_stories([], Plain(), options=AlignOptions(one_story=True)).stories
    {0: 0, 1: 0, 2: 0}
    """
    groups = scorer.passages.groups
    shared = Counter(
        (groups[p.left], groups[p.right])
        for p in scored
        if p.score >= options.threshold and scorer.evidence(p.left, p.right) >= options.min_shared
    )
    if options.one_story:
        reports = sorted(set(groups))
        return StoryLinks(shared, {g: reports[0] for g in reports})
    links = UnionFind(k for k, n in shared.items() if n >= options.story_pairs)
    return StoryLinks(shared, links.roots())


def best_partners(
    scored: Sequence[ScoredPair], groups: Sequence[int]
) -> dict[tuple[int, int], float]:
    """``(i, g)``: the best score of passage ``i`` with any passage of report ``g``.

    >>> best_partners([ScoredPair(0.5, 0, 1), ScoredPair(0.7, 0, 2)], [0, 1, 1])
    {(0, 1): 0.7, (1, 0): 0.5, (2, 0): 0.7}
    """
    best: dict[tuple[int, int], float] = {}
    for p in scored:
        for a, b in ((p.left, p.right), (p.right, p.left)):
            key = (a, groups[b])
            if p.score > best.get(key, -1.0):
                best[key] = p.score
    return best


def link(
    scored: Sequence[ScoredPair],
    scorer: PairScorer,
    stories: StoryLinks,
    *,
    options: AlignOptions,
) -> tuple[ScoredPair, ...]:
    """The pairs that stand, strongest first (ties in index order).

    Competitive linking only between two reports of one story: unrelated
    reports have best matches too.
    """
    groups = scorer.passages.groups
    strong = [
        p
        for p in scored
        if p.score >= options.threshold and scorer.evidence(p.left, p.right) >= options.min_shared
    ]
    best = best_partners(scored, groups)
    strong += [
        p
        for p in scored
        if options.low <= p.score < options.threshold
        and stories.shared[groups[p.left], groups[p.right]] >= options.story_pairs
        and best.get((p.left, groups[p.right])) == best.get((p.right, groups[p.left])) == p.score
        and scorer.evidence(p.left, p.right) >= options.mutual_evidence
    ]
    leads = scorer.leads
    if leads:  # the leads of a story of short reports tell its event: no competition
        have = set(strong)
        strong += [
            p
            for p in scored
            if options.lead_threshold <= p.score < options.threshold
            and p.left in leads
            and p.right in leads
            and p not in have
            and scorer.evidence(p.left, p.right) >= options.min_shared
        ]
    strong.sort(key=lambda p: -p.score)  # stable: ties stay in index order
    return tuple(strong)
