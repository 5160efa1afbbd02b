"""What the screens may read from the app, without importing the app module.

The app imports the screens; a screen that typed ``self.app`` as the app
class would import it back. This protocol names the few things the list
reads (and the two it asks for), so the screens stay below the app.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from newsdiff.core.model import Alignment, Corpus


class ReaderState(Protocol):
    """The app as the article list sees it."""

    corpus: Corpus | None
    alignment: Alignment | None
    paths: tuple[str, ...]  # the files, folders and URLs given
    busy: str
    note: str  # what the last pass added, or a key's answer

    def say(self, note: str) -> None:
        """Put ``note`` on the status line for a few seconds."""

    def reload(self) -> None:
        """Read and align the files again."""

    def cancel_pending(self) -> bool:
        """Forget a request queued while pairing; True when there was one."""
