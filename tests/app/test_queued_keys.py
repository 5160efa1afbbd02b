"""Keys pressed while the reports are read again (``r``) wait for the new pairs, and a
queued key acts on the row it was pressed on, named on the status line meanwhile."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from test_stories_app import SEEDS, UNRELATED, move_to, rows
from waiting import wait_for

from newsdiff.app.engine import Engine, align_lexical, read_files
from newsdiff.app.screens.articles import ArticlesScreen
from newsdiff.app.screens.compare import CompareScreen
from newsdiff.core.model import Alignment, Article, Corpus
from newsdiff.core.reading.seeds import seed_paths
from newsdiff.core.stories.detect import Story

SIZE = (120, 40)
NEW_SENTENCE = "Der Sprecher kündigte eine weitere Erklärung für Freitag an."


class Gate:
    """Reading and pairing as the reader does them; once ``armed``, each waits for ``open``."""

    def __init__(self) -> None:
        self.armed = False
        self.open = threading.Event()

    def _wait(self) -> None:
        if self.armed:
            self.open.wait(30)

    def read(self, paths: Sequence[str]) -> Corpus:
        self._wait()
        return read_files(paths)

    def align(self, articles: Sequence[Article], stories: Sequence[Story] | None) -> Alignment:
        self._wait()
        return align_lexical(articles, stories)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The five seeds and the three reports of other stories, in a folder of their own."""
    for seed in seed_paths():
        shutil.copy(seed, tmp_path / Path(seed).name)
    for name, text in UNRELATED.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


async def test_enter_during_r_opens_the_comparison_of_the_files_as_read_again(
    build_app, settle, folder
):
    # enter while r read the files again opened the comparison at once, from the
    # pairs of the files as they were: a sentence just added was not in it
    gate = Gate()
    app = build_app([folder], engine=Engine(read=gate.read, align=gate.align), lexical=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        edited = folder / "wien_a.txt"
        edited.write_text(f"{edited.read_text(encoding='utf-8')}\n{NEW_SENTENCE}\n", "utf-8")
        move_to(app, "wien_a")
        gate.armed = True
        await pilot.press("r")
        await wait_for(pilot, lambda: "Pairing" in app.busy)
        await pilot.press("enter")
        assert isinstance(app.screen, ArticlesScreen)  # waits for the new pairs
        assert "the comparison opens when ready" in app.busy
        gate.open.set()
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left_id, screen.right_id) == ("wien_a", "wien_b")
        shown = [s.text for a in screen.alignment.articles if a.id == "wien_a" for s in a.sentences]
        assert NEW_SENTENCE in shown
        await settle(pilot)


async def test_t_queued_while_pairing_opens_the_story_of_the_row_it_was_pressed_on(
    build_app, settle, folder
):
    # a queued enter opened the row it was pressed on, a queued t the row under the
    # cursor when the pairs came: moving on while waiting opened another story
    from newsdiff.app.screens.claims import ClaimsScreen

    gate = Gate()
    app = build_app([folder], engine=Engine(align=gate.align), lexical=True)
    gate.armed = True
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "Pairing" in app.busy and "wien_b" in rows(app))
        move_to(app, "wien_b")
        await pilot.press("t")
        # the line names what will open: the story of the row t was pressed on
        assert "the claim table opens when ready: the story of “Huber-Urteil" in app.busy
        move_to(app, SEEDS[0])
        gate.open.set()
        await settle(pilot)
        assert isinstance(app.screen, ClaimsScreen)
        assert {a.id for a in app.screen.alignment.articles} == {"wien_a", "wien_b"}


async def test_a_queued_enter_names_the_report_it_opens(build_app, settle, folder):
    gate = Gate()
    app = build_app([folder], engine=Engine(align=gate.align), lexical=True)
    gate.armed = True
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: "Pairing" in app.busy and "wien_a" in rows(app))
        move_to(app, "wien_a")
        await pilot.press("enter")
        # the title cut to fit, so "escape cancels" stays on the line
        said = "the comparison opens when ready: “Urteil gegen Wiener Bürgerm…” · escape cancels"
        assert said in app.busy
        move_to(app, SEEDS[0])  # the row it was pressed on still opens
        gate.open.set()
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))
        assert isinstance(app.screen, CompareScreen) and app.screen.left_id == "wien_a"
        await settle(pilot)


async def test_enter_on_a_report_r_no_longer_reads_opens_the_row_under_the_cursor(
    build_app, settle, folder
):
    gate = Gate()
    app = build_app([folder], engine=Engine(read=gate.read, align=gate.align), lexical=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        move_to(app, "wien_b")
        (folder / "wien_b.txt").unlink()
        gate.armed = True
        await pilot.press("r")
        await wait_for(pilot, lambda: app.busy.startswith("Reading"))
        await pilot.press("enter")  # on wien_b, which the new reading lacks
        gate.open.set()
        await wait_for(pilot, lambda: not isinstance(app.screen, ArticlesScreen) or not app.busy)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        cursor = app.screen_stack[-2].current_article_id()
        assert cursor is not None and screen.left_id == cursor


async def test_c_on_two_marked_reports_r_lost_one_of_says_so_not_another_pair(
    build_app, settle, folder
):
    gate = Gate()
    app = build_app([folder], engine=Engine(read=gate.read, align=gate.align), lexical=True)
    notes: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.notify = lambda message, **_: notes.append(message)  # type: ignore[method-assign]
        for key in ("wien_a", "wien_b"):
            move_to(app, key)
            await pilot.press("space")
        (folder / "wien_b.txt").unlink()
        gate.armed = True
        await pilot.press("r")
        await wait_for(pilot, lambda: app.busy.startswith("Reading"))
        await pilot.press("c")
        assert "“Urteil gegen Wiener Bürgerm…” beside “Huber-Urteil" in app.busy
        gate.open.set()
        await settle(pilot)
        assert isinstance(app.screen, ArticlesScreen)
        assert notes == ["A marked report is no longer read; mark two again, then c."]
