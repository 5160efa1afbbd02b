"""The row plan: who sits beside whom in the side-by-side comparison."""

from __future__ import annotations

from dataclasses import replace

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
from newsdiff.core.views.notes import row_note
from newsdiff.core.views.rows import (
    count_fact_differences,
    find_row,
    flip_pair,
    pairs_between,
    partner_row,
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


def grid(rows) -> list[tuple[int | None, int | None]]:
    return [(r.left.index if r.left else None, r.right.index if r.right else None) for r in rows]


def test_crossing_pairs_keep_both_columns_in_reading_order():
    al = Alignment((A, B), (pair(0, 0), pair(1, 3, 0.8), pair(3, 1)), ())
    rows = side_by_side(al, "a", "b")
    # A3-B1 outweighs A1-B3 and they cross: A1-B3 becomes a link, both stay in place
    assert grid(rows) == [(0, 0), (1, None), (2, None), (3, 1), (None, 2), (None, 3), (None, 4)]
    a1, b3 = rows[1], rows[5]
    assert a1.pair is None and [p.right.sentence for p in a1.left_links] == [3]
    assert [p.left.sentence for p in b3.right_links] == [1]
    assert partner_row(rows, 1, "left") == (5, "right")
    assert partner_row(rows, 5, "right") == (1, "left")


def test_unpaired_passages_between_two_pairs_stand_side_by_side():
    al = Alignment((A, B), (pair(0, 2),), ())
    rows = side_by_side(al, "a", "b")
    assert grid(rows) == [(None, 0), (None, 1), (0, 2), (1, 3), (2, 4), (3, None)]
    assert [r.pair is not None for r in rows] == [False, False, True, False, False, False]


def test_reports_with_no_pair_stand_side_by_side_from_the_top():
    rows = side_by_side(Alignment((A, B), (), ()), "a", "b")
    assert grid(rows) == [(0, 0), (1, 1), (2, 2), (3, 3), (None, 4)]
    assert all(r.pair is None and not r.others for r in rows)


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


def test_fact_difference_of_a_pair_drawn_across_rows_is_reached_by_d():
    # the header counts the ↔ pair whose facts differ; d and D stop on both its rows
    differing = pair(0, 2, 0.3, differ=True)
    al = Alignment((A, B), (pair(0, 0), pair(1, 1), pair(2, 2), differing), ())
    rows = side_by_side(al, "a", "b")
    left_end = row_of_passage(rows, 0, side="left")
    right_end = row_of_passage(rows, 2, side="right")
    assert left_end is not None and right_end is not None and left_end < right_end
    assert not any(row.differs for row in rows)  # no ≠ row: only the ↔ link differs
    assert find_row(rows, -1, want="facts-differ") == left_end
    assert find_row(rows, left_end, want="facts-differ") == right_end
    assert find_row(rows, len(rows), step=-1, want="facts-differ") == right_end


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
    assert [r.right.index for r in rows if r.right] == list(range(n_right))  # reading order
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


def test_note_of_a_row_drawn_across_rows_names_the_fact_that_differs():
    # d stops on a ↔ row for its link's differing figure: the note line must say which
    al = Alignment((A, B), (pair(0, 0), pair(1, 1), pair(2, 2), pair(0, 2, 0.3, differ=True)), ())
    rows = side_by_side(al, "a", "b")
    row = rows[row_of_passage(rows, 0, side="left")]
    assert not row.differs and row.others  # its own pair agrees; the ↔ link differs
    note = row_note(row, left="ARD", right="ZDF")
    assert note == "↔ on another row, p jumps there · ≠ figure: 3 (ARD) vs 4 (ZDF)"


def test_note_of_a_row_drawn_across_rows_without_facts_points_to_its_partner():
    al = Alignment((A, B), (pair(0, 0), pair(1, 1), pair(2, 2), pair(0, 2, 0.3)), ())
    rows = side_by_side(al, "a", "b")
    row = rows[row_of_passage(rows, 0, side="left")]
    assert row_note(row) == "↔ paired with a passage on another row · p jumps there"


def test_note_of_a_row_drawn_across_rows_leads_only_with_a_contradiction():
    one_sided = replace(pair(0, 2, 0.3), facts=(FactComparison("name", "left-only", "Kim", None),))
    al = Alignment((A, B), (pair(0, 0), pair(1, 1), pair(2, 2), one_sided), ())
    rows = side_by_side(al, "a", "b")
    row = rows[row_of_passage(rows, 0, side="left")]
    assert row_note(row) == "↔ paired with a passage on another row · p jumps there"
