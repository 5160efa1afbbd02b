"""Textual's footer, recomposed once however many times the bindings change before it.

Textual's ``Footer`` queues a full recompose (every key a widget) each time its
screen says the bindings changed; on the article list that came three times
before the keys were first on screen, the last ones while the first were
still being mounted, and the keys reached the terminal a recompose or two
after the rest of the first screen. This one keeps at most one recompose
queued: it reads the bindings when it runs, so a change before that is in it,
and a change during it queues the next.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class ReaderFooter(Footer):
    """``Footer`` with its recomposes coalesced: one queued at a time."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._queued = False

    def bindings_changed(self, screen: Screen) -> None:
        if self._queued:
            return  # the queued recompose reads the bindings as they are then
        # the footer queues a recompose only when these hold (else it only notes the change)
        self._queued = screen.app.app_focus and self.is_attached and screen is self.screen
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        self._queued = False  # from here on a change needs a recompose of its own
        await super().recompose()
