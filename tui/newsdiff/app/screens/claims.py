"""The claim table: claims down, sources across, each source's figure in its cell.

Reading across a row shows how one claim moved between reports. Sources are
ordered by date, and each cell says how it relates to the oldest figure: the
same (=), different (≠, in the theme's error colour) or missing (—), so the
table reads without colour too. What each cell says is decided by
``core.views.claim_grid``; this screen paints it. Enter opens the passage.
A column is headed by its source's name, at most ``short_names.WIDTH`` cells
(the part that tells it from the others kept), and its date. When sources are
off the screen, the line under the table says how many, and which way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.worker import get_current_worker

from newsdiff.app.failures import ReportsFailures
from newsdiff.app.messages import OpenPassage
from newsdiff.app.widgets.key_line import KeyLine
from newsdiff.app.widgets.passage_text import visible
from newsdiff.core.model import Alignment
from newsdiff.core.views.claim_grid import column_labels
from newsdiff.core.views.rows import article_by_id
from newsdiff.core.views.short_names import short_names

if TYPE_CHECKING:
    from newsdiff.core.views.claim_grid import ClaimGrid as Grid

_PREFIX = "claim-grid"
_MARKS = {"first": "", "same": "= ", "differ": "≠ ", "missing": ""}


class ClaimGrid(DataTable, inherit_bindings=False):
    """The table, with its keys named so users can remap them."""

    COMPONENT_CLASSES: ClassVar[set[str]] = DataTable.COMPONENT_CLASSES | {
        f"{_PREFIX}--differ",
        f"{_PREFIX}--same",
        f"{_PREFIX}--missing",
        f"{_PREFIX}--first",
    }
    DEFAULT_CSS = """
    ClaimGrid { height: 1fr; }
    ClaimGrid > .claim-grid--differ { text-style: bold underline; background: $error 30%; }
    ClaimGrid > .claim-grid--same { background: $success 20%; }
    ClaimGrid > .claim-grid--missing { color: $text-muted; }
    ClaimGrid > .claim-grid--first { text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Passage", id="claims.open_passage"),
        Binding("k,up", "cursor_up", "Up", id="claims.cursor_up", show=False),
        Binding("j,down", "cursor_down", "Down", id="claims.cursor_down", show=False),
        Binding("l,right", "cursor_right", "Right", id="claims.cursor_right", show=False),
        Binding("h,left", "cursor_left", "Left", id="claims.cursor_left", show=False),
        Binding("pageup", "page_up", "Page up", id="claims.page_up", show=False),
        Binding("pagedown", "page_down", "Page down", id="claims.page_down", show=False),
        Binding("home,g", "scroll_top", "Top", id="claims.top", show=False),
        Binding("end,G", "scroll_bottom", "Bottom", id="claims.bottom", show=False),
    ]


class ClaimsScreen(ReportsFailures, Screen[None]):
    """Every claim with figures, and what each source says about it."""

    CSS_PATH = "claims.tcss"
    WORK: ClassVar[dict[str, str]] = {"claims": "Could not build the claim table"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "back", "Back", id="claims.back"),
    ]

    def __init__(self, alignment: Alignment, *, heading: str | None = None) -> None:
        super().__init__()
        self.alignment = alignment
        self.heading = heading  # which story, when the folder holds several
        self.grid: Grid | None = None
        # (row, column) -> (article id, passage index) for enter
        self._targets: dict[tuple[int, int], tuple[str, int]] = {}

    @property
    def table(self) -> Grid | None:
        """The grid once the worker has built it."""
        return self.grid

    def compose(self) -> ComposeResult:
        yield Static(id="claims-summary")
        # the claim column stays when the sources scroll by: a row without it says nothing
        yield ClaimGrid(
            id="claims", cursor_type="cell", zebra_stripes=True, header_height=2, fixed_columns=1
        )
        yield Static(id="claims-more")
        yield Static(id="claims-passage")
        yield KeyLine()

    def on_mount(self) -> None:
        # Facts are extracted for every clustered passage: seconds on two
        # 2,000-sentence reports, so the table is built off the UI thread.
        table = self.query_one(ClaimGrid)
        table.loading = True
        self.query_one("#claims-more", Static).display = False
        self.watch(table, "scroll_x", self._show_more, init=False)
        self._build()

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_more)

    def _show_more(self) -> None:
        """Say how many sources are (partly) off the screen, left and right: at 80
        columns the third source's heading was cut at the edge, no sign of more."""
        table = self.query_one(ClaimGrid)
        before, after = off_screen(
            [column.get_render_width(table) for column in table.ordered_columns],
            fixed=table.fixed_columns,
            scroll_x=int(table.scroll_x),
            width=table.scrollable_content_region.width,
        )
        line = self.query_one("#claims-more", Static)
        line.display = bool(table.display and (before or after))
        parts = [f"← {before} source{'' if before == 1 else 's'} before"] if before else []
        if after:
            parts.append(f"→ {after} more source{'' if after == 1 else 's'}")
        if len(parts) == 1:  # the way to them, while the line has room
            parts.append("→ scrolls right" if after else "← scrolls back")
        line.update(" · ".join(parts))

    def show_alignment(self, alignment: Alignment) -> None:
        """The table again from new pairs (the second pass); the cursor keeps its cell."""
        self.alignment = alignment
        if self.is_mounted:
            self._build()

    @work(thread=True, exclusive=True, exit_on_error=False, group="claims")
    def _build(self) -> None:
        from newsdiff.core.views.claim_grid import claim_grid
        from newsdiff.core.views.claims import claim_table

        grid = claim_grid(claim_table(self.alignment), self.alignment.articles)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, grid)

    def on_worker_state_changed(self, event) -> None:  # type: ignore[no-untyped-def]
        super().on_worker_state_changed(event)  # the app words the failure
        if event.worker.is_finished and self.grid is None and self.is_attached:
            self.query_one(ClaimGrid).loading = False

    def _show(self, grid: Grid) -> None:
        if not self.is_attached:  # the user left before the table was ready
            return
        self.grid = grid
        table = self.query_one(ClaimGrid)
        table.loading = False
        kept = table.cursor_coordinate if table.columns else None
        table.clear(columns=True)  # built again from a second pass's pairs
        table.display = True
        self._targets.clear()
        self.query_one("#claims-summary", Static).update(
            Text.assemble(
                (f"{visible(self.heading)}\n" if self.heading else "", "bold"),
                (f"{len(grid.rows)}", "bold"),
                f" claim{'' if len(grid.rows) == 1 else 's'} with figures told by more than one"
                " report · ",
                (f"{grid.differing}", "bold"),
                " where the figures differ · = same as the oldest report telling it, ≠ differs,"
                " — not told",
            )
        )
        if not grid.rows:
            table.display = False
            self.query_one("#claims-passage", Static).update(
                "No figure is told by more than one report, so there is nothing to set side "
                "by side. Compare two reports (enter on the list) to read them passage by passage."
            )
            return
        self._fill(table, grid)
        if kept is not None:
            table.cursor_coordinate = kept  # clamped to the new table by the DataTable
        self.call_after_refresh(self._show_more)  # once the columns are laid out
        table.focus()
        # focus given from a worker callback does not reach the footer by itself
        self.call_after_refresh(self.refresh_bindings)

    def _fill(self, table: ClaimGrid, grid: Grid) -> None:
        styles = {
            kind: table.get_component_rich_style(f"{_PREFIX}--{kind}", partial=True)
            for kind in _MARKS
        }
        table.add_column("claim", key="claim")
        # names sharing a long prefix read alike when a wide column is cut at the edge
        names = short_names([visible(label) for label in column_labels(grid.sources)])
        for article, name in zip(grid.sources, names, strict=True):
            label = Text(name, style="bold")
            if article.date:
                label.append(f"\n{article.date[:10]}", style="dim")
            table.add_column(label, key=article.id)
        for row, claim in enumerate(grid.rows):
            mark = "≠ " if claim.differs else "  "
            cells = [Text(mark + visible(claim.label), style="bold")]
            for column, cell in enumerate(claim.cells, start=1):
                text = _MARKS[cell.agreement] + visible(cell.text)
                cells.append(Text(text, style=styles[cell.agreement]))
                if cell.target is not None:
                    self._targets[(row, column)] = cell.target
            self._targets[(row, 0)] = claim.target
            table.add_row(*cells, height=None, key=str(row))

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        target = self._target(event.coordinate.row, event.coordinate.column)
        passage = self.query_one("#claims-passage", Static)
        if target is None:
            passage.update("")
            return
        article_id, index = target
        article = article_by_id(self.alignment, article_id)
        text = Text(f"{visible(article.source or article.id)} §{index + 1}: ", style="dim")
        text.append(visible(article.sentences[index].text))
        passage.update(text)

    def _target(self, row: int, column: int) -> tuple[str, int] | None:
        return self._targets.get((row, column)) or self._targets.get((row, 0))

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        target = self._target(event.coordinate.row, event.coordinate.column)
        if target is not None:
            self.post_message(OpenPassage(*target))

    def action_back(self) -> None:
        self.dismiss()


def off_screen(widths: list[int], *, fixed: int, scroll_x: int, width: int) -> tuple[int, int]:
    """How many columns after the first ``fixed`` are not whole in view, left and right,
    the table ``width`` cells wide scrolled by ``scroll_x`` (the fixed ones stay put).

    >>> off_screen([10, 20, 20, 20], fixed=1, scroll_x=0, width=50)
    (0, 1)
    >>> off_screen([10, 20, 20, 20], fixed=1, scroll_x=25, width=50)
    (2, 0)
    """
    shown_from, shown_to = scroll_x + sum(widths[:fixed]), scroll_x + width
    before = after = start = 0
    for index, cells in enumerate(widths):
        end = start + cells
        if index >= fixed:
            before += start < shown_from
            after += end > shown_to and start >= shown_from
        start = end
    return before, after
