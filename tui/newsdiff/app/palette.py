"""The command palette, with page keys that wait for its list to be laid out.

Textual 8's palette passes PageUp/PageDown straight to its option list, which
looks the highlighted option up in a line index built only once the list has
a size. Pressed in the same read as ctrl+p (a real terminal delivers both at
once), the list already has a highlight but no size yet, and the lookup raises
``KeyError`` that ends the app. Until then the page keys do nothing.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette


class ReaderPalette(CommandPalette):
    """Textual's command palette; PageUp/PageDown are safe before the first layout."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page(1)", "Next page", show=False),
        Binding("pageup", "page(-1)", "Previous page", show=False),
    ]

    def action_page(self, direction: int) -> None:
        """Move the highlight a page up (-1) or down (1), once the list has a size."""
        commands = self.query_one(CommandList)
        if not commands.option_count or not commands.scrollable_content_region:
            return
        if direction < 0:
            commands.action_page_up()
        else:
            commands.action_page_down()
