"""Greedy word wrapping as character offsets.

The comparison view needs every row's height before it paints anything (to
size the scroll area) but styled lines only for the rows on screen. Wrapping
the plain text into offsets serves both: heights are ``len(offsets)`` and a
visible line is a slice of the highlighted ``Content``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len

_WORD = re.compile(r"\S+")


@lru_cache(maxsize=16)
def _line_pattern(width: int) -> re.Pattern[str]:
    """One greedy line of single-cell text: the longest run of up to ``width``
    characters that starts and ends on a word, else a cut of a longer word.
    The regex engine does in C what the word loop below does in Python."""
    return re.compile(rf"\S.{{0,{width - 1}}}(?=\s|$)|\S{{1,{width}}}")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Break ``text`` into lines of at most ``width`` cells, as (start, end) offsets.

    Lines break at whitespace; a word wider than the line is cut.

    >>> t = "Nordkorea bestätigt Truppen"
    >>> [t[s:e] for s, e in wrap_offsets(t, 12)]
    ['Nordkorea', 'bestätigt', 'Truppen']
    >>> u = "abcdefgh ij"
    >>> [u[s:e] for s, e in wrap_offsets(u, 3)]
    ['abc', 'def', 'gh', 'ij']
    """
    width = max(1, width)
    # Most passages hold only single-cell characters; then a word's width is
    # its length and the per-word cell count (the slow part) can be skipped.
    measure = len if cell_len(text) == len(text) else cell_len
    if measure is len and "\n" not in text:
        lines = [m.span() for m in _line_pattern(width).finditer(text)]
        return lines or [(0, 0)]
    spans: list[tuple[int, int]] = []
    start = end = cells = -1
    for match in _WORD.finditer(text):
        s, e = match.span()
        w = measure(match.group())
        if start >= 0 and cells + 1 + w <= width:
            end, cells = e, cells + 1 + w
            continue
        if start >= 0:
            spans.append((start, end))
        while w > width:
            cut, used = s, 0
            while cut < e and used + cell_len(text[cut]) <= width:
                used += cell_len(text[cut])
                cut += 1
            cut = max(cut, s + 1)  # a wide character in a one-cell line
            spans.append((s, cut))
            s = cut
            w = cell_len(text[s:e])
        start, end, cells = s, e, w
    if start >= 0:
        spans.append((start, end))
    return spans or [(0, 0)]
