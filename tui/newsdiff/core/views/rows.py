"""The row plan of a side-by-side comparison, free of any terminal.

The reader shows two reports in two columns. Which passage goes on which row
is a decision about the data, not about drawing, so it lives here: rows follow
the left report's reading order, a paired passage shares its row with its best
partner, and a right-only passage sits after the row of its nearest preceding
right passage. The widget only wraps and paints these rows.

One-to-many pairs: each passage appears exactly once. A left passage paired to
several right passages shares its row with the best of them (a one-to-one
matching, best scores first); the other partners get rows of their own placed
by their reading order, with the pairs they lost listed in ``Row.others`` so
the reader can say "paired elsewhere" instead of pretending they are unpaired.
"""

from __future__ import annotations

from bisect import bisect_left
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

Want = Literal["paired", "facts-differ"]

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
    whatever order the two reports have in the alignment. ``others`` holds the
    row's passages' other pairs with the opposite report (also oriented).
    """

    left: Sentence | None
    right: Sentence | None
    pair: Pair | None
    left_position: Position | None
    right_position: Position | None
    others: tuple[Pair, ...] = ()

    @property
    def differs(self) -> bool:
        """Whether the row's pair disagrees on at least one fact."""
        return self.pair is not None and (
            self.pair.relation == "facts-differ"
            or any(fact.status == "differ" for fact in self.pair.facts)
        )


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


def side_by_side(
    alignment: Alignment, left_id: str, right_id: str, *, paired_only: bool = False
) -> tuple[Row, ...]:
    """The rows showing ``left_id`` beside ``right_id``.

    >>> s = lambda i, t: Sentence(i, t, 0, len(t))
    >>> a = Article("a", "a", "", "A", None, "de", (s(0, "Eins."), s(1, "Zwei.")), 2)
    >>> b = Article("b", "b", "", "B", None, "de", (s(0, "Zwei!"), s(1, "Drei.")), 2)
    >>> pair = Pair(SentenceRef("a", 1), SentenceRef("b", 0), 0.9, "reworded")
    >>> rows = side_by_side(Alignment((a, b), (pair,), ()), "a", "b")
    >>> [(r.left and r.left.text, r.right and r.right.text) for r in rows]
    [('Eins.', None), ('Zwei.', 'Zwei!'), (None, 'Drei.')]
    """
    left = article_by_id(alignment, left_id)
    right = article_by_id(alignment, right_id)
    pairs = pairs_between(alignment, left_id, right_id)
    best = _best_matching(pairs)
    others_of_left: dict[int, list[Pair]] = {}
    others_of_right: dict[int, list[Pair]] = {}
    for pair in pairs:
        if best.get(pair.left.sentence) is not pair:
            others_of_left.setdefault(pair.left.sentence, []).append(pair)
            others_of_right.setdefault(pair.right.sentence, []).append(pair)

    rows: list[Row] = []
    row_of_right: dict[int, int] = {}
    for sentence in left.sentences:
        best_pair = best.get(sentence.index)
        partner = right.sentences[best_pair.right.sentence] if best_pair is not None else None
        if partner is not None:
            row_of_right[partner.index] = len(rows)
        others = tuple(others_of_left.get(sentence.index, ()))
        rows.append(
            Row(
                sentence,
                partner,
                best_pair,
                position(sentence),
                position(partner) if partner else None,
                others,
            )
        )

    # Right-only passages go after the row of their nearest placed predecessor;
    # those with no placed predecessor open the comparison.
    placed = sorted(row_of_right)
    inserts: dict[int, list[Row]] = {}
    for sentence in right.sentences:
        if sentence.index in row_of_right:
            continue
        k = bisect_left(placed, sentence.index)
        anchor = row_of_right[placed[k - 1]] if k else -1
        others = tuple(others_of_right.get(sentence.index, ()))
        row = Row(None, sentence, None, None, position(sentence), others)
        inserts.setdefault(anchor, []).append(row)

    merged: list[Row] = list(inserts.get(-1, ()))
    for i, row in enumerate(rows):
        merged.append(row)
        merged.extend(inserts.get(i, ()))
    if paired_only:
        merged = [row for row in merged if row.pair is not None]
    return tuple(merged)


def find_row(
    rows: Sequence[Row], start: int, *, step: int = 1, want: Want = "paired"
) -> int | None:
    """The index of the next row after ``start`` (or before it, ``step=-1``) that
    is paired, or whose facts differ; None when there is none.

    >>> s = Sentence(0, "x", 0, 1)
    >>> p = Pair(SentenceRef("a", 0), SentenceRef("b", 0), 1.0, "identical")
    >>> rows = [Row(s, None, None, None, None), Row(s, s, p, None, None)]
    >>> find_row(rows, 0), find_row(rows, 1), find_row(rows, 1, step=-1)
    (1, None, None)
    """
    index = start + step
    while 0 <= index < len(rows):
        row = rows[index]
        if row.differs if want == "facts-differ" else row.pair is not None:
            return index
        index += step
    return None


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


def count_fact_differences(rows: Sequence[Row]) -> int:
    """How many facts differ across the rows' pairs.

    >>> count_fact_differences([])
    0
    """
    return sum(1 for row in rows if row.pair for fact in row.pair.facts if fact.status == "differ")
