"""The one result type of fact extraction, shared by every extractor and the comparer."""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.core.model import FactKind


@dataclass(frozen=True, slots=True)
class Fact:
    """A checkable statement found in a passage: a figure, a date, a name, a quote or a source.

    ``start``/``end`` are character offsets into the passage, ``text`` the words
    as written and ``value`` the normalised value (JSON-friendly) that two
    reports are compared on. ``qualifier`` ("~", ">", "<=", ...) and ``noun``
    (what a figure counts) matter for numbers, ``speaker`` for quotes.
    """

    kind: FactKind
    text: str
    start: int
    end: int
    value: object = None
    qualifier: str | None = None
    noun: str | None = None
    speaker: str | None = None
