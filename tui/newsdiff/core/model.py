"""Plain, frozen results shared by every layer of newsdiff.

The core hands these to the app, the CLI and the exporters; nothing here knows
about terminals, and every field is JSON-friendly so an export is a few lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

PassageKind = Literal["sentence", "heading", "table-row", "list-item"]
Relation = Literal["identical", "reworded", "facts-differ"]
FactKind = Literal["number", "date", "name", "quote", "source"]
FactStatus = Literal["same", "differ", "left-only", "right-only"]
ChangeTag = Literal["equal", "replace", "delete", "insert"]
# what a Problem is when something must tell it apart from the rest: a report newsdiff
# wrote (left out of the inputs, and one that ``report -o`` may replace)
ProblemKind = Literal["own_report"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One passage of an article: a sentence, a heading, a list item or a table row.

    ``text`` is the passage as a reader sees it (markup removed, whitespace
    folded, a table row as "Verletzte: 4000"); ``start``/``end`` locate the
    passage in ``Article.text``, the decoded text of the file. ``cleaned`` says
    the passage's source held characters that could drive a terminal or reorder
    what is shown (an RLO, an escape sequence), which were removed: a mark, not
    silence.
    """

    index: int
    text: str
    start: int
    end: int
    kind: PassageKind = "sentence"
    paragraph: int = 0
    # the file had control, bidi or tag characters here, removed before showing it
    cleaned: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    """A decoded, segmented report with the metadata newsdiff could find in it."""

    id: str
    path: str
    text: str
    title: str
    date: str | None
    language: str
    sentences: tuple[Sentence, ...]
    words: int
    source: str | None = None
    url: str | None = None
    dateline: str | None = None
    credit: str | None = None
    author: str | None = None
    modified: str | None = None
    date_note: str | None = None  # how an ambiguous date was read ("05/03/2013 read month first")
    fetched: str | None = None  # when a page given as a URL was fetched (ISO, UTC)


@dataclass(frozen=True, slots=True)
class Problem:
    """A file newsdiff could not read, or read only in part, with a one-line reason."""

    path: str
    message: str
    fatal: bool = True
    kind: ProblemKind | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file in a folder that newsdiff left out without reading it, and why."""

    path: str
    reason: str  # "hidden", "not a report file (.pdf)"

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Corpus:
    """What reading a set of paths gave: the articles in order, the problems met,
    and the files of the folders that were left out unread."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """Points at one passage: the article id and the passage index."""

    article: str
    sentence: int


@dataclass(frozen=True, slots=True)
class WordChange:
    """One opcode over the two passages' words, as character spans into each text.

    Like difflib's ``(tag, i1, i2, j1, j2)`` but in characters, so the reader
    can highlight without tokenising again.
    """

    tag: ChangeTag
    left_start: int
    left_end: int
    right_start: int
    right_end: int


Number = int | float


@dataclass(frozen=True, slots=True)
class Quantity:
    """The value of one number fact, as "etwa 10.000 bis 12.000 Soldaten" states it.

    ``low``/``high`` bound the figure (``None``: open on that side, "mehr als
    3000"); ``qualifier`` is "~", ">", ">=", "<", "<=" or "~>=" ("tausende",
    some thousands); ``noun`` is the word it counts as written, ``measure``
    what it counts ("troops", or the noun's lemma); ``additional`` marks
    "weitere 3.000", ``per_unit`` "jeweils 6.000".
    """

    low: Number | None
    high: Number | None
    qualifier: str | None = None
    noun: str | None = None
    measure: str | None = None
    additional: bool = False
    per_unit: bool = False

    @property
    def bounds(self) -> tuple[float, float]:
        """``(low, high)`` with open sides as infinities.

        >>> Quantity(3000, None, ">").bounds
        (3000.0, inf)
        """
        return (
            float("-inf") if self.low is None else float(self.low),
            float("inf") if self.high is None else float(self.high),
        )

    @property
    def vague(self) -> bool:
        """A lower bound only roughly known ("tausende"): no figure to compare."""
        return self.qualifier == "~>="

    def short(self) -> str:
        """The value written short: "~10000-12000", ">3000", "<=15000", "1000+".

        >>> Quantity(3000, None, ">").short(), Quantity(10000, 12000, "~").short()
        ('>3000', '~10000-12000')
        """
        low, high, qualifier = self.low, self.high, self.qualifier
        if self.vague:
            return f"{low}+"
        if low is not None and high is not None and low != high:
            body = f"{low}-{high}"
        else:
            body = str(low if low is not None else high)
        return f"{qualifier or ''}{body}"

    def to_json(self) -> dict[str, object]:
        """The JSON form of every export (keys as the schema has always named them).

        >>> Quantity(4000, 4000, noun="Soldaten", measure="troops").to_json()["each"]
        False
        """
        return {
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "noun": self.noun,
            "measure": self.measure,
            "additional": self.additional,
            "each": self.per_unit,
        }


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


@dataclass(frozen=True, slots=True)
class FactComparison:
    """One fact of a pair and how the two passages agree on it.

    ``left``/``right`` are the words as written (None when one side lacks the
    fact), ``*_value`` the normalised value (JSON-friendly), ``*_span`` the
    character span inside the passage text, and ``note`` a short finding such
    as "11000 lies inside 10000-12000" or "different measure".
    """

    kind: FactKind
    status: FactStatus
    left: str | None
    right: str | None
    left_value: object = None
    right_value: object = None
    left_span: tuple[int, int] | None = None
    right_span: tuple[int, int] | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Pair:
    """Two passages from two reports that state the same claim."""

    left: SentenceRef
    right: SentenceRef
    score: float
    relation: Relation
    changes: tuple[WordChange, ...] = ()
    facts: tuple[FactComparison, ...] = ()
    # two reports in two languages: no word-level changes (they would be noise), facts still
    cross_language: bool = False


@dataclass(frozen=True, slots=True)
class Alignment:
    """The pairs between every two articles, and the claim clusters they form.

    ``stories`` lists the article ids of each story the alignment was made
    within (``newsdiff.core.matching.by_story``); empty when the articles were
    aligned as one story. No pair or cluster crosses two stories.
    """

    articles: tuple[Article, ...]
    pairs: tuple[Pair, ...]
    clusters: tuple[tuple[SentenceRef, ...], ...]
    # the facts of the passages the aligner read (every paired passage, every one
    # that may give a total), so the claim table need not extract them again
    facts: Mapping[SentenceRef, tuple[Fact, ...]] = field(default_factory=dict, compare=False)
    stories: tuple[tuple[str, ...], ...] = ()
