"""The keys screen (``?``): every binding of the screen underneath, with its id.

Generated from the bindings that are active where the user pressed ``?``, so
it never drifts from the code; the ids are what a user writes in the
``[keymap]`` table of the config file to remap a key.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from newsdiff.app.config import config_path


class HelpScreen(ModalScreen[None]):
    """A table of keys, what they do, and the id to remap them."""

    CSS_PATH = "help.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        # the keys every list of the app moves by (home/end alone scrolled sideways)
        Binding("j", "move(1)", "Down", show=False, id="help.down"),
        Binding("k", "move(-1)", "Up", show=False, id="help.up"),
        Binding(
            "home,g", "move(-1_000_000)", "First row", show=False, priority=True, id="help.first"
        ),
        Binding("end,G", "move(1_000_000)", "Last row", show=False, priority=True, id="help.last"),
    ]

    def __init__(
        self,
        bindings: Iterable[ActiveBinding],
        screen_title: str | None = None,
        *,
        legend: Content | None = None,
    ) -> None:
        super().__init__()
        self._listed = tuple(bindings)
        self._screen_title = screen_title or "newsdiff"
        self._legend = legend

    def compose(self) -> ComposeResult:
        with Vertical(id="help-dialog") as dialog:
            # a screen's title may be an article title: data, never markup
            dialog.border_title = Text(f"Keys · {self._screen_title}")
            dialog.border_subtitle = "escape closes"
            if self._legend is not None:
                yield Static(self._legend, id="help-legend")
            yield DataTable(id="help-table", cursor_type="row", zebra_stripes=True)
            yield Static(
                Text(
                    f"Remap a key by its id in {config_path()}, e.g. "
                    '[keymap] "articles.filter" = "f". '
                    "ctrl+p runs any of these by name."
                ),
                id="help-hint",
            )

    def on_mount(self) -> None:
        table = self.query_one("#help-table", DataTable)
        table.add_columns("Key", "Does", "Id")
        for key, binding in self.rows():
            table.add_row(Text(key), Text(binding.description), Text(binding.id or "—"))
        table.focus()

    def action_move(self, step: int) -> None:
        table = self.query_one("#help-table", DataTable)
        row = min(max(table.cursor_row + step, 0), max(table.row_count - 1, 0))
        table.move_cursor(row=row)

    def rows(self) -> list[tuple[str, Binding]]:
        """(key display, binding) per action, keys of one action joined, in binding order."""
        keys: dict[str, list[str]] = {}
        first: dict[str, Binding] = {}
        for active in self._listed:
            binding = active.binding
            if not binding.description:
                continue
            name = f"{binding.id or ''}|{binding.action}"
            keys.setdefault(name, []).append(self.app.get_key_display(binding))
            first.setdefault(name, binding)
        rows = [(" ".join(dict.fromkeys(keys[name])), first[name]) for name in first]
        # newsdiff's own keys (they have ids) first, Textual's general ones after
        return sorted(rows, key=lambda row: row[1].id is None)
