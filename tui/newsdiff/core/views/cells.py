"""How many terminal cells a text takes: wide (CJK, emoji) count two, combining marks none.

Columns of plain-text tables are padded by cells, not by ``len``: "東京" is two
characters but four cells, "é" written as e + U+0301 is two characters, one cell.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    if char == "\u200d" or "\ufe00" <= char <= "\ufe0f":  # joiners, variation selectors
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """The cells ``text`` takes in a terminal.

    >>> cell_width("Kursk"), cell_width("東京"), cell_width("e\\u0301"), cell_width("🚀")
    (5, 4, 1, 2)
    """
    if text.isascii():
        return len(text)
    return sum(_char_width(char) for char in text)


def fit(text: str, width: int) -> str:
    """``text`` cut to at most ``width`` cells, "…" marking the cut.

    >>> fit("東京タワー", 5), fit("Kursk", 10)
    ('東京…', 'Kursk')
    """
    if cell_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        size = _char_width(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept) + "…"


def fit_words(text: str, width: int, *, keep: int = 0) -> str:
    """``text`` cut to at most ``width`` cells after a whole word, " …" marking the cut
    (a " · " left dangling dropped); mid-word, as ``fit`` cuts, when no word past the
    first ``keep`` characters would be left whole.

    >>> fit_words("19 · Pirates · Aden · Somalia", 22), fit_words("8 · Teixeira", 7, keep=4)
    ('19 · Pirates · Aden …', '8 · Te…')
    """
    if cell_width(text) <= width:
        return text
    head = fit(text, width - 1)[:-1]  # room for " …"
    if text[len(head) : len(head) + 1] != " ":
        head = head[: head.rfind(" ") + 1] if " " in head else ""
    head = head.rstrip()
    if head.endswith(" ·"):
        head = head[:-2].rstrip()
    if len(head) <= keep:
        return fit(text, width)
    return f"{head} …"


def pad(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` cells (on the left when ``right``).

    >>> pad("東", 4) + "|", pad("7", 3, right=True)
    ('東  |', '  7')
    """
    spaces = " " * max(0, width - cell_width(text))
    return spaces + text if right else text + spaces
