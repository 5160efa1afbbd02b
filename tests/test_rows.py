"""The row plan: who sits beside whom in the side-by-side comparison."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdiff.core.model import (
    Alignment,
    Article,
    FactComparison,
    Pair,
    Sentence,
    SentenceRef,
    WordChange,
)
from newsdiff.core.views.rows import (
    count_fact_differences,
    find_row,
    flip_pair,
    pairs_between,
    row_of_passage,
    side_by_side,
)


def article(article_id: str, texts: list[str]) -> Article:
    sentences = tuple(
        Sentence(i, t, 0, len(t), kind="heading" if i == 0 else "sentence", paragraph=i // 2)
        for i, t in enumerate(texts)
    )
    return Article(
        article_id,
        f"{article_id}.txt",
        " ".join(texts),
        texts[0],
        None,
        "de",
        sentences,
        len(texts),
    )


def pair(
    left: int, right: int, score: float = 0.9, *, differ: bool = False, ids=("a", "b")
) -> Pair:
    facts = (FactComparison("number", "differ" if differ else "same", "3", "4"),)
    return Pair(
        SentenceRef(ids[0], left),
        SentenceRef(ids[1], right),
        score,
        "facts-differ" if differ else "reworded",
        (),
        facts,
    )


A = article("a", ["A0", "A1", "A2", "A3"])
B = article("b", ["B0", "B1", "B2", "B3", "B4"])


def test_right_only_passages_sit_after_their_nearest_preceding_right_neighbour():
    al = Alignment((A, B), (pair(0, 0), pair(1, 3), pair(3, 1)), ())
    rows = side_by_side(al, "a", "b")
    got = [(r.left.index if r.left else None, r.right.index if r.right else None) for r in rows]
    # B4 follows B3 (row of A1); B2 follows B1 (row of A3)
    assert got == [(0, 0), (1, 3), (None, 4), (2, None), (3, 1), (None, 2)]


def test_right_only_passages_before_any_placed_one_open_the_comparison():
    al = Alignment((A, B), (pair(0, 2),), ())
    rows = side_by_side(al, "a", "b")
    got = [(r.left.index if r.left else None, r.right.index if r.right else None) for r in rows]
    assert got[:3] == [(None, 0), (None, 1), (0, 2)]
    # B3 and B4 follow B2, the only placed right passage, in their own order
    assert got[3:] == [(None, 3), (None, 4), (1, None), (2, None), (3, None)]
    # every passage shows exactly once
    assert sorted(i for i, _ in got if i is not None) == [0, 1, 2, 3]
    assert sorted(j for _, j in got if j is not None) == [0, 1, 2, 3, 4]


def test_one_to_many_gets_the_best_partner_and_the_other_its_own_row():
    al = Alignment((A, B), (pair(1, 1, 0.6), pair(1, 2, 0.95)), ())
    rows = side_by_side(al, "a", "b")
    shared = rows[row_of_passage(rows, 1, side="left")]
    assert shared.right.index == 2
    assert shared.pair.score == 0.95
    assert [p.right.sentence for p in shared.others] == [1]
    loser = rows[row_of_passage(rows, 1, side="right")]
    assert loser.left is None and loser.pair is None
    assert [p.left.sentence for p in loser.others] == [1]


def test_rows_from_the_later_report_see_pairs_flipped():
    change = WordChange("delete", 0, 2, 0, 0)
    fact = FactComparison("number", "left-only", "3", None, left_span=(0, 1))
    p = Pair(SentenceRef("a", 1), SentenceRef("b", 3), 0.8, "reworded", (change,), (fact,))
    rows = side_by_side(Alignment((A, B), (p,), ()), "b", "a")
    row = rows[row_of_passage(rows, 3, side="left")]
    assert row.right.index == 1
    assert row.pair.left == SentenceRef("b", 3)
    assert row.pair.changes[0].tag == "insert"
    assert row.pair.changes[0].right_start == 0 and row.pair.changes[0].right_end == 2
    assert row.pair.facts[0].status == "right-only"
    assert row.pair.facts[0].right_span == (0, 1)


def test_flipping_twice_gives_the_pair_back():
    p = pair(1, 2, differ=True)
    assert flip_pair(flip_pair(p)) == p


def test_paired_only_keeps_only_rows_with_a_pair():
    al = Alignment((A, B), (pair(0, 0), pair(2, 3)), ())
    rows = side_by_side(al, "a", "b", paired_only=True)
    assert [(r.left.index, r.right.index) for r in rows] == [(0, 0), (2, 3)]


def test_positions_count_from_one():
    rows = side_by_side(Alignment((A, B), (pair(3, 4),), ()), "a", "b")
    row = rows[row_of_passage(rows, 3, side="left")]
    assert str(row.left_position) == "¶2 §4"
    assert str(row.right_position) == "¶3 §5"


def test_find_row_steps_to_pairs_and_to_fact_differences():
    al = Alignment((A, B), (pair(0, 0), pair(2, 2, differ=True), pair(3, 3)), ())
    rows = side_by_side(al, "a", "b")
    first = row_of_passage(rows, 0, side="left")
    diff = row_of_passage(rows, 2, side="left")
    assert find_row(rows, first) == diff
    assert find_row(rows, first, want="facts-differ") == diff
    assert find_row(rows, diff, want="facts-differ") is None
    assert find_row(rows, len(rows) - 1, step=-1, want="facts-differ") == diff
    assert find_row(rows, diff, step=-1) == first
    assert find_row(rows, first, step=-1) is None


def test_fact_differences_are_counted_per_fact():
    al = Alignment((A, B), (pair(0, 0), pair(2, 2, differ=True)), ())
    assert count_fact_differences(side_by_side(al, "a", "b")) == 1


def test_pairs_with_other_reports_are_left_out():
    c = article("c", ["C0"])
    al = Alignment((A, B, c), (pair(0, 0), pair(0, 0, ids=("a", "c"))), ())
    assert len(pairs_between(al, "a", "b")) == 1
    assert len(pairs_between(al, "c", "a")) == 1
    assert pairs_between(al, "c", "a")[0].left.article == "c"


@given(
    st.integers(1, 12),
    st.integers(1, 12),
    st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11), st.floats(0, 1)), max_size=20),
)
def test_every_passage_shows_exactly_once(n_left, n_right, raw):
    a = article("a", [f"a{i}" for i in range(n_left)])
    b = article("b", [f"b{i}" for i in range(n_right)])
    pairs = tuple(pair(i % n_left, j % n_right, s) for i, j, s in raw)
    rows = side_by_side(Alignment((a, b), pairs, ()), "a", "b")
    assert [r.left.index for r in rows if r.left] == list(range(n_left))
    assert sorted(r.right.index for r in rows if r.right) == list(range(n_right))
    for row in rows:
        if row.pair is not None:
            assert row.pair.left.sentence == row.left.index
            assert row.pair.right.sentence == row.right.index


@given(st.integers(1, 30))
def test_an_article_beside_itself_pairs_every_row(n):
    a = article("a", [f"s{i}" for i in range(n)])
    b = article("b", [f"s{i}" for i in range(n)])
    pairs = tuple(pair(i, i, 1.0) for i in range(n))
    rows = side_by_side(Alignment((a, b), pairs, ()), "a", "b")
    assert len(rows) == n
    assert all(r.pair is not None and r.left.index == r.right.index for r in rows)
