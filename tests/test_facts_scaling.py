"""Fact extraction and comparison stay near linear in the length of a passage.

A 200,000-character line full of figures, names or quotes once took minutes
(every cue searched in the whole text before each fact, every fact scored
against every other). These tests time a text of n repeats against one of 4n
in the same run: linear work grows about 4x, quadratic 16x, so a growth under
10x passes and a quadratic regression fails, however fast or busy the machine.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

import pytest

from newsdiff.core.facts.attributions import extract_attributions
from newsdiff.core.facts.compare import compare_fact_lists
from newsdiff.core.facts.dates import extract_dates
from newsdiff.core.facts.names import extract_names
from newsdiff.core.facts.numbers import extract_numbers
from newsdiff.core.facts.quotes import extract_quotes
from newsdiff.core.model import Fact

N = 2_000  # repeats in the small text; the large one has 4N = 8,000
GROWTH = 10  # linear is ~4x, quadratic 16x
SECONDS = 20  # the 4N text, generous for a busy two-core machine

# one repeat of each hostile line; the number is the repeat's index
UNITS: dict[str, Callable[[int], str]] = {
    "numbers": lambda i: f"Soldaten {1000 + i % 97} Kursk ",
    "names": lambda i: "Kim Jong Un ",  # one endless run of capitalised words
    "named people": lambda i: f"Kim traf Moon{i % 50}. ",
    "quotes": lambda i: "„a “",
    "quotes with speakers": lambda i: f"„Wir kommen {i % 40}“, sagte Kim. ",
    "dates": lambda i: f"am {i % 28 + 1}. März 2024 ",
    "sources": lambda i: "dem Generalstab zufolge ",
}


def hostile(kind: str, repeats: int, *, shift: int = 0) -> str:
    return "".join(UNITS[kind](i + shift) for i in range(repeats))


def extract_all(text: str) -> tuple[Fact, ...]:
    # the extractors themselves, not extract_facts, whose cache would hide the work
    return (
        *extract_numbers(text),
        *extract_dates(text),
        *extract_names(text),
        *extract_quotes(text),
        *extract_attributions(text),
    )


def seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def assert_near_linear(small_work: Callable[[], object], large_work: Callable[[], object]) -> None:
    small = seconds(small_work)
    # a floor, so a tiny small time does not make noise look like growth
    bound = min(SECONDS, GROWTH * max(small, 0.1))
    large = seconds(large_work)
    if large >= bound:  # once more: a busy machine can stall any single run
        large = min(large, seconds(large_work))
    assert large < bound, f"{small:.3f} s -> {large:.3f} s for 4x the text"


@pytest.mark.parametrize("kind", UNITS)
def test_extraction_grows_linearly_with_the_text(kind):
    small, large = hostile(kind, N), hostile(kind, 4 * N)
    extract_all(small[:2000])  # dictionaries and caches loaded outside the timing
    assert_near_linear(lambda: extract_all(small), lambda: extract_all(large))
    if kind != "names":  # each repeat is found; "Kim Jong Un" repeated is one run
        assert Counter(f.kind for f in extract_all(large)).most_common(1)[0][1] >= 4 * N


@pytest.mark.parametrize("kind", UNITS)
def test_comparing_a_near_copy_grows_linearly(kind):
    def facts(repeats: int, shift: int) -> tuple[Fact, ...]:
        return extract_all(hostile(kind, repeats, shift=shift))

    small = facts(N, 0), facts(N, 1)
    large = facts(4 * N, 0), facts(4 * N, 1)
    assert_near_linear(lambda: compare_fact_lists(*small), lambda: compare_fact_lists(*large))
    found = compare_fact_lists(*large)
    # every fact is still accounted for, and a near copy mostly agrees
    assert sum(c.left is not None for c in found) == len(large[0])
    assert sum(c.right is not None for c in found) == len(large[1])
    assert Counter(c.status for c in found)["same"] >= 0.9 * min(map(len, large))


def test_comparing_figures_that_all_differ_grows_linearly():
    def figures(repeats: int, base: int) -> tuple[Fact, ...]:
        return extract_numbers("".join(f"Soldaten {base + i} Kursk " for i in range(repeats)))

    small = figures(N, 100_000), figures(N, 200_000)
    large = figures(4 * N, 100_000), figures(4 * N, 200_000)
    assert_near_linear(lambda: compare_fact_lists(*small), lambda: compare_fact_lists(*large))
    found = compare_fact_lists(*large)
    assert {c.status for c in found} == {"differ"} and len(found) == 4 * N


def test_a_long_quote_changed_in_one_word_is_told_in_seconds():
    from newsdiff.core.facts import compare_facts

    words = [f"wort{i % 300}" for i in range(40_000)]
    changed = [*words[:20_000], "anders", *words[20_001:]]
    started = time.perf_counter()
    (comparison,) = compare_facts("„" + " ".join(words) + "“", "„" + " ".join(changed) + "“")
    assert time.perf_counter() - started < SECONDS
    assert comparison.status == "differ" and comparison.note == "changed: wort200 → anders"
