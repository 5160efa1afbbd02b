"""The passage view: a passage and what every other report says about its claim."""

from __future__ import annotations

from compare_data import sample_alignment
from textual.app import App

from newsdiff.app.routing import ScreenRouter
from newsdiff.app.screens.compare import CompareScreen
from newsdiff.app.screens.passage import PassageList, PassageScreen
from newsdiff.core.model import Alignment


class PassageApp(ScreenRouter, App[None]):
    def __init__(self, article: str = "ard", sentence: int = 2) -> None:
        super().__init__()
        self.alignment = sample_alignment()
        self.args = (article, sentence)

    def on_mount(self) -> None:
        self.push_screen(PassageScreen(self.alignment, *self.args))


def lines(screen: PassageScreen) -> list[str]:
    options = screen.query_one(PassageList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_every_other_report_speaks_with_source_score_and_text():
    app = PassageApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = "\n".join(lines(app.screen))
        assert "≠ 0.70  zdf.de · 2025-04-28" in text
        assert "Laut Seoul wurden rund 4700 Soldaten verletzt." in text
        assert "≈ 0.74  deutschlandfunk.de" in text
        meta = str(app.screen.query_one("#passage-meta").render())
        assert "tagesschau.de" in meta and "¶2 §3" in meta


async def test_a_report_that_says_nothing_is_named():
    app = PassageApp("ard", 6)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = "\n".join(lines(app.screen))
        assert "∅ 1 report says nothing about this: deutschlandfunk.de" in text


async def test_the_reports_that_tell_the_passage_come_first_the_silent_in_one_line():
    # the silent reports' "says nothing" lines stood between the ones that tell it,
    # in the folder's order; now the tellers first, the silent named once, after them
    from dataclasses import replace

    from newsdiff.app.widgets.passage_text import visible

    base = sample_alignment()
    ard, zdf, dlf = base.articles
    br = replace(dlf, id="br", source="[b]br.de[/b]\x1b[2J")  # a file's name is data
    app = PassageApp("ard", 3)
    app.alignment = replace(base, articles=(ard, dlf, br, zdf))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(PassageList)
        shown = lines(app.screen)
        assert shown[0].startswith("≡ 1.00  zdf.de · 2025-04-28")
        assert shown[1:] == [
            "∅ 2 reports say nothing about this: deutschlandfunk.de, "
            + visible("[b]br.de[/b]\x1b[2J")
        ]
        assert len(shown) == 2  # one line for both silent reports
        assert options.get_option_at_index(1).disabled
        assert options.highlighted == 0  # the cursor on the report that tells it


async def test_the_passage_is_highlighted_with_its_facts():
    app = PassageApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(PassageList)
        prompt = options.get_option_at_index(0).prompt
        styled = {prompt.plain[s.start : s.end] for s in prompt.spans}
        assert "4700" in styled  # the differing figure carries a style of its own
        differ = options.get_visual_style("passage-list--fact-differ", partial=True)
        assert any(
            prompt.plain[s.start : s.end] == "4700" and s.style == differ for s in prompt.spans
        )


async def test_n_and_shift_n_step_through_claims():
    app = PassageApp("ard", 0)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("n")
        assert screen.sentence == 1
        await pilot.press("n", "n")
        assert screen.sentence == 3
        await pilot.press("n")  # ard §5 and §6 share nothing: the next claim is §7
        assert screen.sentence == 6
        await pilot.press("n")
        assert screen.sentence == 6
        await pilot.press("N")
        assert screen.sentence == 3
        assert "„siegreich abgeschlossen“" in str(screen.query_one("#passage-text").render())


async def test_enter_opens_that_comparison_at_this_row():
    app = PassageApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        passage = app.screen
        await pilot.press("j", "enter")  # dlf's line
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.left_id, screen.right_id) == ("ard", "dlf")
        assert screen.view.current_row.left.index == 2
        assert screen.view.current_row.right.index == 2
        await pilot.press("q")
        assert app.screen is passage
        await pilot.press("q")
        assert not isinstance(app.screen, PassageScreen)


async def test_every_binding_has_a_description_and_an_id():
    for cls in (PassageScreen, PassageList):
        for binding in cls.BINDINGS:
            assert binding.description and binding.id, binding


async def test_the_cursor_starts_on_a_report_that_says_something():
    full = sample_alignment()
    # ard says nothing about dlf's passage here: its line, disabled, after zdf's
    pairs = tuple(p for p in full.pairs if {p.left.article, p.right.article} != {"ard", "dlf"})
    app = PassageApp("dlf", 2)
    app.alignment = Alignment(full.articles, pairs, ())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(PassageList)
        assert options.highlighted == 0
        assert "zdf.de" in str(options.get_option_at_index(0).prompt)
        last = options.get_option_at_index(options.option_count - 1)
        assert last.disabled and "tagesschau.de" in str(last.prompt)
    app = PassageApp("zdf", 3)  # nobody else tells the right-only passage
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        options = app.screen.query_one(PassageList)
        assert options.highlighted is None
        assert "no other report tells this" in str(app.screen.query_one("#passage-meta").render())


async def test_dates_with_a_time_read_as_in_the_list():
    from dataclasses import replace

    app = PassageApp()
    timed = tuple(replace(a, date=f"{a.date}T03:32") for a in app.alignment.articles)
    app.alignment = replace(app.alignment, articles=timed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        meta = str(app.screen.query_one("#passage-meta").render())
        assert "2025-04-28 03:32" in meta and "T03:32" not in meta
        assert "zdf.de · 2025-04-28 03:32" in "\n".join(lines(app.screen))


async def test_a_passage_that_lost_control_characters_says_so():
    # a bidi override can make "000.11" read as "11.000": the reader must know that
    # what it sees is not byte for byte the file (as `align` and the JSON say)
    from dataclasses import replace

    app = PassageApp()
    base = app.alignment
    ard = base.articles[0]
    cleaned = tuple(replace(s, cleaned=s.index == 2) for s in ard.sentences)
    app.alignment = replace(base, articles=(replace(ard, sentences=cleaned), *base.articles[1:]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        meta = str(app.screen.query_one("#passage-meta").render())
        assert "control characters removed" in meta
        await pilot.press("n")  # the next claim's passage was read as written
        assert "control characters removed" not in str(
            app.screen.query_one("#passage-meta").render()
        )


async def test_a_weak_pair_reads_as_the_same_claim_with_its_score_not_as_reworded():
    from dataclasses import replace

    base = sample_alignment()
    app = PassageApp()
    app.alignment = replace(
        base,
        pairs=tuple(
            replace(p, score=0.10) if {p.left.article, p.right.article} == {"ard", "zdf"} else p
            for p in base.pairs
        ),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = "\n".join(lines(app.screen))
        assert "~ 0.10 same claim, not paired directly  zdf.de · 2025-04-28" in text
        assert "0.10  zdf" not in text  # no ≈ / ≠ pair line for it
        assert "≈ 0.74  deutschlandfunk.de" in text
