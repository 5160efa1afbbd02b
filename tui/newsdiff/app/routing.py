"""The app's half of "screens talk by messages": which screen each message opens.

``ScreenRouter`` is mixed into the App (and into the small apps of the screen
tests): it alone imports the comparison, passage and claim screens, lazily,
so no screen imports another and the first paint pays for none of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsdiff.app.messages import (
    OpenClaims,
    OpenComparison,
    OpenLeftOut,
    OpenPassage,
    WorkFailed,
)

if TYPE_CHECKING:
    from newsdiff.core.model import Alignment


class ScreenRouter:
    """Mix into an App that has an ``alignment``: opens the screens messages ask for."""

    alignment: Alignment | None

    def open_now(self, message: OpenComparison | OpenPassage | OpenClaims) -> None:
        """Push the screen ``message`` asks for; the alignment must be ready."""
        app: Any = self
        alignment = self.alignment
        assert alignment is not None
        if isinstance(message, OpenComparison):
            right = message.right
            if right is None:
                from newsdiff.core.views.overview import overview

                right = overview(alignment)[message.left].best_partner
                if right is None:
                    app.notify("No other report shares a passage with this one.", markup=False)
                    return
            from newsdiff.app.screens.compare import CompareScreen

            app.push_screen(CompareScreen(alignment, message.left, right, row=message.row))
        elif isinstance(message, OpenPassage):
            from newsdiff.app.screens.passage import PassageScreen

            app.push_screen(PassageScreen(alignment, message.article, message.sentence))
        else:
            from newsdiff.app.screens.claims import ClaimsScreen

            app.push_screen(ClaimsScreen(alignment))

    def route(self, message: OpenComparison | OpenPassage | OpenClaims) -> None:
        """Open now, or (an App that overrides this) once the alignment is ready."""
        if self.alignment is None:
            self.notify("Still pairing passages — a moment, please.")  # type: ignore[attr-defined]
            return
        self.open_now(message)

    def on_open_comparison(self, message: OpenComparison) -> None:
        self.route(message)

    def on_open_passage(self, message: OpenPassage) -> None:
        self.route(message)

    def on_open_claims(self, message: OpenClaims) -> None:
        self.route(message)

    def on_open_left_out(self, message: OpenLeftOut) -> None:
        # what reading left out is known before any pairing: no need to wait
        corpus = getattr(self, "corpus", None)
        if corpus is not None:
            from newsdiff.app.screens.left_out import LeftOutScreen

            self.push_screen(LeftOutScreen(corpus))  # type: ignore[attr-defined]

    def on_work_failed(self, message: WorkFailed) -> None:
        # The one place a failed worker is worded: the app stays open.
        error = message.error
        self.notify(  # type: ignore[attr-defined]
            f"{type(error).__name__}: {error}",
            title=message.what,
            severity="error",
            timeout=15,
            markup=False,
        )
