"""Where to write a report: a small dialog with the working folder as default.

``w``/``W`` in the comparison open it with a new file name in the working
folder filled in; enter writes there, escape writes nothing. The file is
never one that exists already: an existing name gets a number, and the name
is claimed (created empty) on enter, so a second ``w`` before the first report
is written gets a name of its own.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

if TYPE_CHECKING:
    from newsdiff.core.model import Alignment
    from newsdiff.core.storage.atomic import Checked

SUFFIXES = {"html": ".html", "markdown": ".md", "json": ".json"}


def report_path(folder: Path, left_id: str, right_id: str, format: str) -> Path:
    """A new file in ``folder`` for the report of this comparison; never an existing file.

    >>> report_path(Path("/nonexistent"), "a", "b", "markdown").name
    'newsdiff-a-vs-b.md'
    """
    return free_path(folder / f"newsdiff-{left_id}-vs-{right_id}{SUFFIXES[format]}")


def free_path(target: Path) -> Path:
    """``target``, or ``target`` with -2, -3 ... before its suffix while that exists.

    Only what the dialog offers: the name is taken when the report is asked for.
    """
    from newsdiff.core.storage.atomic import numbered

    # is_symlink: a link to nowhere does not "exist", yet writing would replace it
    return next(p for p in numbered(target) if not (p.exists() or p.is_symlink()))


class SaveReportScreen(ModalScreen[Path | None]):
    """Ask for the report's file; returns the path, or None when cancelled."""

    DEFAULT_CSS = """
    SaveReportScreen { align: center middle; }
    SaveReportScreen #save-dialog {
        width: 90%; max-width: 100; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    SaveReportScreen #save-hint { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="save.cancel"),
    ]

    def __init__(self, default: Path, what: str) -> None:
        super().__init__()
        self.default = default
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="save-dialog") as dialog:
            dialog.border_title = f"Write {self.what}"
            yield Input(str(self.default), id="save-path")
            yield Static(
                Text("enter writes · escape cancels · an existing file is never overwritten"),
                id="save-hint",
            )

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.cursor_blink = self.app.animation_level != "none"
        field.focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.dismiss(None)
            return
        target = Path(value).expanduser()
        if target.is_dir():  # a folder: the default name inside it
            target = target / self.default.name
        self.dismiss(target)  # claimed under this name or the next free one

    def action_cancel(self) -> None:
        self.dismiss(None)


class WritesReports:
    """``w``/``W`` of the comparison: ask where, render in a worker, write on the UI thread."""

    alignment: Alignment
    left_id: str
    right_id: str
    app: Any
    notify: Any

    def action_write_report(self, format: str = "html") -> None:
        left_id, right_id = self.left_id, self.right_id
        try:
            default = report_path(Path.cwd(), left_id, right_id, format)
        except OSError as error:  # the working folder vanished under the app
            self.notify(f"Could not find the working folder: {error}", severity="error")
            return
        what = "Markdown report" if format == "markdown" else f"{format.upper()} report"

        def chosen(target: Path | None) -> None:
            if target is not None:
                from newsdiff.core.export.report import SUFFIXES
                from newsdiff.core.storage.atomic import claim_new

                try:  # taken now, on the UI thread: a second w gets the next name
                    claimed = claim_new(target)
                except OSError as error:
                    self._not_written(target, error)
                    return
                # "r.md" typed into w's dialog means Markdown, as `report -o r.md` does
                chosen_format = SUFFIXES.get(claimed.path.suffix.lower(), format)
                self._render_report(chosen_format, claimed, left_id, right_id)

        self.app.push_screen(SaveReportScreen(default, what), chosen)

    @work(thread=True, group="report", exit_on_error=False)
    def _render_report(self, format: str, claimed: Checked, left_id: str, right_id: str) -> None:
        # Rendering a long pair takes a moment: off the UI thread. The file is
        # written on the UI thread, which may touch process state (the umask).
        from newsdiff.core.export.report import render_report
        from newsdiff.core.views.labels import relabel
        from newsdiff.core.views.subset import restrict

        # the stories of the two, labelled as the list labels them: two reports of
        # two stories are each of a story, not "no related report"
        ids = (left_id, right_id)
        stories = [s for s in getattr(self.app, "stories", ()) if set(ids) & set(s.members)]
        told = relabel(stories, self.alignment.articles)
        try:
            text = render_report(restrict(self.alignment, ids), format=format, stories=told)
            self.app.call_from_thread(self._save_report, claimed, text)
        except BaseException:  # a render that failed, or the reader quit meanwhile
            from newsdiff.core.storage.atomic import release

            release(claimed)  # no empty file left under the name claimed (a written one stays)
            raise

    def _save_report(self, claimed: Checked, text: str) -> None:
        from newsdiff.core.export.report import write_text_atomically

        target = claimed.path
        try:  # renamed over the empty file claimed, and only over that one
            write_text_atomically(target, text, checked=claimed)
        except (OSError, ValueError) as error:
            from newsdiff.core.storage.atomic import release

            release(claimed)  # only the empty file claim_new made: a file put there stays
            self._not_written(target, error)
            return
        self.notify(f"Report written to {target}", timeout=8, markup=False)

    def _not_written(self, target: Path, error: OSError | ValueError) -> None:
        # the reason alone, as the CLI gives it: an OSError's text names the
        # temporary file beside the target, which the user never asked for
        reason = (error.strerror if isinstance(error, OSError) else None) or str(error)
        notify = partial(self.notify, markup=False)  # a file name is data, not markup
        notify(f"Could not write {target}: {reason}", severity="error")
