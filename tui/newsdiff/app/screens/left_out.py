"""The "Left out" screen (``x`` on the list): every input the reading did not turn into a report.

Files that could not be read (binary, empty, a page without an article, a URL
that did not answer) and files a folder held that were never read (hidden,
not a report type), each with its reason, so nothing is left out silently.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from newsdiff.core.model import Corpus
from newsdiff.core.views.listing import common_folder, printable


class LeftOutScreen(ModalScreen[None]):
    """A table of the inputs left out: path, why, what happened."""

    CSS_PATH = "left_out.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,x", "dismiss", "Close", id="left_out.close"),
    ]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self._corpus = corpus
        self._folder: str | None = None
        self._names: tuple[str, ...] = ()

    def rows(self) -> list[tuple[str, str, str]]:
        """(path, what happened, reason): unreadable ones first, then those never read."""
        rows = [
            (p.path, "could not be read" if p.fatal else "read in part", p.message)
            for p in self._corpus.problems
        ]
        rows += [(s.path, "left out", s.reason) for s in self._corpus.skipped]
        return rows

    def compose(self) -> ComposeResult:
        rows = self.rows()
        # the folder they share is said once: on each row it pushed the reasons
        # out of an 80-column screen and cut the names that tell the files apart
        self._folder, self._names = common_folder([path for path, _, _ in rows])
        with Vertical(id="left-out-dialog") as dialog:
            title = f"Left out · {len(rows)}" + (f" · in {self._folder}" if self._folder else "")
            dialog.border_title = Text(printable(title))
            dialog.border_subtitle = "escape closes"
            yield DataTable(id="left-out-table", cursor_type="row", zebra_stripes=True)
            yield Static(
                Text("newsdiff reads .txt, .md, .html, .htm, .mhtml files and URLs."),
                id="left-out-hint",
            )

    def on_mount(self) -> None:
        table = self.query_one("#left-out-table", DataTable)
        # the reason before what happened: what a narrow screen cuts is the least telling
        table.add_columns("File", "Why", "What happened")
        for name, (_, what, why) in zip(self._names, self.rows(), strict=True):
            # paths and messages are data: Text, never markup; control characters escaped
            table.add_row(Text(printable(name)), Text(printable(why)), Text(what))
        table.focus()
