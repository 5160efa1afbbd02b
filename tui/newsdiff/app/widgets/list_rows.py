"""The article list's cells: a report's and a story header's cells, the column
widths with the story date ranges, and the detail line under the list (the
columns themselves are ``list_columns``'s, which the first screen needs alone).

Which rows there are, and in what order, is ``core.views.story_list``'s;
this module only turns them into ``rich.text.Text`` cells built from plain
strings (article text is data, never markup).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from newsdiff.app.widgets.list_columns import (
    COLUMNS,
    MARK,
    WIDE,
    Column,
    fit_widths,
    shown_columns,
)
from newsdiff.core.views.header import shown_date
from newsdiff.core.views.listing import printable, shown_path
from newsdiff.core.views.stories import StoryGroup, date_span
from newsdiff.core.views.story_list import HEADER, is_header

if TYPE_CHECKING:
    from newsdiff.core.model import Article
    from newsdiff.core.stories.detect import Story
    from newsdiff.core.views.overview import ArticleOverview

__all__ = ["COLUMNS", "HEADER", "MARK", "WIDE", "Column", "is_header", "shown_columns"]


def article_cells(
    article: Article, view: ArticleOverview | None, *, marked: bool, wide: bool
) -> dict[str, Text]:
    """A report's cells; the paired and facts columns show "…" until the pairing is done."""
    date = shown_date(article.date) or "—"
    return {
        "mark": Text(MARK if marked else " "),
        "title": Text(printable(article.title), no_wrap=True, overflow="ellipsis"),
        "date": Text(printable(date[:16] if wide else date[:10])),
        "language": Text(printable(article.language or "—")),
        "source": Text(printable(article.source or "—"), no_wrap=True, overflow="ellipsis"),
        "passages": Text(str(len(article.sentences)), justify="right"),
        "paired": Text(f"{view.share:.0%}" if view else "…", justify="right"),
        "facts": Text(str(view.fact_differences) if view else "…", justify="right"),
    }


def column_widths(
    columns: Sequence[Column],
    labels: Mapping[str, str],
    cells: Iterable[Mapping[str, Text]],
    stories: Iterable[Story],
    width: int,
) -> dict[str, int]:
    """The width of each column: the widest label or cell of every report (not only
    the filtered ones, so columns hold still); the title takes what the others leave.

    From ``WIDE`` on the date column fits the story date ranges whole; below it, only
    their years (a header shows the most precise form that fits the report dates): a
    range sized the column to 13 cells where the reports showed "—" or a day, and at
    80x24 the titles kept 23 cells (the detail line shows the whole range).
    """
    dated = [s for s in stories if not s.alone]
    if width >= WIDE:
        spans = [len(date_span(s.first_date, s.last_date)) for s in dated]
    else:
        spans = [len(date_span(s.first_date, s.last_date, 0)) for s in dated]
    return fit_widths(columns, labels, cells, width, date_at_least=max(spans, default=0))


def header_cells(
    group: StoryGroup, columns: Iterable[str], *, date_width: int, title_width: int | None = None
) -> dict[str, Text]:
    """The header row's cells: count and label as the title, the date range as the date.

    The count comes first so a narrow title column cuts the label, not the count
    (shortened to its number before the label is cut); the date range takes the
    most precise form that fits its column.
    """
    cells = {key: Text("") for key in columns}
    # the label is words of the files: data, never markup
    heading = printable(group.title_within(title_width))
    cells["title"] = Text(heading, style="bold", no_wrap=True, overflow="ellipsis")
    span = printable(group.span_within(date_width))
    cells["date"] = Text(span, style="bold", no_wrap=True, overflow="ellipsis")
    return cells


def _lines(lines: list[Text]) -> Text:
    # bold underlies the whole box, as when it was one Text grown from the title
    out = Text(style="bold")
    for number, line in enumerate(lines):
        out.append_text(Text("\n") + line if number else line)
    return out


def _one_line(text: Text, width: int | None) -> Text:
    """``text`` cut to ``width`` cells with "…": the detail box holds four lines, and a
    title wrapped onto a fifth was cut mid-phrase with no mark (or hid "closest:")."""
    if width is not None and text.cell_len > width:
        text.truncate(max(1, width), overflow="ellipsis")
    return text


def group_detail(group: StoryGroup, *, width: int | None = None) -> Text:
    """The detail line under the list when the cursor is on a header row."""
    lines = [_one_line(Text(printable(group.heading), style="bold"), width)]
    sources = sorted({a.source for a in group.articles if a.source})
    if sources:
        lines.append(_one_line(Text(printable(" · ".join(sources)), style="dim"), width))
    hint = (
        "enter compares its two closest reports · t its claim table"
        if group.story is not None
        else "reports that share no story with any other in these files"
    )
    lines.append(Text(hint, style="dim"))
    return _lines(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def article_detail(
    article: Article,
    view: ArticleOverview | None,
    partner: Article | None,
    *,
    width: int | None = None,
) -> Text:
    """The detail line when the cursor is on a report: its file, figures and closest
    report; the two titles each on one line of ``width`` cells, the figures wrapped."""
    title = _one_line(Text(printable(article.title), style="bold"), width)
    facts = [
        shown_path(article.path, Path.cwd()),
        article.source,
        shown_date(article.date),
        _count(len(article.sentences), "passage"),
    ]
    if view is not None:
        facts.append(f"{view.paired} paired")
        facts.append(_count(view.fact_differences, "fact difference"))
    lines = [title, Text(printable(" · ".join(f for f in facts if f)), style="dim")]
    if partner is not None:
        closest = Text()
        closest.append("closest: ", style="dim")
        closest.append(printable(partner.title))
        lines.append(_one_line(closest, width))
    return _lines(lines)


def list_detail(
    article: Article | None,
    group: StoryGroup | None,
    overviews: Mapping[str, ArticleOverview],
    find: Callable[[str | None], Article | None],
    *,
    width: int | None = None,
) -> Text:
    """The detail line of the row under the cursor: a story header's or a report's
    (``find`` looks its closest report up by id); titles cut to ``width`` cells."""
    if group is not None:
        return group_detail(group, width=width)
    assert article is not None
    view = overviews.get(article.id)
    partner = find(view.best_partner) if view is not None else None
    return article_detail(article, view, partner, width=width)
