"""PageUp and PageDown in the command palette never crash the reader (issue 14, part 4).

Pressed at once after ctrl+p, before the palette's list has been laid out,
Textual 8's own page keys raised ``KeyError`` (its line index was still empty)
and the app ended with a traceback.
"""

from __future__ import annotations

from textual.command import CommandList, CommandPalette


async def test_page_down_moves_the_highlight_a_page_once_the_list_is_shown(build_app, settle):
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        commands = app.screen.query_one(CommandList)
        commands.highlighted = 0
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        assert (commands.highlighted or 0) > 1  # a page on, not one line
        await pilot.press("pageup")
        await pilot.pause()
        assert commands.highlighted == 0


async def test_a_page_key_with_a_query_typed(build_app):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", "c", "o", "pageup", "pagedown")
        await pilot.pause()
        assert CommandPalette.is_open(app)


async def test_a_page_key_before_the_list_is_laid_out(build_app):
    # the race of a real terminal (ctrl+p and pageup in one read), made certain: the
    # list has a highlighted option but no height yet, so no line index
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        commands = app.screen.query_one(CommandList)
        commands.styles.height = 0
        commands.clear_options()
        commands.add_options(["one", "two", "three"])
        commands.highlighted = 0
        await pilot.press("pageup", "pagedown")
        await pilot.pause()
        assert CommandPalette.is_open(app)
    assert app.return_code in (0, None)
