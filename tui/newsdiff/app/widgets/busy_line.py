"""The list's status line: a one-cell spinner and what the work is, as one widget.

Textual's ``LoadingIndicator`` is a five-dot animation repainted on every frame
and says "Loading" without animation; the list needs one cell that moves while
work runs, beside the text saying what the work is. Both are drawn by this one
widget: as a row of a spinner and a ``Static`` (three widgets with their box),
it cost the first paint about 14,000 Python calls of the ~48,000 that newsdiff's
first paint made beyond a minimal Textual app's; a frame or a new text is a
repaint of one line, never a new layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.timer import Timer

FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
INTERVAL = 0.1  # seconds per frame
SPINNER_CELLS = 2  # the frame and a space before the text


class BusyLine(Widget, can_focus=False):
    """What the work is, after a cell that turns while it runs (blank without animation)."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    BusyLine {
        height: 1;
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        """The line's words (the program's: counts and stages, never a file's markup)."""
        self._frame = 0
        self._timer: Timer | None = None
        self._on = False

    def on_mount(self) -> None:
        if self.app.animation_level != "none":
            self._timer = self.set_interval(INTERVAL, self._turn, pause=not self._on)

    def show(self, text: str, *, spinning: bool) -> None:
        """Say ``text``; the spinner turns while ``spinning`` (stopped, its timer wakes nothing)."""
        self.text = text
        self._on = spinning
        if self._timer is not None:
            if spinning:
                self._timer.resume()
            else:
                self._timer.pause()
        self.refresh()

    def _turn(self) -> None:
        self._frame = (self._frame + 1) % len(FRAMES)
        self.refresh()

    @property
    def frame(self) -> str:
        """The spinner's cell as drawn now ("" without animation)."""
        return FRAMES[self._frame] if self._timer is not None else ""

    def render(self) -> Content:
        # idle, the cell is blank: a glyph left standing reads as work still running
        return Content.assemble(
            ((self.frame if self._on else "").ljust(SPINNER_CELLS), "$accent"),
            self.text,
        )
