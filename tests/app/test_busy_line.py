"""The status line's spinner turns while work runs and stands still otherwise."""

from __future__ import annotations

import asyncio

from textual.app import App, ComposeResult

from newsdiff.app.widgets.busy_line import FRAMES, BusyLine


class BusyLineApp(App[None]):
    def compose(self) -> ComposeResult:
        yield BusyLine()


async def test_the_spinner_turns_only_while_spinning():
    app = BusyLineApp()
    app.animation_level = "full"
    async with app.run_test() as pilot:
        line = app.query_one(BusyLine)
        await asyncio.sleep(0.25)
        assert line.frame == FRAMES[0]  # not spinning: the first frame stays
        line.show("Reading 5 files…", spinning=True)
        await asyncio.sleep(0.35)
        await pilot.pause()
        turned = line.frame
        assert turned != FRAMES[0]
        assert line.render().plain == f"{turned} Reading 5 files…"
        line.show("3 paraphrase pairs added", spinning=False)
        await asyncio.sleep(0.25)
        assert line.frame == turned
        # work done: no spinner glyph left standing beside the result, as if still busy
        assert line.render().plain == "  3 paraphrase pairs added"


async def test_without_animation_the_spinner_is_blank():
    app = BusyLineApp()
    app.animation_level = "none"
    async with app.run_test():
        line = app.query_one(BusyLine)
        line.show("Pairing…", spinning=True)
        await asyncio.sleep(0.25)
        assert line.frame == "" and line.render().plain == "  Pairing…"
