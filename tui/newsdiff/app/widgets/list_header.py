"""The article list before its rows: the column titles alone, as the table draws them.

The first screen paints before anything is read, so the list has no row yet.
A ``DataTable`` showing only its header cost the first paint its import, its
CSS and a scroll view (with the core's row planning behind it): about a third
of what newsdiff's first paint did beyond a minimal Textual app
(``tests/benchmarks/bench_tui.py``). This one widget draws the same line, with
the table's header style, and takes the table's keys; the list screen mounts
the table in its place when the rows arrive. Enter pressed before then is
remembered (``EarlyEnter``), not dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

from newsdiff.app.widgets.list_columns import PADDING, Column

# the keys of the list, with and without its rows (the table takes the same)
LIST_KEYS: list[BindingType] = [
    Binding(
        "enter",
        "select_cursor",
        "Compare",
        id="articles.open",
        tooltip="Compare with the report it shares most with",
    ),
    Binding("j", "cursor_down", "Down", show=False, id="articles.down"),
    Binding("k", "cursor_up", "Up", show=False, id="articles.up"),
    Binding("home,g", "first_row", "First row", show=False, id="articles.first"),
    Binding("end,G", "last_row", "Last row", show=False, id="articles.last"),
]


class ListHeader(Widget, can_focus=True):
    """The column titles of a list that has no row yet; the keys go nowhere but Enter."""

    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = LIST_KEYS
    COMPONENT_CLASSES: ClassVar[set[str]] = {"list-header--header"}
    # DataTable's own rules for its background and header, so the swap does not show
    DEFAULT_CSS = """
    ListHeader {
        margin-right: 2;  /* the table, a scroll view, lays out two cells short of the screen */
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .list-header--header {
                background-tint: $foreground 5%;
            }
        }
        & > .list-header--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .list-header--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
    }
    """

    class EarlyEnter(Message):
        """Enter before any row arrived: the screen opens the first row once it can."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: tuple[tuple[Column, str, int], ...] = ()
        """Each column with its label and width, as the table will show them."""

    def show(self, columns: Sequence[tuple[Column, str, int]]) -> None:
        """Draw these columns (column, label, width) from the next paint on."""
        self.columns = tuple(columns)
        self.refresh()

    def render(self) -> Text:
        style = self.get_component_rich_style("list-header--header")
        line = Text(no_wrap=True, overflow="crop", end="")
        pad = " " * PADDING
        for column, label, width in self.columns:
            # labels are the program's; Text keeps them literal anyway
            cell = label.rjust(width) if column.justify == "right" else label.ljust(width)
            line.append(pad + cell[:width] + pad)
        line.pad_right(max(0, self.size.width - line.cell_len))
        line.stylize(style)
        return line

    def action_select_cursor(self) -> None:
        self.post_message(self.EarlyEnter())

    def _no_row(self) -> None:
        """The cursor keys: there is no row to move to until the rows arrive."""

    action_cursor_down = action_cursor_up = action_first_row = action_last_row = _no_row
