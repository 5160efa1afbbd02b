"""The status line's spinner turns while work runs and stands still otherwise."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from newsdiff.app.widgets.spinner import FRAMES, Spinner


class SpinnerApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Spinner()


async def test_the_spinner_turns_only_while_spinning():
    app = SpinnerApp()
    app.animation_level = "full"
    async with app.run_test() as pilot:
        spinner = app.query_one(Spinner)
        await asyncio.sleep(0.25)
        assert str(spinner.render()) == FRAMES[0]  # not spinning: the first frame stays
        spinner.spin(True)
        await asyncio.sleep(0.35)
        await pilot.pause()
        turned = str(spinner.render())
        assert turned != FRAMES[0]
        spinner.spin(False)
        await asyncio.sleep(0.25)
        assert str(spinner.render()) == turned


async def test_without_animation_the_spinner_is_blank():
    app = SpinnerApp()
    app.animation_level = "none"
    async with app.run_test():
        spinner = app.query_one(Spinner)
        spinner.spin(True)
        await asyncio.sleep(0.25)
        assert str(spinner.render()) == ""
