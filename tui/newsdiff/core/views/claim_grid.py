"""The claim table as a grid of cells: which source agrees with the oldest figure.

``claims.claim_table`` finds the claims and each source's figures; this
decides what each cell of the grid says: the oldest report's figure is the
reference (``first``), another source gives the same (``same``), another
(``differ``) or nothing (``missing``). The screen only paints the cells.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from newsdiff.core.facts.compare import bound_met
from newsdiff.core.model import Article
from newsdiff.core.views.claims import Claim, ClaimTable, ClaimValue, counted

Agreement = Literal["first", "same", "differ", "missing"]


@dataclass(frozen=True, slots=True)
class Cell:
    """One source's cell of a claim: what it shows, how it agrees, the passage behind it."""

    article: str
    text: str
    agreement: Agreement
    target: tuple[str, int] | None = None  # (article id, passage index) for enter


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claim: its measure, whether its figures disagree, a cell per source."""

    measure: str
    differs: bool
    cells: tuple[Cell, ...]
    target: tuple[str, int]  # the reference passage, for the claim's own column
    earlier: str | None = None  # the years of an earlier event the claim's figures count

    @property
    def label(self) -> str:
        """The claim's measure, and the earlier event it counts: "killed · 2003 event"."""
        return f"{self.measure} · {self.earlier} event" if self.earlier else self.measure


@dataclass(frozen=True, slots=True)
class ClaimGrid:
    """The sources by date across, the claims down."""

    sources: tuple[Article, ...]
    rows: tuple[ClaimRow, ...]

    @property
    def differing(self) -> int:
        """How many claims have figures that disagree."""
        return sum(1 for row in self.rows if row.differs)


def by_date(articles: Sequence[Article]) -> tuple[Article, ...]:
    """The sources oldest first; undated ones last, by id, its numbers as numbers.

    ECB+ files "1_3ecb", "1_10ecb" sort as a reader counts, not as strings.

    >>> by_date([])
    ()
    """
    return tuple(sorted(articles, key=lambda a: (a.date is None, a.date or "", counted(a.id))))


def column_labels(sources: Sequence[Article]) -> tuple[str, ...]:
    """What heads each source's column: its source, with its id where a source repeats.

    A folder of one site's pages has one source for all: their columns read alike.
    (A report's ``clusters.source_labels`` keeps an outlet named twice as it is.)

    >>> from newsdiff.core.model import Article
    >>> def report(id_, source):
    ...     return Article(id_, id_, "", "", None, "de", (), 0, source=source)
    >>> column_labels([report("a-1", "x.at"), report("a-2", "x.at"), report("b", None)])
    ('x.at a-1', 'x.at a-2', 'b')
    """
    names = [a.source or a.id for a in sources]
    repeated = {n for n in names if names.count(n) > 1}
    return tuple(
        f"{name} {a.id}" if name in repeated and name != a.id else name
        for name, a in zip(names, sources, strict=True)
    )


def value_key(value: ClaimValue) -> str:
    """What two figures must share to be "the same": the value, else the words.

    Not the noun as written: within one claim the measure is one, and "90 day"
    ("a 90-day stay") is the figure "90 days" gives.
    """
    if value.value is None:
        return value.display
    return repr(replace(value.value, noun=None))


def agree(one: ClaimValue, other: ClaimValue) -> bool:
    """Whether two figures of a claim say the same: one value, or a bound ("at least 10")
    with the other's exact figure ("10") as its end, as the pair's facts have it."""
    if value_key(one) == value_key(other):
        return True
    a, b = one.value, other.value
    if a is None or b is None:
        return False
    if not (bound_met(a, b) or bound_met(b, a)):
        return False
    # and the same measure, "each", "more"
    return replace(a, low=None, high=None, qualifier=None, noun=None) == replace(
        b, low=None, high=None, qualifier=None, noun=None
    )


def claim_grid(table: ClaimTable, articles: Sequence[Article]) -> ClaimGrid:
    """The grid of ``table`` with a column per article, oldest first.

    >>> claim_grid(ClaimTable(()), []).rows
    ()
    """
    sources = by_date(articles)
    if table.sources:  # the order the claims' figures are in: each reference leftmost
        place = {id_: k for k, id_ in enumerate(table.sources)}
        sources = tuple(sorted(sources, key=lambda a: place.get(a.id, len(place))))
    return ClaimGrid(sources, tuple(_row(claim, sources) for claim in table.claims))


def _row(claim: Claim, sources: Sequence[Article]) -> ClaimRow:
    by_article: dict[str, list[ClaimValue]] = {}
    for value in claim.values:
        by_article.setdefault(value.article, []).append(value)
    first = claim.values[0]
    cells = []
    for article in sources:
        values = by_article.get(article.id)
        if not values:
            cells.append(Cell(article.id, "—", "missing"))
            continue
        shown = " / ".join(v.display for v in values)
        agreement: Agreement
        if article.id == first.article:
            agreement = "first"
        elif all(agree(v, first) for v in values):
            agreement = "same"
        else:
            agreement = "differ"
        cells.append(Cell(article.id, shown, agreement, (article.id, values[0].sentence)))
    distinct = list({value_key(v): v for v in claim.values}.values())
    differs = any(not agree(a, b) for k, a in enumerate(distinct) for b in distinct[k + 1 :])
    target = (first.article, first.sentence)
    return ClaimRow(claim.measure, differs, tuple(cells), target, claim.earlier)
