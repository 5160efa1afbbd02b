"""The letter-by-letter alternation matches exactly the words it was built from."""

from __future__ import annotations

import doctest
import re

from hypothesis import given
from hypothesis import strategies as st

from newsdiff.core.language import alternation as module
from newsdiff.core.language.alternation import alternation

_WORDS = st.lists(st.text(alphabet="abcß. -", min_size=1, max_size=6), min_size=1, max_size=12)


@given(_WORDS, st.text(alphabet="abcß. -", max_size=7))
def test_it_matches_what_the_flat_alternation_matches(words: list[str], probe: str) -> None:
    flat = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    assert bool(re.fullmatch(alternation(words), probe)) == bool(re.fullmatch(flat, probe))


@given(_WORDS, st.text(alphabet="abcß. -", max_size=7))
def test_it_takes_the_longest_word_at_a_position(words: list[str], tail: str) -> None:
    # what re.match takes from a word followed by more text: the longest word that fits
    text = words[0] + tail
    found = re.match(alternation(words), text)
    longest = max((w for w in words if text.startswith(w)), key=len)
    assert found is not None and found.group() == longest


def test_the_examples_hold() -> None:
    assert doctest.testmod(module).failed == 0
