"""The reader's progress line: what the loading workers are doing, and for how long.

Mixed into the app, which owns ``busy``, ``note`` and ``pending``: the list
screen shows ``busy`` ("Pairing 143 passages of 5 reports… 3 s · the
comparison opens when ready: “Nordkorea bestätigt…” · escape cancels") and,
once idle, ``note``. A queued request is named by the reports it asks for, as
they were under the cursor when its key was pressed.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from newsdiff.app.messages import OpenClaims, OpenComparison, OpenPassage

if TYPE_CHECKING:
    from textual.timer import Timer

    from newsdiff.core.model import Corpus

Request = OpenComparison | OpenPassage | OpenClaims
NOTE_SECONDS = 8  # how long the line keeps a note (what the second pass added, a key's answer)
TITLE_CELLS = 28  # cells of a title naming a queued request, so "escape cancels" stays in view
QUEUED_ENTER = "the comparison opens when ready · escape cancels"  # no row to name yet
CANCELLED = "Cancelled; pairing goes on, press the key again when it is done."


class ProgressLine:
    """The stage of the workers, its seconds, and a request waiting for it."""

    busy: str
    note: str
    pending: Request | None
    corpus: Corpus | None
    _stage: str
    _stage_since: float
    _ticker: Timer | None

    def _set_stage(self, stage: str) -> None:
        self._stage, self._stage_since = stage, time.monotonic()
        if stage and self._ticker is None:
            self._ticker = self.set_interval(1, self._show_busy)  # type: ignore[attr-defined]
        elif not stage and self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
        self._show_busy()

    def _show_busy(self) -> None:
        if not self._stage:
            self.busy = ""
            return
        parts = [self._stage]
        seconds = int(time.monotonic() - self._stage_since)
        if seconds >= 2:
            parts[0] += f" {seconds} s"
        if self.pending is not None:
            what, which = _request_label(self.pending), self._request_target(self.pending)
            parts.append(f"{what} opens when ready{': ' + which if which else ''} · escape cancels")
        self.busy = " · ".join(parts)

    def say(self, note: str) -> None:
        """Keep ``note`` on the line for ``NOTE_SECONDS`` (a newer note stays)."""
        self.note = note

        def clear() -> None:
            if self.note == note:
                self.note = ""

        self.set_timer(NOTE_SECONDS, clear)  # type: ignore[attr-defined]

    def _request_target(self, request: Request) -> str:
        """Which reports ``request`` opens, by title, as its key was pressed on them."""
        if isinstance(request, OpenClaims):
            if request.at_cursor:
                return "the story under the cursor then"
            if request.article is None:
                return "every report"
            return f"the story of {self._title(request.article)}"
        if isinstance(request, OpenComparison):
            left = self._title(request.left)
            return f"{left} beside {self._title(request.right)}" if request.right else left
        return self._title(request.article)

    def _title(self, article_id: str) -> str:
        from newsdiff.core.language.sanitize import pictured

        corpus = self.corpus
        found = next((a for a in corpus.articles if a.id == article_id), None) if corpus else None
        title = pictured(found.title if found is not None else article_id)
        if len(title) > TITLE_CELLS:
            title = title[: TITLE_CELLS - 1].rstrip() + "…"
        return f"“{title}”"


def _request_label(request: Request) -> str:
    if isinstance(request, OpenComparison):
        return "the comparison"
    if isinstance(request, OpenClaims):
        return "the claim table"
    return "the passage"
