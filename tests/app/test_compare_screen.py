"""The comparison screen, key by key, on a small hand-made alignment."""

from __future__ import annotations

from compare_data import sample_alignment
from textual.app import App

from newsdiff.app.routing import ScreenRouter
from newsdiff.app.screens.compare import CompareScreen
from newsdiff.app.screens.passage import PassageScreen
from newsdiff.app.widgets.comparison_view import ComparisonView
from newsdiff.core.views.rows import row_of_passage


class CompareApp(ScreenRouter, App[None]):
    """Just enough app to hold the screen under test."""

    def __init__(self, left: str = "ard", right: str = "zdf", row: int | None = None) -> None:
        super().__init__()
        self.alignment = sample_alignment()
        self.args = (left, right, row)

    def on_mount(self) -> None:
        left, right, row = self.args
        self.push_screen(CompareScreen(self.alignment, left, right, row=row))


def visible_text(screen: CompareScreen) -> str:
    view = screen.query_one(ComparisonView)
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


async def test_opens_on_the_first_pair_with_the_view_focused():
    app = CompareApp("zdf", "dlf")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        # zdf and dlf share only one claim: the cursor starts on it, not on row 0
        assert screen.view.current_row.pair is not None
        assert screen.view.current_row.left.index == 2
        assert screen.cursor_row > 0
        assert screen.view.has_focus


async def test_j_k_and_arrows_move_the_cursor():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.cursor_row == 0
        await pilot.press("j")
        assert screen.cursor_row == 1
        await pilot.press("down", "down")
        assert screen.cursor_row == 3
        await pilot.press("k")
        assert screen.cursor_row == 2
        await pilot.press("up", "up", "up")
        assert screen.cursor_row == 0


async def test_n_and_shift_n_step_over_unpaired_rows():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("n", "n")
        assert screen.cursor_row == 2
        await pilot.press("n")  # row 3 is zdf's right-only passage: skipped
        assert screen.cursor_row == 4
        assert screen.view.current_row.pair.relation == "identical"
        await pilot.press("n")  # two unpaired ard passages skipped
        assert screen.view.current_row.left.index == 6
        await pilot.press("n")  # nothing below: stays
        assert screen.view.current_row.left.index == 6
        await pilot.press("N")
        assert screen.cursor_row == 4


async def test_d_and_shift_d_go_to_fact_differences():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("d")
        assert screen.view.current_row.differs
        assert screen.view.current_row.left.index == 2
        await pilot.press("G", "D")
        assert screen.view.current_row.left.index == 2
        await pilot.press("D")  # none above
        assert screen.view.current_row.left.index == 2


async def test_tab_switches_the_focused_column_and_enter_opens_that_passage():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("d", "tab")
        assert screen.view.focused_side == "right"
        await pilot.press("enter")
        assert isinstance(app.screen, PassageScreen)
        assert (app.screen.article_id, app.screen.sentence) == ("zdf", 2)
        await pilot.press("q")
        assert app.screen is screen
        await pilot.press("tab", "enter")
        assert (app.screen.article_id, app.screen.sentence) == ("ard", 2)


async def test_s_swaps_sides_and_keeps_the_passage_under_the_cursor():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("d")
        await pilot.press("s")
        assert (screen.left_id, screen.right_id) == ("zdf", "ard")
        row = screen.view.current_row
        assert (row.left.index, row.right.index) == (2, 2)
        assert row.pair.left.article == "zdf"
        await pilot.press("s")
        assert (screen.left_id, screen.right_id) == ("ard", "zdf")


async def test_brackets_and_arrows_cycle_the_right_report():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("d", "right_square_bracket")
        assert screen.right_id == "dlf"
        # the cursor stays on ard's passage, now beside dlf's
        assert screen.view.current_row.left.index == 2
        assert screen.view.current_row.right.text.startswith("4000 Soldaten")
        await pilot.press("right_square_bracket")
        assert screen.right_id == "zdf"
        await pilot.press("left_square_bracket")
        assert screen.right_id == "dlf"
        await pilot.press("left")
        assert screen.right_id == "zdf"
        await pilot.press("right")
        assert screen.right_id == "dlf"


async def test_u_shows_only_paired_passages_and_back():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        everything = len(screen.rows)
        await pilot.press("d", "u")
        assert screen.paired_only
        assert all(row.pair is not None for row in screen.rows)
        assert len(screen.rows) < everything
        assert screen.view.current_row.left.index == 2
        await pilot.press("u")
        assert len(screen.rows) == everything
        assert screen.view.current_row.left.index == 2


async def test_q_and_escape_go_back():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("q")
        assert not isinstance(app.screen, CompareScreen)
        app.push_screen(CompareScreen(app.alignment, "ard", "dlf"))
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, CompareScreen)


async def test_row_argument_puts_the_cursor_there():
    app = CompareApp(row=5)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.cursor_row == 5


async def test_article_text_shows_literally():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        text = visible_text(screen)
        assert "[bold]Helden[/bold]" in text
        assert "␛[31mfür" in text  # the escape shown, not sent to the terminal
        assert "\x1b" not in text


async def test_paired_passages_start_on_the_same_line_at_any_width():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        for size in [(120, 40), (80, 24), (60, 20)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            view = app.screen.view
            index = row_of_passage(app.screen.rows, 2, side="left")
            view.move_to(index)
            await pilot.pause()
            top = view.row_region(index).y - int(view.scroll_offset.y)
            line = view.render_line(top).text
            # both cells of the row open on one line, each with its position
            assert "¶2 §3 Nach" in line and "¶2 §3 Laut" in line, (size, line)
            assert line.startswith("≠ 0.70")


async def test_header_names_both_reports_and_counts():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        header = str(app.screen.query_one("#compare-counts").render())
        # the counts of `newsdiff report`: every pair, and pairs whose facts differ
        assert "5 pairs · 1 with facts differing" in header
        left = str(app.screen.query_one("#left-title").render())
        assert "Nordkorea bestätigt Truppenentsendung" in left and "tagesschau.de" in left


async def test_at_80_columns_the_header_keeps_each_reports_date_and_the_counts():
    from dataclasses import replace

    app = CompareApp()
    # long source names and times, as pages give them: before, the source came first
    # and the date was cut off at 80 columns
    long = ("Süddeutsche Zeitung Online", "Frankfurter Allgemeine Zeitung")
    articles = [
        replace(a, source=name, date=f"{a.date}T03:32")
        for a, name in zip(app.alignment.articles, long, strict=False)
    ]
    app.alignment = replace(app.alignment, articles=(*articles, *app.alignment.articles[2:]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        for side in ("left", "right"):
            title = screen.query_one(f"#{side}-title")
            meta = str(title.render()).splitlines()[1]
            date = screen.alignment.articles[0 if side == "left" else 1].date
            assert date is not None and date[:10] in meta, meta
            assert "…" not in meta.split(" · ")[0]  # the date itself is never cut
            assert len(meta.rstrip()) <= title.size.width
        header = str(screen.query_one("#compare-counts").render()).rstrip()
        assert header.startswith("5 pairs · 1 with facts differing")
        assert len(header) <= 78 and not header.endswith("…")
        # a search takes the room of the less important row number and legend hint
        screen.query_text, screen.matches = "Pjöngjang räumt Einsatz", ()
        screen._update_header()
        await pilot.pause()
        header = str(screen.query_one("#compare-counts").render()).rstrip()
        assert "“Pjöngjang räumt Einsatz”: 0 found" in header and "legend" not in header


async def test_every_binding_has_a_description_and_an_id():
    for cls in (CompareScreen, ComparisonView):
        for binding in cls.BINDINGS:
            assert binding.description and binding.id, binding


async def test_a_theme_change_repaints_the_highlights_in_the_new_colours():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "textual-dark"
        await pilot.press("d")
        await pilot.pause()
        view = app.screen.view
        top = view.row_region(view.cursor_row).y - int(view.scroll_offset.y)

        def style_of(word: str):
            strip = view.render_line(top)
            for segment in strip:
                if word in segment.text:
                    return segment.style
            raise AssertionError(word)

        dark = style_of("4700")
        app.theme = "textual-light"
        await pilot.pause()
        light = style_of("4700")
        assert dark.bgcolor != light.bgcolor
        assert dark.bold and dark.underline  # a differing fact: not by colour alone


async def test_a_click_puts_the_cursor_on_that_row_and_column():
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.view
        index = row_of_passage(app.screen.rows, 3, side="right")  # zdf's right-only passage
        top = view.row_region(index).y - int(view.scroll_offset.y)
        await pilot.click(ComparisonView, offset=(100, top))
        assert app.screen.cursor_row == index
        assert view.focused_side == "right"


async def test_a_second_pass_landing_on_a_closed_comparison_is_kept_not_raised():
    # quitting right after Enter: the second pass may reach a screen whose widgets are gone
    app = CompareApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        app.pop_screen()
        await pilot.pause()
        screen.show_alignment(app.alignment)
        assert screen.rows


async def test_a_weak_pair_reads_as_the_same_claim_as_in_the_passage_view():
    # a 0.10 pair showed "≈ 0.10" / "≠ 0.10" with its facts marked, and d stopped on it,
    # while the passage view calls it the same claim, not paired directly
    from dataclasses import replace

    from newsdiff.app.widgets.status_line import StatusLine

    app = CompareApp()
    base = app.alignment
    app.alignment = replace(
        base,
        pairs=tuple(
            replace(p, score=0.10) if {p.left.article, p.right.article} == {"ard", "zdf"} else p
            for p in base.pairs
        ),
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        text = visible_text(screen)
        assert "~ 0.10" in text
        assert "≈ 0.10" not in text and "≠ 0.10" not in text and "≡ 0.10" not in text
        seoul = row_of_passage(screen.view.rows, 2, side="left")
        assert seoul is not None and screen.view.rows[seoul].pair is not None
        screen.view.move_to(seoul)
        await pilot.pause()
        note = str(screen.query_one("#compare-notes", StatusLine).content)
        assert note.startswith("~ 0.10 same claim, not paired directly")
        styles = screen.view.highlight_styles()
        cell = screen.view._cell(seoul, "left")
        assert not [s for s in cell.spans if s.style == styles["fact-differ"]]  # unmarked
        await pilot.press("d")  # no fact is compared: nothing to go to
        assert screen.cursor_row == seoul
