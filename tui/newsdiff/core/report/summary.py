"""How far each two reports agree, in the few numbers a report opens with.

A reader deciding whether a comparison is worth reading wants, per pair of
sources: how many passages were paired, how many of those say the same, say
it in other words, or state different facts, and what share of the two
reports' passages found a partner at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.core.model import Alignment


@dataclass(frozen=True, slots=True)
class PairSummary:
    """The agreement of two reports, ``left`` and ``right`` being article indices."""

    left: int
    right: int
    pairs: int
    identical: int
    reworded: int
    facts_differ: int
    paired_share: float


def summarize(alignment: Alignment) -> tuple[PairSummary, ...]:
    """One summary per pair of articles, in input order (0-1, 0-2, ..., 1-2, ...).

    ``paired_share`` is the share of both reports' passages that are in at
    least one pair between the two, 0.0 when they have no passages.

    >>> from newsdiff.core.model import Alignment
    >>> summarize(Alignment((), (), ()))
    ()
    """
    index = {article.id: i for i, article in enumerate(alignment.articles)}
    by_pair: dict[tuple[int, int], list] = {}
    for pair in alignment.pairs:
        a, b = index.get(pair.left.article), index.get(pair.right.article)
        if a is None or b is None or a == b:
            continue
        by_pair.setdefault((min(a, b), max(a, b)), []).append(pair)
    summaries = []
    count = len(alignment.articles)
    for left in range(count):
        for right in range(left + 1, count):
            pairs = by_pair.get((left, right), [])
            paired = {(p.left.article, p.left.sentence) for p in pairs}
            paired |= {(p.right.article, p.right.sentence) for p in pairs}
            total = len(alignment.articles[left].sentences) + len(
                alignment.articles[right].sentences
            )
            relations = [p.relation for p in pairs]
            summaries.append(
                PairSummary(
                    left,
                    right,
                    len(pairs),
                    relations.count("identical"),
                    relations.count("reworded"),
                    relations.count("facts-differ"),
                    len(paired) / total if total else 0.0,
                )
            )
    return tuple(summaries)
