"""How far each two reports agree, in the few numbers a report opens with.

A reader deciding whether a comparison is worth reading wants, per pair of
sources: how many passages were paired, how many of those say the same, say
it in other words, or state different facts, and what share of the two
reports' passages found a partner at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.core.model import Alignment, Pair


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


# Past this many reports, the pairs of reports that share no claim are left out:
# 1,000 reports would otherwise open with half a million empty rows.
ALL_PAIRS_UP_TO = 12


def summarize(alignment: Alignment, *, empty: bool | None = None) -> tuple[PairSummary, ...]:
    """One summary per pair of articles, in input order (0-1, 0-2, ..., 1-2, ...).

    ``paired_share`` is the share of both reports' passages that are in at
    least one pair between the two, 0.0 when they have no passages. ``empty``
    says whether pairs of reports without a single paired passage are listed;
    by default they are for up to ``ALL_PAIRS_UP_TO`` reports.

    >>> from newsdiff.core.model import Alignment, Pair
    >>> summarize(Alignment((), (), ()))
    ()
    """
    count = len(alignment.articles)
    if empty is None:
        empty = count <= ALL_PAIRS_UP_TO
    index = {article.id: i for i, article in enumerate(alignment.articles)}
    by_pair: dict[tuple[int, int], list[Pair]] = {}
    for pair in alignment.pairs:
        a, b = index.get(pair.left.article), index.get(pair.right.article)
        if a is None or b is None or a == b:
            continue
        by_pair.setdefault((min(a, b), max(a, b)), []).append(pair)
    if empty:
        keys = [(left, right) for left in range(count) for right in range(left + 1, count)]
    else:
        keys = sorted(by_pair)
    return tuple(
        _summary(alignment, left, right, by_pair.get((left, right), [])) for left, right in keys
    )


def _summary(alignment: Alignment, left: int, right: int, pairs: list[Pair]) -> PairSummary:
    paired = {(p.left.article, p.left.sentence) for p in pairs}
    paired |= {(p.right.article, p.right.sentence) for p in pairs}
    total = len(alignment.articles[left].sentences) + len(alignment.articles[right].sentences)
    relations = [p.relation for p in pairs]
    return PairSummary(
        left,
        right,
        len(pairs),
        relations.count("identical"),
        relations.count("reworded"),
        relations.count("facts-differ"),
        len(paired) / total if total else 0.0,
    )


def omitted_note(alignment: Alignment) -> list[str]:
    """The line saying how many pairs of reports the summary leaves out (none: no line).

    >>> from newsdiff.core.model import Alignment
    >>> omitted_note(Alignment((), (), ()))
    []
    """
    count = len(alignment.articles)
    if count <= ALL_PAIRS_UP_TO:
        return []
    every = count * (count - 1) // 2
    left_out = every - len(summarize(alignment, empty=False))
    return ["", f"{left_out} of {every} pairs of reports share no claim and are left out."]


def overview(reports: int, claims: int) -> str:
    """The report's opening line.

    >>> overview(1, 0)
    '1 report; no claim is told by more than one report.'
    >>> overview(5, 13)
    '5 reports; 13 claims told by more than one of them.'
    """
    head = f"{reports} report{'s' if reports != 1 else ''}"
    if reports < 2 or claims == 0:
        return f"{head}; no claim is told by more than one report."
    return f"{head}; {claims} claim{'s' if claims != 1 else ''} told by more than one of them."
