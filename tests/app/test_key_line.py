"""The footer key line: what it shows at a width, and that a click runs the key under it."""

from __future__ import annotations

from newsdiff.app.screens.help import HelpScreen
from newsdiff.app.widgets.key_line import KeyLine


def drawn(app) -> dict[str, tuple[int, int]]:  # type: ignore[no-untyped-def]
    return {key.description: (key.start, key.end) for key in app.screen.query_one(KeyLine).drawn}


async def test_the_list_shows_its_keys_in_order_and_help_and_palette_at_80(build_app, settle):
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = drawn(app)
        names = list(keys)
        assert names[:3] == ["Compare", "Mark", "Compare marked"]
        assert "Keys" in keys and "palette" in keys
        assert all(end <= 80 for _start, end in keys.values())
        # the palette key sits at the right edge
        assert keys["palette"][1] == 80


async def test_a_narrow_line_drops_keys_from_the_end_but_keeps_help(build_app, settle):
    app = build_app()
    async with app.run_test(size=(30, 24)) as pilot:
        await settle(pilot)
        keys = drawn(app)
        assert "Keys" in keys and "Quit" not in keys
        assert all(end <= 30 for _start, end in keys.values())


async def test_clicking_a_key_runs_it(build_app, settle):
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        start, _end = drawn(app)["Keys"]
        await pilot.click(KeyLine, offset=(start, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_clicking_between_keys_does_nothing(build_app, settle):
    app = build_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        _start, end = drawn(app)["Compare"]
        await pilot.click(KeyLine, offset=(end, 0))  # the gap after "⏎ Compare"
        await pilot.pause()
        assert app.screen is screen
