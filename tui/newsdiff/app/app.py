"""The reader's application object: the loading worker and what its results open
(screen routing in ``routing``, the keys and commands of every screen in ``app_keys``).

The article list paints first; reading and aligning run afterwards in a thread
worker that imports the core only then, so the first paint pays for Textual
alone. Results come back as small messages tagged with a generation number;
anything from an older load is dropped. A key that needs the alignment
(enter, ``c``, ``t``) pressed while reading or pairing, the first time or
after ``r``, is queued and acted on when the first pairs arrive, for the row
it was pressed on (the row under the cursor then when that one is gone, or
when no row was read yet); escape cancels it. Those are the pairs by shared words;
a second worker then adds the pairs by meaning (``Engine.then``, measured in
``engine``) and the open screens show them, each keeping its cursor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState, get_current_worker

from newsdiff.app.app_keys import AppKeys
from newsdiff.app.config import load_settings, save_theme
from newsdiff.app.engine import Engine
from newsdiff.app.messages import OpenClaims, OpenComparison, WorkFailed
from newsdiff.app.progress import CANCELLED, ProgressLine, Request
from newsdiff.app.routing import ScreenRouter
from newsdiff.app.screens.articles import ArticlesScreen
from newsdiff.app.widgets.key_line import KeyLine

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from newsdiff.core.model import Alignment, Article, Corpus
    from newsdiff.core.stories.detect import Story

# refreshes the reader waits at most for the footer's keys before it starts reading
_FIRST_SCREEN_REFRESHES = 10


NOTICES_APART = 3  # files that could not be read, each in a notice of its own; past it one


class NewsdiffApp(ProgressLine, ScreenRouter, AppKeys):
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
    alignment: reactive[Alignment | None] = reactive(None, always_update=True, init=False)  # type: ignore[assignment]
    """The pairs between the reports; None until the worker has aligned them."""
    stories: reactive[tuple[Story, ...]] = reactive((), always_update=True, init=False)
    """The stories of the reports, as the worker found them; empty until then."""
    busy: reactive[str] = reactive("", init=False)
    """What the worker is doing, for the progress line; empty when idle."""
    note: reactive[str] = reactive("", init=False)
    """What the last pass added, for the progress line once idle."""

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
        final: bool = True  # False: a second pass (``Engine.then``) follows
        second: bool = False  # made by that second pass

    @dataclass
    class StoriesFound(Message):
        """The worker has told the stories of the reports apart."""

        generation: int
        stories: tuple[Story, ...]

    @dataclass
    class Progress(Message):
        """The worker moved on to another stage."""

        generation: int
        stage: str

    def __init__(
        self,
        paths: Sequence[str | Path],
        *,
        engine: Engine | None = None,
        theme: str | None = None,
        keymap: dict[str, str] | None = None,
        settings_problem: str | None = None,
        lexical: bool = False,
        save_settings: bool = False,
    ) -> None:
        super().__init__()
        self.lexical = lexical  # shared words alone: no sentence embeddings
        self.paths = tuple(str(path) for path in paths)
        self.engine = engine or Engine()
        if lexical:  # --lexical or the setting: the pairs by shared words are the last
            self.engine = replace(self.engine, then=None)
        self._theme_name = theme
        self._asked_keymap = dict(keymap or {})
        self._settings_problem = settings_problem
        self._save_settings = save_settings
        self._generation = 0
        self._loader: Worker[None] | None = None
        self._refiner: Worker[None] | None = None
        self.pending: Request | None = None
        """A request made while pairing, opened when the alignment arrives."""
        self._stage = ""
        self._stage_since = 0.0
        self._ticker: Timer | None = None

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Textual's notice, its words shown as data: a notice may quote a file, a server
        or the config file (an unknown binding id), and Textual paints a toast's text as
        it is, so an escape sequence in it set the terminal's title and cleared the
        screen. Every notice of every screen comes through here."""
        from newsdiff.core.language.sanitize import shown

        super().notify(
            shown(message), title=shown(title), severity=severity, timeout=timeout, markup=markup
        )

    # -- startup --------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        return ArticlesScreen()

    def on_mount(self) -> None:
        if self._theme_name and self._theme_name in self.available_themes:
            self.theme = self._theme_name
        elif self._theme_name:
            self.notify(f"Unknown theme {self._theme_name!r}", severity="warning", markup=False)
        if self._settings_problem:
            self.notify(
                self._settings_problem, title="Settings ignored", severity="warning", markup=False
            )
        if self._asked_keymap:
            self.call_after_refresh(self._apply_keymap)
        self.watch(self, "theme", self._theme_changed, init=False)
        self._set_stage("Reading…")
        self.call_after_refresh(self._read_once_painted, _FIRST_SCREEN_REFRESHES, ())

    def _read_once_painted(self, refreshes: int, keys: tuple[object, ...]) -> None:
        # Start reading only once the first screen is whole on the terminal: the worker's
        # imports hold the GIL for long stretches. The key line draws its keys at its first
        # paint; keys that survived a refresh have reached the terminal.
        now = tuple(key for line in self.screen.query(KeyLine) for key in line.drawn)
        if refreshes > 0 and (not now or now != keys):
            self.call_after_refresh(self._read_once_painted, refreshes - 1, now)
            return
        self.reload()

    def _theme_changed(self, theme: str) -> None:
        if not self._save_settings or theme == self._theme_name:
            return
        self._theme_name = theme
        problem = save_theme(theme)
        if problem:
            self.notify(problem, title="Theme not saved", severity="warning", markup=False)

    def reload(self) -> None:
        """Read and align the paths again; results of an earlier load are dropped."""
        self._generation += 1
        self.note = ""
        # the pairs of the files as they were: a key pressed now waits for the new ones
        self.alignment = None
        if self._refiner is not None:
            self._refiner.cancel()  # its pairs are of the files as they were
        if self.sub_title:  # the counts are of the files as they were
            self.sub_title = "reading again…"
        self._set_stage("Reading…")
        self._loader = self._load(self.paths, self._generation)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def _load(self, paths: tuple[str, ...], generation: int) -> None:
        worker = get_current_worker()
        files = self.engine.count(paths)
        self.post_message(
            self.Progress(generation, f"Reading {files} file{'' if files == 1 else 's'}…")
        )
        corpus = self.engine.read(paths)
        if worker.is_cancelled:
            return
        self.post_message(self.CorpusLoaded(generation, corpus))
        articles = corpus.articles
        if len(articles) >= 2:
            self.post_message(self.Progress(generation, "Finding stories…"))
            stories = tuple(self.engine.stories(articles))
            if worker.is_cancelled:
                return
            self.post_message(self.StoriesFound(generation, stories))
            passages = sum(len(article.sentences) for article in articles)
            told = sum(1 for story in stories if not story.alone)
            within = f" in {told} stor{'y' if told == 1 else 'ies'}" if told else ""
            stage = f"Pairing {passages:,} passages of {len(articles)} reports{within}…"
            self.post_message(self.Progress(generation, stage))
            alignment = self.engine.align(articles, stories)
        else:  # nothing to pair
            from newsdiff.core.model import Alignment

            alignment = Alignment(articles, (), ())
        if not worker.is_cancelled:
            final = self.engine.then is None or len(articles) < 2
            self.post_message(self.AlignmentReady(generation, alignment, final))

    @work(thread=True, exclusive=True, exit_on_error=False, group="refine")
    def _refine(self, articles: tuple[Article, ...], generation: int) -> None:
        """The second pass: the stories and pairs with the semantic signal on."""
        then = self.engine.then
        assert then is not None
        stories = tuple(then.stories(articles))
        alignment = then.align(articles, stories)
        if not get_current_worker().is_cancelled:
            self.post_message(self.StoriesFound(generation, stories))
            self.post_message(self.AlignmentReady(generation, alignment, second=True))

    def on_newsdiff_app_corpus_loaded(self, message: CorpusLoaded) -> None:
        if message.generation != self._generation:
            return
        from newsdiff.core.language.sanitize import pictured

        problems = message.corpus.problems
        if len(problems) > NOTICES_APART:  # one notice, not a screen covered by them
            shown = [f"{pictured(p.path)}: {p.message}" for p in problems[:NOTICES_APART]]
            more = len(problems) - NOTICES_APART
            self.notify(
                "\n".join([*shown, f"… and {more} more (newsdiff list names them all)"]),
                title=f"{len(problems)} files could not be read, or only in part",
                severity="error" if any(p.fatal for p in problems) else "warning",
                timeout=10,
                markup=False,
            )
        else:
            for problem in problems:
                said = "Skipped" if problem.fatal else "Read part of"
                self.notify(
                    problem.message,
                    title=f"{said} {pictured(problem.path)}",
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
        self.stories = ()  # the stories of these reports are still to be found
        self.corpus = message.corpus

    def on_newsdiff_app_stories_found(self, message: StoriesFound) -> None:
        if message.generation == self._generation:
            self.stories = message.stories

    def on_newsdiff_app_progress(self, message: Progress) -> None:
        if message.generation == self._generation:
            self._set_stage(message.stage)

    def on_newsdiff_app_alignment_ready(self, message: AlignmentReady) -> None:
        if message.generation != self._generation:
            return
        earlier = self.alignment
        # taken before the stage is set, which says "… opens when ready" while one waits
        pending, self.pending = self.pending, None
        if message.final:
            self._set_stage("")
        else:
            self._set_stage("Adding paraphrase pairs…")
            self._refiner = self._refine(message.alignment.articles, message.generation)
        self.alignment = message.alignment
        if message.second and earlier is not None:  # the open screens show its pairs
            self.show_alignment(message.alignment)
            added = len(_pair_keys(message.alignment) - _pair_keys(earlier))
            if added:  # none added is no news
                self.say(f"{added} paraphrase pair{'' if added == 1 else 's'} added")
        pairs = len(message.alignment.pairs)
        articles = len(message.alignment.articles)
        self.sub_title = f"{articles} report{'s' if articles != 1 else ''} · {pairs} pairs"
        if pending is not None:
            self.call_later(self._open_pending, pending)

    def _open_pending(self, request: Request) -> None:
        # the row the key was pressed on, unless no row was read yet or reading again
        # lost its report: then the row under the list's cursor now
        if isinstance(request, OpenClaims) and (request.at_cursor or self._gone(request)):
            asked = self._ask_list("claims_request", OpenClaims())
            if asked is None:  # the list said why, or asks which story
                return
            request = asked
        elif isinstance(request, OpenComparison) and self._gone(request):
            if request.right is not None:  # two marked: no row stands for them
                self.notify(
                    "A marked report is no longer read; mark two again, then c.", markup=False
                )
                return
            asked = self._ask_list("comparison_request", None)
            if asked is None:
                self.notify("The report that key was pressed on is no longer read.", markup=False)
                return
            request = asked
        self.open_now(request)

    def _gone(self, request: Request) -> bool:
        """Whether ``request`` names a report the alignment no longer holds."""
        assert self.alignment is not None
        ids = {article.id for article in self.alignment.articles}
        if isinstance(request, OpenComparison):
            return request.left not in ids or request.right not in (None, *ids)
        if isinstance(request, OpenClaims):
            return request.article is not None and request.article not in ids
        return request.article not in ids

    def _ask_list(self, name: str, default: Request | None) -> Request | None:
        """What the topmost screen that can say asks for under its cursor now (``name``
        is its method); ``default`` when no screen can."""
        asks = (getattr(screen, name, None) for screen in reversed(self.screen_stack))
        ask = next((a for a in asks if a is not None), None)
        return ask() if ask is not None else default

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        if event.worker is self._refiner:  # the pairs by shared words stay
            self._set_stage("")
            assert event.worker.error is not None
            self.post_message(WorkFailed("Could not add the paraphrase pairs", event.worker.error))
            return
        if event.worker is not self._loader:
            return
        self._set_stage("")
        self.pending = None
        if self.sub_title:  # "reading again…" would say it still reads
            self.sub_title = "not read"
        assert event.worker.error is not None
        self.post_message(WorkFailed("Could not read or align the reports", event.worker.error))

    # -- requests from the screens -------------------------------------------

    def route(self, message: Request) -> None:
        if self.alignment is not None:
            self.open_now(message)
        elif self.busy:
            self.pending = message  # the newest request wins
            self._show_busy()
        else:
            self.notify("The reports could not be paired; r reads them again.", markup=False)

    def cancel_pending(self) -> bool:
        """Forget a queued request; True when there was one."""
        if self.pending is None:
            return False
        self.pending = None
        self._show_busy()
        self.notify(CANCELLED)
        return True

    # -- requests the screens share -----------------------------------------

    def open_comparison(self, left_id: str, right_id: str | None = None) -> None:
        """Open the side-by-side comparison of two reports (as the message does)."""
        self.route(OpenComparison(left_id, right_id))

    def open_claims(self) -> None:
        """Open the claim table (as the message does)."""
        self.route(OpenClaims())


def _pair_keys(alignment: Alignment) -> set[tuple[str, int, str, int]]:
    return {
        (p.left.article, p.left.sentence, p.right.article, p.right.sentence)
        for p in alignment.pairs
    }


def make_app(
    paths: Sequence[str | Path],
    *,
    engine: Engine | None = None,
    theme: str | None = None,
    keymap: dict[str, str] | None = None,
    use_settings: bool = True,
    lexical: bool | None = None,
) -> NewsdiffApp:
    """Build the reader for ``paths`` (the seed reports when empty).

    ``engine`` reads and pairs (tests pass a small one); ``theme`` and
    ``keymap`` override the user's config file; ``use_settings`` False ignores
    that file altogether (tests want the defaults). A theme chosen in the
    app is saved to the config file unless ``theme`` was given. ``lexical``
    (default: the file's ``lexical`` setting, else False) pairs by shared
    words alone, without the sentence embeddings.

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
        engine=engine,
        theme=theme or (settings.theme if settings else None),
        keymap=merged_keymap,
        settings_problem=settings.problem if settings else None,
        lexical=lexical if lexical is not None else bool(settings and settings.lexical),
        save_settings=use_settings and theme is None,
    )
