"""Two reports side by side, one row per passage pair, drawn with the Line API.

The row plan comes from ``newsdiff.core.views.rows``; this widget only wraps and
paints it. Every row's height is known up front from plain-text wrapping (cheap),
while styled lines are built only for rows on screen and cached, so moving the
cursor on two 2,000-sentence reports repaints two rows, not the document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.content import Content, Span
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from newsdiff.app.widgets.passage_text import (
    component_classes,
    highlight_css,
    passage_content,
    relation_mark,
    resolve_styles,
    visible,
)
from newsdiff.app.widgets.wrap import wrap_offsets
from newsdiff.core.views.rows import Row
from newsdiff.core.views.search import Match

Side = Literal["left", "right"]
_PREFIX = "comparison-view"
GUTTER = 8  # "≠ 0.82 ", or "↔ right" and a space before the cell
SEPARATOR = " │ "


class ComparisonView(ScrollView, can_focus=True, inherit_bindings=False):
    """The two columns of a comparison, with a row cursor and a focused column."""

    COMPONENT_CLASSES: ClassVar[set[str]] = component_classes(_PREFIX) | {
        f"{_PREFIX}--cursor",
        f"{_PREFIX}--cursor-cell",
        f"{_PREFIX}--separator",
    }

    DEFAULT_CSS = """
    ComparisonView {
        height: 1fr;
        overflow-y: scroll;
        overflow-x: hidden;
        background: $surface;
    }
    ComparisonView > .comparison-view--cursor { background: $foreground 8%; }
    ComparisonView > .comparison-view--cursor-cell { background: $primary 20%; }
    ComparisonView:focus > .comparison-view--cursor-cell { background: $primary 22%; }
    ComparisonView > .comparison-view--separator { color: $foreground 25%; }
    """ + highlight_css("ComparisonView", _PREFIX)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", id="compare.cursor_down", show=False),
        Binding("k,up", "cursor_up", "Up", id="compare.cursor_up", show=False),
        Binding("pagedown,space", "page_down", "Page down", id="compare.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="compare.page_up", show=False),
        Binding("home,g", "first", "First row", id="compare.first", show=False),
        Binding("end,G", "last", "Last row", id="compare.last", show=False),
    ]

    @dataclass
    class CursorMoved(Message):
        """The cursor went to another row."""

        row: int

    cursor_row: reactive[int] = reactive(0, layout=False, repaint=False)
    focused_side: reactive[Side] = reactive("left", repaint=False)

    def __init__(
        self,
        rows: Sequence[Row] = (),
        *,
        cursor_row: int = 0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: tuple[Row, ...] = tuple(rows)
        self._tops: list[int] = [0]
        self._wraps: list[tuple[list[tuple[int, int]], list[tuple[int, int]]]] = []
        self._layout_width = -1
        self._cells: LRUCache[tuple[int, Side], Content] = LRUCache(1024)
        self._lines: LRUCache[tuple, Strip] = LRUCache(2048)
        self._styles: dict[str, Style] | None = None
        self._matches: dict[tuple[int, Side], list[tuple[int, int]]] = {}
        self.set_reactive(ComparisonView.cursor_row, self._clamp(cursor_row))

    # -- data ------------------------------------------------------------

    @property
    def rows(self) -> tuple[Row, ...]:
        return self._rows

    @property
    def current_row(self) -> Row | None:
        """The row under the cursor, or None when there are no rows."""
        if not self._rows:
            return None
        return self._rows[self.cursor_row]

    def set_rows(
        self, rows: Sequence[Row], *, cursor_row: int = 0, matches: Sequence[Match] = ()
    ) -> None:
        """Show a new row plan (other report, swapped sides, only-paired)."""
        self._rows = tuple(rows)
        self._matches = _by_cell(matches)
        self._cells.clear()
        self._lines.clear()
        self._layout_width = -1
        self._relayout()
        self.set_reactive(ComparisonView.cursor_row, self._clamp(cursor_row))
        self.scroll_to_cursor(center=True)
        self.refresh()

    def set_matches(self, matches: Sequence[Match]) -> None:
        """Mark these search matches (empty: none)."""
        self._matches = _by_cell(matches)
        self._cells.clear()
        self._lines.clear()
        self.refresh()

    def _clamp(self, row: int) -> int:
        return max(0, min(row, len(self._rows) - 1)) if self._rows else 0

    # -- layout ----------------------------------------------------------

    def _column_widths(self, width: int) -> tuple[int, int]:
        room = max(2, width - GUTTER - len(SEPARATOR))
        left = room // 2
        return left, room - left

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._layout_width:
            return
        self._layout_width = width
        left_w, right_w = self._column_widths(width)
        tops = [0]
        wraps = []
        for row in self._rows:
            left = self._wrap_cell(row, "left", left_w)
            right = self._wrap_cell(row, "right", right_w)
            wraps.append((left, right))
            tops.append(tops[-1] + max(len(left), len(right), 1) + 1)  # + spacer line
        self._tops, self._wraps = tops, wraps
        self._lines.clear()
        self.virtual_size = Size(width, tops[-1])

    @staticmethod
    def _label(row: Row, side: Side) -> str:
        pos = row.left_position if side == "left" else row.right_position
        return f"{pos} " if pos is not None else ""

    def _wrap_cell(self, row: Row, side: Side, width: int) -> list[tuple[int, int]]:
        passage = row.left if side == "left" else row.right
        if passage is None:
            return []
        # wrapped as painted: ``visible`` keeps offsets and gives each character its cells
        return wrap_offsets(self._label(row, side) + visible(passage.text), width)

    def on_resize(self, event: Resize) -> None:
        self._relayout()
        self.scroll_to_cursor()

    def on_mount(self) -> None:
        self._relayout()
        self.call_after_refresh(self.scroll_to_cursor, center=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # The theme changed: highlight colours and cached lines are stale.
        self._styles = None
        self._cells.clear()
        self._lines.clear()

    def row_region(self, row: int) -> Region:
        """The row's region in the virtual (scrollable) space."""
        top = self._tops[row]
        return Region(0, top, max(1, self._layout_width), self._tops[row + 1] - top)

    def row_at(self, y: int) -> int | None:
        """The row drawn at virtual line ``y``."""
        if not self._rows or y < 0 or y >= self._tops[-1]:
            return None
        return bisect_right(self._tops, y) - 1

    def scroll_to_cursor(self, *, center: bool = False) -> None:
        if not self._rows or len(self._tops) <= self.cursor_row + 1:
            return
        region = self.row_region(self.cursor_row)
        self.scroll_to_region(region, animate=False, center=center, force=True, immediate=True)

    # -- cursor ----------------------------------------------------------

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.scroll_to_cursor()
        for row in (old, new):
            self._refresh_row(row)
        self.post_message(self.CursorMoved(new))

    def watch_focused_side(self) -> None:
        self._refresh_row(self.cursor_row)

    def _refresh_row(self, row: int) -> None:
        if 0 <= row < len(self._tops) - 1:
            region = self.row_region(row).translate((0, -int(self.scroll_offset.y)))
            self.refresh(region)

    def move_to(self, row: int) -> None:
        self.cursor_row = self._clamp(row)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor_row - 1)

    def action_page_down(self) -> None:
        row = self.row_at(self._tops[self.cursor_row] + self.scrollable_content_region.height)
        self.move_to(len(self._rows) - 1 if row is None else max(row, self.cursor_row + 1))

    def action_page_up(self) -> None:
        row = self.row_at(self._tops[self.cursor_row] - self.scrollable_content_region.height)
        self.move_to(0 if row is None else min(row, self.cursor_row - 1))

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self._rows) - 1)

    def on_click(self, event: Click) -> None:
        row = self.row_at(event.y + int(self.scroll_offset.y))
        if row is not None:
            self.move_to(row)
            self.focused_side = (
                "left"
                if event.x < GUTTER + self._column_widths(self._layout_width)[0] + 1
                else "right"
            )

    # -- painting --------------------------------------------------------

    def highlight_styles(self) -> dict[str, Style]:
        """The theme's style of each highlight kind, as this widget paints them."""
        return self._highlight_styles()

    def _highlight_styles(self) -> dict[str, Style]:
        if self._styles is None:
            self._styles = resolve_styles(self, _PREFIX)
        return self._styles

    def _cell(self, index: int, side: Side) -> Content:
        key = (index, side)
        cached = self._cells.get(key)
        if cached is not None:
            return cached
        row = self._rows[index]
        passage = row.left if side == "left" else row.right
        if passage is None:
            content = Content("")
        else:
            styles = self._highlight_styles()
            label = Content.styled(self._label(row, side), styles["position"])
            opposite = row.right if side == "left" else row.left
            other = opposite.text if opposite is not None and row.pair is not None else ""
            # the same claim, not paired directly: its words and facts unmarked
            pair = None if row.same_claim else row.pair
            content = label + passage_content(passage, pair, side=side, styles=styles, other=other)
            found = self._matches.get(key)
            if found:
                shift = len(label.plain)
                spans = [Span(s + shift, e + shift, styles["match"]) for s, e in found]
                content = Content(content.plain, [*content.spans, *spans])
        self._cells[key] = content
        return content

    def _gutter(self, row: Row) -> Content:
        styles = self._highlight_styles()
        if row.pair is not None:
            mark = "~" if row.same_claim else relation_mark(row.pair)
            return Content.assemble((mark, styles["mark"]), f" {row.pair.score:.2f} ")
        if row.others:
            # which column's passage is paired elsewhere, when both columns hold one
            side = "both" if row.left_links and row.right_links else ""
            if not side and row.left is not None and row.right is not None:
                side = "left" if row.left_links else "right"
            return Content.assemble(("↔", styles["mark"]), f" {side}" if side else "")
        return Content("")

    def render_line(self, y: int) -> Strip:
        self._relayout()
        width = self._layout_width
        vy = y + int(self.scroll_offset.y)
        index = self.row_at(vy)
        base = self.visual_style
        if index is None:
            return Strip.blank(max(width, 0), base.rich_style)
        line = vy - self._tops[index]
        is_cursor = index == self.cursor_row
        key = (
            index,
            line,
            width,
            is_cursor,
            self.focused_side if is_cursor else None,
            self.has_focus,
        )
        strip = self._lines.get(key)
        if strip is None:
            strip = self._render_row_line(index, line, width, is_cursor, base)
            self._lines[key] = strip
        return strip

    def _render_row_line(
        self, index: int, line: int, width: int, is_cursor: bool, base: Style
    ) -> Strip:
        row = self._rows[index]
        left_w, right_w = self._column_widths(width)
        left_lines, right_lines = self._wraps[index]
        if line >= max(len(left_lines), len(right_lines), 1):
            is_cursor = False  # the spacer between rows keeps only the column rule
        row_style = base
        cell_style = {"left": base, "right": base}
        if is_cursor:
            row_style = base + self.get_visual_style(f"{_PREFIX}--cursor", partial=True)
            cell_style = {"left": row_style, "right": row_style}
            cell_style[self.focused_side] = row_style + self.get_visual_style(
                f"{_PREFIX}--cursor-cell", partial=True
            )
        gutter = self._gutter(row) if line == 0 else Content("")
        separator = self.get_visual_style(f"{_PREFIX}--separator", partial=True)
        segments = []
        segments += _fit(gutter, GUTTER).render_segments(row_style)
        segments += _fit(self._cell_line(index, "left", line), left_w).render_segments(
            cell_style["left"]
        )
        segments += Content.styled(SEPARATOR, separator).render_segments(row_style)
        segments += _fit(self._cell_line(index, "right", line), right_w).render_segments(
            cell_style["right"]
        )
        return Strip(segments, width)

    def _cell_line(self, index: int, side: Side, line: int) -> Content:
        offsets = self._wraps[index][0 if side == "left" else 1]
        if line >= len(offsets):
            return Content("")
        start, end = offsets[line]
        return self._cell(index, side)[start:end]


def _by_cell(matches: Sequence[Match]) -> dict[tuple[int, Side], list[tuple[int, int]]]:
    cells: dict[tuple[int, Side], list[tuple[int, int]]] = {}
    for match in matches:
        cells.setdefault((match.row, match.side), []).append((match.start, match.end))
    return cells


def _fit(content: Content, width: int) -> Content:
    """Pad or cut a line to exactly ``width`` cells."""
    length = content.cell_length
    if length < width:
        return content.pad_right(width - length)
    if length > width:
        return content.truncate(width)
    return content
