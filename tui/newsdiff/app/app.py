"""The reader's application object: screens, the loading worker, app-wide keys.

The article list paints first; reading and aligning run afterwards in a thread
worker that imports the core only then, so the first paint pays for Textual
alone. Results come back as small messages tagged with a generation number;
anything from an older load is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState, get_current_worker

from newsdiff.app.config import load_settings
from newsdiff.app.screens.articles import ArticlesScreen
from newsdiff.app.screens.help import HelpScreen
from newsdiff.core.language.sanitize import pictured

if TYPE_CHECKING:
    from newsdiff.core.model import Alignment, Corpus

# actions the command palette already offers on its own
_SYSTEM_ACTIONS = {"command_palette", "quit", "help_quit", "help", "screenshot"}


class NewsdiffApp(App[None]):
    """Compare news reports: the article list, then comparisons of two reports."""

    CSS_PATH = "app.tcss"
    TITLE = "newsdiff"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Keys", id="app.help"),
        # Textual's own quit key again, with an id so it can be remapped too
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True, id="app.quit"),
    ]

    corpus: reactive[Corpus | None] = reactive(None, always_update=True, init=False)
    """The reports as read; None until the worker has read them."""
    alignment: reactive[Alignment | None] = reactive(None, always_update=True, init=False)
    """The pairs between the reports; None until the worker has aligned them."""
    busy: reactive[str] = reactive("", init=False)
    """What the worker is doing, for the progress line; empty when idle."""

    @dataclass
    class CorpusLoaded(Message):
        """The worker has read the files."""

        generation: int
        corpus: Corpus

    @dataclass
    class AlignmentReady(Message):
        """The worker has paired the passages."""

        generation: int
        alignment: Alignment

    @dataclass
    class Progress(Message):
        """The worker moved on to another stage."""

        generation: int
        stage: str

    def __init__(
        self,
        paths: Sequence[str | Path],
        *,
        theme: str | None = None,
        keymap: dict[str, str] | None = None,
        settings_problem: str | None = None,
    ) -> None:
        super().__init__()
        self.paths = tuple(str(path) for path in paths)
        self._theme_name = theme
        self._keymap = dict(keymap or {})
        self._settings_problem = settings_problem
        self._generation = 0
        self._loader: Worker[None] | None = None

    # -- startup --------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return ArticlesScreen()

    def on_mount(self) -> None:
        if self._theme_name and self._theme_name in self.available_themes:
            self.theme = self._theme_name
        elif self._theme_name:
            self.notify(f"Unknown theme {self._theme_name!r}", severity="warning", markup=False)
        if self._keymap:
            self.set_keymap(self._keymap)
        if self._settings_problem:
            self.notify(
                self._settings_problem, title="Settings ignored", severity="warning", markup=False
            )
        self.busy = self._reading_label()
        # Start reading only once the list is on screen: the worker's imports hold the
        # GIL for long stretches and would otherwise delay the first paint.
        self.call_after_refresh(self.reload)

    def reload(self) -> None:
        """Read and align the paths again; results of an earlier load are dropped."""
        self._generation += 1
        self.busy = self._reading_label()
        self._loader = self._load(self.paths, self._generation)

    def _reading_label(self) -> str:
        return f"Reading {len(self.paths)} file{'s' if len(self.paths) != 1 else ''}…"

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def _load(self, paths: tuple[str, ...], generation: int) -> None:
        # The core (and rapidfuzz, simplemma behind it) loads here, after the first paint.
        from newsdiff.core.model import Alignment
        from newsdiff.core.reading.loader import read_articles

        worker = get_current_worker()
        corpus = read_articles(paths)
        if worker.is_cancelled:
            return
        self.post_message(self.CorpusLoaded(generation, corpus))
        if len(corpus.articles) < 2:  # nothing to pair
            self.post_message(self.AlignmentReady(generation, Alignment(corpus.articles, (), ())))
            return
        self.post_message(self.Progress(generation, "Pairing passages…"))
        from newsdiff.core.matching.align import align

        alignment = align(corpus.articles)
        if not worker.is_cancelled:
            self.post_message(self.AlignmentReady(generation, alignment))

    def on_newsdiff_app_corpus_loaded(self, message: CorpusLoaded) -> None:
        if message.generation != self._generation:
            return
        for problem in message.corpus.problems:
            self.notify(
                problem.message,
                title=f"{'Skipped' if problem.fatal else 'Read part of'} {pictured(problem.path)}",
                severity="error" if problem.fatal else "warning",
                timeout=10,
                markup=False,
            )
        if message.corpus.skipped:
            from newsdiff.core.reading.left_out import left_out_summary

            summary = left_out_summary(message.corpus.skipped)
            self.notify(
                f"{summary[0].upper()}{summary[1:]}. Press x in the list to see them.",
                title="Files left out",
                severity="information",
                timeout=10,
                markup=False,
            )
        self.corpus = message.corpus

    def on_newsdiff_app_progress(self, message: Progress) -> None:
        if message.generation == self._generation:
            self.busy = message.stage

    def on_newsdiff_app_alignment_ready(self, message: AlignmentReady) -> None:
        if message.generation != self._generation:
            return
        self.busy = ""
        self.alignment = message.alignment
        pairs = len(message.alignment.pairs)
        articles = len(message.alignment.articles)
        self.sub_title = f"{articles} report{'s' if articles != 1 else ''} · {pairs} pairs"

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The one place a failed load is reported: the worker itself never catches.
        if event.worker is not self._loader or event.state != WorkerState.ERROR:
            return
        self.busy = ""
        error = event.worker.error
        self.notify(
            f"{type(error).__name__}: {error}",
            title="Could not read or align the reports",
            severity="error",
            timeout=15,
            markup=False,
        )

    # -- actions the screens share ------------------------------------------

    def action_help(self) -> None:
        """Show the keys of the screen underneath (or close the help)."""
        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
            return
        self.push_screen(HelpScreen(self.screen.active_bindings.values(), self.screen.title))

    def open_comparison(self, left_id: str, right_id: str) -> None:
        """Push the side-by-side comparison of two reports."""
        if self.alignment is None:
            self.notify("Still pairing passages — a moment, please.")
            return
        from newsdiff.app.screens.compare import CompareScreen

        self.push_screen(CompareScreen(self.alignment, left_id, right_id))

    def open_claims(self) -> None:
        """Push the claim table: claims down, sources across."""
        if self.alignment is None:
            self.notify("Still pairing passages — a moment, please.")
            return
        from newsdiff.app.screens.claims import ClaimsScreen

        self.push_screen(ClaimsScreen(self.alignment))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Show keys", "Every key of this screen and its id", self.action_help)
        # Every described binding of the current screen is a command too.
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or not active.enabled:
                continue
            action = binding.action.removeprefix("app.")
            if action in _SYSTEM_ACTIONS or action in seen:
                continue
            seen.add(action)
            key = self.get_key_display(binding)
            yield SystemCommand(
                binding.description,
                binding.tooltip or f"Key: {key}",
                partial(self.run_action, binding.action, active.node),
            )


def make_app(
    paths: Sequence[str | Path],
    *,
    theme: str | None = None,
    keymap: dict[str, str] | None = None,
    use_settings: bool = True,
) -> NewsdiffApp:
    """Build the reader for ``paths`` (the seed reports when empty).

    ``theme`` and ``keymap`` override the user's config file; ``use_settings``
    False ignores that file altogether (tests want the defaults).

    >>> make_app([]).paths[0].endswith(".txt")
    True
    """
    settings = load_settings() if use_settings else None
    if not paths:
        from newsdiff.core.reading.seeds import seed_paths

        paths = seed_paths()
    merged_keymap = {**(settings.keymap if settings else {}), **(keymap or {})}
    return NewsdiffApp(
        paths,
        theme=theme or (settings.theme if settings else None),
        keymap=merged_keymap,
        settings_problem=settings.problem if settings else None,
    )
