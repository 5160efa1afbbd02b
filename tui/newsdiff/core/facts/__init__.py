"""Facts in news passages: extract them, and compare them between two reports.

``extract_facts`` finds numbers, dates, names, quotes and sources in one
passage; ``compare_facts`` says, for two passages that tell one claim, which
facts agree, which differ and which only one side gives.
"""

from __future__ import annotations

from functools import lru_cache

from newsdiff.core.facts.attributions import extract_attributions
from newsdiff.core.facts.compare import compare_fact_lists
from newsdiff.core.facts.dates import extract_dates
from newsdiff.core.facts.names import extract_names
from newsdiff.core.facts.numbers import extract_numbers
from newsdiff.core.facts.quotes import extract_quotes
from newsdiff.core.model import Fact, FactComparison

__all__ = ["Fact", "compare_facts", "extract_facts"]


def extract_facts(
    text: str, *, language: str = "de", published: str | None = None
) -> tuple[Fact, ...]:
    """Every fact in ``text``, in reading order; ``published`` resolves relative dates.

    >>> [(f.kind, f.text) for f in extract_facts("Kim schickte im Juni mehr als 3000 Soldaten.")]
    [('name', 'Kim'), ('date', 'im Juni'), ('number', 'mehr als 3000')]
    """
    return _extract(text, language, published)


@lru_cache(maxsize=8192)
def _extract(text: str, language: str, published: str | None) -> tuple[Fact, ...]:
    # one passage is compared with many partners; its facts are worked out once
    facts = [
        *extract_numbers(text, language=language),
        *extract_dates(text, language=language, published=published),
        *extract_names(text, language=language),
        *extract_quotes(text, language=language),
        *extract_attributions(text, language=language),
    ]
    return tuple(sorted(facts, key=lambda fact: (fact.start, fact.end)))


def compare_facts(
    left: str,
    right: str,
    *,
    language: str = "de",
    left_published: str | None = None,
    right_published: str | None = None,
) -> tuple[FactComparison, ...]:
    """How two passages that tell one claim agree on its facts (spans into each text).

    >>> found = compare_facts("rund 11.000 Soldaten", "etwa 10.000 bis 12.000 Soldaten")
    >>> [(c.status, c.note) for c in found]
    [('differ', '11000 inside 10000-12000')]
    """
    return compare_fact_lists(
        extract_facts(left, language=language, published=left_published),
        extract_facts(right, language=language, published=right_published),
    )
