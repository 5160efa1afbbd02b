"""Searching the few words before a position, never the whole text before it.

Extractors ask "does a cue end right before this figure / quote / name?". Asked
of ``text[:start]`` that costs the length of the text for every fact, so a long
line full of facts took minutes. Every such cue is a few words long; searching
a window of ``WIDTH`` characters before the position finds the same match
(``\\b``, look-behinds and ``$`` see the same characters as on the slice) as
long as the match is shorter than the window.
"""

from __future__ import annotations

import re

WIDTH = 200  # characters: a cue of a few words, with room for long German compounds


def search_before(
    pattern: re.Pattern[str], text: str, end: int, *, width: int = WIDTH
) -> re.Match[str] | None:
    """``pattern.search(text[:end])`` for a pattern anchored at the end (``$``),
    looking back at most ``width`` characters; spans index ``text``.

    >>> cue = re.compile(r"\\bim\\s+$")
    >>> text = "im Jahr und im 2020"
    >>> search_before(cue, text, 15).span()
    (12, 15)
    """
    return pattern.search(text, max(0, end - width), end)


def skip_blanks_back(text: str, end: int) -> int:
    """Where ``text[:end].rstrip()`` ends, walking back over the blanks only.

    >>> skip_blanks_back("Kim sagte:  „", 12)
    10
    """
    while end and text[end - 1].isspace():
        end -= 1
    return end
