"""One line of text that repaints without asking for a new layout."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class StatusLine(Widget):
    """A line of ``Content``; setting it repaints, never re-lays out the screen.

    ``Static.update`` re-lays out the whole screen; the counts and notes lines
    change on every cursor move, and a layout pass per key is what made ``n`` slow.
    """

    DEFAULT_CSS = "StatusLine { height: 1; }"
    content: reactive[Content] = reactive(Content(""), layout=False)

    def render(self) -> Content:
        return self.content
