"""Finding text in a comparison: both columns, accents and case folded.

``/Pjongjang`` finds "Pjöngjang", ``/strasse`` finds "Straße": a reader
searching a German report should not have to type its diacritics. Matches
are spans in the original passage text, so the widget can mark them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsdiff.core.views.rows import Row

Side = Literal["left", "right"]


@dataclass(frozen=True, slots=True)
class Match:
    """``query`` found in row ``row``, column ``side``, at ``text[start:end]``."""

    row: int
    side: Side
    start: int
    end: int


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without accents and case, and for each folded char its original index.

    >>> fold("Pjöngjang ß")[0]
    'pjongjang ss'
    >>> fold("ßa")[1]
    (0, 0, 1)
    """
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        folded = _fold_char(char)
        out.append(folded)
        where.extend([index] * len(folded))
    return "".join(out), tuple(where)


@lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    """The whole text folded at once: a quick test before the offset-keeping fold."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def find_in(text: str, query: str) -> list[tuple[int, int]]:
    """Every (start, end) of ``query`` in ``text``, accents and case folded.

    >>> find_in("Pjöngjang und PJÖNGJANG", "pjongjang")
    [(0, 9), (14, 23)]
    """
    return _find(text, fold(query.strip())[0])


def _find(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle or needle not in _folded(text):
        return []
    haystack, where = fold(text)
    spans = []
    start = haystack.find(needle)
    while start >= 0:
        end = start + len(needle)
        spans.append((where[start], where[end - 1] + 1))
        start = haystack.find(needle, end)
    return spans


def find_matches(rows: Sequence[Row], query: str) -> tuple[Match, ...]:
    """Every match of ``query`` in the rows, in reading order (row, then left before right).

    >>> from newsdiff.core.model import Sentence
    >>> rows = [Row(Sentence(0, "Kursk", 0, 5), Sentence(0, "KURSK", 0, 5), None, None, None)]
    >>> [(m.row, m.side) for m in find_matches(rows, "kursk")]
    [(0, 'left'), (0, 'right')]
    """
    matches = []
    needle = fold(query.strip())[0]
    for index, row in enumerate(rows):
        for side in ("left", "right"):
            passage = row.left if side == "left" else row.right
            if passage is None:
                continue
            for start, end in _find(passage.text, needle):
                matches.append(Match(index, side, start, end))  # type: ignore[arg-type]
    return tuple(matches)


def next_match(matches: Sequence[Match], row: int, *, step: int = 1) -> Match | None:
    """The first match after row ``row`` (``step=-1``: before it), wrapping around.

    >>> ms = [Match(2, "left", 0, 1), Match(5, "right", 0, 1)]
    >>> next_match(ms, 2).row, next_match(ms, 2, step=-1).row, next_match(ms, 9).row
    (5, 5, 2)
    """
    if not matches:
        return None
    if step > 0:
        return next((m for m in matches if m.row > row), matches[0])
    return next((m for m in reversed(matches) if m.row < row), matches[-1])
