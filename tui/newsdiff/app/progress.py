"""The reader's progress line: what the loading workers are doing, and for how long.

Mixed into the app, which owns ``busy``, ``note`` and ``pending``: the list
screen shows ``busy`` ("Pairing 143 passages of 5 reports… 3 s · the
comparison opens when ready · escape cancels") and, once idle, ``note``.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from newsdiff.app.messages import OpenClaims, OpenComparison, OpenPassage

if TYPE_CHECKING:
    from textual.timer import Timer

Request = OpenComparison | OpenPassage | OpenClaims
NOTE_SECONDS = 8  # how long the line keeps a note (what the second pass added, a key's answer)


class ProgressLine:
    """The stage of the workers, its seconds, and a request waiting for it."""

    busy: str
    note: str
    pending: Request | None
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
            parts.append(f"{_request_label(self.pending)} opens when ready · escape cancels")
        self.busy = " · ".join(parts)

    def say(self, note: str) -> None:
        """Keep ``note`` on the line for ``NOTE_SECONDS`` (a newer note stays)."""
        self.note = note

        def clear() -> None:
            if self.note == note:
                self.note = ""

        self.set_timer(NOTE_SECONDS, clear)  # type: ignore[attr-defined]


def _request_label(request: Request) -> str:
    if isinstance(request, OpenComparison):
        return "the comparison"
    if isinstance(request, OpenClaims):
        return "the claim table"
    return "the passage"
