"""Column names cut to a width that still tell the reports apart (the claim table's headers)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.core.views.cells import cell_width
from newsdiff.core.views.short_names import WIDTH, short_names

FAST = settings(max_examples=80, deadline=None, derandomize=True)


def test_names_that_fit_stay_whole():
    names = ["20_3ecbplus", "20_10ecbplus", "tagesschau.de", "x" * WIDTH]
    assert short_names(names) == tuple(names)


def test_a_long_shared_prefix_is_dropped_and_the_cut_marked():
    names = [
        "derstandard_at_story_2000012345_regierung",
        "derstandard_at_story_2000099999_regierung",
    ]
    # 41 cells each: cut at the screen's edge, both headers read "derstandard_at_sto"
    assert short_names(names) == ("…story_2000012345…", "…story_2000099999…")


def test_a_shared_suffix_goes_when_the_prefix_alone_is_not_enough():
    stem = "ecbplus_topic_twenty_document_"
    tail = "_as_annotated_for_the_coreference_tuning_set"
    names = [f"{stem}3{tail}", f"{stem}10{tail}", f"{stem}1{tail}"]
    shown = short_names(names)
    assert len(set(shown)) == 3
    assert all(cell_width(name) <= WIDTH for name in shown)
    # what is left of the shared parts around the number, both cuts marked
    assert shown == ("…twenty_document_3…", "…twenty_document_10…", "…twenty_document_1…")


def test_no_word_or_number_is_split_where_the_shared_part_ends():
    # 20_10… and 20_1… share "20_1": the cut keeps the number whole
    names = ["corpus_ecbplus_20_10ecbplus_tokens", "corpus_ecbplus_20_1ecbplus_tokens"]
    assert short_names(names, width=12) == ("…20_10…", "…20_1…")


def test_wide_characters_are_counted_in_cells():
    names = ["東京タワー報告書第一号の記事です", "東京タワー報告書第二号の記事です"]
    shown = short_names(names)
    assert all(cell_width(name) <= WIDTH for name in shown)
    assert "一" in shown[0] and "二" in shown[1]


def test_a_name_is_shortened_the_same_whatever_the_order():
    names = [f"saved_page_of_the_newspaper_{n:04d}.html" for n in (12, 345, 7, 9001)]
    assert short_names(names[::-1]) == short_names(names)[::-1]


@FAST
@given(st.lists(st.text(min_size=0, max_size=60), max_size=8), st.integers(2, 40))
def test_every_name_fits_its_width(names, width):
    shown = short_names(names, width=width)
    assert len(shown) == len(names)
    assert all(cell_width(name) <= width for name in shown)
    assert all(a == b for a, b in zip(shown, names, strict=True) if cell_width(b) <= width)


@FAST
@given(
    st.text(st.characters(codec="utf-8", categories=["L", "N", "P"]), max_size=40),
    st.sets(st.integers(0, 10**6), min_size=2, max_size=12),
    st.text(st.characters(codec="utf-8", categories=["L", "P"]), max_size=40),
)
def test_names_that_differ_in_a_number_stay_apart(prefix, numbers, suffix):
    # the case of a folder of saved pages: one stem, a serial number, one ending
    names = [f"{prefix}_{n}_{suffix}" for n in sorted(numbers)]
    shown = short_names(names)
    assert len(set(shown)) == len(names), (names, shown)


def test_the_examples_in_the_docstrings_hold():
    import doctest

    from newsdiff.core.views import short_names as module

    assert doctest.testmod(module).failed == 0
