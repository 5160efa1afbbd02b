"""What the comparison's header lines keep when the terminal is narrow.

At 80 columns each report's title block has about 36 cells: the line under
the title keeps the date first and whole, then the source (cut if it must),
and the report id only when there is room. The counts line drops its least
important parts (the legend hint, the row number) before the counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsdiff.core.views.cells import cell_width, fit

if TYPE_CHECKING:
    from newsdiff.core.model import Article

SEPARATOR = " · "


def shown_date(value: str | None) -> str:
    """A report's date as every screen writes it: the day, and the time to the minute.

    Pages give seconds, milliseconds and zones ("2019-01-03T07:00:02.000Z"); the
    list showed "2019-01-03 07:00" and the comparison's header all of it.

    >>> shown_date("2019-01-03T07:00:02.000Z"), shown_date("2024-11-06"), shown_date(None)
    ('2019-01-03 07:00', '2024-11-06', '')
    """
    return (value or "").replace("T", " ", 1)[:16]


def title_meta(article: Article, width: int) -> str:
    """The line under a report's title in ``width`` cells: date, source, id.

    The date is never cut (its time goes first when room is short), the id
    is dropped before the source, and the source is cut before the date; a
    report with no source keeps its id, cut.

    >>> from newsdiff.core.model import Article
    >>> a = Article("004_6345d31efac55afa", "a.txt", "", "T", "2024-11-06T12:01", "de", (), 0,
    ...             source="Süddeutsche Zeitung")
    >>> title_meta(a, 64)
    '2024-11-06 12:01 · Süddeutsche Zeitung · 004_6345d31efac55afa'
    >>> title_meta(a, 38), title_meta(a, 36)
    ('2024-11-06 12:01 · Süddeutsche Zeitung', '2024-11-06 · Süddeutsche Zeitung')
    >>> title_meta(a, 24), title_meta(a, 12)
    ('2024-11-06 · Süddeutsch…', '2024-11-06')
    >>> from dataclasses import replace
    >>> title_meta(replace(a, source=None), 34)
    '2024-11-06 · 004_6345d31efac55afa'
    """
    date = shown_date(article.date)
    day = date[:10]
    # with no source the id names the report, and is cut rather than dropped
    name = article.source or article.id
    for parts in ((date, article.source, article.id), (date, name), (day, name)):
        line = SEPARATOR.join(p for p in parts if p)
        if cell_width(line) <= width:
            return line
    if not day:
        return fit(name, width)
    room = width - cell_width(day + SEPARATOR)
    return day + SEPARATOR + fit(name, room) if room >= 4 else day


def fit_parts(widths: Sequence[int], width: int, *, separator: int = len(SEPARATOR)) -> list[int]:
    """Which parts of a line fit in ``width`` cells, by index: parts are given most
    important first, and the least important are dropped until the rest fit
    (the first is always kept).

    >>> fit_parts([8, 20, 10, 8], 55), fit_parts([8, 20, 10, 8], 35), fit_parts([90], 10)
    ([0, 1, 2, 3], [0, 1], [0])
    """
    kept = list(range(len(widths)))
    while len(kept) > 1 and sum(widths[i] for i in kept) + separator * (len(kept) - 1) > width:
        kept.pop()
    return kept
