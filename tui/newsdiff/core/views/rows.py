"""The row plan of a side-by-side comparison, free of any terminal.

The reader shows two reports in two columns, as a side-by-side diff does:
both columns run in reading order, a paired passage shares its row with its
partner, and between two paired rows the unpaired passages of each side
stand beside each other (a replace block), so a comparison takes about as
many rows as the longer report. Which passage goes on which row is a
decision about the data, not about drawing, so it lives here.

Pairs that cross (passage 2 on the left tells what passage 9 on the right
tells, passage 5 what passage 3 tells) cannot all share rows while both
columns keep their order. The rows anchor the heaviest chain of pairs that
do not cross (one-to-one, best scores first); every other pair is a link:
each of its passages stands in its reading place and lists the pair in
``left_links`` / ``right_links``, shown as ``↔`` with a key to jump to the
partner. Each passage appears exactly once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from newsdiff.core.model import (
    Alignment,
    Article,
    FactComparison,
    Pair,
    Sentence,
    SentenceRef,  # noqa: F401 - the doctests build pairs with it
    WordChange,
)
from newsdiff.core.views.same_claim import is_weak

Want = Literal["paired", "facts-differ"]
Side = Literal["left", "right"]

_FLIP_TAG = {"equal": "equal", "replace": "replace", "delete": "insert", "insert": "delete"}
_FLIP_STATUS = {
    "same": "same",
    "differ": "differ",
    "left-only": "right-only",
    "right-only": "left-only",
}


@dataclass(frozen=True, slots=True)
class Position:
    """Where a passage stands in its report, counted from 1 as a reader counts."""

    paragraph: int
    sentence: int

    def __str__(self) -> str:
        return f"¶{self.paragraph} §{self.sentence}"


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the comparison: a passage on each side (either may be missing).

    ``pair`` is oriented to the row: its ``left`` is the left column's passage,
    whatever order the two reports have in the alignment; it is set only when
    the two passages of the row are paired with each other. ``left_links`` /
    ``right_links`` hold that side's passage's pairs whose partner stands on
    another row (also oriented: ``left`` is always the left report's).
    """

    left: Sentence | None
    right: Sentence | None
    pair: Pair | None
    left_position: Position | None
    right_position: Position | None
    left_links: tuple[Pair, ...] = ()
    right_links: tuple[Pair, ...] = ()

    @property
    def others(self) -> tuple[Pair, ...]:
        """Every pair of the row's passages that is drawn on another row."""
        return self.left_links + self.right_links

    @property
    def same_claim(self) -> bool:
        """Whether the row's pair is too weak to stand by itself (the gutter's ~): the
        same claim, not paired directly, its words and facts unmarked."""
        return is_weak(self.pair)

    @property
    def differs(self) -> bool:
        """Whether the row's pair disagrees on at least one fact (the gutter's ≠)."""
        return (
            self.pair is not None and self.pair.relation == "facts-differ" and not self.same_claim
        )

    @property
    def both_sides(self) -> bool:
        """Whether the row has text in both columns."""
        return self.left is not None and self.right is not None


def position(sentence: Sentence) -> Position:
    """The reader-facing position of a passage.

    >>> str(position(Sentence(11, "Text.", 0, 5, paragraph=2)))
    '¶3 §12'
    """
    return Position(sentence.paragraph + 1, sentence.index + 1)


def flip_pair(pair: Pair) -> Pair:
    """The same pair seen from the other side: left and right swapped throughout.

    >>> p = Pair(SentenceRef("a", 0), SentenceRef("b", 3), 0.9, "reworded",
    ...          (WordChange("delete", 0, 4, 0, 0),))
    >>> q = flip_pair(p)
    >>> (q.left.article, q.right.sentence, q.changes[0].tag)
    ('b', 0, 'insert')
    """
    changes = tuple(
        WordChange(_FLIP_TAG[c.tag], c.right_start, c.right_end, c.left_start, c.left_end)  # type: ignore[arg-type]
        for c in pair.changes
    )
    facts = tuple(
        FactComparison(
            f.kind,
            _FLIP_STATUS[f.status],  # type: ignore[arg-type]
            f.right,
            f.left,
            f.right_value,
            f.left_value,
            f.right_span,
            f.left_span,
            f.note,
        )
        for f in pair.facts
    )
    return replace(pair, left=pair.right, right=pair.left, changes=changes, facts=facts)


def article_by_id(alignment: Alignment, article_id: str) -> Article:
    """The article with this id, or KeyError naming it.

    >>> a = Article("x", "x.txt", "", "T", None, "de", (), 0)
    >>> article_by_id(Alignment((a,), (), ()), "x").title
    'T'
    """
    for article in alignment.articles:
        if article.id == article_id:
            return article
    raise KeyError(article_id)


def pairs_between(alignment: Alignment, left_id: str, right_id: str) -> tuple[Pair, ...]:
    """The pairs of two reports, oriented so ``left`` belongs to ``left_id``.

    >>> pairs_between(Alignment((), (), ()), "a", "b")
    ()
    """
    out: list[Pair] = []
    for pair in alignment.pairs:
        ids = (pair.left.article, pair.right.article)
        if ids == (left_id, right_id):
            out.append(pair)
        elif ids == (right_id, left_id):
            out.append(flip_pair(pair))
    return tuple(out)


def _best_matching(pairs: Sequence[Pair]) -> dict[int, Pair]:
    """A one-to-one matching, best scores first; ties go to earlier passages."""
    ranked = sorted(pairs, key=lambda p: (-p.score, p.left.sentence, p.right.sentence))
    used_right: set[int] = set()
    best: dict[int, Pair] = {}
    for pair in ranked:
        if pair.left.sentence in best or pair.right.sentence in used_right:
            continue
        best[pair.left.sentence] = pair
        used_right.add(pair.right.sentence)
    return best


def _chain(pairs: Sequence[Pair]) -> list[Pair]:
    """The heaviest chain of pairs increasing on both sides (no two cross).

    A weighted longest increasing subsequence over the right indices, with a
    Fenwick tree of prefix maxima: O(n log n), so 2,000 pairs cost nothing.
    """
    ordered = sorted(pairs, key=lambda p: (p.left.sentence, p.right.sentence))
    if not ordered:
        return []
    size = max(p.right.sentence for p in ordered) + 2
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)
    best: list[tuple[float, int]] = []
    for k, pair in enumerate(ordered):
        # best chain ending at a right index below this one
        found, i = (0.0, -1), pair.right.sentence  # positions 1..size; r -> r + 1
        while i > 0:
            found = max(found, tree[i])
            i -= i & -i
        # 1 per pair, the score breaking ties: as many rows shared as possible
        value = (found[0] + 1.0 + pair.score / 1000.0, found[1])
        best.append(value)
        i = pair.right.sentence + 1
        while i <= size:
            if (value[0], k) > tree[i]:
                tree[i] = (value[0], k)
            i += i & -i
    end = max(range(len(ordered)), key=lambda k: best[k][0])
    chain = []
    while end >= 0:
        chain.append(ordered[end])
        end = best[end][1]
    return chain[::-1]


def side_by_side(
    alignment: Alignment, left_id: str, right_id: str, *, paired_only: bool = False
) -> tuple[Row, ...]:
    """The rows showing ``left_id`` beside ``right_id``.

    >>> s = lambda i, t: Sentence(i, t, 0, len(t))
    >>> a = Article("a", "a", "", "A", None, "de", (s(0, "Eins."), s(1, "Zwei.")), 2)
    >>> b = Article("b", "b", "", "B", None, "de", (s(0, "Null."), s(1, "Zwei!")), 2)
    >>> pair = Pair(SentenceRef("a", 1), SentenceRef("b", 1), 0.9, "reworded")
    >>> rows = side_by_side(Alignment((a, b), (pair,), ()), "a", "b")
    >>> [(r.left and r.left.text, r.right and r.right.text) for r in rows]
    [('Eins.', 'Null.'), ('Zwei.', 'Zwei!')]
    """
    left = article_by_id(alignment, left_id)
    right = article_by_id(alignment, right_id)
    pairs = pairs_between(alignment, left_id, right_id)
    anchors = _chain(list(_best_matching(pairs).values()))
    anchored = {id(pair) for pair in anchors}
    links_of_left: dict[int, list[Pair]] = {}
    links_of_right: dict[int, list[Pair]] = {}
    for pair in sorted(pairs, key=lambda p: -p.score):
        if id(pair) not in anchored:
            links_of_left.setdefault(pair.left.sentence, []).append(pair)
            links_of_right.setdefault(pair.right.sentence, []).append(pair)

    def row(lp: Sentence | None, rp: Sentence | None, pair: Pair | None = None) -> Row:
        return Row(
            lp,
            rp,
            pair,
            position(lp) if lp is not None else None,
            position(rp) if rp is not None else None,
            tuple(links_of_left.get(lp.index, ())) if lp is not None else (),
            tuple(links_of_right.get(rp.index, ())) if rp is not None else (),
        )

    rows: list[Row] = []
    i = j = 0
    ends: list[tuple[int, int, Pair | None]] = [
        (p.left.sentence, p.right.sentence, p) for p in anchors
    ]
    ends.append((len(left.sentences), len(right.sentences), None))
    for left_end, right_end, anchor in ends:
        # the unpaired passages between two anchors, side by side in reading order
        gap_left, gap_right = left.sentences[i:left_end], right.sentences[j:right_end]
        for k in range(max(len(gap_left), len(gap_right))):
            rows.append(
                row(
                    gap_left[k] if k < len(gap_left) else None,
                    gap_right[k] if k < len(gap_right) else None,
                )
            )
        if anchor is not None:
            rows.append(row(left.sentences[left_end], right.sentences[right_end], anchor))
        i, j = left_end + 1, right_end + 1
    if paired_only:
        # a ↔ passage is paired too: dropping it would hide pairs the header counts
        rows = [r for r in rows if r.pair is not None or r.others]
    return tuple(rows)


def find_row(
    rows: Sequence[Row], start: int, *, step: int = 1, want: Want = "paired"
) -> int | None:
    """The index of the next row after ``start`` (or before it, ``step=-1``) that
    is paired, or whose facts differ; None when there is none. A passage paired
    on another row (``↔``) counts as paired: the header counts its pair.

    >>> s = Sentence(0, "x", 0, 1)
    >>> p = Pair(SentenceRef("a", 0), SentenceRef("b", 0), 1.0, "identical")
    >>> rows = [Row(s, None, None, None, None), Row(s, s, p, None, None)]
    >>> find_row(rows, 0), find_row(rows, 1), find_row(rows, 1, step=-1)
    (1, None, None)
    """
    index = start + step
    while 0 <= index < len(rows):
        row = rows[index]
        if _differs_here(row) if want == "facts-differ" else _paired_here(row):
            return index
        index += step
    return None


def opening_row(rows: Sequence[Row]) -> int:
    """Where a comparison opens: the first row whose two passages are paired with each
    other (a pair seen side by side), else the first ``↔`` passage, else the top.

    >>> s = Sentence(0, "x", 0, 1)
    >>> p = Pair(SentenceRef("a", 0), SentenceRef("b", 0), 1.0, "identical")
    >>> opening_row([Row(s, None, None, None, None, (p,)), Row(s, s, p, None, None)])
    1
    """
    on_row = next((i for i, row in enumerate(rows) if row.pair is not None), None)
    return on_row if on_row is not None else (find_row(rows, -1) or 0)


def _paired_here(row: Row) -> bool:
    # a ↔ pair is one of the header's pairs: n must reach it as d does; a weak pair
    # is not one of them (the same claim, not paired directly)
    return (row.pair is not None and not row.same_claim) or any(
        not is_weak(link) for link in row.others
    )


def _differs_here(row: Row) -> bool:
    # a ↔ pair whose facts differ is counted in the header: d must reach it too
    # a weak ↔ pair's facts are not compared (the same claim, not paired directly)
    return row.differs or any(
        link.relation == "facts-differ" and not is_weak(link) for link in row.others
    )


def row_of_passage(
    rows: Sequence[Row], sentence: int, *, side: Literal["left", "right"]
) -> int | None:
    """The row showing passage ``sentence`` on ``side``, or None if it is not shown.

    >>> s = Sentence(4, "x", 0, 1)
    >>> row_of_passage([Row(None, s, None, None, None)], 4, side="right")
    0
    """
    for index, row in enumerate(rows):
        passage = row.left if side == "left" else row.right
        if passage is not None and passage.index == sentence:
            return index
    return None


def partner_row(rows: Sequence[Row], index: int, side: Side) -> tuple[int, Side] | None:
    """Where the best partner of the ``side`` passage of row ``index`` stands.

    Looks at the passage's own links first, then (an empty cell) at the other
    side's. Returns (row, side of the partner), None when it has no partner
    on another row.

    >>> p = Pair(SentenceRef("a", 0), SentenceRef("b", 1), 0.8, "reworded")
    >>> x, y = Sentence(0, "x", 0, 1), Sentence(1, "y", 0, 1)
    >>> rows = [Row(x, None, None, None, None, (p,)), Row(None, y, None, None, None, (), (p,))]
    >>> partner_row(rows, 0, "left"), partner_row(rows, 1, "left")
    ((1, 'right'), (0, 'left'))
    """
    row = rows[index]
    order: list[Side] = [side, "right" if side == "left" else "left"]
    for own in order:
        links = row.left_links if own == "left" else row.right_links
        for link in links:
            other: Side = "right" if own == "left" else "left"
            sentence = link.right.sentence if own == "left" else link.left.sentence
            target = row_of_passage(rows, sentence, side=other)
            if target is not None:
                return target, other
    return None


@dataclass(frozen=True, slots=True)
class Counts:
    """What the comparison's header says: the same figures ``newsdiff report`` gives."""

    pairs: int
    identical: int
    reworded: int
    facts_differ: int


def comparison_counts(alignment: Alignment, left_id: str, right_id: str) -> Counts:
    """The pairs of two reports by relation: the figures ``newsdiff report`` opens with.

    Counted by the report's own summary of the two reports, so the header of
    the comparison and the report written from it cannot disagree.

    >>> comparison_counts(Alignment((), (), ()), "a", "b")
    Counts(pairs=0, identical=0, reworded=0, facts_differ=0)
    """
    from newsdiff.core.views.subset import restrict
    from newsdiff.core.views.summary import summarize

    two = restrict(alignment, (left_id, right_id))
    summaries = summarize(two, empty=False) if len(two.articles) == 2 else ()
    if not summaries:
        return Counts(0, 0, 0, 0)
    s = summaries[0]
    return Counts(s.pairs, s.identical, s.reworded, s.facts_differ)


def count_fact_differences(rows: Sequence[Row]) -> int:
    """How many facts differ across the rows' pairs.

    >>> count_fact_differences([])
    0
    """
    return sum(
        1
        for row in rows
        if row.pair and not row.same_claim
        for fact in row.pair.facts
        if fact.status == "differ"
    )
