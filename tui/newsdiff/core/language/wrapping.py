"""Line breaks of hard-wrapped text: where the writer ended a line, and where the width did.

Text wrapped at a width (e-mail at 72 columns, ``textwrap`` at 70, captions at 32
to 42) breaks a line only when the next word would not fit on it. A break before
a word that would have fit was the writer's: a heading, an item of a list, a
caption's pause. The width is the widest line's; lines narrower than a caption
row (32 columns, CEA-608) were not wrapped by a width, so they are the writer's.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["chosen_ends"]

NARROWEST = 32  # no text is wrapped narrower than a caption row
_GOES_ON = (",", "-", "–", "—")  # a line ending so is continued ("US-" / "Regierung")
_MARKS = "•·*►▶■"  # a bullet opens an item
_OPENING = "\"'„“”‚‘’«»‹›([{"


def chosen_ends(lines: Sequence[str]) -> list[bool]:
    """For each line but the last: whether its writer ended it (True) or the width did.

    A line its writer ended is one the next word would have fit on, and the next
    line begins anew, with a capital or a digit.

    Linear in the lines.

    >>> chosen_ends(["Die Lage in Kursk", "Truppen aus Nordkorea", "Verluste"])
    [True, True]
    >>> chosen_ends(["Nordkorea hat erstmals die Entsendung von", "Truppen nach Russland"])
    [False]
    >>> chosen_ends(["Zweiter Absatz, der", "über zwei Zeilen geht."])
    [False]
    """
    widths = [len(line.rstrip()) for line in lines]
    width = max([NARROWEST, *widths])
    ends: list[bool] = []
    for number in range(len(lines) - 1):
        line, following = lines[number].rstrip(), lines[number + 1].split(maxsplit=1)
        if not line or not following:  # an empty line, or one of blanks, ends a line
            ends.append(True)
            continue
        fits = widths[number] + 1 + len(following[0]) <= width
        # and the writer began anew: "Zweiter Absatz, der / über zwei Zeilen" goes on
        ends.append(fits and not line.endswith(_GOES_ON) and _begins(following[0]))
    return ends


def _begins(word: str) -> bool:
    """Whether ``word`` begins anew: a capital or a digit, after any opening quote."""
    bare = word.lstrip(_OPENING)
    if not bare:  # a mark standing alone: "»", a bullet
        return True
    return bare[0].isupper() or bare[0].isdigit() or bare[0] in _MARKS
