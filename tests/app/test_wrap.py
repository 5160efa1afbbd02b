"""Word wrapping into offsets: what every comparison row's height rests on."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from newsdiff.app.widgets.wrap import wrap_offsets

# single-cell letters (the fast path) and wide ones (the word loop)
words = st.text(alphabet="abcäöüß-„“0123456789", min_size=1, max_size=30)
wide_words = st.text(alphabet="ab漢字ü", min_size=1, max_size=12)


def check(text: str, width: int) -> None:
    lines = wrap_offsets(text, width)
    last = 0
    for start, end in lines:
        piece = text[start:end]
        assert start >= last
        assert cell_len(piece) <= max(width, 2)  # a wide char may stand alone in width 1
        assert piece == piece.strip()
        last = end
    shown = "".join(text[s:e] for s, e in lines)
    assert "".join(shown.split()) == "".join(text.split())  # nothing lost, nothing repeated


@given(st.lists(words, max_size=40), st.integers(1, 120))
def test_lines_fit_and_keep_every_word(parts, width):
    check(" ".join(parts), width)


@given(st.lists(wide_words, max_size=20), st.integers(1, 40))
def test_wide_characters_fit_too(parts, width):
    check(" ".join(parts), width)


@given(st.lists(words, min_size=2, max_size=30), st.integers(5, 80))
def test_lines_are_greedy(parts, width):
    text = " ".join(parts)
    lines = wrap_offsets(text, width)
    for (s1, e1), (s2, e2) in pairwise(lines):
        next_word = text[s2:e2].split(" ")[0]
        # the next line's first word would not have fitted on this one
        assert (e1 - s1) + 1 + len(next_word) > width or e1 == s2


def test_empty_and_blank_text_make_one_empty_line():
    assert wrap_offsets("", 10) == [(0, 0)]
    assert wrap_offsets("   ", 10) == [(0, 0)]


def test_a_long_word_is_cut_at_the_width():
    assert wrap_offsets("Donaudampfschiff", 5) == [(0, 5), (5, 10), (10, 15), (15, 16)]
