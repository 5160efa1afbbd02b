"""A one-cell spinner for the status line: a braille frame redrawn a few times a second.

Textual's ``LoadingIndicator`` is a five-dot animation repainted on every frame
and says "Loading" without animation; the list's status line needs one cell that
moves while work runs, beside the text saying what the work is.
"""

from __future__ import annotations

from textual.timer import Timer
from textual.widget import Widget

FRAMES = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
INTERVAL = 0.1  # seconds per frame


class Spinner(Widget, can_focus=False):
    """One cell that turns while shown; blank when the app's animation is off."""

    DEFAULT_CSS = """
    Spinner {
        width: 2;
        height: 1;
        color: $accent;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._frame = 0
        self._timer: Timer | None = None
        self._on = False

    def on_mount(self) -> None:
        if self.app.animation_level != "none":
            self._timer = self.set_interval(INTERVAL, self._turn, pause=not self._on)

    def spin(self, on: bool) -> None:
        """Turn while ``on``; stopped, the timer wakes nothing."""
        self._on = on
        if self._timer is None:
            return
        if on:
            self._timer.resume()
        else:
            self._timer.pause()

    def _turn(self) -> None:
        self._frame = (self._frame + 1) % len(FRAMES)
        self.refresh()

    def render(self) -> str:
        return FRAMES[self._frame] if self._timer is not None else ""
