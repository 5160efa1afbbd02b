"""A one-line search field that opens on ``/`` and hides on escape.

Screens that search (comparison, passage view) dock one at the bottom and
handle ``SearchBar.Searched``; the search itself lives in
``core.views.search``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Type a word, enter searches; escape closes and clears.

    A screen binds its search key with ``priority=True`` (answered before the
    keys queued behind it reach the focused view) and disables that binding
    while the bar has focus (``typing_here``), so ``/`` in the bar is text.
    """

    DEFAULT_CSS = """
    SearchBar { display: none; dock: bottom; margin-bottom: 1; }
    SearchBar.-open { display: block; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", id="search.close"),
    ]

    @dataclass
    class Searched(Message):
        """The user asked for ``query`` (empty: the search was closed)."""

        bar: SearchBar
        query: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder="Search both reports (accents and case ignored) · enter finds · escape",
            id=id,
            compact=True,
        )

    def open(self) -> None:
        """Show the field and focus it, keeping the last query to edit."""
        self.cursor_blink = self.app.animation_level != "none"
        self.add_class("-open")
        # at once, not after the keys already queued (Widget.focus waits its turn):
        # with the screens' priority "/", a query typed in one go lands here
        self.screen.set_focus(self)

    @staticmethod
    def typing_here(screen: object) -> bool:
        """Whether ``screen``'s focus is in a search bar (its search key is text there)."""
        return isinstance(getattr(screen, "focused", None), SearchBar)

    def action_close(self) -> None:
        self.value = ""
        self.remove_class("-open")
        self.post_message(self.Searched(self, ""))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.remove_class("-open")
        self.post_message(self.Searched(self, event.value))
