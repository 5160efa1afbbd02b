"""One error policy for every worker: a notification, never a closed app.

Workers run with ``exit_on_error=False``; a screen that starts one mixes in
``ReportsFailures``, whose handler forwards an error to the app as
``WorkFailed``. The app's handler is the one place that words it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.worker import Worker, WorkerState

from newsdiff.app.messages import WorkFailed


class ReportsFailures:
    """Mix into a Screen: its failed workers become ``WorkFailed`` for the app."""

    # worker group -> what the user was waiting for, for the notification's title
    WORK: ClassVar[dict[str, str]] = {}

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR or event.worker.error is None:
            return
        what = self.WORK.get(event.worker.group, "Background work")
        self.app.post_message(WorkFailed(what, event.worker.error))  # type: ignore[attr-defined]
