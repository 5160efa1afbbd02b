"""The top line: the screen's title and sub-title, centred, as one widget.

Textual's ``Header`` composes three widgets (icon, title, clock space) and
updates the title after mounting; the first screen needs only the words, so
this draws them in one line at its first paint and repaints when the title or
sub-title changes. Titles are the program's (counts, report ids), and are drawn
as ``Content`` from plain strings anyway, never parsed as markup.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

ICON = "⭘"


class TitleLine(Widget, can_focus=False):
    """The title bar: icon at the left, ``title — sub-title`` in the middle."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    TitleLine {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._changed, init=False)
            self.watch(node, "sub_title", self._changed, init=False)

    def _changed(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        text = app.format_title(title, sub_title)
        width = self.size.width
        # the icon in the first cells, the title centred on the whole line (as Header does)
        left = max((width - text.cell_length) // 2, len(ICON) + 2)
        return Content.assemble(" " + ICON, " " * (left - len(ICON) - 1), text)
