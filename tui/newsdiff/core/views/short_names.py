"""Names short enough for a column header that still tell the reports apart.

The claim table heads a column per report with its source name (the file's
stem without one). Names from one folder often share a long prefix or suffix
(``derstandard_2017_inland_0012.html``, ``…_0345.html``); a column wider
than the screen was cut at its edge, and what was left of every header read
the same. Each name too wide for ``width`` cells keeps the part no other name
shares, the shared parts dropped and "…" marking each cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import takewhile

from newsdiff.core.views.cells import cell_width, fit

WIDTH = 20  # cells: a name, its date under it, and room for the other columns at 80
_BACK_OFF = 8  # chars at most a cut moves to the start of the token it would split


def short_names(names: Sequence[str], *, width: int = WIDTH) -> tuple[str, ...]:
    """Each of ``names`` in at most ``width`` cells (at least 2), keeping what tells it
    from the others: a name that fits stays whole; a longer one drops the prefix and
    the suffix it shares with another name (cut at a word or number boundary), "…"
    in their place, then gets back as much of them as fits.

    >>> short_names(["derstandard_2017_inland_0012", "derstandard_2017_inland_0345"])
    ('…2017_inland_0012', '…2017_inland_0345')
    >>> short_names(["report_a_from_the_long_story_april.txt", "b.txt"])
    ('report_a_from_the_l…', 'b.txt')
    >>> short_names(["20_3ecbplus", "20_10ecbplus"])
    ('20_3ecbplus', '20_10ecbplus')
    """
    width = max(2, width)
    return tuple(
        name if cell_width(name) <= width else _telling(name, [*names[:i], *names[i + 1 :]], width)
        for i, name in enumerate(names)
    )


def _telling(name: str, others: Sequence[str], width: int) -> str:
    others = [other for other in others if other != name]  # a twin cannot be told apart
    shared = max((_shared(name, other) for other in others), default=0)
    ends = max((_shared(name[::-1], other[::-1]) for other in others), default=0)
    start = _token_start(name, shared)
    end = _token_end(name, len(name) - ends)
    if end <= start:  # the name is another's prefix or suffix: its differing end stays
        end = len(name)
    # a cut must save a cell beside its "…"
    start = start if start >= 2 else 0
    end = end if len(name) - end >= 2 else len(name)
    if _cells(name, start, len(name)) <= width:
        end = len(name)  # the shared suffix back, whole
    telling = start
    while start > 0 and _cells(name, start - 1, end) <= width:
        start -= 1  # as much of the shared prefix back as fits, from a word's start
    while 0 < start < telling and (
        _kind(name[start]) == "other" or _kind(name[start - 1]) == _kind(name[start])
    ):
        start += 1
    shown = ("…" if start else "") + name[start:end] + ("…" if end < len(name) else "")
    return fit(shown, width)


def _shared(one: str, other: str) -> int:
    """How many characters ``one`` and ``other`` share at their start."""
    return sum(1 for _ in takewhile(lambda two: two[0] == two[1], zip(one, other, strict=False)))


def _cells(name: str, start: int, end: int) -> int:
    """The cells of ``name[start:end]`` with a "…" for each side cut."""
    return cell_width(name[start:end]) + (start > 0) + (end < len(name))


def _kind(char: str) -> str:
    return "digit" if char.isdigit() else "letter" if char.isalpha() else "other"


def _token_start(name: str, at: int) -> int:
    """``at`` (where ``name`` stops sharing its prefix), moved back to the start of the
    word or number before it: "20_1ecb" and "20_10ecb" share "20_1", and the "1"
    is what tells the first apart."""
    if not 0 < at <= len(name) or _kind(name[at - 1]) == "other":
        return at
    start = at - 1
    while start > 0 and _kind(name[start - 1]) == _kind(name[start]):
        start -= 1
    return start if at - start <= _BACK_OFF else at


def _token_end(name: str, at: int) -> int:
    """``at``, moved on to the end of the word or number it falls inside."""
    end = at
    while (
        0 < end < len(name)
        and end - at < _BACK_OFF
        and _kind(name[end - 1]) == _kind(name[end]) != "other"
    ):
        end += 1
    return end if end - at < _BACK_OFF else at
