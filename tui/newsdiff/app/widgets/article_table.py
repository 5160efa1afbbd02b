"""The article list's table, with the list's own words for the keys it handles."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable


class ArticleTable(DataTable[Text]):
    """The article table, with the list's own words for the keys it handles."""

    BINDINGS: ClassVar[list[BindingType]] = [
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

    class EarlyEnter(Message):
        """Enter before any row arrived: the screen opens the first row once it can."""

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
