"""The one result type of fact extraction, shared by every extractor and the comparer."""

from __future__ import annotations

from dataclasses import dataclass

from newsdiff.core.facts.quantity import Quantity
from newsdiff.core.model import FactKind


@dataclass(frozen=True, slots=True)
class Fact:
    """A checkable statement found in a passage: a figure, a date, a name, a quote or a source.

    ``start``/``end`` are character offsets into the passage, ``text`` the words
    as written and ``value`` the normalised value that two reports are
    compared on: a ``Quantity`` for a number, text for the other kinds.
    ``qualifier`` ("~", ">", "<=", ...) and ``noun`` (what a figure counts)
    matter for numbers, ``speaker`` for quotes.
    """

    kind: FactKind
    text: str
    start: int
    end: int
    value: object = None
    qualifier: str | None = None
    noun: str | None = None
    speaker: str | None = None

    @property
    def quantity(self) -> Quantity:
        """A number fact's value, typed (a ``TypeError`` for the other kinds).

        >>> Fact("number", "3000", 0, 4, Quantity(3000, 3000)).quantity.low
        3000
        """
        if not isinstance(self.value, Quantity):
            raise TypeError(f"a {self.kind} fact has no quantity")
        return self.value

    def to_json(self) -> object:
        """The value as JSON-friendly data (a quantity as its dict)."""
        return self.value.to_json() if isinstance(self.value, Quantity) else self.value
