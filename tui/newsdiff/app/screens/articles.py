"""The home screen: every report in a sortable, filterable table (what it does with
stories, in ``story_actions``).

It paints before anything is read, with the column titles alone (``ListHeader``);
the table (``ArticleTable``) takes its place when the worker has read the files,
the rows group under one header row per story when the stories are found, and
the paired/fact columns fill in when the alignment is ready. Article
text is data: every cell is a ``rich.text.Text`` built from a plain string.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Static

from newsdiff.app.messages import OpenComparison, OpenLeftOut
from newsdiff.app.progress import CANCELLED, QUEUED_ENTER
from newsdiff.app.screens.story_actions import StoryActions
from newsdiff.app.widgets.busy_line import BusyLine
from newsdiff.app.widgets.key_line import KeyLine
from newsdiff.app.widgets.list_columns import MARK, fit_widths, shown_columns
from newsdiff.app.widgets.list_header import ListHeader
from newsdiff.app.widgets.title_line import TitleLine
from newsdiff.core.views.listing import SORT_KEYS, empty_message, nothing_under_cursor
from newsdiff.core.views.stories import StoryGroup
from newsdiff.core.views.story_list import HEADER, ListOrder, is_header

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from newsdiff.app.widgets.article_table import ArticleTable
    from newsdiff.core.model import Alignment, Article, Corpus
    from newsdiff.core.stories.detect import Story
    from newsdiff.core.views.overview import ArticleOverview

__all__ = ["MARK", "ArticlesScreen"]


class ArticlesScreen(StoryActions):
    """Lists the reports; opens comparisons."""

    TITLE = "newsdiff"
    AUTO_FOCUS = "#articles, ListHeader"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_mark", "Mark", id="articles.mark"),
        Binding("c", "compare_marked", "Compare marked", id="articles.compare_marked"),
        # priority: answered before the keys queued behind it are handed to the
        # list, so a query typed at once ("/Kursk") goes into the filter
        Binding("slash", "filter", "Filter", id="articles.filter", priority=True),
        Binding("o", "cycle_sort", "Sort", id="articles.sort"),
        Binding("O", "reverse_sort", "Reverse sort", show=False, id="articles.reverse_sort"),
        Binding("t", "claims", "Claims", show=False, id="articles.claims"),
        Binding(
            "escape",
            "clear_filter",
            "Clear filter / cancel",
            show=False,
            id="articles.clear_filter",
        ),
        Binding("r", "reload", "Read again", show=False, id="articles.reload"),
        Binding("x", "left_out", "Left out", show=False, id="articles.left_out"),
        Binding("q", "app.quit", "Quit", id="articles.quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.articles: tuple[Article, ...] = ()
        self.overviews: dict[str, ArticleOverview] = {}
        self.stories: tuple[Story, ...] = ()
        self.groups: dict[str, StoryGroup] = {}
        self.marked: set[str] = set()
        self.order = ListOrder()
        self._enter_queued = False

    def compose(self) -> ComposeResult:
        # the filter line is hidden until `/`, the table, the empty state and the detail
        # line until the rows come: each is mounted then, off the first paint
        yield TitleLine()
        yield BusyLine(id="status")
        yield ListHeader()
        yield KeyLine()

    def on_mount(self) -> None:
        self.watch(self.app, "busy", self._show_busy)
        self.watch(self.app, "note", lambda: self._show_busy(self.reader.busy))
        self.watch(self.app, "corpus", self._show_corpus)
        self.watch(self.app, "stories", self._show_stories)
        self.watch(self.app, "alignment", self._show_alignment)
        self.refresh_rows()  # the column headers, before any row arrives

    # -- data arriving from the app ------------------------------------------

    def _show_busy(self, busy: str) -> None:
        # the line keeps a note for a while: what the last pass added ("3 paraphrase
        # pairs added"), a key's answer; after the stage while one runs
        if busy and self._enter_queued:  # no row to name yet, so no title
            busy += f" · {QUEUED_ENTER}"
        text = " · ".join(part for part in (busy, self.reader.note) if part)
        line = self.query_one(BusyLine)
        line.display = bool(text)
        line.show(text, spinning=bool(busy))

    def _show_corpus(self, corpus: Corpus | None) -> None:
        if corpus is None:
            return
        self._mount_table()
        self.articles = corpus.articles
        self.overviews = {}
        self.marked &= {article.id for article in self.articles}
        self.refresh_rows()
        if self._enter_queued:
            self._enter_queued = False
            self.open_best(self.current_article_id())  # the line names it now, if queued
            self._show_busy(self.reader.busy)

    def _show_alignment(self, alignment: Alignment | None) -> None:
        if alignment is None:
            return
        from newsdiff.core.views.overview import overview

        self.overviews = overview(alignment)
        self.refresh_rows()

    def _show_empty_state(self, rows: int) -> None:
        corpus = self.reader.corpus
        message = empty_message(corpus, rows, self.order.query) if corpus is not None else ""
        empty = self.query_one("#empty-state", Static)
        empty.update(Text(message))
        empty.display = bool(message)
        self._list().display = corpus is None or bool(self.articles)

    # -- the table -------------------------------------------------------------

    def _table(self) -> ArticleTable | None:
        """The table, once the rows have come (before, the list is its ``ListHeader``)."""
        found = self.query("#articles")
        return cast("ArticleTable", found.first()) if found else None

    def _list(self) -> ArticleTable | ListHeader:
        """What shows the list now: the table, or the column titles before any row."""
        return self._table() or self.query_one(ListHeader)

    def _mount_table(self) -> None:
        """Put the table, the empty state and the detail line where the column titles were."""
        if self._table() is not None:
            return
        from newsdiff.app.widgets.article_table import ArticleTable

        header = self.query_one(ListHeader)
        table = ArticleTable(id="articles", cursor_type="row", zebra_stripes=True)
        self.mount(table, Static(id="empty-state"), Static(id="article-detail"), after=header)
        if header.has_focus:
            table.focus()
        header.remove()

    def refresh_rows(self) -> None:
        """Rebuild the table for the current filter, sort and width; keep the cursor's row."""
        width = self.size.width or 80
        shown = shown_columns(width, any(article.source for article in self.articles))
        table = self._table()
        if table is None:  # no row yet: the column titles with the sort mark
            labels = {column.key: self.order.heading(column.key, column.label) for column in shown}
            widths = fit_widths(shown, labels, (), width)
            self.query_one(ListHeader).show([(c, labels[c.key], widths[c.key]) for c in shown])
            return
        group = self.current_group()
        self.groups = table.fill(
            self.articles,
            self.stories,
            self.overviews,
            columns=shown,
            order=self.order,
            marked=self.marked,
            width=width,
            current=self.current_article_id(),
            header=HEADER + group.key if group is not None else None,
        )
        self._show_empty_state(table.row_count - len(self.groups))
        self._show_detail()

    def current_article_id(self) -> str | None:
        """The id of the article under the cursor, if any."""
        table = self._table()
        row_key = table.current_key() if table is not None else None
        return None if is_header(row_key) else row_key

    def on_first_report(self) -> bool:
        """Whether the cursor is on the list's first report (where it starts)."""
        table = self._table()
        if table is None or not table.row_count:
            return False
        return table.cursor_row == table.first_report()

    def to_first_report(self) -> None:
        """Put the cursor on the list's first report."""
        table = self._table()
        if table is not None and table.row_count:
            table.move_cursor(row=table.first_report(), animate=False)
            self._show_detail()

    def current_group(self) -> StoryGroup | None:
        """The story group whose header row is under the cursor, if it is one."""
        table = self._table()
        return self.groups.get(table.current_key() or "") if table is not None else None

    def _article(self, article_id: str | None) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def _show_detail(self) -> None:
        from newsdiff.app.widgets.list_rows import list_detail

        detail = self.query_one("#article-detail", Static)
        article = self._article(self.current_article_id())
        group = self.current_group()
        detail.display = article is not None or group is not None
        if group is not None or article is not None:
            # the box's padding is one cell each side
            width = (self.size.width or 80) - 2
            detail.update(list_detail(article, group, self.overviews, self._article, width=width))

    # the table's messages by their handler names: ``@on`` would need DataTable at import
    def on_list_header_early_enter(self) -> None:
        if self.reader.corpus is None and self.reader.busy:
            self._enter_queued = True  # taken up when the rows arrive
            self._show_busy(self.reader.busy)
        elif self.reader.corpus is not None:  # rows read, none shown
            self._say_nothing_under_cursor()

    def _say_nothing_under_cursor(self) -> None:
        from pathlib import Path

        paths = self.reader.paths
        folders = len(paths) if all(Path(path).is_dir() for path in paths) else 0
        self.reader.say(nothing_under_cursor(len(self.articles), folders=folders))

    def on_data_table_row_highlighted(self) -> None:
        self._show_detail()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        group = self.groups.get(event.row_key.value or "")
        if group is None:
            self.open_best(event.row_key.value)
        else:
            self.open_story(group)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key in SORT_KEYS:  # not the mark column
            self.order = self.order.by(key)
            self.refresh_rows()

    def on_resize(self) -> None:
        self.refresh_rows()

    # -- actions ---------------------------------------------------------------

    def open_best(self, article_id: str | None) -> None:
        """Compare an article with the report it shares most pairs with."""
        article = self._article(article_id)
        if article is None:
            if self.current_group() is None and self.reader.corpus is not None:
                self._say_nothing_under_cursor()  # an Enter taken up when the rows came
            return
        # the app finds its closest report, or waits for the pairing to find it
        self.post_message(OpenComparison(article.id, None))

    def action_toggle_mark(self) -> None:
        article_id = self.current_article_id()
        if article_id is None:
            if self.current_group() is not None:
                self.notify("Space marks a report; this row heads a story.")
            return
        self.marked ^= {article_id}
        table = self._table()
        assert table is not None  # an article is under its cursor
        table.update_cell(article_id, "mark", Text(MARK if article_id in self.marked else " "))

    def action_compare_marked(self) -> None:
        marked = [a.id for a in self.articles if a.id in self.marked]
        if len(marked) != 2:
            empty = self.current_article_id() is None and self.current_group() is None
            if empty and self.reader.corpus is not None:
                self._say_nothing_under_cursor()  # no row to mark either
                return
            count = len(marked)
            self.notify(f"Mark exactly two reports with space to compare them ({count} marked).")
            return
        self.post_message(OpenComparison(marked[0], marked[1]))

    def _filter_input(self) -> Input | None:
        found = self.query("#filter")
        return found.first(Input) if found else None

    async def action_filter(self) -> None:
        filter_input = self._filter_input()
        if filter_input is None:
            filter_input = Input(
                placeholder="Filter titles (fuzzy) and text · enter keeps · escape clears",
                id="filter",
                compact=True,
            )
            # TEXTUAL_ANIMATIONS=none (and the tests) get a steady cursor
            filter_input.cursor_blink = self.app.animation_level != "none"
            await self.mount(filter_input, before="#status")
        filter_input.display = True
        # at once, not after the keys already queued (Widget.focus waits its turn)
        self.set_focus(filter_input)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # "/" typed into the filter is text (the binding has priority over the input)
        if action == "filter" and self.focused is self._filter_input():
            return None
        return super().check_action(action, parameters)

    def action_clear_filter(self) -> None:
        """Escape: close the filter, or cancel a comparison queued while pairing."""
        filter_input = self._filter_input()
        if filter_input is None or not filter_input.display:
            if self._enter_queued:  # an Enter pressed before any row was read
                self._enter_queued = False
                self._show_busy(self.reader.busy)
                self.notify(CANCELLED, markup=False)
                return
            self.reader.cancel_pending()
            return
        filter_input.value = ""
        filter_input.display = False
        self.order = replace(self.order, query="")
        self._enter_queued = False
        self.refresh_rows()
        self._list().focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.order = replace(self.order, query=event.value)
        self.refresh_rows()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self._list().focus()

    def action_cycle_sort(self) -> None:
        width = self.size.width or 80
        shown = shown_columns(width, any(article.source for article in self.articles))
        self.order = self.order.cycled(column.key for column in shown)
        self.refresh_rows()  # the ▲ in the header says which column

    def action_reverse_sort(self) -> None:
        self.order = self.order.flipped()
        self.refresh_rows()

    def action_reload(self) -> None:
        """Read the files again (after editing one); marks and sort stay."""
        self.reader.reload()

    def action_left_out(self) -> None:
        """Every input that did not become a report, and why."""
        corpus = self.reader.corpus
        if corpus is None or not (corpus.problems or corpus.skipped):
            self.notify("Nothing was left out: every file given was read.")
            return
        self.post_message(OpenLeftOut())
