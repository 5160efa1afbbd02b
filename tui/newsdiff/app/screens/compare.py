"""The comparison screen: two reports side by side, paired passages on one row.

The screen owns which two reports are shown, which side is which and whether
unpaired passages show; the row plan comes from ``newsdiff.core.views.rows`` and the
drawing from ``ComparisonView``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import ClassVar, Literal

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

from newsdiff.app.widgets.comparison_view import ComparisonView
from newsdiff.core.model import Alignment, Article
from newsdiff.core.views.rows import (
    Row,
    article_by_id,
    count_fact_differences,
    find_row,
    row_of_passage,
    side_by_side,
)


class StatusLine(Widget):
    """One line of text that repaints without asking for a new layout.

    ``Static.update`` re-lays out the whole screen; the counts line changes on
    every cursor move, and a layout pass per key is what made ``n`` slow.
    """

    DEFAULT_CSS = "StatusLine { height: 1; }"
    content: reactive[Content] = reactive(Content(""), layout=False)

    def render(self) -> Content:
        return self.content


class CompareScreen(Screen[None]):
    """Compare ``left_id`` with ``right_id``; ``row`` puts the cursor on that row."""

    CSS_PATH = "compare.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_pair", "Next pair", id="compare.next_pair"),
        Binding("N", "previous_pair", "Prev pair", id="compare.previous_pair"),
        Binding("d", "next_difference", "Next diff", id="compare.next_difference"),
        Binding("D", "previous_difference", "Prev diff", id="compare.previous_difference"),
        Binding("tab", "switch_side", "Column", id="compare.switch_side"),
        Binding("s", "swap", "Swap", id="compare.swap"),
        Binding(
            "right_square_bracket,right", "next_report", "Next report", id="compare.next_report"
        ),
        Binding(
            "left_square_bracket,left",
            "previous_report",
            "Prev report",
            id="compare.previous_report",
        ),
        Binding("u", "toggle_paired", "Only paired", id="compare.toggle_paired"),
        Binding("enter", "open_passage", "Passage", id="compare.open_passage"),
        Binding("t", "claims", "Claims", id="compare.claims"),
        Binding("w", "write_report('html')", "Write report", id="compare.write_report"),
        Binding(
            "W",
            "write_report('markdown')",
            "Write Markdown report",
            id="compare.write_report_markdown",
            show=False,
        ),
        Binding("q,escape", "back", "Back", id="compare.back"),
    ]

    def __init__(
        self, alignment: Alignment, left_id: str, right_id: str, *, row: int | None = None
    ) -> None:
        super().__init__()
        self.alignment = alignment
        self.left_id = left_id
        self.right_id = right_id
        self.paired_only = False
        self._rows = side_by_side(alignment, left_id, right_id)
        self._counts = _counts(self._rows)
        self._start_row = row if row is not None else (find_row(self._rows, -1) or 0)

    # -- composition -----------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="compare-titles"):
            yield Static(id="left-title", classes="report-title")
            yield Static(id="right-title", classes="report-title")
        yield StatusLine(id="compare-counts")
        yield ComparisonView(self._rows, cursor_row=self._start_row, id="comparison")
        yield Footer()

    def on_mount(self) -> None:
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
        meta = " · ".join(x for x in (article.source, article.date, article.id) if x)
        return Content.assemble(
            (mark, "bold"), (article.title.replace("\n", " "), "bold"), "\n  ", (meta, "dim")
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

    def _update_header(self) -> None:
        rows = self._rows
        pairs, differ = self._counts
        plural = "" if pairs == 1 else "s"
        shown = "only paired" if self.paired_only else "all passages"
        counts = Content.assemble(
            (f"{pairs}", "bold"),
            f" pair{plural} · ",
            (f"{differ}", "bold"),
            " fact difference · " if differ == 1 else " fact differences · ",
            f"row {self.cursor_row + 1 if rows else 0}/{len(rows)} · {shown}   ",
            ("≡", "bold"),
            " identical  ",
            ("≈", "bold"),
            " reworded  ",
            ("≠", "bold"),
            " facts differ  ",
            ("↔", "bold"),
            " paired on another row",
        )
        self.query_one("#compare-counts", StatusLine).content = counts

    def on_comparison_view_cursor_moved(self, message: ComparisonView.CursorMoved) -> None:
        self._update_header()

    # -- rebuilding the plan ---------------------------------------------

    def _show(self, left_id: str, right_id: str, *, keep: tuple[str, int] | None) -> None:
        """Show another plan, keeping the cursor on passage ``keep`` = (article, index)."""
        self.left_id, self.right_id = left_id, right_id
        self._rows = side_by_side(self.alignment, left_id, right_id, paired_only=self.paired_only)
        self._counts = _counts(self._rows)
        row = None
        if keep is not None:
            article, index = keep
            side: Literal["left", "right"] = "left" if article == left_id else "right"
            if article in (left_id, right_id):
                row = row_of_passage(self._rows, index, side=side)
        if row is None:
            row = find_row(self._rows, -1) or 0
        self.view.set_rows(self._rows, cursor_row=row)
        self._update_titles()
        self._update_header()

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

    # -- actions ---------------------------------------------------------

    def _jump(self, step: int, want: str) -> None:
        target = find_row(self._rows, self.cursor_row, step=step, want=want)  # type: ignore[arg-type]
        if target is None:
            what = "pair" if want == "paired" else "fact difference"
            where = "below" if step > 0 else "above"
            self.notify(f"No {what} {where}", timeout=2)
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

    def action_open_passage(self) -> None:
        row = self.view.current_row
        if row is None:
            return
        from newsdiff.app.screens.passage import PassageScreen

        side = self.view.focused_side
        passage = row.left if side == "left" else row.right
        article = self.left_id if side == "left" else self.right_id
        if passage is None:  # empty cell: open what stands opposite
            passage = row.right if side == "left" else row.left
            article = self.right_id if side == "left" else self.left_id
        assert passage is not None
        self.app.push_screen(PassageScreen(self.alignment, article, passage.index))

    def action_claims(self) -> None:
        from newsdiff.app.screens.claims import ClaimsScreen

        self.app.push_screen(ClaimsScreen(self.alignment))

    def action_write_report(self, format: str = "html") -> None:
        self._write_report(format, self.left_id, self.right_id)

    @work(thread=True, group="report", exit_on_error=False)
    def _write_report(self, format: str, left_id: str, right_id: str) -> None:
        # Rendering a long pair takes a moment: off the UI thread, told when done.
        from newsdiff.core.export.report import save_report
        from newsdiff.core.views.subset import restrict

        target: Path | str = "the working folder"
        try:
            target = report_path(Path.cwd(), left_id, right_id, format)
            save_report(restrict(self.alignment, (left_id, right_id)), target, format=format)
        except (OSError, ValueError) as error:
            self.app.call_from_thread(
                partial(self.notify, markup=False),  # a file name is data, not markup
                f"Could not write {target}: {error}",
                severity="error",
            )
            return
        self.app.call_from_thread(
            partial(self.notify, markup=False), f"Report written to {target}", timeout=8
        )

    def action_back(self) -> None:
        self.dismiss()


def report_path(folder: Path, left_id: str, right_id: str, format: str) -> Path:
    """A new file in ``folder`` for the report of this comparison; never an existing file."""
    suffix = {"html": ".html", "markdown": ".md", "json": ".json"}[format]
    stem = f"newsdiff-{left_id}-vs-{right_id}"
    target = folder / f"{stem}{suffix}"
    number = 2
    while target.exists():
        target = folder / f"{stem}-{number}{suffix}"
        number += 1
    return target


def _counts(rows: tuple[Row, ...]) -> tuple[int, int]:
    """Pairs and differing facts, counted once per plan rather than per key."""
    return sum(1 for r in rows if r.pair is not None), count_fact_differences(rows)
