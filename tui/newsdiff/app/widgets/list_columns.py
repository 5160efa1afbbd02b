"""The article list's columns and their widths, with nothing of the core.

The first screen shows the column titles before any report is read (see
``list_header``); this module is all it needs for them. The cells of the rows
are ``list_rows``'s, which loads with the rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import JustifyMethod
    from rich.text import Text

MARK = "✓"
WIDE = 120  # from this width on: times beside the dates, whole date ranges
PADDING = 1  # cells of padding each side of a column, as the table draws them
SHORT = 4  # the table is 2 cells narrower than the screen, and its scrollbar 2 wide


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    justify: JustifyMethod = "left"


COLUMNS = (
    Column("mark", ""),
    Column("title", "Title"),
    Column("date", "Date"),
    Column("language", "Lang"),
    Column("source", "Source"),
    Column("passages", "Sent.", "right"),
    Column("paired", "Paired", "right"),
    # what it counts, in words: "Facts ≠" over a 20 beside "Sent." 16 read as 20 facts
    # in a report of 16 passages (it counts differing facts over all its pairs)
    Column("facts", "Fact diffs", "right"),
)


def shown_columns(width: int, has_source: bool) -> list[Column]:
    """The columns at ``width``: the source only when some report names one and there is room.

    >>> [c.key for c in shown_columns(80, True)][:4], len(shown_columns(100, True))
    (['mark', 'title', 'date', 'language'], 8)
    """
    return [c for c in COLUMNS if c.key != "source" or (has_source and width >= 100)]


def fit_widths(
    columns: Sequence[Column],
    labels: Mapping[str, str],
    cells: Iterable[Mapping[str, Text]],
    width: int,
    *,
    date_at_least: int = 0,
) -> dict[str, int]:
    """The width of each column: the widest label or cell (``date_at_least`` for the
    story date ranges); the source at most 20; the title takes what the others leave.

    >>> labels = {c.key: c.label for c in COLUMNS}
    >>> fit_widths(shown_columns(80, False), labels, [], 80)
    {'mark': 0, 'title': 12, 'date': 4, 'language': 4, 'passages': 5, 'paired': 6, 'facts': 10}
    """
    rows = list(cells)
    widths = {
        column.key: max([len(labels[column.key])] + [row[column.key].cell_len for row in rows])
        for column in columns
    }
    if "source" in widths:
        widths["source"] = min(widths["source"], 20)
    widths["date"] = max(widths["date"], date_at_least)
    # 2 cells of padding each; the table lays out 2 cells short of the screen and its
    # scrollbar takes 2 more (with 4 the last column lost its last 2 cells)
    others = sum(w + 2 * PADDING for key, w in widths.items() if key != "title")
    widths["title"] = max(12, min(widths["title"], width - others - 2 * PADDING - SHORT))
    return widths
