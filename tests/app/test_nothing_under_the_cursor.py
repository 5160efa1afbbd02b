"""Enter and ``c`` on a list with no report under the cursor: the status line says why.

An empty folder, or a filter that matches none, left the keys unanswered; Enter
pressed while an empty folder was still being read was dropped when the reading
ended.
"""

from __future__ import annotations

import threading

from waiting import held, wait_for

from newsdiff.app.engine import Engine, read_files
from newsdiff.app.screens.articles import ArticlesScreen
from newsdiff.app.widgets.busy_line import BusyLine

SIZE = (80, 24)
EMPTY_FOLDER = "No report under the cursor: the folder has no reports"
NO_MATCH = "No report under the cursor: the filter matches none"


def status(app) -> str:
    line = app.screen.query_one(BusyLine)
    return line.text if line.display else ""


async def test_enter_and_c_in_an_empty_folder_say_it_has_no_reports(build_app, settle, tmp_path):
    app = build_app([tmp_path], lexical=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.corpus is not None and not app.corpus.articles
        assert status(app) == ""
        await pilot.press("enter")
        await pilot.pause()
        assert status(app) == EMPTY_FOLDER
        app.note = ""
        await pilot.press("c")
        await pilot.pause()
        assert status(app) == EMPTY_FOLDER
        assert isinstance(app.screen, ArticlesScreen)


async def test_enter_and_c_under_a_filter_that_matches_none_say_so(build_app, settle):
    app = build_app(lexical=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"qqxqqzz", "enter")  # enter keeps the filter, to the list
        await pilot.pause()
        assert status(app) == ""
        await pilot.press("enter")
        await pilot.pause()
        assert status(app) == NO_MATCH
        app.note = ""
        await pilot.press("c")
        await pilot.pause()
        assert status(app) == NO_MATCH
        assert isinstance(app.screen, ArticlesScreen)


async def test_c_with_two_marked_still_compares_them_under_a_filter_that_matches_none(
    build_app, settle
):
    from newsdiff.app.screens.compare import CompareScreen

    app = build_app(lexical=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "space", "j", "space", "slash", *"qqxqqzz", "enter", "c")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen))


async def test_enter_while_an_empty_folder_is_read_is_answered_when_reading_ends(
    build_app, settle, tmp_path
):
    release = threading.Event()
    app = build_app([tmp_path], engine=Engine(read=held(release, read_files)), lexical=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert app.corpus is None
        release.set()
        await settle(pilot)
        assert status(app) == EMPTY_FOLDER


async def test_two_empty_folders_and_an_unreadable_file_are_named_as_they_are(
    build_app, settle, tmp_path
):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    app = build_app([first, second], lexical=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert status(app) == "No report under the cursor: the folders have no reports"
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02\xff" * 64)  # not text: skipped, with a notice
    app = build_app([binary], lexical=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.corpus is not None and app.corpus.problems and not app.corpus.articles
        await pilot.press("enter")
        await pilot.pause()
        assert status(app) == "No report under the cursor: no report could be read"
