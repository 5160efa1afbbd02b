"""The comparison screen: two reports side by side, paired passages on one row.

The screen owns which two reports are shown, which side is which, whether
unpaired passages show and what is searched; the row plan, the counts, the
fact notes and the matches come from ``core.views`` and the drawing from
``ComparisonView``. Other screens are asked for by message.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Static

from newsdiff.app.failures import ReportsFailures
from newsdiff.app.messages import OpenClaims, OpenPassage
from newsdiff.app.screens.compare_search import SearchesRows
from newsdiff.app.screens.save_report import WritesReports, report_path
from newsdiff.app.widgets.comparison_view import ComparisonView
from newsdiff.app.widgets.key_line import KeyLine
from newsdiff.app.widgets.passage_text import legend_content, visible
from newsdiff.app.widgets.search_bar import SearchBar
from newsdiff.app.widgets.status_line import StatusLine
from newsdiff.core.model import Alignment, Article
from newsdiff.core.views.header import fit_parts, title_meta
from newsdiff.core.views.notes import row_note, side_names
from newsdiff.core.views.rows import (
    Row,
    article_by_id,
    comparison_counts,
    find_row,
    opening_row,
    partner_row,
    row_of_passage,
    side_by_side,
)
from newsdiff.core.views.search import Match, find_matches

__all__ = ["CompareScreen", "report_path"]
Side = Literal["left", "right"]


class CompareScreen(ReportsFailures, SearchesRows, WritesReports, Screen[None]):
    """Compare ``left_id`` with ``right_id``; ``row`` puts the cursor on that row."""

    CSS_PATH = "compare.tcss"
    WORK: ClassVar[dict[str, str]] = {"report": "Could not write the report"}

    # The footer shows the first few in this order (80 columns hold them); the
    # rest are in ? and the command palette.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_pair", "Next", id="compare.next_pair"),
        Binding("d", "next_difference", "Diff", id="compare.next_difference"),
        Binding("slash,ctrl+f", "search", "Search", id="compare.search", priority=True),
        Binding("enter", "open_passage", "Passage", id="compare.open_passage"),
        Binding("p", "partner", "Partner", id="compare.partner"),
        Binding("l", "toggle_legend", "Legend", id="compare.legend"),
        Binding("q,escape", "back", "Back", id="compare.back"),
        Binding("N", "previous_pair", "Prev pair", id="compare.previous_pair", show=False),
        Binding(
            "D", "previous_difference", "Prev diff", id="compare.previous_difference", show=False
        ),
        Binding("f,f3", "next_match", "Next found", id="compare.next_match", show=False),
        Binding(
            "F,shift+f3", "previous_match", "Prev found", id="compare.previous_match", show=False
        ),
        Binding("tab", "switch_side", "Column", id="compare.switch_side", show=False),
        Binding("s", "swap", "Swap sides", id="compare.swap", show=False),
        Binding(
            "right_square_bracket,right",
            "next_report",
            "Next report",
            id="compare.next_report",
            show=False,
        ),
        Binding(
            "left_square_bracket,left",
            "previous_report",
            "Prev report",
            id="compare.previous_report",
            show=False,
        ),
        Binding("u", "toggle_paired", "Only paired", id="compare.toggle_paired", show=False),
        Binding("t", "claims", "Claim table", id="compare.claims", show=False),
        Binding("w", "write_report('html')", "Write report", id="compare.write_report", show=False),
        Binding(
            "W",
            "write_report('markdown')",
            "Write Markdown report",
            id="compare.write_report_markdown",
            show=False,
        ),
    ]

    def __init__(
        self, alignment: Alignment, left_id: str, right_id: str, *, row: int | None = None
    ) -> None:
        super().__init__()
        self.alignment = alignment
        self.left_id = left_id
        self.right_id = right_id
        self.paired_only = False
        self.query_text = ""
        self.matches: tuple[Match, ...] = ()
        self._rows = side_by_side(alignment, left_id, right_id)
        self._counts = comparison_counts(alignment, left_id, right_id)
        self._start_row = row if row is not None else opening_row(self._rows)
        self._jumped_from: tuple[int, Side] | None = None

    # -- composition -----------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="compare-titles"):
            yield Static(id="left-title", classes="report-title")
            yield Static(id="right-title", classes="report-title")
        yield StatusLine(id="compare-counts")
        yield Static(id="compare-legend")
        yield ComparisonView(self._rows, cursor_row=self._start_row, id="comparison")
        yield StatusLine(id="compare-notes")
        yield SearchBar(id="compare-search")
        yield KeyLine()

    def on_mount(self) -> None:
        self.query_one("#compare-legend").display = False
        self._update_titles()
        self._update_header()
        self.view.focus()

    @property
    def view(self) -> ComparisonView:
        return self.query_one(ComparisonView)

    @property
    def cursor_row(self) -> int:
        return self.view.cursor_row

    @property
    def rows(self) -> tuple[Row, ...]:
        return self._rows

    def _article(self, article_id: str) -> Article:
        return article_by_id(self.alignment, article_id)

    def _title_block(self, article: Article, focused: bool) -> Content:
        mark = "▶ " if focused else "  "
        # half the screen, less the padding and the indent: the date stays whole
        meta = title_meta(article, max(12, (self.size.width or 80) // 2 - 4))
        return Content.assemble(
            (mark, "bold"),
            (visible(article.title.replace("\n", " ")), "bold"),
            "\n  ",
            (visible(meta), "dim"),
        )

    def _update_titles(self) -> None:
        side = self.view.focused_side
        self.query_one("#left-title", Static).update(
            self._title_block(self._article(self.left_id), side == "left")
        )
        self.query_one("#right-title", Static).update(
            self._title_block(self._article(self.right_id), side == "right")
        )
        self.sub_title = f"{self.left_id} ↔ {self.right_id}"

    def legend_content(self) -> Content:
        """The legend of every mark, in the theme's styles (also shown by ?)."""
        return legend_content(self.view.highlight_styles())

    def _update_header(self) -> None:
        rows, counts = self._rows, self._counts
        # most important first: at 80 columns the legend hint and the row go first
        parts = [
            Content.assemble(
                (f"{counts.pairs}", "bold"), f" pair{'' if counts.pairs == 1 else 's'}"
            ),
            Content.assemble((f"{counts.facts_differ}", "bold"), " with facts differing"),
        ]
        if self._apart():
            # the note that said so is gone in seconds; "0 pairs" alone reads as a failure
            parts[1] = Content("different stories: nothing pairs across")
        if self.query_text:
            found = len(self.matches)
            parts.append(Content(visible(f"“{self.query_text}”: {found} found")))
        if self.paired_only:
            parts.append(Content("only paired"))
        parts.append(Content(f"row {self.cursor_row + 1 if rows else 0}/{len(rows)}"))
        parts.append(Content("l legend"))
        kept = fit_parts([p.cell_length for p in parts], (self.size.width or 80) - 2)
        shown = [parts[i] for i in kept]
        self.query_one("#compare-counts", StatusLine).content = Content(" · ").join(shown)
        self._update_notes()

    def _apart(self) -> bool:
        """Whether the two reports are of different stories (compared on purpose)."""
        stories = self.alignment.stories
        return bool(stories) and not any(
            self.left_id in story and self.right_id in story for story in stories
        )

    def on_resize(self) -> None:
        self._update_titles()
        self._update_header()

    def _update_notes(self) -> None:
        left, right = side_names(self._article(self.left_id), self._article(self.right_id))
        text = visible(row_note(self.view.current_row, left=left, right=right))
        if self.paired_only and not self._rows:  # an empty screen would look broken
            text = "no passage of these two reports is paired · u shows every passage"
        notes_line = self.query_one("#compare-notes", StatusLine)
        notes_line.content = Content.styled(text, "italic") if text else Content("")

    def on_comparison_view_cursor_moved(self, message: ComparisonView.CursorMoved) -> None:
        self._update_header()

    # -- rebuilding the plan ---------------------------------------------

    def _show(self, left_id: str, right_id: str, *, keep: tuple[str, int] | None) -> None:
        """Show another plan, keeping the cursor on passage ``keep`` = (article, index)."""
        self.left_id, self.right_id = left_id, right_id
        self._rows = side_by_side(self.alignment, left_id, right_id, paired_only=self.paired_only)
        self._counts = comparison_counts(self.alignment, left_id, right_id)
        self._jumped_from = None
        row = None
        if keep is not None:
            article, index = keep
            side: Side = "left" if article == left_id else "right"
            if article in (left_id, right_id):
                row = row_of_passage(self._rows, index, side=side)
        if row is None:
            row = opening_row(self._rows)
        self.matches = find_matches(self._rows, self.query_text) if self.query_text else ()
        self.view.set_rows(self._rows, cursor_row=row, matches=self.matches)
        self._update_titles()
        self._update_header()

    def show_alignment(self, alignment: Alignment) -> None:
        """The same two reports with new pairs (the second pass); the cursor keeps its passage."""
        self.alignment = alignment
        if self.is_mounted:
            try:
                self._show(self.left_id, self.right_id, keep=self._kept_passage())
                return
            except NoMatches:
                # the pass landed while the screen was being built or taken down
                pass
        self._rows = side_by_side(alignment, self.left_id, self.right_id)
        self._counts = comparison_counts(alignment, self.left_id, self.right_id)

    def _kept_passage(self) -> tuple[str, int] | None:
        row = self.view.current_row
        if row is None:
            return None
        if row.left is not None:
            return (self.left_id, row.left.index)
        assert row.right is not None
        return (self.right_id, row.right.index)

    def _other_reports(self) -> list[str]:
        return [a.id for a in self.alignment.articles if a.id != self.left_id]

    # -- moving ----------------------------------------------------------

    def _jump(self, step: int, want: str) -> None:
        target = find_row(self._rows, self.cursor_row, step=step, want=want)  # type: ignore[arg-type]
        if target is None:
            what = "pair" if want == "paired" else "fact difference"
            self.notify(f"No {what} {'below' if step > 0 else 'above'}", timeout=2)
            return
        self.view.move_to(target)

    def action_next_pair(self) -> None:
        self._jump(1, "paired")

    def action_previous_pair(self) -> None:
        self._jump(-1, "paired")

    def action_next_difference(self) -> None:
        self._jump(1, "facts-differ")

    def action_previous_difference(self) -> None:
        self._jump(-1, "facts-differ")

    def action_partner(self) -> None:
        """Jump to the partner of a ↔ passage; again, and back to where the jump began."""
        view = self.view
        here = (view.cursor_row, view.focused_side)
        if self._jumped_from is not None and self._last_target == here:
            target: tuple[int, Side] | None = self._jumped_from
        else:
            target = (
                partner_row(self._rows, view.cursor_row, view.focused_side) if self._rows else None
            )
        if target is None:
            self.notify("This passage has no partner on another row", timeout=2)
            return
        self._jumped_from, self._last_target = here, target
        view.focused_side = target[1]
        view.move_to(target[0])
        self._update_titles()

    _last_target: tuple[int, Side] | None = None

    def action_switch_side(self) -> None:
        view = self.view
        view.focused_side = "right" if view.focused_side == "left" else "left"
        self._update_titles()

    def action_swap(self) -> None:
        keep = self._kept_passage()
        side = self.view.focused_side
        self.view.focused_side = "right" if side == "left" else "left"
        self._show(self.right_id, self.left_id, keep=keep)

    def _cycle(self, step: int) -> None:
        others = self._other_reports()
        if len(others) < 2:
            self.notify("No other report to compare with", timeout=2)
            return
        index = others.index(self.right_id) if self.right_id in others else -step
        right = others[(index + step) % len(others)]
        row = self.view.current_row
        keep = (self.left_id, row.left.index) if row is not None and row.left else None
        self._show(self.left_id, right, keep=keep)

    def action_next_report(self) -> None:
        self._cycle(1)

    def action_previous_report(self) -> None:
        self._cycle(-1)

    def action_toggle_paired(self) -> None:
        self.paired_only = not self.paired_only
        self._show(self.left_id, self.right_id, keep=self._kept_passage())

    def action_toggle_legend(self) -> None:
        legend = self.query_one("#compare-legend", Static)
        legend.display = not legend.display
        if legend.display:
            legend.update(self.legend_content())

    # -- other screens ---------------------------------------------------

    def action_open_passage(self) -> None:
        row = self.view.current_row
        if row is None:
            return
        side = self.view.focused_side
        passage = row.left if side == "left" else row.right
        article = self.left_id if side == "left" else self.right_id
        if passage is None:  # empty cell: open what stands opposite
            passage = row.right if side == "left" else row.left
            article = self.right_id if side == "left" else self.left_id
        assert passage is not None
        self.post_message(OpenPassage(article, passage.index))

    def action_claims(self) -> None:
        # the claim table of the left report's story, not of the whole folder
        self.post_message(OpenClaims(self.left_id))

    def action_back(self) -> None:
        self.dismiss()
