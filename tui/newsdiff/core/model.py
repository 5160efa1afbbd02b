"""Plain, frozen results shared by every layer of newsdiff.

The core hands these to the app, the CLI and the exporters; nothing here knows
about terminals, and every field is JSON-friendly so an export is a few lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

PassageKind = Literal["sentence", "heading", "table-row", "list-item"]
Relation = Literal["identical", "reworded", "facts-differ"]
FactKind = Literal["number", "date", "name", "quote", "source"]
FactStatus = Literal["same", "differ", "left-only", "right-only"]
ChangeTag = Literal["equal", "replace", "delete", "insert"]


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


@dataclass(frozen=True, slots=True)
class Problem:
    """A file newsdiff could not read, or read only in part, with a one-line reason."""

    path: str
    message: str
    fatal: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class Corpus:
    """What reading a set of paths gave: the articles in order and the problems met."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()


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


@dataclass(frozen=True, slots=True)
class Alignment:
    """The pairs between every two articles, and the claim clusters they form."""

    articles: tuple[Article, ...]
    pairs: tuple[Pair, ...]
    clusters: tuple[tuple[SentenceRef, ...], ...]
