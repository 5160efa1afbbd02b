"""The article list's table: fills itself with the rows of the reports and stories.

It takes the place of ``ListHeader`` once the rows arrive (and takes the same
keys), so this module, ``DataTable`` and the row planning load after the first
paint. Which rows there are is ``core.views.story_list``'s; their cells are
``list_rows``'s; the table only puts them in place and keeps the cursor.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.widgets import DataTable

from newsdiff.app.widgets.list_header import LIST_KEYS, ListHeader
from newsdiff.app.widgets.list_rows import WIDE, article_cells, column_widths, header_cells
from newsdiff.core.views.story_list import cursor_row, list_rows

if TYPE_CHECKING:
    from newsdiff.app.widgets.list_columns import Column
    from newsdiff.core.model import Article
    from newsdiff.core.stories.detect import Story
    from newsdiff.core.views.overview import ArticleOverview
    from newsdiff.core.views.stories import StoryGroup
    from newsdiff.core.views.story_list import ListOrder


class ArticleTable(DataTable[Text]):
    """The article table, with the list's own words for the keys it handles."""

    BINDINGS: ClassVar[list[BindingType]] = LIST_KEYS

    EarlyEnter = ListHeader.EarlyEnter
    """Enter on a table with no row (an empty folder, a filter that matches none): the
    list says why on its status line."""

    def fill(
        self,
        articles: Sequence[Article],
        stories: Sequence[Story],
        overviews: Mapping[str, ArticleOverview],
        *,
        columns: Sequence[Column],
        order: ListOrder,
        marked: set[str],
        width: int,
        current: str | None,
        header: str | None,
    ) -> dict[str, StoryGroup]:
        """Rebuild the rows; the cursor stays on ``current`` (an article id) or on the
        ``header`` row it was on. Returns the story groups by their header row's key."""
        cells = {
            article.id: article_cells(
                article, overviews.get(article.id), marked=article.id in marked, wide=width >= WIDE
            )
            for article in articles
        }
        labels = {column.key: order.heading(column.key, column.label) for column in columns}
        widths = column_widths(columns, labels, cells.values(), stories, width)
        rows = list_rows(articles, stories, overviews, order=order)
        self.clear(columns=True)
        for column in columns:
            self.add_column(
                Text(labels[column.key], justify=column.justify),
                key=column.key,
                width=widths[column.key],
            )
        keys = [c.key for c in columns]
        for row in rows:
            if row.group is not None:
                row_cells = header_cells(
                    row.group, keys, date_width=widths["date"], title_width=widths["title"]
                )
            else:
                row_cells = cells[row.key]
            self.add_row(*(row_cells[key] for key in keys), key=row.key)
        cursor = cursor_row([row.key for row in rows], current, header)
        if cursor is not None:
            self.move_cursor(row=cursor, animate=False)
        return {row.key: row.group for row in rows if row.group is not None}

    def first_report(self) -> int:
        """The row of the first report (the first row when there is none)."""
        keys = [str(row.key.value) for row in self.ordered_rows]
        return cursor_row(keys, None, None) or 0

    def current_key(self) -> str | None:
        """The key of the row under the cursor (None when the table is empty)."""
        if self.row_count == 0:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def action_select_cursor(self) -> None:
        if self.row_count == 0:
            self.post_message(self.EarlyEnter())
            return
        super().action_select_cursor()

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=max(0, self.row_count - 1))
