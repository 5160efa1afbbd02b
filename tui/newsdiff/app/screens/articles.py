"""The home screen: every report in a sortable, filterable table.

It paints before anything is read; rows arrive when the worker has read the
files, group under one header row per story when the stories are found, and
the paired/fact columns fill in when the alignment is ready. Article
text is data: every cell is a ``rich.text.Text`` built from a plain string.

The first paint shows the column titles alone, so the core views that sort,
filter and group the rows are imported where the rows are built, not here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from newsdiff.app.messages import OpenClaims, OpenComparison, OpenLeftOut
from newsdiff.app.widgets.article_table import ArticleTable
from newsdiff.app.widgets.key_line import KeyLine
from newsdiff.app.widgets.list_rows import (
    HEADER,
    article_detail,
    group_detail,
    header_cells,
    is_header,
)
from newsdiff.app.widgets.spinner import Spinner
from newsdiff.app.widgets.title_line import TitleLine

if TYPE_CHECKING:
    from rich.console import JustifyMethod

    from newsdiff.app.state import ReaderState
    from newsdiff.core.model import Alignment, Article, Corpus
    from newsdiff.core.stories.detect import Story
    from newsdiff.core.views.overview import ArticleOverview
    from newsdiff.core.views.stories import StoryGroup

MARK = "✓"


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
    Column("facts", "Facts ≠", "right"),
)


class ArticlesScreen(Screen[None]):
    """Lists the reports; opens comparisons."""

    TITLE = "newsdiff"
    AUTO_FOCUS = "#articles"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_mark", "Mark", id="articles.mark"),
        Binding("c", "compare_marked", "Compare marked", id="articles.compare_marked"),
        Binding("slash", "filter", "Filter", id="articles.filter"),
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
        self.sort_key = "date"
        self.sort_reverse = False
        self.query_text = ""
        self._enter_queued = False

    @property
    def reader(self) -> ReaderState:
        """The app, typed: it holds the corpus and alignment this screen shows."""
        return cast("ReaderState", self.app)

    def compose(self) -> ComposeResult:
        # the filter line is hidden until `/`: it is mounted then, off the first paint
        yield TitleLine()
        with Horizontal(id="status"):
            yield Spinner()
            yield Static(id="status-text")
        yield ArticleTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static(id="empty-state")
        yield Static(id="article-detail")
        yield KeyLine()

    def on_mount(self) -> None:
        self.watch(self.app, "busy", self._show_busy)
        self.watch(self.app, "corpus", self._show_corpus)
        self.watch(self.app, "stories", self._show_stories)
        self.watch(self.app, "alignment", self._show_alignment)
        self.refresh_rows()  # the column headers, before any row arrives

    # -- data arriving from the app ------------------------------------------

    def _show_busy(self, busy: str) -> None:
        self.query_one("#status").display = bool(busy)
        self.query_one(Spinner).spin(bool(busy))
        self.query_one("#status-text", Static).update(Text(busy))

    def _show_corpus(self, corpus: Corpus | None) -> None:
        if corpus is None:
            return
        self.articles = corpus.articles
        self.overviews = {}
        self.marked &= {article.id for article in self.articles}
        self.refresh_rows()
        if self._enter_queued:
            self._enter_queued = False
            self.open_best(self.current_article_id())

    def _show_stories(self, stories: tuple[Story, ...]) -> None:
        self.stories = stories
        if self.articles:
            self.refresh_rows()

    def _show_alignment(self, alignment: Alignment | None) -> None:
        if alignment is None:
            return
        from newsdiff.core.views.overview import overview

        self.overviews = overview(alignment)
        self.refresh_rows()

    def _show_empty_state(self, rows: int) -> None:
        corpus = self.reader.corpus
        message = ""
        if corpus is not None:
            from newsdiff.core.views.listing import empty_message

            message = empty_message(corpus, rows, self.query_text)
        empty = self.query_one("#empty-state", Static)
        empty.update(Text(message))
        empty.display = bool(message)
        self.query_one(ArticleTable).display = corpus is None or bool(self.articles)

    # -- the table -------------------------------------------------------------

    def visible_articles(self) -> list[Article]:
        """The articles that pass the filter, in the chosen order."""
        from newsdiff.core.views.listing import arrange

        return arrange(
            self.articles,
            self.overviews,
            query=self.query_text,
            key=self.sort_key,
            reverse=self.sort_reverse,
        )

    def _cells(self, article: Article, wide: bool) -> dict[str, Text]:
        from newsdiff.core.views.listing import printable

        view = self.overviews.get(article.id)
        date = (article.date or "—").replace("T", " ")
        return {
            "mark": Text(MARK if article.id in self.marked else " "),
            "title": Text(printable(article.title), no_wrap=True, overflow="ellipsis"),
            "date": Text(printable(date[:16] if wide else date[:10])),
            "language": Text(printable(article.language or "—")),
            "source": Text(printable(article.source or "—"), no_wrap=True, overflow="ellipsis"),
            "passages": Text(str(len(article.sentences)), justify="right"),
            "paired": Text(f"{view.share:.0%}" if view else "…", justify="right"),
            "facts": Text(str(view.fact_differences) if view else "…", justify="right"),
        }

    def refresh_rows(self) -> None:
        """Rebuild the table for the current filter, sort and width; keep the cursor's article."""
        table = self.query_one(ArticleTable)
        current = self.current_article_id()
        group = self.current_group()
        header = HEADER + group.key if group is not None else None
        width = self.size.width or 80
        wide = width >= 120
        # the source column only when some report names one and there is room
        has_source = any(article.source for article in self.articles)
        shown = [c for c in COLUMNS if c.key != "source" or (has_source and width >= 100)]
        cells = {article.id: self._cells(article, wide) for article in self.articles}
        rows: list[tuple[str, dict[str, Text]]] = []
        self.groups = {}
        if self.stories:
            for group in self.visible_groups():
                self.groups[HEADER + group.key] = group
                rows.append((HEADER + group.key, header_cells(group, (c.key for c in COLUMNS))))
                rows += [(article.id, cells[article.id]) for article in group.articles]
        elif self.articles:  # the stories are still being found: the reports ungrouped meanwhile
            rows = [(article.id, cells[article.id]) for article in self.visible_articles()]
        # widths from every article, not just the filtered ones, so columns hold still
        widths = {
            column.key: max(
                [len(self._label(column))] + [row[column.key].cell_len for row in cells.values()]
            )
            for column in shown
        }
        if "source" in widths:
            widths["source"] = min(widths["source"], 20)
        # the title takes what the other columns leave (2 cells of padding each, a scrollbar)
        others = sum(w + 2 for key, w in widths.items() if key != "title")
        widths["title"] = max(12, min(widths["title"], width - others - 4))
        table.clear(columns=True)
        for column in shown:
            table.add_column(
                Text(self._label(column), justify=column.justify),
                key=column.key,
                width=widths[column.key],
            )
        for key, row in rows:
            table.add_row(*(row[column.key] for column in shown), key=key)
        keys = [key for key, _ in rows]
        if current in keys:
            table.move_cursor(row=keys.index(current), animate=False)
        elif header in keys:
            table.move_cursor(row=keys.index(header), animate=False)
        elif keys:  # the first report, not its story's header: Enter opens it at once
            first = next((n for n, key in enumerate(keys) if not is_header(key)), 0)
            table.move_cursor(row=first, animate=False)
        self._show_empty_state(len(rows) - len(self.groups))
        self._show_detail()

    def visible_groups(self) -> list[StoryGroup]:
        """The story groups, each filtered and sorted within itself."""
        from newsdiff.core.views.listing import arrange
        from newsdiff.core.views.stories import group_articles

        return group_articles(
            self.stories,
            self.articles,
            lambda articles: arrange(
                articles,
                self.overviews,
                query=self.query_text,
                key=self.sort_key,
                reverse=self.sort_reverse,
            ),
        )

    def _label(self, column: Column) -> str:
        if column.key != self.sort_key:
            return column.label
        return f"{column.label} {'▼' if self.sort_reverse else '▲'}"

    def current_article_id(self) -> str | None:
        """The id of the article under the cursor, if any."""
        table = self.query_one(ArticleTable)
        if table.row_count == 0:
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return None if row_key is None or is_header(row_key) else row_key

    def current_group(self) -> StoryGroup | None:
        """The story group whose header row is under the cursor, if it is one."""
        table = self.query_one(ArticleTable)
        if table.row_count == 0:
            return None
        row_key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.groups.get(row_key or "")

    def _article(self, article_id: str | None) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)

    def _show_detail(self) -> None:
        detail = self.query_one("#article-detail", Static)
        article = self._article(self.current_article_id())
        group = self.current_group()
        detail.display = article is not None or group is not None
        if group is not None:
            detail.update(group_detail(group))
            return
        if article is None:
            return
        view = self.overviews.get(article.id)
        partner = self._article(view.best_partner) if view is not None else None
        detail.update(article_detail(article, view, partner))

    @on(ArticleTable.EarlyEnter)
    def _early_enter(self) -> None:
        if self.reader.busy:
            self._enter_queued = True  # taken up when the rows arrive

    @on(DataTable.RowHighlighted, "#articles")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(DataTable.RowSelected, "#articles")
    def _selected(self, event: DataTable.RowSelected) -> None:
        group = self.groups.get(event.row_key.value or "")
        if group is None:
            self.open_best(event.row_key.value)
        else:
            self.open_story(group)

    @on(DataTable.HeaderSelected, "#articles")
    def _header(self, event: DataTable.HeaderSelected) -> None:
        from newsdiff.core.views.listing import SORT_KEYS

        key = event.column_key.value
        if key not in SORT_KEYS:  # the mark column
            return
        if key == self.sort_key:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_key, self.sort_reverse = key, False
        self.refresh_rows()

    def on_resize(self) -> None:
        if self.articles:
            self.refresh_rows()

    # -- actions ---------------------------------------------------------------

    def open_best(self, article_id: str | None) -> None:
        """Compare an article with the report it shares most pairs with."""
        article = self._article(article_id)
        if article is None:
            return
        # the app finds its closest report, or waits for the pairing to find it
        self.post_message(OpenComparison(article.id, None))

    def open_story(self, group: StoryGroup) -> None:
        """Enter on a header: compare the story's two reports that share the most."""
        if group.story is None:
            self.notify("These reports are each alone in their story: open one to read it.")
            return
        if self.reader.alignment is None:
            self.notify("Still pairing passages — Enter on a report opens it when ready.")
            return
        from newsdiff.core.views.stories import closest_two

        two = closest_two(group.story.members, self.overviews)
        if two is None:
            self.notify("No two reports of this story share a passage.")
            return
        self.post_message(OpenComparison(*two))

    def action_toggle_mark(self) -> None:
        article_id = self.current_article_id()
        if article_id is None:
            if self.current_group() is not None:
                self.notify("Space marks a report; this row heads a story.")
            return
        self.marked ^= {article_id}
        table = self.query_one(ArticleTable)
        table.update_cell(article_id, "mark", Text(MARK if article_id in self.marked else " "))

    def action_compare_marked(self) -> None:
        marked = [a.id for a in self.articles if a.id in self.marked]
        if len(marked) != 2:
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
        filter_input.focus()

    def action_clear_filter(self) -> None:
        """Escape: close the filter, or cancel a comparison queued while pairing."""
        filter_input = self._filter_input()
        if filter_input is None or not filter_input.display:
            self.reader.cancel_pending()
            return
        filter_input.value = ""
        filter_input.display = False
        self.query_text = ""
        self._enter_queued = False
        self.refresh_rows()
        self.query_one(ArticleTable).focus()

    @on(Input.Changed, "#filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.refresh_rows()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.query_one(ArticleTable).focus()

    def action_cycle_sort(self) -> None:
        from newsdiff.core.views.listing import SORT_KEYS

        position = SORT_KEYS.index(self.sort_key) if self.sort_key in SORT_KEYS else -1
        self.sort_key = SORT_KEYS[(position + 1) % len(SORT_KEYS)]
        self.sort_reverse = False
        self.refresh_rows()  # the ▲ in the header says which column

    def action_reverse_sort(self) -> None:
        self.sort_reverse = not self.sort_reverse
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

    def action_claims(self) -> None:
        if len(self.articles) < 2:
            self.notify("The claim table needs two or more reports.")
            return
        article_id = self.current_article_id()
        group = self.current_group()
        if article_id is None and group is not None and group.story is not None:
            article_id = group.story.members[0]
        # the claim table of the story under the cursor (the app narrows to it)
        self.post_message(OpenClaims(article_id))
