"""How far each two reports agree, in the few numbers a report opens with.

A reader deciding whether a comparison is worth reading wants, per pair of
sources: how many passages were paired, how many of those say the same, say
it in other words, or state different facts, and what share of the two
reports' passages found a partner at all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsdiff.core.model import Alignment, Pair
from newsdiff.core.views.same_claim import is_weak

if TYPE_CHECKING:
    from newsdiff.core.stories.detect import Story


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
    """One summary per pair of articles of one story, in input order (0-1, 0-2, ..., 1-2, ...).

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
    same = _same_story(alignment, index)
    by_pair: dict[tuple[int, int], list[Pair]] = {}
    for pair in alignment.pairs:
        if is_weak(pair):  # the same claim, not paired directly: not counted as a pair
            continue
        a, b = index.get(pair.left.article), index.get(pair.right.article)
        if a is None or b is None or a == b:
            continue
        by_pair.setdefault((min(a, b), max(a, b)), []).append(pair)
    if empty:  # every two reports of one story: reports of two stories are not compared
        keys = [
            (left, right)
            for left in range(count)
            for right in range(left + 1, count)
            if same(left, right)
        ]
    else:
        keys = sorted(by_pair)
    return tuple(
        _summary(alignment, left, right, by_pair.get((left, right), [])) for left, right in keys
    )


def _same_story(alignment: Alignment, index: dict[str, int]) -> Callable[[int, int], bool]:
    """Whether two reports (by index) are of one story; any two when none were told apart."""
    if not alignment.stories:
        return lambda left, right: True
    story = {index[m]: n for n, members in enumerate(alignment.stories) for m in members}
    return lambda left, right: story.get(left, -1) == story.get(right, -2)


def within_stories(alignment: Alignment) -> int:
    """How many pairs of reports share a story (every pair when none were told apart).

    >>> from newsdiff.core.model import Alignment, Article
    >>> a, b, c = (Article(x, x, "", x, None, "de", (), 0) for x in "abc")
    >>> within_stories(Alignment((a, b, c), (), ())), within_stories(
    ...     Alignment((a, b, c), (), (), stories=(("a", "b"), ("c",))))
    (3, 1)
    """
    if not alignment.stories:
        count = len(alignment.articles)
        return count * (count - 1) // 2
    return sum(len(members) * (len(members) - 1) // 2 for members in alignment.stories)


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
    every = within_stories(alignment)
    left_out = every - len(summarize(alignment, empty=False))
    if not left_out:
        return []
    of_a_story = " of one story" if alignment.stories else ""
    return [
        "",
        f"{left_out} of {every} pairs of reports{of_a_story} share no claim and are left out.",
    ]


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


def stories_note(alignment: Alignment, *, stories: Sequence[Story] = ()) -> str:
    """Which sources tell one story, when the reports hold more than one (else empty):
    the agreement and the claims compare reports of one story only. A report
    alone here is "no related report" unless ``stories`` give it a story of several;
    the reports alone come last, named once ("no related report" after each of 56
    lone reports made the line 1,850 characters long).

    >>> from newsdiff.core.model import Alignment, Article
    >>> from newsdiff.core.stories.detect import Story
    >>> a, b, c = (Article(x, x, "", x, None, "de", (), 0) for x in "abc")

    >>> stories_note(Alignment((a, b, c), (), (), stories=(("a", "b"), ("c",))))
    'Stories: A B · no related report: C. Reports of two stories are not compared.'
    >>> stories_note(Alignment((a, b), (), (), stories=(("a", "b"),)))
    ''
    >>> stories_note(Alignment((a, b), (), (), stories=(("a",), ("b",))),
    ...              stories=[Story(("a", "x"), "Kursk"), Story(("b",), "")])
    'Stories: A · no related report: B. Reports of two stories are not compared.'
    """
    from newsdiff.core.views.clusters import letter

    if len(alignment.stories) < 2:
        return ""
    count = len(alignment.articles)
    index = {article.id: i for i, article in enumerate(alignment.articles)}
    several = {m for story in stories if not story.alone for m in story.members}
    told = sorted(
        found
        for members in alignment.stories
        if (found := sorted(index[m] for m in members if m in index))
    )

    def unrelated(members: list[int]) -> bool:
        return len(members) == 1 and alignment.articles[members[0]].id not in several

    parts = [" ".join(letter(i, count) for i in m) for m in told if not unrelated(m)]
    alone = [letter(m[0], count) for m in told if unrelated(m)]
    if alone:
        parts.append(f"no related report: {' '.join(alone)}")
    return f"Stories: {' · '.join(parts)}. Reports of two stories are not compared."
